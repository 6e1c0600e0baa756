/** The harness clock lives in recording/harness-clock.ts; this path stays for bench/ (sampler-cost.ts, heap-profile-cost.ts). */
export { createHarnessClock, type HarnessClock } from './recording/harness-clock.ts';
