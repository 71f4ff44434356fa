/**
 * Signs each demo role in once through the real form and saves the session for the journeys
 * (`test.use({ storageState: storageStatePath('nurse') })`).
 */
import { test as setup } from '@playwright/test';
import { ROLES, signIn, storageStatePath } from './support/auth';

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
