import { z } from 'zod';
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
  namedNurseId: Id.nullable(),
  openRedFlag: z.boolean(),
  referrals: z.array(Referral),
  surgeries: z.array(Surgery),
  version: Version,
  updatedAt: IsoDateTime,
  updatedBy: z.string().nullable(),
});
export type Patient = z.infer<typeof Patient>;
