/**
 * A specialist imports a patient's FHIR R4 Bundle (a Synthea sample): the preview first, then the import, then the
 * patient on the worklist and the imported pain scores on the case's chart; and exports the case as FHIR.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storageStatePath } from './support/auth';

test.use({ storageState: storageStatePath('specialist') });

const FIXTURES = 'src/server/fhir/fixtures/synthea';
/** 138 entries; Hassan Jacobi, born 1964-09-26; 8 pain scores (LOINC 72514-3, no body site) from 2012 to 2020. */
const HASSAN = `${FIXTURES}/hassan-jacobi.json`;
const HASSAN_PAIN_SCORES = 8;
/** 70 entries; Clemente Kreiger. */
const CLEMENTE = `${FIXTURES}/clemente-kreiger.json`;

const fileInput = (page: Page): Locator => page.getByLabel('Choose a FHIR bundle file');
const dataRows = (table: Locator): Locator => table.getByRole('row').filter({ has: table.page().getByRole('cell') });

/** The page's DataTransfer and File, as far as dropFile uses them. */
interface BrowserFiles {
  DataTransfer: new () => { items: { add(file: object): unknown } };
  File: new (parts: string[], name: string, options: { type: string }) => object;
}

/** Drops a file on the drop zone as the browser does (dragenter, dragover, drop with a DataTransfer holding the file). */
async function dropFile(page: Page, zone: Locator, path: string, name: string): Promise<void> {
  const text = readFileSync(path, 'utf8');
  const dataTransfer = await page.evaluateHandle(
    ({ text, name }) => {
      // Runs in the page (the e2e project is type-checked without the DOM library).
      const browser = globalThis as unknown as BrowserFiles;
      const data = new browser.DataTransfer();
      data.items.add(new browser.File([text], name, { type: 'application/json' }));
      return data;
    },
    { text, name },
  );
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(page.getByText('Drop the file to check it')).toBeVisible();
  await zone.dispatchEvent('drop', { dataTransfer });
}

test('a specialist imports a FHIR bundle after its preview, then finds the patient and the imported pain scores', async ({ page, axe }) => {
  await page.goto('/worklist');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'FHIR import' }).click();
  await expect(page).toHaveURL(/\/import$/);
  await expect(page.getByRole('heading', { level: 1, name: 'FHIR import' })).toBeVisible();

  await test.step('the file choice is accessible and keyboard-operable', async () => {
    await axe.expectNoSeriousA11yViolations(page);
    await fileInput(page).focus();
    await expect(fileInput(page)).toBeFocused();
    await expect(page.getByRole('button', { name: 'Choose a FHIR bundle file' })).toHaveCount(1);
  });

  await test.step('a file that is not JSON is refused in the browser', async () => {
    await fileInput(page).setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"resourceType": "Bundle",'),
    });
    await expect(page.getByRole('alert')).toContainText('This file is not valid JSON');
  });

  await test.step("JSON that is not a Bundle gets the server's explanation", async () => {
    await fileInput(page).setInputFiles({
      name: 'patient.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ resourceType: 'Patient', id: 'p1' })),
    });
    await expect(page.getByRole('heading', { name: 'patient.json cannot be imported' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('a Patient resource, not a FHIR Bundle');
    await page.getByRole('button', { name: 'Choose another file' }).click();
  });

  await test.step('the preview says who the patient is and what would be created, writing nothing', async () => {
    await fileInput(page).setInputFiles(HASSAN);
    const preview = page.getByRole('region', { name: 'Preview: nothing is saved yet' });
    await expect(preview).toBeVisible();
    await expect(preview).toContainText('hassan-jacobi.json');
    await expect(preview).toContainText('transaction bundle · 138 entries');
    await expect(preview).toContainText('Jacobi, Hassan');
    await expect(preview).toContainText('26 Sep 1964');
    await expect(preview).toContainText('New patient');
    const counts = preview.getByRole('table');
    await expect(counts.getByRole('columnheader')).toHaveText([
      'Resource type',
      'In bundle',
      'To create',
      'To update',
      'Unchanged',
      'To skip',
      'To reject',
    ]);
    const observations = dataRows(counts).filter({ hasText: 'Observation' });
    await expect(observations.getByRole('cell').nth(1)).toHaveText('71');
    await expect(preview.getByText(/Entries are numbered from 1/)).toBeVisible();
    await axe.expectNoSeriousA11yViolations(page);
  });

  let patientId = '';
  await test.step('the import runs on confirmation and reports what it did', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Import complete' })).toBeVisible();
    await expect(page.getByText('A new patient record was created for Hassan Jacobi.')).toBeVisible();
    const counts = page.getByRole('table');
    await expect(counts.getByRole('columnheader')).toHaveText([
      'Resource type',
      'In bundle',
      'Created',
      'Updated',
      'Unchanged',
      'Skipped',
      'Rejected',
    ]);
    const observations = dataRows(counts).filter({ hasText: 'Observation' });
    await expect(observations.getByRole('cell').nth(2)).toHaveText(String(HASSAN_PAIN_SCORES));
    await axe.expectNoSeriousA11yViolations(page);
    const href = await page.getByRole('link', { name: 'Open the case' }).getAttribute('href');
    patientId = /^\/patients\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1] ?? '';
    expect(patientId, `the case link (${String(href)})`).not.toBe('');
  });

  await test.step('the patient is on the worklist', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
    await page.getByLabel('Search name or MRN').fill('Jacobi');
    const table = page.getByRole('table').first();
    const link = table.getByRole('link', { name: 'Jacobi, Hassan', exact: true });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/patients/${patientId}$`));
  });

  await test.step("the imported pain scores are on the case's chart (table view)", async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Jacobi, Hassan' })).toBeVisible();
    // The server holds them (one assessment per scored instant).
    const response = await page.request.get(`/api/patients/${patientId}/assessments`);
    expect(response.ok()).toBeTruthy();
    const { items } = (await response.json()) as { items: unknown[] };
    expect(items).toHaveLength(HASSAN_PAIN_SCORES);

    const panel = page.getByRole('region', { name: 'Pain, symptoms and function' });
    await panel.scrollIntoViewIfNeeded();
    await panel.getByRole('group', { name: 'Show as' }).getByRole('button', { name: 'Table' }).click();
    // Synthea's scores are from 2012-2020: outside the default range of the last year.
    await panel.getByRole('group', { name: 'Time range' }).getByRole('button', { name: 'All' }).click();
    const values = panel.getByRole('table');
    await expect(values.getByRole('columnheader', { name: 'NRS, site unspecified' })).toBeVisible();
    await expect(dataRows(values)).toHaveCount(HASSAN_PAIN_SCORES);
  });

  await test.step('the case exports as a FHIR collection Bundle', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as FHIR' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^fbss-[A-Z0-9-]+-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
    const bundle = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
      resourceType: string;
      type: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    expect(bundle.entry.some((e) => e.resource.resourceType === 'Patient')).toBeTruthy();
    await expect(page.getByRole('status').filter({ hasText: 'FHIR bundle downloaded' })).toBeAttached();
  });
});

test('a bundle dropped on the drop zone is previewed; choosing another file imports nothing', async ({ page }) => {
  await page.goto('/import');
  const zone = page.locator('app-fhir-drop-zone .zone');
  await expect(zone).toBeVisible();
  await dropFile(page, zone, CLEMENTE, 'clemente-kreiger.json');
  const preview = page.getByRole('region', { name: 'Preview: nothing is saved yet' });
  await expect(preview).toContainText('clemente-kreiger.json');
  await expect(preview).toContainText('Kreiger, Clemente');
  await expect(preview).toContainText('70 entries');
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await expect(fileInput(page)).toBeAttached();

  // Nothing was written: the worklist does not know the patient.
  const response = await page.request.get('/api/patients?q=Kreiger');
  expect(response.ok()).toBeTruthy();
  expect(((await response.json()) as { total: number }).total).toBe(0);
});
