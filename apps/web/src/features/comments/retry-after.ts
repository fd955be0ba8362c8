/**
 * Seconds to wait from a Retry-After header (seconds, or an HTTP date), null when absent or
 * unreadable. Never less than one: "retry in 0 s" helps nobody.
 */
export function retryAfterSeconds(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(1, Math.ceil((at - now) / 1000));
}
