/** Delay before reconnect attempt `attempt` (1-based): 250 ms doubling up to `maxDelayMs`. */
export function reconnectDelayMs(attempt: number, baseDelayMs = 250, maxDelayMs = 5000): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`reconnectDelayMs: attempt must be an integer >= 1, got ${attempt}`);
  return Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}
