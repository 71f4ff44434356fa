import { loadConfig } from './config';
import { DataDirLockedError } from './db/lock';
import { demoLoginsText, startServer } from './server';

/** Entry point: `node --import tsx src/server/main.ts` (npm start builds the SPA first). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  try {
    const server = await startServer(config);
    console.log(`\nFBSS Dashboard is running at ${server.url}  (database: ${server.database.kind})`);
    if (config.demo) console.log(`Demo sign-ins (role, username, password):\n${demoLoginsText()}\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        const force = setTimeout(() => {
          console.error('Shutdown took longer than 20 s; exiting.');
          process.exit(1);
        }, 20_000);
        force.unref();
        server
          .stop(signal)
          .then(() => process.exit(0))
          .catch((e: unknown) => {
            console.error('Error while stopping:', e);
            process.exit(1);
          });
      });
    }
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`\nCannot start: ${e.message}\n`);
      process.exit(3);
    }
    console.error('Could not start the server:', e);
    process.exit(1);
  }
}

void main();
