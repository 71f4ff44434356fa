import type { Count, OutcomesDashboard, ResponderRow, Trajectory } from '@shared/contracts/outcomes';
import { ODI_CHANGE_BINS } from '@shared/contracts/outcomes';
import type { Clinician } from '@shared/contracts/patients';
import { CASE_STATUSES } from '@shared/domain/case-status';
import { isSuppressed } from '@shared/domain/stats';
import type { TreatmentCode } from '@shared/domain/treatments';

/** Test data builders for the outcomes specs (never bundled: only specs import this file). */

/** A count as the server sends it: 1 to 10 is suppressed. */
export function aCount(n: number): Count {
  return isSuppressed(n) ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

export function aResponderRow(overrides: Partial<ResponderRow> = {}): ResponderRow {
  return {
    treatmentCode: 'SCS-IMPLANT',
    month: 6,
    site: 'leg',
    evaluable: aCount(40),
    missing: aCount(12),
    pain30: { responders: 24, rate: 0.6, low: 0.446, high: 0.736 },
    pain50: { responders: 18, rate: 0.45, low: 0.307, high: 0.601 },
    suppressed: false,
    ...overrides,
  };
}

/** A suppressed group: what the server sends for 1 to 10 evaluable patients. */
export function aSuppressedResponderRow(treatmentCode: TreatmentCode, overrides: Partial<ResponderRow> = {}): ResponderRow {
  const none = { responders: null, rate: null, low: null, high: null };
  return aResponderRow({
    treatmentCode,
    evaluable: aCount(7),
    missing: aCount(0),
    pain30: none,
    pain50: none,
    suppressed: true,
    ...overrides,
  });
}

export function aTrajectory(treatmentCode: TreatmentCode, site: 'back' | 'leg', means: (number | null)[], n = 30): Trajectory {
  const months = [0, 1, 3, 6, 12];
  return {
    treatmentCode,
    site,
    points: months.map((month, i) => {
      const mean = means[i] ?? null;
      const count = mean === null ? aCount(0) : aCount(n);
      return { month, n: count, mean, low: mean === null ? null : mean - 0.5, high: mean === null ? null : mean + 0.5 };
    }),
  };
}

export function aDashboard(overrides: Partial<OutcomesDashboard> = {}): OutcomesDashboard {
  const months = Array.from({ length: 24 }, (_, i) => {
    const d = new Date(Date.UTC(2023, 11 + i, 1));
    return `${String(d.getUTCFullYear())}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  return {
    generatedAt: '2025-11-20T10:00:00.000Z',
    today: '2025-11-20',
    tiles: {
      activeCases: aCount(160),
      newReferralsThisMonth: aCount(4),
      medianDaysToFirstTreatment: { value: 41.5, n: aCount(120) },
      followUpCompletion: { completed: aCount(90), due: aCount(120), rate: 0.75 },
      openRedFlags: aCount(0),
    },
    responders: [aResponderRow(), aResponderRow({ treatmentCode: 'PHYSIO' })],
    trajectories: [aTrajectory('SCS-IMPLANT', 'leg', [7.5, 4, 3.8, 3.9, 4.2]), aTrajectory('PHYSIO', 'leg', [6, 5.5, 5.2, 5.1, null])],
    causes: [
      { code: 'POST-FIB', confirmed: aCount(21), provisional: aCount(26) },
      { code: 'POST-ARA', confirmed: aCount(3), provisional: aCount(0) },
    ],
    referrals: months.map((month, i) => ({
      month,
      total: aCount(20 + i),
      byStatus: Object.fromEntries(
        CASE_STATUSES.map((s, j) => [s, aCount(j === 5 ? 20 + i : 0)]),
      ) as OutcomesDashboard['referrals'][number]['byStatus'],
    })),
    odiChange: [
      {
        treatmentCode: 'SCS-IMPLANT',
        month: 6,
        n: aCount(40),
        bins: ODI_CHANGE_BINS.map((label, i) => ({ label, count: aCount([0, 4, 11, 12, 13][i] ?? 0) })),
      },
    ],
    ...overrides,
  };
}

/** GET /api/outcomes/clinicians: specialists, names only. */
export const CLINICIANS: Clinician[] = [
  { id: '7d3f7c1e-2a4b-4c55-8d3e-0f6a1b2c3d41', displayName: 'Dr Amara Obi', role: 'specialist' },
  { id: '7d3f7c1e-2a4b-4c55-8d3e-0f6a1b2c3d42', displayName: 'Dr Ben Hart', role: 'specialist' },
];
