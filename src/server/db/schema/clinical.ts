import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CaseStatus, ReferralPriority, Sex } from '../../../shared/domain/case-status';
import type { CauseCode, CauseStatus } from '../../../shared/domain/causes';
import type { ProcedureCode, SpinalLevel } from '../../../shared/domain/procedures';
import type { RedFlagCode } from '../../../shared/domain/red-flags';
import type { PlanItemStatus, TreatmentCode } from '../../../shared/domain/treatments';
import { enteredInError, instant, pk, versioned } from './columns';
import { users } from './users';

/**
 * A referred patient and their case (one case per patient; several referral episodes are possible).
 * The latest_* and baseline_* columns are kept by triggers (see the migrations) so that the worklist
 * can filter and sort on them with plain indexes (performance-notes.md, item 2).
 */
export const patients = pgTable(
  'patients',
  {
    id: pk(),
    mrn: text().notNull(),
    familyName: text().notNull(),
    givenName: text().notNull(),
    dateOfBirth: date({ mode: 'string' }).notNull(),
    sex: text().$type<Sex>().notNull(),
    phone: text(),
    email: text(),
    /** Identifier of the patient in the system a FHIR import came from (system|value), for re-import matching. */
    sourceIdentifier: text(),
    status: text().$type<CaseStatus>().notNull().default('referred'),
    priority: text().$type<ReferralPriority>().notNull().default('routine'),
    /** 0 stat, 1 asap, 2 urgent, 3 routine: sorts urgent first. */
    priorityRank: smallint()
      .notNull()
      .generatedAlwaysAs(sql`case priority when 'stat' then 0 when 'asap' then 1 when 'urgent' then 2 else 3 end`),
    referredOn: date({ mode: 'string' }),
    responsibleSpecialistId: uuid().references(() => users.id),
    namedNurseId: uuid().references(() => users.id),
    indexProcedure: text().$type<ProcedureCode>(),
    indexSurgeryDate: date({ mode: 'string' }),
    indexSurgeon: text(),
    latestBackNrs: doublePrecision(),
    latestBackAt: instant(),
    latestLegNrs: doublePrecision(),
    latestLegAt: instant(),
    baselineBackNrs: doublePrecision(),
    baselineLegNrs: doublePrecision(),
    latestAssessedAt: instant(),
    openRedFlag: boolean().notNull().default(false),
    nextFollowUpDue: date({ mode: 'string' }),
    ...versioned(),
    ...enteredInError(),
  },
  (t) => [
    uniqueIndex('patients_mrn_key').on(t.mrn),
    index('patients_source_identifier_idx').on(t.sourceIdentifier),
    index('patients_name_idx').on(sql`lower(${t.familyName})`, sql`lower(${t.givenName})`, t.id),
    index('patients_worklist_default_idx').on(t.openRedFlag.desc(), t.priorityRank, t.referredOn, t.id),
    index('patients_referred_on_idx').on(t.referredOn, t.id),
    // Partial on valid patients (every worklist query has that predicate): a filtered total is an index-only scan.
    index('patients_status_idx')
      .on(t.status, t.referredOn)
      .where(sql`not ${t.enteredInError}`),
    index('patients_latest_back_idx')
      .on(t.latestBackNrs)
      .where(sql`not ${t.enteredInError}`),
    index('patients_latest_leg_idx')
      .on(t.latestLegNrs)
      .where(sql`not ${t.enteredInError}`),
    index('patients_specialist_idx').on(t.responsibleSpecialistId),
    index('patients_nurse_idx').on(t.namedNurseId),
    index('patients_next_follow_up_idx')
      .on(t.nextFollowUpDue)
      .where(sql`not ${t.enteredInError}`),
    index('patients_index_surgery_idx').on(t.indexProcedure, t.indexSurgeryDate),
    index('patients_red_flag_idx')
      .on(t.id)
      .where(sql`${t.openRedFlag}`),
    // The worklist's unfiltered total (every patient not entered in error) as an index-only scan of a narrow index.
    index('patients_valid_idx')
      .on(t.priorityRank)
      .where(sql`not ${t.enteredInError}`),
  ],
);

/**
 * Per-patient facts for the outcomes dashboard (and the worklist's cause filter), one row per patient, kept by
 * triggers (migration 0005): the dashboard's filter dimensions copied from the patient row, and summaries of
 * cause_tags, plan_items, follow_ups, referrals and red_flag_alerts. A filtered aggregate is then one pass over
 * this narrow table instead of joins to six (performance-notes.md items 2 and 5). A table of its own so that
 * the patient row, which the worklist counts and sorts, stays narrow.
 */
export const patientFacts = pgTable(
  'patient_facts',
  {
    patientId: uuid()
      .primaryKey()
      .references(() => patients.id),
    enteredInError: boolean().notNull().default(false),
    status: text().$type<CaseStatus>().notNull(),
    referredOn: date({ mode: 'string' }),
    indexProcedure: text().$type<ProcedureCode>(),
    responsibleSpecialistId: uuid(),
    /** Suspected causes: codes of valid tags that are not refuted (the worklist's and dashboard's cause filter). */
    causeCodes: text()
      .array()
      .$type<CauseCode[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    confirmedCauseCodes: text()
      .array()
      .$type<CauseCode[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Provisional or differential. */
    provisionalCauseCodes: text()
      .array()
      .$type<CauseCode[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Treatments of the valid plan items, whatever their status. */
    treatmentCodes: text()
      .array()
      .$type<TreatmentCode[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Earliest start of a valid plan item. */
    firstTreatmentOn: date({ mode: 'string' }),
    /** Due dates of completed follow-ups, ascending (width_bucket counts those due by a day). */
    followUpsCompleted: date({ mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    /** Due dates of follow-ups still due, ascending. */
    followUpsOpen: date({ mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    /** Dates of valid referral episodes, ascending. */
    referralDates: date({ mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    /** Red-flag alerts not yet acknowledged. */
    openRedFlags: integer().notNull().default(0),
  },
  (t) => [index('patient_facts_cause_codes_idx').using('gin', t.causeCodes)],
);

export const referrals = pgTable(
  'referrals',
  {
    id: pk(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    referringClinician: text().notNull(),
    referredOn: date({ mode: 'string' }).notNull(),
    reason: text().notNull(),
    priority: text().$type<ReferralPriority>().notNull(),
    status: text().$type<'active' | 'completed' | 'revoked'>().notNull().default('active'),
    sourceIdentifier: text(),
    ...versioned(),
    ...enteredInError(),
  },
  (t) => [index('referrals_patient_idx').on(t.patientId, t.referredOn.desc())],
);

/** Index and other prior spine surgeries, in order. */
export const surgeries = pgTable(
  'surgeries',
  {
    id: pk(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    procedure: text().$type<ProcedureCode>().notNull(),
    levels: text()
      .array()
      .$type<SpinalLevel[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    performedOn: date({ mode: 'string' }).notNull(),
    surgeon: text().notNull(),
    hospital: text(),
    instrumentation: text(),
    isIndex: boolean().notNull().default(false),
    sourceIdentifier: text(),
    ...versioned(),
    ...enteredInError(),
  },
  (t) => [
    index('surgeries_patient_idx').on(t.patientId, t.performedOn.desc()),
    index('surgeries_surgeon_idx').on(sql`lower(${t.surgeon})`),
  ],
);

/** Suspected causes as provisional diagnoses (FHIR Condition.verificationStatus; fbss-domain.md §0.7, §2). */
export const causeTags = pgTable(
  'cause_tags',
  {
    id: pk(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    code: text().$type<CauseCode>().notNull(),
    status: text().$type<CauseStatus>().notNull(),
    evidenceNote: text(),
    taggedBy: uuid(),
    taggedAt: instant().notNull().defaultNow(),
    sourceIdentifier: text(),
    ...versioned(),
    ...enteredInError(),
  },
  (t) => [
    index('cause_tags_code_patient_idx')
      .on(t.code, t.patientId)
      .where(sql`not ${t.enteredInError}`),
    index('cause_tags_patient_idx').on(t.patientId),
    uniqueIndex('cause_tags_patient_code_key')
      .on(t.patientId, t.code)
      .where(sql`not ${t.enteredInError}`),
  ],
);

/** Every change of a cause tag (status, evidence), so the full history is visible. */
export const causeTagEvents = pgTable(
  'cause_tag_events',
  {
    id: pk(),
    causeTagId: uuid()
      .notNull()
      .references(() => causeTags.id),
    status: text().$type<CauseStatus>().notNull(),
    evidenceNote: text(),
    changedBy: uuid(),
    changedAt: instant().notNull().defaultNow(),
    change: text().$type<'tagged' | 'status' | 'evidence' | 'entered-in-error'>().notNull(),
  },
  (t) => [index('cause_tag_events_tag_idx').on(t.causeTagId, t.changedAt)],
);

export interface SymptomEntry {
  type: string;
  side: string | null;
  regions: string[];
  dermatomes: string[];
  onset: string | null;
  note: string | null;
}

/**
 * An assessment: pain scores by site (back, leg, or site unspecified for imported data without bodySite),
 * symptoms, red-flag screen, ODI answers and score. Never edited in place: corrections mark it entered-in-error.
 * Pain values are kept as recorded (imported decimals are never rounded), hence double precision.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: pk(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    recordedAt: instant().notNull().defaultNow(),
    recordedBy: uuid(),
    backNrs: doublePrecision(),
    legNrs: doublePrecision(),
    unspecifiedNrs: doublePrecision(),
    symptoms: jsonb()
      .$type<SymptomEntry[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    redFlagsScreened: boolean().notNull().default(false),
    redFlags: text()
      .array()
      .$type<RedFlagCode[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    odiAnswers: jsonb().$type<(number | null)[]>(),
    odiScore: doublePrecision(),
    note: text(),
    source: text().$type<'form' | 'fhir' | 'seed'>().notNull().default('form'),
    sourceIdentifier: text(),
    ...versioned(),
    ...enteredInError(),
  },
  (t) => [
    // The partial covering index assessments (patient_id, recorded_at DESC) INCLUDE (back_nrs, leg_nrs, odi_score)
    // WHERE NOT entered_in_error is created in the migrations (drizzle cannot express INCLUDE): performance-notes.md item 1.
    index('assessments_source_identifier_idx').on(t.sourceIdentifier),
    // A case's full history (valid and entered-in-error entries) for the chart's table view.
    index('assessments_patient_all_idx').on(t.patientId, t.recordedAt),
  ],
);

/** An open red flag raises an urgent banner until a specialist acknowledges it with the action taken. */
export const redFlagAlerts = pgTable(
  'red_flag_alerts',
  {
    id: pk(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id),
    flags: text().array().$type<RedFlagCode[]>().notNull(),
    raisedAt: instant().notNull().defaultNow(),
    acknowledgedAt: instant(),
    acknowledgedBy: uuid(),
    actionTaken: text(),
    ...versioned(),
  },
  (t) => [
    index('red_flag_alerts_open_idx')
      .on(t.patientId)
      .where(sql`${t.acknowledgedAt} is null`),
  ],
);

/** Clinical notes: immutable once saved; corrections are new notes or entered-in-error. */
export const clinicalNotes = pgTable(
  'clinical_notes',
  {
    id: pk(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    authorId: uuid().notNull(),
    writtenAt: instant().notNull().defaultNow(),
    body: text().notNull(),
    ...versioned(),
    ...enteredInError(),
  },
  (t) => [index('clinical_notes_patient_idx').on(t.patientId, t.writtenAt.desc())],
);

export interface PlanGoal {
  text: string;
  measure: 'back-nrs' | 'leg-nrs' | 'odi' | 'other';
  target: number | null;
}

export const treatmentPlans = pgTable(
  'treatment_plans',
  {
    id: pk(),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    status: text().$type<'active' | 'completed' | 'revoked'>().notNull().default('active'),
    goals: jsonb()
      .$type<PlanGoal[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    sourceIdentifier: text(),
    ...versioned(),
    ...enteredInError(),
  },
  (t) => [
    index('treatment_plans_patient_idx').on(t.patientId),
    uniqueIndex('treatment_plans_one_active_key')
      .on(t.patientId)
      .where(sql`${t.status} = 'active' and not ${t.enteredInError}`),
  ],
);

export const planItems = pgTable(
  'plan_items',
  {
    id: pk(),
    planId: uuid()
      .notNull()
      .references(() => treatmentPlans.id),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    treatmentCode: text().$type<TreatmentCode>().notNull(),
    status: text().$type<PlanItemStatus>().notNull().default('planned'),
    plannedOn: date({ mode: 'string' }),
    startedOn: date({ mode: 'string' }),
    endedOn: date({ mode: 'string' }),
    responsibleClinicianId: uuid(),
    addressesCauses: text()
      .array()
      .$type<CauseCode[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    stopReason: text(),
    outcomeNote: text(),
    /** SCS trial: relief % and decision (success means >= 50% relief, fbss-domain.md §5). */
    trialReliefPct: integer(),
    trialDecision: text().$type<'success' | 'failure'>(),
    ...versioned(),
    ...enteredInError(),
  },
  (t) => [
    index('plan_items_plan_idx').on(t.planId),
    index('plan_items_patient_idx').on(t.patientId),
    index('plan_items_treatment_idx').on(t.treatmentCode, t.startedOn),
  ],
);

export const planItemEvents = pgTable(
  'plan_item_events',
  {
    id: pk(),
    planItemId: uuid()
      .notNull()
      .references(() => planItems.id),
    changedBy: uuid(),
    changedAt: instant().notNull().defaultNow(),
    change: jsonb().$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
  },
  (t) => [index('plan_item_events_item_idx').on(t.planItemId, t.changedAt)],
);

/** Scheduled follow-up assessments after a plan item starts (1, 3, 6, 12 (+24) months). */
export const followUps = pgTable(
  'follow_ups',
  {
    id: pk(),
    planItemId: uuid()
      .notNull()
      .references(() => planItems.id),
    patientId: uuid()
      .notNull()
      .references(() => patients.id),
    monthOffset: integer().notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    completedAssessmentId: uuid().references(() => assessments.id),
    status: text().$type<'due' | 'completed' | 'cancelled'>().notNull().default('due'),
    ...versioned(),
  },
  (t) => [
    index('follow_ups_due_idx')
      .on(t.dueOn)
      .where(sql`${t.status} = 'due'`),
    index('follow_ups_patient_idx').on(t.patientId, t.dueOn),
    uniqueIndex('follow_ups_item_month_key').on(t.planItemId, t.monthOffset),
  ],
);

/**
 * One row per started plan item with its baseline and follow-up values: the outcomes dashboard aggregates
 * these narrow rows instead of raw assessments (performance-notes.md item 5). Derived data, rebuilt per
 * patient by triggers whenever an assessment, plan item or follow-up of that patient changes.
 */
export const outcomeSummaries = pgTable(
  'outcome_summaries',
  {
    itemId: uuid().primaryKey(),
    patientId: uuid().notNull(),
    treatmentCode: text().$type<TreatmentCode>().notNull(),
    itemStatus: text().$type<PlanItemStatus>().notNull(),
    startedOn: date({ mode: 'string' }).notNull(),
    clinicianId: uuid(),
    baseBack: doublePrecision(),
    baseLeg: doublePrecision(),
    baseOdi: doublePrecision(),
    m1Due: date({ mode: 'string' }),
    m1Back: doublePrecision(),
    m1Leg: doublePrecision(),
    m1Odi: doublePrecision(),
    m3Due: date({ mode: 'string' }),
    m3Back: doublePrecision(),
    m3Leg: doublePrecision(),
    m3Odi: doublePrecision(),
    m6Due: date({ mode: 'string' }),
    m6Back: doublePrecision(),
    m6Leg: doublePrecision(),
    m6Odi: doublePrecision(),
    m12Due: date({ mode: 'string' }),
    m12Back: doublePrecision(),
    m12Leg: doublePrecision(),
    m12Odi: doublePrecision(),
    // Percent improvement from baseline per site and month, (baseline - follow-up) x 100 / baseline, null when either
    // is missing or the baseline is 0: the same formula as percentChange() in src/shared/domain/pain.ts (a spec
    // checks they agree). Stored so that the dashboard compares a column with the shared thresholds per row
    // instead of evaluating arithmetic (PGlite pays for every operator).
    m3BackPct: doublePrecision().generatedAlwaysAs(sql`case when base_back > 0 then (base_back - m3_back) * 100 / base_back end`),
    m6BackPct: doublePrecision().generatedAlwaysAs(sql`case when base_back > 0 then (base_back - m6_back) * 100 / base_back end`),
    m12BackPct: doublePrecision().generatedAlwaysAs(sql`case when base_back > 0 then (base_back - m12_back) * 100 / base_back end`),
    m3LegPct: doublePrecision().generatedAlwaysAs(sql`case when base_leg > 0 then (base_leg - m3_leg) * 100 / base_leg end`),
    m6LegPct: doublePrecision().generatedAlwaysAs(sql`case when base_leg > 0 then (base_leg - m6_leg) * 100 / base_leg end`),
    m12LegPct: doublePrecision().generatedAlwaysAs(sql`case when base_leg > 0 then (base_leg - m12_leg) * 100 / base_leg end`),
    /** ODI points improvement (baseline - follow-up), null when either is missing. */
    m6OdiChange: doublePrecision().generatedAlwaysAs(sql`base_odi - m6_odi`),
    m12OdiChange: doublePrecision().generatedAlwaysAs(sql`base_odi - m12_odi`),
  },
  (t) => [
    index('outcome_summaries_patient_idx').on(t.patientId),
    index('outcome_summaries_treatment_idx').on(t.treatmentCode, t.startedOn),
  ],
);

/** Settings the database functions need (the clinic's time zone for "on or before the start day"). */
export const clinicSettings = pgTable('clinic_settings', {
  key: text().primaryKey(),
  value: text().notNull(),
});
