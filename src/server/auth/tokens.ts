import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A new opaque session token (256 bits). Only its keyed hash is stored, so a database read does not yield live sessions. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string, secret: string | undefined): string {
  return secret ? createHmac('sha256', secret).update(token).digest('base64url') : createHash('sha256').update(token).digest('base64url');
}
