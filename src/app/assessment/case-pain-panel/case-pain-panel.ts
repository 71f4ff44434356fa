import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import { AcknowledgeRedFlagBody, type RedFlagAlert } from '@shared/contracts/assessments';
import { EnteredInErrorBody } from '@shared/contracts/common';
import { can } from '@shared/domain/permissions';
import { type RedFlagDefinition, redFlagByCode } from '@shared/domain/red-flags';
import {
  BODY_REGION_LABELS,
  type BodyRegion,
  type Dermatome,
  ONSET_LABELS,
  SIDE_LABELS,
  SYMPTOM_TYPE_LABELS,
  type SymptomType,
} from '@shared/domain/symptoms';
import { authFeature } from '../../auth/state/auth.feature';
import { zodValidator } from '../../shared/forms/zod-validator';
import { BodyDiagram } from '../../shared/ui/body-diagram/body-diagram';
import { PainChart } from '../../shared/ui/pain-chart/pain-chart';
import type { ChartRange, PainChartPoint, PainChartView } from '../../shared/ui/pain-chart/pain-chart-model';
import { AssessmentsStateRegistry } from '../assessments-state';
import { OutboxIndicator } from '../outbox/outbox-indicator';
import { assessmentsFeature } from '../state/assessments.feature';
import { CasePainPanelActions } from '../state/case-pain-panel.actions';
import { errorOf } from '../record-assessment-page/assessment-form';
import { baselineFor, latestWithSymptoms, locationsOf, toChartPoints, treatmentAnnotations } from './pain-chart-data';

interface AlertView {
  readonly alert: RedFlagAlert;
  readonly flags: readonly RedFlagDefinition[];
}

/**
 * The case page's pain panel: open red flags (specialists acknowledge them with the action taken), the
 * pain chart with its table (entries can be marked entered in error there), the latest symptom locations
 * on the body diagram, and "Record assessment". The chart (chart.js) loads when the panel scrolls into
 * view, so it never weighs on the case page's first load. Its treatments follow the treatment plan panel's
 * saves without a reload (the assessments reducer takes the plans from `PlansApiActions`).
 */
@Component({
  selector: 'app-case-pain-panel',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButton,
    MatIcon,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatProgressBar,
    BodyDiagram,
    PainChart,
    OutboxIndicator,
  ],
  templateUrl: './case-pain-panel.html',
  styleUrl: './case-pain-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasePainPanel {
  // The feature's state must exist before anything below selects from it (selections are read lazily).
  protected readonly registered = inject(AssessmentsStateRegistry).ensure();
  private readonly store = inject(Store);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly patientId = input.required<string>();
  /**
   * The open red flags changed after loading (acknowledged, closed by an entry marked in error, or raised
   * by an entry the outbox sent later): the case page refreshes its red-flag banner.
   */
  readonly redFlagsChanged = output();

  private readonly user = this.store.selectSignal(authFeature.selectUser);
  private readonly role = this.store.selectSignal(authFeature.selectRole);
  private readonly loadedFor = this.store.selectSignal(assessmentsFeature.selectPatientId);
  protected readonly loading = this.store.selectSignal(assessmentsFeature.selectLoading);
  protected readonly error = this.store.selectSignal(assessmentsFeature.selectError);
  protected readonly alertsError = this.store.selectSignal(assessmentsFeature.selectAlertsError);
  protected readonly plansError = this.store.selectSignal(assessmentsFeature.selectPlansError);
  private readonly all = this.store.selectSignal(assessmentsFeature.selectAll);
  private readonly entities = this.store.selectSignal(assessmentsFeature.selectEntities);
  private readonly plans = this.store.selectSignal(assessmentsFeature.selectPlans);
  private readonly openAlerts = this.store.selectSignal(assessmentsFeature.selectOpenAlerts);
  private readonly alertsLoaded = this.store.selectSignal(assessmentsFeature.selectAlerts);
  protected readonly enteredInError = this.store.selectSignal(assessmentsFeature.selectEnteredInError);
  protected readonly retraction = this.store.selectSignal(assessmentsFeature.selectRetraction);
  protected readonly acknowledgement = this.store.selectSignal(assessmentsFeature.selectAcknowledgement);

  /** Data shown only once it is this patient's. */
  protected readonly ready = computed(() => this.loadedFor() === this.patientId());
  protected readonly points = computed(() => (this.ready() ? toChartPoints(this.all()) : []));
  protected readonly annotations = computed(() => treatmentAnnotations(this.ready() ? (this.plans() ?? []) : []));
  protected readonly baseline = computed(() => (this.ready() ? baselineFor(this.all(), this.plans() ?? []) : null));
  protected readonly latest = computed(() => (this.ready() ? latestWithSymptoms(this.all()) : null));
  protected readonly latestZones = computed(() => locationsOf(this.latest()));
  protected readonly alerts = computed<AlertView[]>(() =>
    (this.ready() ? this.openAlerts() : []).map((alert) => ({
      alert,
      flags: alert.flags.map((code) => redFlagByCode(code)).filter((flag): flag is RedFlagDefinition => !!flag),
    })),
  );

  protected readonly canAcknowledge = computed(() => can(this.role(), 'red-flag.acknowledge'));
  protected readonly range = signal<ChartRange>('1y');
  protected readonly view = signal<PainChartView>('chart');

  protected readonly symptomLabels = SYMPTOM_TYPE_LABELS;
  protected readonly sideLabels = SIDE_LABELS;
  protected readonly onsetLabels = ONSET_LABELS;
  protected readonly errorOf = errorOf;

  /** The entry being marked entered in error, and the reason. */
  protected readonly retracting = signal<string | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: zodValidator(EnteredInErrorBody.shape.reason) });
  private readonly actionControls = new Map<string, FormControl<string>>();

  constructor() {
    if (!this.registered) return;
    effect(() => {
      const patientId = this.patientId();
      untracked(() => {
        this.store.dispatch(CasePainPanelActions.opened({ patientId }));
      });
    });
    // Tell the page when the open red flags change (not on the first load).
    let seen: { patientId: string; open: string } | null = null;
    effect(() => {
      if (!this.ready() || this.alertsLoaded() === null) return;
      const current = {
        patientId: this.patientId(),
        open: this.alerts()
          .map((view) => view.alert.id)
          .join(','),
      };
      untracked(() => {
        if (seen && seen.patientId === current.patientId && seen.open !== current.open) this.redFlagsChanged.emit();
        seen = current;
      });
    });
    // A save that went through closes its form.
    effect(() => {
      const done = this.retraction().done;
      untracked(() => {
        if (done > 0) this.retracting.set(null);
      });
    });
    // Server field errors go next to the field.
    effect(() => {
      const failure = this.retraction().failure;
      untracked(() => {
        const message = failure?.fieldErrors.find((e) => e.path === 'reason')?.message;
        if (message) this.reason.setErrors({ server: message });
      });
    });
    effect(() => {
      const { targetId, failure } = this.acknowledgement();
      untracked(() => {
        const message = failure?.fieldErrors.find((e) => e.path === 'actionTaken')?.message;
        if (targetId && message) this.actionControl(targetId).setErrors({ server: message });
      });
    });
  }

  protected regionsText(regions: readonly BodyRegion[], dermatomes: readonly Dermatome[]): string {
    const parts = [...regions.map((region) => BODY_REGION_LABELS[region]), ...dermatomes.map((dermatome) => `${dermatome} dermatome`)];
    return parts.join(', ');
  }

  protected symptomLabel(type: SymptomType): string {
    return this.symptomLabels[type];
  }

  protected retry(): void {
    this.store.dispatch(CasePainPanelActions.retryClicked({ patientId: this.patientId() }));
  }

  // ---- Entered in error ----

  protected canRetract(point: PainChartPoint): boolean {
    const role = this.role();
    if (can(role, 'assessment.retract-any')) return true;
    const assessment = this.entities()[point.id];
    return can(role, 'assessment.retract-own') && !!assessment && assessment.recordedById === this.user()?.id;
  }

  protected readonly retractTarget = computed(() => {
    const id = this.retracting();
    return id ? (this.entities()[id] ?? null) : null;
  });

  protected startRetract(point: PainChartPoint): void {
    this.reason.reset('');
    this.retracting.set(point.id);
    this.focusSoon('#retract-reason');
  }

  protected cancelRetract(): void {
    this.retracting.set(null);
  }

  protected confirmRetract(event: Event): void {
    event.preventDefault();
    const target = this.retractTarget();
    if (!target || this.retraction().pending) return;
    if (this.reason.invalid) {
      this.reason.markAsTouched();
      this.focusSoon('#retract-reason');
      return;
    }
    this.store.dispatch(
      CasePainPanelActions.enteredInErrorSubmitted({
        patientId: this.patientId(),
        assessmentId: target.id,
        body: { version: target.version, reason: this.reason.value.trim() },
      }),
    );
  }

  // ---- Red flags ----

  protected actionControl(alertId: string): FormControl<string> {
    let control = this.actionControls.get(alertId);
    if (!control) {
      control = new FormControl('', { nonNullable: true, validators: zodValidator(AcknowledgeRedFlagBody.shape.actionTaken) });
      this.actionControls.set(alertId, control);
    }
    return control;
  }

  protected acknowledge(event: Event, alert: RedFlagAlert): void {
    event.preventDefault();
    const control = this.actionControl(alert.id);
    if (this.acknowledgement().pending) return;
    if (control.invalid) {
      control.markAsTouched();
      this.focusSoon(`#action-${alert.id}`);
      return;
    }
    this.store.dispatch(
      CasePainPanelActions.acknowledgeSubmitted({
        patientId: this.patientId(),
        alertId: alert.id,
        body: { version: alert.version, actionTaken: control.value.trim() },
      }),
    );
  }

  private focusSoon(selector: string): void {
    afterNextRender(
      () => {
        this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus();
      },
      { injector: this.injector },
    );
  }
}
