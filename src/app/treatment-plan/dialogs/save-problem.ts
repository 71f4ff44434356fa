import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import type { FieldError } from '@shared/contracts/problem';
import type { SaveRequest } from '../plan-save';

/**
 * Why a save was refused, inside the dialog that asked: a 409 says who changed the record and what, and offers to
 * reload (nothing of the user's was saved, nothing is overwritten); a 422 gives the rule's message; other failures
 * their message. Field errors that match no field are listed here too.
 */
@Component({
  selector: 'app-save-problem',
  imports: [DatePipe, MatButton, MatIcon],
  template: `
    @if (request(); as request) {
      @if (request.conflict; as conflict) {
        <div class="problem" role="alert">
          <mat-icon aria-hidden="true">sync_problem</mat-icon>
          <div class="body">
            <p class="title">Not saved: {{ what() }} was changed by someone else</p>
            <p>
              @if (conflict.changedBy) {
                {{ conflict.changedBy }} changed it
              } @else {
                It was changed
              }
              @if (conflict.changedAt; as at) {
                at {{ at | date: 'HH:mm' }} on {{ at | date: 'd MMM y' }}
              }
              while you were working on it.
            </p>
            @if (conflict.changes.length) {
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
                  @for (change of conflict.changes; track change.label) {
                    <tr>
                      <th scope="row">{{ change.label }}</th>
                      <td>{{ change.before }}</td>
                      <td>{{ change.after }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            }
            <p>Reload to see the plan as it is now, then make your change again if it is still needed.</p>
            <button mat-flat-button type="button" (click)="reload.emit()">
              <mat-icon aria-hidden="true">refresh</mat-icon>
              Reload the plan
            </button>
          </div>
        </div>
      } @else if (request.failure; as failure) {
        @if (failure.status !== 400 || unplaced().length || failure.fieldErrors.length === 0) {
          <div class="problem" role="alert">
            <mat-icon aria-hidden="true">error</mat-icon>
            <div class="body">
              <p class="title">{{ failure.status === 422 ? 'Not allowed' : 'Not saved' }}</p>
              @if (failure.status !== 400 || failure.fieldErrors.length === 0) {
                <p>{{ failure.message }}</p>
              }
              @for (error of unplaced(); track error.path) {
                <p>{{ error.message }}</p>
              }
            </div>
          </div>
        }
      }
    }
  `,
  styles: `
    .problem {
      display: flex;
      gap: 12px;
      margin: 8px 0 0;
      padding: 12px 16px;
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
    th {
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SaveProblem {
  readonly request = input.required<SaveRequest | null>();
  /** Field errors no field of the form took. */
  readonly unplaced = input<readonly FieldError[]>([]);
  /** What was being saved, e.g. "this treatment". */
  readonly what = input('the plan');
  readonly reload = output();
}
