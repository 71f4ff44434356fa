/**
 * Recording assessments (issue 5): a nurse records pain and a symptom location in a few keystrokes and
 * sees it on the chart; a red-flag answer raises the case's banner until a specialist acknowledges it;
 * an entry made while the network is cut waits in Pending and is saved exactly once when it returns.
 */
import type { APIRequestContext, Page, PlaywrightWorkerArgs } from '@playwright/test';
import { expect, test } from './fixtures';
import { type Role, demoPassword, storageStatePath } from './support/auth';
import { MAIN_URL } from './support/env';

test.use({ storageState: storageStatePath('nurse') });

const STATE = { 'X-Requested-With': 'XMLHttpRequest' };

/**
 * Signs in through the API in this request context (shared with its browser context, if any). The journeys
 * start from the saved storage states, but a fresh session of our own keeps them independent of other runs
 * that write the same `.tmp/auth` files meanwhile.
 */
async function signInVia(request: APIRequestContext, role: Role): Promise<void> {
  const res = await request.post('/api/auth/login', { headers: STATE, data: { username: role, password: demoPassword(role) } });
  expect(res.status(), await res.text()).toBe(200);
}

async function specialistApi(playwright: PlaywrightWorkerArgs['playwright']): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL: MAIN_URL });
  await signInVia(api, 'specialist');
  return api;
}

interface NewPatient {
  readonly id: string;
  readonly familyName: string;
}

/** A patient of our own (registered by a specialist through the API), so counts and markers are ours alone. */
async function registerPatient(request: APIRequestContext, familyName: string): Promise<NewPatient> {
  const stamp = `${String(Date.now())}${String(Math.floor(Math.random() * 1000))}`;
  const today = new Date().toISOString().slice(0, 10);
  const res = await request.post('/api/patients', {
    headers: STATE,
    data: {
      patient: { mrn: `E2E-AS-${stamp}`, familyName, givenName: 'Nora', dateOfBirth: '1968-04-12', sex: 'female' },
      referral: { referringClinician: 'Dr Referrer', referredOn: today, reason: 'Leg pain after L4-L5 fusion', priority: 'routine' },
      surgeries: [],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { patient: { id: string } };
  return { id: body.patient.id, familyName };
}

interface AssessmentItem {
  readonly backNrs: number | null;
  readonly legNrs: number | null;
  readonly note: string | null;
  readonly enteredInError: boolean;
}

async function assessmentsOf(request: APIRequestContext, patientId: string): Promise<AssessmentItem[]> {
  const res = await request.get(`/api/patients/${patientId}/assessments`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: AssessmentItem[] }).items;
}

const backPain = (page: Page) => page.getByRole('radiogroup', { name: 'Back pain' });
const legPain = (page: Page) => page.getByRole('radiogroup', { name: 'Leg pain' });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save assessment' });
const painPanel = (page: Page) => page.getByRole('region', { name: 'Pain, symptoms and function' });

/** Opens the record form from the case page's "Record assessment" and waits for the focus on back pain. */
async function openForm(page: Page, patient: NewPatient): Promise<void> {
  await page.goto(`/patients/${patient.id}`);
  await page.getByRole('link', { name: /Record assessment/ }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}/assess`));
  await expect(backPain(page).getByRole('radio', { name: /^0/ })).toBeFocused();
  await expect(page.getByTestId('assess-patient')).toContainText(patient.familyName);
}

test('a nurse records back 7 / leg 8 with numbness on the left L5 in a few keystrokes and sees the new point on the chart', async ({
  page,
  playwright,
  axe,
}) => {
  const specialist = await specialistApi(playwright);
  await signInVia(page.request, 'nurse');
  const patient = await registerPatient(specialist, 'Keystroke');

  await test.step('the case has no assessments yet', async () => {
    await page.goto(`/patients/${patient.id}`);
    await expect(painPanel(page).getByText('No assessments yet')).toBeVisible();
  });

  // 1 click ("Record assessment"), then 7 and 8 on the keyboard: the focus moves to Save by itself.
  await test.step('Record assessment, 7, 8', async () => {
    await page.getByRole('link', { name: /Record assessment/ }).click();
    await expect(backPain(page).getByRole('radio', { name: /^0/ })).toBeFocused();
    await page.keyboard.press('7');
    await expect(legPain(page).getByRole('radio', { name: /^0/ })).toBeFocused();
    await page.keyboard.press('8');
    await expect(saveButton(page)).toBeFocused();
    await expect(backPain(page).getByRole('radio', { name: '7' })).toBeChecked();
    await expect(legPain(page).getByRole('radio', { name: '8' })).toBeChecked();
  });

  // 3 more clicks and Enter: the symptoms section, "Numbness", the left L5 dermatome on the diagram.
  await test.step('numbness on the left L5 dermatome, picked on the body diagram', async () => {
    await page.getByRole('button', { name: /Symptoms and location/ }).click();
    await page.getByRole('radio', { name: 'Numbness' }).click();
    const l5 = page
      .getByRole('group', { name: /Location of symptom 1 on the body diagram/ })
      .getByRole('checkbox', { name: /^Left L5 dermatome/ });
    await l5.click();
    await expect(l5).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('radio', { name: 'Left', exact: true })).toBeChecked();
    // The same choice, in the list.
    await expect(page.getByRole('checkbox', { name: 'Left L5 dermatome: lateral leg, dorsum of foot and big toe' }).last()).toBeChecked();
  });

  await test.step('accessibility of the form', async () => {
    await axe.expectNoSeriousA11yViolations(page);
  });

  await test.step('Enter saves; back on the case, the chart shows the new point', async () => {
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}$`));
    await expect(page.getByText(`Assessment saved for ${patient.familyName}, Nora`)).toBeVisible();
    const panel = painPanel(page);
    await panel.scrollIntoViewIfNeeded();
    const chart = panel.getByRole('img', { name: /Pain chart/ });
    await expect(chart).toHaveAttribute('aria-label', /1 assessment; latest on .*: Back pain 7, Leg pain 8/);
    await panel.getByRole('button', { name: 'Table', exact: true }).click();
    const row = panel.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(1)).toHaveText('7');
    await expect(row.getByRole('cell').nth(2)).toHaveText('8');
    await expect(panel.getByRole('img', { name: /Front view: Left L5 dermatome/ })).toBeVisible();
  });

  await test.step('accessibility of the case page with the chart', async () => {
    await axe.expectNoSeriousA11yViolations(page);
  });

  const saved = await assessmentsOf(specialist, patient.id);
  expect(saved.map((a) => [a.backNrs, a.legNrs])).toEqual([[7, 8]]);
  await specialist.dispose();
});

test('a red-flag answer raises the case banner and the worklist marker; a specialist acknowledges it with the action taken', async ({
  page,
  browser,
  playwright,
  axe,
}) => {
  const api = await specialistApi(playwright);
  await signInVia(page.request, 'nurse');
  const patient = await registerPatient(api, 'Redflag');

  await test.step('the nurse answers yes to saddle numbness and no to the rest', async () => {
    await openForm(page, patient);
    await page.keyboard.press('3');
    await page.keyboard.press('4');
    await page.getByRole('button', { name: /Red-flag screen/ }).click();
    await page
      .getByRole('radiogroup', { name: 'New numbness in the saddle or perineal area?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await expect(page.getByRole('alert').filter({ hasText: 'Red flag: saving raises an urgent alert' })).toContainText(
      'Emergency same-day MRI and spinal surgical referral',
    );
    await page.getByRole('button', { name: 'No to the rest' }).click();
    await saveButton(page).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}$`));
  });

  await test.step('the case shows the urgent banner and the open alert; the worklist marks the patient', async () => {
    await expect(page.getByRole('alert').filter({ hasText: 'Open red flag' }).first()).toBeVisible();
    await expect(painPanel(page).getByRole('heading', { name: /Open red flag \(1\)/ })).toBeVisible();
    await expect(painPanel(page).getByText('A pain specialist acknowledges this alert with the action taken.')).toBeVisible();
    const flagged = await page.request.get(`/api/patients?q=${patient.familyName}&redFlag=true`);
    expect(((await flagged.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toContain(patient.id);
  });

  const context = await browser.newContext();
  await signInVia(context.request, 'specialist');
  const specialist = await context.newPage();
  await test.step('a specialist acknowledges it with the action taken', async () => {
    await specialist.goto(`/patients/${patient.id}`);
    const panel = painPanel(specialist);
    await expect(panel.getByRole('heading', { name: /Open red flag \(1\)/ })).toBeVisible();
    await expect(panel).toContainText('New numbness in the saddle or perineal area?');
    await axe.expectNoSeriousA11yViolations(specialist);
    await panel.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(panel.getByText('Describe the action taken')).toBeVisible();
    await panel.getByLabel('Action taken').fill('Same-day MRI booked; spinal on-call informed');
    await panel.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(panel.getByRole('heading', { name: /Open red flag/ })).toHaveCount(0);
    // The case page refreshes: its banner goes.
    await expect(specialist.getByRole('alert').filter({ hasText: 'Open red flag' })).toHaveCount(0);
  });
  await context.close();

  const flagged = await page.request.get(`/api/patients?q=${patient.familyName}&redFlag=true`);
  expect(((await flagged.json()) as { items: { id: string }[] }).items.map((p) => p.id)).not.toContain(patient.id);
  const alerts = await api.get(`/api/patients/${patient.id}/red-flags`);
  const { items } = (await alerts.json()) as { items: { actionTaken: string | null; acknowledgedBy: string | null }[] };
  expect(items).toEqual([expect.objectContaining({ actionTaken: 'Same-day MRI booked; spinal on-call informed' })]);
  expect(items[0]?.acknowledgedBy).toBeTruthy();
  await api.dispose();
});

test('with the network cut, the entry waits in Pending and is saved exactly once when the network returns', async ({
  page,
  context,
  playwright,
}) => {
  const specialist = await specialistApi(playwright);
  await signInVia(page.request, 'nurse');
  const patient = await registerPatient(specialist, 'Offline');
  const note = (label: string) => `e2e ${label} ${String(Date.now())}`;

  const offlineNote = note('offline');
  await test.step('offline: the entry shows as pending, never as saved', async () => {
    await openForm(page, patient);
    await page.keyboard.press('5');
    await page.keyboard.press('6');
    await page.getByLabel('Note (optional)').fill(offlineNote);
    await context.setOffline(true);
    await saveButton(page).click();
    await expect(page.getByRole('heading', { name: 'Not sent yet: waiting in Pending' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pending (1)' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Saved' })).toHaveCount(0);
  });

  await test.step('back online: sent by itself, once', async () => {
    await context.setOffline(false);
    await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: /Pending/ })).toHaveCount(0);
    const items = await assessmentsOf(specialist, patient.id);
    expect(items.filter((a) => a.note === offlineNote)).toHaveLength(1);
  });

  // The request reaches the server but its answer is lost: the retry (same Idempotency-Key) gets the
  // first answer back and no second assessment is made.
  const lostNote = note('lost answer');
  await test.step('the answer is lost on the way back: the retry is answered from the first, still one assessment', async () => {
    await page.getByRole('button', { name: 'Record another assessment' }).click();
    await expect(backPain(page).getByRole('radio', { name: /^0/ })).toBeFocused();
    await page.keyboard.press('2');
    await page.keyboard.press('3');
    await page.getByLabel('Note (optional)').fill(lostNote);
    let cut = true;
    await page.route(`**/api/patients/${patient.id}/assessments`, async (route) => {
      if (!cut || route.request().method() !== 'POST') return route.fallback();
      cut = false;
      await route.fetch(); // the server records it...
      await route.abort('internetdisconnected'); // ...and the answer never arrives
    });
    await saveButton(page).click();
    await expect(page.getByRole('heading', { name: 'Not sent yet: waiting in Pending' })).toBeVisible();
    // Retried with backoff (2 s) with the same key; the server replays its first answer.
    await expect(page.getByRole('heading', { name: 'Saved' })).toBeVisible({ timeout: 20_000 });
    const items = await assessmentsOf(specialist, patient.id);
    expect(items.filter((a) => a.note === lostNote)).toHaveLength(1);
    expect(items.filter((a) => a.note === offlineNote)).toHaveLength(1);
  });
  await specialist.dispose();
});
