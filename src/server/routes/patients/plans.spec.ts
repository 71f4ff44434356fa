import { sql } from 'drizzle-orm';
import { addMonthsClamped, todayInZone } from '../../../shared/domain/follow-up';
import { execRows } from '../../db/client';
import { STATE_HEADERS, describeOnDatabases, useTestApp } from '../../test/helper';

describeOnDatabases('treatment plans, follow-ups and outcomes', (kind) => {
  const t = useTestApp(kind);
  let spec = '';
  let nurse = '';
  const today = () => todayInZone('Europe/London');

  beforeAll(async () => {
    if (kind === 'postgres' && !process.env['TEST_DATABASE_URL']) return;
    spec = await t().login('specialist');
    nurse = await t().login('nurse');
  });

  let seq = 0;
  /** Each spec gets its own patient with an active plan, so specs do not depend on their order. */
  async function newCase(): Promise<{ patientId: string; planId: string }> {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { cookie: spec, ...STATE_HEADERS },
      payload: {
        patient: { mrn: `PLAN-${++seq}`, familyName: 'Planner', givenName: 'Sam', dateOfBirth: '1961-02-03', sex: 'female' },
        referral: { referringClinician: 'Dr Ref', referredOn: addMonthsClamped(today(), -8), reason: 'Radicular leg pain after L4-L5 fusion', priority: 'routine' },
        surgeries: [],
      },
    });
    const patientId = res.json().patient.id as string;
    const plan = await inject('POST', `/api/patients/${patientId}/plans`, { goals: [{ text: 'Leg NRS <= 4', measure: 'leg-nrs', target: 4 }] });
    return { patientId, planId: plan.json().id as string };
  }
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, cookie = spec) =>
    t().app.inject({ method, url, headers: { cookie, ...STATE_HEADERS }, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('plans an SCS trial, records it as successful, plans and starts the implant; follow-ups, outcomes and audit follow', async () => {
    const { patientId, planId } = await newCase();
    // Baseline before the treatment: back 6, leg 8, ODI 40.
    const baselineAt = new Date(`${addMonthsClamped(today(), -4)}T10:00:00Z`).toISOString();
    const base = await inject('POST', `/api/patients/${patientId}/assessments`, { recordedAt: baselineAt, backNrs: 6, legNrs: 8, odiAnswers: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] }, nurse);
    expect(base.statusCode).toBe(201);

    const withTrial = await inject('POST', `/api/patients/${patientId}/plans/${planId}/items`, { treatmentCode: 'SCS-TRIAL', addressesCauses: ['POST-NEU'] });
    expect(withTrial.statusCode).toBe(201);
    const trial = withTrial.json().items[0];
    expect(trial).toEqual(jasmine.objectContaining({ status: 'planned', responsibleClinicianName: jasmine.stringContaining('specialist') }));

    const started = await inject('PATCH', `/api/patients/${patientId}/plan-items/${trial.id}`, { version: 1, status: 'active', startedOn: addMonthsClamped(today(), -3) });
    expect(started.statusCode).toBe(200);
    const relief = await inject('PATCH', `/api/patients/${patientId}/plan-items/${trial.id}`, { version: 2, trialReliefPct: 60, status: 'completed' });
    expect(relief.statusCode).toBe(200);
    const trialAfter = relief.json().items.find((i: { id: string }) => i.id === trial.id);
    expect(trialAfter).toEqual(jasmine.objectContaining({ trialDecision: 'success', trialReliefPct: 60, status: 'completed' }));
    expect(trialAfter.history.length).toBe(3);

    const withImplant = await inject('POST', `/api/patients/${patientId}/plans/${planId}/items`, { treatmentCode: 'SCS-10KHZ' });
    expect(withImplant.statusCode).withContext(withImplant.body).toBe(201);
    const implant = withImplant.json().items.find((i: { treatmentCode: string }) => i.treatmentCode === 'SCS-10KHZ');
    const startOn = addMonthsClamped(today(), -3);
    const active = await inject('PATCH', `/api/patients/${patientId}/plan-items/${implant.id}`, { version: 1, status: 'active', startedOn: startOn });
    const implantAfter = active.json().items.find((i: { id: string }) => i.id === implant.id);
    expect(implantAfter.followUps.map((f: { monthOffset: number }) => f.monthOffset)).toEqual([1, 3, 6, 12, 24]);
    expect(implantAfter.followUps[1].dueOn).toBe(addMonthsClamped(startOn, 3));

    // The nurse sees the 3-month follow-up due and records it; it completes the follow-up.
    const due = await inject('GET', '/api/follow-ups?due=week', undefined, nurse);
    expect(due.statusCode).toBe(200);
    expect(due.json().items.some((f: { patientId: string; monthOffset: number }) => f.patientId === patientId && f.monthOffset === 3)).toBeTrue();
    expect(due.json().overdueTotal).toBeGreaterThan(0);
    const fu = await inject('POST', `/api/patients/${patientId}/assessments`, { backNrs: 3, legNrs: 3, odiAnswers: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }, nurse);
    expect(fu.statusCode).toBe(201);

    const outcomes = await inject('GET', `/api/patients/${patientId}/plan-outcomes`, undefined, nurse);
    const o = outcomes.json().items.find((x: { itemId: string }) => x.itemId === implant.id);
    expect(o.baseline).toEqual(jasmine.objectContaining({ back: 6, leg: 8, odi: 40 }));
    const m3 = o.followUps.find((f: { monthOffset: number }) => f.monthOffset === 3);
    expect(m3.status).toBe('completed');
    expect(m3.leg).toEqual({ value: 3, change: 5, percent: 62.5, category: 'substantial' });
    expect(m3.back).toEqual({ value: 3, change: 3, percent: 50, category: 'substantial' });
    expect(m3.odi).toEqual({ value: 20, change: 20, odi10pt: true });
    const m1 = o.followUps.find((f: { monthOffset: number }) => f.monthOffset === 1);
    expect(m1.status).toBe('missed');

    const [audit] = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from audit_events where subtype = 'plan-item' and patient_id = ${patientId}`);
    expect(audit!.n).toBe(5);
  });

  it('an item cannot be completed once cancelled (422); a stale version is 409', async () => {
    const { patientId, planId } = await newCase();
    const added = await inject('POST', `/api/patients/${patientId}/plans/${planId}/items`, { treatmentCode: 'PHYSIO' });
    const item = added.json().items.find((i: { treatmentCode: string; status: string }) => i.treatmentCode === 'PHYSIO' && i.status === 'planned');
    expect((await inject('PATCH', `/api/patients/${patientId}/plan-items/${item.id}`, { version: 1, status: 'cancelled' })).statusCode).toBe(200);
    const complete = await inject('PATCH', `/api/patients/${patientId}/plan-items/${item.id}`, { version: 2, status: 'completed' });
    expect(complete.statusCode).toBe(422);
    const staleRes = await inject('PATCH', `/api/patients/${patientId}/plan-items/${item.id}`, { version: 1, outcomeNote: 'late' });
    expect(staleRes.statusCode).toBe(409);
  });

  it('stopping needs a reason; relief is only for an SCS trial', async () => {
    const { patientId, planId } = await newCase();
    const added = await inject('POST', `/api/patients/${patientId}/plans/${planId}/items`, { treatmentCode: 'MED-GABAPENTINOID' });
    const item = added.json().items.find((i: { treatmentCode: string }) => i.treatmentCode === 'MED-GABAPENTINOID');
    const noReason = await inject('PATCH', `/api/patients/${patientId}/plan-items/${item.id}`, { version: 1, status: 'stopped' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('stopReason');
    const relief = await inject('PATCH', `/api/patients/${patientId}/plan-items/${item.id}`, { version: 1, trialReliefPct: 80 });
    expect(relief.statusCode).toBe(400);
    expect(relief.json().errors[0].path).toBe('trialReliefPct');
  });

  it('one active plan at a time: a second needs replaceActive and keeps the first as history', async () => {
    const { patientId } = await newCase();
    const second = await inject('POST', `/api/patients/${patientId}/plans`, { goals: [] });
    expect(second.statusCode).toBe(422);
    const replaced = await inject('POST', `/api/patients/${patientId}/plans`, { goals: [], replaceActive: true });
    expect(replaced.statusCode).toBe(201);
    const all = await inject('GET', `/api/patients/${patientId}/plans`, undefined, nurse);
    expect(all.json().items.map((p: { status: string }) => p.status)).toEqual(['active', 'completed']);
  });

  it('nurse cannot create or change a treatment plan, but sees it', async () => {
    const { patientId, planId } = await newCase();
    const added = await inject('POST', `/api/patients/${patientId}/plans/${planId}/items`, { treatmentCode: 'PHYSIO' });
    const item = added.json().items[0];
    expect((await inject('POST', `/api/patients/${patientId}/plans`, { goals: [] }, nurse)).statusCode).toBe(403);
    expect((await inject('POST', `/api/patients/${patientId}/plans/${planId}/items`, { treatmentCode: 'PHYSIO' }, nurse)).statusCode).toBe(403);
    expect((await inject('PATCH', `/api/patients/${patientId}/plan-items/${item.id}`, { version: item.version, outcomeNote: 'x' }, nurse)).statusCode).toBe(403);
    const plans = await inject('GET', `/api/patients/${patientId}/plans`, undefined, nurse);
    expect(plans.statusCode).toBe(200);
    expect(plans.json().items[0].items.length).toBe(1);
  });

  it('a retracted follow-up assessment makes the follow-up due again', async () => {
    const { patientId, planId } = await newCase();
    const added = await inject('POST', `/api/patients/${patientId}/plans/${planId}/items`, { treatmentCode: 'ESI-TF' });
    const item = added.json().items[0];
    await inject('PATCH', `/api/patients/${patientId}/plan-items/${item.id}`, { version: 1, status: 'active', startedOn: addMonthsClamped(today(), -1) });
    await inject('POST', `/api/patients/${patientId}/assessments`, { backNrs: 4, legNrs: 5 }, nurse);
    const [row] = await execRows<{ id: string; completed_assessment_id: string }>(
      t().database.db,
      sql`select id, completed_assessment_id from follow_ups where patient_id = ${patientId} and status = 'completed' limit 1`,
    );
    expect(row).toBeDefined();
    const a = await inject('GET', `/api/patients/${patientId}/assessments`, undefined, nurse);
    const assessment = a.json().items.find((x: { id: string }) => x.id === row!.completed_assessment_id);
    const res = await inject('POST', `/api/patients/${patientId}/assessments/${assessment.id}/entered-in-error`, { version: assessment.version, reason: 'Recorded on the wrong patient' }, nurse);
    expect(res.statusCode).toBe(200);
    const [after] = await execRows<{ status: string }>(t().database.db, sql`select status from follow_ups where id = ${row!.id}`);
    expect(after!.status).toBe('due');
  });
});
