import * as z from 'zod';

/** Opaque identifiers exposed by the API are UUIDs, never sequential (architecture.md, Data rules). */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** A calendar date (date of birth, clinical dates) as YYYY-MM-DD. */
export const IsoDate = z.iso.date();
/** An instant as ISO 8601 with offset (timestamps are UTC timestamptz in the database). */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Optimistic concurrency: every mutable record carries a version; updates are conditional on it. */
export const Version = z.number().int().min(1);

export const PAGE_SIZE_MAX = 100;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(25),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/** Accepts `a` or `a&a` (repeated query parameters) and always yields an array. */
export function repeated<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item)).optional();
}

/** Query-string booleans: `true`/`1` and `false`/`0`. */
export const QueryBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Marking a record entered-in-error needs a reason (no hard deletes). */
export const EnteredInErrorBody = z.object({
  version: Version,
  reason: z.string().trim().min(3, 'Give a reason of at least 3 characters').max(500),
});
export type EnteredInErrorBody = z.infer<typeof EnteredInErrorBody>;

export const Audit = z.object({
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
  updatedAt: IsoDateTime,
  updatedBy: z.string().nullable(),
});
