import type { PlanItemOutcome } from '@shared/contracts/plans';
import { PAIN_RESPONSE_LABELS, type PainResponseCategory } from '@shared/domain/pain';
import { formatDay, monthLabel } from './plan-view';

/**
 * The outcome table of one started treatment, as display rows: the baseline (last valid scores on or before the
 * start), then each follow-up. Values, changes, percentages and categories come from the server, which applies
 * the shared rules (IMMPACT for NRS: >= 30% moderate, >= 50% substantial; Ostelo 2008 for the ODI: >= 10 points);
 * here they are only put into words. A missed follow-up is shown as missing data, never as "no improvement".
 */

export type OutcomeRowKind = 'baseline' | 'completed' | 'due' | 'missed' | 'cancelled';

export interface PainCell {
  /** The score, or a word when there is none ("Not recorded", "Missing"). */
  readonly value: string;
  /** "−3 (50% lower)"; null for the baseline and when there is nothing to compare. */
  readonly change: string | null;
  readonly category: PainResponseCategory | null;
  readonly categoryLabel: string | null;
}

export interface OdiCell {
  readonly value: string;
  readonly change: string | null;
  /** >= 10-point improvement (Ostelo 2008): true, false, or null when not evaluable. */
  readonly tenPoints: boolean | null;
  readonly tenPointsLabel: string | null;
}

export interface OutcomeRow {
  readonly id: string;
  /** "Baseline", "3 months". */
  readonly label: string;
  readonly kind: OutcomeRowKind;
  readonly statusLabel: string;
  /** When: the assessment date, or the due date of an outstanding follow-up. */
  readonly when: string;
  readonly back: PainCell;
  readonly leg: PainCell;
  readonly odi: OdiCell;
}

const STATUS_LABELS: Readonly<Record<OutcomeRowKind, string>> = {
  baseline: 'Before the start',
  completed: 'Assessed',
  due: 'Outstanding',
  missed: 'Missed',
  cancelled: 'Cancelled',
};

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A change in words. `change` is baseline minus follow-up (positive = better), as the shared rules define it. */
export function changeText(change: number | null, percent: number | null, unit = ''): string | null {
  if (change === null) return null;
  if (change === 0) return 'No change';
  const sign = change > 0 ? '−' : '+';
  const amount = `${sign}${number(Math.abs(change))}${unit}`;
  if (percent === null) return amount;
  return `${amount} (${number(Math.abs(percent))}% ${change > 0 ? 'lower' : 'higher'})`;
}

function emptyPain(value: string): PainCell {
  return { value, change: null, category: null, categoryLabel: null };
}

function emptyOdi(value: string): OdiCell {
  return { value, change: null, tenPoints: null, tenPointsLabel: null };
}

/** What an outstanding or missing follow-up shows instead of values. */
function placeholder(kind: OutcomeRowKind): string {
  switch (kind) {
    case 'missed':
      return 'Missing';
    case 'cancelled':
      return 'Not needed';
    case 'due':
      return 'Not yet';
    case 'baseline':
    case 'completed':
      return 'Not recorded';
  }
}

export function outcomeRows(outcome: PlanItemOutcome): OutcomeRow[] {
  const { baseline } = outcome;
  const baselineValue = (value: number | null): string => (value === null ? 'None before the start' : number(value));
  const rows: OutcomeRow[] = [
    {
      id: `${outcome.itemId}-baseline`,
      label: 'Baseline',
      kind: 'baseline',
      statusLabel: STATUS_LABELS.baseline,
      when: baseline.assessedAt ? formatDay(baseline.assessedAt) : 'No assessment before the start',
      back: emptyPain(baselineValue(baseline.back)),
      leg: emptyPain(baselineValue(baseline.leg)),
      odi: emptyOdi(baselineValue(baseline.odi)),
    },
  ];
  for (const f of outcome.followUps) {
    const kind: OutcomeRowKind = f.status;
    const base = {
      id: `${outcome.itemId}-${String(f.monthOffset)}`,
      label: monthLabel(f.monthOffset),
      kind,
      statusLabel: STATUS_LABELS[kind],
    };
    if (kind !== 'completed') {
      const text = placeholder(kind);
      const when = kind === 'due' ? `Due ${formatDay(f.dueOn)}` : `Was due ${formatDay(f.dueOn)}`;
      rows.push({
        ...base,
        when,
        back: emptyPain(text),
        leg: emptyPain(text),
        odi: emptyOdi(text),
      });
      continue;
    }
    const pain = (site: typeof f.back, baselineValue: number | null): PainCell => {
      if (site.value === null) return emptyPain('Not recorded');
      return {
        value: number(site.value),
        change: changeText(site.change, site.percent),
        category: site.category,
        categoryLabel: site.category ? PAIN_RESPONSE_LABELS[site.category] : baselineValue === null ? 'No baseline' : null,
      };
    };
    rows.push({
      ...base,
      when: formatDay(f.assessedAt ?? f.dueOn),
      back: pain(f.back, baseline.back),
      leg: pain(f.leg, baseline.leg),
      odi:
        f.odi.value === null
          ? emptyOdi('Not recorded')
          : {
              value: number(f.odi.value),
              change: f.odi.change === null ? null : changeText(f.odi.change, null, Math.abs(f.odi.change) === 1 ? ' point' : ' points'),
              tenPoints: f.odi.odi10pt,
              tenPointsLabel:
                f.odi.odi10pt === null
                  ? baseline.odi === null
                    ? 'No baseline'
                    : null
                  : f.odi.odi10pt
                    ? '10 points or more better'
                    : 'Under 10 points better',
            },
    });
  }
  return rows;
}
