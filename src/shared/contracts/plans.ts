import * as z from 'zod';
import { CAUSE_CODES } from '../domain/causes';
import { PAIN_RESPONSE_CATEGORIES } from '../domain/pain';
import { PLAN_ITEM_STATUSES, TREATMENT_CODES } from '../domain/treatments';
import { Id, IsoDate, IsoDateTime, PageQuery, Version, pageOf } from './common';

export const TreatmentCode = z.enum(TREATMENT_CODES);
export const PlanItemStatus = z.enum(PLAN_ITEM_STATUSES);
const CauseCode = z.enum(CAUSE_CODES);

export const PlanGoal = z.object({
  text: z.string().trim().min(2, 'Describe the goal').max(200),
  measure: z.enum(['back-nrs', 'leg-nrs', 'odi', 'other']),
  /** For NRS: the target score (e.g. leg NRS <= 4); for ODI: the reduction in points (e.g. 10). */
  target: z.number().min(0).max(100).nullable(),
});
export type PlanGoal = z.infer<typeof PlanGoal>;

export const FollowUp = z.object({
  id: Id,
  monthOffset: z.number().int(),
  dueOn: IsoDate,
  status: z.enum(['due', 'completed', 'cancelled']),
  completedAssessmentId: Id.nullable(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const PlanItemEvent = z.object({
  changedAt: IsoDateTime,
  changedBy: z.string().nullable(),
  change: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});

export const PlanItem = z.object({
  id: Id,
  planId: Id,
  treatmentCode: TreatmentCode,
  status: PlanItemStatus,
  plannedOn: IsoDate.nullable(),
  startedOn: IsoDate.nullable(),
  endedOn: IsoDate.nullable(),
  responsibleClinicianId: Id.nullable(),
  responsibleClinicianName: z.string().nullable(),
  addressesCauses: z.array(CauseCode),
  stopReason: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  trialReliefPct: z.number().int().nullable(),
  trialDecision: z.enum(['success', 'failure']).nullable(),
  version: Version,
  followUps: z.array(FollowUp),
  history: z.array(PlanItemEvent),
});
export type PlanItem = z.infer<typeof PlanItem>;

export const TreatmentPlan = z.object({
  id: Id,
  patientId: Id,
  status: z.enum(['active', 'completed', 'revoked']),
  goals: z.array(PlanGoal),
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
  version: Version,
  items: z.array(PlanItem),
});
export type TreatmentPlan = z.infer<typeof TreatmentPlan>;
export const TreatmentPlanList = z.object({ items: z.array(TreatmentPlan) });

export const CreatePlanBody = z.object({
  goals: z.array(PlanGoal).max(10).default([]),
  /** When an active plan exists it is completed and kept as history (one active plan at a time). */
  replaceActive: z.boolean().default(false),
});
export const UpdatePlanBody = z
  .object({ version: Version, goals: z.array(PlanGoal).max(10).optional(), status: z.enum(['completed', 'revoked']).optional() })
  .refine((b) => b.goals !== undefined || b.status !== undefined, { message: 'Change the goals or the status', path: ['goals'] });

export const AddPlanItemBody = z.object({
  treatmentCode: TreatmentCode,
  plannedOn: IsoDate.nullable().default(null),
  responsibleClinicianId: Id.nullable().default(null),
  addressesCauses: z.array(CauseCode).max(CAUSE_CODES.length).default([]),
});
export type AddPlanItemBody = z.input<typeof AddPlanItemBody>;

export const UpdatePlanItemBody = z
  .object({
    version: Version,
    status: PlanItemStatus.optional(),
    plannedOn: IsoDate.nullable().optional(),
    startedOn: IsoDate.optional(),
    endedOn: IsoDate.optional(),
    responsibleClinicianId: Id.nullable().optional(),
    addressesCauses: z.array(CauseCode).optional(),
    stopReason: z.string().trim().min(3).max(500).optional(),
    outcomeNote: z.string().trim().max(2000).nullable().optional(),
    /** SCS trial: pain relief in percent (success means >= 50%, fbss-domain.md §5). */
    trialReliefPct: z.number().int().min(0).max(100).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.status === 'stopped' && !b.stopReason) ctx.addIssue({ code: 'custom', path: ['stopReason'], message: 'Give the reason the treatment was stopped' });
    if (b.startedOn && b.endedOn && b.endedOn < b.startedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: 'The end cannot be before the start' });
  });
export type UpdatePlanItemBody = z.input<typeof UpdatePlanItemBody>;

export const PlanParams = z.object({ id: Id, planId: Id });
export const PlanItemParams = z.object({ id: Id, itemId: Id });

// ---- Outcomes per started item (baseline, each follow-up, change and responder category) ----

export const ResponseCategory = z.enum(PAIN_RESPONSE_CATEGORIES);

export const SiteOutcome = z.object({
  value: z.number().nullable(),
  change: z.number().nullable(),
  percent: z.number().nullable(),
  category: ResponseCategory.nullable(),
});

export const FollowUpOutcome = z.object({
  monthOffset: z.number().int(),
  dueOn: IsoDate,
  status: z.enum(['due', 'completed', 'cancelled', 'missed']),
  assessedAt: IsoDateTime.nullable(),
  back: SiteOutcome,
  leg: SiteOutcome,
  odi: z.object({ value: z.number().nullable(), change: z.number().nullable(), odi10pt: z.boolean().nullable() }),
});

export const PlanItemOutcome = z.object({
  itemId: Id,
  treatmentCode: TreatmentCode,
  startedOn: IsoDate,
  baseline: z.object({ back: z.number().nullable(), leg: z.number().nullable(), odi: z.number().nullable(), assessedAt: IsoDateTime.nullable() }),
  followUps: z.array(FollowUpOutcome),
});
export type PlanItemOutcome = z.infer<typeof PlanItemOutcome>;
export const PlanOutcomeList = z.object({ items: z.array(PlanItemOutcome) });

// ---- Follow-ups due (nurses and specialists) ----

export const FollowUpDueQuery = PageQuery.extend({
  due: z.enum(['week', 'overdue', 'all']).default('all'),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const FollowUpDueItem = z.object({
  id: Id,
  patientId: Id,
  familyName: z.string(),
  givenName: z.string(),
  mrn: z.string(),
  treatmentCode: TreatmentCode,
  monthOffset: z.number().int(),
  dueOn: IsoDate,
  state: z.enum(['upcoming', 'due', 'overdue']),
});
export type FollowUpDueItem = z.infer<typeof FollowUpDueItem>;
export const FollowUpDuePage = pageOf(FollowUpDueItem).extend({ overdueTotal: z.number().int(), dueThisWeekTotal: z.number().int() });
export type FollowUpDuePage = z.infer<typeof FollowUpDuePage>;
