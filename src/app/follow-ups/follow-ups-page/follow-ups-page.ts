import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup, type MatButtonToggleChange } from '@angular/material/button-toggle';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSlideToggle, type MatSlideToggleChange } from '@angular/material/slide-toggle';
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
import { Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { FOLLOW_UP_WINDOW_DAYS } from '@shared/domain/follow-up';
import { can } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { CLOCK, localIsoDate } from '../../core/clock';
import { type FollowUpRow, toFollowUpRow } from '../follow-up-row';
import {
  FOLLOW_UPS_PATH,
  type FollowUpsDue,
  PAGE_SIZE_OPTIONS,
  type FollowUpsQuery,
  sameQuery,
  selectFollowUpsQuery,
  toQueryParams,
} from '../follow-ups-query';
import { FollowUpsPageActions } from '../state/follow-ups-page.actions';
import { followUpsFeature } from '../state/follow-ups.feature';

export const FOLLOW_UP_COLUMNS = ['patient', 'treatment', 'followUp', 'dueOn', 'state', 'actions'] as const;

const EMPTY: Readonly<Record<FollowUpsDue, { title: string; text: string }>> = {
  week: { title: 'No follow-ups due this week', text: 'Nothing is due in the next 7 days or inside its window now.' },
  overdue: { title: 'No overdue follow-ups', text: 'Every follow-up whose window has closed has an assessment.' },
  all: { title: 'No outstanding follow-ups', text: 'Follow-ups are scheduled when a treatment starts.' },
};

/**
 * `/follow-ups`: follow-up assessments due this week, overdue, or all outstanding, for nurses and specialists;
 * one click into recording the assessment. Tabs, "my patients" and the page live in the URL.
 */
@Component({
  selector: 'app-follow-ups-page',
  imports: [
    DatePipe,
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
    MatPaginator,
    MatProgressBar,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatSlideToggle,
    MatButton,
    MatAnchor,
    MatIcon,
  ],
  templateUrl: './follow-ups-page.html',
  styleUrl: './follow-ups-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpsPage implements OnInit {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly today = localIsoDate(inject(CLOCK).now());

  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly windowDays = FOLLOW_UP_WINDOW_DAYS;
  protected readonly query = this.store.selectSignal(selectFollowUpsQuery, { equal: sameQuery });
  protected readonly loading = this.store.selectSignal(followUpsFeature.selectLoading);
  protected readonly error = this.store.selectSignal(followUpsFeature.selectError);
  protected readonly total = this.store.selectSignal(followUpsFeature.selectTotal);
  protected readonly overdueTotal = this.store.selectSignal(followUpsFeature.selectOverdueTotal);
  protected readonly dueThisWeekTotal = this.store.selectSignal(followUpsFeature.selectDueThisWeekTotal);
  private readonly items = this.store.selectSignal(followUpsFeature.selectAll);
  private readonly role = this.store.selectSignal(authFeature.selectRole);

  protected readonly columns = computed(() =>
    can(this.role(), 'assessment.create') ? [...FOLLOW_UP_COLUMNS] : FOLLOW_UP_COLUMNS.filter((c) => c !== 'actions'),
  );
  protected readonly rows = computed(() => this.items().map((item) => toFollowUpRow(item, this.today)));
  protected readonly empty = computed(() => !this.loading() && !this.error() && this.total() === 0);
  protected readonly emptyText = computed(() => EMPTY[this.query().due]);
  protected readonly pastTheEnd = computed(() => !this.loading() && !this.error() && (this.total() ?? 0) > 0 && this.rows().length === 0);
  /** Where "Record assessment" comes back to: this list as it is now. */
  protected readonly returnUrl = computed(() =>
    this.router.serializeUrl(this.router.createUrlTree([FOLLOW_UPS_PATH], { queryParams: toQueryParams(this.query()) })),
  );

  ngOnInit(): void {
    this.store.dispatch(FollowUpsPageActions.opened());
  }

  protected changeDue(change: MatButtonToggleChange): void {
    this.change({ due: change.value as FollowUpsDue });
  }

  protected changeMine(change: MatSlideToggleChange): void {
    this.change({ mine: change.checked });
  }

  protected changePage(event: PageEvent): void {
    this.store.dispatch(FollowUpsPageActions.queryChanged({ changes: { page: event.pageIndex + 1, pageSize: event.pageSize } }));
  }

  protected firstPage(): void {
    this.store.dispatch(FollowUpsPageActions.queryChanged({ changes: { page: 1 } }));
  }

  protected retry(): void {
    this.store.dispatch(FollowUpsPageActions.retryClicked());
  }

  protected trackRow(_index: number, row: FollowUpRow): string {
    return row.id;
  }

  /** A tab or switch change goes back to page 1. */
  private change(changes: Partial<FollowUpsQuery>): void {
    this.store.dispatch(FollowUpsPageActions.queryChanged({ changes: { ...changes, page: 1 } }));
  }
}
