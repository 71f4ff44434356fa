import type { TreatmentCode } from './treatments';

/**
 * Published benchmark figures for the managers' responder chart (fbss-domain.md §6). These are surgical or
 * selected-trial populations: clinic data will usually be worse, and the chart says so.
 */
export interface Benchmark {
  readonly id: string;
  readonly study: string;
  readonly citation: string;
  /** Treatments of this clinic the figure is shown beside. */
  readonly treatments: readonly TreatmentCode[];
  readonly site: 'back' | 'leg';
  readonly month: 3 | 6 | 12 | 24;
  /** Responder threshold: percent reduction in NRS from baseline. */
  readonly thresholdPct: 50;
  readonly arm: string;
  readonly rate: number;
  readonly responders: number | null;
  readonly n: number | null;
  readonly comparator: { readonly arm: string; readonly rate: number; readonly responders: number | null; readonly n: number | null } | null;
}

export const TRIAL_POPULATION_NOTE = 'Trial populations (selected patients, protocol follow-up): not directly comparable with this clinic.';

export const BENCHMARKS: readonly Benchmark[] = [
  {
    id: 'process-6m-leg',
    study: 'PROCESS',
    citation: 'Kumar K et al. Pain 2007;132:179-188',
    treatments: ['SCS-IMPLANT', 'SCS-10KHZ'],
    site: 'leg',
    month: 6,
    thresholdPct: 50,
    arm: 'SCS + conventional medical management',
    rate: 0.48,
    responders: 24,
    n: 50,
    comparator: { arm: 'Conventional medical management', rate: 0.09, responders: 4, n: 44 },
  },
  {
    id: 'process-12m-leg',
    study: 'PROCESS (12 months, NICE TA159)',
    citation: 'Kumar K et al. Pain 2007;132:179-188; NICE TA159',
    treatments: ['SCS-IMPLANT', 'SCS-10KHZ'],
    site: 'leg',
    month: 12,
    thresholdPct: 50,
    arm: 'SCS + conventional medical management',
    rate: 0.34,
    responders: null,
    n: null,
    comparator: { arm: 'Conventional medical management', rate: 0.07, responders: null, n: null },
  },
  {
    id: 'senza-3m-back',
    study: 'SENZA-RCT',
    citation: 'Kapural L et al. Anesthesiology 2015;123:851',
    treatments: ['SCS-10KHZ'],
    site: 'back',
    month: 3,
    thresholdPct: 50,
    arm: '10 kHz SCS',
    rate: 0.845,
    responders: null,
    n: null,
    comparator: { arm: 'Traditional SCS', rate: 0.438, responders: null, n: null },
  },
  {
    id: 'senza-3m-leg',
    study: 'SENZA-RCT',
    citation: 'Kapural L et al. Anesthesiology 2015;123:851',
    treatments: ['SCS-10KHZ'],
    site: 'leg',
    month: 3,
    thresholdPct: 50,
    arm: '10 kHz SCS',
    rate: 0.831,
    responders: null,
    n: null,
    comparator: { arm: 'Traditional SCS', rate: 0.555, responders: null, n: null },
  },
];

export function benchmarksFor(treatment: TreatmentCode, site: 'back' | 'leg', month: number): Benchmark[] {
  return BENCHMARKS.filter((b) => b.treatments.includes(treatment) && b.site === site && b.month === month);
}
