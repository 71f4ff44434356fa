import { ChangeDetectionStrategy, Component, type Injector, type Signal, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogContent,
  type MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';

export interface IdleWarningData {
  /** Seconds until the automatic sign-out, updated every second. */
  readonly secondsLeft: Signal<number>;
  readonly staySignedIn: () => void;
}

/** Warns before the automatic sign-out (HIPAA 164.312(a)(2)(iii)) with a live countdown. */
@Component({
  selector: 'app-idle-warning-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title id="idle-warning-title">Are you still there?</h2>
    <mat-dialog-content id="idle-warning-description">
      <p>
        You will be signed out in <strong class="countdown">{{ data.secondsLeft() }}</strong>
        {{ data.secondsLeft() === 1 ? 'second' : 'seconds' }} because of inactivity.
      </p>
      <p>Unsaved changes on this page will be lost.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" (click)="data.staySignedIn()" cdkFocusInitial>Stay signed in</button>
    </mat-dialog-actions>
  `,
  styles: `
    .countdown {
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class IdleWarningDialog {
  protected readonly data = inject<IdleWarningData>(MAT_DIALOG_DATA);
}

/**
 * Opens the warning. This module is loaded on demand (IdleService imports it dynamically and
 * prefetches it when a session starts), which keeps MatDialog and the CDK overlay out of the
 * initial bundle.
 */
export function openIdleWarning(injector: Injector, data: IdleWarningData): MatDialogRef<IdleWarningDialog> {
  return injector.get(MatDialog).open(IdleWarningDialog, {
    data,
    disableClose: true,
    role: 'alertdialog',
    ariaLabelledBy: 'idle-warning-title',
    ariaDescribedBy: 'idle-warning-description',
    width: '28rem',
  });
}
