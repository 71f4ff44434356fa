import { sql } from 'drizzle-orm';
import { boolean, index, inet, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/domain/permissions';
import { instant, pk, versioned } from './columns';

export const users = pgTable(
  'users',
  {
    id: pk(),
    username: text().notNull(),
    displayName: text().notNull(),
    role: text().$type<Role>().notNull(),
    /** scrypt$N$r$p$salt$hash (node:crypto); never logged, never returned. */
    passwordHash: text().notNull(),
    mustChangePassword: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    passwordChangedAt: instant().notNull().defaultNow(),
    lastSignInAt: instant(),
    ...versioned(),
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`)],
);

/** Server-side sessions (shared by every API process). The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: pk(),
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: instant().notNull().defaultNow(),
    lastSeenAt: instant().notNull().defaultNow(),
    expiresAt: instant().notNull(),
    endedAt: instant(),
    endReason: text().$type<'signed-out' | 'idle' | 'expired' | 'password-changed' | 'deactivated' | 'role-changed'>(),
    clientAddress: inet(),
    userAgent: text(),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_open_idx').on(t.userId).where(sql`${t.endedAt} is null`)],
);

/** Sign-in attempts, for the per-account lockout (5 failures in 15 minutes). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: pk(),
    username: text().notNull(),
    at: instant().notNull().defaultNow(),
    success: boolean().notNull(),
    clientAddress: inet(),
  },
  (t) => [index('login_attempts_username_at_idx').on(sql`lower(${t.username})`, t.at)],
);
