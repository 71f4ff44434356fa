import { sql, type SQL } from 'drizzle-orm';
import type { Count, OutcomesDashboard, OutcomesQuery, ReferralMonth } from '../../shared/contracts/outcomes';
import { ODI_CHANGE_BINS } from '../../shared/contracts/outcomes';
import { CASE_STATUSES, type CaseStatus } from '../../shared/domain/case-status';
import type { CauseCode } from '../../shared/domain/causes';
import { FOLLOW_UP_WINDOW_DAYS, addDays, addMonthsClamped } from '../../shared/domain/follow-up';
import { PAIN30_PCT, PAIN50_PCT } from '../../shared/domain/pain';
import { isSuppressed, meanInterval, wilsonInterval } from '../../shared/domain/stats';
import type { TreatmentCode } from '../../shared/domain/treatments';
import { execRows, present, type Db } from '../db/client';

const MONTHS = [3, 6, 12] as const;
const SITES = ['back', 'leg'] as const;
const TRAJECTORY_MONTHS = [0, 1, 3, 6, 12] as const;

/** A count shown as "<11" when it is from 1 to 10 (small-cell suppression, fbss-domain.md §9). */
export function count(n: number): Count {
  return isSuppressed(n) ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * The managers' dashboard: de-identified aggregates only, computed in SQL from valid assessments and plan
 * items (via outcome_summaries, kept by triggers), with the shared responder thresholds. No row-level data leaves.
 */
export class OutcomesRepository {
  constructor(
    private readonly db: Db,
    private readonly today: () => string,
  ) {}

  private patientFilter(q: OutcomesQuery): SQL {
    const w: SQL[] = [sql`not p.entered_in_error`];
    if (q.referredFrom) w.push(sql`p.referred_on >= ${q.referredFrom}::date`);
    if (q.referredTo) w.push(sql`p.referred_on <= ${q.referredTo}::date`);
    if (q.procedure?.length) w.push(sql`p.index_procedure = any(${textArray(q.procedure)})`);
    if (q.status?.length) w.push(sql`p.status = any(${textArray(q.status)})`);
    if (q.clinician) w.push(sql`p.responsible_specialist_id = ${q.clinician}`);
    if (q.cause?.length) {
      w.push(sql`exists (select 1 from cause_tags c where c.patient_id = p.id and c.code = any(${textArray(q.cause)}) and not c.entered_in_error and c.status <> 'refuted')`);
    }
    if (q.treatment?.length) {
      w.push(sql`exists (select 1 from plan_items i where i.patient_id = p.id and i.treatment_code = any(${textArray(q.treatment)}) and not i.entered_in_error)`);
    }
    return sql`fp as materialized (select p.id, p.status, p.referred_on from patients p where ${sql.join(w, sql` and `)})`;
  }

  async dashboard(q: OutcomesQuery): Promise<OutcomesDashboard> {
    const today = this.today();
    const closed = addDays(today, -FOLLOW_UP_WINDOW_DAYS);
    const monthStart = `${today.slice(0, 7)}-01`;
    const fp = this.patientFilter(q);
    const itemFilter = q.treatment?.length ? sql`and s.treatment_code = any(${textArray(q.treatment)})` : sql``;

    const [tiles] = await execRows<{
      active: number;
      new_month: number;
      open_flags: number;
      median_days: number | null;
      median_n: number;
      fu_completed: number;
      fu_due: number;
    }>(
      this.db,
      sql`with ${fp},
        ft as (select i.patient_id, min(i.started_on) as first_start from plan_items i join fp on fp.id = i.patient_id
               where i.started_on is not null and not i.entered_in_error group by i.patient_id),
        dt as (select (ft.first_start - fp.referred_on) as days from ft join fp on fp.id = ft.patient_id where ft.first_start >= fp.referred_on)
      select
        (select count(*) from fp where fp.status <> 'discharged')::int as active,
        (select count(*) from fp where fp.referred_on >= ${monthStart}::date)::int as new_month,
        (select count(*) from red_flag_alerts r join fp on fp.id = r.patient_id where r.acknowledged_at is null)::int as open_flags,
        (select percentile_cont(0.5) within group (order by days) from dt)::float8 as median_days,
        (select count(*) from dt)::int as median_n,
        (select count(*) from follow_ups f join fp on fp.id = f.patient_id where f.status = 'completed' and f.due_on <= ${today}::date)::int as fu_completed,
        (select count(*) from follow_ups f join fp on fp.id = f.patient_id
           where (f.status = 'completed' and f.due_on <= ${today}::date) or (f.status = 'due' and f.due_on < ${closed}::date))::int as fu_due`,
    );

    // Responder counts per treatment, follow-up month and site, with the shared thresholds (IMMPACT, Dworkin 2008).
    const cols: SQL[] = [];
    for (const m of MONTHS) {
      for (const site of SITES) {
        const base = sql.raw(`s.base_${site}`);
        const v = sql.raw(`s.m${m}_${site}`);
        const due = sql.raw(`s.m${m}_due`);
        const evaluable = sql`${base} > 0 and ${v} is not null`;
        cols.push(sql`count(*) filter (where ${evaluable})::int as ${sql.raw(`"n_${site}_${m}"`)}`);
        cols.push(sql`count(*) filter (where ${evaluable} and (${base} - ${v}) * 100 >= ${PAIN30_PCT} * ${base} - 1e-9)::int as ${sql.raw(`"r30_${site}_${m}"`)}`);
        cols.push(sql`count(*) filter (where ${evaluable} and (${base} - ${v}) * 100 >= ${PAIN50_PCT} * ${base} - 1e-9)::int as ${sql.raw(`"r50_${site}_${m}"`)}`);
        cols.push(sql`count(*) filter (where ${due} < ${closed}::date and ${v} is null)::int as ${sql.raw(`"miss_${site}_${m}"`)}`);
      }
    }
    for (const site of SITES) {
      for (const m of TRAJECTORY_MONTHS) {
        const v = sql.raw(m === 0 ? `s.base_${site}` : `s.m${m}_${site}`);
        cols.push(sql`count(${v})::int as ${sql.raw(`"tn_${site}_${m}"`)}`);
        cols.push(sql`avg(${v})::float8 as ${sql.raw(`"tm_${site}_${m}"`)}`);
        cols.push(sql`stddev_samp(${v})::float8 as ${sql.raw(`"ts_${site}_${m}"`)}`);
      }
    }
    for (const m of [6, 12] as const) {
      const ch = sql.raw(`(s.base_odi - s.m${m}_odi)`);
      const has = sql.raw(`s.base_odi is not null and s.m${m}_odi is not null`);
      cols.push(sql`count(*) filter (where ${has})::int as ${sql.raw(`"on_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${has} and ${ch} <= -10)::int as ${sql.raw(`"ob0_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${has} and ${ch} > -10 and ${ch} < 0)::int as ${sql.raw(`"ob1_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${has} and ${ch} >= 0 and ${ch} < 10)::int as ${sql.raw(`"ob2_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${has} and ${ch} >= 10 and ${ch} < 20)::int as ${sql.raw(`"ob3_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${has} and ${ch} >= 20)::int as ${sql.raw(`"ob4_${m}"`)}`);
    }
    const perTreatment = await execRows<Record<string, number | null> & { treatment_code: TreatmentCode }>(
      this.db,
      sql`with ${fp}
          select s.treatment_code, ${sql.join(cols, sql`, `)}
          from outcome_summaries s join fp on fp.id = s.patient_id
          where true ${itemFilter}
          group by s.treatment_code order by s.treatment_code`,
    );

    const causeRows = await execRows<{ code: CauseCode; confirmed: number; provisional: number }>(
      this.db,
      sql`with ${fp}
          select c.code,
            count(distinct c.patient_id) filter (where c.status = 'confirmed')::int as confirmed,
            count(distinct c.patient_id) filter (where c.status in ('provisional', 'differential'))::int as provisional
          from cause_tags c join fp on fp.id = c.patient_id
          where not c.entered_in_error
          group by c.code order by c.code`,
    );

    const since = addMonthsClamped(monthStart, -23);
    const referralRows = await execRows<{ month: string; status: CaseStatus; n: number }>(
      this.db,
      sql`with ${fp}
          select to_char(r.referred_on, 'YYYY-MM') as month, fp.status, count(*)::int as n
          from referrals r join fp on fp.id = r.patient_id
          where not r.entered_in_error and r.referred_on >= ${since}::date and r.referred_on <= ${today}::date
          group by 1, 2 order by 1`,
    );

    const rate = (k: number, n: number) => {
      if (n === 0 || isSuppressed(n)) return { responders: null, rate: null, low: null, high: null };
      const ci = wilsonInterval(k, n);
      return { responders: isSuppressed(k) ? null : k, rate: k / n, low: ci?.low ?? null, high: ci?.high ?? null };
    };

    const responders: OutcomesDashboard['responders'] = [];
    const trajectories: OutcomesDashboard['trajectories'] = [];
    const odiChange: OutcomesDashboard['odiChange'] = [];
    for (const r of perTreatment) {
      const g = (k: string): number => r[k] ?? 0;
      for (const m of MONTHS) {
        for (const site of SITES) {
          const n = g(`n_${site}_${m}`);
          const missing = g(`miss_${site}_${m}`);
          if (n === 0 && missing === 0) continue;
          responders.push({
            treatmentCode: r.treatment_code,
            month: m,
            site,
            evaluable: count(n),
            missing: count(missing),
            pain30: rate(g(`r30_${site}_${m}`), n),
            pain50: rate(g(`r50_${site}_${m}`), n),
            suppressed: isSuppressed(n),
          });
        }
      }
      for (const site of SITES) {
        const points = TRAJECTORY_MONTHS.map((m) => {
          const n = g(`tn_${site}_${m}`);
          const mean = r[`tm_${site}_${m}`] ?? null;
          const sd = r[`ts_${site}_${m}`] ?? null;
          if (n === 0 || isSuppressed(n) || mean === null) return { month: m, n: count(n), mean: null, low: null, high: null };
          const ci = meanInterval(mean, sd, n);
          return { month: m, n: count(n), mean, low: ci?.low ?? null, high: ci?.high ?? null };
        });
        if (points.some((p) => p.n.value !== 0)) trajectories.push({ treatmentCode: r.treatment_code, site, points });
      }
      for (const m of [6, 12] as const) {
        const n = g(`on_${m}`);
        if (n === 0) continue;
        odiChange.push({
          treatmentCode: r.treatment_code,
          month: m,
          n: count(n),
          bins: ODI_CHANGE_BINS.map((label, i) => ({ label, count: isSuppressed(n) ? { value: null, suppressed: true } : count(g(`ob${i}_${m}`)) })),
        });
      }
    }

    const months = new Map<string, Map<CaseStatus, number>>();
    for (let i = 23; i >= 0; i--) months.set(addMonthsClamped(monthStart, -i).slice(0, 7), new Map());
    for (const row of referralRows) months.get(row.month)?.set(row.status, row.n);
    const referrals: ReferralMonth[] = [...months.entries()].map(([month, byStatus]) => {
      const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
      return {
        month,
        total: count(total),
        byStatus: Object.fromEntries(CASE_STATUSES.map((s) => [s, count(byStatus.get(s) ?? 0)])) as ReferralMonth['byStatus'],
      };
    });

    const t = present(tiles, 'dashboard tiles');
    return {
      generatedAt: new Date().toISOString(),
      today,
      tiles: {
        activeCases: count(t.active),
        newReferralsThisMonth: count(t.new_month),
        medianDaysToFirstTreatment: { value: isSuppressed(t.median_n) || t.median_n === 0 ? null : t.median_days, n: count(t.median_n) },
        followUpCompletion: {
          completed: count(t.fu_completed),
          due: count(t.fu_due),
          rate: t.fu_due === 0 || isSuppressed(t.fu_due) ? null : t.fu_completed / t.fu_due,
        },
        openRedFlags: count(t.open_flags),
      },
      responders,
      trajectories,
      causes: causeRows.map((c) => ({ code: c.code, confirmed: count(c.confirmed), provisional: count(c.provisional) })),
      referrals,
      odiChange,
    };
  }
}
