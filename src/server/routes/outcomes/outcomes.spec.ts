import { addMonthsClamped, todayInZone } from '../../../shared/domain/follow-up';
import type { Database } from '../../db/client';
import { STATE_HEADERS, describeOnDatabases, useTestApp } from '../../test/helper';

interface CohortPatient {
  mrn: string;
  treatment: string;
  baseLeg: number;
  baseBack: number;
  /** null = no assessment at 6 months (missed); 'eie' = only an assessment entered in error. */
  m6Leg: number | null | 'eie';
  /** Back NRS at 6 months (default: unchanged from baseline). */
  m6Back?: number;
  /** Case status (default treatment). */
  status?: string;
  cause?: { code: string; status: string };
}

/** Inserts a hand-made cohort directly, so the expected rates are known exactly. */
async function insertCohort(database: Database, specialistId: string, patients: CohortPatient[]): Promise<void> {
  const today = todayInZone('Europe/London');
  const start = addMonthsClamped(today, -8);
  const m6 = addMonthsClamped(start, 6);
  for (const c of patients) {
    const [p] = await database.query<{ id: string }>(
      `insert into patients (mrn, family_name, given_name, date_of_birth, sex, status, referred_on, responsible_specialist_id)
       values ($1, 'Cohortname', 'Given', '1960-01-01', 'female', $4, $2::date, $3) returning id`,
      [c.mrn, addMonthsClamped(start, -2), specialistId, c.status ?? 'treatment'],
    );
    const pid = p!.id;
    await database.query(
      `insert into referrals (patient_id, referring_clinician, referred_on, reason, priority) values ($1, 'Dr R', $2::date, 'FBSS', 'routine')`,
      [pid, addMonthsClamped(start, -2)],
    );
    const [plan] = await database.query<{ id: string }>(`insert into treatment_plans (patient_id) values ($1) returning id`, [pid]);
    await database.query(
      `insert into assessments (patient_id, recorded_at, back_nrs, leg_nrs) values ($1, ($2::date - 7)::timestamptz, $3, $4)`,
      [pid, start, c.baseBack, c.baseLeg],
    );
    const [item] = await database.query<{ id: string }>(
      `insert into plan_items (plan_id, patient_id, treatment_code, status, started_on, responsible_clinician_id) values ($1, $2, $3, 'active', $4::date, $5) returning id`,
      [plan!.id, pid, c.treatment, start, specialistId],
    );
    let assessmentId: string | null = null;
    if (c.m6Leg !== null) {
      const eie = c.m6Leg === 'eie';
      const [a] = await database.query<{ id: string }>(
        `insert into assessments (patient_id, recorded_at, back_nrs, leg_nrs, entered_in_error) values ($1, ($2::date)::timestamptz + interval '10 hours', $3, $4, $5) returning id`,
        [pid, m6, c.m6Back ?? c.baseBack, eie ? 1 : c.m6Leg, eie],
      );
      assessmentId = a!.id;
    }
    await database.query(
      `insert into follow_ups (plan_item_id, patient_id, month_offset, due_on, status, completed_assessment_id) values ($1, $2, 6, $3::date, $4, $5)`,
      [item!.id, pid, m6, assessmentId && c.m6Leg !== 'eie' ? 'completed' : 'due', c.m6Leg === 'eie' ? null : assessmentId],
    );
    if (c.cause)
      await database.query(`insert into cause_tags (patient_id, code, status) values ($1, $2, $3)`, [pid, c.cause.code, c.cause.status]);
  }
}

/** from..to inclusive. */
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describeOnDatabases('outcomes dashboard (de-identified aggregates)', (kind) => {
  const t = useTestApp(kind);
  let manager = '';

  beforeAll(async () => {
    if (kind === 'postgres' && !process.env['TEST_DATABASE_URL']) return;
    manager = await t().login('manager');
    const spec = t().users.get('specialist')!.id;
    const scs: CohortPatient[] = [
      // 12 reach 50% (8 -> 4; 6 of them with confirmed epidural fibrosis), 11 more reach 30% (8 -> 5), 11 do not
      // (8 -> 7; 3 with provisional epidural fibrosis).
      ...range(1, 12).map((i) => ({
        mrn: `SCS-${i}`,
        treatment: 'SCS-IMPLANT',
        baseLeg: 8,
        baseBack: 6,
        m6Leg: 4,
        ...(i <= 6 ? { cause: { code: 'POST-FIB', status: 'confirmed' } } : {}),
      })),
      ...range(13, 23).map((i) => ({ mrn: `SCS-${i}`, treatment: 'SCS-IMPLANT', baseLeg: 8, baseBack: 6, m6Leg: 5 })),
      // Back pain: unchanged (6 -> 6) but for 5 of the last group (6 -> 3).
      ...range(24, 34).map((i) => ({
        mrn: `SCS-${i}`,
        treatment: 'SCS-IMPLANT',
        baseLeg: 8,
        baseBack: 6,
        m6Leg: 7,
        ...(i >= 30 ? { m6Back: 3 } : {}),
        ...(i >= 32 ? { status: 'follow-up' } : {}),
        ...(i <= 26 ? { cause: { code: 'POST-FIB', status: 'provisional' } } : {}),
      })),
      { mrn: 'SCS-EIE', treatment: 'SCS-IMPLANT', baseLeg: 8, baseBack: 6, m6Leg: 'eie' },
      { mrn: 'SCS-MISS-1', treatment: 'SCS-IMPLANT', baseLeg: 8, baseBack: 6, m6Leg: null },
      { mrn: 'SCS-MISS-2', treatment: 'SCS-IMPLANT', baseLeg: 8, baseBack: 6, m6Leg: null },
    ];
    const physio: CohortPatient[] = [1, 2, 3, 4, 5].map((i) => ({
      mrn: `PHY-${i}`,
      treatment: 'PHYSIO',
      baseLeg: 6,
      baseBack: 6,
      m6Leg: 5,
    }));
    await insertCohort(t().database, spec, [...scs, ...physio]);
  });

  const dashboard = (query = '') => t().app.inject({ method: 'GET', url: `/api/outcomes/dashboard${query}`, headers: { cookie: manager } });

  it('computes 6-month leg responder rates with the denominator, Wilson intervals and missing follow-ups reported apart', async () => {
    const res = await dashboard();
    expect(res.statusCode).toBe(200);
    const row = res
      .json()
      .responders.find(
        (r: { treatmentCode: string; month: number; site: string }) =>
          r.treatmentCode === 'SCS-IMPLANT' && r.month === 6 && r.site === 'leg',
      );
    // 34 evaluable: 12 reach 50% (8 -> 4), 11 more reach 30% (8 -> 5), 11 do not (8 -> 7).
    expect(row.evaluable).toEqual({ value: 34, suppressed: false });
    // Two missed follow-ups and one whose only assessment was entered in error: missing, not non-responders.
    expect(row.missing).toEqual({ value: null, suppressed: true });
    expect(row.pain30.responders).toBe(23);
    expect(row.pain30.rate).toBeCloseTo(23 / 34, 6);
    expect(row.pain50.responders).toBe(12);
    expect(row.pain50.rate).toBeCloseTo(12 / 34, 6);
    // Wilson 95% interval for 12 of 34.
    expect(row.pain50.low).toBeCloseTo(0.2149, 3);
    expect(row.pain50.high).toBeCloseTo(0.5209, 3);
  });

  it('hides a rate whose responders or non-responders are under 11: with the denominator it would give them away', async () => {
    const res = await dashboard('?cause=POST-FIB&status=treatment');
    expect(res.statusCode).toBe(200);
    // 9 patients with epidural fibrosis: the group itself is under 11.
    const fib = res
      .json()
      .responders.find(
        (r: { treatmentCode: string; month: number; site: string }) =>
          r.treatmentCode === 'SCS-IMPLANT' && r.month === 6 && r.site === 'leg',
      );
    expect(fib.suppressed).toBeTrue();
    // Back pain at 6 months: 34 evaluable (shown), 5 responders and 29 not: neither the count nor the rate is shown.
    const back = (await dashboard())
      .json()
      .responders.find(
        (r: { treatmentCode: string; month: number; site: string }) =>
          r.treatmentCode === 'SCS-IMPLANT' && r.month === 6 && r.site === 'back',
      );
    expect(back.suppressed).toBeFalse();
    expect(back.evaluable).toEqual({ value: 34, suppressed: false });
    expect(back.pain30).toEqual({ responders: null, rate: null, low: null, high: null });
    expect(back.pain50).toEqual({ responders: null, rate: null, low: null, high: null });
  });

  it('hides a second cell where one small cell could be worked out from a shown total (referrals by status)', async () => {
    const res = await dashboard();
    // The whole cohort was referred in one month: 39 now in treatment, 3 in follow-up, 42 in all.
    const month = res.json().referrals.find((r: { total: { value: number | null } }) => r.total.value === 42);
    expect(month).toBeDefined();
    expect(month.byStatus['follow-up']).toEqual({ value: null, suppressed: true });
    // 42 - 39 would give the 3 away: treatment is hidden too.
    expect(month.byStatus.treatment).toEqual({ value: null, suppressed: true });
    expect(month.byStatus.referred).toEqual({ value: 0, suppressed: false });
  });

  it('suppresses groups under 11 patients: no rate is computed into view', async () => {
    const res = await dashboard();
    const physio = res
      .json()
      .responders.find(
        (r: { treatmentCode: string; month: number; site: string }) => r.treatmentCode === 'PHYSIO' && r.month === 6 && r.site === 'leg',
      );
    expect(physio.suppressed).toBeTrue();
    expect(physio.evaluable).toEqual({ value: null, suppressed: true });
    expect(physio.pain30).toEqual({ responders: null, rate: null, low: null, high: null });
  });

  it('filters by treatment and cause on the server', async () => {
    const res = await dashboard('?treatment=SCS-IMPLANT&cause=POST-FIB');
    const row = res.json().responders.find((r: { month: number; site: string }) => r.month === 6 && r.site === 'leg');
    // Only the 9 patients tagged with epidural fibrosis: under 11, so suppressed.
    expect(row.suppressed).toBeTrue();
    const causes = res.json().causes.find((c: { code: string }) => c.code === 'POST-FIB');
    expect(causes.confirmed).toEqual({ value: null, suppressed: true });
    const bad = await dashboard('?treatment=NOT-A-TREATMENT');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('treatment');
  });

  it('tiles: active cases and follow-up completion (completed / due)', async () => {
    const res = await dashboard();
    const tiles = res.json().tiles;
    expect(tiles.activeCases).toEqual({ value: 42, suppressed: false });
    // 39 completed (34 SCS + 5 physio), 42 due (plus the two missed and the one entered in error).
    expect(tiles.followUpCompletion.completed).toEqual({ value: 39, suppressed: false });
    expect(tiles.followUpCompletion.due).toEqual({ value: 42, suppressed: false });
    expect(tiles.followUpCompletion.rate).toBeCloseTo(39 / 42, 6);
  });

  it('returns no names, MRNs, dates of birth or row-level data', async () => {
    const res = await dashboard();
    expect(res.body).not.toContain('Cohortname');
    expect(res.body).not.toContain('SCS-1');
    expect(res.body).not.toContain('1960-01-01');
    expect(res.body).not.toMatch(/"(patientId|mrn|familyName|dateOfBirth)"/);
  });

  it('exports each table as CSV with suppressed cells as <11, and audits the export', async () => {
    const res = await t().app.inject({
      method: 'GET',
      url: '/api/outcomes/export?table=responders&treatment=SCS-IMPLANT',
      headers: { cookie: manager },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toContain('treatment,month,site,evaluable,missing');
    expect(lines.find((l) => l.startsWith('SCS-IMPLANT,6,leg'))).toContain(',34,<11,');
    expect(res.body).not.toContain('Cohortname');
    const [row] = await t().database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where subtype = 'export' and username = 'manager'`,
    );
    expect(row!.n).toBeGreaterThan(0);
  });

  it('lists specialists for the clinician filter and filters by clinician', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/outcomes/clinicians', headers: { cookie: manager } });
    expect(res.statusCode).toBe(200);
    const spec = res.json().items.find((c: { displayName: string }) => c.displayName.includes('demo specialist'));
    expect(spec).toBeDefined();
    const filtered = await dashboard(`?clinician=${spec.id}`);
    expect(filtered.json().tiles.activeCases).toEqual({ value: 42, suppressed: false });
    const other = res.json().items.find((c: { displayName: string }) => c.displayName.includes('Chen'));
    const none = await dashboard(`?clinician=${other.id}`);
    expect(none.json().tiles.activeCases).toEqual({ value: 0, suppressed: false });
  });

  it('a manager cannot reach row-level endpoints; a nurse cannot reach the dashboard', async () => {
    expect((await t().app.inject({ method: 'GET', url: '/api/patients', headers: { cookie: manager } })).statusCode).toBe(403);
    expect((await t().app.inject({ method: 'GET', url: '/api/follow-ups', headers: { cookie: manager } })).statusCode).toBe(403);
    const nurse = await t().login('nurse');
    expect((await t().app.inject({ method: 'GET', url: '/api/outcomes/dashboard', headers: { cookie: nurse } })).statusCode).toBe(403);
    const ev = await t().app.inject({
      method: 'POST',
      url: '/api/outcomes/export-events',
      headers: { cookie: manager, ...STATE_HEADERS },
      payload: { format: 'png', chart: 'responders', filters: {} },
    });
    expect(ev.statusCode).toBe(204);
  });
});
