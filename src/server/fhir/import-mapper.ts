/**
 * Step 2 of an import: map one patient's FHIR R4 Bundle onto the clinic's records, entry by entry, without
 * touching the database. Each entry ends up mapped (to the patient, a referral, a surgery, a cause tag, an
 * assessment or a treatment plan), skipped (irrelevant to the dashboard, or not importable, with the reason
 * where it matters) or rejected (an error, e.g. a pain score outside 0-10). Rules (issue 8, fbss-domain.md §8):
 *
 * - Patient: one per bundle (see `mapBundle`); MRN = the identifier typed MR (v2-0203), else the first.
 * - ServiceRequest -> referral, when it is one: category/code SNOMED 3457005 "Patient referral", or a reason
 *   that is the FBSS diagnosis. Other requests (lab orders, ...) are skipped with a warning.
 * - Procedure -> surgery when it is a spine surgery of the catalogue (local code, CPT, or a spine-surgery name);
 *   a Procedure that is a catalogue treatment (CPT) is skipped with a warning; any other procedure is skipped.
 * - Condition: FBSS diagnosis (M96.1, SNOMED 27151001/202725007/...) is noted; a suspected cause (local tag
 *   code, ICD-10-CM or SNOMED CT mapping to a tag) becomes a cause tag, verificationStatus -> tag status.
 * - Observation LOINC 72514-3 -> pain score by bodySite (37822005 back, 61685007 leg, none -> site unspecified);
 *   values kept as recorded (decimals are never rounded); outside 0-10 -> rejected. LOINC 97909-6 -> ODI score.
 * - QuestionnaireResponse of the ODI -> ODI answers (ordinal 0-5), scored by the shared rule (scoreOdi).
 * - Pain scores, ODI answers and ODI scores taken at the same instant form one assessment.
 * - CarePlan -> treatment plan with items for the activities that map to the treatment catalogue.
 */
import { z } from 'zod';
import type { FhirEntryOutcome } from '../../shared/contracts/fhir';
import { maxPriority, type ReferralPriority, type Sex } from '../../shared/domain/case-status';
import { CONDITION_VER_STATUS_SYSTEM, fhirToCauseStatus, type CauseCode, type CauseStatus } from '../../shared/domain/causes';
import { ODI_LOINC_PANEL, ODI_LOINC_SCORE, ODI_SECTIONS, ODI_SECTION_COUNT, scoreOdi } from '../../shared/domain/odi';
import { NRS_LOINC, NRS_MAX, NRS_MIN, PAIN_SITE_SNOMED } from '../../shared/domain/pain';
import { procedureByCode, type ProcedureCode, type SpinalLevel } from '../../shared/domain/procedures';
import { isScsTrialSuccess, treatmentByCode, type PlanItemStatus, type TreatmentCode } from '../../shared/domain/treatments';
import { HttpProblem } from '../http/problem';
import type { BundleEntryIn, ParsedBundle } from './bundle';
import {
  GOAL_MEASURE_SYSTEM,
  INDEX_SURGERY_EXT,
  LOINC,
  MRN_SYSTEM,
  ORDINAL_VALUE_EXT,
  PLANNED_ON_EXT,
  PLAN_CATEGORY_CODE,
  PLAN_CATEGORY_SYSTEM,
  REFERRAL_SNOMED,
  SNOMED,
  TRIAL_RELIEF_EXT,
  V2_IDENTIFIER_TYPE,
  causeFromCodings,
  isFbssDiagnosis,
  isTreatmentCpt,
  levelFromCoding,
  procedureFromCoding,
  treatmentFromCodings,
  ODI_QUESTIONNAIRE,
} from './codes';
import {
  allCodings,
  codingsOf,
  conceptText,
  firstTime,
  hasCoding,
  num,
  obj,
  objects,
  str,
  strings,
  type FhirTime,
  type JsonObject,
} from './json';

export interface ImportIssue {
  index: number | null;
  severity: 'error' | 'warning';
  message: string;
}

export interface MappedPatient {
  mrn: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string;
  sex: Sex;
  phone: string | null;
  email: string | null;
  sourceIdentifier: string;
}

export interface MappedReferral {
  sourceIdentifier: string;
  referringClinician: string;
  referredOn: string;
  reason: string;
  priority: ReferralPriority;
  status: 'active' | 'completed' | 'revoked';
}

export interface MappedSurgery {
  sourceIdentifier: string;
  procedure: ProcedureCode;
  levels: SpinalLevel[];
  performedOn: string;
  surgeon: string;
  hospital: string | null;
  instrumentation: string | null;
  isIndex: boolean;
}

export interface MappedCause {
  sourceIdentifier: string;
  code: CauseCode;
  status: CauseStatus;
  evidenceNote: string | null;
  taggedAt: Date | null;
}

export interface MappedAssessment {
  /** The member entries' source identities, sorted and joined by spaces. */
  sourceIdentifier: string;
  members: string[];
  recordedAt: Date;
  backNrs: number | null;
  legNrs: number | null;
  unspecifiedNrs: number | null;
  odiAnswers: (number | null)[] | null;
  odiScore: number | null;
}

export interface MappedGoal {
  text: string;
  measure: 'back-nrs' | 'leg-nrs' | 'odi' | 'other';
  target: number | null;
}

export interface MappedPlanItem {
  treatmentCode: TreatmentCode;
  status: PlanItemStatus;
  plannedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  addressesCauses: CauseCode[];
  stopReason: string | null;
  outcomeNote: string | null;
  trialReliefPct: number | null;
  trialDecision: 'success' | 'failure' | null;
}

export interface MappedPlan {
  /** The CarePlan's entry index. */
  entry: number;
  sourceIdentifier: string;
  status: 'active' | 'completed' | 'revoked';
  goals: MappedGoal[];
  createdAt: Date | null;
  items: MappedPlanItem[];
}

export type Target = { kind: 'patient' } | { kind: 'referral' | 'surgery' | 'cause' | 'assessment' | 'plan'; i: number };

/** Before matching against the database: skipped and rejected are final; mapped entries take their target's outcome. */
export type Disposition = { outcome: Extract<FhirEntryOutcome, 'skipped' | 'rejected'> } | { outcome: 'mapped'; target: Target };

export interface MappedImport {
  bundleType: ParsedBundle['type'];
  entries: BundleEntryIn[];
  patient: MappedPatient;
  /** The MRN as written in the bundle, when it had to be adapted to the clinic's MRN format. */
  patientEntry: number;
  referrals: MappedReferral[];
  surgeries: MappedSurgery[];
  causes: MappedCause[];
  assessments: MappedAssessment[];
  plans: MappedPlan[];
  dispositions: Disposition[];
  issues: ImportIssue[];
  fbssDiagnosis: boolean;
  /** Latest referral date and highest priority of the referrals in the bundle, for the case row. */
  referredOn: string | null;
  priority: ReferralPriority | null;
}

const NOT_STATED = 'Not stated (FHIR import)';
const MRN_PATTERN = /^[A-Z0-9-]{3,32}$/;
const EmailCheck = z.email();
/** An import may not carry records dated after tomorrow (clock skew and time zones allowed for). */
const FUTURE_SLACK_MS = 36 * 3600 * 1000;

/** Clinic MRNs are 3-32 letters, digits and dashes, upper case (contracts/patients.ts Mrn). Null when no such form exists. */
export function clinicMrn(value: string): { mrn: string; adapted: boolean } | null {
  const upper = value.trim().toUpperCase();
  if (MRN_PATTERN.test(upper)) return { mrn: upper, adapted: upper !== value.trim() };
  let cleaned = upper.replace(/[^A-Z0-9-]/g, '');
  if (cleaned.length > 32) cleaned = cleaned.replace(/-/g, '');
  return MRN_PATTERN.test(cleaned) ? { mrn: cleaned, adapted: true } : null;
}

function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function personName(resource: JsonObject | null | undefined): string | undefined {
  if (!resource) return undefined;
  const names = resource['name'];
  if (typeof names === 'string') return str(names);
  const n = objects(names)[0];
  if (!n) return undefined;
  return str(n['text']) ?? ([...strings(n['prefix']), ...strings(n['given']), str(n['family'])].filter(Boolean).join(' ') || undefined);
}

const FHIR_TO_PLAN_ITEM_STATUS: Readonly<Record<string, PlanItemStatus>> = {
  'not-started': 'planned',
  scheduled: 'planned',
  unknown: 'planned',
  'in-progress': 'active',
  'on-hold': 'active',
  completed: 'completed',
  stopped: 'stopped',
  cancelled: 'cancelled',
};

class Mapper {
  readonly issues: ImportIssue[] = [];
  readonly dispositions: Disposition[];
  readonly referrals: MappedReferral[] = [];
  readonly surgeries: MappedSurgery[] = [];
  readonly causes: MappedCause[] = [];
  readonly plans: MappedPlan[] = [];
  fbssDiagnosis = false;
  private readonly causeEntry = new Map<CauseCode, { i: number; entry: number }>();
  private readonly indexProcedureEntries = new Set<number>();
  private readonly surgeryEntry = new Map<number, number>();
  private readonly measurements: Measurement[] = [];
  private readonly now = Date.now();

  constructor(
    private readonly bundle: ParsedBundle,
    private readonly patientEntry: BundleEntryIn,
  ) {
    this.dispositions = bundle.entries.map(() => ({ outcome: 'skipped' as const }));
  }

  warn(e: BundleEntryIn | null, message: string): void {
    this.issues.push({ index: e?.index ?? null, severity: 'warning', message });
  }

  skip(e: BundleEntryIn, message?: string): void {
    this.dispositions[e.index] = { outcome: 'skipped' };
    if (message) this.warn(e, message);
  }

  reject(e: BundleEntryIn, message: string): void {
    this.dispositions[e.index] = { outcome: 'rejected' };
    this.issues.push({ index: e.index, severity: 'error', message });
  }

  map(e: BundleEntryIn, target: Target): void {
    this.dispositions[e.index] = { outcome: 'mapped', target };
  }

  /** The entry belongs to the bundle's patient: its subject (or patient) resolves to the Patient entry. */
  private ownsEntry(e: BundleEntryIn, resource: JsonObject, element = 'subject'): boolean {
    const ref = resource[element] ?? (element === 'subject' ? resource['patient'] : undefined);
    if (ref === undefined) {
      this.warn(e, `${e.resourceType} has no ${element}: taken to be about the bundle's patient.`);
      return true;
    }
    const target = this.bundle.resolve(ref, e);
    if (target === this.patientEntry) return true;
    const shown = str(obj(ref)?.['reference']) ?? 'a reference by identifier';
    this.reject(
      e,
      target
        ? `${e.resourceType}.${element} (${shown}) is another resource, not the bundle's Patient.`
        : `${e.resourceType}.${element} (${shown}) does not resolve to the bundle's Patient.`,
    );
    return false;
  }

  private time(e: BundleEntryIn, what: string, ...candidates: unknown[]): FhirTime | null {
    const t = firstTime(...candidates);
    if (!t) {
      this.reject(e, `${e.resourceType} has no valid ${what} (a FHIR date or dateTime with a time zone).`);
      return null;
    }
    if (t.instant.getTime() > this.now + FUTURE_SLACK_MS) {
      this.reject(e, `${e.resourceType} is dated in the future (${t.date}).`);
      return null;
    }
    if (t.partial)
      this.warn(e, `${e.resourceType} has only a partial ${what} (${t.date.slice(0, 7)}): the first day of that month or year is used.`);
    return t;
  }

  private displayOf(ref: unknown, from: BundleEntryIn): string | undefined {
    const o = obj(ref);
    const display = str(o?.['display']);
    if (display) return display;
    const target = this.bundle.resolve(ref, from);
    return personName(target?.resource) ?? str(target?.resource?.['name']);
  }

  // ---- ServiceRequest -> referral ----
  referral(e: BundleEntryIn, r: JsonObject): void {
    const codes = [...allCodings(r['category']), ...codingsOf(r['code'])];
    const reasons = allCodings(r['reasonCode']);
    if (!hasCoding(codes, SNOMED, REFERRAL_SNOMED) && !isFbssDiagnosis(reasons)) {
      this.skip(
        e,
        'ServiceRequest is not a referral to the pain clinic (no SNOMED 3457005 "Patient referral" category or code, no FBSS reason): skipped.',
      );
      return;
    }
    const fhirStatus = str(r['status']) ?? 'unknown';
    if (fhirStatus === 'entered-in-error') {
      this.skip(e, 'ServiceRequest is entered-in-error: not imported.');
      return;
    }
    if (!this.ownsEntry(e, r)) return;
    const t = this.time(e, 'authoredOn date', r['authoredOn'], r['occurrenceDateTime'], obj(r['occurrencePeriod'])?.['start']);
    if (!t) return;
    const status = fhirStatus === 'completed' ? 'completed' : fhirStatus === 'revoked' ? 'revoked' : 'active';
    const priority = (['routine', 'urgent', 'asap', 'stat'] as const).find((p) => p === r['priority']) ?? 'routine';
    const reasonTexts = [...objects(r['reasonCode']).map(conceptText), ...objects(r['note']).map((n) => str(n['text']))].filter(
      (s): s is string => !!s,
    );
    const reason = reasonTexts.length ? [...new Set(reasonTexts)].join('; ') : 'Imported from FHIR (no reason given)';
    for (const info of objects(r['supportingInfo'])) {
      const target = this.bundle.resolve(info, e);
      if (target?.resourceType === 'Procedure') this.indexProcedureEntries.add(target.index);
    }
    this.referrals.push({
      sourceIdentifier: e.sourceId,
      referringClinician: cut(this.displayOf(r['requester'], e) ?? NOT_STATED, 120),
      referredOn: t.date,
      reason: cut(reason, 2000),
      priority,
      status,
    });
    this.map(e, { kind: 'referral', i: this.referrals.length - 1 });
  }

  // ---- Procedure -> surgery ----
  procedure(e: BundleEntryIn, r: JsonObject): void {
    const codings = codingsOf(r['code']);
    const match = procedureFromCoding(codings, conceptText(r['code']));
    if (!match) {
      const treatment = isTreatmentCpt(codings);
      if (treatment)
        this.skip(
          e,
          `Procedure is a treatment of the catalogue (${treatmentByCode(treatment)?.name ?? treatment}), not a spine surgery: add it to the treatment plan by hand.`,
        );
      else this.skip(e);
      return;
    }
    const status = str(r['status']) ?? 'unknown';
    if (status === 'not-done' || status === 'entered-in-error' || status === 'preparation') {
      this.skip(e, `Spine surgery with status ${status}: not imported.`);
      return;
    }
    if (!this.ownsEntry(e, r)) return;
    const t = this.time(e, 'performed date', r['performedDateTime'], obj(r['performedPeriod'])?.['start']);
    if (!t) return;
    const levels = [
      ...new Set(
        objects(r['bodySite'])
          .flatMap((b) => codingsOf(b).map(levelFromCoding))
          .filter((l): l is SpinalLevel => l !== null),
      ),
    ];
    const surgeon = objects(r['performer'])
      .map((p) => this.displayOf(p['actor'], e))
      .find((s) => s !== undefined);
    const hospital = this.displayOf(r['location'], e) ?? null;
    const devices = objects(r['focalDevice'])
      .map((d) => this.displayOf(d['manipulated'], e))
      .filter((s): s is string => !!s);
    const isIndexExt = objects(r['extension']).some((x) => x['url'] === INDEX_SURGERY_EXT && x['valueBoolean'] === true);
    if (match.by === 'name')
      this.warn(
        e,
        `Procedure "${conceptText(r['code']) ?? ''}" was recognised by its name as ${procedureByCode(match.code)?.name ?? match.code}.`,
      );
    this.surgeries.push({
      sourceIdentifier: e.sourceId,
      procedure: match.code,
      levels,
      performedOn: t.date,
      surgeon: cut(surgeon ?? NOT_STATED, 120),
      hospital: hospital === null ? null : cut(hospital, 120),
      instrumentation: devices.length ? cut(devices.join('; '), 200) : null,
      isIndex: isIndexExt,
    });
    this.surgeryEntry.set(e.index, this.surgeries.length - 1);
    this.map(e, { kind: 'surgery', i: this.surgeries.length - 1 });
  }

  // ---- Condition -> FBSS diagnosis (noted) or cause tag ----
  condition(e: BundleEntryIn, r: JsonObject): void {
    const codings = codingsOf(r['code']);
    const cause = causeFromCodings(codings);
    if (!cause) {
      if (isFbssDiagnosis(codings)) this.fbssDiagnosis = true;
      this.skip(e);
      return;
    }
    const ver = codingsOf(r['verificationStatus']).find((c) => c.system === undefined || c.system === CONDITION_VER_STATUS_SYSTEM)?.code;
    let status: CauseStatus | null;
    if (ver === undefined) {
      status = 'provisional';
      this.warn(e, `Condition for ${cause} has no verificationStatus: tagged as provisional.`);
    } else {
      if (ver === 'entered-in-error') {
        this.skip(e, `Condition for ${cause} is entered-in-error: not imported.`);
        return;
      }
      status = fhirToCauseStatus(ver);
      if (!status) {
        this.reject(e, `Condition.verificationStatus "${ver}" is not a code of ${CONDITION_VER_STATUS_SYSTEM}.`);
        return;
      }
    }
    if (!this.ownsEntry(e, r)) return;
    const taggedAt = firstTime(r['recordedDate'])?.instant ?? null;
    const notes = objects(r['note'])
      .map((n) => str(n['text']))
      .filter((s): s is string => !!s);
    const mapped: MappedCause = {
      sourceIdentifier: e.sourceId,
      code: cause,
      status,
      evidenceNote: notes.length ? cut(notes.join('\n'), 2000) : null,
      taggedAt,
    };
    const earlier = this.causeEntry.get(cause);
    if (earlier) {
      // One tag per cause and patient: the most recently recorded Condition wins.
      const prev = this.causes[earlier.i];
      const newer = (taggedAt?.getTime() ?? 0) > (prev?.taggedAt?.getTime() ?? 0);
      const loser = newer ? (this.bundle.entries[earlier.entry] ?? e) : e;
      if (newer) {
        this.causes[earlier.i] = mapped;
        this.map(e, { kind: 'cause', i: earlier.i });
        this.causeEntry.set(cause, { i: earlier.i, entry: e.index });
      }
      this.skip(loser, `A second Condition for ${cause} in the bundle: the more recently recorded one is imported.`);
      return;
    }
    this.causes.push(mapped);
    this.causeEntry.set(cause, { i: this.causes.length - 1, entry: e.index });
    this.map(e, { kind: 'cause', i: this.causes.length - 1 });
  }

  // ---- Observation -> pain score / ODI score ----
  observation(e: BundleEntryIn, r: JsonObject): void {
    const codings = codingsOf(r['code']);
    const isPain = hasCoding(codings, LOINC, NRS_LOINC);
    const isOdi = !isPain && hasCoding(codings, LOINC, ODI_LOINC_SCORE);
    if (!isPain && !isOdi) {
      this.skip(e);
      return;
    }
    const what = isPain ? 'Pain score' : 'ODI score';
    const status = str(r['status']) ?? 'unknown';
    if (status === 'entered-in-error' || status === 'cancelled') {
      this.skip(e, `${what} with status ${status}: not imported.`);
      return;
    }
    if (r['dataAbsentReason'] !== undefined && r['valueQuantity'] === undefined && r['valueInteger'] === undefined) {
      this.skip(e, `${what} has no value (${conceptText(r['dataAbsentReason']) ?? 'dataAbsentReason'}).`);
      return;
    }
    const raw = num(obj(r['valueQuantity'])?.['value']) ?? num(r['valueInteger']) ?? num(r['valueDecimal']);
    if (raw === undefined) {
      this.reject(e, `${what} has no numeric value (valueQuantity.value or valueInteger).`);
      return;
    }
    const [min, max] = isPain ? [NRS_MIN, NRS_MAX] : [0, 100];
    if (raw < min || raw > max) {
      this.reject(e, `${what} ${raw} is outside ${min}-${max}: rejected.`);
      return;
    }
    let slot: Slot = 'odiScore';
    if (isPain) {
      const sites = codingsOf(r['bodySite']);
      if (sites.length === 0 && r['bodySite'] === undefined) slot = 'unspecifiedNrs';
      else if (sites.some((c) => c.system === SNOMED && c.code === PAIN_SITE_SNOMED.back)) slot = 'backNrs';
      else if (sites.some((c) => c.system === SNOMED && c.code === PAIN_SITE_SNOMED.leg)) slot = 'legNrs';
      else {
        this.skip(
          e,
          `Pain score at body site "${conceptText(r['bodySite']) ?? sites.map((s) => s.code).join(', ')}" is neither lower back (SNOMED 37822005) nor lower limb (61685007): not imported.`,
        );
        return;
      }
    }
    if (!this.ownsEntry(e, r)) return;
    const t = this.time(
      e,
      'effective time',
      r['effectiveDateTime'],
      r['effectiveInstant'],
      obj(r['effectivePeriod'])?.['start'],
      r['issued'],
    );
    if (!t) return;
    const derivedFrom = objects(r['derivedFrom'])
      .map((d) => this.bundle.resolve(d, e)?.index)
      .filter((i): i is number => i !== undefined);
    this.measurements.push({ entry: e, slot, value: raw, instant: t.instant, derivedFrom });
  }

  // ---- QuestionnaireResponse -> ODI answers ----
  questionnaireResponse(e: BundleEntryIn, r: JsonObject): void {
    const questionnaire = str(r['questionnaire']) ?? '';
    const items = flattenItems(objects(r['item']));
    const bySection = new Map(ODI_SECTIONS.map((s, i) => [s.id.toLowerCase(), i]));
    const sectionHits = items.filter((it) => bySection.has((str(it['linkId']) ?? '').toLowerCase())).length;
    const isOdi =
      questionnaire === ODI_QUESTIONNAIRE ||
      questionnaire.includes(ODI_LOINC_PANEL) ||
      /oswestry|\bodi\b/i.test(questionnaire) ||
      sectionHits >= ODI_SECTION_COUNT - 1;
    if (!isOdi) {
      this.skip(e);
      return;
    }
    const status = str(r['status']) ?? 'unknown';
    if (status !== 'completed' && status !== 'amended') {
      this.skip(e, `ODI questionnaire response with status ${status}: only completed or amended responses are imported.`);
      return;
    }
    if (!this.ownsEntry(e, r)) return;
    const t = this.time(e, 'authored time', r['authored']);
    if (!t) return;
    const answered = items.filter((it) => objects(it['answer']).length > 0);
    const answers: (number | null)[] = Array.from({ length: ODI_SECTION_COUNT }, () => null);
    const positionOf = (it: JsonObject, order: number): number | null => {
      const linkId = (str(it['linkId']) ?? '').toLowerCase();
      const named = bySection.get(linkId);
      if (named !== undefined) return named;
      const n = /(\d+)$/.exec(linkId);
      if (n && Number(n[1]) >= 1 && Number(n[1]) <= ODI_SECTION_COUNT) return Number(n[1]) - 1;
      return answered.length === ODI_SECTION_COUNT ? order : null;
    };
    for (const [order, it] of answered.entries()) {
      const pos = positionOf(it, order);
      if (pos === null) {
        this.reject(e, `ODI item "${str(it['linkId']) ?? '?'}" does not name one of the ten sections.`);
        return;
      }
      const first = objects(it['answer'])[0];
      const value = first ? ordinal(first) : null;
      const title = ODI_SECTIONS[pos]?.title ?? `section ${pos + 1}`;
      if (value === null || !Number.isInteger(value) || value < 0 || value > 5) {
        this.reject(
          e,
          `ODI section ${pos + 1} (${title}): answer ${value ?? 'without an ordinal value'} is not a whole number from 0 to 5.`,
        );
        return;
      }
      answers[pos] = value;
    }
    const scored = scoreOdi(answers);
    if (scored.score === null) this.warn(e, `ODI not scored: ${scored.reason ?? 'too many sections unanswered'}. The answers are kept.`);
    this.measurements.push({ entry: e, slot: 'odiAnswers', value: scored.score, answers, instant: t.instant, derivedFrom: [] });
  }

  // ---- CarePlan -> treatment plan ----
  carePlan(e: BundleEntryIn, r: JsonObject): void {
    const ours = hasCoding(allCodings(r['category']), PLAN_CATEGORY_SYSTEM, PLAN_CATEGORY_CODE);
    const activities = objects(r['activity']).map((a) => ({
      a,
      detail: obj(a['detail']),
      treatment: treatmentFromCodings(codingsOf(obj(a['detail'])?.['code'])),
    }));
    const mappable = activities.flatMap((x) => (x.treatment === null ? [] : [{ ...x, treatment: x.treatment }]));
    if (mappable.length === 0 && !ours) {
      this.skip(e);
      return;
    }
    const fhirStatus = str(r['status']) ?? 'unknown';
    if (fhirStatus === 'entered-in-error' || fhirStatus === 'unknown') {
      this.skip(e, `CarePlan with status ${fhirStatus}: not imported.`);
      return;
    }
    if (!this.ownsEntry(e, r)) return;
    const status = fhirStatus === 'completed' ? 'completed' : fhirStatus === 'revoked' ? 'revoked' : 'active';
    if (activities.length > mappable.length)
      this.warn(e, `${activities.length - mappable.length} CarePlan activities are not treatments of the catalogue: not imported.`);
    const items: MappedPlanItem[] = [];
    for (const { a, detail, treatment } of mappable) {
      const itemStatus = FHIR_TO_PLAN_ITEM_STATUS[str(detail?.['status']) ?? 'unknown'];
      if (!itemStatus) continue; // entered-in-error activities
      const period = obj(detail?.['scheduledPeriod']);
      const start = firstTime(period?.['start'])?.date ?? null;
      const end = firstTime(period?.['end'])?.date ?? null;
      const plannedExt = objects(detail?.['extension']).find((x) => x['url'] === PLANNED_ON_EXT);
      const started = itemStatus === 'active' || itemStatus === 'completed' || itemStatus === 'stopped';
      const causes = new Set<CauseCode>();
      for (const ref of objects(detail?.['reasonReference'])) {
        const target = this.bundle.resolve(ref, e);
        const c = target?.resource ? causeFromCodings(codingsOf(target.resource['code'])) : null;
        if (c) causes.add(c);
      }
      for (const cc of objects(detail?.['reasonCode'])) {
        const c = causeFromCodings(codingsOf(cc));
        if (c) causes.add(c);
      }
      const reliefExt = objects(detail?.['extension']).find((x) => x['url'] === TRIAL_RELIEF_EXT);
      const relief = num(reliefExt?.['valueInteger']);
      const trialReliefPct =
        relief !== undefined && treatmentByCode(treatment)?.isScsTrial && relief >= 0 && relief <= 100 ? Math.round(relief) : null;
      const progress = objects(a['progress'])
        .map((p) => str(p['text']))
        .filter((s): s is string => !!s);
      items.push({
        treatmentCode: treatment,
        status: itemStatus,
        plannedOn: firstTime(plannedExt?.['valueDate'])?.date ?? (started ? null : start),
        startedOn: started ? start : null,
        endedOn: itemStatus === 'completed' || itemStatus === 'stopped' ? end : null,
        addressesCauses: [...causes],
        stopReason: itemStatus === 'stopped' ? (conceptText(detail?.['statusReason']) ?? null) : null,
        outcomeNote: progress.length ? cut(progress.join('\n'), 2000) : null,
        trialReliefPct,
        trialDecision: trialReliefPct === null ? null : isScsTrialSuccess(trialReliefPct) ? 'success' : 'failure',
      });
    }
    const goals: MappedGoal[] = [];
    const goalEntries: BundleEntryIn[] = [];
    for (const ref of objects(r['goal'])) {
      const refText = str(ref['reference']) ?? '';
      let goal: JsonObject | undefined;
      if (refText.startsWith('#'))
        goal = objects(r['contained']).find((c) => c['resourceType'] === 'Goal' && `#${str(c['id']) ?? ''}` === refText);
      else {
        const target = this.bundle.resolve(ref, e);
        if (target?.resourceType === 'Goal' && target.resource) {
          goal = target.resource;
          goalEntries.push(target);
        }
      }
      const mapped = goal ? mapGoal(goal) : null;
      if (mapped) goals.push(mapped);
      else
        this.warn(
          e,
          `CarePlan goal ${refText || '(no reference)'} could not be read (a Goal with a description of 2-200 characters is needed): not imported.`,
        );
    }
    this.plans.push({
      entry: e.index,
      sourceIdentifier: e.sourceId,
      status,
      goals: goals.slice(0, 10),
      createdAt: firstTime(r['created'])?.instant ?? null,
      items,
    });
    // Goal entries the plan uses are part of it and take its outcome.
    for (const g of [e, ...goalEntries]) this.map(g, { kind: 'plan', i: this.plans.length - 1 });
  }

  /** Procedures a referral names as supporting information are index surgeries (fbss-domain.md §8). */
  markIndexSurgeries(): void {
    for (const entry of this.indexProcedureEntries) {
      const i = this.surgeryEntry.get(entry);
      const surgery = i === undefined ? undefined : this.surgeries[i];
      if (surgery) surgery.isIndex = true;
    }
  }

  /**
   * Pain scores, ODI answers and ODI scores of one instant form one assessment (the form records back and leg
   * together). An ODI score derived from a questionnaire response joins that response's assessment.
   */
  groupAssessments(): MappedAssessment[] {
    type Group = { slots: Partial<Record<Slot, Measurement>>; instant: number; members: Measurement[] };
    const groups: Group[] = [];
    const byInstant = new Map<number, Group[]>();
    const byEntry = new Map<number, Group>();
    const order: Slot[] = ['odiAnswers', 'odiScore', 'backNrs', 'legNrs', 'unspecifiedNrs'];
    const sorted = [...this.measurements].sort((a, b) => order.indexOf(a.slot) - order.indexOf(b.slot) || a.entry.index - b.entry.index);
    for (const m of sorted) {
      const at = m.instant.getTime();
      const sameInstant = byInstant.get(at) ?? [];
      let group: Group | undefined;
      if (m.slot === 'odiScore') {
        // An ODI score joins the questionnaire response it was derived from, else one of the same instant.
        group =
          m.derivedFrom.map((i) => byEntry.get(i)).find((g) => g?.slots.odiAnswers !== undefined && g.slots.odiScore === undefined) ??
          sameInstant.find((g) => g.slots.odiAnswers !== undefined && g.slots.odiScore === undefined);
        const computed = group?.slots.odiAnswers?.value;
        if (computed != null && m.value !== null && Math.abs(computed - m.value) > 0.05) {
          this.warn(
            m.entry,
            `ODI score ${m.value} differs from the score computed from the answers (${computed}): the computed score is kept.`,
          );
        }
      }
      group ??= sameInstant.find((g) => g.slots[m.slot] === undefined);
      if (!group) {
        group = { slots: {}, instant: at, members: [] };
        groups.push(group);
        byInstant.set(at, [...sameInstant, group]);
      }
      group.slots[m.slot] = m;
      group.members.push(m);
      byEntry.set(m.entry.index, group);
    }
    groups.sort((a, b) => a.instant - b.instant);
    return groups.map((g, i) => {
      for (const m of g.members) this.map(m.entry, { kind: 'assessment', i });
      const members = [...new Set(g.members.map((m) => m.entry.sourceId))].sort();
      const answers = g.slots.odiAnswers;
      return {
        sourceIdentifier: members.join(' '),
        members,
        recordedAt: new Date(g.instant),
        backNrs: g.slots.backNrs?.value ?? null,
        legNrs: g.slots.legNrs?.value ?? null,
        unspecifiedNrs: g.slots.unspecifiedNrs?.value ?? null,
        odiAnswers: answers?.answers ?? null,
        odiScore: answers ? answers.value : (g.slots.odiScore?.value ?? null),
      };
    });
  }
}

type Slot = 'backNrs' | 'legNrs' | 'unspecifiedNrs' | 'odiAnswers' | 'odiScore';
interface Measurement {
  entry: BundleEntryIn;
  slot: Slot;
  value: number | null;
  answers?: (number | null)[];
  instant: Date;
  derivedFrom: number[];
}

function flattenItems(items: JsonObject[]): JsonObject[] {
  return items.flatMap((it) => [it, ...flattenItems(objects(it['item']))]);
}

/** An ODI answer: valueInteger, a whole valueDecimal, or a valueCoding with an ordinalValue extension or a digit code. */
function ordinal(answer: JsonObject): number | null {
  const direct = num(answer['valueInteger']) ?? num(answer['valueDecimal']);
  if (direct !== undefined) return direct;
  const coding = obj(answer['valueCoding']);
  if (!coding) return null;
  const ext = objects(coding['extension']).find((x) => x['url'] === ORDINAL_VALUE_EXT);
  const ord = num(ext?.['valueDecimal']) ?? num(ext?.['valueInteger']);
  if (ord !== undefined) return ord;
  const code = /(?:^|-)(\d+)$/.exec(str(coding['code']) ?? '');
  return code ? Number(code[1]) : null;
}

function mapGoal(goal: JsonObject): MappedGoal | null {
  const text = conceptText(goal['description'])?.trim();
  if (!text || text.length < 2 || text.length > 200) return null;
  const target = objects(goal['target'])[0];
  const codings = codingsOf(target?.['measure']);
  const local = codings.find((c) => c.system === GOAL_MEASURE_SYSTEM)?.code;
  const measure =
    local === 'back-nrs' || local === 'leg-nrs' || local === 'odi' || local === 'other'
      ? local
      : hasCoding(codings, LOINC, ODI_LOINC_SCORE)
        ? 'odi'
        : 'other';
  const value = num(obj(target?.['detailQuantity'])?.['value']) ?? num(target?.['detailInteger']);
  return { text, measure, target: value !== undefined && value >= 0 && value <= 100 ? value : null };
}

/** The Patient resource -> patient details; anything the clinic cannot store without refuses the bundle (422). */
function mapPatient(e: BundleEntryIn, r: JsonObject, issues: ImportIssue[]): MappedPatient {
  const refuse = (detail: string, path: string) =>
    new HttpProblem(422, detail, [{ path: `entry.${e.index}.resource.${path}`, message: detail }]);
  const identifiers = objects(r['identifier'])
    .map((i) => ({
      system: str(i['system'])?.trim(),
      value: str(i['value'])?.trim(),
      isMr: codingsOf(i['type']).some((c) => c.code === 'MR' && (c.system === undefined || c.system === V2_IDENTIFIER_TYPE)),
    }))
    .filter((i): i is { system: string | undefined; value: string; isMr: boolean } => i.value !== undefined);
  const mr = identifiers.find((i) => i.isMr) ?? identifiers[0];
  if (!mr)
    throw refuse(
      'The Patient has no identifier: the import needs a medical record number (an identifier typed MR, or any identifier) to match the patient on re-import.',
      'identifier',
    );
  const mrn = clinicMrn(mr.value);
  if (!mrn)
    throw refuse(`The Patient's identifier "${mr.value}" cannot be used as a clinic MRN (3-32 letters, digits and dashes).`, 'identifier');
  if (mrn.adapted)
    issues.push({
      index: e.index,
      severity: 'warning',
      message: `MRN "${mr.value}" is stored as "${mrn.mrn}" (clinic MRNs are 3-32 upper-case letters, digits and dashes); the original identifier is kept for re-import matching.`,
    });
  // The clinic's own MR identifier coming back (a re-imported export): keep the source system's identifier, if it sent one.
  const foreign = mr.system === MRN_SYSTEM ? identifiers.find((i) => i.system !== MRN_SYSTEM && i.system !== undefined) : undefined;
  const source = foreign ?? mr;
  const sourceIdentifier = `${source.system ?? ''}|${source.value}`;

  const names = objects(r['name']);
  const name = names.find((n) => n['use'] === 'official') ?? names.find((n) => n['use'] === 'usual') ?? names[0];
  const familyName = str(name?.['family'])?.trim();
  if (!familyName) throw refuse('The Patient has no family name (Patient.name.family).', 'name');
  let givenName = strings(name?.['given']).join(' ').trim();
  if (!givenName) {
    givenName = '-';
    issues.push({ index: e.index, severity: 'warning', message: 'The Patient has no given name: stored as "-".' });
  }
  if (familyName.length > 100 || givenName.length > 100) throw refuse('The Patient name is longer than 100 characters.', 'name');
  const birth = firstTime(r['birthDate']);
  if (!birth || birth.partial || !/^\d{4}-\d{2}-\d{2}$/.test(str(r['birthDate']) ?? '')) {
    throw refuse('The Patient has no full birthDate (YYYY-MM-DD): the clinic needs the date of birth.', 'birthDate');
  }
  const gender = str(r['gender']);
  const sex: Sex = gender === 'male' || gender === 'female' || gender === 'other' ? gender : 'unknown';
  const telecom = objects(r['telecom']);
  let phone = str(telecom.find((t) => t['system'] === 'phone')?.['value'])?.trim() ?? null;
  if (phone && phone.length > 40) {
    issues.push({ index: e.index, severity: 'warning', message: 'The phone number is longer than 40 characters: not imported.' });
    phone = null;
  }
  let email = str(telecom.find((t) => t['system'] === 'email')?.['value'])?.trim() ?? null;
  if (email && !EmailCheck.safeParse(email).success) {
    issues.push({ index: e.index, severity: 'warning', message: 'The email address is not valid: not imported.' });
    email = null;
  }
  return { mrn: mrn.mrn, familyName, givenName, dateOfBirth: birth.date, sex, phone, email, sourceIdentifier };
}

const YIELD_EVERY = 2000;

/**
 * Maps a parsed bundle. A bundle without a Patient, or with more than one, is refused (422): one import is
 * one patient's record, and resources must never be attributed to the wrong person. Split multi-patient
 * bundles (e.g. a population export) into one bundle per patient.
 */
export async function mapBundle(bundle: ParsedBundle): Promise<MappedImport> {
  const patients = bundle.entries.filter((e) => e.resourceType === 'Patient' && e.method !== 'DELETE');
  if (patients.length === 0) {
    const types = [...new Set(bundle.entries.map((e) => e.resourceType).filter(Boolean))].slice(0, 5).join(', ');
    throw new HttpProblem(
      422,
      `The bundle has no Patient resource${types ? ` (it holds ${types})` : ''}: there is no patient to import its resources into.`,
      [{ path: 'entry', message: 'A Patient resource is required' }],
    );
  }
  if (patients.length > 1) {
    throw new HttpProblem(
      422,
      `The bundle holds ${patients.length} Patient resources: import one patient per bundle, so that no resource is filed under the wrong person.`,
      [{ path: 'entry', message: 'Exactly one Patient resource is allowed' }],
    );
  }
  const [patientEntry] = patients;
  if (!patientEntry?.resource) throw new Error('unreachable: a Patient entry without its resource');
  const issues: ImportIssue[] = [];
  const patient = mapPatient(patientEntry, patientEntry.resource, issues);
  const m = new Mapper(bundle, patientEntry);
  m.issues.push(...issues);
  m.map(patientEntry, { kind: 'patient' });

  for (const e of bundle.entries) {
    // Let other requests in now and then: a 20 MB bundle takes a few hundred milliseconds to map.
    if (e.index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    if (e === patientEntry) continue;
    if (!e.resource) {
      m.skip(e, e.method === 'DELETE' ? 'A DELETE entry: deletions are not imported.' : 'The entry has no resource.');
      continue;
    }
    if (e.method === 'DELETE') {
      m.skip(e, 'A DELETE entry: deletions are not imported.');
      continue;
    }
    const r = e.resource;
    switch (e.resourceType) {
      case 'ServiceRequest':
        m.referral(e, r);
        break;
      case 'Procedure':
        m.procedure(e, r);
        break;
      case 'Condition':
        m.condition(e, r);
        break;
      case 'Observation':
        m.observation(e, r);
        break;
      case 'QuestionnaireResponse':
        m.questionnaireResponse(e, r);
        break;
      case 'CarePlan':
        m.carePlan(e, r);
        break;
      case 'Patient':
        break;
      default:
      // Claim, ExplanationOfBenefit, Encounter, Immunization, Practitioner, Goal (unless a plan uses it), ...:
      // irrelevant to the dashboard; every entry starts as skipped.
    }
  }
  m.markIndexSurgeries();
  const assessments = m.groupAssessments();
  if (!m.fbssDiagnosis) {
    m.issues.push({
      index: null,
      severity: 'warning',
      message:
        'The bundle has no FBSS diagnosis (ICD-10-CM M96.1 or SNOMED CT 27151001 / 202725007): check that this patient belongs to the pain clinic.',
    });
  }
  let referredOn: string | null = null;
  let priority: ReferralPriority | null = null;
  for (const r of m.referrals) {
    if (referredOn === null || r.referredOn > referredOn) referredOn = r.referredOn;
    priority = priority === null ? r.priority : maxPriority(priority, r.priority);
  }
  return {
    bundleType: bundle.type,
    entries: bundle.entries,
    patient,
    patientEntry: patientEntry.index,
    referrals: m.referrals,
    surgeries: m.surgeries,
    causes: m.causes,
    assessments,
    plans: m.plans,
    dispositions: m.dispositions,
    issues: m.issues,
    fbssDiagnosis: m.fbssDiagnosis,
    referredOn,
    priority,
  };
}
