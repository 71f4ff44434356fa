/**
 * Code systems and the code maps between FHIR R4 and the clinic's catalogues (fbss-domain.md §1 and §8).
 * Every code here comes from the brief or the shared catalogues in src/shared/domain; where a mapping is our
 * own decision it says so.
 */
import { CAUSES, type CauseCode } from '../../shared/domain/causes';
import { INDEX_PROCEDURES, SPINAL_LEVELS, DISC_LEVEL_SNOMED, type ProcedureCode, type SpinalLevel } from '../../shared/domain/procedures';
import { TREATMENTS, type TreatmentCode } from '../../shared/domain/treatments';

// ---- Standard systems (fbss-domain.md §8) ----
export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
/** WHO ICD-10: M96.1 has the same meaning there; accepted on import only. */
export const ICD10_WHO = 'http://hl7.org/fhir/sid/icd-10';
export const UCUM = 'http://unitsofmeasure.org';
export const CPT = 'http://www.ama-assn.org/go/cpt';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const V2_IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** R4 core extension for the ordinal value of a Coding (questionnaire answers; fbss-domain.md §8). */
export const ORDINAL_VALUE_EXT = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

// ---- The clinic's own systems (fbss-domain.md §8: "Local cause tags: e.g. https://<clinic>/fhir/CodeSystem/fbss-cause") ----
export const CLINIC_FHIR_BASE = 'https://fbss.example/fhir';
export const MRN_SYSTEM = `${CLINIC_FHIR_BASE}/sid/mrn`;
export const CAUSE_SYSTEM = `${CLINIC_FHIR_BASE}/CodeSystem/fbss-cause`;
export const PROCEDURE_SYSTEM = `${CLINIC_FHIR_BASE}/CodeSystem/fbss-procedure`;
export const TREATMENT_SYSTEM = `${CLINIC_FHIR_BASE}/CodeSystem/fbss-treatment`;
export const SPINAL_LEVEL_SYSTEM = `${CLINIC_FHIR_BASE}/CodeSystem/fbss-spinal-level`;
export const GOAL_MEASURE_SYSTEM = `${CLINIC_FHIR_BASE}/CodeSystem/fbss-goal-measure`;
export const PLAN_CATEGORY_SYSTEM = `${CLINIC_FHIR_BASE}/CodeSystem/fbss-plan-category`;
export const ODI_ANSWER_SYSTEM = `${CLINIC_FHIR_BASE}/CodeSystem/odi-answer`;
/** The ODI v2.1a questionnaire; LOINC panel 97908-8 (fbss-domain.md §4). */
export const ODI_QUESTIONNAIRE = `${CLINIC_FHIR_BASE}/Questionnaire/odi-v2.1a`;
export const INDEX_SURGERY_EXT = `${CLINIC_FHIR_BASE}/StructureDefinition/index-surgery`;
export const PLANNED_ON_EXT = `${CLINIC_FHIR_BASE}/StructureDefinition/planned-on`;
export const TRIAL_RELIEF_EXT = `${CLINIC_FHIR_BASE}/StructureDefinition/scs-trial-relief-percent`;

/** SNOMED CT 3457005 "Patient referral" marks a ServiceRequest as a referral (our choice; the code is unverified). */
export const REFERRAL_SNOMED = '3457005';
export const PLAN_CATEGORY_CODE = 'treatment-plan';

// ---- FBSS diagnosis (fbss-domain.md §0.2, §1.2, §1.4) ----
/** ICD-10-CM M96.1 Postlaminectomy syndrome, NEC [src]. */
export const FBSS_ICD10 = 'M96.1';
/** SNOMED CT 202725007 Lumbar post-laminectomy syndrome [src] (exported with M96.1, §8). */
export const FBSS_SNOMED_LUMBAR = '202725007';
/** Post-laminectomy syndrome: 27151001 (any), 202725007 lumbar, 202723000 cervical, 202724006 thoracic [src]. */
export const FBSS_SNOMED_CODES: readonly string[] = ['27151001', '202725007', '202723000', '202724006'];

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

/** ICD-10 codes compared without the dot and case-insensitively ("M961" = "M96.1"). */
export function normaliseIcd(code: string): string {
  return code.replace(/\./g, '').trim().toUpperCase();
}

const isIcd = (system: string | undefined) => system === ICD10CM || system === ICD10_WHO;

export function isFbssDiagnosis(codings: readonly Coding[]): boolean {
  return codings.some(
    (c) =>
      (isIcd(c.system) && c.code !== undefined && normaliseIcd(c.code) === normaliseIcd(FBSS_ICD10)) ||
      (c.system === SNOMED && c.code !== undefined && FBSS_SNOMED_CODES.includes(c.code)),
  );
}

// ---- Suspected causes ----

/**
 * ICD-10-CM -> cause: the catalogue's primary `icd10` of each cause [src], then any `relatedIcd10` that
 * belongs to exactly one cause (T84.226A is listed for both OP-HW and POST-HWF, so it maps to neither).
 */
const ICD_TO_CAUSE: ReadonlyMap<string, CauseCode> = (() => {
  const map = new Map<string, CauseCode>();
  for (const c of CAUSES) if (c.icd10) map.set(normaliseIcd(c.icd10), c.code);
  const related = new Map<string, CauseCode[]>();
  for (const c of CAUSES) for (const r of c.relatedIcd10) related.set(normaliseIcd(r), [...(related.get(normaliseIcd(r)) ?? []), c.code]);
  for (const [code, [only, ...others]] of related) if (only && others.length === 0 && !map.has(code)) map.set(code, only);
  return map;
})();

/**
 * SNOMED CT -> cause, from the codes of fbss-domain.md §1.4 [src]; the mapping is ours: lumbar spinal stenosis
 * after surgery is residual stenosis (OP-DEC, whose ICD-10-CM codes are the lumbar stenosis codes), and
 * inflammation of the sacroiliac joint is sacroiliac-joint pain (POST-SIJ, ICD-10-CM M46.1 sacroiliitis).
 */
const SNOMED_TO_CAUSE: ReadonlyMap<string, CauseCode> = new Map<string, CauseCode>([
  ['18347007', 'OP-DEC'],
  ['55146009', 'POST-SIJ'],
]);

const CAUSE_CODE_SET: ReadonlySet<string> = new Set(CAUSES.map((c) => c.code));

/** The cause a Condition's codings name: the local tag code first, then ICD-10(-CM), then SNOMED CT. */
export function causeFromCodings(codings: readonly Coding[]): CauseCode | null {
  for (const c of codings) if (c.system === CAUSE_SYSTEM && c.code && CAUSE_CODE_SET.has(c.code)) return c.code as CauseCode;
  for (const c of codings)
    if (isIcd(c.system) && c.code) {
      const cause = ICD_TO_CAUSE.get(normaliseIcd(c.code));
      if (cause) return cause;
    }
  for (const c of codings)
    if (c.system === SNOMED && c.code) {
      const cause = SNOMED_TO_CAUSE.get(c.code);
      if (cause) return cause;
    }
  return null;
}

// ---- Index / prior spine surgery ----

const PROCEDURE_CODE_SET: ReadonlySet<string> = new Set(INDEX_PROCEDURES.map((p) => p.code));

/** CPT -> procedure: the catalogue's CPT codes (first in catalogue order wins: 63030 is a discectomy) and the 22614 add-on of 22612. */
const CPT_TO_PROCEDURE: ReadonlyMap<string, ProcedureCode> = (() => {
  const map = new Map<string, ProcedureCode>();
  for (const p of INDEX_PROCEDURES) if (p.cpt && !map.has(p.cpt)) map.set(p.cpt, p.code);
  map.set('22614', 'PLF'); // each additional level of 22612 (unverified, procedures.ts)
  return map;
})();

/**
 * Spine-surgery names, for procedures coded in SNOMED CT or without a code we know (Synthea and other EHR
 * exports): matched on the code's display or text, most specific first. Our own decision; the import says so
 * in a warning for every procedure mapped this way.
 */
const PROCEDURE_NAME_PATTERNS: readonly [RegExp, ProcedureCode][] = [
  [/\bmicro-?discectomy\b/i, 'MICRODISCECTOMY'],
  [/\b(discectomy|laminotomy|diskectomy)\b/i, 'DISCECTOMY'],
  [/\bTLIF\b|transforaminal (lumbar )?interbody fusion/i, 'TLIF'],
  [/\bPLIF\b|posterior (lumbar )?interbody fusion/i, 'PLIF'],
  [/\bALIF\b|anterior (lumbar )?interbody fusion/i, 'ALIF'],
  [/\b(LLIF|XLIF)\b|lateral (lumbar )?interbody fusion/i, 'LLIF'],
  [/\b(lumbar|intervertebral) disc (replacement|arthroplasty)\b|\btotal disc replacement\b/i, 'DISC-REPLACEMENT'],
  [/\b(spinal|spine|lumbar|posterolateral) (fusion|arthrodesis)\b|\barthrodesis of (the )?(lumbar )?spine\b/i, 'PLF'],
  [/\blaminectomy\b|\b(spinal|lumbar) decompression\b/i, 'LAMINECTOMY'],
];

export type ProcedureMatch = { code: ProcedureCode; by: 'local' | 'cpt' | 'name' } | null;

export function procedureFromCoding(codings: readonly Coding[], text: string | undefined): ProcedureMatch {
  for (const c of codings)
    if (c.system === PROCEDURE_SYSTEM && c.code && PROCEDURE_CODE_SET.has(c.code)) return { code: c.code as ProcedureCode, by: 'local' };
  for (const c of codings)
    if (c.system === CPT && c.code) {
      const p = CPT_TO_PROCEDURE.get(c.code.trim());
      if (p) return { code: p, by: 'cpt' };
    }
  const names = [text, ...codings.map((c) => c.display)].filter((s): s is string => !!s);
  for (const [pattern, code] of PROCEDURE_NAME_PATTERNS) if (names.some((n) => pattern.test(n))) return { code, by: 'name' };
  return null;
}

/** Spinal level from a Procedure.bodySite coding: DICOM CID 7604 disc codes in SNOMED CT [src], or the local level code. */
export function levelFromCoding(c: Coding): SpinalLevel | null {
  if (c.system === SPINAL_LEVEL_SYSTEM && c.code && (SPINAL_LEVELS as readonly string[]).includes(c.code)) return c.code as SpinalLevel;
  if (c.system === SNOMED && c.code) {
    for (const level of SPINAL_LEVELS) if (DISC_LEVEL_SNOMED[level] === c.code) return level;
  }
  return null;
}

// ---- Treatments (plan items) ----

const TREATMENT_CODE_SET: ReadonlySet<string> = new Set(TREATMENTS.map((t) => t.code));

/** CPT -> treatment: a primary CPT first (first in catalogue order: 63650 is the SCS trial, 63685 the conventional implant), then a related CPT that belongs to one treatment only. */
const CPT_TO_TREATMENT: ReadonlyMap<string, TreatmentCode> = (() => {
  const map = new Map<string, TreatmentCode>();
  for (const t of TREATMENTS) if (t.cpt && !map.has(t.cpt)) map.set(t.cpt, t.code);
  const related = new Map<string, TreatmentCode[]>();
  for (const t of TREATMENTS) for (const r of t.relatedCpt) related.set(r, [...(related.get(r) ?? []), t.code]);
  for (const [cpt, [only, ...others]] of related) if (only && others.length === 0 && !map.has(cpt)) map.set(cpt, only);
  return map;
})();

export function treatmentFromCodings(codings: readonly Coding[]): TreatmentCode | null {
  for (const c of codings) if (c.system === TREATMENT_SYSTEM && c.code && TREATMENT_CODE_SET.has(c.code)) return c.code as TreatmentCode;
  for (const c of codings)
    if (c.system === CPT && c.code) {
      const t = CPT_TO_TREATMENT.get(c.code.trim());
      if (t) return t;
    }
  return null;
}

/** True when a CPT code names a treatment of the catalogue (a Procedure that is a treatment, not a spine surgery). */
export function isTreatmentCpt(codings: readonly Coding[]): TreatmentCode | null {
  return treatmentFromCodings(codings.filter((c) => c.system === CPT));
}
