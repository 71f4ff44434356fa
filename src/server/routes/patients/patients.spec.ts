import { sql } from 'drizzle-orm';
import type { RegisterReferralBody } from '../../../shared/contracts/patients';
import { execRows } from '../../db/client';
import { STATE_HEADERS, describeOnDatabases, useTestApp, type TestApp } from '../../test/helper';

type Input = { mrn: string; family: string; given?: string; priority?: 'routine' | 'urgent' | 'asap' | 'stat'; referredOn?: string; procedure?: string; surgeon?: string; surgeryOn?: string };

function referral(i: Input): RegisterReferralBody {
  return {
    patient: { mrn: i.mrn, familyName: i.family, givenName: i.given ?? 'Alex', dateOfBirth: '1965-04-12', sex: 'female', phone: null, email: null },
    referral: { referringClinician: 'Mr Orth Surgeon', referredOn: i.referredOn ?? '2026-06-01', reason: 'Persistent leg pain after L5-S1 discectomy', priority: i.priority ?? 'routine' },
    surgeries: [
      { procedure: (i.procedure ?? 'DISCECTOMY') as never, levels: ['L5-S1'], performedOn: i.surgeryOn ?? '2025-11-20', surgeon: i.surgeon ?? 'Mr K Osei', hospital: 'St Elsewhere', instrumentation: null, isIndex: true },
    ],
  };
}

async function register(t: TestApp, cookie: string, i: Input, key?: string) {
  return t.app.inject({ method: 'POST', url: '/api/patients', headers: { cookie, ...STATE_HEADERS, ...(key ? { 'idempotency-key': key } : {}) }, payload: referral(i) });
}

describeOnDatabases('referrals, case details and status', (kind) => {
  const t = useTestApp(kind);
  let spec = '';
  let nurse = '';
  beforeAll(async () => {
    if (kind === 'postgres' && !process.env['TEST_DATABASE_URL']) return;
    spec = await t().login('specialist');
    nurse = await t().login('nurse');
  });

  it('a specialist registers a referral with the index surgery; the worklist shows it', async () => {
    const res = await register(t(), spec, { mrn: 'REG-001', family: 'Okonkwo', given: 'Ada' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.createdPatient).toBeTrue();
    expect(body.patient).toEqual(jasmine.objectContaining({ mrn: 'REG-001', status: 'referred', version: 1 }));
    expect(body.patient.surgeries[0]).toEqual(jasmine.objectContaining({ procedure: 'DISCECTOMY', levels: ['L5-S1'], isIndex: true }));
    const list = await t().app.inject({ method: 'GET', url: '/api/patients?q=okonkwo', headers: { cookie: nurse } });
    expect(list.json().items[0]).toEqual(jasmine.objectContaining({ mrn: 'REG-001', indexProcedure: 'DISCECTOMY', indexSurgeryDate: '2025-11-20' }));
  });

  it('a known MRN adds a referral episode to the existing patient instead of a duplicate', async () => {
    await register(t(), spec, { mrn: 'REG-002', family: 'Brennan' });
    const again = await register(t(), spec, { mrn: 'reg-002', family: 'Brennan', referredOn: '2026-09-01', priority: 'urgent' });
    expect(again.statusCode).toBe(200);
    expect(again.json().createdPatient).toBeFalse();
    expect(again.json().patient.referrals.length).toBe(2);
    expect(again.json().patient.priority).toBe('urgent');
    const check = await t().app.inject({ method: 'GET', url: '/api/patients/mrn-check?mrn=REG-002', headers: { cookie: spec } });
    expect(check.json()).toEqual({ exists: true, patient: jasmine.objectContaining({ familyName: 'Brennan', referrals: 2 }) });
  });

  it('a retried submission with the same Idempotency-Key creates one patient and returns the same response', async () => {
    const a = await register(t(), spec, { mrn: 'REG-IDEM', family: 'Idem' }, 'key-registration-0001');
    const b = await register(t(), spec, { mrn: 'REG-IDEM', family: 'Idem' }, 'key-registration-0001');
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json()).toEqual(a.json());
    const [row] = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from referrals r join patients p on p.id = r.patient_id where p.mrn = 'REG-IDEM'`);
    expect(row!.n).toBe(1);
    const other = await t().app.inject({ method: 'POST', url: '/api/patients', headers: { cookie: spec, ...STATE_HEADERS, 'idempotency-key': 'key-registration-0001' }, payload: referral({ mrn: 'REG-OTHER', family: 'Other' }) });
    expect(other.statusCode).toBe(422);
  });

  it('bad input is a 400 naming each field and changes nothing', async () => {
    const body = referral({ mrn: 'x', family: '' }) as unknown as Record<string, Record<string, unknown>>;
    body['referral']!['referredOn'] = '2026-13-45';
    const res = await t().app.inject({ method: 'POST', url: '/api/patients', headers: { cookie: spec, ...STATE_HEADERS }, payload: body });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(jasmine.arrayContaining(['patient.mrn', 'patient.familyName', 'referral.referredOn']));
    const [row] = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from patients where mrn = 'X'`);
    expect(row!.n).toBe(0);
  });

  it('a surgery after the referral is refused with the surgery field named', async () => {
    const res = await t().app.inject({ method: 'POST', url: '/api/patients', headers: { cookie: spec, ...STATE_HEADERS }, payload: referral({ mrn: 'REG-LATE', family: 'Late', surgeryOn: '2026-07-01' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContain(jasmine.objectContaining({ path: 'surgeries.0.performedOn' }));
  });

  it('nurse cannot register a referral, edit details or change case status', async () => {
    const created = (await register(t(), spec, { mrn: 'REG-NURSE', family: 'Nurse-Test' })).json().patient;
    const h = { cookie: nurse, ...STATE_HEADERS };
    expect((await t().app.inject({ method: 'POST', url: '/api/patients', headers: h, payload: referral({ mrn: 'REG-N2', family: 'N' }) })).statusCode).toBe(403);
    expect((await t().app.inject({ method: 'PATCH', url: `/api/patients/${created.id}`, headers: h, payload: { version: 1, phone: '1' } })).statusCode).toBe(403);
    expect((await t().app.inject({ method: 'POST', url: `/api/patients/${created.id}/status`, headers: h, payload: { version: 1, to: 'triage' } })).statusCode).toBe(403);
    expect((await t().app.inject({ method: 'POST', url: `/api/patients/${created.id}/causes`, headers: h, payload: { code: 'POST-FIB' } })).statusCode).toBe(403);
  });

  it('a stale update gets 409 with the current record and who changed it, and overwrites nothing', async () => {
    const created = (await register(t(), spec, { mrn: 'REG-409', family: 'Concurrent' })).json().patient;
    const first = await t().app.inject({ method: 'PATCH', url: `/api/patients/${created.id}`, headers: { cookie: spec, ...STATE_HEADERS }, payload: { version: 1, phone: '0161 000 0001' } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await t().app.inject({ method: 'PATCH', url: `/api/patients/${created.id}`, headers: { cookie: spec, ...STATE_HEADERS }, payload: { version: 1, phone: '0161 999 9999' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().current).toEqual(jasmine.objectContaining({ phone: '0161 000 0001', version: 2, updatedBy: jasmine.stringContaining('specialist') }));
    const now = await t().app.inject({ method: 'GET', url: `/api/patients/${created.id}`, headers: { cookie: spec } });
    expect(now.json().phone).toBe('0161 000 0001');
  });

  it('assigns a responsible specialist and a named nurse; "my cases" finds the patient', async () => {
    const created = (await register(t(), spec, { mrn: 'REG-MINE', family: 'Mine' })).json().patient;
    const res = await t().app.inject({
      method: 'PATCH',
      url: `/api/patients/${created.id}`,
      headers: { cookie: spec, ...STATE_HEADERS },
      payload: { version: 1, responsibleSpecialistId: t().users.get('specialist')!.id, namedNurseId: t().users.get('nurse')!.id },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().namedNurseName).toContain('demo nurse');
    const mine = await t().app.inject({ method: 'GET', url: '/api/patients?mine=true', headers: { cookie: nurse } });
    expect(mine.json().items.map((p: { mrn: string }) => p.mrn)).toContain('REG-MINE');
    const wrongRole = await t().app.inject({ method: 'PATCH', url: `/api/patients/${created.id}`, headers: { cookie: spec, ...STATE_HEADERS }, payload: { version: 2, namedNurseId: t().users.get('specialist')!.id } });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.json().errors[0].path).toBe('namedNurseId');
  });

  it('the case moves through the state machine; an invalid transition is 422 with a clear message', async () => {
    const created = (await register(t(), spec, { mrn: 'REG-SM', family: 'Statemachine' })).json().patient;
    const h = { cookie: spec, ...STATE_HEADERS };
    const triage = await t().app.inject({ method: 'POST', url: `/api/patients/${created.id}/status`, headers: h, payload: { version: 1, to: 'triage' } });
    expect(triage.statusCode).toBe(200);
    expect(triage.json().status).toBe('triage');
    const jump = await t().app.inject({ method: 'POST', url: `/api/patients/${created.id}/status`, headers: h, payload: { version: 2, to: 'follow-up' } });
    expect(jump.statusCode).toBe(422);
    expect(jump.json().detail).toContain('cannot move');
    const stale = await t().app.inject({ method: 'POST', url: `/api/patients/${created.id}/status`, headers: h, payload: { version: 1, to: 'assessment' } });
    expect(stale.statusCode).toBe(409);
    const [audit] = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from audit_events where subtype = 'case-status' and patient_id = ${created.id}`);
    expect(audit!.n).toBe(1);
  });

  it('reading a case is audited with the patient id', async () => {
    const created = (await register(t(), spec, { mrn: 'REG-AUD', family: 'Audited' })).json().patient;
    await t().app.inject({ method: 'GET', url: `/api/patients/${created.id}`, headers: { cookie: nurse } });
    const [row] = await execRows<{ n: number }>(
      t().database.db,
      sql`select count(*)::int as n from audit_events where action = 'read' and patient_id = ${created.id} and username = 'nurse' and outcome = 'success'`,
    );
    expect(row!.n).toBe(1);
    const missing = await t().app.inject({ method: 'GET', url: '/api/patients/00000000-0000-4000-8000-000000000000', headers: { cookie: nurse } });
    expect(missing.statusCode).toBe(404);
    const notUuid = await t().app.inject({ method: 'GET', url: '/api/patients/123', headers: { cookie: nurse } });
    expect(notUuid.statusCode).toBe(400);
  });
});

describeOnDatabases('suspected causes and clinical notes', (kind) => {
  const t = useTestApp(kind);
  let spec = '';
  let patientId = '';
  beforeAll(async () => {
    if (kind === 'postgres' && !process.env['TEST_DATABASE_URL']) return;
    spec = await t().login('specialist');
    patientId = (await register(t(), spec, { mrn: 'CAUSE-1', family: 'Causes' })).json().patient.id;
  });
  const h = () => ({ cookie: spec, ...STATE_HEADERS });

  it('tags a cause as provisional with evidence, confirms it, and keeps the full history', async () => {
    const add = await t().app.inject({ method: 'POST', url: `/api/patients/${patientId}/causes`, headers: h(), payload: { code: 'POST-PSA', status: 'provisional', evidenceNote: 'CT: no bridging bone at L4-L5' } });
    expect(add.statusCode).toBe(201);
    const tag = add.json();
    expect(tag).toEqual(jasmine.objectContaining({ code: 'POST-PSA', status: 'provisional', version: 1, taggedBy: jasmine.stringContaining('specialist') }));
    const confirm = await t().app.inject({ method: 'PATCH', url: `/api/patients/${patientId}/causes/${tag.id}`, headers: h(), payload: { version: 1, status: 'confirmed', evidenceNote: 'Flexion-extension films: motion at L4-L5' } });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().history.map((e: { change: string; status: string }) => `${e.change}:${e.status}`)).toEqual(['tagged:provisional', 'status:confirmed']);
    const list = await t().app.inject({ method: 'GET', url: `/api/patients?cause=POST-PSA`, headers: { cookie: spec } });
    expect(list.json().items[0].causes).toContain({ code: 'POST-PSA', status: 'confirmed' });
  });

  it('the same cause cannot be tagged twice; an unknown code is a 400', async () => {
    await t().app.inject({ method: 'POST', url: `/api/patients/${patientId}/causes`, headers: h(), payload: { code: 'POST-FIB' } });
    const dup = await t().app.inject({ method: 'POST', url: `/api/patients/${patientId}/causes`, headers: h(), payload: { code: 'POST-FIB' } });
    expect(dup.statusCode).toBe(422);
    const bad = await t().app.inject({ method: 'POST', url: `/api/patients/${patientId}/causes`, headers: h(), payload: { code: 'NOT-A-CAUSE', status: 'maybe' } });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as { path: string }[]).map((e) => e.path)).toEqual(jasmine.arrayContaining(['code', 'status']));
  });

  it('a tag marked entered-in-error leaves the list but not the database', async () => {
    const add = await t().app.inject({ method: 'POST', url: `/api/patients/${patientId}/causes`, headers: h(), payload: { code: 'OP-WL' } });
    const tag = add.json();
    const eie = await t().app.inject({ method: 'POST', url: `/api/patients/${patientId}/causes/${tag.id}/entered-in-error`, headers: h(), payload: { version: 1, reason: 'Tagged on the wrong patient' } });
    expect(eie.statusCode).toBe(204);
    const list = await t().app.inject({ method: 'GET', url: `/api/patients/${patientId}/causes`, headers: { cookie: spec } });
    expect(list.json().items.map((c: { code: string }) => c.code)).not.toContain('OP-WL');
    const [row] = await execRows<{ n: number }>(t().database.db, sql`select count(*)::int as n from cause_tags where id = ${tag.id} and entered_in_error`);
    expect(row!.n).toBe(1);
  });

  it('notes are authored, immutable and corrected by entered-in-error; nurses read them but cannot write', async () => {
    const add = await t().app.inject({ method: 'POST', url: `/api/patients/${patientId}/notes`, headers: h(), payload: { body: 'MDT: consider SCS trial.' } });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toEqual(jasmine.objectContaining({ body: 'MDT: consider SCS trial.', enteredInError: false, authorName: jasmine.stringContaining('specialist') }));
    const nurse = await t().login('nurse');
    const list = await t().app.inject({ method: 'GET', url: `/api/patients/${patientId}/notes`, headers: { cookie: nurse } });
    expect(list.json().items.length).toBeGreaterThan(0);
    const denied = await t().app.inject({ method: 'POST', url: `/api/patients/${patientId}/notes`, headers: { cookie: nurse, ...STATE_HEADERS }, payload: { body: 'x' } });
    expect(denied.statusCode).toBe(403);
    const eie = await t().app.inject({ method: 'POST', url: `/api/patients/${patientId}/notes/${add.json().id}/entered-in-error`, headers: h(), payload: { version: 1, reason: 'Wrong patient' } });
    expect(eie.json()).toEqual(jasmine.objectContaining({ enteredInError: true, enteredInErrorReason: 'Wrong patient', body: 'MDT: consider SCS trial.' }));
  });
});
