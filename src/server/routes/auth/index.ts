import type { FastifyPluginAsyncZod } from '@fastify/type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ChangePasswordBody, LoginBody, SessionInfo } from '../../../shared/contracts/auth';
import { Problem } from '../../../shared/contracts/problem';
import { actorOf, writeAudit } from '../../audit';
import { dummyHash, hashPassword, verifyPassword } from '../../auth/passwords';
import { users } from '../../db/schema/users';
import { badRequest, tooManyRequests, unauthorized } from '../../http/problem';
import { clearSessionCookie, setSessionCookie } from '../../plugins/access-control';
import { findUserByUsername } from '../../repositories/users-repository';
import { LOCKOUT_FAILURES, LOCKOUT_WINDOW_MINUTES, type ResolvedSession } from '../../repositories/sessions-repository';

function requireSession(request: FastifyRequest): ResolvedSession {
  if (!request.session) throw unauthorized();
  return request.session;
}

const WRONG_CREDENTIALS = 'The username or password is not correct.';

/** Sign-in, sign-out, the current session, keep-alive and password change (issue 3). */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const idleTimeoutSeconds = app.config.IDLE_TIMEOUT_SECONDS;
  const info = (s: Pick<ResolvedSession, 'userId' | 'username' | 'displayName' | 'role' | 'mustChangePassword' | 'expiresAt'>) => ({
    user: { id: s.userId, username: s.username, displayName: s.displayName, role: s.role, mustChangePassword: s.mustChangePassword },
    idleTimeoutSeconds,
    expiresAt: s.expiresAt.toISOString(),
  });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: app.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { body: LoginBody, response: { 200: SessionInfo, 401: Problem, 429: Problem } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const address = request.ip || null;
      const ua = request.headers['user-agent'] ?? null;
      const anon = { username: username.toLowerCase(), clientAddress: address, userAgent: ua };

      const { failures, retryAfterSeconds } = await app.sessions.recentFailures(username);
      if (failures >= LOCKOUT_FAILURES) {
        await writeAudit(app.db, anon, { action: 'execute', subtype: 'login', outcome: 'denied', entityType: 'User', detail: { reason: 'locked-out' } });
        throw tooManyRequests(
          `Too many failed sign-in attempts for this account. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s) or ask an administrator to reset your password.`,
          retryAfterSeconds,
        );
      }

      const user = await findUserByUsername(app.db, username);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
      if (!user || !ok || !user.active) {
        await app.sessions.recordAttempt(username, false, address);
        await writeAudit(app.db, { ...anon, userId: user?.id ?? null, role: user?.role ?? null }, {
          action: 'execute',
          subtype: 'login',
          outcome: 'failed',
          entityType: 'User',
          entityId: user?.id ?? null,
          detail: { reason: !user ? 'unknown-user' : !user.active ? 'inactive' : 'wrong-password', failuresInWindow: failures + 1, windowMinutes: LOCKOUT_WINDOW_MINUTES },
        });
        throw unauthorized(WRONG_CREDENTIALS);
      }

      await app.sessions.recordAttempt(username, true, address);
      const { token, sessionId, expiresAt } = await app.sessions.create(user.id, address, ua);
      await app.db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
      await writeAudit(app.db, { userId: user.id, username: user.username, role: user.role, clientAddress: address, userAgent: ua }, {
        action: 'execute',
        subtype: 'login',
        outcome: 'success',
        entityType: 'Session',
        entityId: sessionId,
      });
      setSessionCookie(reply, token, request.protocol === 'https');
      return info({ userId: user.id, username: user.username, displayName: user.displayName, role: user.role, mustChangePassword: user.mustChangePassword, expiresAt });
    },
  );

  app.post('/api/auth/logout', { config: { access: 'authenticated' }, schema: { response: { 204: z.null() } } }, async (request, reply) => {
    const ctx = request.requireCtx();
    await app.sessions.end(ctx.sessionId, 'signed-out');
    await writeAudit(app.db, actorOf(ctx), { action: 'execute', subtype: 'logout', outcome: 'success', entityType: 'Session', entityId: ctx.sessionId });
    clearSessionCookie(reply);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', { config: { access: 'authenticated' }, schema: { response: { 200: SessionInfo } } }, async (request) => {
    return info(requireSession(request));
  });

  app.post('/api/auth/touch', { config: { access: 'authenticated' }, schema: { response: { 200: SessionInfo } } }, async (request) => {
    await app.sessions.touch(request.requireCtx().sessionId);
    return info(requireSession(request));
  });

  app.post(
    '/api/auth/password',
    { config: { access: 'authenticated', rateLimit: { max: app.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } }, schema: { body: ChangePasswordBody, response: { 204: z.null() } } },
    async (request, reply) => {
      const ctx = request.requireCtx();
      const [user] = await app.db.select().from(users).where(eq(users.id, ctx.userId));
      if (!user || !(await verifyPassword(request.body.currentPassword, user.passwordHash))) {
        await writeAudit(app.db, actorOf(ctx), { action: 'update', subtype: 'password-change', outcome: 'failed', entityType: 'User', entityId: ctx.userId });
        throw badRequest([{ path: 'currentPassword', message: 'The current password is not correct' }], 'The current password is not correct.');
      }
      if (request.body.newPassword.toLowerCase().includes(user.username.toLowerCase())) {
        throw badRequest([{ path: 'newPassword', message: 'Do not use your username in your password' }]);
      }
      const passwordHash = await hashPassword(request.body.newPassword);
      await app.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), version: user.version + 1, updatedAt: new Date(), updatedBy: ctx.userId })
          .where(eq(users.id, ctx.userId));
        // All of the user's sessions end when the password changes, this one included (issue 3).
        await app.sessions.endAllForUser(ctx.userId, 'password-changed', tx);
        await writeAudit(tx, actorOf(ctx), { action: 'update', subtype: 'password-change', outcome: 'success', entityType: 'User', entityId: ctx.userId });
      });
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );
};
