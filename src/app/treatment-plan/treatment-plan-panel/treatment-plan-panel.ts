import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, type Type, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import type { TreatmentPlan } from '@shared/contracts/plans';
import { can } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK, localIsoDate } from '../../core/clock';
import type { AddItemDialogData } from '../dialogs/add-item-dialog';
import type { ItemDetailsDialogData } from '../dialogs/item-details-dialog';
import type { ItemStatusDialogData } from '../dialogs/item-status-dialog';
import type { PlanDialogData } from '../dialogs/plan-dialog';
import type { TrialResultDialogData } from '../dialogs/trial-result-dialog';
import { PlanItemCard, type PlanItemRequest } from '../plan-item-card/plan-item-card';
import { SCS_IMPLANT_CODES, goalTarget, groupItems } from '../plan-view';
import { TreatmentPlanStateRegistry } from '../treatment-plan-state';
import { TreatmentPlanPanelActions } from '../state/treatment-plan-panel.actions';
import { treatmentPlanFeature } from '../state/treatment-plan.feature';

const PLAN_STATUS_LABELS: Readonly<Record<TreatmentPlan['status'], string>> = {
  active: 'Active',
  completed: 'Completed',
  revoked: 'Revoked',
};
const DIALOG_WIDTH = '40rem';

/** The dialogs load on first use: the case page does not carry their forms until someone edits a plan. */
const DIALOGS = {
  plan: () => import('../dialogs/plan-dialog').then((m) => m.PlanDialog),
  addItem: () => import('../dialogs/add-item-dialog').then((m) => m.AddItemDialog),
  status: () => import('../dialogs/item-status-dialog').then((m) => m.ItemStatusDialog),
  trial: () => import('../dialogs/trial-result-dialog').then((m) => m.TrialResultDialog),
  details: () => import('../dialogs/item-details-dialog').then((m) => m.ItemDetailsDialog),
} satisfies Record<string, () => Promise<Type<unknown>>>;

/**
 * The case page's treatment plan: the active plan's goals and treatments (grouped by status, with the actions the
 * shared transitions allow), follow-up schedules, outcomes per started treatment and each item's history; earlier
 * plans as history. Specialists change plans ('plan.write'); nurses see them. The panel reads the store and
 * dispatches; its item cards present; its dialogs save through the store.
 */
@Component({
  selector: 'app-treatment-plan-panel',
  imports: [DatePipe, MatButton, MatIcon, MatProgressBar, PlanItemCard],
  templateUrl: './treatment-plan-panel.html',
  styleUrl: './treatment-plan-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TreatmentPlanPanel {
  // The feature's state must exist before anything below selects from it.
  private readonly registered = inject(TreatmentPlanStateRegistry).ensure();
  private readonly store = inject(Store);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The case's patient id. */
  readonly patientId = input.required<string>();

  protected readonly today = localIsoDate(inject(CLOCK).now());
  private readonly loadedFor = this.store.selectSignal(treatmentPlanFeature.selectPatientId);
  protected readonly loading = this.store.selectSignal(treatmentPlanFeature.selectLoading);
  private readonly loaded = this.store.selectSignal(treatmentPlanFeature.selectLoaded);
  protected readonly error = this.store.selectSignal(treatmentPlanFeature.selectError);
  private readonly activePlan = this.store.selectSignal(treatmentPlanFeature.selectActivePlan);
  private readonly earlierPlans = this.store.selectSignal(treatmentPlanFeature.selectEarlierPlans);
  protected readonly outcomesByItem = this.store.selectSignal(treatmentPlanFeature.selectOutcomesByItem);
  protected readonly outcomesLoading = this.store.selectSignal(treatmentPlanFeature.selectOutcomesLoading);
  protected readonly outcomesError = this.store.selectSignal(treatmentPlanFeature.selectOutcomesError);
  protected readonly clinicians = this.store.selectSignal(treatmentPlanFeature.selectClinicians);
  private readonly role = this.store.selectSignal(authFeature.selectRole);

  protected readonly canWrite = computed(() => can(this.role(), 'plan.write'));
  /** Data shown only once it is this patient's. */
  protected readonly ready = computed(() => this.loadedFor() === this.patientId() && this.loaded());
  protected readonly active = computed(() => (this.ready() ? this.activePlan() : null));
  protected readonly earlier = computed(() => (this.ready() ? this.earlierPlans() : []));
  protected readonly groups = computed(() => groupItems(this.active()?.items ?? []));
  protected readonly planStatusLabels = PLAN_STATUS_LABELS;
  protected readonly goalTarget = goalTarget;

  constructor() {
    effect(() => {
      const patientId = this.patientId();
      untracked(() => {
        this.store.dispatch(TreatmentPlanPanelActions.opened({ patientId }));
      });
    });
  }

  protected retry(): void {
    this.store.dispatch(TreatmentPlanPanelActions.retryClicked({ patientId: this.patientId() }));
  }

  protected groupsOf(plan: TreatmentPlan): ReturnType<typeof groupItems> {
    return groupItems(plan.items);
  }

  protected newPlan(): void {
    const plan = this.active();
    this.open(DIALOGS.plan, { mode: plan ? 'replace' : 'new', patientId: this.patientId(), plan } satisfies PlanDialogData);
  }

  protected editGoals(plan: TreatmentPlan): void {
    this.open(DIALOGS.plan, { mode: 'edit', patientId: this.patientId(), plan } satisfies PlanDialogData);
  }

  protected completePlan(plan: TreatmentPlan): void {
    this.open(DIALOGS.plan, { mode: 'complete', patientId: this.patientId(), plan } satisfies PlanDialogData);
  }

  protected addItem(plan: TreatmentPlan): void {
    this.open(DIALOGS.addItem, {
      patientId: this.patientId(),
      planId: plan.id,
      only: null,
      title: 'Add a treatment',
      addressesCauses: [],
    } satisfies AddItemDialogData);
  }

  protected onItemRequest(plan: TreatmentPlan, { command, item }: PlanItemRequest): void {
    const patientId = this.patientId();
    switch (command) {
      case 'start':
      case 'complete':
      case 'stop':
      case 'cancel':
        this.open(DIALOGS.status, { patientId, item, action: command } satisfies ItemStatusDialogData, `item-${item.id}`);
        break;
      case 'trial':
        this.open(DIALOGS.trial, { patientId, item } satisfies TrialResultDialogData, `item-${item.id}`);
        break;
      case 'implant':
        this.open(
          DIALOGS.addItem,
          {
            patientId,
            planId: plan.id,
            only: SCS_IMPLANT_CODES,
            title: 'Plan the permanent implant',
            addressesCauses: item.addressesCauses,
          } satisfies AddItemDialogData,
          `item-${item.id}`,
        );
        break;
      case 'edit':
        this.open(DIALOGS.details, { patientId, item } satisfies ItemDetailsDialogData, `item-${item.id}`);
        break;
    }
  }

  /** Is a dialog on its way (its code loading)? A second click meanwhile opens nothing more. */
  private opening = false;

  /**
   * Opens a dialog once its code has loaded. Focus goes back to the button that opened it; when that button is gone
   * (after "Start", the item offers "Complete" instead), to `fallbackFocus` (an element id: the item's or the panel's
   * heading), so keyboard users stay where they were.
   */
  private open(load: () => Promise<Type<unknown>>, data: unknown, fallbackFocus = 'plan-panel-title'): void {
    if (this.opening) return;
    this.opening = true;
    const trigger = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    void load()
      .then((component) => {
        const ref = this.dialog.open(component, {
          data,
          width: DIALOG_WIDTH,
          maxWidth: '95vw',
          autoFocus: 'first-tabbable',
          restoreFocus: trigger ?? true,
        });
        ref.afterClosed().subscribe(() => {
          setTimeout(() => {
            const active = document.activeElement;
            if (active && active !== document.body && active.isConnected) return;
            this.host.nativeElement.querySelector<HTMLElement>(`#${fallbackFocus}`)?.focus();
          });
        });
      })
      .finally(() => {
        this.opening = false;
      });
  }
}
