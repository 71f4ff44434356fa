/**
 * Reads one case through the repositories the API already uses and turns it into FHIR R4 resources: the export
 * bundle of `GET /api/patients/:id/fhir` and the answers of the read-only /fhir endpoint.
 * What is left out: symptoms, red-flag screens, clinical notes and follow-up schedules (no FHIR mapping agreed
 * yet), and anything entered in error.
 */
import { and, eq } from 'drizzle-orm';
import type { Assessment } from '../../shared/contracts/assessments';
import type { CauseTag, Patient as PatientRecord } from '../../shared/contracts/patients';
import type { TreatmentPlan } from '../../shared/contracts/plans';
import { todayInZone } from '../../shared/domain/follow-up';
import type { Db } from '../db/client';
import { patients } from '../db/schema/clinical';
import { AssessmentsRepository } from '../repositories/assessments-repository';
import { CausesRepository } from '../repositories/causes-repository';
import { PatientsRepository } from '../repositories/patients-repository';
import { PlansRepository } from '../repositories/plans-repository';
import {
  BUNDLE_REFS,
  assessmentResources,
  carePlanResource,
  causeConditionResource,
  fbssConditionResource,
  patientResource,
  referralResource,
  surgeryResource,
  type RefStyle,
} from './resources';
import type * as fhir from './types';

export interface CaseRecords {
  patient: PatientRecord;
  sourceIdentifier: string | null;
  causes: CauseTag[];
  assessments: Assessment[];
  plans: TreatmentPlan[];
}

export class FhirCaseReader {
  private readonly patients: PatientsRepository;
  private readonly causes: CausesRepository;
  private readonly assessments: AssessmentsRepository;
  private readonly plans: PlansRepository;

  constructor(
    private readonly db: Db,
    timeZone: string,
  ) {
    const today = () => todayInZone(timeZone);
    this.patients = new PatientsRepository(db, today);
    this.causes = new CausesRepository(db);
    this.assessments = new AssessmentsRepository(db, timeZone);
    this.plans = new PlansRepository(db, timeZone, today);
  }

  /** The patient (404 when unknown or entered in error) and its source identifier. */
  async patient(id: string): Promise<{ patient: PatientRecord; sourceIdentifier: string | null }> {
    const patient = await this.patients.get(id);
    const [row] = await this.db
      .select({ sourceIdentifier: patients.sourceIdentifier })
      .from(patients)
      .where(and(eq(patients.id, id)));
    return { patient, sourceIdentifier: row?.sourceIdentifier ?? null };
  }

  async causesOf(id: string): Promise<CauseTag[]> {
    return this.causes.list(id);
  }

  async assessmentsOf(id: string): Promise<Assessment[]> {
    return (await this.assessments.list(id)).filter((a) => !a.enteredInError);
  }

  async plansOf(id: string): Promise<TreatmentPlan[]> {
    return this.plans.list(id);
  }

  async all(id: string): Promise<CaseRecords> {
    const { patient, sourceIdentifier } = await this.patient(id);
    const [causes, assessments, plans] = await Promise.all([this.causesOf(id), this.assessmentsOf(id), this.plansOf(id)]);
    return { patient, sourceIdentifier, causes, assessments, plans };
  }
}

export const causeIds = (causes: readonly CauseTag[]): Map<string, string> => new Map(causes.map((c) => [c.code, c.id]));

/** The index surgery a referral points at (supportingInfo): the surgery marked as the index one. */
export const indexSurgeryId = (p: PatientRecord): string | null => p.surgeries.find((s) => s.isIndex)?.id ?? null;

export function conditionResources(c: CaseRecords | { patient: PatientRecord; causes: CauseTag[] }, refs: RefStyle): fhir.Condition[] {
  return [fbssConditionResource(c.patient.id, refs), ...c.causes.map((t) => causeConditionResource(c.patient.id, t, refs))];
}

/** Every resource of the case, in a stable order (patient, referrals, surgeries, conditions, assessments by time, plans). */
export function caseResources(c: CaseRecords, refs: RefStyle): fhir.ClinicalResource[] {
  const pid = c.patient.id;
  const index = indexSurgeryId(c.patient);
  return [
    patientResource(c.patient, c.sourceIdentifier),
    ...[...c.patient.referrals].sort((a, b) => a.referredOn.localeCompare(b.referredOn)).map((r) => referralResource(pid, r, index, refs)),
    ...c.patient.surgeries.map((s) => surgeryResource(pid, s, refs)),
    ...conditionResources(c, refs),
    ...c.assessments.flatMap((a) => assessmentResources(pid, a, refs)),
    ...c.plans.map((p) => carePlanResource(pid, p, causeIds(c.causes), refs)),
  ];
}

/** The export: a collection Bundle with urn:uuid full URLs, resolvable by any FHIR R4 importer (ours included). */
export function exportBundle(c: CaseRecords, now: Date = new Date()): fhir.Bundle<fhir.ClinicalResource> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: now.toISOString(),
    entry: caseResources(c, BUNDLE_REFS).map((resource) => ({
      fullUrl: BUNDLE_REFS.fullUrl(resource.resourceType, resource.id),
      resource,
    })),
  };
}

export function countByType(resources: readonly fhir.ResourceBase[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of resources) out[r.resourceType] = (out[r.resourceType] ?? 0) + 1;
  return out;
}
