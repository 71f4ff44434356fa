import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import type { Clinician } from '@shared/contracts/patients';
import type { PlanItem, PlanItemOutcome, TreatmentPlan } from '@shared/contracts/plans';
import {
  PLAN_ITEM_STATUS_LABELS,
  SCS_TRIAL_SUCCESS_RELIEF_PCT,
  TREATMENT_CATEGORY_LABELS,
  treatmentByCode,
} from '@shared/domain/treatments';
import { OutcomeTable } from '../outcome-table/outcome-table';
import {
  ITEM_ACTION_LABELS,
  type ItemAction,
  canRecordTrialResult,
  causeName,
  followUpChips,
  historyEntries,
  isScsTrial,
  itemActions,
  offersImplant,
  scheduleText,
  treatmentName,
} from '../plan-view';

/** What a user asked to do with an item; the panel opens the matching dialog. */
export type PlanItemCommand = ItemAction | 'trial' | 'implant' | 'edit';

export interface PlanItemRequest {
  readonly command: PlanItemCommand;
  readonly item: PlanItem;
}

/**
 * One treatment of a plan: status, dates, responsible clinician, the causes it addresses, notes; the SCS trial's
 * result; status actions where the shared transitions allow them; the follow-up schedule, the outcome table and
 * the item's history (who changed what). Presentational: it emits requests, the panel acts on them.
 */
@Component({
  selector: 'app-plan-item-card',
  imports: [DatePipe, MatButton, MatIcon, OutcomeTable],
  templateUrl: './plan-item-card.html',
  styleUrl: './plan-item-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanItemCard {
  readonly item = input.required<PlanItem>();
  readonly plan = input.required<TreatmentPlan>();
  readonly outcome = input<PlanItemOutcome | null>(null);
  /** Today in the clinic (YYYY-MM-DD), for the follow-ups' state. */
  readonly today = input.required<string>();
  readonly canWrite = input(false);
  readonly clinicians = input<readonly Clinician[]>([]);
  readonly request = output<PlanItemRequest>();

  protected readonly statusLabels = PLAN_ITEM_STATUS_LABELS;
  protected readonly actionLabels = ITEM_ACTION_LABELS;
  protected readonly threshold = SCS_TRIAL_SUCCESS_RELIEF_PCT;

  protected readonly name = computed(() => treatmentName(this.item().treatmentCode));
  protected readonly kindText = computed(() => {
    const t = treatmentByCode(this.item().treatmentCode);
    return t ? `${TREATMENT_CATEGORY_LABELS[t.category]} · ${t.kind === 'procedure' ? 'procedure' : 'course'}` : '';
  });
  protected readonly isTrial = computed(() => isScsTrial(this.item().treatmentCode));
  /** Actions only for an item of the active plan, and only those the shared transitions allow. */
  private readonly editable = computed(() => this.canWrite() && this.plan().status === 'active');
  protected readonly actions = computed(() => (this.editable() ? itemActions(this.item().status) : []));
  protected readonly canEdit = computed(() => this.editable() && this.item().status !== 'cancelled');
  protected readonly canRecordTrial = computed(() => this.editable() && canRecordTrialResult(this.item()));
  protected readonly offersImplant = computed(() => this.editable() && offersImplant(this.item(), this.plan()));
  protected readonly causes = computed(() => this.item().addressesCauses.map(causeName));
  protected readonly followUps = computed(() => followUpChips(this.item(), this.today()));
  protected readonly schedule = computed(() => scheduleText(treatmentByCode(this.item().treatmentCode)?.followUpMonths ?? []));
  protected readonly history = computed(() => historyEntries(this.item(), this.clinicians()));

  protected ask(command: PlanItemCommand): void {
    this.request.emit({ command, item: this.item() });
  }
}
