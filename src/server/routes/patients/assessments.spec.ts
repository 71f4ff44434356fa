import { sql } from 'drizzle-orm';
import { execRows } from '../../db/client';
import { STATE_HEADERS, describeOnDatabases, useTestApp } from '../../test/helper';

describeOnDatabases('assessments and red flags', (kind) => {
  const t = useTestApp(kind);
  let nurse = '';
  let spec = '';
  let patientId = '';
  beforeAll(async () => {
    if (kind === 'postgres' && !process.env['TEST_DATABASE_URL']) return;
    nurse = await t().login('nurse');
    spec = await t().login('specialist');
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { cookie: spec, ...STATE_HEADERS },
      payload: {
        patient: { mrn: 'ASSESS-1', familyName: 'Painter', givenName: 'Pat', dateOfBirth: '1970-01-01', sex: 'male' },
        referral: { referringClinician: 'Dr Ref', referredOn: '2026-05-01', reason: 'Leg pain after fusion', priority: 'routine' },
        surgeries: [],
      },
    });
    patientId = res.json().patient.id;
  });

  const post = (cookie: string, payload: unknown, key?: string) =>
    t().app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/assessments`,
      headers: { cookie, ...STATE_HEADERS, ...(key ? { 'idempotency-key': key } : {}) },
      payload: payload as object,
    });

  it('a nurse records back 7 / leg 8 with left L5 numbness; the worklist shows the latest scores', async () => {
    const res = await post(nurse, { backNrs: 7, legNrs: 8, symptoms: [{ type: 'numbness', side: 'left', dermatomes: ['L5'] }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual(jasmine.objectContaining({ backNrs: 7, legNrs: 8, recordedBy: jasmine.stringContaining('nurse'), enteredInError: false }));
    expect(res.json().symptoms[0]).toEqual(jasmine.objectContaining({ type: 'numbness', side: 'left', dermatomes: ['L5'] }));
    const list = await t().app.inject({ method: 'GET', url: '/api/patients?q=painter', headers: { cookie: nurse } });
    expect(list.json().items[0]).toEqual(jasmine.objectContaining({ latestBackNrs: 7, latestLegNrs: 8 }));
  });

  it('NRS outside 0-10, decimals from the form, unknown symptom codes and one-sided pain entries are 400s naming the field', async () => {
    const res = await post(nurse, { backNrs: 11, legNrs: 2.5, symptoms: [{ type: 'itching' }] });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(jasmine.arrayContaining(['backNrs', 'legNrs', 'symptoms.0.type']));
    const oneSided = await post(nurse, { backNrs: 5 });
    expect(oneSided.statusCode).toBe(400);
    expect(oneSided.json().errors[0].path).toBe('legNrs');
    const [row] = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from assessments where back_nrs = 11 or back_nrs = 5`);
    expect(row!.n).toBe(0);
  });

  it('the ODI is scored by the shared rule: one missing section is scored, two are not', async () => {
    const one = await post(nurse, { odiAnswers: [2, 1, 2, 2, 2, 2, 2, 1, 2, null] });
    expect(one.json().odiScore).toBe(35.6);
    const two = await post(nurse, { odiAnswers: [2, 1, 2, 2, 2, 2, 2, null, 2, null] });
    expect(two.statusCode).toBe(201);
    expect(two.json().odiScore).toBeNull();
    const bad = await post(nurse, { odiAnswers: [6, 1, 2] });
    expect(bad.statusCode).toBe(400);
  });

  it('a retry with the same Idempotency-Key creates one assessment and returns the same body', async () => {
    const a = await post(nurse, { backNrs: 3, legNrs: 4 }, 'assess-retry-key-0001');
    const b = await post(nurse, { backNrs: 3, legNrs: 4 }, 'assess-retry-key-0001');
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const [row] = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from assessments where patient_id = ${patientId} and back_nrs = 3 and leg_nrs = 4`);
    expect(row!.n).toBe(1);
    // The key is per user: the same key from another user is a different submission.
    const c = await post(spec, { backNrs: 3, legNrs: 4 }, 'assess-retry-key-0001');
    expect(c.json().id).not.toBe(a.json().id);
  });

  it('entered-in-error: a nurse may retract her own entry, not a colleague’s; the latest scores fall back to the previous valid one', async () => {
    const first = await post(nurse, { backNrs: 6, legNrs: 6, recordedAt: new Date(Date.now() - 60_000).toISOString() });
    const mine = await post(nurse, { backNrs: 9, legNrs: 9 });
    const theirs = await post(spec, { backNrs: 2, legNrs: 2, recordedAt: new Date(Date.now() - 120_000).toISOString() });
    expect(first.statusCode).toBe(201);
    const denied = await t().app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/assessments/${theirs.json().id}/entered-in-error`,
      headers: { cookie: nurse, ...STATE_HEADERS },
      payload: { version: 1, reason: 'Wrong patient' },
    });
    expect(denied.statusCode).toBe(403);
    const ok = await t().app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/assessments/${mine.json().id}/entered-in-error`,
      headers: { cookie: nurse, ...STATE_HEADERS },
      payload: { version: 1, reason: 'Typed 9 instead of 6' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual(jasmine.objectContaining({ enteredInError: true, enteredInErrorReason: 'Typed 9 instead of 6' }));
    const [p] = await execRows<{ latest_back_nrs: number }>(t().database.db, sql`select latest_back_nrs from patients where id = ${patientId}`);
    expect(p!.latest_back_nrs).not.toBe(9);
    const noReason = await t().app.inject({
      method: 'POST',
      url: `/api/patients/${patientId}/assessments/${first.json().id}/entered-in-error`,
      headers: { cookie: nurse, ...STATE_HEADERS },
      payload: { version: 1, reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
  });

  it('a positive red-flag screen raises an alert and a worklist marker until a specialist acknowledges it; nurses cannot acknowledge', async () => {
    const res = await post(nurse, { redFlagsScreened: true, redFlags: ['saddle-numbness'] });
    expect(res.statusCode).toBe(201);
    const flagged = await t().app.inject({ method: 'GET', url: '/api/patients?redFlag=true', headers: { cookie: nurse } });
    expect(flagged.json().items.map((p: { id: string }) => p.id)).toContain(patientId);
    const alerts = await t().app.inject({ method: 'GET', url: `/api/patients/${patientId}/red-flags`, headers: { cookie: nurse } });
    const alert = alerts.json().items.find((a: { acknowledgedAt: string | null }) => a.acknowledgedAt === null);
    expect(alert.flags).toEqual(['saddle-numbness']);
    const url = `/api/patients/${patientId}/red-flags/${alert.id}/acknowledge`;
    expect((await t().app.inject({ method: 'POST', url, headers: { cookie: nurse, ...STATE_HEADERS }, payload: { version: 1, actionTaken: 'x' } })).statusCode).toBe(403);
    const ack = await t().app.inject({ method: 'POST', url, headers: { cookie: spec, ...STATE_HEADERS }, payload: { version: 1, actionTaken: 'Same-day MRI booked; spinal on-call informed' } });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledgedBy).toContain('specialist');
    const after = await t().app.inject({ method: 'GET', url: `/api/patients/${patientId}`, headers: { cookie: nurse } });
    expect(after.json().openRedFlag).toBeFalse();
    const [audit] = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from audit_events where subtype = 'red-flag-acknowledged' and entity_id = ${alert.id}`);
    expect(audit!.n).toBe(1);
  });

  it('red flags require the screen to be marked as asked; unknown flags are refused', async () => {
    const res = await post(nurse, { redFlags: ['saddle-numbness', 'moon-phase'] });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toContain('redFlags.1');
  });

  it('manager and admin cannot read or record assessments', async () => {
    for (const who of ['manager', 'admin']) {
      const cookie = await t().login(who);
      expect((await t().app.inject({ method: 'GET', url: `/api/patients/${patientId}/assessments`, headers: { cookie } })).statusCode).toBe(403);
      expect((await post(cookie, { backNrs: 1, legNrs: 1 })).statusCode).toBe(403);
    }
  });
});
