/** Moved to collect/mic (device mode lays out the WAV with it; script builds on mic, not the other way). */
export { ASSUMED_FIRST_AUDIO_MS, ASSUMED_UTTERANCE_MS, estimateEntryMs, type UtteranceMsOf } from '../mic/estimate-entry-ms.ts';
