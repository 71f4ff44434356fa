import { index, inet, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { instant, pk } from './columns';

export const AUDIT_ACTIONS = ['create', 'read', 'update', 'delete', 'execute'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * Append-only audit trail shaped after FHIR AuditEvent (fbss-domain.md §9; HIPAA 164.312(b) audit controls).
 * action: C/R/U/D/E (delete = marked entered-in-error); subtype: search, read, login, export, ...
 * A trigger in the migrations rejects UPDATE and DELETE on this table.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: pk(),
    recordedAt: instant().notNull().defaultNow(),
    userId: uuid(),
    username: text(),
    role: text(),
    action: text().$type<AuditAction>().notNull(),
    subtype: text().notNull(),
    entityType: text(),
    entityId: text(),
    patientId: uuid(),
    outcome: text().$type<AuditOutcome>().notNull(),
    clientAddress: inet(),
    userAgent: text(),
    /** For searches: the query parameters; for exports and imports: counts. Never names or free text. */
    query: jsonb().$type<Record<string, unknown>>(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_events_recorded_idx').on(t.recordedAt.desc()),
    index('audit_events_user_idx').on(t.userId, t.recordedAt.desc()),
    index('audit_events_patient_idx').on(t.patientId, t.recordedAt.desc()),
  ],
);

/** Idempotent retries: a replayed Idempotency-Key returns the original status and body (kept >= 24 hours). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid().notNull(),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    requestHash: text().notNull(),
    status: text().$type<'pending' | 'done'>().notNull(),
    responseStatus: integer(),
    responseBody: jsonb(),
    createdAt: instant().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
