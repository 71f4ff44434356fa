/**
 * A specialist reviews a case: filters the worklist, tags and confirms a suspected cause, moves the case on;
 * two specialists editing the same record: the second save is refused (409) and says who changed it.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storageStatePath } from './support/auth';

test.use({ storageState: storageStatePath('specialist') });

/** Data rows: rows with cells (the header row has column headers only). */
const dataRows = (table: Locator): Locator => table.getByRole('row').filter({ has: table.page().getByRole('cell') });
const queryParams = (page: Page, name: string): string[] => new URL(page.url()).searchParams.getAll(name);

/** Opens a select from the keyboard (as keyboard users do; also where its floating label covers it). */
async function openSelect(select: Locator): Promise<void> {
  await select.focus();
  await select.press('Enter');
}

async function chooseOptions(page: Page, label: string, options: string[]): Promise<void> {
  await openSelect(page.getByRole('combobox', { name: label }));
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

test('a specialist filters the worklist, tags and confirms a cause, moves the case on, and the worklist shows the new chip', async ({
  page,
  axe,
}) => {
  // A long journey with two axe scans (each takes seconds on a busy 2-core machine).
  test.slow();
  await page.goto('/worklist');
  const table = page.getByRole('table').first();
  await expect(dataRows(table).first()).toBeVisible();

  await test.step("filter by 'epidural fibrosis' and status", async () => {
    await chooseOptions(page, 'Suspected cause', ['Epidural fibrosis (scar)']);
    await expect.poll(() => queryParams(page, 'cause')).toEqual(['POST-FIB']);
    await chooseOptions(page, 'Case status', ['Triage', 'Assessment', 'Treatment', 'Follow-up']);
    await expect.poll(() => queryParams(page, 'status').sort()).toEqual(['assessment', 'follow-up', 'treatment', 'triage']);
    await expect(page.getByRole('button', { name: 'Remove filter Cause: Epidural fibrosis' })).toBeVisible();
    await expect(dataRows(table).first()).toBeVisible();
    // Every row carries the filtered cause.
    const rows = await dataRows(table).count();
    await expect(dataRows(table).filter({ hasText: 'Epidural fibrosis' })).toHaveCount(rows);
  });

  await test.step('accessibility of the filtered worklist', async () => {
    await axe.expectNoSeriousA11yViolations(page);
  });

  // A patient without a pseudarthrosis tag yet.
  const row = dataRows(table).filter({ hasNotText: 'Pseudarthrosis' }).first();
  const name = (await row.getByRole('link').first().innerText()).trim();
  const mrn = /MRN (\S+)/.exec(await row.innerText())?.[1] ?? '';
  expect(mrn).not.toBe('');

  await test.step(`open the case of ${name}`, async () => {
    await row.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText(`MRN ${mrn}`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Suspected causes' })).toBeVisible();
  });

  await test.step('accessibility of the case page', async () => {
    await axe.expectNoSeriousA11yViolations(page);
  });

  const tag = page.getByRole('article', { name: 'Pseudarthrosis / nonunion' });

  await test.step("tag 'pseudarthrosis' as provisional with evidence", async () => {
    await page.getByRole('button', { name: 'Add a suspected cause' }).click();
    const form = page.getByRole('form', { name: 'Add a suspected cause' });
    await form.getByRole('combobox', { name: 'Suspected cause' }).fill('pseudarthrosis');
    await page.getByRole('option', { name: 'Pseudarthrosis / nonunion' }).click();
    await expect(form.getByRole('combobox', { name: 'Verification status' })).toHaveText('Provisional');
    await form.getByRole('textbox', { name: 'Evidence' }).fill('CT: no bridging bone at L4-L5');
    await form.getByRole('button', { name: 'Add cause' }).click();
    await expect(tag).toBeVisible();
    await expect(tag).toContainText('Provisional');
    await expect(tag).toContainText('CT: no bridging bone at L4-L5');
  });

  await test.step('confirm it as evidence arrives; the history keeps both steps', async () => {
    await tag.getByRole('button', { name: 'Update Pseudarthrosis / nonunion' }).click();
    await openSelect(tag.getByRole('combobox', { name: 'Verification status' }));
    await page.getByRole('option', { name: 'Confirmed' }).click();
    await tag.getByRole('textbox', { name: 'Evidence' }).fill('Flexion-extension films: motion at L4-L5');
    await tag.getByRole('button', { name: 'Save Pseudarthrosis / nonunion' }).click();
    await expect(tag.locator('app-cause-chip')).toContainText('Confirmed');
    await tag.getByRole('button', { name: /History \(2\)/ }).click();
    const history = tag.getByRole('list', { name: 'History of Pseudarthrosis / nonunion' });
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await expect(history.getByRole('listitem').first()).toContainText('Status changed to Confirmed');
    await expect(history.getByRole('listitem').last()).toContainText('Tagged as Provisional');
  });

  let newStatus = '';
  await test.step('change the case status through the state machine', async () => {
    const status = page.getByRole('form', { name: 'Change case status' });
    await openSelect(status.getByRole('combobox', { name: 'Move case to' }));
    const option = page.getByRole('option').filter({ hasNotText: 'Discharged' }).first();
    newStatus = (await option.innerText()).trim();
    await option.click();
    await status.getByRole('textbox', { name: 'Reason (optional)' }).fill('Reviewed at MDT');
    await status.getByRole('button', { name: 'Change status' }).click();
    await expect(page.getByText(`Now: ${newStatus}`)).toBeVisible();
    await expect(page.getByText(`Status: ${newStatus}`)).toBeVisible();
  });

  await test.step('the worklist shows the new chip', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
    await page.getByRole('searchbox', { name: 'Search name or MRN' }).fill(mrn);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(mrn);
    const patientRow = dataRows(table).filter({ hasText: mrn });
    await expect(patientRow).toHaveCount(1);
    await expect(patientRow.locator('app-cause-chip', { hasText: 'Pseudarthrosis' })).toContainText('Confirmed');
    await expect(patientRow.getByRole('cell').nth(2)).toHaveText(newStatus);
  });
});

/** A second browser (own cookies, own tab) signed in as a specialist, on the case at `url`. */
async function openCase(browser: Browser, signedIn: Page, url: string): Promise<Page> {
  const context = await browser.newContext({ storageState: await signedIn.context().storageState() });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  return page;
}

test('two specialists edit the same phone number: the second save is refused, says who changed it, and offers to reload', async ({
  page,
  browser,
}) => {
  await page.goto('/worklist?sort=-name');
  const first = dataRows(page.getByRole('table').first()).first();
  await first.getByRole('link').first().click();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  const url = page.url();

  const alice = await openCase(browser, page, url);
  const bob = await openCase(browser, page, url);
  const phoneA = `0161 ${String(Date.now()).slice(-7)}`;
  const phoneB = '0161 999 0000';

  // Both start editing the same version.
  await alice.getByRole('button', { name: 'Edit details' }).click();
  await bob.getByRole('button', { name: 'Edit details' }).click();

  await alice.getByRole('textbox', { name: 'Phone' }).fill(phoneA);
  await alice.getByRole('button', { name: 'Save details' }).click();
  await expect(alice.getByTestId('patient-phone')).toHaveText(phoneA);

  await bob.getByRole('textbox', { name: 'Phone' }).fill(phoneB);
  await bob.getByRole('button', { name: 'Save details' }).click();
  const conflict = bob.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(conflict).toContainText('this record was changed by someone else');
  await expect(conflict).toContainText(/Dr Samuel Reyes \(demo specialist\) changed it/);
  await expect(conflict.getByRole('row', { name: /Phone/ })).toContainText(phoneA);
  // Nothing was overwritten: the first save stands.
  await expect(bob.getByRole('textbox', { name: 'Phone' })).toHaveValue(phoneB);

  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(bob.getByTestId('patient-phone')).toHaveText(phoneA);
  await expect(bob.getByRole('alert').filter({ hasText: 'Not saved' })).toHaveCount(0);

  await alice.context().close();
  await bob.context().close();
});

test('a referral for a known MRN is flagged before saving and becomes a new episode of that patient', async ({ page, axe }) => {
  const mrn = `E2E-${String(Date.now()).slice(-8)}`;
  await page.goto('/referrals/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New referral' })).toBeVisible();

  await test.step('client-side validation names each field', async () => {
    await page.getByRole('button', { name: 'Register referral' }).click();
    await expect(page.getByRole('textbox', { name: 'MRN' })).toBeFocused();
    await page.getByRole('textbox', { name: 'MRN' }).fill('x!');
    await expect(page.getByText('An MRN has at least 3 characters')).toBeVisible();
  });

  await test.step('register a new patient with referral and index surgery', async () => {
    await page.getByRole('textbox', { name: 'MRN' }).fill(mrn);
    await page.getByRole('textbox', { name: 'Family name' }).fill('Testperson');
    await page.getByRole('textbox', { name: 'Given name' }).fill('Ada');
    await page.getByRole('textbox', { name: 'Date of birth' }).fill('12/04/1965');
    await openSelect(page.getByRole('combobox', { name: 'Sex' }));
    await page.getByRole('option', { name: 'Female' }).click();
    await page.getByRole('textbox', { name: 'Referring clinician' }).fill('Mr Orth Surgeon');
    await page.getByRole('textbox', { name: 'Reason for referral' }).fill('Persistent leg pain after discectomy');
    await openSelect(page.getByRole('combobox', { name: 'Procedure' }));
    await page.getByRole('option', { name: 'Microdiscectomy' }).click();
    await openSelect(page.getByRole('combobox', { name: 'Levels' }));
    await page.getByRole('option', { name: 'L5/S1' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Date of surgery' }).fill('02/10/2024');
    await page.getByRole('textbox', { name: 'Surgeon' }).fill('Mr K Osei');
    await axe.expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Register referral' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Testperson, Ada' })).toBeVisible();
    await expect(page.getByText('Microdiscectomy').first()).toBeVisible();
  });

  await test.step('the same MRN again: the form says it adds an episode', async () => {
    await page.goto('/referrals/new');
    await page.getByRole('textbox', { name: 'MRN' }).fill(mrn.toLowerCase());
    await expect(page.getByRole('status').filter({ hasText: 'This MRN belongs to Testperson, Ada, born 12 Apr 1965' })).toContainText(
      'saving adds a new referral episode to that patient',
    );
    await expect(page.getByRole('button', { name: 'Add referral episode' })).toBeVisible();
  });
});
