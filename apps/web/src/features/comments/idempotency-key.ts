/**
 * A fresh key for one submission, so a double click or a retry after a lost answer makes one
 * comment. getRandomValues works on plain-http installs too (randomUUID needs a secure page).
 */
export function newIdempotencyKey(
  fill: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
) {
  const bytes = fill(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
