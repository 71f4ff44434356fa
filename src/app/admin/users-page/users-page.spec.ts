import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import type { UserSummary } from '@shared/contracts/admin';
import { authFeature } from '../../auth/state/auth.feature';
import { aUser } from '../../testing/fixtures';
import { aUserSummary } from '../admin-fixtures';
import { UsersPageActions } from '../state/users-page.actions';
import { usersFeature } from '../state/users.feature';
import { UsersPage } from './users-page';

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let store: MockStore;

  const me = aUserSummary({ username: 'admin', displayName: 'Alex Admin', role: 'admin' });
  const otherAdmin = aUserSummary({ username: 'admin2', displayName: 'Sam Second', role: 'admin' });
  const nurse = aUserSummary({
    username: 'nurse.jones',
    displayName: 'Gwen Jones',
    role: 'nurse',
    mustChangePassword: true,
    lastSignInAt: null,
  });
  const gone = aUserSummary({ username: 'dr.gone', displayName: 'Dr Gone', role: 'specialist', active: false });

  interface View {
    users?: UserSummary[];
    loading?: boolean;
    loaded?: boolean;
    error?: string | null;
    notice?: string | null;
  }

  async function render(view: View = {}): Promise<void> {
    const users = view.users ?? [me, otherAdmin, gone, nurse];
    store.overrideSelector(usersFeature.selectAll, users);
    store.overrideSelector(usersFeature.selectActiveAdminCount, users.filter((u) => u.role === 'admin' && u.active).length);
    store.overrideSelector(usersFeature.selectLoading, view.loading ?? false);
    store.overrideSelector(usersFeature.selectLoaded, view.loaded ?? true);
    store.overrideSelector(usersFeature.selectError, view.error ?? null);
    store.overrideSelector(usersFeature.selectNotice, view.notice ?? null);
    fixture = TestBed.createComponent(UsersPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  }

  const text = (): string => (fixture.nativeElement as HTMLElement).textContent.replace(/\s+/g, ' ');

  async function openMenu(username: string): Promise<MatMenuHarness> {
    const menu = await loader.getHarness(MatMenuHarness.with({ selector: `[aria-label="Actions for ${username}"]` }));
    await menu.open();
    return menu;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [UsersPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          selectors: [
            { selector: authFeature.selectUser, value: aUser({ id: me.id, username: 'admin', role: 'admin' }) },
            { selector: usersFeature.selectPending, value: null },
            { selector: usersFeature.selectCompleted, value: null },
            { selector: usersFeature.selectFailure, value: null },
          ],
        }),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    store = TestBed.inject(MockStore);
    spyOn(store, 'dispatch');
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    TestBed.inject(MockStore).resetSelectors();
  });

  it('tells the store it opened', async () => {
    await render();
    expect(store.dispatch).toHaveBeenCalledWith(UsersPageActions.opened());
  });

  it('lists the accounts with role, status, password flag and last sign-in', async () => {
    await render();
    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0]?.getCellTextByIndex();
    expect(headers).toEqual(['Username', 'Name', 'Role', 'Status', 'Password', 'Last sign-in', 'Actions']);
    const cells = await table.getCellTextByColumnName();
    expect(cells['username'].text).toEqual(['admin, You', 'admin2', 'dr.gone', 'nurse.jones']);
    expect(cells['displayName'].text[3]).toBe('Gwen Jones');
    expect(cells['role'].text).toEqual(['Administrator', 'Administrator', 'Pain specialist', 'Nurse']);
    expect(cells['active'].text).toEqual(['Active', 'Active', 'Inactive', 'Active']);
    expect(cells['mustChangePassword'].text[3]).toBe('Must change at next sign-in');
    expect(cells['mustChangePassword'].text[0]).toBe('Set by user');
    expect(cells['lastSignInAt'].text[0]).toMatch(/^1 May 2025, \d\d:30$/);
    expect(cells['lastSignInAt'].text[3]).toBe('Never');
    expect(text()).toContain('4 accounts, 3 active');
  });

  it('shows progress while loading', async () => {
    await render({ loading: true });
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveSize(1);
  });

  it('shows an error with Retry', async () => {
    await render({ error: 'The server could not be reached.', users: [] });
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent).toContain(
      'The server could not be reached.',
    );
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(UsersPageActions.retryClicked());
  });

  it('says so when there are no accounts', async () => {
    await render({ users: [] });
    expect(text()).toContain('No user accounts yet');
  });

  it('shows what the last change did, and lets it be dismissed', async () => {
    await render({ notice: 'nurse.jones was deactivated; their sessions have ended.' });
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="status"]')?.textContent).toContain('nurse.jones was deactivated');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Dismiss message"]' }))).click();
    expect(store.dispatch).toHaveBeenCalledWith(UsersPageActions.noticeDismissed());
  });

  it('offers each action for a row, named with the username', async () => {
    await render();
    const menu = await openMenu('nurse.jones');
    const items = await menu.getItems();
    const labels = await Promise.all(items.map(async (item) => (await item.host()).getAttribute('aria-label')));
    expect(labels).toEqual([
      'Change role of nurse.jones',
      'Deactivate nurse.jones',
      'Reset password of nurse.jones',
      'Audit trail of nurse.jones',
    ]);
  });

  it('offers Reactivate for an inactive user', async () => {
    await render();
    const menu = await openMenu('dr.gone');
    expect(await menu.getItems({ text: /Reactivate/ })).toHaveSize(1);
    expect(await menu.getItems({ text: /Deactivate/ })).toHaveSize(0);
  });

  it('does not let administrators deactivate themselves', async () => {
    await render();
    const menu = await openMenu('admin');
    const [deactivate] = await menu.getItems({ text: /Deactivate/ });
    expect(await deactivate.isDisabled()).toBeTrue();
    expect(await deactivate.getText()).toContain('You cannot deactivate your own account');
  });

  it('does not offer to deactivate the only active administrator', async () => {
    await render({ users: [me, aUserSummary({ username: 'admin.old', role: 'admin', active: false }), nurse] });
    const menu = await openMenu('admin');
    const [deactivate] = await menu.getItems({ text: /Deactivate/ });
    expect(await deactivate.isDisabled()).toBeTrue();
  });

  it('confirms a deactivation in a dialog', async () => {
    await render();
    const menu = await openMenu('nurse.jones');
    await menu.clickItem({ text: /Deactivate/ });
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Deactivate nurse.jones?');
  });

  it('opens the role, password and new-user dialogs', async () => {
    await render();
    await (await openMenu('nurse.jones')).clickItem({ text: /Change role/ });
    expect(await (await root.getHarness(MatDialogHarness)).getTitleText()).toBe('Change the role of nurse.jones');
    TestBed.inject(MatDialog).closeAll();
    await (await openMenu('nurse.jones')).clickItem({ text: /Reset password/ });
    expect(await (await root.getHarness(MatDialogHarness)).getTitleText()).toBe('Reset the password of nurse.jones');
    TestBed.inject(MatDialog).closeAll();
    await (await loader.getHarness(MatButtonHarness.with({ text: /New user/ }))).click();
    expect(await (await root.getHarness(MatDialogHarness)).getTitleText()).toBe('New user');
  });

  it("links to the user's audit trail", async () => {
    await render();
    const menu = await openMenu('nurse.jones');
    const [item] = await menu.getItems({ text: /Audit trail/ });
    expect(await (await item.host()).getAttribute('href')).toBe('/admin/audit?username=nurse.jones');
  });
});
