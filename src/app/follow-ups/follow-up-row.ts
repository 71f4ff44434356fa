import type { FollowUpDueItem } from '@shared/contracts/plans';
import { FOLLOW_UP_STATE_LABELS, type FollowUpState, daysBetween } from '@shared/domain/follow-up';
import { treatmentByCode } from '@shared/domain/treatments';

/** One follow-up as the table shows it. */
export interface FollowUpRow {
  readonly id: string;
  readonly patientId: string;
  /** "Okafor, Ada". */
  readonly name: string;
  readonly mrn: string;
  readonly treatment: string;
  /** "3 months". */
  readonly month: string;
  readonly dueOn: string;
  /** "today", "in 3 days", "12 days ago". */
  readonly relative: string;
  readonly state: FollowUpState;
  readonly stateLabel: string;
}

function relativeDay(dueOn: string, today: string): string {
  const days = daysBetween(today, dueOn);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${String(days)} days` : `${String(-days)} days ago`;
}

export function toFollowUpRow(item: FollowUpDueItem, today: string): FollowUpRow {
  return {
    id: item.id,
    patientId: item.patientId,
    name: `${item.familyName}, ${item.givenName}`,
    mrn: item.mrn,
    treatment: treatmentByCode(item.treatmentCode)?.name ?? item.treatmentCode,
    month: item.monthOffset === 1 ? '1 month' : `${String(item.monthOffset)} months`,
    dueOn: item.dueOn,
    relative: relativeDay(item.dueOn, today),
    state: item.state,
    stateLabel: FOLLOW_UP_STATE_LABELS[item.state],
  };
}
