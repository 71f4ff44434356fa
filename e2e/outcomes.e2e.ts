/**
 * A manager reads the outcomes dashboard: filters to spinal cord stimulation, sees the responder chart with
 * the published benchmark beside it, exports its table as CSV and its chart as PNG (both audited), and
 * nothing on the page or in the file identifies a patient.
 *
 * The demo cohort here is 200 patients, so many groups are under 11 and suppressed: the journey asserts what
 * holds whatever the numbers are (the filter in the URL, the chart and its table, the benchmark note, the exports).
 */
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { TREATMENTS } from '../src/shared/domain/treatments';
import { expect, test } from './fixtures';
import { storageStatePath } from './support/auth';

test.use({ storageState: storageStatePath('manager') });

const SCS = ['SCS-IMPLANT', 'SCS-10KHZ'] as const;
const scsNames = SCS.map((code) => TREATMENTS.find((t) => t.code === code)?.name ?? code);

/** The chart panel whose heading matches. */
const panel = (page: Page, heading: RegExp): Locator =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading }) });

/** Names and MRNs of some demo patients, read as a nurse (managers cannot read patients). */
async function somePatientIdentifiers(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/api/patients?pageSize=100&sort=name');
  expect(res.ok(), 'a nurse can list patients').toBeTruthy();
  const body = (await res.json()) as { items: { mrn: string; familyName: string; givenName: string }[] };
  expect(body.items.length).toBeGreaterThan(0);
  return body.items.flatMap((p) => [p.mrn, `${p.familyName}, ${p.givenName}`, `${p.givenName} ${p.familyName}`]);
}

function expectNoIdentifiers(text: string, identifiers: readonly string[], where: string): void {
  expect(text, `no MRN in ${where}`).not.toMatch(/MRN/i);
  const found = identifiers.filter((id) => text.includes(id));
  expect(found, `no patient name or MRN in ${where}`).toEqual([]);
}

test('a manager filters to spinal cord stimulation, compares with the published benchmark and exports without identifiers', async ({
  page,
  axe,
  playwright,
  baseURL,
}) => {
  const nurse = await playwright.request.newContext({ baseURL, storageState: storageStatePath('nurse') });
  const identifiers = await somePatientIdentifiers(nurse);
  await nurse.dispose();

  await page.goto('/outcomes');
  await expect(page.getByRole('heading', { level: 1, name: 'Outcomes' })).toBeVisible();
  await expect(page.getByText('Active cases')).toBeVisible();

  await test.step('filter to spinal cord stimulation (keyboard and mouse)', async () => {
    const treatment = page.getByRole('combobox', { name: 'Treatment', exact: true });
    await treatment.focus();
    await page.keyboard.press('Enter');
    for (const name of scsNames) await page.getByRole('option', { name, exact: true }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('treatment').sort()).toEqual([...SCS].sort());
    await expect(page.getByText(`Treatment: ${scsNames.join(', ')}`)).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
  });

  const responders = panel(page, /^Responder rates at 6 months: leg pain$/);

  await test.step('the responder chart, with the benchmark beside it marked as a trial population', async () => {
    await expect(responders.getByRole('img', { name: /Responder rates at 6 months, leg pain/ })).toBeVisible();
    const benchmarks = responders.getByRole('complementary', { name: 'Published benchmarks: trial populations' });
    await expect(benchmarks).toContainText('Trial populations (selected patients, protocol follow-up)');
    await expect(benchmarks).toContainText('PROCESS: ≥50% leg-pain reduction at 6 months, 48%');
    await expect(benchmarks).toContainText('Kumar K et al. Pain 2007;132:179-188');
    // PROCESS applies to both SCS implants at 6 months for leg pain: drawn on the chart.
    await expect(benchmarks.getByText('On the chart')).toBeVisible();
    await expect(responders.getByRole('img')).toHaveAttribute('aria-label', /Published benchmarks: PROCESS 48% \(trial populations\)/);
  });

  await test.step('the same numbers as a table', async () => {
    await responders.getByRole('button', { name: /Show table/ }).click();
    const table = responders.getByRole('table', { name: /Responders at 6 months, leg pain/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: '≥50% rate (95% CI)' })).toBeVisible();
    for (const name of scsNames) await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(1);
    await expect(table).toContainText('PROCESS 48% (trial)');
  });

  await test.step('accessibility', async () => {
    await axe.expectNoSeriousA11yViolations(page);
  });

  let csv = '';
  await test.step('download the responder table as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), responders.getByRole('link', { name: /Download CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fbss-outcomes-responders-\d{4}-\d{2}-\d{2}\.csv$/);
    csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toContain('treatment,month,site,evaluable,missing');
    // Aggregates only: every cell is a treatment code of the filter, a month, a site, a count, "<11", a rate or empty.
    for (const row of rows) {
      for (const cell of row.split(',')) expect(cell.replace(/^"|"$/g, '')).toMatch(/^(SCS-IMPLANT|SCS-10KHZ|back|leg|<11|\d+(\.\d+)?|)$/);
    }
    expectNoIdentifiers(csv, identifiers, 'the CSV');
  });

  await test.step('download the responder chart as PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), responders.getByRole('button', { name: /Download PNG/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fbss-outcomes-responders-\d{4}-\d{2}-\d{2}\.png$/);
    const png = await readFile(await download.path());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  await test.step('nothing on the page identifies a patient', async () => {
    expectNoIdentifiers(await page.locator('body').innerText(), identifiers, 'the page');
  });

  await test.step('both exports are in the audit trail', async () => {
    const admin = await playwright.request.newContext({ baseURL, storageState: storageStatePath('admin') });
    await expect
      .poll(async () => {
        const res = await admin.get('/api/admin/audit-events?username=manager&action=execute&pageSize=50');
        const body = (await res.json()) as { items: { subtype: string; detail: Record<string, unknown> | null; query: Record<string, unknown> | null }[] };
        return body.items
          .filter((e) => e.subtype === 'export')
          .map((e) => `${String(e.detail?.['format'])}:${String(e.detail?.['table'] ?? e.detail?.['chart'])}:${JSON.stringify([...((e.query?.['treatment'] as string[] | undefined) ?? [])].sort())}`);
      })
      .toEqual(expect.arrayContaining(['csv:responders:["SCS-10KHZ","SCS-IMPLANT"]', 'png:responders:["SCS-10KHZ","SCS-IMPLANT"]']));
    await admin.dispose();
  });
});
