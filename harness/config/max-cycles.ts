/** The most conversations (start, talk, hang up) one run may hold: SOAK_CYCLES and a script's `cycles` alike. */
export const MAX_CYCLES = 100;
