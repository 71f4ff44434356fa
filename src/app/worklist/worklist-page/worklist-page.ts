import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, linkedSignal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox, type MatCheckboxChange } from '@angular/material/checkbox';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { CASE_STATUSES, CASE_STATUS_LABELS, type CaseStatus } from '@shared/domain/case-status';
import { CLOCK, localIsoDate } from '../../core/clock';
import { WorklistPageActions } from '../state/worklist-page.actions';
import { worklistFeature } from '../state/worklist.feature';
import { PAGE_SIZE_OPTIONS, hasFilters, parseSort, sameQuery, selectWorklistQuery } from '../worklist-query';
import { type WorklistRow, toWorklistRow } from '../worklist-row';

/** Column ids; the sortable ones are also the API's sort keys. */
export const WORKLIST_COLUMNS = [
  'name',
  'status',
  'priority',
  'referredOn',
  'surgeryDate',
  'causes',
  'backNrs',
  'legNrs',
  'redFlag',
  'nextFollowUp',
] as const;

/** `/worklist`: the clinic's patients, paged, sorted and filtered on the server. */
@Component({
  selector: 'app-worklist-page',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    RouterLink,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    MatSort,
    MatSortHeader,
    MatPaginator,
    MatProgressBar,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    MatIconButton,
    MatIcon,
  ],
  templateUrl: './worklist-page.html',
  styleUrl: './worklist-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorklistPage implements OnInit {
  private readonly store = inject(Store);
  private readonly today = localIsoDate(inject(CLOCK).now());

  protected readonly columns = WORKLIST_COLUMNS;
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly statuses = CASE_STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }));

  protected readonly query = this.store.selectSignal(selectWorklistQuery, { equal: sameQuery });
  protected readonly loading = this.store.selectSignal(worklistFeature.selectLoading);
  protected readonly error = this.store.selectSignal(worklistFeature.selectError);
  protected readonly total = this.store.selectSignal(worklistFeature.selectTotal);
  private readonly patients = this.store.selectSignal(worklistFeature.selectAll);

  protected readonly rows = computed(() => this.patients().map((patient) => toWorklistRow(patient, this.today)));
  protected readonly sort = computed(() => parseSort(this.query().sort));
  protected readonly filtered = computed(() => hasFilters(this.query()));
  /** What the search field shows: the URL's search, until the user types. */
  protected readonly searchText = linkedSignal(() => this.query().q ?? '');
  /** Loaded, and nothing to show. */
  protected readonly empty = computed(() => !this.loading() && !this.error() && this.total() === 0);
  /** Patients match, but the page in the URL is past the last one. */
  protected readonly pastTheEnd = computed(() => !this.loading() && !this.error() && (this.total() ?? 0) > 0 && this.rows().length === 0);

  ngOnInit(): void {
    this.store.dispatch(WorklistPageActions.opened());
  }

  protected search(text: string): void {
    this.searchText.set(text);
    this.store.dispatch(WorklistPageActions.searchChanged({ q: text }));
  }

  protected clearSearch(): void {
    this.searchText.set('');
    this.store.dispatch(WorklistPageActions.queryChanged({ changes: { q: undefined, page: 1 } }));
  }

  protected changeSort(sort: Sort): void {
    const field = sort.active;
    const value = sort.direction === 'desc' ? `-${field}` : field;
    this.store.dispatch(WorklistPageActions.queryChanged({ changes: { sort: value, page: 1 } }));
  }

  protected changePage(event: PageEvent): void {
    this.store.dispatch(WorklistPageActions.queryChanged({ changes: { page: event.pageIndex + 1, pageSize: event.pageSize } }));
  }

  protected filterStatus(change: MatSelectChange<CaseStatus[]>): void {
    const status = change.value;
    this.store.dispatch(WorklistPageActions.queryChanged({ changes: { status: status.length ? status : undefined, page: 1 } }));
  }

  protected filterRedFlag(change: MatCheckboxChange): void {
    this.store.dispatch(WorklistPageActions.queryChanged({ changes: { redFlag: change.checked || undefined, page: 1 } }));
  }

  protected filterOverdue(change: MatCheckboxChange): void {
    this.store.dispatch(WorklistPageActions.queryChanged({ changes: { overdue: change.checked || undefined, page: 1 } }));
  }

  protected clearFilters(): void {
    this.searchText.set('');
    this.store.dispatch(WorklistPageActions.filtersCleared());
  }

  protected firstPage(): void {
    this.store.dispatch(WorklistPageActions.queryChanged({ changes: { page: 1 } }));
  }

  protected retry(): void {
    this.store.dispatch(WorklistPageActions.retryClicked());
  }

  protected trackRow(_index: number, row: WorklistRow): string {
    return row.id;
  }
}
