import * as z from 'zod';
import { CASE_STATUSES } from '../domain/case-status';
import { CAUSE_CODES } from '../domain/causes';
import { PROCEDURE_CODES } from '../domain/procedures';
import { TREATMENT_CODES } from '../domain/treatments';
import { Id, IsoDate, IsoDateTime, repeated } from './common';

export const OutcomesQuery = z.object({
  referredFrom: IsoDate.optional(),
  referredTo: IsoDate.optional(),
  procedure: repeated(z.enum(PROCEDURE_CODES)),
  cause: repeated(z.enum(CAUSE_CODES)),
  treatment: repeated(z.enum(TREATMENT_CODES)),
  clinician: Id.optional(),
  status: repeated(z.enum(CASE_STATUSES)),
});
export type OutcomesQuery = z.infer<typeof OutcomesQuery>;
export type OutcomesQueryInput = z.input<typeof OutcomesQuery>;

/** A count that is null (and `suppressed`) when it is from 1 to 10 patients: shown as "<11". */
export const Count = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
export type Count = z.infer<typeof Count>;

export const Rate = z.object({
  responders: z.number().int().nullable(),
  rate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

export const ResponderRow = z.object({
  treatmentCode: z.enum(TREATMENT_CODES),
  month: z.union([z.literal(3), z.literal(6), z.literal(12)]),
  site: z.enum(['back', 'leg']),
  /** Patients with a baseline above 0 and a value at this follow-up (the denominator). */
  evaluable: Count,
  /** Follow-ups whose window has closed without an assessment: reported, never counted as non-responders. */
  missing: Count,
  pain30: Rate,
  pain50: Rate,
  suppressed: z.boolean(),
});
export type ResponderRow = z.infer<typeof ResponderRow>;

export const TrajectoryPoint = z.object({ month: z.number().int(), n: Count, mean: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() });
export const Trajectory = z.object({ treatmentCode: z.enum(TREATMENT_CODES), site: z.enum(['back', 'leg']), points: z.array(TrajectoryPoint) });
export type Trajectory = z.infer<typeof Trajectory>;

export const CauseMixRow = z.object({ code: z.enum(CAUSE_CODES), confirmed: Count, provisional: Count });
export type CauseMixRow = z.infer<typeof CauseMixRow>;

export const ReferralMonth = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), total: Count, byStatus: z.record(z.enum(CASE_STATUSES), Count) });
export type ReferralMonth = z.infer<typeof ReferralMonth>;

/** ODI change from baseline in points (positive = better); 10 points is the minimal important change (Ostelo 2008). */
export const ODI_CHANGE_BINS = ['worse by 10+', 'worse by <10', 'unchanged or better by <10', 'better by 10-19', 'better by 20+'] as const;
export const OdiChangeRow = z.object({
  treatmentCode: z.enum(TREATMENT_CODES),
  month: z.union([z.literal(6), z.literal(12)]),
  n: Count,
  bins: z.array(z.object({ label: z.enum(ODI_CHANGE_BINS), count: Count })),
});
export type OdiChangeRow = z.infer<typeof OdiChangeRow>;

export const OutcomesDashboard = z.object({
  generatedAt: IsoDateTime,
  today: IsoDate,
  tiles: z.object({
    activeCases: Count,
    newReferralsThisMonth: Count,
    medianDaysToFirstTreatment: z.object({ value: z.number().nullable(), n: Count }),
    followUpCompletion: z.object({ completed: Count, due: Count, rate: z.number().nullable() }),
    openRedFlags: Count,
  }),
  responders: z.array(ResponderRow),
  trajectories: z.array(Trajectory),
  causes: z.array(CauseMixRow),
  referrals: z.array(ReferralMonth),
  odiChange: z.array(OdiChangeRow),
});
export type OutcomesDashboard = z.infer<typeof OutcomesDashboard>;

export const OUTCOME_TABLES = ['responders', 'trajectories', 'causes', 'referrals', 'odi-change'] as const;
export const OutcomesExportQuery = OutcomesQuery.extend({ table: z.enum(OUTCOME_TABLES) });

/** A chart image or print made in the browser is recorded here, so that every export is audited. */
export const OutcomesExportEvent = z.object({
  format: z.enum(['png', 'print']),
  chart: z.enum([...OUTCOME_TABLES, 'dashboard']),
  filters: OutcomesQuery,
});
