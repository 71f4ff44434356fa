import { percentChange } from '../../shared/domain/pain';
import type { Database } from './client';
import { describeOnDatabases, hasPostgres, openTestDatabase } from '../test/helper';

interface Facts {
  cause_codes: string[];
  confirmed_cause_codes: string[];
  provisional_cause_codes: string[];
  treatment_codes: string[];
  first_treatment_on: string | null;
  follow_ups_completed: string[];
  follow_ups_open: string[];
  referral_dates: string[];
  open_red_flags: number;
}

/** Dates and arrays as text, the same on PGlite and node-postgres. */
async function facts(db: Database, id: string): Promise<Facts> {
  const [row] = await db.query<Record<keyof Facts, string | number | null>>(
    `select cause_codes::text, confirmed_cause_codes::text, provisional_cause_codes::text, treatment_codes::text,
            first_treatment_on::text, follow_ups_completed::text, follow_ups_open::text, referral_dates::text, open_red_flags
     from patient_facts where patient_id = $1`,
    [id],
  );
  const list = (v: string | number | null): string[] =>
    typeof v === 'string'
      ? v
          .replace(/^\{|\}$/g, '')
          .split(',')
          .filter(Boolean)
      : [];
  return {
    cause_codes: list(row!.cause_codes),
    confirmed_cause_codes: list(row!.confirmed_cause_codes),
    provisional_cause_codes: list(row!.provisional_cause_codes),
    treatment_codes: list(row!.treatment_codes),
    first_treatment_on: (row!.first_treatment_on as string | null) ?? null,
    follow_ups_completed: list(row!.follow_ups_completed),
    follow_ups_open: list(row!.follow_ups_open),
    referral_dates: list(row!.referral_dates),
    open_red_flags: Number(row!.open_red_flags),
  };
}

// Migration 0005: patient_facts, which the worklist's cause filter and the outcomes dashboard read, must follow
// every insert and update of the tables it summarises, in the same statement.
describeOnDatabases('patient facts kept by triggers (migration 0005)', (kind) => {
  let db: Database;
  let dispose: () => Promise<void> = async () => undefined;
  let pid = '';

  beforeAll(async () => {
    if (!hasPostgres(kind)) return;
    ({ database: db, dispose } = await openTestDatabase(kind));
  }, 120_000);
  afterAll(async () => dispose(), 60_000);

  // A patient of its own for each spec (Jasmine runs them in random order).
  let n = 0;
  beforeEach(async () => {
    if (!hasPostgres(kind)) return;
    const [p] = await db.query<{ id: string }>(
      `insert into patients (mrn, family_name, given_name, date_of_birth, sex, referred_on) values ($1, 'Facts', 'Pat', '1970-01-01', 'male', '2026-01-10') returning id`,
      [`FACTS-${++n}`],
    );
    pid = p!.id;
  });

  it('starts empty', async () => {
    expect(await facts(db, pid)).toEqual({
      cause_codes: [],
      confirmed_cause_codes: [],
      provisional_cause_codes: [],
      treatment_codes: [],
      first_treatment_on: null,
      follow_ups_completed: [],
      follow_ups_open: [],
      referral_dates: [],
      open_red_flags: 0,
    });
  });

  it("copies the patient's filter dimensions when one changes, and only then", async () => {
    const dims = async () =>
      (
        await db.query<{ status: string; referred_on: string; entered_in_error: boolean }>(
          `select status, referred_on::text, entered_in_error from patient_facts where patient_id = $1`,
          [pid],
        )
      )[0];
    expect(await dims()).toEqual({ status: 'referred', referred_on: '2026-01-10', entered_in_error: false });
    await db.query(`update patients set status = 'treatment', referred_on = '2026-02-01' where id = $1`, [pid]);
    expect(await dims()).toEqual({ status: 'treatment', referred_on: '2026-02-01', entered_in_error: false });
    await db.query(`update patients set entered_in_error = true where id = $1`, [pid]);
    expect((await dims())?.entered_in_error).toBeTrue();
  });

  it('follows cause tags: suspected = not refuted and not entered in error; confirmed and provisional/differential apart', async () => {
    const [fib] = await db.query<{ id: string }>(
      `insert into cause_tags (patient_id, code, status) values ($1, 'POST-FIB', 'provisional') returning id`,
      [pid],
    );
    await db.query(`insert into cause_tags (patient_id, code, status) values ($1, 'POST-PSA', 'differential'), ($1, 'PRE-DX', 'refuted')`, [
      pid,
    ]);
    let f = await facts(db, pid);
    expect(f.cause_codes).toEqual(['POST-FIB', 'POST-PSA']);
    expect(f.provisional_cause_codes).toEqual(['POST-FIB', 'POST-PSA']);
    expect(f.confirmed_cause_codes).toEqual([]);

    await db.query(`update cause_tags set status = 'confirmed' where id = $1`, [fib!.id]);
    f = await facts(db, pid);
    expect(f.confirmed_cause_codes).toEqual(['POST-FIB']);
    expect(f.provisional_cause_codes).toEqual(['POST-PSA']);

    await db.query(`update cause_tags set entered_in_error = true where id = $1`, [fib!.id]);
    f = await facts(db, pid);
    expect(f.cause_codes).toEqual(['POST-PSA']);
    expect(f.confirmed_cause_codes).toEqual([]);
  });

  it('follows plan items (treatments, first start) and follow-ups (completed and open due dates, ascending)', async () => {
    const [plan] = await db.query<{ id: string }>(`insert into treatment_plans (patient_id) values ($1) returning id`, [pid]);
    const [item] = await db.query<{ id: string }>(
      `insert into plan_items (plan_id, patient_id, treatment_code, status, started_on) values ($1, $2, 'SCS-TRIAL', 'active', '2026-03-01') returning id`,
      [plan!.id, pid],
    );
    await db.query(`insert into plan_items (plan_id, patient_id, treatment_code, status) values ($1, $2, 'PHYSIO', 'planned')`, [
      plan!.id,
      pid,
    ]);
    let f = await facts(db, pid);
    expect(f.treatment_codes).toEqual(['PHYSIO', 'SCS-TRIAL']);
    expect(f.first_treatment_on).toBe('2026-03-01');

    await db.query(
      `insert into follow_ups (plan_item_id, patient_id, month_offset, due_on, status) values ($1, $2, 3, '2026-06-01', 'due'), ($1, $2, 1, '2026-04-01', 'due'), ($1, $2, 6, '2026-09-01', 'due')`,
      [item!.id, pid],
    );
    expect((await facts(db, pid)).follow_ups_open).toEqual(['2026-04-01', '2026-06-01', '2026-09-01']);
    await db.query(`update follow_ups set status = 'completed' where patient_id = $1 and month_offset = 1`, [pid]);
    await db.query(`update follow_ups set status = 'cancelled' where patient_id = $1 and month_offset = 6`, [pid]);
    f = await facts(db, pid);
    expect(f.follow_ups_completed).toEqual(['2026-04-01']);
    expect(f.follow_ups_open).toEqual(['2026-06-01']);

    await db.query(`update plan_items set entered_in_error = true where id = $1`, [item!.id]);
    f = await facts(db, pid);
    expect(f.treatment_codes).toEqual(['PHYSIO']);
    expect(f.first_treatment_on).toBeNull();
  });

  it('follows referral episodes and open red-flag alerts', async () => {
    await db.query(
      `insert into referrals (patient_id, referring_clinician, referred_on, reason, priority) values ($1, 'Dr A', '2026-01-10', 'FBSS', 'routine'), ($1, 'Dr B', '2025-05-02', 'FBSS', 'urgent')`,
      [pid],
    );
    expect((await facts(db, pid)).referral_dates).toEqual(['2025-05-02', '2026-01-10']);
    const [a] = await db.query<{ id: string }>(
      `insert into assessments (patient_id, recorded_at, back_nrs, leg_nrs) values ($1, now(), 3, 4) returning id`,
      [pid],
    );
    await db.query(
      `insert into red_flag_alerts (patient_id, assessment_id, flags) values ($1, $2, '{saddle-anaesthesia}'), ($1, $2, '{fever}')`,
      [pid, a!.id],
    );
    expect((await facts(db, pid)).open_red_flags).toBe(2);
    await db.query(
      `update red_flag_alerts set acknowledged_at = now(), action_taken = 'Seen same day' where patient_id = $1 and 'fever' = any(flags)`,
      [pid],
    );
    expect((await facts(db, pid)).open_red_flags).toBe(1);
  });

  it("stores outcome_summaries' percent improvement exactly as the shared percentChange() computes it", async () => {
    const pairs: [number, number | null][] = [
      [10, 7],
      [10, 5],
      [8, 4],
      [8, 5.6],
      [7, 4.9],
      [3, 2.1],
      [6, 6],
      [5, 7],
      [0, 0],
      [0, 3],
      [9.5, 6.65],
      [10, null],
    ];
    const values = pairs
      .map(
        ([b, v], i) =>
          `('00000000-0000-4000-8000-${String(i).padStart(12, '0')}'::uuid, ${b}::float8, ${v === null ? 'null' : `${v}::float8`})`,
      )
      .join(', ');
    const rows = await db.query<{ k: string; pct: number | null }>(
      `with t(item_id, b, v) as (values ${values})
       insert into outcome_summaries (item_id, patient_id, treatment_code, item_status, started_on, base_leg, m6_leg)
       select item_id, $1, 'PHYSIO', 'active', '2026-01-01', b, v from t returning item_id::text as k, m6_leg_pct as pct`,
      [pid],
    );
    const byKey = new Map(rows.map((r) => [r.k, r.pct]));
    pairs.forEach(([b, v], i) => {
      expect(byKey.get(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`))
        .withContext(`${b} -> ${v}`)
        .toBe(percentChange(b, v));
    });
    await db.query(`delete from outcome_summaries where item_id::text like '00000000-0000-4000-8000-%'`);
  });
});
