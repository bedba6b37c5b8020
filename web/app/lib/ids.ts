/**
 * A random UUID (version 4) for an idempotency key or a desk's id. The browser's
 * crypto.randomUUID exists only in a secure context (HTTPS, localhost): a school's all-in-one
 * server reached over its LAN by plain HTTP is not one, and every request that changes something
 * would fail. crypto.getRandomValues exists everywhere.
 */
export function randomId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : uuidFromRandomValues();
}

/** RFC 9562's version 4 from sixteen random bytes: version and variant bits set, the rest random. */
export function uuidFromRandomValues(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
