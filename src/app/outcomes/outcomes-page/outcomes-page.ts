import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup, type MatButtonToggleChange } from '@angular/material/button-toggle';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOptgroup, MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { OUTCOME_TABLES } from '@shared/contracts/outcomes';
import type { Clinician } from '@shared/contracts/patients';
import { CASE_STATUSES, CASE_STATUS_LABELS } from '@shared/domain/case-status';
import { causesByTiming } from '@shared/domain/causes';
import { INDEX_PROCEDURES } from '@shared/domain/procedures';
import { type TreatmentCode, treatmentsByCategory } from '@shared/domain/treatments';
import { ChartPanel } from '../chart-panel/chart-panel';
import { causeChartConfig } from '../charts/cause-chart';
import { odiChartConfig } from '../charts/odi-chart';
import { referralChartConfig } from '../charts/referral-chart';
import { SITE_LABELS, responderChartConfig } from '../charts/responder-chart';
import { trajectoryChartConfig } from '../charts/trajectory-chart';
import { type OutcomeTable, csvExportHref } from '../outcomes-api';
import { SUPPRESSED_EXPLANATION, clinicianName, filterSummary } from '../outcomes-format';
import { type OutcomesFilters, hasFilters, sameFilters, selectOutcomesFilters } from '../outcomes-query';
import { OutcomesPageActions } from '../state/outcomes-page.actions';
import { type OutcomesView, outcomesFeature } from '../state/outcomes.feature';

type ListFilter = 'procedure' | 'cause' | 'treatment' | 'status';
type DateFilter = 'referredFrom' | 'referredTo';

/**
 * `/outcomes`: the managers' dashboard of de-identified aggregates. Filters live in the URL; tiles and five
 * charts, each with a table view, a CSV export (server-side, audited) and a PNG download (recorded).
 */
@Component({
  selector: 'app-outcomes-page',
  imports: [
    DatePipe,
    ChartPanel,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatOptgroup,
    MatIcon,
    MatProgressBar,
  ],
  templateUrl: './outcomes-page.html',
  // The print rules reach the shell around the page (toolbar, navigation, scroll container): see the file.
  styleUrls: ['./outcomes-page.scss', './outcomes-print.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomesPage implements OnInit {
  private readonly store = inject(Store);

  protected readonly procedures = INDEX_PROCEDURES;
  protected readonly causeGroups = causesByTiming().filter((g) => g.causes.length > 0);
  protected readonly treatmentGroups = treatmentsByCategory().filter((g) => g.treatments.length > 0);
  protected readonly statuses = CASE_STATUSES.map((value) => ({ value, label: CASE_STATUS_LABELS[value] }));
  protected readonly siteLabels = SITE_LABELS;
  protected readonly suppressedExplanation = SUPPRESSED_EXPLANATION;

  protected readonly filters = this.store.selectSignal(selectOutcomesFilters, { equal: sameFilters });
  protected readonly loading = this.store.selectSignal(outcomesFeature.selectLoading);
  protected readonly error = this.store.selectSignal(outcomesFeature.selectError);
  protected readonly dashboard = this.store.selectSignal(outcomesFeature.selectDashboard);
  protected readonly view = this.store.selectSignal(outcomesFeature.selectView);
  protected readonly exportError = this.store.selectSignal(outcomesFeature.selectExportError);
  protected readonly printing = this.store.selectSignal(outcomesFeature.selectPrinting);
  protected readonly tiles = this.store.selectSignal(outcomesFeature.selectTiles);
  protected readonly nothingMatches = this.store.selectSignal(outcomesFeature.selectNothingMatches);
  protected readonly responders = this.store.selectSignal(outcomesFeature.selectResponderChart);
  protected readonly trajectories = this.store.selectSignal(outcomesFeature.selectTrajectoryChart);
  protected readonly causes = this.store.selectSignal(outcomesFeature.selectCauseChart);
  protected readonly referrals = this.store.selectSignal(outcomesFeature.selectReferralChart);
  protected readonly odi = this.store.selectSignal(outcomesFeature.selectOdiChart);
  protected readonly clinicians = this.store.selectSignal(outcomesFeature.selectClinicians);
  protected readonly cliniciansLoading = this.store.selectSignal(outcomesFeature.selectCliniciansLoading);
  protected readonly cliniciansError = this.store.selectSignal(outcomesFeature.selectCliniciansError);

  /** The clinician filter's choices; a chosen clinician the list does not hold (an old link) stays shown as such. */
  protected readonly clinicianChoices = computed<Clinician[]>(() => {
    const list = this.clinicians() ?? [];
    const chosen = this.filters().clinician;
    if (!chosen || this.clinicians() === null || list.some((c) => c.id === chosen)) return list;
    return [...list, { id: chosen, displayName: clinicianName(chosen, list), role: 'specialist' }];
  });

  protected readonly responderConfig = computed(() => {
    const model = this.responders();
    return model ? responderChartConfig(model) : null;
  });
  protected readonly trajectoryConfig = computed(() => {
    const model = this.trajectories();
    return model ? trajectoryChartConfig(model) : null;
  });
  protected readonly causeConfig = computed(() => {
    const model = this.causes();
    return model ? causeChartConfig(model) : null;
  });
  protected readonly referralConfig = computed(() => {
    const model = this.referrals();
    return model ? referralChartConfig(model) : null;
  });
  protected readonly odiConfig = computed(() => {
    const model = this.odi();
    return model ? odiChartConfig(model) : null;
  });

  /** Horizontal bar charts grow with their rows, so that labels stay readable. */
  protected readonly responderHeight = computed(() => Math.max(220, (this.responders()?.categories.length ?? 0) * 66 + 110));
  protected readonly causeHeight = computed(() => Math.max(240, (this.causes()?.categories.length ?? 0) * 28 + 80));
  protected readonly odiHeight = computed(() => Math.max(240, (this.odi()?.categories.length ?? 0) * 48 + 110));

  protected readonly drawnTrajectories = computed(() => this.trajectories()?.series.map((s) => s.code) ?? []);

  protected readonly filtered = computed(() => hasFilters(this.filters()));
  protected readonly summary = computed(() => filterSummary(this.filters(), this.clinicians()));
  protected readonly summaryText = computed(() => this.summary().join('; ') || 'all patients (no filters)');
  protected readonly dateRangeReversed = computed(() => {
    const { referredFrom, referredTo } = this.filters();
    return Boolean(referredFrom && referredTo && referredFrom > referredTo);
  });
  protected readonly csvHrefs = computed(
    () => Object.fromEntries(OUTCOME_TABLES.map((table) => [table, csvExportHref(table, this.filters())])) as Record<OutcomeTable, string>,
  );
  /** Printed on every downloaded image: what the figures are of. */
  protected readonly imageLines = computed(() => {
    const d = this.dashboard();
    return [
      `Filters: ${this.summary().join('; ') || 'none (all patients)'}`,
      ...(d ? [`Figures as of ${d.today}. ${SUPPRESSED_EXPLANATION}`] : []),
    ];
  });
  protected readonly responderImageLines = computed(() => {
    const model = this.responders();
    const drawn = model?.benchmarks.filter((b) => b.drawn) ?? [];
    return [
      ...this.imageLines(),
      ...(drawn.length ? [`Dashed lines: published benchmarks. ${model?.trialNote ?? ''}`, ...drawn.map((b) => b.text)] : []),
    ];
  });

  ngOnInit(): void {
    this.store.dispatch(OutcomesPageActions.opened());
  }

  protected setDate(key: DateFilter, value: string): void {
    // An incomplete date in the field reads as '' (no filter).
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
    if (date === this.filters()[key]) return;
    this.store.dispatch(OutcomesPageActions.filtersChanged({ changes: { [key]: date } }));
  }

  protected setList(key: ListFilter, change: MatSelectChange<string[]>): void {
    const values = change.value;
    const changes: Partial<OutcomesFilters> = { [key]: values.length ? values : undefined };
    this.store.dispatch(OutcomesPageActions.filtersChanged({ changes }));
  }

  protected setClinician(change: MatSelectChange<string | null>): void {
    // The "All clinicians" option has no value.
    this.store.dispatch(OutcomesPageActions.filtersChanged({ changes: { clinician: change.value ?? undefined } }));
  }

  protected retryClinicians(): void {
    this.store.dispatch(OutcomesPageActions.cliniciansRetryClicked());
  }

  protected clearFilters(): void {
    this.store.dispatch(OutcomesPageActions.filtersCleared());
  }

  protected setView(key: 'responderMonth' | 'responderSite' | 'trajectorySite' | 'odiMonth', change: MatButtonToggleChange): void {
    const changes: Partial<OutcomesView> = { [key]: change.value as unknown };
    this.store.dispatch(OutcomesPageActions.viewChanged({ changes }));
  }

  protected drawTrajectories(change: MatSelectChange<TreatmentCode[]>): void {
    const codes = change.value;
    this.store.dispatch(OutcomesPageActions.viewChanged({ changes: { trajectoryTreatments: codes.length ? codes : null } }));
  }

  protected retry(): void {
    this.store.dispatch(OutcomesPageActions.retryClicked());
  }

  protected imageDownloaded(chart: OutcomeTable): void {
    this.store.dispatch(OutcomesPageActions.chartImageDownloaded({ chart }));
  }

  protected print(): void {
    this.store.dispatch(OutcomesPageActions.printClicked());
  }

  protected dismissExportError(): void {
    this.store.dispatch(OutcomesPageActions.exportErrorDismissed());
  }
}
