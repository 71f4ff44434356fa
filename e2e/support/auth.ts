/** Demo accounts and the sign-in form, as a person uses it (roles and labels only). */
import { expect, type Page } from '@playwright/test';
import { ROLES, type Role } from '../../src/shared/domain/permissions';

export { ROLES, type Role };

/** The demo accounts seeded with DEMO=true: username = role, password `fbss-demo-<username>`. */
export const demoPassword = (username: string): string => `fbss-demo-${username}`;

/** Storage state (session cookie) saved by auth.setup.ts for each role. */
export const storageStatePath = (role: Role): string => `.tmp/auth/${role}.json`;

// Labels may carry a required marker ("Username *"); toggles such as "Show password" must not match.
export const usernameField = (page: Page) => page.getByLabel(/^\s*username\s*\*?\s*$/i);
export const passwordField = (page: Page) => page.getByLabel(/^\s*password\s*\*?\s*$/i);
export const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in', exact: true });
export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Opens the app signed out and waits for the sign-in form. */
export async function openSignIn(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(usernameField(page)).toBeVisible();
}

/** Fills and submits the sign-in form (from wherever the form is shown). */
export async function submitSignIn(page: Page, username: string, password = demoPassword(username)): Promise<void> {
  await usernameField(page).fill(username);
  await passwordField(page).fill(password);
  await signInButton(page).click();
}

/** Signs in through the real form and waits for the app shell. */
export async function signIn(page: Page, role: Role): Promise<void> {
  await openSignIn(page);
  await submitSignIn(page, role);
  await expect(mainNav(page)).toBeVisible();
}

/** Signs out through the UI: a "Sign out" control in the shell, possibly inside an account menu. */
export async function signOut(page: Page): Promise<void> {
  const direct = page
    .getByRole('button', { name: /sign out/i })
    .or(page.getByRole('link', { name: /sign out/i }))
    .or(page.getByRole('menuitem', { name: /sign out/i }));
  if (!(await direct.first().isVisible())) {
    // Behind an account menu in the toolbar.
    await page
      .getByRole('button', { name: /account|profile|user menu|signed in/i })
      .first()
      .click();
  }
  await direct.first().click();
  await expect(usernameField(page)).toBeVisible();
}
