import type { AuditAction, AuditOutcome } from './db/schema/audit';
import { auditEvents } from './db/schema/audit';
import type { DbOrTx } from './db/client';
import type { AccessContext } from './access';

export interface AuditInput {
  action: AuditAction;
  /** read, search, login, logout, session-expired, export, import, denied, ... */
  subtype: string;
  outcome: AuditOutcome;
  entityType?: string | null;
  entityId?: string | null;
  patientId?: string | null;
  /** For searches: the query; never names, notes or other free text. */
  query?: Record<string, unknown> | null;
  detail?: Record<string, unknown> | null;
}

export interface AuditActor {
  userId?: string | null;
  username?: string | null;
  role?: string | null;
  clientAddress?: string | null;
  userAgent?: string | null;
}

export function actorOf(ctx: AccessContext): AuditActor {
  return { userId: ctx.userId, username: ctx.username, role: ctx.role, clientAddress: ctx.clientAddress, userAgent: ctx.userAgent };
}

/**
 * Appends one audit event (FHIR AuditEvent shape; fbss-domain.md §9, HIPAA 164.312(b)).
 * Writes call it inside their own transaction so the change and its audit row land together.
 */
export async function writeAudit(db: DbOrTx, actor: AuditActor, input: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    userId: actor.userId ?? null,
    username: actor.username ?? null,
    role: actor.role ?? null,
    clientAddress: actor.clientAddress ?? null,
    userAgent: actor.userAgent ? actor.userAgent.slice(0, 300) : null,
    action: input.action,
    subtype: input.subtype,
    outcome: input.outcome,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    patientId: input.patientId ?? null,
    query: input.query ?? null,
    detail: input.detail ?? null,
  });
}
