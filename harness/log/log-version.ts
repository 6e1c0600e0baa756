/** The log format's version, in a module without zod so that the in-page bundle does not pull zod in. */
export const LOG_SCHEMA_VERSION = 2;
/**
 * The oldest version this voice-soak still reads. 2 only added record types (the output tap's audio-out and the
 * fake mic's mic records, issue 13; WebRTC data channel and getStats samples, dc and rtc, issue 14), so a version 1
 * log is a valid version 2 log without them.
 */
export const OLDEST_READABLE_LOG_SCHEMA_VERSION = 1;
