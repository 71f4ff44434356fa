import type { Count, OutcomesDashboard } from '@shared/contracts/outcomes';
import type { Clinician } from '@shared/contracts/patients';
import { CASE_STATUS_LABELS } from '@shared/domain/case-status';
import { causeByCode } from '@shared/domain/causes';
import { procedureByCode } from '@shared/domain/procedures';
import { SMALL_CELL_MIN } from '@shared/domain/stats';
import { treatmentByCode } from '@shared/domain/treatments';
import type { OutcomesFilters } from './outcomes-query';

/** How a suppressed count reads everywhere (tables, tiles, CSV): "<11". */
export const SUPPRESSED_TEXT = `<${String(SMALL_CELL_MIN)}`;
export const SUPPRESSED_EXPLANATION = `Groups of fewer than ${String(SMALL_CELL_MIN)} patients are shown as "${SUPPRESSED_TEXT}" and never turned into a rate.`;

/** "fewer than 11 patients" (the small-cell rule in words). */
export const FEWER_THAN_MIN = `fewer than ${String(SMALL_CELL_MIN)} patients`;

/** A count as shown: the number, or "<11" when it is suppressed. */
export function countText(count: Count): string {
  return count.suppressed || count.value === null ? SUPPRESSED_TEXT : String(count.value);
}

/** A denominator for axis labels: "n = 24", "n <11". */
export function nText(count: Count): string {
  return count.suppressed || count.value === null ? `n ${SUPPRESSED_TEXT}` : `n = ${String(count.value)}`;
}

/** A count for charts: null (nothing drawn) when it is suppressed. */
export function countValue(count: Count): number | null {
  return count.suppressed ? null : count.value;
}

/** 0.4812 -> "48%" (whole percent: the intervals of clinic-sized groups are wider than a decimal suggests). */
export function percentText(rate: number): string {
  return `${String(Math.round(rate * 100))}%`;
}

/** "48% (95% CI 35–61%)", or null when there is no rate. */
export function rateWithInterval(rate: number | null, low: number | null, high: number | null): string | null {
  if (rate === null) return null;
  if (low === null || high === null) return percentText(rate);
  return `${percentText(rate)} (95% CI ${String(Math.round(low * 100))}–${percentText(high)})`;
}

export function treatmentName(code: string): string {
  return treatmentByCode(code)?.name ?? code;
}

export function causeName(code: string): string {
  return causeByCode(code)?.shortName ?? code;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-03" -> "Mar 2025". */
export function monthLabel(month: string, long = false): string {
  const [year = '', m = ''] = month.split('-');
  const names = long ? LONG_MONTH_NAMES : MONTH_NAMES;
  return `${names.at(Number(m) - 1) ?? m} ${year}`.trim();
}

/** "2025-03-07" -> "7 Mar 2025". */
export function dateLabel(isoDate: string): string {
  const [year = '', m = '', d = ''] = isoDate.split('-');
  return `${String(Number(d))} ${MONTH_NAMES.at(Number(m) - 1) ?? m} ${year}`;
}

/** Splits a label into lines of about `width` characters for chart axes (at most `maxLines`, the last one shortened). */
export function wrapLabel(text: string, width = 18, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`;
  return kept;
}

export interface Tile {
  id: 'active' | 'new-referrals' | 'days-to-treatment' | 'follow-up-completion' | 'red-flags';
  label: string;
  value: string;
  detail: string;
}

/** The five headline figures, with suppressed counts as "<11". */
export function dashboardTiles(tiles: OutcomesDashboard['tiles'], today: string): Tile[] {
  const median = tiles.medianDaysToFirstTreatment;
  const followUps = tiles.followUpCompletion;
  let medianValue: string;
  let medianDetail: string;
  if (median.value !== null) {
    const days = Math.round(median.value);
    medianValue = `${String(days)} ${days === 1 ? 'day' : 'days'}`;
    medianDetail = `From referral to first treatment; ${countText(median.n)} patients`;
  } else if (median.n.suppressed) {
    medianValue = 'Not shown';
    medianDetail = `Fewer than ${String(SMALL_CELL_MIN)} patients have started treatment`;
  } else {
    medianValue = 'None yet';
    medianDetail = 'No patient has started treatment';
  }
  let completionValue: string;
  let completionDetail: string;
  if (followUps.rate !== null) {
    completionValue = percentText(followUps.rate);
    completionDetail = `${countText(followUps.completed)} completed of ${countText(followUps.due)} due`;
  } else if (followUps.due.suppressed) {
    completionValue = 'Not shown';
    completionDetail = `Fewer than ${String(SMALL_CELL_MIN)} follow-ups due`;
  } else {
    completionValue = 'None due';
    completionDetail = 'No follow-up has fallen due yet';
  }
  return [
    { id: 'active', label: 'Active cases', value: countText(tiles.activeCases), detail: 'Open cases (not discharged)' },
    {
      id: 'new-referrals',
      label: 'New referrals this month',
      value: countText(tiles.newReferralsThisMonth),
      detail: `Referred since 1 ${monthLabel(today.slice(0, 7), true)}`,
    },
    { id: 'days-to-treatment', label: 'Median days to first treatment', value: medianValue, detail: medianDetail },
    { id: 'follow-up-completion', label: 'Follow-up completion', value: completionValue, detail: completionDetail },
    { id: 'red-flags', label: 'Open red flags', value: countText(tiles.openRedFlags), detail: 'Red-flag alerts not yet acknowledged' },
  ];
}

/** How the clinician filter's choice reads (the list may still be loading, or no longer hold that clinician). */
export function clinicianName(id: string, clinicians: readonly Clinician[] | null): string {
  if (clinicians === null) return 'one clinician';
  return clinicians.find((c) => c.id === id)?.displayName ?? 'a clinician not in the list';
}

/**
 * The filters in words, one part each, for the page and the printout. Empty: all patients. `clinicians`: the
 * clinician filter's choices (null while they load), for the chosen clinician's name.
 */
export function filterSummary(filters: OutcomesFilters, clinicians: readonly Clinician[] | null = null): string[] {
  const parts: string[] = [];
  if (filters.referredFrom && filters.referredTo) {
    parts.push(`Referred ${dateLabel(filters.referredFrom)} to ${dateLabel(filters.referredTo)}`);
  } else if (filters.referredFrom) {
    parts.push(`Referred on or after ${dateLabel(filters.referredFrom)}`);
  } else if (filters.referredTo) {
    parts.push(`Referred on or before ${dateLabel(filters.referredTo)}`);
  }
  if (filters.procedure?.length) {
    parts.push(`Index procedure: ${filters.procedure.map((c) => procedureByCode(c)?.name ?? c).join(', ')}`);
  }
  if (filters.cause?.length) parts.push(`Suspected cause: ${filters.cause.map(causeName).join(', ')}`);
  if (filters.treatment?.length) parts.push(`Treatment: ${filters.treatment.map(treatmentName).join(', ')}`);
  if (filters.status?.length) parts.push(`Case status: ${filters.status.map((s) => CASE_STATUS_LABELS[s]).join(', ')}`);
  if (filters.clinician) parts.push(`Clinician: ${clinicianName(filters.clinician, clinicians)}`);
  return parts;
}
