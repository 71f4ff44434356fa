/**
 * A fresh Idempotency-Key (a UUID) for one form submission; a retry of the same submission sends the
 * same key, so the server answers it once (src/server/plugins/idempotency.ts).
 * `crypto.randomUUID` exists only in secure contexts (HTTPS or localhost); elsewhere the key is built
 * from `crypto.getRandomValues`, which is available everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Keys per submission: the same request body gets the same key (a retry after a lost answer), a
 * changed body a new one (a different submission must not be answered with the first one's result).
 */
export class IdempotencyKeys {
  private last: { body: string; key: string } | null = null;

  constructor(private readonly generate: () => string = newIdempotencyKey) {}

  keyFor(body: unknown): string {
    const json = JSON.stringify(body);
    if (this.last?.body !== json) this.last = { body: json, key: this.generate() };
    return this.last.key;
  }

  /** After a success: the next submission, even with the same content, is a new one. */
  reset(): void {
    this.last = null;
  }
}
