import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import { z } from 'zod';
import { isMigrated } from '../../db/client';

export const HealthResponse = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() });
export const ReadyResponse = z.object({ status: z.enum(['ready', 'unavailable']), db: z.enum(['pglite', 'postgres']), detail: z.string().optional() });

/** Liveness and readiness: the only /api routes that need no session. They carry no patient data. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { config: { access: 'public', rateLimit: false }, schema: { response: { 200: HealthResponse } } }, async () => ({
    status: 'ok' as const,
    db: app.database.kind,
    version: app.config.version,
  }));

  app.get('/api/ready', { config: { access: 'public', rateLimit: false }, schema: { response: { 200: ReadyResponse, 503: ReadyResponse } } }, async (_req, reply) => {
    const ok = await isMigrated(app.database);
    if (!ok) return reply.code(503).send({ status: 'unavailable' as const, db: app.database.kind, detail: 'The database is not reachable or not migrated.' });
    return { status: 'ready' as const, db: app.database.kind };
  });
};
