/**
 * The audio-level contract shared by the output tap (monitor), the fake mic's speech bounds (collect) and the
 * analyzer's audible runs: frames of OUTPUT_FRAME_MS, RMS in dBFS, audible above AUDIBLE_DB. Pure constants.
 */
export const OUTPUT_FRAME_MS = 10;
/** A frame louder than this (dBFS RMS) is audible: well above digital silence and dither, below quiet speech. */
export const AUDIBLE_DB = -50;
