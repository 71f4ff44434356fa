import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditEventItem, AuditEventQuery } from '../../shared/contracts/admin';
import type { Db } from '../db/client';
import { auditEvents } from '../db/schema/audit';

type Filter = Omit<AuditEventQuery, 'page' | 'pageSize'>;

/** From/to are the clinic's calendar days (CLINIC_TZ), so "today" in the viewer means the clinic's today. */
function where(f: Filter, timeZone: string): SQL | undefined {
  const conds: SQL[] = [];
  if (f.userId) conds.push(eq(auditEvents.userId, f.userId));
  if (f.username) conds.push(sql`lower(${auditEvents.username}) = ${f.username.toLowerCase()}`);
  if (f.patientId) conds.push(eq(auditEvents.patientId, f.patientId));
  if (f.action) conds.push(eq(auditEvents.action, f.action));
  if (f.outcome) conds.push(eq(auditEvents.outcome, f.outcome));
  if (f.from) conds.push(gte(auditEvents.recordedAt, sql`(${f.from}::date)::timestamp at time zone ${timeZone}`));
  if (f.to) conds.push(lt(auditEvents.recordedAt, sql`(${f.to}::date + 1)::timestamp at time zone ${timeZone}`));
  return conds.length ? and(...conds) : undefined;
}

function toItem(r: typeof auditEvents.$inferSelect): AuditEventItem {
  return {
    id: r.id,
    recordedAt: r.recordedAt.toISOString(),
    userId: r.userId,
    username: r.username,
    role: r.role,
    action: r.action,
    subtype: r.subtype,
    outcome: r.outcome,
    entityType: r.entityType,
    entityId: r.entityId,
    patientId: r.patientId,
    clientAddress: r.clientAddress,
    userAgent: r.userAgent,
    query: r.query,
    detail: r.detail,
  };
}

/** The audit viewer (admins): names patients only by their opaque id. */
export class AuditRepository {
  constructor(
    private readonly db: Db,
    private readonly timeZone: string,
  ) {}

  async page(q: AuditEventQuery): Promise<{ items: AuditEventItem[]; total: number }> {
    const w = where(q, this.timeZone);
    const [rows, counted] = await Promise.all([
      this.db
        .select()
        .from(auditEvents)
        .where(w)
        .orderBy(desc(auditEvents.recordedAt), desc(auditEvents.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      this.db.select({ total: count() }).from(auditEvents).where(w),
    ]);
    return { items: rows.map(toItem), total: counted[0]?.total ?? 0 };
  }

  /** Up to `limit` events for a CSV export, newest first. */
  async export(f: Filter, limit: number): Promise<AuditEventItem[]> {
    const rows = await this.db.select().from(auditEvents).where(where(f, this.timeZone)).orderBy(desc(auditEvents.recordedAt)).limit(limit);
    return rows.map(toItem);
  }
}
