import { sql, type SQL } from 'drizzle-orm';
import type { Count, OutcomesDashboard, OutcomesQuery, ReferralMonth } from '../../shared/contracts/outcomes';
import { ODI_CHANGE_BINS } from '../../shared/contracts/outcomes';
import { CASE_STATUSES, type CaseStatus } from '../../shared/domain/case-status';
import type { CauseCode } from '../../shared/domain/causes';
import { FOLLOW_UP_WINDOW_DAYS, addDays, addMonthsClamped } from '../../shared/domain/follow-up';
import { PAIN30_PCT, PAIN50_PCT, THRESHOLD_EPSILON } from '../../shared/domain/pain';
import { isSuppressed, meanInterval, proportionDisclosable, suppressCells, wilsonInterval } from '../../shared/domain/stats';
import type { TreatmentCode } from '../../shared/domain/treatments';
import { execRows, present, type Db } from '../db/client';

const MONTHS = [3, 6, 12] as const;
const SITES = ['back', 'leg'] as const;
const TRAJECTORY_MONTHS = [0, 1, 3, 6, 12] as const;

/** A count shown as "<11" when it is from 1 to 10 (small-cell suppression, fbss-domain.md §9). */
export function count(n: number): Count {
  return isSuppressed(n) ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

/** A cell after suppressCells(): null is shown as "<11". */
function shown(value: number | null): Count {
  return value === null ? { value: null, suppressed: true } : { value, suppressed: false };
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

  /**
   * The patients a dashboard covers, as a WHERE over patient_facts p (migration 0005: the patient's filter
   * dimensions and summaries of causes, treatments, follow-ups, referrals and red flags, kept by triggers), so
   * each aggregate below is one pass over patient_facts or outcome_summaries with no joins (performance-notes.md item 5).
   */
  private patientWhere(q: OutcomesQuery): { where: SQL; filtered: boolean } {
    const w: SQL[] = [sql`not p.entered_in_error`];
    if (q.referredFrom) w.push(sql`p.referred_on >= ${q.referredFrom}::date`);
    if (q.referredTo) w.push(sql`p.referred_on <= ${q.referredTo}::date`);
    if (q.procedure?.length) w.push(sql`p.index_procedure = any(${textArray(q.procedure)})`);
    if (q.status?.length) w.push(sql`p.status = any(${textArray(q.status)})`);
    if (q.clinician) w.push(sql`p.responsible_specialist_id = ${q.clinician}`);
    // A suspected cause: a valid tag that is not refuted.
    if (q.cause?.length) w.push(sql`p.cause_codes && ${textArray(q.cause)}`);
    // A treatment: any valid plan item of it, whatever its status.
    if (q.treatment?.length) w.push(sql`p.treatment_codes && ${textArray(q.treatment)}`);
    return { where: sql.join(w, sql` and `), filtered: w.length > 1 };
  }

  async dashboard(q: OutcomesQuery): Promise<OutcomesDashboard> {
    const today = this.today();
    const closed = addDays(today, -FOLLOW_UP_WINDOW_DAYS);
    const monthStart = `${today.slice(0, 7)}-01`;
    const { where, filtered } = this.patientWhere(q);

    // Tiles, in one pass over patient_facts. Follow-up completion counts follow-ups by their due day: completed
    // ones due by today, and ones still due whose window has closed (overdue). width_bucket(d, sorted dates)
    // is the number of dates <= d.
    const [tiles] = await execRows<{
      active: number;
      new_month: number;
      open_flags: number;
      median_days: number | null;
      median_n: number;
      fu_completed: number;
      fu_overdue: number;
    }>(
      this.db,
      sql`select
        count(*) filter (where p.status <> 'discharged')::int as active,
        count(*) filter (where p.referred_on >= ${monthStart}::date)::int as new_month,
        coalesce(sum(p.open_red_flags), 0)::int as open_flags,
        (percentile_cont(0.5) within group (order by p.first_treatment_on - p.referred_on)
           filter (where p.first_treatment_on >= p.referred_on))::float8 as median_days,
        count(*) filter (where p.first_treatment_on >= p.referred_on)::int as median_n,
        coalesce(sum(width_bucket(${today}::date, p.follow_ups_completed)), 0)::int as fu_completed,
        coalesce(sum(width_bucket(${addDays(closed, -1)}::date, p.follow_ups_open)), 0)::int as fu_overdue
      from patient_facts p where ${where}`,
    );

    // Responder counts per treatment, follow-up month and site, with the shared thresholds (IMMPACT, Dworkin 2008):
    // the stored percent improvement (outcome_summaries.m*_*_pct, the percentChange() formula) against
    // meetsThreshold()'s tolerance. Missing: the window has closed and no value was recorded.
    const at = (pct: number) => pct - THRESHOLD_EPSILON;
    const cols: SQL[] = [];
    for (const m of MONTHS) {
      for (const site of SITES) {
        const pct = sql.raw(`s.m${m}_${site}_pct`);
        const v = sql.raw(`s.m${m}_${site}`);
        const due = sql.raw(`s.m${m}_due`);
        cols.push(sql`count(${pct})::int as ${sql.raw(`"n_${site}_${m}"`)}`);
        cols.push(sql`count(*) filter (where ${pct} >= ${at(PAIN30_PCT)}::float8)::int as ${sql.raw(`"r30_${site}_${m}"`)}`);
        cols.push(sql`count(*) filter (where ${pct} >= ${at(PAIN50_PCT)}::float8)::int as ${sql.raw(`"r50_${site}_${m}"`)}`);
        cols.push(sql`count(*) filter (where ${v} is null and ${due} < ${closed}::date)::int as ${sql.raw(`"miss_${site}_${m}"`)}`);
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
      // ODI points improvement (baseline - follow-up): worse by 10+, worse by <10, unchanged or better by <10, 10-19, 20+.
      const ch = sql.raw(`s.m${m}_odi_change`);
      cols.push(sql`count(${ch})::int as ${sql.raw(`"on_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${ch} <= -10)::int as ${sql.raw(`"ob0_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${ch} > -10 and ${ch} < 0)::int as ${sql.raw(`"ob1_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${ch} >= 0 and ${ch} < 10)::int as ${sql.raw(`"ob2_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${ch} >= 10 and ${ch} < 20)::int as ${sql.raw(`"ob3_${m}"`)}`);
      cols.push(sql`count(*) filter (where ${ch} >= 20)::int as ${sql.raw(`"ob4_${m}"`)}`);
    }
    const itemFilter = q.treatment?.length ? sql`and s.treatment_code = any(${textArray(q.treatment)})` : sql``;
    // Unfiltered, only the (rare) entered-in-error patients are left out: cheaper than a semi-join on all of them.
    const covered = filtered
      ? sql`s.patient_id in (select p.patient_id from patient_facts p where ${where})`
      : sql`s.patient_id not in (select p.patient_id from patient_facts p where p.entered_in_error)`;
    const perTreatment = await execRows<Record<string, number | null> & { treatment_code: TreatmentCode }>(
      this.db,
      sql`select s.treatment_code, ${sql.join(cols, sql`, `)}
          from outcome_summaries s
          where ${covered} ${itemFilter}
          group by s.treatment_code order by s.treatment_code`,
    );

    // Cause mix: patients per cause code with a confirmed, and with a provisional or differential, tag. Grouping
    // the patients by their code sets first leaves a few hundred rows to unnest.
    const causeRows = await execRows<{ code: CauseCode; confirmed: number; provisional: number }>(
      this.db,
      sql`with g as (select p.confirmed_cause_codes as cc, p.provisional_cause_codes as pc, count(*)::int as n
                     from patient_facts p where ${where} group by 1, 2),
               u as (select unnest(g.cc) as code, g.n as confirmed, 0 as provisional from g
                     union all select unnest(g.pc), 0, g.n from g)
          select u.code, sum(u.confirmed)::int as confirmed, sum(u.provisional)::int as provisional
          from u group by u.code order by u.code`,
    );

    // Referral episodes per month over the last 24 months, by the case's current status.
    const since = addMonthsClamped(monthStart, -23);
    const referralRows = await execRows<{ month: string; status: CaseStatus; n: number }>(
      this.db,
      sql`with g as (select p.referral_dates as dates, p.status, count(*)::int as n
                     from patient_facts p where ${where} and p.referral_dates[array_upper(p.referral_dates, 1)] >= ${since}::date
                     group by 1, 2)
          select to_char(d, 'YYYY-MM') as month, g.status, sum(g.n)::int as n
          from g cross join lateral unnest(g.dates) as d
          where d >= ${since}::date and d <= ${today}::date
          group by 1, 2 order by 1`,
    );

    const rate = (k: number, n: number) => {
      // Shown only when neither the responders nor the non-responders are a small cell (either could be worked out).
      if (!proportionDisclosable(k, n)) return { responders: null, rate: null, low: null, high: null };
      const ci = wilsonInterval(k, n);
      return { responders: k, rate: k / n, low: ci?.low ?? null, high: ci?.high ?? null };
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
        // The bins add up to n: complementary suppression, so that no "<11" bin is n minus the others.
        const bins = suppressCells(
          ODI_CHANGE_BINS.map((_, i) => g(`ob${i}_${m}`)),
          n,
        );
        odiChange.push({
          treatmentCode: r.treatment_code,
          month: m,
          n: count(n),
          bins: ODI_CHANGE_BINS.map((label, i) => ({ label, count: shown(bins[i] ?? null) })),
        });
      }
    }

    const months = new Map<string, Map<CaseStatus, number>>();
    for (let i = 23; i >= 0; i--) months.set(addMonthsClamped(monthStart, -i).slice(0, 7), new Map());
    for (const row of referralRows) months.get(row.month)?.set(row.status, row.n);
    const referrals: ReferralMonth[] = [...months.entries()].map(([month, byStatus]) => {
      const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
      // The statuses add up to the month's total: complementary suppression as for the ODI bins.
      const cells = suppressCells(
        CASE_STATUSES.map((s) => byStatus.get(s) ?? 0),
        total,
      );
      return {
        month,
        total: count(total),
        byStatus: Object.fromEntries(CASE_STATUSES.map((s, i) => [s, shown(cells[i] ?? null)])) as ReferralMonth['byStatus'],
      };
    });

    const t = present(tiles, 'dashboard tiles');
    // Completion rate = completed / (completed + overdue): follow-ups not yet due are in neither.
    const fuDue = t.fu_completed + t.fu_overdue;
    return {
      generatedAt: new Date().toISOString(),
      today,
      tiles: {
        activeCases: count(t.active),
        newReferralsThisMonth: count(t.new_month),
        medianDaysToFirstTreatment: { value: isSuppressed(t.median_n) || t.median_n === 0 ? null : t.median_days, n: count(t.median_n) },
        followUpCompletion: {
          completed: count(t.fu_completed),
          due: count(fuDue),
          rate: fuDue === 0 || isSuppressed(fuDue) ? null : t.fu_completed / fuDue,
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
