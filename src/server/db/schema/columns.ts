import { boolean, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Opaque UUID primary key (never sequential: architecture.md, Data rules). */
export const pk = () => uuid().primaryKey().defaultRandom();

/** UTC instant; JS Date in code, ISO 8601 at the contract boundary. */
export const instant = () => timestamp({ withTimezone: true, mode: 'date' });

/**
 * Every mutable row: version for optimistic concurrency (updates are conditional on it, 409 otherwise),
 * and who created and last changed it.
 */
export const versioned = () => ({
  version: integer().notNull().default(1),
  createdAt: instant().notNull().defaultNow(),
  createdBy: uuid(),
  updatedAt: instant().notNull().defaultNow(),
  updatedBy: uuid(),
});

/** No hard deletes of clinical data: a record is marked entered-in-error with reason, who and when. */
export const enteredInError = () => ({
  enteredInError: boolean().notNull().default(false),
  enteredInErrorAt: instant(),
  enteredInErrorBy: uuid(),
  enteredInErrorReason: text(),
});
