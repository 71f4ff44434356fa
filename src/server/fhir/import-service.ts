/**
 * Step 3 of an import: match the mapped bundle against the clinic's records and write it.
 *
 * Matching (so that importing the same bundle again updates instead of duplicating):
 * - patient: by MRN, then by the stored source identifier (system|value); a match with a different date of
 *   birth is refused (422: the same MRN from another system may name another person);
 * - referral: source identifier, else the same referral date; surgery: source identifier, else the same
 *   procedure on the same date; cause tag: the same cause code (one live tag per cause);
 * - assessment: an existing valid assessment at the same instant that already holds the same values is the same
 *   measurement (whatever system it came from); an imported assessment whose source entries changed values is
 *   replaced (the old one marked entered-in-error, never edited in place);
 * - treatment plan: source identifier, else the same creation instant; items by treatment code within the plan.
 *
 * The import is one transaction (it lands whole or not at all). Parsing, validation and mapping happen before
 * it opens; inside, the patient row is locked, the few matching reads run on indexes, and rows are written in
 * multi-row statements, so the embedded database (which serialises every query) is held only briefly.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import {
  FHIR_ENTRY_OUTCOMES,
  FHIR_IMPORT_MAX_LISTED_ISSUES,
  type FhirEntryIssue,
  type FhirEntryOutcome,
  type FhirImportPatient,
  type FhirTypeCounts,
} from '../../shared/contracts/fhir';
import { maxPriority } from '../../shared/domain/case-status';
import { followUpSchedule } from '../../shared/domain/follow-up';
import { treatmentByCode } from '../../shared/domain/treatments';
import type { AccessContext } from '../access';
import { actorOf, writeAudit } from '../audit';
import type { Db, DbOrTx } from '../db/client';
import {
  assessments,
  causeTagEvents,
  causeTags,
  followUps,
  patients,
  planItemEvents,
  planItems,
  referrals,
  surgeries,
  treatmentPlans,
} from '../db/schema/clinical';
import { HttpProblem } from '../http/problem';
import { refreshIndexSurgery } from '../repositories/patients-repository';
import { matchFollowUps } from '../repositories/plans-repository';
import type { ImportIssue, MappedImport, MappedPlanItem, Target } from './import-mapper';

type PatientRow = typeof patients.$inferSelect;
type ReferralRow = typeof referrals.$inferSelect;
type SurgeryRow = typeof surgeries.$inferSelect;
type CauseRow = typeof causeTags.$inferSelect;
type PlanRow = typeof treatmentPlans.$inferSelect;
type ItemRow = typeof planItems.$inferSelect;
interface AssessmentRow {
  id: string;
  recordedAt: Date;
  backNrs: number | null;
  legNrs: number | null;
  unspecifiedNrs: number | null;
  odiAnswers: (number | null)[] | null;
  odiScore: number | null;
  sourceIdentifier: string | null;
}

export interface ExistingCase {
  patient: PatientRow;
  match: 'mrn' | 'source-identifier';
  referrals: ReferralRow[];
  surgeries: SurgeryRow[];
  causes: CauseRow[];
  assessments: AssessmentRow[];
  plans: PlanRow[];
  items: ItemRow[];
}

/** Finds the bundle's patient (MRN first, then source identifier) and loads what the matching needs. */
export async function loadExisting(db: DbOrTx, mapped: MappedImport, lock: boolean): Promise<ExistingCase | null> {
  const byMrn = db
    .select()
    .from(patients)
    .where(sql`upper(${patients.mrn}) = ${mapped.patient.mrn}`);
  let [row] = lock ? await byMrn.for('update') : await byMrn;
  let match: ExistingCase['match'] = 'mrn';
  if (!row) {
    const bySource = db
      .select()
      .from(patients)
      .where(and(eq(patients.sourceIdentifier, mapped.patient.sourceIdentifier), eq(patients.enteredInError, false)))
      .limit(1);
    [row] = lock ? await bySource.for('update') : await bySource;
    match = 'source-identifier';
  }
  if (!row) return null;
  if (row.enteredInError)
    throw new HttpProblem(422, 'This MRN belongs to a record marked entered-in-error. Ask an administrator.', [
      { path: 'Patient.identifier', message: 'Entered-in-error record' },
    ]);
  if (row.dateOfBirth !== mapped.patient.dateOfBirth) {
    throw new HttpProblem(
      422,
      `The clinic's patient with ${match === 'mrn' ? `MRN ${row.mrn}` : 'this source identifier'} has a different date of birth from the bundle's Patient: they may be different people, so nothing was imported. Check the bundle.`,
      [{ path: 'Patient.birthDate', message: 'Does not match the existing patient' }],
    );
  }
  const id = row.id;
  // One after another: inside a transaction they share one connection.
  const refs = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.patientId, id), eq(referrals.enteredInError, false)));
  const surgs = await db
    .select()
    .from(surgeries)
    .where(and(eq(surgeries.patientId, id), eq(surgeries.enteredInError, false)));
  const causes = await db
    .select()
    .from(causeTags)
    .where(and(eq(causeTags.patientId, id), eq(causeTags.enteredInError, false)));
  const assess = await db
    .select({
      id: assessments.id,
      recordedAt: assessments.recordedAt,
      backNrs: assessments.backNrs,
      legNrs: assessments.legNrs,
      unspecifiedNrs: assessments.unspecifiedNrs,
      odiAnswers: assessments.odiAnswers,
      odiScore: assessments.odiScore,
      sourceIdentifier: assessments.sourceIdentifier,
    })
    .from(assessments)
    .where(and(eq(assessments.patientId, id), eq(assessments.enteredInError, false)));
  const plans = await db
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.patientId, id), eq(treatmentPlans.enteredInError, false)));
  const items = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.patientId, id), eq(planItems.enteredInError, false)))
    .orderBy(planItems.createdAt);
  return { patient: row, match, referrals: refs, surgeries: surgs, causes, assessments: assess, plans, items };
}

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Everything the transaction will write, and the outcome of each mapped target. */
export interface WritePlan {
  patientId: string;
  patientCreated: boolean;
  patientInsert: Insert<typeof patients> | null;
  patientUpdate: Partial<Insert<typeof patients>> | null;
  referralInserts: Insert<typeof referrals>[];
  referralUpdates: { id: string; set: Partial<Insert<typeof referrals>> }[];
  surgeryInserts: Insert<typeof surgeries>[];
  surgeryUpdates: { id: string; set: Partial<Insert<typeof surgeries>> }[];
  causeInserts: Insert<typeof causeTags>[];
  causeUpdates: { id: string; set: Partial<Insert<typeof causeTags>> }[];
  causeEvents: Insert<typeof causeTagEvents>[];
  assessmentInserts: Insert<typeof assessments>[];
  assessmentRetractions: string[];
  planInserts: Insert<typeof treatmentPlans>[];
  planUpdates: { id: string; set: Partial<Insert<typeof treatmentPlans>> }[];
  itemInserts: Insert<typeof planItems>[];
  itemUpdates: { id: string; set: Partial<Insert<typeof planItems>> }[];
  itemEvents: Insert<typeof planItemEvents>[];
  followUpInserts: Insert<typeof followUps>[];
  outcomes: Map<string, FhirEntryOutcome>;
  issues: ImportIssue[];
}

const key = (t: Target) => (t.kind === 'patient' ? 'patient' : `${t.kind}:${t.i}`);
/** Deep equality that ignores object key order (jsonb columns come back with their keys reordered). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, canonical(x)]),
    );
  return v;
}
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const NOT_STATED = 'Not stated (FHIR import)';

/** Decides, for every mapped target, whether it creates, updates or matches a record; pure apart from new ids. */
export function planWrites(mapped: MappedImport, existing: ExistingCase | null, ctx: AccessContext, now: Date): WritePlan {
  const by = ctx.userId;
  const stamp = { createdBy: by, updatedBy: by };
  const bump = (version: number) => ({ version: version + 1, updatedAt: now, updatedBy: by });
  const outcomes = new Map<string, FhirEntryOutcome>();
  const issues: ImportIssue[] = [];
  const p = mapped.patient;
  const patientId = existing?.patient.id ?? randomUUID();
  const plan: WritePlan = {
    patientId,
    patientCreated: !existing,
    patientInsert: null,
    patientUpdate: null,
    referralInserts: [],
    referralUpdates: [],
    surgeryInserts: [],
    surgeryUpdates: [],
    causeInserts: [],
    causeUpdates: [],
    causeEvents: [],
    assessmentInserts: [],
    assessmentRetractions: [],
    planInserts: [],
    planUpdates: [],
    itemInserts: [],
    itemUpdates: [],
    itemEvents: [],
    followUpInserts: [],
    outcomes,
    issues,
  };
  let tick = 0;
  /** Distinct, increasing instants for rows written together, so lists ordered by time keep the bundle's order. */
  const nextInstant = () => new Date(now.getTime() + tick++);

  // ---- referrals ----
  const refPool = [...(existing?.referrals ?? [])];
  mapped.referrals.forEach((r, i) => {
    const found = take(refPool, (x) => x.sourceIdentifier === r.sourceIdentifier) ?? take(refPool, (x) => x.referredOn === r.referredOn);
    if (!found) {
      plan.referralInserts.push({ id: randomUUID(), patientId, ...r, ...stamp });
      outcomes.set(`referral:${i}`, 'created');
      return;
    }
    const set: Partial<Insert<typeof referrals>> = {};
    if (found.referringClinician !== r.referringClinician && r.referringClinician !== NOT_STATED)
      set.referringClinician = r.referringClinician;
    if (found.reason !== r.reason) set.reason = r.reason;
    if (found.priority !== r.priority) set.priority = r.priority;
    if (found.status !== r.status) set.status = r.status;
    if (found.referredOn !== r.referredOn) set.referredOn = r.referredOn;
    if (found.sourceIdentifier === null) set.sourceIdentifier = r.sourceIdentifier;
    const changed = Object.keys(set).some((k) => k !== 'sourceIdentifier');
    if (Object.keys(set).length) plan.referralUpdates.push({ id: found.id, set: { ...set, ...bump(found.version) } });
    outcomes.set(`referral:${i}`, changed ? 'updated' : 'unchanged');
  });

  // ---- patient ----
  const newEpisode = plan.referralInserts.length > 0;
  if (!existing) {
    plan.patientInsert = {
      id: patientId,
      mrn: p.mrn,
      familyName: p.familyName,
      givenName: p.givenName,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex,
      phone: p.phone,
      email: p.email,
      sourceIdentifier: p.sourceIdentifier,
      status: 'referred',
      priority: mapped.priority ?? 'routine',
      referredOn: mapped.referredOn,
      ...stamp,
    };
    outcomes.set('patient', 'created');
  } else {
    const cur = existing.patient;
    const set: Partial<Insert<typeof patients>> = {};
    if (cur.familyName !== p.familyName) set.familyName = p.familyName;
    if (cur.givenName !== p.givenName && p.givenName !== '-') set.givenName = p.givenName;
    if (cur.sex !== p.sex && p.sex !== 'unknown') set.sex = p.sex;
    if (p.phone !== null && cur.phone !== p.phone) set.phone = p.phone;
    if (p.email !== null && cur.email !== p.email) set.email = p.email;
    const clinical = Object.keys(set).length > 0;
    if (cur.sourceIdentifier === null) set.sourceIdentifier = p.sourceIdentifier;
    if (mapped.referredOn && (cur.referredOn === null || mapped.referredOn > cur.referredOn)) set.referredOn = mapped.referredOn;
    if (mapped.priority && maxPriority(cur.priority, mapped.priority) !== cur.priority) set.priority = mapped.priority;
    // A new referral episode re-opens a discharged case at triage (as a registered referral does).
    if (newEpisode && cur.status === 'discharged') set.status = 'triage';
    if (Object.keys(set).length) plan.patientUpdate = { ...set, ...bump(cur.version) };
    outcomes.set('patient', clinical ? 'updated' : 'unchanged');
  }

  // ---- surgeries ----
  const surgPool = [...(existing?.surgeries ?? [])];
  mapped.surgeries.forEach((s, i) => {
    const found =
      take(surgPool, (x) => x.sourceIdentifier === s.sourceIdentifier) ??
      take(surgPool, (x) => x.procedure === s.procedure && x.performedOn === s.performedOn);
    if (!found) {
      plan.surgeryInserts.push({ id: randomUUID(), patientId, ...s, ...stamp });
      outcomes.set(`surgery:${i}`, 'created');
      return;
    }
    const set: Partial<Insert<typeof surgeries>> = {};
    if (found.procedure !== s.procedure) set.procedure = s.procedure;
    if (found.performedOn !== s.performedOn) set.performedOn = s.performedOn;
    if (s.levels.length && !same(found.levels, s.levels)) set.levels = s.levels;
    if (s.surgeon !== NOT_STATED && found.surgeon !== s.surgeon) set.surgeon = s.surgeon;
    if (s.hospital !== null && found.hospital !== s.hospital) set.hospital = s.hospital;
    if (s.instrumentation !== null && found.instrumentation !== s.instrumentation) set.instrumentation = s.instrumentation;
    if (s.isIndex && !found.isIndex) set.isIndex = true;
    const changed = Object.keys(set).length > 0;
    if (found.sourceIdentifier === null) set.sourceIdentifier = s.sourceIdentifier;
    if (Object.keys(set).length) plan.surgeryUpdates.push({ id: found.id, set: { ...set, ...bump(found.version) } });
    outcomes.set(`surgery:${i}`, changed ? 'updated' : 'unchanged');
  });

  // ---- cause tags ----
  mapped.causes.forEach((c, i) => {
    const found = existing?.causes.find((x) => x.code === c.code);
    if (!found) {
      const id = randomUUID();
      plan.causeInserts.push({
        id,
        patientId,
        code: c.code,
        status: c.status,
        evidenceNote: c.evidenceNote,
        taggedBy: by,
        taggedAt: c.taggedAt ?? nextInstant(),
        sourceIdentifier: c.sourceIdentifier,
        ...stamp,
      });
      plan.causeEvents.push({ causeTagId: id, status: c.status, evidenceNote: c.evidenceNote, changedBy: by, change: 'tagged' });
      outcomes.set(`cause:${i}`, 'created');
      return;
    }
    const statusChanged = found.status !== c.status;
    const evidenceChanged = c.evidenceNote !== null && found.evidenceNote !== c.evidenceNote;
    const set: Partial<Insert<typeof causeTags>> = {};
    if (statusChanged) set.status = c.status;
    if (evidenceChanged) set.evidenceNote = c.evidenceNote;
    if (found.sourceIdentifier === null) set.sourceIdentifier = c.sourceIdentifier;
    if (Object.keys(set).length) plan.causeUpdates.push({ id: found.id, set: { ...set, ...bump(found.version) } });
    if (statusChanged || evidenceChanged) {
      plan.causeEvents.push({
        causeTagId: found.id,
        status: c.status,
        evidenceNote: evidenceChanged ? c.evidenceNote : found.evidenceNote,
        changedBy: by,
        change: statusChanged ? 'status' : 'evidence',
      });
    }
    outcomes.set(`cause:${i}`, statusChanged || evidenceChanged ? 'updated' : 'unchanged');
  });

  // ---- assessments ----
  const atInstant = new Map<number, AssessmentRow[]>();
  const byMember = new Map<string, AssessmentRow>();
  for (const a of existing?.assessments ?? []) {
    atInstant.set(a.recordedAt.getTime(), [...(atInstant.get(a.recordedAt.getTime()) ?? []), a]);
    for (const m of a.sourceIdentifier?.split(' ') ?? []) byMember.set(m, a);
  }
  const retracted = new Set<string>();
  mapped.assessments.forEach((g, i) => {
    const holds = (a: AssessmentRow) =>
      (g.backNrs === null || a.backNrs === g.backNrs) &&
      (g.legNrs === null || a.legNrs === g.legNrs) &&
      (g.unspecifiedNrs === null || a.unspecifiedNrs === g.unspecifiedNrs) &&
      (g.odiAnswers === null ? g.odiScore === null || a.odiScore === g.odiScore : same(a.odiAnswers, g.odiAnswers));
    if ((atInstant.get(g.recordedAt.getTime()) ?? []).some((a) => !retracted.has(a.id) && holds(a))) {
      outcomes.set(`assessment:${i}`, 'unchanged');
      return;
    }
    const replaced = [
      ...new Set(g.members.map((m) => byMember.get(m)).filter((a): a is AssessmentRow => a !== undefined && !retracted.has(a.id))),
    ];
    for (const a of replaced) {
      retracted.add(a.id);
      plan.assessmentRetractions.push(a.id);
    }
    plan.assessmentInserts.push({
      id: randomUUID(),
      patientId,
      recordedAt: g.recordedAt,
      backNrs: g.backNrs,
      legNrs: g.legNrs,
      unspecifiedNrs: g.unspecifiedNrs,
      odiAnswers: g.odiAnswers,
      odiScore: g.odiScore,
      source: 'fhir',
      sourceIdentifier: g.sourceIdentifier,
      ...stamp,
    });
    outcomes.set(`assessment:${i}`, replaced.length ? 'updated' : 'created');
  });

  // ---- treatment plans ----
  const planPool = [...(existing?.plans ?? [])];
  let activePlan = existing?.plans.some((x) => x.status === 'active') ?? false;
  mapped.plans.forEach((mp, i) => {
    const created = mp.createdAt;
    const found =
      take(planPool, (x) => x.sourceIdentifier === mp.sourceIdentifier) ??
      (created ? take(planPool, (x) => x.createdAt.getTime() === created.getTime()) : undefined);
    if (!found) {
      if (mp.status === 'active' && activePlan) {
        outcomes.set(`plan:${i}`, 'rejected');
        issues.push({
          index: mp.entry,
          severity: 'error',
          message: `An active CarePlan was not imported: the patient already has an active treatment plan (one at a time). Complete or revoke one of them first.`,
        });
        return;
      }
      if (mp.status === 'active') activePlan = true;
      const planId = randomUUID();
      plan.planInserts.push({
        id: planId,
        patientId,
        status: mp.status,
        goals: mp.goals,
        sourceIdentifier: mp.sourceIdentifier,
        ...stamp,
        createdAt: mp.createdAt ?? nextInstant(),
      });
      for (const item of mp.items) addItem(planId, item);
      outcomes.set(`plan:${i}`, 'created');
      return;
    }
    const set: Partial<Insert<typeof treatmentPlans>> = {};
    if (found.status !== mp.status) {
      if (mp.status === 'active' && activePlan) {
        outcomes.set(`plan:${i}`, 'rejected');
        issues.push({
          index: mp.entry,
          severity: 'error',
          message: `A CarePlan could not be made active again: the patient already has an active treatment plan.`,
        });
        return;
      }
      set.status = mp.status;
    }
    if (!same(found.goals, mp.goals)) set.goals = mp.goals;
    let changed = Object.keys(set).length > 0;
    if (found.sourceIdentifier === null) set.sourceIdentifier = mp.sourceIdentifier;
    if (Object.keys(set).length) plan.planUpdates.push({ id: found.id, set: { ...set, ...bump(found.version) } });
    const itemPool = (existing?.items ?? []).filter((x) => x.planId === found.id);
    for (const item of mp.items) {
      const cur = take(itemPool, (x) => x.treatmentCode === item.treatmentCode);
      if (!cur) {
        addItem(found.id, item);
        changed = true;
        continue;
      }
      const change: Record<string, { from: unknown; to: unknown }> = {};
      const itemSet: Partial<Insert<typeof planItems>> = {};
      for (const k of [
        'status',
        'plannedOn',
        'startedOn',
        'endedOn',
        'addressesCauses',
        'stopReason',
        'outcomeNote',
        'trialReliefPct',
        'trialDecision',
      ] as const) {
        if (!same(cur[k], item[k])) {
          change[k] = { from: cur[k], to: item[k] };
          Object.assign(itemSet, { [k]: item[k] });
        }
      }
      if (Object.keys(change).length) {
        changed = true;
        plan.itemUpdates.push({ id: cur.id, set: { ...itemSet, ...bump(cur.version) } });
        plan.itemEvents.push({ planItemId: cur.id, changedBy: by, change });
      }
    }
    outcomes.set(`plan:${i}`, changed ? 'updated' : 'unchanged');
  });

  function addItem(planId: string, item: MappedPlanItem): void {
    const id = randomUUID();
    plan.itemInserts.push({ id, planId, patientId, ...item, responsibleClinicianId: null, ...stamp, createdAt: nextInstant() });
    plan.itemEvents.push({
      planItemId: id,
      changedBy: by,
      change: { status: { from: null, to: item.status }, treatmentCode: { from: null, to: item.treatmentCode } },
    });
    // Follow-ups are scheduled from the start of a treatment that started (plans-repository.ts does the same).
    const treatment = treatmentByCode(item.treatmentCode);
    if (item.startedOn && treatment && (item.status === 'active' || item.status === 'completed')) {
      for (const s of followUpSchedule(item.startedOn, treatment.followUpMonths)) {
        plan.followUpInserts.push({ planItemId: id, patientId, monthOffset: s.month, dueOn: s.dueOn, ...stamp });
      }
    }
  }

  return plan;
}

function take<T>(pool: T[], pred: (x: T) => boolean): T | undefined {
  const i = pool.findIndex(pred);
  return i < 0 ? undefined : pool.splice(i, 1)[0];
}

/** Rows per INSERT statement: well under PostgreSQL's 65,535 parameters for every table here. */
const CHUNK = 1000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Assessments can run to tens of thousands of rows (a 20 MB bundle holds ~37,000 pain scores): they go in as one
 * statement with one JSON parameter per 5,000 rows (jsonb_to_recordset), which PGlite parses and plans once,
 * instead of thousands of bound parameters. Numbers survive exactly: JSON.stringify writes the shortest decimal
 * that reads back to the same double, and PostgreSQL's float8 input is correctly rounded.
 */
async function insertAssessments(tx: DbOrTx, rows: Insert<typeof assessments>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const json = JSON.stringify(
      rows.slice(i, i + 5000).map((r) => ({
        id: r.id,
        patient_id: r.patientId,
        recorded_at: r.recordedAt?.toISOString(),
        back_nrs: r.backNrs ?? null,
        leg_nrs: r.legNrs ?? null,
        unspecified_nrs: r.unspecifiedNrs ?? null,
        odi_answers: r.odiAnswers ?? null,
        odi_score: r.odiScore ?? null,
        source_identifier: r.sourceIdentifier ?? null,
        created_by: r.createdBy ?? null,
      })),
    );
    await tx.execute(sql`
      insert into assessments (id, patient_id, recorded_at, back_nrs, leg_nrs, unspecified_nrs, odi_answers, odi_score, source, source_identifier, created_by, updated_by)
      select x.id, x.patient_id, x.recorded_at, x.back_nrs, x.leg_nrs, x.unspecified_nrs, x.odi_answers, x.odi_score, 'fhir', x.source_identifier, x.created_by, x.created_by
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, patient_id uuid, recorded_at timestamptz, back_nrs float8, leg_nrs float8, unspecified_nrs float8,
        odi_answers jsonb, odi_score float8, source_identifier text, created_by uuid)`);
  }
}

/** Writes the plan (inside the caller's transaction). */
export async function applyWrites(tx: DbOrTx, plan: WritePlan, ctx: AccessContext, now: Date): Promise<void> {
  if (plan.patientInsert) await tx.insert(patients).values(plan.patientInsert);
  if (plan.patientUpdate) await tx.update(patients).set(plan.patientUpdate).where(eq(patients.id, plan.patientId));
  await insertChunked(plan.referralInserts, (c) => tx.insert(referrals).values(c));
  for (const u of plan.referralUpdates) await tx.update(referrals).set(u.set).where(eq(referrals.id, u.id));
  await insertChunked(plan.surgeryInserts, (c) => tx.insert(surgeries).values(c));
  for (const u of plan.surgeryUpdates) await tx.update(surgeries).set(u.set).where(eq(surgeries.id, u.id));
  await insertChunked(plan.causeInserts, (c) => tx.insert(causeTags).values(c));
  for (const u of plan.causeUpdates) await tx.update(causeTags).set(u.set).where(eq(causeTags.id, u.id));
  await insertChunked(plan.causeEvents, (c) => tx.insert(causeTagEvents).values(c));
  if (plan.assessmentRetractions.length) {
    await tx
      .update(assessments)
      .set({
        enteredInError: true,
        enteredInErrorAt: now,
        enteredInErrorBy: ctx.userId,
        enteredInErrorReason: 'Replaced by a FHIR re-import with changed values',
        version: sql`${assessments.version} + 1`,
        updatedAt: now,
        updatedBy: ctx.userId,
      })
      .where(inArray(assessments.id, plan.assessmentRetractions));
  }
  await insertAssessments(tx, plan.assessmentInserts);
  await insertChunked(plan.planInserts, (c) => tx.insert(treatmentPlans).values(c));
  for (const u of plan.planUpdates) await tx.update(treatmentPlans).set(u.set).where(eq(treatmentPlans.id, u.id));
  await insertChunked(plan.itemInserts, (c) => tx.insert(planItems).values(c));
  for (const u of plan.itemUpdates) await tx.update(planItems).set(u.set).where(eq(planItems.id, u.id));
  await insertChunked(plan.itemEvents, (c) => tx.insert(planItemEvents).values(c));
  await insertChunked(plan.followUpInserts, (c) => tx.insert(followUps).values(c));
}

// ---- Summaries ----

export interface ImportSummary {
  counts: FhirTypeCounts[];
  totals: Omit<FhirTypeCounts, 'resourceType'>;
  issues: FhirEntryIssue[];
  issuesOmitted: number;
}

/** Entry outcomes by resource type, and the issues with their entries' fullUrl and type (each severity capped). */
export function summarise(
  mapped: MappedImport,
  outcomes: ReadonlyMap<string, FhirEntryOutcome>,
  extraIssues: readonly ImportIssue[],
): ImportSummary {
  const counts = new Map<string, FhirTypeCounts>();
  const totals = { received: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0 };
  mapped.entries.forEach((e, i) => {
    const type = e.resourceType ?? '(no resource)';
    let c = counts.get(type);
    if (!c) {
      c = { resourceType: type, received: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0 };
      counts.set(type, c);
    }
    const d = mapped.dispositions[i] ?? { outcome: 'skipped' as const };
    const outcome: FhirEntryOutcome = d.outcome === 'mapped' ? (outcomes.get(key(d.target)) ?? 'skipped') : d.outcome;
    c.received += 1;
    c[outcome] += 1;
    totals.received += 1;
    totals[outcome] += 1;
  });
  const all = [...mapped.issues, ...extraIssues];
  const listed: FhirEntryIssue[] = [];
  let omitted = 0;
  const perSeverity = { error: 0, warning: 0 };
  for (const issue of all) {
    if (perSeverity[issue.severity] >= FHIR_IMPORT_MAX_LISTED_ISSUES) {
      omitted += 1;
      continue;
    }
    perSeverity[issue.severity] += 1;
    const e = issue.index === null ? null : mapped.entries[issue.index];
    listed.push({
      index: issue.index,
      fullUrl: e?.fullUrl ?? null,
      resourceType: e?.resourceType ?? null,
      severity: issue.severity,
      message: issue.message,
    });
  }
  listed.sort((a, b) => (a.severity === b.severity ? (a.index ?? -1) - (b.index ?? -1) : a.severity === 'error' ? -1 : 1));
  const ordered = [...counts.values()].sort((a, b) => b.received - a.received || a.resourceType.localeCompare(b.resourceType));
  return { counts: ordered, totals, issues: listed, issuesOmitted: omitted };
}

export function patientSummary(mapped: MappedImport, existing: ExistingCase | null): FhirImportPatient {
  const p = mapped.patient;
  return {
    familyName: p.familyName,
    givenName: p.givenName,
    mrn: existing?.patient.mrn ?? p.mrn,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    sourceIdentifier: p.sourceIdentifier,
    match: existing ? existing.match : 'new',
    existingPatientId: existing?.patient.id ?? null,
  };
}

/** True for a unique-constraint violation from either driver (e.g. two imports of one new patient at once). */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (typeof cur === 'object' && (cur as { code?: unknown }).code === '23505') return true;
    cur = typeof cur === 'object' ? (cur as { cause?: unknown }).cause : undefined;
  }
  return false;
}

/** Runs an import: the matching reads and all writes in one transaction, audited in it. */
export async function runImport(
  db: Db,
  mapped: MappedImport,
  ctx: AccessContext,
  timeZone: string,
): Promise<{ plan: WritePlan; existing: ExistingCase | null; summary: ImportSummary }> {
  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      const existing = await loadExisting(tx, mapped, true);
      const plan = planWrites(mapped, existing, ctx, now);
      await applyWrites(tx, plan, ctx, now);
      if (plan.surgeryInserts.length || plan.surgeryUpdates.length) await refreshIndexSurgery(tx, plan.patientId);
      if (plan.assessmentInserts.length || plan.followUpInserts.length || plan.assessmentRetractions.length)
        await matchFollowUps(tx, plan.patientId, timeZone);
      const summary = summarise(mapped, plan.outcomes, plan.issues);
      await writeAudit(tx, actorOf(ctx), {
        action: 'create',
        subtype: 'fhir-import',
        outcome: 'success',
        entityType: 'Bundle',
        entityId: plan.patientId,
        patientId: plan.patientId,
        detail: {
          bundleType: mapped.bundleType,
          patientCreated: plan.patientCreated,
          match: existing?.match ?? 'new',
          totals: summary.totals,
          byType: Object.fromEntries(
            summary.counts.map((c) => [
              c.resourceType,
              Object.fromEntries(FHIR_ENTRY_OUTCOMES.filter((o) => c[o] > 0).map((o) => [o, c[o]])),
            ]),
          ),
        },
      });
      return { plan, existing, summary };
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new HttpProblem(
        409,
        'Another change to this patient was saved at the same moment (e.g. the same bundle imported twice at once). Try again.',
      );
    throw e;
  }
}
