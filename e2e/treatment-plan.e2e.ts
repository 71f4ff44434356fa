/**
 * Treatment plans, the spinal cord stimulation pathway, follow-ups and outcomes (issue 6).
 *
 * A specialist plans an SCS trial for a demo patient, records it as successful (60% relief) and plans and starts the
 * 10 kHz implant three months ago; the implant's 3-month follow-up appears in the nurse's "Due this week" list; the
 * nurse records the assessment from there; the case page's outcome table shows the change and the responder category,
 * and the pain chart is given the treatments. Axe scans the follow-ups page, the case page with the panel and a dialog.
 */
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { addDays, addMonthsClamped } from '../src/shared/domain/follow-up';
import { expect, test } from './fixtures';
import { mainNav, storageStatePath, submitSignIn, usernameField } from './support/auth';
import { MAIN_URL } from './support/env';

const STATE = { 'x-requested-with': 'XMLHttpRequest' };

/** Today as the clinic's calendar date (the server runs in the same time zone as this machine). */
function today(): string {
  const d = new Date();
  return `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface DemoPatient {
  readonly id: string;
  readonly familyName: string;
  readonly givenName: string;
}

/**
 * A demo patient from the worklist with no treatment plan and no assessment in the last six months, so that the
 * follow-ups scheduled below are not completed by an older assessment and the baseline is the one recorded here.
 */
async function pickPatient(request: APIRequestContext): Promise<DemoPatient> {
  const since = Date.parse(`${addMonthsClamped(today(), -6)}T00:00:00Z`);
  for (const status of ['referred', 'triage', 'assessment']) {
    const page = await request.get(`/api/patients?status=${status}&pageSize=100`);
    expect(page.ok()).toBeTruthy();
    const { items } = (await page.json()) as { items: DemoPatient[] };
    for (const patient of items) {
      const plans = (await (await request.get(`/api/patients/${patient.id}/plans`)).json()) as { items: unknown[] };
      if (plans.items.length > 0) continue;
      const assessments = (await (await request.get(`/api/patients/${patient.id}/assessments`)).json()) as {
        items: { recordedAt: string }[];
      };
      if (assessments.items.some((a) => Date.parse(a.recordedAt) >= since)) continue;
      return patient;
    }
  }
  throw new Error('No demo patient without a plan and without recent assessments');
}

/**
 * A page signed in as `role` with the setup project's saved session. `.tmp/auth/<role>.json` is shared by every e2e
 * run on this machine (and cookies ignore ports), so when another run has replaced it the session is not valid here:
 * then this signs in through the form.
 */
async function signedInPage(browser: Browser, role: 'nurse' | 'specialist'): Promise<Page> {
  const context = await browser.newContext({ baseURL: MAIN_URL, locale: 'en-GB', storageState: storageStatePath(role) });
  const page = await context.newPage();
  await page.goto('/');
  await expect(mainNav(page).or(usernameField(page))).toBeVisible();
  if (await usernameField(page).isVisible()) {
    await submitSignIn(page, role);
    await expect(mainNav(page)).toBeVisible();
  }
  return page;
}

const panel = (page: Page): Locator => page.getByRole('region', { name: 'Treatment plan' });
const item = (page: Page, name: string): Locator => panel(page).getByRole('article', { name, exact: true });
const dialog = (page: Page, name: string | RegExp): Locator => page.getByRole('dialog', { name });

async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const TRIAL = 'Spinal cord stimulation trial';
const IMPLANT = '10 kHz high-frequency spinal cord stimulator implant';

test('a specialist plans an SCS trial and the implant; a nurse records the 3-month follow-up; outcomes follow', async ({
  browser,
  axe,
}) => {
  test.setTimeout(180_000);
  const day = today();
  const trialStart = addMonthsClamped(day, -4);
  const trialEnd = addDays(addMonthsClamped(day, -3), -7);
  const implantStart = addMonthsClamped(day, -3);

  const specialist = await signedInPage(browser, 'specialist');
  const patient = await pickPatient(specialist.request);
  const name = `${patient.familyName}, ${patient.givenName}`;

  await test.step('baseline before the treatment: back 6, leg 8, ODI 40 (recorded through the API)', async () => {
    const res = await specialist.request.post(`/api/patients/${patient.id}/assessments`, {
      headers: STATE,
      data: { recordedAt: `${addDays(trialStart, -3)}T10:00:00.000Z`, backNrs: 6, legNrs: 8, odiAnswers: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] },
    });
    expect(res.status(), await res.text()).toBe(201);
  });

  await test.step('the specialist creates a plan with a goal', async () => {
    await specialist.goto(`/patients/${patient.id}`);
    await expect(panel(specialist).getByText('No active treatment plan')).toBeVisible();
    await panel(specialist).getByRole('button', { name: 'New plan' }).click();
    const d = dialog(specialist, 'New treatment plan');
    await d.getByLabel('Goal 1 description').fill('Leg pain NRS 4 or less');
    await d.getByLabel(/Goal 1: Leg NRS at most/).fill('4');
    await d.getByRole('button', { name: 'Create plan' }).click();
    await expect(d).toBeHidden();
    await expect(panel(specialist).getByText('Leg NRS ≤ 4')).toBeVisible();
  });

  await test.step('plans the SCS trial and starts it', async () => {
    await panel(specialist).getByRole('button', { name: 'Add treatment' }).first().click();
    const add = dialog(specialist, 'Add a treatment');
    await choose(specialist, add, 'Treatment', TRIAL);
    await expect(add.getByText('Follow-ups 1, 3, 6, 12 and 24 months after the start.')).toBeVisible();
    await add.getByRole('button', { name: 'Add to plan' }).click();
    await expect(add).toBeHidden();
    await expect(item(specialist, TRIAL)).toContainText('Planned');

    await item(specialist, TRIAL)
      .getByRole('button', { name: `Start ${TRIAL}` })
      .click();
    const start = dialog(specialist, `Start: ${TRIAL}`);
    await start.getByLabel('Start date').fill(trialStart);
    await start.getByRole('button', { name: 'Start treatment' }).click();
    await expect(start).toBeHidden();
    await expect(item(specialist, TRIAL).getByRole('button', { name: `Complete ${TRIAL}` })).toBeVisible();
  });

  await test.step('records the trial as successful (60% relief), which offers the permanent implant', async () => {
    await item(specialist, TRIAL).getByRole('button', { name: 'Record trial result' }).click();
    const result = dialog(specialist, 'Record trial result');
    await result.getByLabel('Pain relief during the trial').fill('45');
    await expect(result.getByRole('status')).toContainText('Below 50%: not a successful trial');
    await result.getByLabel('Pain relief during the trial').fill('60');
    await expect(result.getByRole('status')).toContainText('Counts as a successful trial');
    await axe.expectNoSeriousA11yViolations(specialist, { include: '.mat-mdc-dialog-container' });
    await result.getByLabel('Trial end date').fill(trialEnd);
    await result.getByRole('button', { name: 'Save result' }).click();
    await expect(result).toBeHidden();
    await expect(item(specialist, TRIAL)).toContainText('60% relief: successful');
  });

  await test.step('plans the 10 kHz implant and starts it three months ago', async () => {
    await item(specialist, TRIAL).getByRole('button', { name: 'Plan the permanent implant' }).click();
    const add = dialog(specialist, 'Plan the permanent implant');
    await add.getByRole('combobox', { name: 'Treatment' }).click();
    await expect(specialist.getByRole('option')).toHaveCount(2);
    await specialist.getByRole('option', { name: IMPLANT, exact: true }).click();
    await add.getByRole('button', { name: 'Add to plan' }).click();
    await expect(add).toBeHidden();
    await expect(item(specialist, TRIAL).getByRole('button', { name: 'Plan the permanent implant' })).toHaveCount(0);

    await item(specialist, IMPLANT)
      .getByRole('button', { name: `Start ${IMPLANT}` })
      .click();
    const start = dialog(specialist, `Start: ${IMPLANT}`);
    await start.getByLabel('Start date').fill(implantStart);
    await start.getByRole('button', { name: 'Start treatment' }).click();
    await expect(start).toBeHidden();
    // The Start button is gone: the focus lands on the item, not on the page.
    await expect(item(specialist, IMPLANT).getByRole('heading', { name: IMPLANT })).toBeFocused();
    const schedule = item(specialist, IMPLANT).getByRole('region', { name: 'Follow-up schedule' });
    await expect(schedule.getByRole('listitem')).toHaveCount(5);
    await expect(schedule.getByRole('listitem').nth(1)).toContainText('3 months');
    await expect(schedule.getByRole('listitem').nth(1)).toContainText('Due');
  });

  await test.step('the item history says who changed what', async () => {
    const history = item(specialist, TRIAL).locator('details.history');
    await history.locator('summary').click();
    await expect(history).toContainText('Trial relief: — → 60%');
    await expect(history).toContainText('Status: Active → Completed');
  });

  await test.step('the case page with the panel passes the accessibility scan', async () => {
    await axe.expectNoSeriousA11yViolations(specialist);
  });
  await specialist.context().close();

  const nurse = await signedInPage(browser, 'nurse');
  await test.step('the implant’s 3-month follow-up is in the nurse’s "Due this week" list', async () => {
    await nurse.goto('/follow-ups?pageSize=100');
    await expect(nurse.getByRole('heading', { name: 'Follow-ups due', level: 1 })).toBeVisible();
    await expect(nurse.getByRole('radio', { name: /Due this week/ })).toBeChecked();
    const row = nurse.getByRole('row').filter({ hasText: name }).filter({ hasText: IMPLANT });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('3 months');
    await axe.expectNoSeriousA11yViolations(nurse);
  });

  await test.step('the nurse records the assessment from the list, in one click', async () => {
    const row = nurse.getByRole('row').filter({ hasText: name }).filter({ hasText: IMPLANT });
    await row.getByRole('link', { name: `Record assessment for ${name}` }).click();
    await expect(nurse).toHaveURL(new RegExp(`/patients/${patient.id}/assess`));
    // The form's keyboard path: the focus starts on back pain; a digit scores it and moves on.
    const back = nurse.getByRole('radiogroup', { name: 'Back pain' });
    const leg = nurse.getByRole('radiogroup', { name: 'Leg pain' });
    await expect(back.getByRole('radio', { name: /^0/ })).toBeFocused();
    await nurse.keyboard.press('3');
    await expect(leg.getByRole('radio', { name: /^0/ })).toBeFocused();
    await nurse.keyboard.press('3');
    await expect(back.getByRole('radio', { name: '3', exact: true })).toBeChecked();
    await expect(leg.getByRole('radio', { name: '3', exact: true })).toBeChecked();
    await nurse.getByRole('button', { name: 'Save assessment' }).click();
    // Back to the list it came from; the follow-up is done.
    await expect(nurse).toHaveURL(/\/follow-ups/);
    await expect(nurse.getByRole('row').filter({ hasText: name }).filter({ hasText: IMPLANT })).toHaveCount(0);
  });

  await test.step('the outcome table shows the change and the responder category (read-only for the nurse)', async () => {
    await nurse.goto(`/patients/${patient.id}`);
    await expect(panel(nurse).getByRole('button', { name: 'Add treatment' })).toHaveCount(0);
    const outcomes = item(nurse, IMPLANT).getByRole('table');
    const baseline = outcomes.getByRole('row').filter({ hasText: 'Baseline' });
    await expect(baseline).toContainText('6');
    await expect(baseline).toContainText('8');
    const m3 = outcomes.getByRole('row').filter({ hasText: '3 months' });
    await expect(m3).toContainText('Assessed');
    await expect(m3).toContainText('−3 (50% lower)');
    await expect(m3).toContainText('−5 (62.5% lower)');
    await expect(m3).toContainText('Substantial (50% or more)');
    const m1 = outcomes.getByRole('row').filter({ hasText: /^1 month/ });
    await expect(m1).toContainText('Missed');
    await expect(m1).toContainText('Missing');
  });

  await test.step('the pain chart shows the treatments (its baseline is the implant’s start)', async () => {
    const chartPanel = nurse.getByRole('region', { name: 'Pain, symptoms and function' });
    await chartPanel.scrollIntoViewIfNeeded();
    await expect(chartPanel.getByText(`Baseline: the last scores on or before the start of ${IMPLANT}`)).toBeVisible();
    const treatments = chartPanel.getByRole('region', { name: 'Treatments on the chart' });
    await expect(treatments.getByRole('listitem').filter({ hasText: IMPLANT })).toHaveCount(1);
    await expect(treatments.getByRole('listitem').filter({ hasText: TRIAL })).toHaveCount(1);
  });
  await nurse.context().close();
});

test('the follow-ups list keeps its tab and "my patients" in the URL', async ({ browser }) => {
  const nurse = await signedInPage(browser, 'nurse');
  await nurse.goto('/follow-ups');
  await nurse.getByRole('radio', { name: /Overdue/ }).click();
  await expect(nurse).toHaveURL(/due=overdue/);
  await nurse.getByRole('switch', { name: 'My patients only' }).click();
  await expect(nurse).toHaveURL(/mine=true/);
  await nurse.goBack();
  await expect(nurse).not.toHaveURL(/mine=true/);
  await expect(nurse.getByRole('radio', { name: /Overdue/ })).toBeChecked();
  await nurse.context().close();
});
