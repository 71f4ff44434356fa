import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../shared/domain/permissions';
import { type Db, one } from '../db/client';
import { loginAttempts, sessions, users } from '../db/schema/users';
import { hashToken, newToken } from '../auth/tokens';

export type EndReason = NonNullable<(typeof sessions.$inferSelect)['endReason']>;

export interface SessionPolicy {
  idleTimeoutSeconds: number;
  maxLifetimeSeconds: number;
  secret: string | undefined;
}

export interface ResolvedSession {
  sessionId: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  expiresAt: Date;
  lastSeenAt: Date;
}

export type SessionLookup =
  | { state: 'valid'; session: ResolvedSession }
  | { state: 'ended'; reason: EndReason; userId: string; username: string; role: Role; sessionId: string }
  | { state: 'unknown' };

/** Lockout: 5 failed attempts for an account within 15 minutes (issue 3). */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MINUTES = 15;
/** lastSeenAt is written at most this often, so that every request is not also a write. */
const TOUCH_EVERY_MS = 15_000;

export class SessionsRepository {
  constructor(
    private readonly db: Db,
    private readonly policy: SessionPolicy,
  ) {}

  async create(userId: string, clientAddress: string | null, userAgent: string | null): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.policy.maxLifetimeSeconds * 1000);
    const row = one(await this.db
      .insert(sessions)
      .values({ tokenHash: hashToken(token, this.policy.secret), userId, expiresAt, clientAddress, userAgent: userAgent?.slice(0, 300) ?? null })
      .returning({ id: sessions.id }));
    return { token, sessionId: row.id, expiresAt };
  }

  /** Finds the session behind a cookie token and applies the idle and absolute timeouts. */
  async resolve(token: string, now = new Date()): Promise<SessionLookup> {
    const [row] = await this.db
      .select({
        sessionId: sessions.id,
        userId: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        active: users.active,
        mustChangePassword: users.mustChangePassword,
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
        endedAt: sessions.endedAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, hashToken(token, this.policy.secret)))
      .limit(1);
    if (!row || row.endedAt) return { state: 'unknown' };
    const who = { userId: row.userId, username: row.username, role: row.role, sessionId: row.sessionId };
    let reason: EndReason | null = null;
    if (!row.active) reason = 'deactivated';
    else if (row.expiresAt <= now) reason = 'expired';
    else if (now.getTime() - row.lastSeenAt.getTime() > this.policy.idleTimeoutSeconds * 1000) reason = 'idle';
    if (reason) {
      await this.end(row.sessionId, reason);
      return { state: 'ended', reason, ...who };
    }
    if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
      row.lastSeenAt = now;
    }
    return {
      state: 'valid',
      session: {
        sessionId: row.sessionId,
        userId: row.userId,
        username: row.username,
        displayName: row.displayName,
        role: row.role,
        mustChangePassword: row.mustChangePassword,
        expiresAt: row.expiresAt,
        lastSeenAt: row.lastSeenAt,
      },
    };
  }

  async touch(sessionId: string, now = new Date()): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }

  async end(sessionId: string, reason: EndReason): Promise<void> {
    await this.db
      .update(sessions)
      .set({ endedAt: new Date(), endReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
  }

  /** Ends every open session of a user (password change, deactivation, role change). */
  async endAllForUser(userId: string, reason: EndReason, db: Pick<Db, 'update'> = this.db): Promise<void> {
    await db
      .update(sessions)
      .set({ endedAt: new Date(), endReason: reason })
      .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)));
  }

  async recordAttempt(username: string, success: boolean, clientAddress: string | null): Promise<void> {
    await this.db.insert(loginAttempts).values({ username: username.toLowerCase(), success, clientAddress });
  }

  /** Failed attempts for this account in the lockout window since its last successful sign-in. */
  async recentFailures(username: string, now = new Date()): Promise<{ failures: number; retryAfterSeconds: number }> {
    const since = new Date(now.getTime() - LOCKOUT_WINDOW_MINUTES * 60_000);
    const rows = await this.db
      .select({ success: loginAttempts.success, at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(sql`lower(${loginAttempts.username}) = ${username.toLowerCase()}`, gt(loginAttempts.at, since)))
      .orderBy(sql`${loginAttempts.at} desc`)
      .limit(50);
    const failures: Date[] = [];
    for (const r of rows) {
      if (r.success) break;
      failures.push(r.at);
    }
    const oldestCounted = failures[Math.min(failures.length, LOCKOUT_FAILURES) - 1];
    const retryAfterSeconds = oldestCounted
      ? Math.max(1, Math.ceil((oldestCounted.getTime() + LOCKOUT_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000))
      : 0;
    return { failures: failures.length, retryAfterSeconds };
  }
}
