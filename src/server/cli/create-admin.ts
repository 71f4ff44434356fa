/**
 * `npm run create-admin -- --username X [--display-name "Name"] [--password-stdin]`
 * Creates an administrator on a database without demo accounts (production or PostgreSQL).
 * The password is prompted (not echoed) or read from standard input; it is never a command-line argument.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Password, Username } from '../../shared/contracts/auth';
import { loadConfig } from '../config';
import { openDatabase, runMigrations } from '../db/client';
import { lockDataDir } from '../db/lock';
import { writeAudit } from '../audit';
import { findUserByUsername, insertUser } from '../repositories/users-repository';

async function readHidden(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  let prompting = true;
  out._writeToOutput = (s: string) => {
    if (prompting) out.output.write(s.includes(prompt) ? prompt : '');
  };
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      prompting = false;
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, 'display-name': { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
  });
  const username = Username.safeParse(values.username ?? '');
  if (!username.success) {
    console.error(`--username: ${username.error.issues[0]?.message ?? 'required'}`);
    process.exit(2);
  }
  let password: string;
  if (values['password-stdin']) password = await readStdin();
  else {
    password = await readHidden('Password (at least 12 characters): ');
    const again = await readHidden('Repeat the password: ');
    if (again !== password) {
      console.error('The passwords do not match.');
      process.exit(2);
    }
  }
  const pw = Password.safeParse(password);
  if (!pw.success) {
    console.error(`Password: ${pw.error.issues[0]?.message ?? 'invalid'}`);
    process.exit(2);
  }
  const config = loadConfig();
  const lock = config.db === 'pglite' ? lockDataDir(config.DATA_DIR) : null;
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await runMigrations(database);
    if (await findUserByUsername(database.db, username.data)) {
      console.error(`A user named ${username.data} exists already.`);
      process.exitCode = 1;
      return;
    }
    const user = await insertUser(database.db, { username: username.data, displayName: values['display-name'] ?? username.data, role: 'admin', password: pw.data });
    await writeAudit(database.db, { username: 'create-admin (command line)' }, { action: 'create', subtype: 'user', outcome: 'success', entityType: 'User', entityId: user.id, detail: { role: 'admin' } });
    console.log(`Administrator ${user.username} created on the ${database.kind} database.`);
  } finally {
    await database.close();
    lock?.release();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
