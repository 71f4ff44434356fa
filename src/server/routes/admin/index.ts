import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { AuditEventPage, AuditEventQuery, CreateUserBody, ResetPasswordBody, UpdateUserBody, UserListResponse, UserSummary } from '../../../shared/contracts/admin';
import { Id } from '../../../shared/contracts/common';
import { toCsv } from '../../http/csv';
import { AuditRepository } from '../../repositories/audit-repository';
import { UsersRepository } from '../../repositories/users-repository';

const IdParams = z.object({ id: Id });
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/** User administration and the audit log viewer (admins only; no clinical records here). */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = new UsersRepository(app.db, app.sessions, app.config.NODE_ENV === 'test' ? 10 : undefined);
  const audit = new AuditRepository(app.db, app.config.CLINIC_TZ);

  app.get('/api/admin/users', { config: { access: 'user.manage' }, schema: { response: { 200: UserListResponse } } }, async () => ({ items: await repo.list() }));

  app.post('/api/admin/users', { config: { access: 'user.manage' }, schema: { body: CreateUserBody, response: { 201: UserSummary } } }, async (request, reply) => {
    const user = await repo.create(request.requireCtx(), request.body);
    return reply.code(201).send(user);
  });

  app.patch('/api/admin/users/:id', { config: { access: 'user.manage' }, schema: { params: IdParams, body: UpdateUserBody, response: { 200: UserSummary } } }, async (request) =>
    repo.update(request.requireCtx(), request.params.id, request.body),
  );

  app.post(
    '/api/admin/users/:id/password',
    { config: { access: 'user.manage' }, schema: { params: IdParams, body: ResetPasswordBody, response: { 200: UserSummary } } },
    async (request) => repo.resetPassword(request.requireCtx(), request.params.id, request.body.version, request.body.password),
  );

  app.get('/api/admin/audit-events', { config: { access: 'audit.read' }, schema: { querystring: AuditEventQuery, response: { 200: AuditEventPage } } }, async (request) => {
    const q = request.query;
    const { items, total } = await audit.page(q);
    await request.audit({ action: 'read', subtype: 'search', outcome: 'success', entityType: 'AuditEvent', query: { ...q } });
    return { items, total, page: q.page, pageSize: q.pageSize };
  });

  app.get(
    '/api/admin/audit-events/export',
    { config: { access: 'audit.read' }, schema: { querystring: AuditEventQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      const rows = await audit.export(request.query, AUDIT_EXPORT_MAX_ROWS);
      // The export is itself audited.
      await request.audit({ action: 'execute', subtype: 'export', outcome: 'success', entityType: 'AuditEvent', query: { ...request.query }, detail: { rows: rows.length, format: 'csv' } });
      const csv = toCsv(
        ['recordedAt', 'username', 'role', 'action', 'subtype', 'outcome', 'entityType', 'entityId', 'patientId', 'clientAddress', 'userAgent', 'query', 'detail'],
        rows.map((r) => [r.recordedAt, r.username, r.role, r.action, r.subtype, r.outcome, r.entityType, r.entityId, r.patientId, r.clientAddress, r.userAgent, r.query, r.detail]),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-events-${new Date().toISOString().slice(0, 10)}.csv"`)
        .send(csv);
    },
  );
};
