/** A nurse works from the worklist: a table of patients, searchable, with the search in the URL. */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storageStatePath } from './support/auth';

test.use({ storageState: storageStatePath('nurse') });

/** Data rows: rows with cells (the header row has column headers only). */
const dataRows = (table: Locator): Locator => table.getByRole('row').filter({ has: table.page().getByRole('cell') });

/** The search field, whatever its exact label ("Search", "Search patients", a searchbox). */
const searchField = (page: Page): Locator =>
  page
    .getByRole('searchbox')
    .or(page.getByLabel(/search/i))
    .first();

const queryParam = (page: Page, name: string): string | null => new URL(page.url()).searchParams.get(name);

/** A word from the first row's patient name, to search by. */
async function nameInFirstRow(table: Locator): Promise<string> {
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
  let column = headers.findIndex((h) => /name|patient/i.test(h));
  if (column < 0) column = 0;
  const cell = dataRows(table).first().getByRole('cell').nth(column);
  const text = (await cell.innerText()).trim();
  // The longest alphabetic word (a family name, not an initial or a title); hyphens and apostrophes kept.
  const words = text.split(/[\s,]+/).filter((w) => /^[\p{L}'-]{3,}$/u.test(w));
  const word = words.sort((a, b) => b.length - a.length).at(0);
  expect(word, `a searchable name in the first row (got "${text}")`).toBeTruthy();
  return word ?? '';
}

test('a nurse searches the worklist by name, and the back button restores the list', async ({ page, axe }) => {
  await page.goto('/worklist');
  const table = page.getByRole('table').first();
  await expect(table).toBeVisible();
  await expect(dataRows(table).first()).toBeVisible();
  const firstRowBefore = (await dataRows(table).first().innerText()).trim();

  await test.step('accessibility', async () => {
    await axe.expectNoSeriousA11yViolations(page);
  });

  const name = await nameInFirstRow(table);
  await test.step(`search for "${name}"`, async () => {
    await searchField(page).fill(name);
    await searchField(page).press('Enter');
    await expect.poll(() => queryParam(page, 'q')).toBe(name);
    await expect(dataRows(table).first()).toBeVisible();
    await expect(dataRows(table).filter({ hasText: name }).first()).toBeVisible();
  });

  await test.step('back restores the unfiltered list', async () => {
    await page.goBack();
    await expect.poll(() => queryParam(page, 'q') ?? '').toBe('');
    await expect(searchField(page)).toHaveValue('');
    await expect.poll(async () => (await dataRows(table).first().innerText()).trim()).toBe(firstRowBefore);
  });

  await test.step('forward brings the search back', async () => {
    await page.goForward();
    await expect.poll(() => queryParam(page, 'q')).toBe(name);
    await expect(searchField(page)).toHaveValue(name);
  });
});

test('filters live in the URL: keyboard, chips, the back button and Clear filters', async ({ page }) => {
  await page.goto('/worklist');
  const table = page.getByRole('table').first();
  await expect(dataRows(table).first()).toBeVisible();

  await test.step('each row offers "Record assessment", named for its patient', async () => {
    const link = dataRows(table)
      .first()
      .getByRole('link', { name: /^Record assessment for .+, .+/ });
    await expect(link).toHaveAttribute('href', /^\/patients\/[0-9a-f-]{36}\/assess$/);
  });

  await test.step('keyboard only: pick a case status', async () => {
    const status = page.getByRole('combobox', { name: 'Case status' });
    await status.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('option', { name: 'Referred' })).toBeVisible();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('status')).toEqual(['referred']);
    await expect(page.getByRole('listitem').filter({ hasText: 'Status: Referred' })).toBeVisible();
  });

  await test.step('keyboard only: follow-ups overdue', async () => {
    await page.getByRole('checkbox', { name: 'Follow-up overdue' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => queryParam(page, 'overdue')).toBe('true');
    await expect(page.getByRole('button', { name: 'Remove filter Follow-up overdue' })).toBeVisible();
  });

  await test.step('back restores the previous filters', async () => {
    await page.goBack();
    await expect.poll(() => queryParam(page, 'overdue')).toBeNull();
    await expect(page.getByRole('checkbox', { name: 'Follow-up overdue' })).not.toBeChecked();
    await expect(page.getByRole('button', { name: 'Remove filter Status: Referred' })).toBeVisible();
  });

  await test.step('a chip removes its filter; Clear filters removes them all', async () => {
    await page.getByRole('button', { name: 'More filters' }).click();
    await page.getByRole('combobox', { name: 'Latest pain' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Back or leg (the worse): Severe (7-10)' }).click();
    await expect.poll(() => queryParam(page, 'painBand')).toBe('7-10');
    await page.getByRole('button', { name: 'Remove filter Status: Referred' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('status')).toEqual([]);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect(dataRows(table).first()).toBeVisible();
  });
});
