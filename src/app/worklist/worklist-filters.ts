import { CASE_STATUSES, CASE_STATUS_LABELS } from '@shared/domain/case-status';
import { causeByCode, causesByTiming } from '@shared/domain/causes';
import { PAIN_BANDS, PAIN_BAND_LABELS, type PainBand } from '@shared/domain/pain';
import { INDEX_PROCEDURES, procedureByCode } from '@shared/domain/procedures';
import { formatIsoDateGb } from '../case/iso-date-adapter';
import type { WorklistQuery } from './worklist-query';

/** Options of the worklist's filter controls, from the shared catalogues. */
export const STATUS_OPTIONS = CASE_STATUSES.map((value) => ({ value, label: CASE_STATUS_LABELS[value] }));

export const CAUSE_GROUPS = causesByTiming()
  .filter((group) => group.causes.length > 0)
  .map((group) => ({ label: group.label, options: group.causes.map((cause) => ({ value: cause.code, label: cause.name })) }));

export const PROCEDURE_OPTIONS = INDEX_PROCEDURES.map((p) => ({ value: p.code, label: p.name }));

/** Where the pain band applies; without a site the server takes the worse of back and leg. */
export type PainSiteChoice = 'back' | 'leg' | 'either';
const PAIN_SITE_CHOICES: readonly { site: PainSiteChoice; label: string }[] = [
  { site: 'either', label: 'Back or leg (the worse)' },
  { site: 'back', label: 'Back' },
  { site: 'leg', label: 'Leg' },
];

/** "Latest pain" is one select: a site and a band, e.g. `leg:7-10`. */
export const PAIN_GROUPS = PAIN_SITE_CHOICES.map(({ site, label }) => ({
  label,
  options: PAIN_BANDS.map((band) => ({ value: `${site}:${band}`, label: `${label}: ${PAIN_BAND_LABELS[band]}` })),
}));

export function painChoice(query: WorklistQuery): string | null {
  return query.painBand ? `${query.painSite ?? 'either'}:${query.painBand}` : null;
}

export function painFromChoice(choice: string | null): Pick<WorklistQuery, 'painSite' | 'painBand'> {
  if (!choice) return { painSite: undefined, painBand: undefined };
  const [site, band] = choice.split(':') as [PainSiteChoice, PainBand];
  return { painSite: site === 'either' ? undefined : site, painBand: band };
}

/** One active filter as a removable chip; `remove` is the query change that drops it. */
export interface ActiveFilter {
  readonly id: string;
  readonly label: string;
  readonly remove: Partial<WorklistQuery>;
}

function without<T>(list: readonly T[], value: T): T[] | undefined {
  const rest = list.filter((v) => v !== value);
  return rest.length ? rest : undefined;
}

/** The filters in the query, in the order of the filter bar, for the chips above the table. */
export function activeFilters(query: WorklistQuery): ActiveFilter[] {
  const chips: ActiveFilter[] = [];
  if (query.q) chips.push({ id: 'q', label: `Search: ${query.q}`, remove: { q: undefined } });
  if (query.mine) chips.push({ id: 'mine', label: 'My cases', remove: { mine: undefined } });
  for (const status of query.status ?? []) {
    chips.push({
      id: `status:${status}`,
      label: `Status: ${CASE_STATUS_LABELS[status]}`,
      remove: { status: without(query.status ?? [], status) },
    });
  }
  for (const code of query.cause ?? []) {
    const name = causeByCode(code)?.shortName ?? code;
    chips.push({ id: `cause:${code}`, label: `Cause: ${name}`, remove: { cause: without(query.cause ?? [], code) } });
  }
  for (const code of query.procedure ?? []) {
    const name = procedureByCode(code)?.name ?? code;
    chips.push({ id: `procedure:${code}`, label: `Procedure: ${name}`, remove: { procedure: without(query.procedure ?? [], code) } });
  }
  if (query.surgeon) chips.push({ id: 'surgeon', label: `Surgeon: ${query.surgeon}`, remove: { surgeon: undefined } });
  if (query.referredFrom) {
    chips.push({ id: 'referredFrom', label: `Referred from ${formatIsoDateGb(query.referredFrom)}`, remove: { referredFrom: undefined } });
  }
  if (query.referredTo) {
    chips.push({ id: 'referredTo', label: `Referred until ${formatIsoDateGb(query.referredTo)}`, remove: { referredTo: undefined } });
  }
  const pain = painChoice(query);
  if (pain) {
    const label = PAIN_GROUPS.flatMap((g) => g.options).find((o) => o.value === pain)?.label ?? pain;
    chips.push({ id: 'pain', label: `Latest pain: ${label}`, remove: { painSite: undefined, painBand: undefined } });
  }
  if (query.redFlag === true) chips.push({ id: 'redFlag', label: 'Open red flag', remove: { redFlag: undefined } });
  if (query.redFlag === false) chips.push({ id: 'redFlag', label: 'No open red flag', remove: { redFlag: undefined } });
  if (query.overdue === true) chips.push({ id: 'overdue', label: 'Follow-up overdue', remove: { overdue: undefined } });
  if (query.overdue === false) chips.push({ id: 'overdue', label: 'Follow-up not overdue', remove: { overdue: undefined } });
  return chips;
}

/** Filters behind "More filters" (the first row holds search, my cases, status and cause). */
export function hasMoreFilters(query: WorklistQuery): boolean {
  return (query.procedure?.length ?? 0) > 0 || Boolean(query.surgeon ?? query.referredFrom ?? query.referredTo ?? query.painBand);
}
