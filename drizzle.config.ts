import { defineConfig } from 'drizzle-kit';

// Codebase-first migrations: `npm run db:generate` writes SQL into src/server/db/migrations,
// which is committed, reviewed and applied at boot. Never edit a migration after it lands.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './src/server/db/migrations',
  casing: 'snake_case',
});
