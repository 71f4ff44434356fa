import { PatientListQuery, type PatientListQueryInput } from '../../shared/contracts/patients';
import type { AccessContext } from '../access';
import type { Database } from '../db/client';
import { seedDemoCohort } from '../db/seed/cohort';
import { seedDemoUsers } from '../db/seed/demo-users';
import { describeOnDatabases, hasPostgres, openTestDatabase, TEST_LOG_N } from '../test/helper';
import { PatientsRepository } from './patients-repository';

const TODAY = '2026-06-15';

// A filtered worklist is found one of two ways: its total counted from an index (patient_facts for causes) and its
// page by walking the sort order (many matches), or the filter evaluated once (few matches). Both must give the
// same page and total.
describeOnDatabases('filtered worklist: both ways of finding the page agree', (kind) => {
  let db: Database;
  let dispose: () => Promise<void> = async () => undefined;
  let ctx: AccessContext;

  beforeAll(async () => {
    if (!hasPostgres(kind)) return;
    ({ database: db, dispose } = await openTestDatabase(kind));
    const users = await seedDemoUsers(db.db, TEST_LOG_N);
    const specialist = users.get('specialist')!.id;
    await seedDemoCohort(db, {
      patients: 400,
      seed: 7,
      today: TODAY,
      clinicians: { specialists: [specialist], nurses: [users.get('nurse')!.id] },
    });
    ctx = { userId: specialist, username: 'specialist', role: 'specialist', sessionId: 'spec', clientAddress: null, userAgent: null };
  }, 180_000);
  afterAll(async () => dispose(), 60_000);

  const queries: PatientListQueryInput[] = [
    { cause: 'POST-FIB' },
    { cause: ['POST-FIB', 'OP-DEC'], sort: 'name' },
    { cause: 'POST-FIB', status: ['treatment', 'follow-up'], sort: 'referredOn' },
    { cause: 'POST-FIB', sort: '-legNrs', page: 2, pageSize: 10 },
    { cause: 'POST-PSA', referredFrom: '2025-01-01', referredTo: '2026-06-01' },
    { cause: 'POST-FIB', procedure: ['TLIF', 'PLIF', 'PLF'] },
    { status: 'treatment' },
    { status: ['assessment', 'follow-up'], sort: 'name', page: 2, pageSize: 10 },
    { painSite: 'leg', painBand: '7-10' },
    { painSite: 'back', painBand: '4-6', sort: '-backNrs' },
    { painSite: 'leg', painBand: '0-3', status: 'follow-up', sort: 'referredOn' },
    { redFlag: 'true' },
    { overdue: 'true', sort: 'nextFollowUp' },
    { overdue: 'false', redFlag: 'false', sort: 'age' },
    { referredFrom: '2025-01-01', sort: 'surgeryDate' },
    { procedure: ['DISCECTOMY', 'MICRODISCECTOMY'], sort: 'status' },
  ];

  it('gives the same items and total by walking the sort order as by evaluating the filter once', async () => {
    const walk = new PatientsRepository(db.db, () => TODAY, 1);
    const once = new PatientsRepository(db.db, () => TODAY, Number.MAX_SAFE_INTEGER);
    for (const input of queries) {
      const q = PatientListQuery.parse(input);
      const a = await walk.list(ctx, q);
      const b = await once.list(ctx, q);
      expect(a.total).withContext(JSON.stringify(input)).toBe(b.total);
      expect(a.items).withContext(JSON.stringify(input)).toEqual(b.items);
    }
    // The cohort has matches for the first query, so the comparison is not between two empty pages.
    expect((await walk.list(ctx, PatientListQuery.parse(queries[0]))).items.length).toBeGreaterThan(0);
  });

  it('counts what a plain query over cause_tags counts', async () => {
    const repo = new PatientsRepository(db.db, () => TODAY, 1);
    const { total } = await repo.list(ctx, PatientListQuery.parse({ cause: 'POST-FIB', status: ['treatment'] }));
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from patients p where not p.entered_in_error and p.status = 'treatment'
         and exists (select 1 from cause_tags c where c.patient_id = p.id and c.code = 'POST-FIB' and not c.entered_in_error and c.status <> 'refuted')`,
    );
    expect(total).toBe(row!.n);
  });
});
