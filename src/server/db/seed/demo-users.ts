import type { Role } from '../../../shared/domain/permissions';
import type { DbOrTx } from '../client';
import { findUserByUsername, insertUser } from '../../repositories/users-repository';

/**
 * Demo accounts, one per role, created only in demo mode (the default for the embedded database
 * outside production). Passwords follow `fbss-demo-<username>` and are printed at start and in the README.
 */
export const DEMO_USERS: readonly { username: string; displayName: string; role: Role }[] = [
  { username: 'nurse', displayName: 'Nia Okafor (demo nurse)', role: 'nurse' },
  { username: 'specialist', displayName: 'Dr Samuel Reyes (demo specialist)', role: 'specialist' },
  { username: 'manager', displayName: 'Maria Lindqvist (demo manager)', role: 'manager' },
  { username: 'admin', displayName: 'Alex Admin (demo administrator)', role: 'admin' },
];

/** Extra demo clinicians so that "my cases" and assignments have variety. */
export const DEMO_COLLEAGUES: readonly { username: string; displayName: string; role: Role }[] = [
  { username: 'dr.patel', displayName: 'Dr Priya Patel', role: 'specialist' },
  { username: 'dr.chen', displayName: 'Dr Wei Chen', role: 'specialist' },
  { username: 'nurse.jones', displayName: 'Gwen Jones', role: 'nurse' },
];

export const demoPassword = (username: string): string => `fbss-demo-${username.replace(/[^a-z]/g, '')}`;

/** Creates the demo accounts that do not exist yet; returns every demo clinician's id by username. */
export async function seedDemoUsers(db: DbOrTx, logN?: number): Promise<Map<string, { id: string; role: Role }>> {
  const out = new Map<string, { id: string; role: Role }>();
  for (const u of [...DEMO_USERS, ...DEMO_COLLEAGUES]) {
    const existing = await findUserByUsername(db, u.username);
    const row = existing ?? (await insertUser(db, { ...u, password: demoPassword(u.username) }, logN));
    out.set(u.username, { id: row.id, role: row.role });
  }
  return out;
}
