import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can, PERMISSIONS } from '../../shared/domain/permissions';
import type { AccessContext, RouteAccess } from '../access';

type RouteAccessDecl = RouteAccess | undefined;
import { actorOf, writeAudit, type AuditInput } from '../audit';
import type { Config } from '../config';
import { HttpProblem, sendProblem } from '../http/problem';
import { SessionsRepository, type ResolvedSession } from '../repositories/sessions-repository';

export const SESSION_COOKIE = 'fbss_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller; set for every route that is not public. */
    ctx: AccessContext | null;
    session: ResolvedSession | null;
    /** The caller's context; throws 401 when there is none (use in handlers of non-public routes). */
    requireCtx(): AccessContext;
    /** Appends an audit event for this request's caller. */
    audit(input: AuditInput): Promise<void>;
  }
  interface FastifyInstance {
    sessions: SessionsRepository;
    config: Config;
    /** Every registered route and what it requires (the route-enumeration spec reads it). */
    routeAccess: { method: string; url: string; access: RouteAccessDecl }[];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes a user who must change their password may still use. */
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/password', '/api/auth/touch']);

export function isProtectedPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url === '/fhir' || url.startsWith('/fhir/');
}

function clientAddress(request: FastifyRequest): string | null {
  return request.ip || null;
}

/**
 * Authentication, CSRF defence and deny-by-default authorisation for every /api and /fhir route
 * (HIPAA 164.312(a)(1) access control, (d) person authentication; fbss-domain.md §9).
 */
export const accessControlPlugin = fp(
  async (app: FastifyInstance, opts: { config: Config }) => {
    const { config } = opts;
    await app.register(cookie);
    app.decorate('config', config);
    app.decorate(
      'sessions',
      new SessionsRepository(app.db, {
        idleTimeoutSeconds: config.IDLE_TIMEOUT_SECONDS,
        maxLifetimeSeconds: Math.round(config.SESSION_MAX_HOURS * 3600),
        secret: config.SESSION_SECRET,
      }),
    );
    app.decorateRequest('ctx', null);
    app.decorateRequest('session', null);
    app.decorateRequest('requireCtx', function (this: FastifyRequest) {
      if (!this.ctx) throw new HttpProblem(401);
      return this.ctx;
    });
    app.decorateRequest('audit', async function (this: FastifyRequest, input: AuditInput) {
      const actor = this.ctx ? actorOf(this.ctx) : { clientAddress: clientAddress(this), userAgent: this.headers['user-agent'] ?? null };
      await writeAudit(app.db, actor, input);
    });

    // Every route under /api and /fhir must declare what it requires; the route-enumeration spec checks it too.
    app.decorate('routeAccess', []);
    app.addHook('onRoute', (route) => {
      const access = route.config?.access;
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
      }
      if (access !== undefined && access !== 'public' && access !== 'authenticated' && !(PERMISSIONS as readonly string[]).includes(access)) {
        throw new Error(`Route ${[route.method].flat().join(',')} ${route.url} declares an unknown permission "${access}"`);
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      const url = request.routeOptions.url;
      if (!url || !isProtectedPath(url)) return;
      if (isProtectedPath(url)) void reply.header('cache-control', 'no-store');

      // CSRF: state-changing requests carry the SPA's custom header and, when the browser says where it
      // came from, come from this origin (OWASP CSRF cheat sheet: custom request header + Fetch Metadata).
      if (STATE_CHANGING.has(request.method)) {
        const fetchSite = request.headers['sec-fetch-site'];
        const origin = request.headers.origin;
        const host = request.headers.host;
        const crossSite = (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') || (origin !== undefined && !sameOrigin(origin, host));
        if (!request.headers['x-requested-with'] || crossSite) {
          await deny(request, reply, 'csrf', 'This request did not come from the FBSS Dashboard page (missing X-Requested-With or cross-site origin).');
          return reply;
        }
      }

      const access = request.routeOptions.config.access;
      if (access === 'public') return;

      const token = request.cookies[SESSION_COOKIE];
      if (!token) return sendProblem(reply, new HttpProblem(401));
      const found = await app.sessions.resolve(token);
      if (found.state !== 'valid') {
        clearSessionCookie(reply);
        if (found.state === 'ended') {
          await writeAudit(
            app.db,
            { userId: found.userId, username: found.username, role: found.role, clientAddress: clientAddress(request), userAgent: request.headers['user-agent'] ?? null },
            { action: 'execute', subtype: 'session-ended', outcome: 'success', entityType: 'Session', entityId: found.sessionId, detail: { reason: found.reason } },
          );
          const detail =
            found.reason === 'idle'
              ? `You were signed out after ${Math.round(config.IDLE_TIMEOUT_SECONDS / 60)} minutes of inactivity.`
              : found.reason === 'expired'
                ? 'Your session reached its maximum length. Sign in again.'
                : 'Your session has ended. Sign in again.';
          return sendProblem(reply, new HttpProblem(401, detail));
        }
        return sendProblem(reply, new HttpProblem(401));
      }
      const s = found.session;
      request.session = s;
      request.ctx = {
        userId: s.userId,
        username: s.username,
        role: s.role,
        sessionId: s.sessionId,
        clientAddress: clientAddress(request),
        userAgent: request.headers['user-agent'] ?? null,
      };

      if (access === undefined) {
        await deny(request, reply, 'no-permission-declared', 'This endpoint is not available.');
        return reply;
      }
      if (s.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(url)) {
        await deny(request, reply, 'password-change-required', 'Change your password before continuing.');
        return reply;
      }
      if (access !== 'authenticated' && !can(s.role, access)) {
        await deny(request, reply, access, `Your role (${s.role}) does not allow this.`);
        return reply;
      }
    });

    async function deny(request: FastifyRequest, reply: FastifyReply, reason: string, detail: string): Promise<void> {
      const params = (request.params ?? {}) as Record<string, string>;
      await request.audit({
        action: 'execute',
        subtype: 'access-denied',
        outcome: 'denied',
        entityType: request.routeOptions.url ?? null,
        entityId: params['id'] ?? null,
        patientId: request.routeOptions.url?.startsWith('/api/patients/:id') && UUID.test(params['id'] ?? '') ? params['id'] : null,
        detail: { method: request.method, reason },
      });
      await sendProblem(reply, new HttpProblem(403, detail));
    }
  },
  { name: 'access-control', dependencies: ['database'] },
);

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}
