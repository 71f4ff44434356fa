import { IdempotencyKeys, newIdempotencyKey } from './idempotency-key';

describe('idempotency keys', () => {
  it('are UUIDs the server accepts (8-200 letters, digits or -)', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });

  it('reuses the key for a retry of the same submission and makes a new one for a changed body', () => {
    let n = 0;
    const keys = new IdempotencyKeys(() => `key-${String(++n)}`);
    expect(keys.keyFor({ a: 1 })).toBe('key-1');
    expect(keys.keyFor({ a: 1 })).toBe('key-1');
    expect(keys.keyFor({ a: 2 })).toBe('key-2');
    keys.reset();
    expect(keys.keyFor({ a: 2 })).toBe('key-3');
  });
});
