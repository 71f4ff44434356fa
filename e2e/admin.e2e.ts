/**
 * An administrator manages staff accounts and reads the audit trail (issue 3): creates a user who must change the
 * password at first sign-in, deactivates and reactivates an account, filters the audit log and exports it as CSV.
 * Each journey works on accounts it creates itself, so that other journeys' demo users are never touched.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { mainNav, openSignIn, storageStatePath, submitSignIn } from './support/auth';
import { MAIN_URL } from './support/env';

test.use({ storageState: storageStatePath('admin') });

/** Usernames unique to this run (the server keeps its database for the whole run). */
const unique = (prefix: string): string => `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 1000).toString(36)}`;

const INITIAL_PASSWORD = 'initial-password-e2e-1';

/** Data rows: rows with cells (the header row has column headers only). */
const dataRows = (table: Locator): Locator => table.getByRole('row').filter({ has: table.page().getByRole('cell') });

/** The users table's row of one account. */
const userRow = (page: Page, username: string): Locator =>
  dataRows(page.getByRole('table', { name: /staff accounts/i })).filter({
    // The signed-in administrator's own row reads "admin, You".
    has: page.getByRole('cell', { name: new RegExp(`^${username.replace(/\./g, '\\.')}(, You)?$`) }),
  });

/** A page signed out, in a fresh context (no administrator's session). */
async function signedOutPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: MAIN_URL, locale: 'en-GB', storageState: { cookies: [], origins: [] } });
  return context.newPage();
}

/** Chooses an option of a Material select with the keyboard (Enter opens it), as a keyboard-only user would. */
async function choose(page: Page, scope: Page | Locator, name: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Today as the date fields take it (dd/mm/yyyy), in UTC like the audit log's days. */
function todayUtc(): string {
  const [year, month, day] = new Date().toISOString().slice(0, 10).split('-');
  return `${day ?? ''}/${month ?? ''}/${year ?? ''}`;
}

/** Creates an account through the "New user" dialog and waits for it to be listed. */
async function createUser(page: Page, username: string, role = 'Nurse'): Promise<void> {
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Display name').fill(`E2E ${username}`);
  await choose(page, dialog, 'Role', role);
  await dialog.getByLabel('Initial password').fill(INITIAL_PASSWORD);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `${username} was created` })).toBeVisible();
  await expect(userRow(page, username)).toContainText('Must change at next sign-in');
}

test('the administrator sees the Users and Audit log sections; the users page passes the accessibility scan', async ({ page, axe }) => {
  await page.goto('/admin/users');
  await expect(mainNav(page).getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(userRow(page, 'nurse')).toContainText('Nurse');
  await axe.expectNoSeriousA11yViolations(page);

  await test.step('the New user dialog passes too', async () => {
    await page.getByRole('button', { name: 'New user' }).click();
    await expect(page.getByRole('dialog', { name: 'New user' })).toBeVisible();
    await axe.expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  await test.step('an administrator cannot deactivate their own account', async () => {
    await page.getByRole('button', { name: 'Actions for admin', exact: true }).click();
    await expect(page.getByRole('menuitem', { name: /^Deactivate admin/ })).toBeDisabled();
    await page.keyboard.press('Escape');
  });
});

test('an administrator creates a user, who must change the password at first sign-in', async ({ page, browser }) => {
  const username = unique('e2e.nurse');
  await createUser(page, username);

  const newcomer = await signedOutPage(browser);
  try {
    await openSignIn(newcomer);
    await submitSignIn(newcomer, username, INITIAL_PASSWORD);
    await expect(newcomer).toHaveURL(/\/change-password/);
    await expect(newcomer.getByRole('status').filter({ hasText: 'Choose a new password before you continue.' })).toBeVisible();
    // Nothing else is reachable until the password is changed.
    await newcomer.goto('/worklist');
    await expect(newcomer).toHaveURL(/\/change-password/);

    const chosen = 'my-own-passphrase-e2e-2';
    await newcomer.getByLabel('Current password').fill(INITIAL_PASSWORD);
    await newcomer.getByLabel('New password', { exact: true }).fill(chosen);
    await newcomer.getByLabel('Confirm new password').fill(chosen);
    await newcomer.getByRole('button', { name: 'Change password' }).click();
    await expect(newcomer.getByText('Password changed. Sign in with your new password.')).toBeVisible();

    await submitSignIn(newcomer, username, chosen);
    await expect(mainNav(newcomer).getByRole('link', { name: 'Worklist' })).toBeVisible();
  } finally {
    await newcomer.context().close();
  }

  await page.reload();
  await expect(userRow(page, username)).toContainText('Set by user');
});

test('an administrator deactivates and reactivates an account', async ({ page, browser }) => {
  const username = unique('e2e.leaver');
  await createUser(page, username, 'Pain specialist');
  const row = userRow(page, username);

  await test.step('deactivate, after confirming', async () => {
    await row.getByRole('button', { name: `Actions for ${username}` }).click();
    await page.getByRole('menuitem', { name: `Deactivate ${username}` }).click();
    const dialog = page.getByRole('dialog', { name: `Deactivate ${username}?` });
    await expect(dialog).toContainText('will be signed out everywhere');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `${username} was deactivated` })).toBeVisible();
    await expect(row).toContainText('Inactive');
    // Focus is back on the row's actions button, for keyboard users.
    await expect(row.getByRole('button', { name: `Actions for ${username}` })).toBeFocused();
  });

  await test.step('the account can no longer sign in', async () => {
    const other = await signedOutPage(browser);
    try {
      await openSignIn(other);
      await submitSignIn(other, username, INITIAL_PASSWORD);
      await expect(other.getByRole('alert').filter({ hasText: /\S/ }).first()).toBeVisible();
      await expect(mainNav(other)).toHaveCount(0);
    } finally {
      await other.context().close();
    }
  });

  await test.step('reactivate, with the keyboard', async () => {
    await row.getByRole('button', { name: `Actions for ${username}` }).focus();
    await page.keyboard.press('Enter');
    const reactivate = page.getByRole('menuitem', { name: `Reactivate ${username}` });
    await expect(reactivate).toBeVisible();
    await reactivate.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Reactivate ${username}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Reactivate' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `${username} was reactivated` })).toBeVisible();
    await expect(row).toContainText('Active');
    await expect(row).not.toContainText('Inactive');
  });
});

test('the audit viewer filters by username, shows the sign-in events, and passes the accessibility scan', async ({
  page,
  browser,
  axe,
}) => {
  // A sign-in to look for.
  const nurse = await signedOutPage(browser);
  try {
    await openSignIn(nurse);
    await submitSignIn(nurse, 'nurse');
    await expect(mainNav(nurse)).toBeVisible();
  } finally {
    await nurse.context().close();
  }

  await page.goto('/admin/audit');
  const table = page.getByRole('table', { name: /audit events/i });
  await expect(dataRows(table).first()).toBeVisible();
  await axe.expectNoSeriousA11yViolations(page);

  await page.getByLabel('Username').fill('nurse');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('username')).toBe('nurse');
  const signIns = dataRows(table).filter({ hasText: 'login' });
  await expect(signIns.first()).toBeVisible();
  await expect(signIns.first()).toContainText('Success');
  // Every row on the page is the nurse's (the second column is the user).
  const rows = dataRows(table);
  const count = await rows.count();
  for (let i = 0; i < count; i++) await expect(rows.nth(i).getByRole('cell').nth(1)).toHaveText('nurse');

  await test.step('the filters survive a reload (they are in the URL)', async () => {
    await page.reload();
    await expect(page.getByLabel('Username')).toHaveValue('nurse');
    await expect(dataRows(table).filter({ hasText: 'login' }).first()).toBeVisible();
  });

  await test.step('narrow to sign-ins by outcome and date', async () => {
    await choose(page, page, 'Action', 'Execute');
    await choose(page, page, 'Outcome', 'Success');
    await page.getByLabel('From', { exact: true }).fill(todayUtc());
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('outcome')).toBe('success');
    expect(new URL(page.url()).searchParams.get('from')).toBe(new Date().toISOString().slice(0, 10));
    await expect(dataRows(table).filter({ hasText: 'login' }).first()).toBeVisible();
    await expect(dataRows(table).filter({ hasText: 'Denied' })).toHaveCount(0);
  });
});

test('Export CSV downloads the filtered audit events, and the export is itself audited', async ({ page }) => {
  await page.goto('/admin/audit?username=admin');
  await expect(dataRows(page.getByRole('table', { name: /audit events/i })).first()).toBeVisible();
  const link = page.getByRole('link', { name: 'Export CSV' });
  await expect(link).toHaveAttribute('href', '/api/admin/audit-events/export?username=admin');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-events-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const [header] = csv.split(/\r?\n/);
  expect(header?.startsWith('recordedAt,username')).toBe(true);

  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(
    dataRows(page.getByRole('table', { name: /audit events/i }))
      .filter({ hasText: 'export' })
      .first(),
  ).toBeVisible();
});

test.describe('a nurse who types /admin/audit', () => {
  test.use({ storageState: storageStatePath('nurse') });

  test('gets a "not permitted" page and no admin sections', async ({ page }) => {
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { name: 'Not permitted' })).toBeVisible();
    await expect(mainNav(page).getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await expect(mainNav(page).getByRole('link', { name: 'Users' })).toHaveCount(0);
  });
});
