/** Exponential backoff with full jitter's upper bound fixed: 2s, 4s, 8s ... capped at 1 hour. */
export function retryDelayMs(attempt: number, baseMs = 2000, capMs = 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
