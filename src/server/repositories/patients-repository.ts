import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  ChangeStatusBody,
  MrnCheckResponse,
  Patient,
  PatientListItem,
  PatientListQuery,
  RegisterReferralBody,
  UpdatePatientBody,
} from '../../shared/contracts/patients';
import { maxPriority, transitionError } from '../../shared/domain/case-status';
import { actorOf, writeAudit } from '../audit';
import { users } from '../db/schema/users';
import { CASE_STATUSES } from '../../shared/domain/case-status';
import { FOLLOW_UP_WINDOW_DAYS, addDays } from '../../shared/domain/follow-up';
import { PAIN_BAND_RANGES, type PainBand } from '../../shared/domain/pain';
import type { AccessContext } from '../access';
import { type Db, type DbOrTx, execRows, one } from '../db/client';
import { patients, referrals, surgeries } from '../db/schema/clinical';
import { badRequest, notFound, ruleViolation, stale } from '../http/problem';

/** ORDER BY for each worklist sort key (table alias p), ascending; descending flips each term. Every order ends with id for a stable page. */
const SORTS: Record<string, (dir: 'asc' | 'desc') => string> = {
  // Urgent first (open red flag, then referral priority), then oldest referral: matches patients_worklist_default_idx.
  priority: (d) =>
    d === 'asc'
      ? 'p.open_red_flag desc nulls last, p.priority_rank asc, p.referred_on asc nulls last, p.id asc'
      : 'p.open_red_flag asc nulls first, p.priority_rank desc, p.referred_on desc nulls first, p.id desc',
  name: (d) => `lower(p.family_name) ${d}, lower(p.given_name) ${d}, p.id ${d}`,
  mrn: (d) => `p.mrn ${d}, p.id ${d}`,
  // Youngest first when ascending by age = latest date of birth first.
  age: (d) => `p.date_of_birth ${d === 'asc' ? 'desc' : 'asc'}, p.id ${d}`,
  referredOn: (d) => `p.referred_on ${d} nulls last, p.id ${d}`,
  surgeryDate: (d) => `p.index_surgery_date ${d} nulls last, p.id ${d}`,
  status: (d) =>
    `array_position(array[${CASE_STATUSES.map((s) => `'${s}'`).join(',')}]::text[], p.status) ${d}, p.referred_on ${d} nulls last, p.id ${d}`,
  backNrs: (d) => `p.latest_back_nrs ${d} nulls last, p.id ${d}`,
  legNrs: (d) => `p.latest_leg_nrs ${d} nulls last, p.id ${d}`,
  nextFollowUp: (d) => `p.next_follow_up_due ${d} nulls last, p.id ${d}`,
};

export function orderByFor(sort: string): string {
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const fn = SORTS[sort.replace(/^-/, '')];
  if (!fn) throw new Error(`unknown sort ${sort}`);
  return fn(dir);
}

/** The columns the worklist sorts on: all a filtered page needs to carry through its materialised CTE. */
const SORT_COLUMNS = sql.raw(
  'p.id, p.open_red_flag, p.priority_rank, p.referred_on, p.family_name, p.given_name, p.mrn, p.date_of_birth, p.index_surgery_date, p.status, p.latest_back_nrs, p.latest_leg_nrs, p.next_follow_up_due',
);

/** Half-open bounds of a pain band for decimals: 0-3 = [0, 4), 4-6 = [4, 7), 7-10 = [7, 10]. */
function bandBounds(band: PainBand): { lo: number; hi: number | null } {
  const r = PAIN_BAND_RANGES[band];
  return { lo: r.min, hi: band === '7-10' ? null : r.max + 1 };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The worklist's WHERE clause; each filter is one indexed predicate (performance-notes.md items 3 and 8). */
export function worklistWhere(q: PatientListQuery, ctx: AccessContext, today: string): SQL[] {
  const w: SQL[] = [sql`not p.entered_in_error`];
  if (q.q) {
    for (const token of q.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
      w.push(sql`lower(p.family_name || ' ' || p.given_name || ' ' || p.mrn) like ${'%' + escapeLike(token) + '%'}`);
    }
  }
  if (q.mine) w.push(sql`(p.responsible_specialist_id = ${ctx.userId} or p.named_nurse_id = ${ctx.userId})`);
  if (q.status?.length) w.push(sql`p.status = any(${sqlTextArray(q.status)})`);
  if (q.cause?.length) {
    // A suspected cause: any tag that is not refuted and not entered in error (patient_facts.cause_codes, kept by
    // triggers, GIN-indexed).
    w.push(sql`p.id in (select f.patient_id from patient_facts f where f.cause_codes && ${sqlTextArray(q.cause)})`);
  }
  if (q.procedure?.length) w.push(sql`p.index_procedure = any(${sqlTextArray(q.procedure)})`);
  if (q.surgeon) {
    w.push(
      sql`exists (select 1 from surgeries s where s.patient_id = p.id and not s.entered_in_error and lower(s.surgeon) like ${'%' + escapeLike(q.surgeon.toLowerCase()) + '%'})`,
    );
  }
  if (q.referredFrom) w.push(sql`p.referred_on >= ${q.referredFrom}::date`);
  if (q.referredTo) w.push(sql`p.referred_on <= ${q.referredTo}::date`);
  if (q.painBand) {
    const { lo, hi } = bandBounds(q.painBand);
    const col =
      q.painSite === 'back'
        ? sql`p.latest_back_nrs`
        : q.painSite === 'leg'
          ? sql`p.latest_leg_nrs`
          : sql`greatest(p.latest_back_nrs, p.latest_leg_nrs)`;
    w.push(hi === null ? sql`${col} >= ${lo}` : sql`${col} >= ${lo} and ${col} < ${hi}`);
  }
  if (q.redFlag !== undefined) w.push(q.redFlag ? sql`p.open_red_flag` : sql`not p.open_red_flag`);
  if (q.overdue !== undefined) {
    // Overdue once the window around the due date has closed (follow-up.ts followUpState).
    const closed = addDays(today, -FOLLOW_UP_WINDOW_DAYS);
    w.push(
      q.overdue
        ? sql`p.next_follow_up_due < ${closed}::date`
        : sql`(p.next_follow_up_due is null or p.next_follow_up_due >= ${closed}::date)`,
    );
  }
  return w;
}

/** Below this many matches a filtered page is found from the materialised filter, not by walking the sort order. */
export const WALK_MIN_MATCHES = 2000;

/**
 * The worklist filter as `patient_facts f where ...` (to count from), when every filter in it is a patient_facts
 * column and a cause is among them (patient_facts mirrors the patient's status, referral date and index
 * procedure); else null.
 */
function factsOnlyWhere(q: PatientListQuery): SQL | null {
  if (!q.cause?.length || q.q || q.mine || q.surgeon || q.painBand || q.redFlag !== undefined || q.overdue !== undefined) return null;
  const w: SQL[] = [sql`not f.entered_in_error`, sql`f.cause_codes && ${sqlTextArray(q.cause)}`];
  if (q.status?.length) w.push(sql`f.status = any(${sqlTextArray(q.status)})`);
  if (q.procedure?.length) w.push(sql`f.index_procedure = any(${sqlTextArray(q.procedure)})`);
  if (q.referredFrom) w.push(sql`f.referred_on >= ${q.referredFrom}::date`);
  if (q.referredTo) w.push(sql`f.referred_on <= ${q.referredTo}::date`);
  return sql`patient_facts f where ${sql.join(w, sql` and `)}`;
}

/**
 * Whether the filter can be counted from indexes: any filter but free text, "my cases", surgeon and a pain band
 * over both sites (greatest of back and leg), which have no index a count could use alone.
 */
function indexCountable(q: PatientListQuery): boolean {
  const anyFilter =
    !!q.cause?.length ||
    !!q.status?.length ||
    !!q.procedure?.length ||
    !!q.referredFrom ||
    !!q.referredTo ||
    !!q.painBand ||
    q.redFlag !== undefined ||
    q.overdue !== undefined;
  const bandBySite = !q.painBand || q.painSite === 'back' || q.painSite === 'leg';
  return anyFilter && !q.q && !q.mine && !q.surgeon && bandBySite;
}

function sqlTextArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

interface WorklistRow {
  total: number;
  id: string | null;
  mrn: string;
  family_name: string;
  given_name: string;
  date_of_birth: string;
  sex: PatientListItem['sex'];
  status: PatientListItem['status'];
  priority: PatientListItem['priority'];
  referred_on: string | null;
  index_procedure: PatientListItem['indexProcedure'];
  index_surgery_date: string | null;
  causes: PatientListItem['causes'] | string;
  latest_back_nrs: number | null;
  latest_leg_nrs: number | null;
  baseline_back_nrs: number | null;
  baseline_leg_nrs: number | null;
  latest_assessed_at: Date | string | null;
  open_red_flag: boolean;
  next_follow_up_due: string | null;
}

function iso(v: Date | string | null): string | null {
  if (v === null) return null;
  return (v instanceof Date ? v : new Date(v)).toISOString();
}

function dateOnly(v: string | null): string | null {
  return v === null ? null : v.slice(0, 10);
}

export class PatientsRepository {
  constructor(
    private readonly db: Db,
    private readonly today: () => string,
    /** WALK_MIN_MATCHES; a spec lowers it to compare both ways of finding a cause-filtered page. */
    private readonly walkMinMatches = WALK_MIN_MATCHES,
  ) {}

  /**
   * One page of the worklist with its total, in one statement. With filters, the filter is evaluated
   * once into a materialised CTE (performance-notes.md item 3); without, the ordered index walk plus count.
   */
  async list(ctx: AccessContext, q: PatientListQuery): Promise<{ items: PatientListItem[]; total: number }> {
    const where = worklistWhere(q, ctx, this.today());
    const whereSql = sql.join(where, sql` and `);
    const order = sql.raw(orderByFor(q.sort));
    const offset = (q.page - 1) * q.pageSize;
    const page = sql`select ${ITEM_COLUMNS}, ${causesJson} as causes from pg join patients p on p.id = pg.id order by ${order}`;

    // A filter that matches many patients spread over the table (a cause, a status, a pain band) is counted from
    // an index alone: patient_facts' GIN on the cause codes, or the partial indexes on valid patients (an
    // index-only scan, no patient rows read). The page is then found by walking the sort order, which meets 25
    // matches early when matches are common. When they are rare the walk would be long, so under
    // WALK_MIN_MATCHES the filter is evaluated once instead (below).
    const countFrom = indexCountable(q) ? (factsOnlyWhere(q) ?? (q.cause?.length ? null : sql`patients p where ${whereSql}`)) : null;
    if (countFrom) {
      const [counted] = await execRows<{ total: number }>(this.db, sql`select count(*)::int as total from ${countFrom}`);
      const total = counted?.total ?? 0;
      if (total >= this.walkMinMatches) {
        const rows = await execRows<WorklistRow>(
          this.db,
          sql`with pg as (select p.id from patients p where ${whereSql} order by ${order} limit ${q.pageSize} offset ${offset}) ${page}`,
        );
        return { items: rows.filter((r): r is WorklistRow & { id: string } => r.id !== null).map(toListItem), total };
      }
    }
    const query =
      where.length > 1
        ? sql`with f as materialized (select ${SORT_COLUMNS} from patients p where ${whereSql}),
               pg as (select p.id from f p order by ${order} limit ${q.pageSize} offset ${offset})
             select t.total, x.* from (select count(*)::int as total from f) t left join lateral (${page}) x on true`
        : sql`with pg as (select p.id from patients p where ${whereSql} order by ${order} limit ${q.pageSize} offset ${offset})
             select t.total, x.* from (select count(*)::int as total from patients p where ${whereSql}) t left join lateral (${page}) x on true`;
    const rows = await execRows<WorklistRow>(this.db, query);
    const total = rows[0]?.total ?? 0;
    const items = rows.filter((r): r is WorklistRow & { id: string } => r.id !== null).map(toListItem);
    return { items, total };
  }

  async get(id: string, db: DbOrTx = this.db): Promise<Patient> {
    const spec = alias(users, 'spec');
    const nurse = alias(users, 'nurse');
    const editor = alias(users, 'editor');
    const [row] = await db
      .select({ p: patients, specName: spec.displayName, nurseName: nurse.displayName, editorName: editor.displayName })
      .from(patients)
      .leftJoin(spec, eq(spec.id, patients.responsibleSpecialistId))
      .leftJoin(nurse, eq(nurse.id, patients.namedNurseId))
      .leftJoin(editor, eq(editor.id, patients.updatedBy))
      .where(and(eq(patients.id, id), eq(patients.enteredInError, false)));
    if (!row) throw notFound('No such patient.');
    const p = row.p;
    const [refs, surgs] = await Promise.all([
      db
        .select()
        .from(referrals)
        .where(and(eq(referrals.patientId, id), eq(referrals.enteredInError, false)))
        .orderBy(desc(referrals.referredOn)),
      db
        .select()
        .from(surgeries)
        .where(and(eq(surgeries.patientId, id), eq(surgeries.enteredInError, false)))
        .orderBy(asc(surgeries.performedOn)),
    ]);
    return {
      id: p.id,
      mrn: p.mrn,
      familyName: p.familyName,
      givenName: p.givenName,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex,
      phone: p.phone,
      email: p.email,
      status: p.status,
      priority: p.priority,
      responsibleSpecialistId: p.responsibleSpecialistId,
      responsibleSpecialistName: row.specName,
      namedNurseId: p.namedNurseId,
      namedNurseName: row.nurseName,
      openRedFlag: p.openRedFlag,
      referrals: refs.map((r) => ({
        id: r.id,
        referringClinician: r.referringClinician,
        referredOn: r.referredOn,
        reason: r.reason,
        priority: r.priority,
        status: r.status,
      })),
      surgeries: surgs.map((s) => ({
        id: s.id,
        procedure: s.procedure,
        levels: s.levels,
        performedOn: s.performedOn,
        surgeon: s.surgeon,
        hospital: s.hospital,
        instrumentation: s.instrumentation,
        isIndex: s.isIndex,
      })),
      version: p.version,
      updatedAt: p.updatedAt.toISOString(),
      updatedBy: row.editorName,
    };
  }

  async findByMrn(mrn: string): Promise<MrnCheckResponse> {
    const [p] = await this.db
      .select({ id: patients.id, familyName: patients.familyName, givenName: patients.givenName, dateOfBirth: patients.dateOfBirth })
      .from(patients)
      .where(and(sql`upper(${patients.mrn}) = ${mrn.toUpperCase()}`, eq(patients.enteredInError, false)));
    if (!p) return { exists: false, patient: null };
    const [{ n }] = (await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(referrals)
      .where(eq(referrals.patientId, p.id))) as [{ n: number }];
    return { exists: true, patient: { ...p, referrals: n } };
  }

  /**
   * Registers a referral: a new patient with referral and surgeries, or, for a known MRN, a new referral
   * episode (and any new surgeries) on the existing patient. One transaction, audited.
   */
  async register(ctx: AccessContext, body: RegisterReferralBody): Promise<{ patient: Patient; createdPatient: boolean }> {
    return this.db.transaction(async (tx) => {
      const mrn = body.patient.mrn.toUpperCase();
      const [existing] = await tx
        .select()
        .from(patients)
        .where(sql`upper(${patients.mrn}) = ${mrn}`)
        .for('update');
      const stamp = { createdBy: ctx.userId, updatedBy: ctx.userId };
      let patientId: string;
      let createdPatient = false;
      if (existing) {
        if (existing.enteredInError) throw ruleViolation('This MRN belongs to a record marked entered-in-error. Ask an administrator.');
        patientId = existing.id;
        // A new episode re-opens a discharged case at triage; urgency only ever goes up.
        const priority = maxPriority(existing.priority, body.referral.priority);
        await tx
          .update(patients)
          .set({
            referredOn: body.referral.referredOn > (existing.referredOn ?? '') ? body.referral.referredOn : existing.referredOn,
            priority,
            status: existing.status === 'discharged' ? 'triage' : existing.status,
            version: existing.version + 1,
            updatedAt: new Date(),
            updatedBy: ctx.userId,
          })
          .where(eq(patients.id, existing.id));
      } else {
        createdPatient = true;
        const p = one(
          await tx
            .insert(patients)
            .values({
              mrn,
              familyName: body.patient.familyName,
              givenName: body.patient.givenName,
              dateOfBirth: body.patient.dateOfBirth,
              sex: body.patient.sex,
              phone: body.patient.phone,
              email: body.patient.email,
              priority: body.referral.priority,
              referredOn: body.referral.referredOn,
              status: 'referred',
              ...stamp,
            })
            .returning({ id: patients.id }),
        );
        patientId = p.id;
      }
      const ref = one(
        await tx
          .insert(referrals)
          .values({ patientId, ...body.referral, ...stamp })
          .returning({ id: referrals.id }),
      );
      if (body.surgeries.length) {
        await tx.insert(surgeries).values(body.surgeries.map((s) => ({ patientId, ...s, ...stamp })));
      }
      await refreshIndexSurgery(tx, patientId);
      await writeAudit(tx, actorOf(ctx), {
        action: 'create',
        subtype: createdPatient ? 'referral-new-patient' : 'referral-new-episode',
        outcome: 'success',
        entityType: 'ServiceRequest',
        entityId: ref.id,
        patientId,
        detail: { surgeries: body.surgeries.length },
      });
      return { patient: await this.get(patientId, tx), createdPatient };
    });
  }

  /** Edits patient details and assignments; conditional on the version (409 with the current record otherwise). */
  async update(ctx: AccessContext, id: string, body: UpdatePatientBody): Promise<Patient> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(patients)
        .where(and(eq(patients.id, id), eq(patients.enteredInError, false)))
        .for('update');
      if (!current) throw notFound('No such patient.');
      if (current.version !== body.version) throw stale(await this.get(id, tx));
      for (const [field, role] of [
        ['responsibleSpecialistId', 'specialist'],
        ['namedNurseId', 'nurse'],
      ] as const) {
        const uid = body[field];
        if (uid) {
          const [u] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, uid));
          if (!u || !u.active || u.role !== role) throw badRequest([{ path: field, message: `Choose an active ${role}` }]);
        }
      }
      const { version, ...changes } = body;
      // The audit row names what changed; values only for fields that are not personal details.
      const diff: Record<string, { from: unknown; to: unknown } | 'changed'> = {};
      for (const [k, v] of Object.entries(changes)) {
        const before: unknown = current[k as keyof typeof current];
        if (v !== before) diff[k] = AUDITED_VALUES.has(k) ? { from: before, to: v } : 'changed';
      }
      await tx
        .update(patients)
        .set({ ...changes, version: version + 1, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(and(eq(patients.id, id), eq(patients.version, version)));
      await writeAudit(tx, actorOf(ctx), {
        action: 'update',
        subtype: 'patient-details',
        outcome: 'success',
        entityType: 'Patient',
        entityId: id,
        patientId: id,
        detail: { changes: diff },
      });
      return this.get(id, tx);
    });
  }

  /** Moves the case through the shared state machine; an invalid transition is refused with 422 (409 is kept for stale versions). */
  async changeStatus(ctx: AccessContext, id: string, body: ChangeStatusBody): Promise<Patient> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(patients)
        .where(and(eq(patients.id, id), eq(patients.enteredInError, false)))
        .for('update');
      if (!current) throw notFound('No such patient.');
      if (current.version !== body.version) throw stale(await this.get(id, tx));
      const error = transitionError(current.status, body.to);
      if (error) throw ruleViolation(error, [{ path: 'to', message: error }]);
      await tx
        .update(patients)
        .set({ status: body.to, version: current.version + 1, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(eq(patients.id, id));
      await writeAudit(tx, actorOf(ctx), {
        action: 'update',
        subtype: 'case-status',
        outcome: 'success',
        entityType: 'Patient',
        entityId: id,
        patientId: id,
        detail: { from: current.status, to: body.to, ...(body.reason ? { reasonGiven: true } : {}) },
      });
      return this.get(id, tx);
    });
  }
}

const AUDITED_VALUES = new Set(['priority', 'responsibleSpecialistId', 'namedNurseId']);

/** The index surgery is the one marked as such, else the most recent; kept on the patient row for the worklist. */
export async function refreshIndexSurgery(db: DbOrTx, patientId: string): Promise<void> {
  await db.execute(sql`
    update patients p set (index_procedure, index_surgery_date, index_surgeon) = (
      select s.procedure, s.performed_on, s.surgeon from surgeries s
      where s.patient_id = p.id and not s.entered_in_error
      order by s.is_index desc, s.performed_on desc limit 1)
    where p.id = ${patientId}`);
}

/** Dates are cast to text so no driver shifts them by the server's time zone. */
const ITEM_COLUMNS = sql.raw(
  `p.id, p.mrn, p.family_name, p.given_name, p.date_of_birth::text as date_of_birth, p.sex, p.status, p.priority,
   p.referred_on::text as referred_on, p.index_procedure, p.index_surgery_date::text as index_surgery_date,
   p.latest_back_nrs, p.latest_leg_nrs, p.baseline_back_nrs, p.baseline_leg_nrs, p.latest_assessed_at,
   p.open_red_flag, p.next_follow_up_due::text as next_follow_up_due`,
);

const causesJson = sql`(select coalesce(json_agg(json_build_object('code', c.code, 'status', c.status) order by c.tagged_at), '[]'::json)
  from cause_tags c where c.patient_id = p.id and not c.entered_in_error)`;

function toListItem(r: WorklistRow & { id: string }): PatientListItem {
  return {
    id: r.id,
    mrn: r.mrn,
    familyName: r.family_name,
    givenName: r.given_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    status: r.status,
    priority: r.priority,
    referredOn: dateOnly(r.referred_on),
    indexProcedure: r.index_procedure,
    indexSurgeryDate: dateOnly(r.index_surgery_date),
    causes: typeof r.causes === 'string' ? (JSON.parse(r.causes) as PatientListItem['causes']) : r.causes,
    latestBackNrs: r.latest_back_nrs,
    latestLegNrs: r.latest_leg_nrs,
    baselineBackNrs: r.baseline_back_nrs,
    baselineLegNrs: r.baseline_leg_nrs,
    latestAssessedAt: iso(r.latest_assessed_at),
    openRedFlag: r.open_red_flag,
    nextFollowUpDue: dateOnly(r.next_follow_up_due),
  };
}
