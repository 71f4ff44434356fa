import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, type OnInit, computed, effect, inject } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
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
import { Store } from '@ngrx/store';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, AuditEventQuery } from '@shared/contracts/admin';
import { focusFirstInvalid } from '../../shared/forms/focus-first-invalid';
import { zodValidator } from '../../shared/forms/zod-validator';
import { fromIsoDate, provideEnGbDates, toIsoDate } from '../en-gb-date-adapter';
import { fieldErrorMessage } from '../server-field-errors';
import { AUDIT_PAGE_SIZE_OPTIONS, type AuditFilters, exportUrl, hasAuditFilters, sameAuditQuery, selectAuditQuery } from '../audit-query';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS, type AuditAction, type AuditOutcome, type AuditRow, toAuditRow } from '../audit-row';
import { AuditPageActions } from '../state/audit-page.actions';
import { auditFeature } from '../state/audit.feature';

export const AUDIT_COLUMNS = [
  'recordedAt',
  'username',
  'role',
  'action',
  'subtype',
  'outcome',
  'entity',
  'patientId',
  'clientAddress',
  'details',
] as const;

/** An empty field means "any"; otherwise the contract's rule. */
function optional(rule: (control: AbstractControl) => ValidationErrors | null) {
  return (control: AbstractControl<string>): ValidationErrors | null => (control.value.trim() === '' ? null : rule(control));
}

function patientIdValidator(control: AbstractControl<string>): ValidationErrors | null {
  return AuditEventQuery.shape.patientId.safeParse(control.value.trim()).success ? null : { zod: 'Enter a whole patient id (a UUID)' };
}

/** A typed date the datepicker could not read. */
export function dateErrorMessage(control: AbstractControl): string | null {
  return control.hasError('matDatepickerParse') ? 'Use dd/mm/yyyy' : null;
}

/** `/admin/audit`: the audit trail, filtered and paged on the server, exportable as CSV. */
@Component({
  selector: 'app-audit-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
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
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSuffix,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatSelect,
    MatOption,
    MatButton,
    MatAnchor,
    MatIcon,
  ],
  // Dates read and shown as dd/mm/yyyy, whatever the browser's language.
  providers: [provideEnGbDates()],
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  private readonly store = inject(Store);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly columns = AUDIT_COLUMNS;
  protected readonly pageSizeOptions = AUDIT_PAGE_SIZE_OPTIONS;
  protected readonly actions = AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] }));
  protected readonly outcomes = AUDIT_OUTCOMES.map((value) => ({ value, label: AUDIT_OUTCOME_LABELS[value] }));
  protected readonly message = fieldErrorMessage;
  protected readonly dateMessage = dateErrorMessage;

  protected readonly query = this.store.selectSignal(selectAuditQuery, { equal: sameAuditQuery });
  protected readonly loading = this.store.selectSignal(auditFeature.selectLoading);
  protected readonly error = this.store.selectSignal(auditFeature.selectError);
  protected readonly total = this.store.selectSignal(auditFeature.selectTotal);
  private readonly events = this.store.selectSignal(auditFeature.selectAll);

  protected readonly rows = computed(() => this.events().map(toAuditRow));
  protected readonly filtered = computed(() => hasAuditFilters(this.query()));
  protected readonly exportHref = computed(() => exportUrl(this.query()));
  protected readonly empty = computed(() => !this.loading() && !this.error() && this.total() === 0);
  protected readonly pastTheEnd = computed(() => !this.loading() && !this.error() && (this.total() ?? 0) > 0 && this.rows().length === 0);

  protected readonly form = this.fb.group({
    username: ['', zodValidator(AuditEventQuery.shape.username)],
    patientId: ['', optional(patientIdValidator)],
    action: this.fb.control<AuditAction | null>(null),
    outcome: this.fb.control<AuditOutcome | null>(null),
    from: this.fb.control<Date | null>(null),
    to: this.fb.control<Date | null>(null),
  });

  constructor() {
    // The form shows the filters in the URL (on opening, and after back/forward or Clear).
    effect(() => {
      const query = this.query();
      this.form.reset({
        username: query.username ?? '',
        patientId: query.patientId ?? '',
        action: query.action ?? null,
        outcome: query.outcome ?? null,
        from: query.from ? fromIsoDate(query.from) : null,
        to: query.to ? fromIsoDate(query.to) : null,
      });
    });
  }

  ngOnInit(): void {
    this.store.dispatch(AuditPageActions.opened());
  }

  protected apply(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const filters: AuditFilters = {
      // A user id comes only from a link; it stays until the filters are cleared.
      userId: this.query().userId,
      username: value.username.trim() || undefined,
      patientId: value.patientId.trim().toLowerCase() || undefined,
      action: value.action ?? undefined,
      outcome: value.outcome ?? undefined,
      from: value.from ? toIsoDate(value.from) : undefined,
      to: value.to ? toIsoDate(value.to) : undefined,
    };
    this.store.dispatch(AuditPageActions.filtersApplied({ filters }));
  }

  protected clear(): void {
    this.store.dispatch(AuditPageActions.filtersCleared());
  }

  protected refresh(): void {
    this.store.dispatch(AuditPageActions.refreshClicked());
  }

  protected retry(): void {
    this.store.dispatch(AuditPageActions.retryClicked());
  }

  protected changePage(event: PageEvent): void {
    this.store.dispatch(AuditPageActions.pageChanged({ page: event.pageIndex + 1, pageSize: event.pageSize }));
  }

  protected firstPage(): void {
    this.store.dispatch(AuditPageActions.pageChanged({ page: 1, pageSize: this.query().pageSize }));
  }

  protected trackRow(_index: number, row: AuditRow): string {
    return row.id;
  }
}
