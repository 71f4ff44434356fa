import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog, type MatDialogConfig } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
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
import type { UserSummary } from '@shared/contracts/admin';
import { ROLE_LABELS } from '@shared/domain/permissions';
import { authFeature } from '../../auth/state/auth.feature';
import { type ChangeRoleData, ChangeRoleDialog } from '../change-role-dialog/change-role-dialog';
import { NewUserDialog } from '../new-user-dialog/new-user-dialog';
import { type ResetPasswordData, ResetPasswordDialog } from '../reset-password-dialog/reset-password-dialog';
import { type SetActiveData, SetActiveDialog } from '../set-active-dialog/set-active-dialog';
import { UsersPageActions } from '../state/users-page.actions';
import { usersFeature } from '../state/users.feature';

export const USERS_COLUMNS = ['username', 'displayName', 'role', 'active', 'mustChangePassword', 'lastSignInAt', 'actions'] as const;

/** A row of the users table, with what the signed-in administrator may do to it. */
export interface UserRow {
  user: UserSummary;
  roleLabel: string;
  isSelf: boolean;
  /** The only active administrator: the server refuses to deactivate them or change their role. */
  lastAdmin: boolean;
  /** Why Deactivate is not offered, or null when it is. */
  cannotDeactivate: string | null;
}

/** `/admin/users`: staff accounts (issue 3). */
@Component({
  selector: 'app-users-page',
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
    MatProgressBar,
    MatButton,
    MatIconButton,
    MatIcon,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatMenuContent,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage implements OnInit {
  private readonly store = inject(Store);
  private readonly dialog = inject(MatDialog);

  protected readonly columns = USERS_COLUMNS;
  protected readonly loading = this.store.selectSignal(usersFeature.selectLoading);
  protected readonly loaded = this.store.selectSignal(usersFeature.selectLoaded);
  protected readonly error = this.store.selectSignal(usersFeature.selectError);
  protected readonly notice = this.store.selectSignal(usersFeature.selectNotice);
  private readonly users = this.store.selectSignal(usersFeature.selectAll);
  private readonly activeAdmins = this.store.selectSignal(usersFeature.selectActiveAdminCount);
  private readonly me = this.store.selectSignal(authFeature.selectUser);

  protected readonly rows = computed((): UserRow[] => {
    const myId = this.me()?.id;
    const onlyOneAdmin = this.activeAdmins() <= 1;
    return this.users().map((user) => {
      const isSelf = user.id === myId;
      const lastAdmin = onlyOneAdmin && user.role === 'admin' && user.active;
      return {
        user,
        roleLabel: ROLE_LABELS[user.role],
        isSelf,
        lastAdmin,
        cannotDeactivate: isSelf
          ? 'You cannot deactivate your own account'
          : lastAdmin
            ? 'The only active administrator cannot be deactivated'
            : null,
      };
    });
  });
  protected readonly activeCount = computed(() => this.users().filter((u) => u.active).length);
  /** Loaded, and nothing to show (only possible on a database without the administrator's own account). */
  protected readonly empty = computed(() => this.loaded() && !this.loading() && !this.error() && this.rows().length === 0);

  ngOnInit(): void {
    this.store.dispatch(UsersPageActions.opened());
  }

  protected retry(): void {
    this.store.dispatch(UsersPageActions.retryClicked());
  }

  protected dismissNotice(): void {
    this.store.dispatch(UsersPageActions.noticeDismissed());
  }

  protected newUser(): void {
    this.dialog.open(NewUserDialog, this.config('#new-user-button', undefined));
  }

  protected changeRole(row: UserRow): void {
    this.dialog.open<ChangeRoleDialog, ChangeRoleData>(
      ChangeRoleDialog,
      this.config(`#${this.actionsButtonId(row)}`, { user: row.user, lastAdmin: row.lastAdmin, isSelf: row.isSelf }),
    );
  }

  protected setActive(row: UserRow, active: boolean): void {
    this.dialog.open<SetActiveDialog, SetActiveData>(
      SetActiveDialog,
      this.config(`#${this.actionsButtonId(row)}`, { user: row.user, active }),
    );
  }

  protected resetPassword(row: UserRow): void {
    this.dialog.open<ResetPasswordDialog, ResetPasswordData>(
      ResetPasswordDialog,
      this.config(`#${this.actionsButtonId(row)}`, { user: row.user }),
    );
  }

  /** The id of a row's actions button, where focus returns when its dialog closes. */
  protected actionsButtonId(row: UserRow): string {
    return `user-actions-${row.user.id}`;
  }

  /** Focus returns to the button that opened the dialog (the menu item is gone by the time it closes). */
  private config<D>(restoreFocus: string, data: D): MatDialogConfig<D> {
    return { data, width: '32rem', maxWidth: 'calc(100vw - 32px)', restoreFocus };
  }

  protected trackRow(_index: number, row: UserRow): string {
    return row.user.id;
  }
}
