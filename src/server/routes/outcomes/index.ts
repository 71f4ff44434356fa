import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import * as z from 'zod';
import { ClinicianListResponse } from '../../../shared/contracts/patients';
import { users } from '../../db/schema/users';
import { OutcomesDashboard, OutcomesExportEvent, OutcomesExportQuery, OutcomesQuery, type Count } from '../../../shared/contracts/outcomes';
import { CASE_STATUSES } from '../../../shared/domain/case-status';
import { todayInZone } from '../../../shared/domain/follow-up';
import { toCsv } from '../../http/csv';
import { OutcomesRepository } from '../../repositories/outcomes-repository';

const shown = (c: Count) => (c.suppressed ? '<11' : (c.value ?? 0));
const pct = (v: number | null) => (v === null ? '' : (v * 100).toFixed(1));

/** Managers' outcomes: aggregates only, no row-level data; every view and export is audited. */
export const outcomeRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = new OutcomesRepository(app.db, () => todayInZone(app.config.CLINIC_TZ));

  app.get('/api/outcomes/dashboard', { config: { access: 'outcomes.read' }, schema: { querystring: OutcomesQuery, response: { 200: OutcomesDashboard } } }, async (request) => {
    const result = await repo.dashboard(request.query);
    await request.audit({ action: 'read', subtype: 'aggregate', outcome: 'success', entityType: 'OutcomesDashboard', query: { ...request.query } });
    return result;
  });

  app.get('/api/outcomes/export', { config: { access: 'outcomes.export' }, schema: { querystring: OutcomesExportQuery } }, async (request, reply) => {
    const { table, ...filters } = request.query;
    const d = await repo.dashboard(filters);
    let header: string[];
    let rows: unknown[][];
    switch (table) {
      case 'responders':
        header = ['treatment', 'month', 'site', 'evaluable', 'missing', 'responders_30pct', 'rate_30pct', 'ci_low_30pct', 'ci_high_30pct', 'responders_50pct', 'rate_50pct', 'ci_low_50pct', 'ci_high_50pct'];
        rows = d.responders.map((r) => [
          r.treatmentCode,
          r.month,
          r.site,
          shown(r.evaluable),
          shown(r.missing),
          r.pain30.responders ?? (r.suppressed ? '' : '<11'),
          pct(r.pain30.rate),
          pct(r.pain30.low),
          pct(r.pain30.high),
          r.pain50.responders ?? (r.suppressed ? '' : '<11'),
          pct(r.pain50.rate),
          pct(r.pain50.low),
          pct(r.pain50.high),
        ]);
        break;
      case 'trajectories':
        header = ['treatment', 'site', 'month', 'n', 'mean', 'ci_low', 'ci_high'];
        rows = d.trajectories.flatMap((t) => t.points.map((p) => [t.treatmentCode, t.site, p.month, shown(p.n), p.mean?.toFixed(2) ?? '', p.low?.toFixed(2) ?? '', p.high?.toFixed(2) ?? '']));
        break;
      case 'causes':
        header = ['cause', 'confirmed', 'provisional_or_differential'];
        rows = d.causes.map((c) => [c.code, shown(c.confirmed), shown(c.provisional)]);
        break;
      case 'referrals':
        header = ['month', 'total', ...CASE_STATUSES];
        rows = d.referrals.map((m) => [m.month, shown(m.total), ...CASE_STATUSES.map((s) => shown(m.byStatus[s]))]);
        break;
      case 'odi-change':
        header = ['treatment', 'month', 'n', ...d.odiChange[0]?.bins.map((b) => b.label) ?? []];
        rows = d.odiChange.map((o) => [o.treatmentCode, o.month, shown(o.n), ...o.bins.map((b) => shown(b.count))]);
        break;
    }
    await request.audit({ action: 'execute', subtype: 'export', outcome: 'success', entityType: 'OutcomesDashboard', query: { ...request.query }, detail: { format: 'csv', table, rows: rows.length } });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="fbss-outcomes-${table}-${d.today}.csv"`)
      .send(toCsv(header, rows));
  });

  // Specialists for the dashboard's clinician filter: staff names only, no patient data.
  app.get('/api/outcomes/clinicians', { config: { access: 'outcomes.read' }, schema: { response: { 200: ClinicianListResponse } } }, async () => {
    const rows = await app.db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(eq(users.role, 'specialist'))
      .orderBy(asc(users.displayName));
    return { items: rows.map((r) => ({ ...r, role: 'specialist' as const })) };
  });

  app.post('/api/outcomes/export-events', { config: { access: 'outcomes.export' }, schema: { body: OutcomesExportEvent, response: { 204: z.null() } } }, async (request, reply) => {
    await request.audit({ action: 'execute', subtype: 'export', outcome: 'success', entityType: 'OutcomesDashboard', query: { ...request.body.filters }, detail: { format: request.body.format, chart: request.body.chart } });
    return reply.code(204).send(null);
  });
};
