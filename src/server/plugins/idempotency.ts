import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { idempotencyKeys } from '../db/schema/audit';
import { HttpProblem, ruleViolation } from '../http/problem';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
}

/** Keys are kept at least this long (issue 5: at least 24 hours). */
export const IDEMPOTENCY_RETENTION_HOURS = 48;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

function requestHash(request: FastifyRequest): string {
  const path = request.url.split('?')[0];
  return createHash('sha256')
    .update(`${request.method} ${path}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');
}

/**
 * Retried submissions never duplicate: a route with `config.idempotent` accepts an Idempotency-Key
 * header (per user). The first request runs and its status and body are kept; a replay with the same
 * key and body gets the original answer (header `idempotent-replayed: true`); the same key with a
 * different body is refused with 422; a replay while the first is still running gets 409.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('idempotency', null);

    app.addHook('preHandler', async (request, reply) => {
      if (!request.routeOptions.config.idempotent || !request.ctx) return;
      const key = request.headers['idempotency-key'];
      if (key === undefined) return;
      if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
        throw new HttpProblem(400, 'The Idempotency-Key header must be 8-200 letters, digits or - _ . :', [{ path: 'Idempotency-Key', message: 'Invalid key' }]);
      }
      const userId = request.ctx.userId;
      const hash = requestHash(request);
      const inserted = await app.db
        .insert(idempotencyKeys)
        .values({ userId, key, method: request.method, path: request.url.split('?')[0] ?? '', requestHash: hash, status: 'pending' })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) {
        request.idempotency = { userId, key };
        return;
      }
      const [existing] = await app.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
      if (!existing) throw new HttpProblem(409, 'The same request is being processed. Try again in a moment.');
      if (existing.requestHash !== hash) throw ruleViolation('This Idempotency-Key was already used for a different request.');
      if (existing.status !== 'done') throw new HttpProblem(409, 'The same request is still being processed. Try again in a moment.');
      void reply.header('idempotent-replayed', 'true');
      const status = existing.responseStatus ?? 200;
      if (status >= 400) void reply.type('application/problem+json');
      return reply.code(status).send(existing.responseBody);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const idem = request.idempotency;
      if (!idem) return payload;
      request.idempotency = null;
      const where = and(eq(idempotencyKeys.userId, idem.userId), eq(idempotencyKeys.key, idem.key));
      if (reply.statusCode >= 500) {
        // The request failed on our side: let a retry run it again.
        await app.db.delete(idempotencyKeys).where(where);
        return payload;
      }
      let body: unknown = null;
      if (typeof payload === 'string' && payload.length > 0) {
        try {
          body = JSON.parse(payload);
        } catch {
          body = payload;
        }
      }
      await app.db.update(idempotencyKeys).set({ status: 'done', responseStatus: reply.statusCode, responseBody: body }).where(where);
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['access-control'] },
);

export async function purgeIdempotencyKeys(app: FastifyInstance): Promise<void> {
  await app.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_RETENTION_HOURS})`));
}
