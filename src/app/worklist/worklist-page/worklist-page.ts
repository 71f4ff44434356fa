import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, linkedSignal } from '@angular/core';
import { MatButton, MatIconAnchor, MatIconButton } from '@angular/material/button';
import { MatCheckbox, type MatCheckboxChange } from '@angular/material/checkbox';
import { MatChip, MatChipRemove, MatChipSet } from '@angular/material/chips';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOptgroup, MatOption, MatSelect, type MatSelectChange } from '@angular/material/select';
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
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { can } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK, localIsoDate } from '../../core/clock';
import { CauseChip } from '../../shared/ui/cause-chip/cause-chip';
import { WorklistPageActions } from '../state/worklist-page.actions';
import { worklistFeature } from '../state/worklist.feature';
import {
  CAUSE_GROUPS,
  PAIN_GROUPS,
  PROCEDURE_OPTIONS,
  STATUS_OPTIONS,
  activeFilters,
  hasMoreFilters,
  painChoice,
  painFromChoice,
} from '../worklist-filters';
import { PAGE_SIZE_OPTIONS, type WorklistQuery, hasFilters, parseSort, sameQuery, selectWorklistQuery } from '../worklist-query';
import { type WorklistRow, toWorklistRow } from '../worklist-row';
import { provideIsoDates } from '../../case/iso-date-adapter';

/** Column ids; the sortable ones are also the API's sort keys. */
export const WORKLIST_COLUMNS = [
  'name',
  'priority',
  'status',
  'surgeryDate',
  'causes',
  'backNrs',
  'legNrs',
  'redFlag',
  'referredOn',
  'nextFollowUp',
] as const;

type ListFilter = 'status' | 'cause' | 'procedure';
type FlagFilter = 'mine' | 'redFlag' | 'overdue';

/** `/worklist`: the clinic's patients, paged, sorted and filtered on the server; the query lives in the URL. */
@Component({
  selector: 'app-worklist-page',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    RouterLink,
    CauseChip,
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
    MatOptgroup,
    MatCheckbox,
    MatChipSet,
    MatChip,
    MatChipRemove,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatButton,
    MatIconAnchor,
    MatTooltip,
    MatIconButton,
    MatIcon,
  ],
  templateUrl: './worklist-page.html',
  styleUrl: './worklist-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Datepickers with 'YYYY-MM-DD' values shown as DD/MM/YYYY (scoped here, not to the route: other panels keep theirs).
  providers: [provideIsoDates()],
})
export class WorklistPage implements OnInit {
  private readonly store = inject(Store);
  private readonly today = localIsoDate(inject(CLOCK).now());

  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly statuses = STATUS_OPTIONS;
  protected readonly causeGroups = CAUSE_GROUPS;
  protected readonly procedures = PROCEDURE_OPTIONS;
  protected readonly painGroups = PAIN_GROUPS;

  protected readonly query = this.store.selectSignal(selectWorklistQuery, { equal: sameQuery });
  protected readonly loading = this.store.selectSignal(worklistFeature.selectLoading);
  protected readonly error = this.store.selectSignal(worklistFeature.selectError);
  protected readonly total = this.store.selectSignal(worklistFeature.selectTotal);
  /** Shown on the 'Follow-up overdue' filter once known. */
  protected readonly overdueCount = this.store.selectSignal(worklistFeature.selectOverdueCount);
  /** The word a screen reader hears after the number ("Follow-up overdue (37 patients)"); the label shows "(37)". */
  protected readonly overdueNoun = computed(() => (this.overdueCount() === 1 ? 'patient' : 'patients'));
  private readonly patients = this.store.selectSignal(worklistFeature.selectAll);
  private readonly role = this.store.selectSignal(authFeature.selectRole);

  /** "Record assessment" only for roles that may record one. */
  protected readonly columns = computed(() =>
    can(this.role(), 'assessment.create') ? [...WORKLIST_COLUMNS, 'actions'] : [...WORKLIST_COLUMNS],
  );
  protected readonly rows = computed(() => this.patients().map((patient) => toWorklistRow(patient, this.today)));
  protected readonly sort = computed(() => parseSort(this.query().sort));
  protected readonly filtered = computed(() => hasFilters(this.query()));
  protected readonly chips = computed(() => activeFilters(this.query()));
  protected readonly pain = computed(() => painChoice(this.query()));
  /** What the search field shows: the URL's search, until the user types. */
  protected readonly searchText = linkedSignal(() => this.query().q ?? '');
  protected readonly surgeonText = linkedSignal(() => this.query().surgeon ?? '');
  /** Opens by itself when the URL sets one of its filters; closes only when the user says so. */
  protected readonly moreFiltersOpen = linkedSignal<boolean, boolean>({
    source: () => hasMoreFilters(this.query()),
    computation: (has, previous) => has || (previous?.value ?? false),
  });
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
    this.change({ q: undefined });
  }

  protected surgeon(text: string): void {
    this.surgeonText.set(text);
    this.store.dispatch(WorklistPageActions.surgeonChanged({ surgeon: text }));
  }

  protected changeSort(sort: Sort): void {
    const field = sort.active;
    const value = sort.direction === 'desc' ? `-${field}` : field;
    this.change({ sort: value });
  }

  protected changePage(event: PageEvent): void {
    this.store.dispatch(WorklistPageActions.queryChanged({ changes: { page: event.pageIndex + 1, pageSize: event.pageSize } }));
  }

  protected filterList(key: ListFilter, change: MatSelectChange<string[]>): void {
    const values = change.value;
    this.change({ [key]: values.length ? values : undefined });
  }

  protected filterFlag(key: FlagFilter, change: MatCheckboxChange): void {
    this.change({ [key]: change.checked || undefined });
  }

  protected filterDate(key: 'referredFrom' | 'referredTo', value: string | null): void {
    // A date that cannot be read (or an emptied field) clears the filter.
    this.change({ [key]: value ?? undefined });
  }

  protected filterPain(change: MatSelectChange<string | null>): void {
    this.change(painFromChoice(change.value));
  }

  protected removeFilter(remove: Partial<WorklistQuery>): void {
    if ('q' in remove) this.searchText.set('');
    if ('surgeon' in remove) this.surgeonText.set('');
    this.change(remove);
  }

  protected clearFilters(): void {
    this.searchText.set('');
    this.surgeonText.set('');
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

  /** Any filter or sort change goes back to page 1. */
  private change(changes: Partial<WorklistQuery>): void {
    this.store.dispatch(WorklistPageActions.queryChanged({ changes: { ...changes, page: 1 } }));
  }
}
