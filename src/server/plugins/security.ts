import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { problemBody } from '../http/problem';

/**
 * Security headers and rate limits, registered before the app's own plugins (fastify/demo order).
 * CSP: scripts only from this origin, no inline scripts (the SPA build emits none: inlineCritical is off);
 * Angular and Material set inline styles at run time, so style-src allows them.
 */
export const securityPlugin = fp(
  async (app: FastifyInstance, opts: { config: Config }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          workerSrc: ["'self'", 'blob:'],
        },
      },
      // HSTS only makes sense over HTTPS; behind a TLS-terminating proxy it is sent by the proxy or here.
      strictTransportSecurity: opts.config.NODE_ENV === 'production' ? { maxAge: 15552000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    });
    await app.register(rateLimit, {
      global: true,
      max: opts.config.API_RATE_LIMIT_PER_MINUTE,
      timeWindow: '1 minute',
      errorResponseBuilder: (_request, context) => ({
        ...problemBody(429, `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
        statusCode: 429,
      }),
    });
  },
  { name: 'security' },
);
