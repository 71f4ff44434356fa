import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from '@fastify/type-provider-zod';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from './config';
import type { Database } from './db/client';
import { HttpProblem, sendProblem } from './http/problem';
import { accessControlPlugin, isProtectedPath } from './plugins/access-control';
import { databasePlugin } from './plugins/database';
import { errorsPlugin } from './plugins/errors';
import { idempotencyPlugin } from './plugins/idempotency';
import { securityPlugin } from './plugins/security';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { fhirRoutes } from './routes/fhir';
import { healthRoutes } from './routes/health';
import { outcomeRoutes } from './routes/outcomes';
import { patientRoutes } from './routes/patients';
import { assessmentRoutes } from './routes/patients/assessments';
import { planRoutes } from './routes/patients/plans';

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Close the database when the app closes (the server owns it); tests that share one database pass false. */
  closeDatabase?: boolean;
  logger?: FastifyServerOptions['logger'];
}

/**
 * Request logs carry the method, the route pattern and the status, never the URL's query string or
 * bodies: search text and record contents are patient data (issue 2).
 */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  if (config.LOG_LEVEL === 'silent') return false;
  return {
    level: config.LOG_LEVEL,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
  };
}

/** Fastify's own request lines would carry the URL with its query string: log none of them. */
class PhiSafeLogController extends LogController {
  override routeNotFound(request: FastifyRequest, _reply: FastifyReply): void {
    request.log.info({ method: request.method }, 'route not found');
  }
}

/** Builds the API and static SPA server without listening (tests use app.inject()). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(config),
    logController: new PhiSafeLogController({ disableRequestLogging: true }),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: config.BODY_LIMIT_MB * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  // External plugins first, then the app's own, then routes (fastify/demo order).
  await app.register(securityPlugin, { config });
  await app.register(errorsPlugin);
  await app.register(databasePlugin, { database: opts.database, closeOnShutdown: opts.closeDatabase ?? true });
  await app.register(accessControlPlugin, { config });
  await app.register(idempotencyPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(patientRoutes);
  await app.register(assessmentRoutes);
  await app.register(planRoutes);
  await app.register(adminRoutes);
  await app.register(outcomeRoutes);
  await app.register(fhirRoutes);

  const staticDir = resolve(config.STATIC_DIR);
  const hasSpa = existsSync(resolve(staticDir, 'index.html'));
  if (hasSpa) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      index: false,
      // Hashed bundles can be cached for a year; index.html never (it names the current bundles).
      setHeaders: (reply, path) => {
        void reply.header('cache-control', /\.[0-9a-z]{8,}\.(js|css|woff2?|ttf|svg|png)$/i.test(path) || /-[0-9A-Z]{8}\.(js|css)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler({ preHandler: app.rateLimit({ max: 120, timeWindow: '1 minute' }) }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (hasSpa && request.method === 'GET' && !isProtectedPath(path) && wantsHtml) {
      // Client-side routes of the SPA: serve its shell, the router shows the page (or its own 404 page).
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, new HttpProblem(404, `No route ${request.method} ${path}.`));
  });

  return app;
}
