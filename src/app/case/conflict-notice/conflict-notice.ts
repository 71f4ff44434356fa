import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import type { Conflict } from '../operation';

/**
 * A 409: someone else saved first. Says who and when, lists what they changed, and offers to reload;
 * nothing of the user's was saved (never silently overwritten).
 */
@Component({
  selector: 'app-conflict-notice',
  imports: [DatePipe, MatButton, MatIcon],
  template: `
    <div class="notice" role="alert">
      <mat-icon aria-hidden="true">sync_problem</mat-icon>
      <div class="body">
        <p class="title">Not saved: {{ what() }} was changed by someone else</p>
        <p>
          @if (conflict().changedBy) {
            {{ conflict().changedBy }} changed it
          } @else {
            It was changed
          }
          @if (conflict().changedAt; as at) {
            at {{ at | date: 'HH:mm' }} on {{ at | date: 'd MMM y' }}
          }
          while you were working on it.
        </p>
        @if (conflict().changes.length) {
          <table class="changes">
            <caption class="visually-hidden">
              What changed
            </caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">When you started</th>
                <th scope="col">Saved now</th>
              </tr>
            </thead>
            <tbody>
              @for (change of conflict().changes; track change.label) {
                <tr>
                  <th scope="row">{{ change.label }}</th>
                  <td>{{ change.before }}</td>
                  <td>{{ change.after }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
        <p>Reload to see the record as it is now, then make your change again if it is still needed.</p>
        <button mat-flat-button type="button" (click)="reload.emit()">
          <mat-icon aria-hidden="true">refresh</mat-icon>
          Reload
        </button>
      </div>
    </div>
  `,
  styles: `
    .notice {
      display: flex;
      gap: 12px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .body {
      min-width: 0;
    }
    p {
      margin: 0 0 8px;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .changes {
      margin: 0 0 12px;
      border-collapse: collapse;
      font: var(--mat-sys-body-small);
    }
    .changes th,
    .changes td {
      padding: 4px 12px 4px 0;
      text-align: left;
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    thead th {
      font-weight: 500;
    }
    tbody th {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictNotice {
  readonly conflict = input.required<Conflict>();
  /** What was being saved, e.g. "this record", "this cause". */
  readonly what = input('this record');
  readonly reload = output();
}
