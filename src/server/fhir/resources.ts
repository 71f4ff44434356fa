/**
 * The clinic's records as FHIR R4 resources (fbss-domain.md §8), used by the export bundle and the read-only
 * /fhir endpoint. Every builder is pure; references are written by a RefStyle: `urn:uuid:` inside an export
 * bundle, `Type/id` on the REST endpoint.
 *
 * Ids: a record's own UUID where one record is one resource (Patient, ServiceRequest, Procedure, cause Condition,
 * CarePlan, the ODI QuestionnaireResponse); a name-based UUID (SHA-1 of the record id and a suffix, RFC 9562 v5
 * layout) where one record gives several resources (pain scores by site, the ODI score, the FBSS diagnosis), so an
 * Observation keeps its id from one export or read to the next.
 */
import { createHash } from 'node:crypto';
import type { Assessment } from '../../shared/contracts/assessments';
import type { CauseTag, Patient as PatientRecord, Referral, Surgery } from '../../shared/contracts/patients';
import type { TreatmentPlan } from '../../shared/contracts/plans';
import { CONDITION_VER_STATUS_SYSTEM, causeByCode, causeStatusToFhir } from '../../shared/domain/causes';
import { ODI_LOINC_SCORE, ODI_SECTIONS } from '../../shared/domain/odi';
import { NRS_LOINC, PAIN_SITE_LABELS, PAIN_SITE_SNOMED, type PainSite } from '../../shared/domain/pain';
import { DISC_LEVEL_SNOMED, SPINAL_LEVEL_LABELS, procedureByCode } from '../../shared/domain/procedures';
import { PLAN_ITEM_STATUS_FHIR, treatmentByCode } from '../../shared/domain/treatments';
import {
  CAUSE_SYSTEM,
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  CPT,
  FBSS_ICD10,
  FBSS_SNOMED_LUMBAR,
  GOAL_MEASURE_SYSTEM,
  ICD10CM,
  INDEX_SURGERY_EXT,
  LOINC,
  MRN_SYSTEM,
  OBSERVATION_CATEGORY,
  ODI_ANSWER_SYSTEM,
  ODI_QUESTIONNAIRE,
  ORDINAL_VALUE_EXT,
  PLANNED_ON_EXT,
  PLAN_CATEGORY_CODE,
  PLAN_CATEGORY_SYSTEM,
  PROCEDURE_SYSTEM,
  REFERRAL_SNOMED,
  SNOMED,
  SPINAL_LEVEL_SYSTEM,
  TREATMENT_SYSTEM,
  TRIAL_RELIEF_EXT,
  UCUM,
  V2_IDENTIFIER_TYPE,
} from './codes';
import type * as fhir from './types';

export interface RefStyle {
  ref(type: string, id: string): string;
  fullUrl(type: string, id: string): string;
}

/** Inside an export bundle: every entry's fullUrl is urn:uuid:<id> and references point at it. */
export const BUNDLE_REFS: RefStyle = { ref: (_t, id) => `urn:uuid:${id}`, fullUrl: (_t, id) => `urn:uuid:${id}` };

/** On the REST endpoint: relative references, absolute fullUrls under the server's base. */
export function restRefs(base: string): RefStyle {
  return { ref: (t, id) => `${t}/${id}`, fullUrl: (t, id) => `${base}/${t}/${id}` };
}

/** A name-based UUID (v5 layout over SHA-1) for resources derived from one record. */
export function derivedId(recordId: string, suffix: string): string {
  const h = createHash('sha1').update(`${recordId}/${suffix}`).digest();
  h.writeUInt8((h.readUInt8(6) & 0x0f) | 0x50, 6);
  h.writeUInt8((h.readUInt8(8) & 0x3f) | 0x80, 8);
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const fbssConditionId = (patientId: string) => derivedId(patientId, 'fbss-diagnosis');
export const painObservationId = (assessmentId: string, site: PainSite) => derivedId(assessmentId, `nrs-${site}`);
export const odiObservationId = (assessmentId: string) => derivedId(assessmentId, 'odi-score');

const subjectOf = (patientId: string, refs: RefStyle): fhir.Reference => ({ reference: refs.ref('Patient', patientId) });

export function patientResource(p: PatientRecord, sourceIdentifier: string | null): fhir.Patient {
  const identifier: fhir.Identifier[] = [
    {
      use: 'usual',
      type: { coding: [{ system: V2_IDENTIFIER_TYPE, code: 'MR', display: 'Medical record number' }] },
      system: MRN_SYSTEM,
      value: p.mrn,
    },
  ];
  if (sourceIdentifier && sourceIdentifier !== `${MRN_SYSTEM}|${p.mrn}`) {
    const bar = sourceIdentifier.indexOf('|');
    const system = bar > 0 ? sourceIdentifier.slice(0, bar) : undefined;
    identifier.push({ use: 'secondary', ...(system ? { system } : {}), value: sourceIdentifier.slice(bar + 1) });
  }
  const telecom: NonNullable<fhir.Patient['telecom']> = [];
  if (p.phone) telecom.push({ system: 'phone', value: p.phone });
  if (p.email) telecom.push({ system: 'email', value: p.email });
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: { lastUpdated: p.updatedAt },
    identifier,
    name: [{ use: 'official', family: p.familyName, given: p.givenName.split(/\s+/).filter(Boolean) }],
    ...(telecom.length ? { telecom } : {}),
    gender: p.sex,
    birthDate: p.dateOfBirth,
  };
}

const FBSS_REASON: fhir.Coding = { system: ICD10CM, code: FBSS_ICD10, display: 'Postlaminectomy syndrome, not elsewhere classified' };

/** A referral into the clinic (fbss-domain.md §8: intent order, reasonCode M96.1, supportingInfo -> index Procedure). */
export function referralResource(patientId: string, r: Referral, indexSurgeryId: string | null, refs: RefStyle): fhir.ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: r.id,
    status: r.status,
    intent: 'order',
    category: [{ coding: [{ system: SNOMED, code: REFERRAL_SNOMED, display: 'Patient referral' }] }],
    priority: r.priority,
    subject: subjectOf(patientId, refs),
    authoredOn: r.referredOn,
    requester: { display: r.referringClinician },
    reasonCode: [{ coding: [FBSS_REASON], text: r.reason }],
    ...(indexSurgeryId ? { supportingInfo: [{ reference: refs.ref('Procedure', indexSurgeryId) }] } : {}),
  };
}

/** A prior spine surgery (fbss-domain.md §8: code CPT/local, bodySite = disc level, performedDateTime). CPT codes only, never AMA descriptors. */
export function surgeryResource(patientId: string, s: Surgery, refs: RefStyle): fhir.Procedure {
  const def = procedureByCode(s.procedure);
  const name = def?.name ?? s.procedure;
  const coding: fhir.Coding[] = [{ system: PROCEDURE_SYSTEM, code: s.procedure, display: name }];
  if (def?.cpt) coding.push({ system: CPT, code: def.cpt });
  return {
    resourceType: 'Procedure',
    id: s.id,
    ...(s.isIndex ? { extension: [{ url: INDEX_SURGERY_EXT, valueBoolean: true }] } : {}),
    status: 'completed',
    code: { coding, text: name },
    subject: subjectOf(patientId, refs),
    performedDateTime: s.performedOn,
    performer: [{ actor: { display: s.surgeon } }],
    ...(s.hospital ? { location: { display: s.hospital } } : {}),
    ...(s.levels.length
      ? {
          bodySite: s.levels.map((l) => {
            const snomed = DISC_LEVEL_SNOMED[l];
            const levelCoding: fhir.Coding[] = [
              { system: SPINAL_LEVEL_SYSTEM, code: l, display: `${SPINAL_LEVEL_LABELS[l]} intervertebral disc` },
            ];
            if (snomed) levelCoding.push({ system: SNOMED, code: snomed });
            return { coding: levelCoding, text: SPINAL_LEVEL_LABELS[l] };
          }),
        }
      : {}),
    ...(s.instrumentation ? { focalDevice: [{ manipulated: { display: s.instrumentation } }] } : {}),
  };
}

/** The FBSS / PSPS-T2 diagnosis every case carries: ICD-10-CM M96.1 + SNOMED CT 202725007 (fbss-domain.md §8). */
export function fbssConditionResource(patientId: string, refs: RefStyle): fhir.Condition {
  return {
    resourceType: 'Condition',
    id: fbssConditionId(patientId),
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] },
    verificationStatus: { coding: [{ system: CONDITION_VER_STATUS_SYSTEM, code: 'confirmed' }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item', display: 'Problem List Item' }] }],
    code: {
      coding: [FBSS_REASON, { system: SNOMED, code: FBSS_SNOMED_LUMBAR, display: 'Lumbar post-laminectomy syndrome' }],
      text: 'Persistent spinal pain syndrome type 2 (PSPS-T2, FBSS)',
    },
    subject: subjectOf(patientId, refs),
  };
}

/** A suspected cause as a Condition whose verificationStatus is the tag's status (fbss-domain.md §0.7). */
export function causeConditionResource(patientId: string, t: CauseTag, refs: RefStyle): fhir.Condition {
  const def = causeByCode(t.code);
  const coding: fhir.Coding[] = [{ system: CAUSE_SYSTEM, code: t.code, display: def?.name ?? t.code }];
  if (def?.icd10) coding.push({ system: ICD10CM, code: def.icd10 });
  return {
    resourceType: 'Condition',
    id: t.id,
    meta: { lastUpdated: t.updatedAt },
    // A refuted cause is not clinically active: clinicalStatus is left out rather than claimed.
    ...(t.status === 'refuted' ? {} : { clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] } }),
    verificationStatus: { coding: [{ system: CONDITION_VER_STATUS_SYSTEM, code: causeStatusToFhir(t.status) }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }],
    code: { coding, text: def?.name ?? t.code },
    subject: subjectOf(patientId, refs),
    recordedDate: t.taggedAt,
    ...(t.evidenceNote ? { note: [{ text: t.evidenceNote }] } : {}),
  };
}

const SURVEY: fhir.CodeableConcept[] = [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }];
const SITE_DISPLAY: Readonly<Record<'back' | 'leg', string>> = { back: 'Lower back structure', leg: 'Lower limb structure' };

/** A pain score: LOINC 72514-3 with bodySite back / leg (none for the site-unspecified imported scores), value as recorded. */
export function painObservation(patientId: string, a: Assessment, site: PainSite, value: number, refs: RefStyle): fhir.Observation {
  const snomed = PAIN_SITE_SNOMED[site];
  return {
    resourceType: 'Observation',
    id: painObservationId(a.id, site),
    status: 'final',
    category: SURVEY,
    code: {
      coding: [{ system: LOINC, code: NRS_LOINC, display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' }],
      text: PAIN_SITE_LABELS[site],
    },
    subject: subjectOf(patientId, refs),
    effectiveDateTime: a.recordedAt,
    valueQuantity: { value, unit: '{score}', system: UCUM, code: '{score}' },
    ...(snomed && site !== 'unspecified' ? { bodySite: { coding: [{ system: SNOMED, code: snomed, display: SITE_DISPLAY[site] }] } } : {}),
  };
}

/** The ODI answers (ordinal 0-5 per section, ordinalValue extension; fbss-domain.md §8). */
export function odiResponse(patientId: string, a: Assessment, refs: RefStyle): fhir.QuestionnaireResponse {
  const answers = a.odiAnswers ?? [];
  return {
    resourceType: 'QuestionnaireResponse',
    id: a.id,
    questionnaire: ODI_QUESTIONNAIRE,
    status: 'completed',
    subject: subjectOf(patientId, refs),
    authored: a.recordedAt,
    item: ODI_SECTIONS.map((s, i) => {
      const n = answers[i];
      return {
        linkId: s.id,
        text: s.title,
        ...(n == null
          ? {}
          : {
              answer: [
                {
                  valueCoding: {
                    extension: [{ url: ORDINAL_VALUE_EXT, valueDecimal: n }],
                    system: ODI_ANSWER_SYSTEM,
                    code: `${s.id}-${n}`,
                    display: s.statements[n],
                  },
                },
              ],
            }),
      };
    }),
  };
}

/** The ODI total, LOINC 97909-6 (fbss-domain.md §4), derived from the questionnaire response when there is one. */
export function odiObservation(patientId: string, a: Assessment, score: number, refs: RefStyle): fhir.Observation {
  return {
    resourceType: 'Observation',
    id: odiObservationId(a.id),
    status: 'final',
    category: SURVEY,
    code: { coding: [{ system: LOINC, code: ODI_LOINC_SCORE }], text: 'Oswestry Disability Index score' },
    subject: subjectOf(patientId, refs),
    effectiveDateTime: a.recordedAt,
    valueQuantity: { value: score, unit: '%', system: UCUM, code: '%' },
    ...(a.odiAnswers ? { derivedFrom: [{ reference: refs.ref('QuestionnaireResponse', a.id) }] } : {}),
  };
}

/** The FHIR resources of one valid assessment: pain scores per site, the ODI response and its score. */
export function assessmentResources(patientId: string, a: Assessment, refs: RefStyle): (fhir.Observation | fhir.QuestionnaireResponse)[] {
  if (a.enteredInError) return [];
  const out: (fhir.Observation | fhir.QuestionnaireResponse)[] = [];
  if (a.backNrs !== null) out.push(painObservation(patientId, a, 'back', a.backNrs, refs));
  if (a.legNrs !== null) out.push(painObservation(patientId, a, 'leg', a.legNrs, refs));
  if (a.unspecifiedNrs !== null) out.push(painObservation(patientId, a, 'unspecified', a.unspecifiedNrs, refs));
  if (a.odiAnswers) out.push(odiResponse(patientId, a, refs));
  if (a.odiScore !== null) out.push(odiObservation(patientId, a, a.odiScore, refs));
  return out;
}

/**
 * A treatment plan (fbss-domain.md §8): status active/completed/revoked, intent plan, goals as contained Goals,
 * one activity per item with its status (PLAN_ITEM_STATUS_FHIR), the causes it addresses and its dates.
 */
export function carePlanResource(
  patientId: string,
  plan: TreatmentPlan,
  causeIdByCode: ReadonlyMap<string, string>,
  refs: RefStyle,
): fhir.CarePlan {
  const goals: fhir.Goal[] = plan.goals.map((g, i) => ({
    resourceType: 'Goal',
    id: `goal-${i + 1}`,
    lifecycleStatus: 'active',
    description: { text: g.text },
    subject: subjectOf(patientId, refs),
    target: [
      {
        measure: { coding: [{ system: GOAL_MEASURE_SYSTEM, code: g.measure }] },
        ...(g.target === null ? {} : { detailQuantity: { value: g.target, unit: '{score}', system: UCUM, code: '{score}' } }),
      },
    ],
  }));
  return {
    resourceType: 'CarePlan',
    id: plan.id,
    ...(goals.length ? { contained: goals } : {}),
    status: plan.status,
    intent: 'plan',
    category: [{ coding: [{ system: PLAN_CATEGORY_SYSTEM, code: PLAN_CATEGORY_CODE, display: 'FBSS treatment plan' }] }],
    subject: subjectOf(patientId, refs),
    created: plan.createdAt,
    addresses: [{ reference: refs.ref('Condition', fbssConditionId(patientId)) }],
    ...(goals.length ? { goal: goals.map((g) => ({ reference: `#${g.id}` })) } : {}),
    activity: plan.items.map((item) => {
      const def = treatmentByCode(item.treatmentCode);
      const coding: fhir.Coding[] = [{ system: TREATMENT_SYSTEM, code: item.treatmentCode, display: def?.name ?? item.treatmentCode }];
      if (def?.cpt) coding.push({ system: CPT, code: def.cpt });
      const extension: fhir.Extension[] = [];
      if (item.plannedOn) extension.push({ url: PLANNED_ON_EXT, valueDate: item.plannedOn });
      if (item.trialReliefPct !== null) extension.push({ url: TRIAL_RELIEF_EXT, valueInteger: item.trialReliefPct });
      const reasons = item.addressesCauses.map((c) => causeIdByCode.get(c)).filter((id): id is string => id !== undefined);
      // A cause with no live tag (e.g. its tag was entered in error) is named by code instead of referenced.
      const untagged = item.addressesCauses.filter((c) => !causeIdByCode.has(c));
      const detail: fhir.CarePlanActivity['detail'] = {
        ...(extension.length ? { extension } : {}),
        code: { coding, text: def?.name ?? item.treatmentCode },
        ...(untagged.length
          ? { reasonCode: untagged.map((c) => ({ coding: [{ system: CAUSE_SYSTEM, code: c, display: causeByCode(c)?.name ?? c }] })) }
          : {}),
        ...(reasons.length ? { reasonReference: reasons.map((id) => ({ reference: refs.ref('Condition', id) })) } : {}),
        status: PLAN_ITEM_STATUS_FHIR[item.status] as fhir.CarePlanActivity['detail']['status'],
        ...(item.stopReason ? { statusReason: { text: item.stopReason } } : {}),
        ...(item.startedOn ? { scheduledPeriod: { start: item.startedOn, ...(item.endedOn ? { end: item.endedOn } : {}) } } : {}),
      };
      return { ...(item.outcomeNote ? { progress: [{ text: item.outcomeNote }] } : {}), detail };
    }),
  };
}
