import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import type { UserSummary } from '@shared/contracts/admin';
import { ROLE_LABELS } from '@shared/domain/permissions';
import type { ChangedBy } from '../state/change-failure';

export interface UserDifference {
  field: string;
  was: string;
  now: string;
}

const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** The fields an administrator sees, as they differ between two versions of a user. */
export function userDifferences(seen: UserSummary, current: UserSummary): UserDifference[] {
  const rows: UserDifference[] = [];
  if (seen.displayName !== current.displayName) rows.push({ field: 'Name', was: seen.displayName, now: current.displayName });
  if (seen.role !== current.role) rows.push({ field: 'Role', was: ROLE_LABELS[seen.role], now: ROLE_LABELS[current.role] });
  if (seen.active !== current.active) {
    rows.push({ field: 'Status', was: seen.active ? 'Active' : 'Inactive', now: current.active ? 'Active' : 'Inactive' });
  }
  if (seen.mustChangePassword !== current.mustChangePassword) {
    rows.push({ field: 'Must change password', was: yesNo(seen.mustChangePassword), now: yesNo(current.mustChangePassword) });
  }
  return rows;
}

/**
 * A 409 explained: the user was changed (by someone else, or in another tab) since the list was loaded. Shows what changed and by whom,
 * and offers to reload instead of overwriting their change.
 */
@Component({
  selector: 'app-user-conflict',
  imports: [DatePipe, MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="conflict" role="alert" aria-labelledby="user-conflict-title">
      <h3 id="user-conflict-title" class="title">
        <mat-icon aria-hidden="true">sync_problem</mat-icon>
        {{ current().username }} was changed since you opened the list
      </h3>
      @if (changedBy(); as by) {
        <p class="by">
          Changed by <strong>{{ by.username ?? 'an unknown user' }}</strong> on {{ by.recordedAt | date: 'd MMM y, HH:mm' }}.
        </p>
      }
      @if (differences().length) {
        <table class="differences">
          <caption class="visually-hidden">
            What changed
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">You saw</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            @for (row of differences(); track row.field) {
              <tr>
                <th scope="row">{{ row.field }}</th>
                <td>{{ row.was }}</td>
                <td>
                  <strong>{{ row.now }}</strong>
                </td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p>The visible details are the same; the record was changed in another way (for example its password was reset).</p>
      }
      <p>Nothing was saved. Reload to see the current record, then decide again.</p>
      <button mat-flat-button type="button" (click)="reload.emit()">Reload {{ current().username }}</button>
    </section>
  `,
  styles: `
    .conflict {
      margin: 8px 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }

    .title {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }

    p {
      margin: 0 0 8px;
    }

    .differences {
      border-collapse: collapse;
      margin: 0 0 8px;

      th,
      td {
        padding: 2px 12px 2px 0;
        text-align: left;
      }

      thead th {
        font: var(--mat-sys-label-medium);
      }

      tbody th {
        font-weight: 500;
      }
    }
  `,
})
export class UserConflict {
  /** The record as the administrator saw it. */
  readonly seen = input.required<UserSummary>();
  /** The record as it is now (the 409's `current`). */
  readonly current = input.required<UserSummary>();
  readonly changedBy = input<ChangedBy | null>(null);
  readonly reload = output();

  protected readonly differences = computed(() => userDifferences(this.seen(), this.current()));
}
