import * as z from 'zod';
import { CASE_STATUSES, REFERRAL_PRIORITIES, SEXES } from '../domain/case-status';
import { CAUSE_CODES, CAUSE_STATUSES } from '../domain/causes';
import { PAIN_BANDS } from '../domain/pain';
import { PROCEDURE_CODES, SPINAL_LEVELS } from '../domain/procedures';
import { Id, IsoDate, IsoDateTime, PageQuery, QueryBool, Version, pageOf, repeated } from './common';

export const CaseStatus = z.enum(CASE_STATUSES);
export const ReferralPriority = z.enum(REFERRAL_PRIORITIES);
export const Sex = z.enum(SEXES);
export const CauseCode = z.enum(CAUSE_CODES);
export const CauseStatus = z.enum(CAUSE_STATUSES);
export const ProcedureCode = z.enum(PROCEDURE_CODES);
export const SpinalLevel = z.enum(SPINAL_LEVELS);
export const PainBand = z.enum(PAIN_BANDS);

/** Sort keys of the worklist; `-key` sorts descending. Default: urgent first, then oldest referral. */
export const WORKLIST_SORTS = ['priority', 'name', 'mrn', 'age', 'referredOn', 'surgeryDate', 'status', 'backNrs', 'legNrs', 'nextFollowUp'] as const;
export const WorklistSort = z
  .string()
  .regex(new RegExp(`^-?(${WORKLIST_SORTS.join('|')})$`), `Sort by one of ${WORKLIST_SORTS.join(', ')}, with - for descending`);

export const PatientListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  mine: QueryBool.optional(),
  status: repeated(CaseStatus),
  cause: repeated(CauseCode),
  procedure: repeated(ProcedureCode),
  surgeon: z.string().trim().max(100).optional(),
  referredFrom: IsoDate.optional(),
  referredTo: IsoDate.optional(),
  painSite: z.enum(['back', 'leg']).optional(),
  painBand: PainBand.optional(),
  redFlag: QueryBool.optional(),
  overdue: QueryBool.optional(),
  sort: WorklistSort.default('priority'),
});
export type PatientListQuery = z.infer<typeof PatientListQuery>;
export type PatientListQueryInput = z.input<typeof PatientListQuery>;

export const CauseChip = z.object({ code: CauseCode, status: CauseStatus });

export const PatientListItem = z.object({
  id: Id,
  mrn: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  dateOfBirth: IsoDate,
  sex: Sex,
  status: CaseStatus,
  priority: ReferralPriority,
  referredOn: IsoDate.nullable(),
  indexProcedure: ProcedureCode.nullable(),
  indexSurgeryDate: IsoDate.nullable(),
  causes: z.array(CauseChip),
  latestBackNrs: z.number().nullable(),
  latestLegNrs: z.number().nullable(),
  baselineBackNrs: z.number().nullable(),
  baselineLegNrs: z.number().nullable(),
  latestAssessedAt: IsoDateTime.nullable(),
  openRedFlag: z.boolean(),
  nextFollowUpDue: IsoDate.nullable(),
});
export type PatientListItem = z.infer<typeof PatientListItem>;

export const PatientListResponse = pageOf(PatientListItem);
export type PatientListResponse = z.infer<typeof PatientListResponse>;

export const PatientIdParams = z.object({ id: Id });

const Name = z.string().trim().min(1, 'Required').max(100);
export const Mrn = z
  .string()
  .trim()
  .min(3, 'An MRN has at least 3 characters')
  .max(32)
  .regex(/^[A-Za-z0-9-]+$/, 'Use letters, digits and dashes');

export const PatientDetails = z.object({
  mrn: Mrn,
  familyName: Name,
  givenName: Name,
  dateOfBirth: IsoDate,
  sex: Sex,
  phone: z.string().trim().max(40).nullable().default(null),
  email: z.email().nullable().default(null),
});

export const Surgery = z.object({
  id: Id,
  procedure: ProcedureCode,
  levels: z.array(SpinalLevel),
  performedOn: IsoDate,
  surgeon: z.string(),
  hospital: z.string().nullable(),
  instrumentation: z.string().nullable(),
  isIndex: z.boolean(),
});
export type Surgery = z.infer<typeof Surgery>;

export const Referral = z.object({
  id: Id,
  referringClinician: z.string(),
  referredOn: IsoDate,
  reason: z.string(),
  priority: ReferralPriority,
  status: z.enum(['active', 'completed', 'revoked']),
});
export type Referral = z.infer<typeof Referral>;

export const Patient = PatientDetails.extend({
  id: Id,
  status: CaseStatus,
  priority: ReferralPriority,
  responsibleSpecialistId: Id.nullable(),
  responsibleSpecialistName: z.string().nullable(),
  namedNurseId: Id.nullable(),
  namedNurseName: z.string().nullable(),
  openRedFlag: z.boolean(),
  referrals: z.array(Referral),
  surgeries: z.array(Surgery),
  version: Version,
  updatedAt: IsoDateTime,
  /** Display name of who last changed the record (for the 409 "changed by" message). */
  updatedBy: z.string().nullable(),
});
export type Patient = z.infer<typeof Patient>;

// ---- Registering a referral and editing the case ----

export const NewReferral = z.object({
  referringClinician: z.string().trim().min(2, 'Name the referring clinician').max(120),
  referredOn: IsoDate,
  reason: z.string().trim().min(3, 'Give the reason for referral').max(2000),
  priority: ReferralPriority.default('routine'),
});
export type NewReferral = z.infer<typeof NewReferral>;

export const NewSurgery = z.object({
  procedure: ProcedureCode,
  levels: z.array(SpinalLevel).min(1, 'Pick at least one level').max(5),
  performedOn: IsoDate,
  surgeon: z.string().trim().min(2, 'Name the surgeon').max(120),
  hospital: z.string().trim().max(120).nullable().default(null),
  instrumentation: z.string().trim().max(200).nullable().default(null),
  isIndex: z.boolean().default(false),
});
export type NewSurgery = z.infer<typeof NewSurgery>;

/** One form: patient, referral and prior surgeries. A known MRN adds a referral episode to that patient. */
export const RegisterReferralBody = z
  .object({
    patient: PatientDetails,
    referral: NewReferral,
    surgeries: z.array(NewSurgery).max(10).default([]),
  })
  .superRefine((b, ctx) => {
    const dob = b.patient.dateOfBirth;
    b.surgeries.forEach((s, i) => {
      if (s.performedOn < dob) ctx.addIssue({ code: 'custom', path: ['surgeries', i, 'performedOn'], message: 'The surgery cannot be before the date of birth' });
      if (s.performedOn > b.referral.referredOn) ctx.addIssue({ code: 'custom', path: ['surgeries', i, 'performedOn'], message: 'The surgery must be before the referral' });
    });
    if (b.referral.referredOn < dob) ctx.addIssue({ code: 'custom', path: ['referral', 'referredOn'], message: 'The referral cannot be before the date of birth' });
    if (b.surgeries.filter((s) => s.isIndex).length > 1) ctx.addIssue({ code: 'custom', path: ['surgeries'], message: 'Mark one surgery as the index surgery' });
  });
export type RegisterReferralBody = z.infer<typeof RegisterReferralBody>;

export const RegisterReferralResponse = z.object({
  patient: Patient,
  /** False when the MRN was known: a new referral episode was added to the existing patient. */
  createdPatient: z.boolean(),
});
export type RegisterReferralResponse = z.infer<typeof RegisterReferralResponse>;

export const MrnCheckQuery = z.object({ mrn: Mrn });
export const MrnCheckResponse = z.object({
  exists: z.boolean(),
  patient: z.object({ id: Id, familyName: z.string(), givenName: z.string(), dateOfBirth: IsoDate, referrals: z.number().int() }).nullable(),
});
export type MrnCheckResponse = z.infer<typeof MrnCheckResponse>;

export const UpdatePatientBody = z
  .object({
    version: Version,
    familyName: Name.optional(),
    givenName: Name.optional(),
    dateOfBirth: IsoDate.optional(),
    sex: Sex.optional(),
    phone: z.string().trim().max(40).nullable().optional(),
    email: z.email().nullable().optional(),
    priority: ReferralPriority.optional(),
    responsibleSpecialistId: Id.nullable().optional(),
    namedNurseId: Id.nullable().optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: 'Change at least one field', path: ['version'] });
export type UpdatePatientBody = z.infer<typeof UpdatePatientBody>;

export const ChangeStatusBody = z.object({
  version: Version,
  to: CaseStatus,
  reason: z.string().trim().max(500).nullable().default(null),
});
export type ChangeStatusBody = z.infer<typeof ChangeStatusBody>;

export const Clinician = z.object({ id: Id, displayName: z.string(), role: z.enum(['nurse', 'specialist']) });
export type Clinician = z.infer<typeof Clinician>;
export const ClinicianListResponse = z.object({ items: z.array(Clinician) });

// ---- Suspected causes ----

export const CauseTagEvent = z.object({
  change: z.enum(['tagged', 'status', 'evidence', 'entered-in-error']),
  status: CauseStatus,
  evidenceNote: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: IsoDateTime,
});

export const CauseTag = z.object({
  id: Id,
  code: CauseCode,
  status: CauseStatus,
  evidenceNote: z.string().nullable(),
  taggedBy: z.string().nullable(),
  taggedAt: IsoDateTime,
  updatedBy: z.string().nullable(),
  updatedAt: IsoDateTime,
  version: Version,
  history: z.array(CauseTagEvent),
});
export type CauseTag = z.infer<typeof CauseTag>;
export const CauseTagList = z.object({ items: z.array(CauseTag) });

export const EvidenceNote = z.string().trim().max(2000).nullable();

export const AddCauseBody = z.object({
  code: CauseCode,
  status: CauseStatus.default('provisional'),
  evidenceNote: EvidenceNote.default(null),
});
export type AddCauseBody = z.infer<typeof AddCauseBody>;

export const UpdateCauseBody = z
  .object({ version: Version, status: CauseStatus.optional(), evidenceNote: EvidenceNote.optional() })
  .refine((b) => b.status !== undefined || b.evidenceNote !== undefined, { message: 'Change the status or the evidence', path: ['status'] });
export type UpdateCauseBody = z.infer<typeof UpdateCauseBody>;

export const CauseParams = z.object({ id: Id, causeId: Id });

// ---- Clinical notes ----

export const ClinicalNote = z.object({
  id: Id,
  body: z.string(),
  authorId: Id,
  authorName: z.string().nullable(),
  writtenAt: IsoDateTime,
  enteredInError: z.boolean(),
  enteredInErrorReason: z.string().nullable(),
  version: Version,
});
export type ClinicalNote = z.infer<typeof ClinicalNote>;
export const ClinicalNoteList = z.object({ items: z.array(ClinicalNote) });
export const AddNoteBody = z.object({ body: z.string().trim().min(1, 'Write the note').max(10_000) });
export const NoteParams = z.object({ id: Id, noteId: Id });
