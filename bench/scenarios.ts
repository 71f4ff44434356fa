/**
 * The timed scenarios. To add one, append to WORKLISTS (it is then timed both as a repository query and
 * through the API) or to the list returned by scenarios(): a name, a layer and a run() that resolves to the
 * number of rows it got (and throws on a failed request, which the harness reports in the table).
 */
import type { FastifyInstance } from 'fastify';
import { PatientListQuery, type PatientListQueryInput } from '../src/shared/contracts/patients';
import type { AccessContext } from '../src/server/access';
import type { Database } from '../src/server/db/client';
import type { PatientsRepository } from '../src/server/repositories/patients-repository';

export type Layer = 'query' | 'API' | 'SQL';

export interface Scenario {
  name: string;
  layer: Layer;
  /** Resolves to the number of rows returned. */
  run(): Promise<number>;
}

export interface BenchContext {
  app: FastifyInstance;
  database: Database;
  repo: PatientsRepository;
  /** The signed-in specialist, for repository calls. */
  ctx: AccessContext;
  /** Cookie headers of signed-in users by username (specialist, manager). */
  cookies: Record<string, string>;
  /** Patients to open, in turn (so that "open one patient" is not one cached row). */
  patientIds: readonly string[];
}

/** Worklist page 1 queries: each is timed through PatientsRepository.list and through GET /api/patients. */
export const WORKLISTS: readonly { name: string; query: Record<string, string | string[]> }[] = [
  { name: 'worklist, default sort (priority)', query: {} },
  { name: 'worklist by name', query: { sort: 'name' } },
  { name: 'worklist by referral date', query: { sort: 'referredOn' } },
  { name: 'worklist, status = treatment', query: { status: 'treatment' } },
  { name: 'worklist, cause = POST-FIB', query: { cause: 'POST-FIB' } },
  { name: 'worklist, leg pain 7-10', query: { painSite: 'leg', painBand: '7-10' } },
  { name: 'worklist, name search "smi"', query: { q: 'smi' } },
  {
    name: 'worklist, cause + status, by referral date',
    query: { cause: 'POST-NEU', status: ['treatment', 'follow-up'], sort: 'referredOn' },
  },
  { name: 'worklist, overdue follow-up', query: { overdue: 'true' } },
];

/** The managers' dashboard, whole clinic and with each kind of filter (issue #7: p95 <= 500 ms for any filter). */
export const DASHBOARDS: readonly { name: string; query: Record<string, string | string[]> }[] = [
  { name: '', query: {} },
  { name: 'spinal cord stimulation', query: { treatment: ['SCS-TRIAL', 'SCS-IMPLANT', 'SCS-10KHZ'] } },
  { name: 'cause = POST-FIB', query: { cause: 'POST-FIB' } },
  { name: 'status = treatment + follow-up', query: { status: ['treatment', 'follow-up'] } },
  { name: 'referred in the last 2 years', query: { referredFrom: '2024-11-25' } },
  { name: 'index procedure = TLIF', query: { procedure: 'TLIF' } },
];

function queryString(q: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function getJson(b: BenchContext, url: string, user = 'specialist'): Promise<unknown> {
  const res = await b.app.inject({ method: 'GET', url, headers: { cookie: b.cookies[user] ?? '' } });
  if (res.statusCode !== 200) throw new Error(`GET ${url.split('?')[0]} answered ${res.statusCode}`);
  return res.json();
}

function countOf(body: unknown): number {
  if (body && typeof body === 'object' && 'items' in body && Array.isArray((body as { items: unknown }).items))
    return (body as { items: unknown[] }).items.length;
  return Array.isArray(body) ? body.length : 1;
}

export function scenarios(b: BenchContext): Scenario[] {
  let next = 0;
  const patientId = (): string => b.patientIds[next++ % b.patientIds.length] ?? '00000000-0000-4000-8000-000000000000';
  const list: Scenario[] = [];
  for (const w of WORKLISTS) {
    const parsed = PatientListQuery.parse(w.query satisfies PatientListQueryInput);
    list.push({ name: w.name, layer: 'query', run: async () => (await b.repo.list(b.ctx, parsed)).items.length });
    list.push({ name: w.name, layer: 'API', run: async () => countOf(await getJson(b, `/api/patients${queryString(w.query)}`)) });
  }
  list.push(
    {
      name: 'open one patient',
      layer: 'query',
      run: async () => {
        await b.repo.get(patientId());
        return 1;
      },
    },
    { name: 'open one patient', layer: 'API', run: async () => countOf(await getJson(b, `/api/patients/${patientId()}`)) },
    {
      name: "one patient's assessments (chart)",
      layer: 'API',
      run: async () => countOf(await getJson(b, `/api/patients/${patientId()}/assessments`)),
    },
    {
      name: "one patient's assessments (chart)",
      layer: 'SQL',
      run: async () =>
        (
          await b.database.query(
            'select recorded_at, back_nrs, leg_nrs, odi_score from assessments where patient_id = $1 and not entered_in_error order by recorded_at desc',
            [patientId()],
          )
        ).length,
    },
    { name: 'follow-ups overdue', layer: 'API', run: async () => countOf(await getJson(b, '/api/follow-ups?due=overdue')) },
    { name: 'follow-ups due this week', layer: 'API', run: async () => countOf(await getJson(b, '/api/follow-ups?due=week')) },
    ...[...DASHBOARDS, { name: 'one clinician', query: { clinician: b.ctx.userId } }].map(
      (d): Scenario => ({
        name: `outcomes dashboard${d.name ? `, ${d.name}` : ''} (manager)`,
        layer: 'API',
        run: async () => countOf(await getJson(b, `/api/outcomes/dashboard${queryString(d.query)}`, 'manager')),
      }),
    ),
    {
      // performance-notes.md: 6-month responder rates per treatment over all patients, live over raw assessments.
      name: '6-month leg responders per treatment, live',
      layer: 'SQL',
      run: async () =>
        (
          await b.database.query(`
            with s as (
              select i.treatment_code,
                (select a.leg_nrs from assessments a where a.patient_id = i.patient_id and not a.entered_in_error and a.leg_nrs is not null
                   and a.recorded_at < (i.started_on + 1)::timestamptz order by a.recorded_at desc limit 1) as base,
                (select a.leg_nrs from assessments a where a.patient_id = i.patient_id and not a.entered_in_error and a.leg_nrs is not null
                   and a.recorded_at >= (i.started_on + interval '6 months' - interval '14 days')
                   and a.recorded_at < (i.started_on + interval '6 months' + interval '15 days') order by a.recorded_at limit 1) as m6
              from plan_items i where i.started_on is not null and not i.entered_in_error)
            select treatment_code, count(*) as n, count(*) filter (where (base - m6) / base >= 0.5) as responders
            from s where base > 0 and m6 is not null group by 1`)
        ).length,
    },
    {
      name: '6-month leg responders per treatment, from outcome_summaries',
      layer: 'SQL',
      run: async () =>
        (
          await b.database.query(
            `select treatment_code, count(*) as n, count(*) filter (where (base_leg - m6_leg) / base_leg >= 0.5) as responders
             from outcome_summaries where base_leg > 0 and m6_leg is not null group by 1`,
          )
        ).length,
    },
  );
  return list;
}
