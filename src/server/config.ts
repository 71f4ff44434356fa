import { z } from 'zod';

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Environment variables, parsed once at start; a bad value stops the server with a clear message. */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4200),
  HOST: z.string().min(1).default('localhost'),
  /** PostgreSQL connection string; when absent the embedded database (PGlite) under DATA_DIR is used. */
  DATABASE_URL: z.url().optional(),
  /** Embedded database directory, or `memory://` for a throwaway in-memory database. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Demo mode: seed demo accounts and a demo cohort into an empty database. Default on only for the embedded database outside production. */
  DEMO: Bool.optional(),
  DEMO_PATIENTS: z.coerce.number().int().min(0).max(200_000).default(1000),
  /** IANA time zone of the clinic, for due dates and "this month". */
  CLINIC_TZ: z
    .string()
    .refine(isTimeZone, 'CLINIC_TZ must be an IANA time zone such as Europe/London')
    .default(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'),
  /** Pepper for hashing session tokens and idempotency keys at rest; set it in production (>= 32 characters). */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must have at least 32 characters').optional(),
  IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(24 * 3600).default(15 * 60),
  SESSION_MAX_HOURS: z.coerce.number().min(0.01).max(72).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(3000),
  STATIC_DIR: z.string().default('dist/fbss-dashboard/browser'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: Bool.default(false),
  /** PGlite never autovacuums: run VACUUM (ANALYZE) this often, off the request path. 0 disables. */
  VACUUM_INTERVAL_MINUTES: z.coerce.number().min(0).default(60),
  BODY_LIMIT_MB: z.coerce.number().min(1).max(100).default(25),
});

export type Config = z.infer<typeof Env> & {
  demo: boolean;
  db: 'pglite' | 'postgres';
  version: string;
};

export const APP_VERSION = '0.1.0';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const c = parsed.data;
  const db = c.DATABASE_URL ? 'postgres' : 'pglite';
  const demo = c.DEMO ?? (db === 'pglite' && c.NODE_ENV !== 'production');
  return { ...c, demo, db, version: APP_VERSION, ...overrides };
}
