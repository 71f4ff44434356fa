import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { CreateUserBody, UpdateUserBody, UserSummary } from '../../shared/contracts/admin';
import type { Role } from '../../shared/domain/permissions';
import type { AccessContext } from '../access';
import { actorOf, writeAudit } from '../audit';
import { hashPassword, DEFAULT_LOG_N } from '../auth/passwords';
import { type Db, type DbOrTx, one } from '../db/client';
import { users } from '../db/schema/users';
import { HttpProblem, notFound, ruleViolation, stale } from '../http/problem';
import type { SessionsRepository } from './sessions-repository';

type UserRow = typeof users.$inferSelect;

export function toUserSummary(u: UserRow): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
  };
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username.trim().toLowerCase()}`)
    .limit(1);
  return u;
}

/** Creates a user outside a request (demo seed, create-admin CLI). */
export async function insertUser(
  db: DbOrTx,
  input: { username: string; displayName: string; role: Role; password: string; mustChangePassword?: boolean; createdBy?: string | null },
  logN = DEFAULT_LOG_N,
): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password, logN);
  const u = one(await db
    .insert(users)
    .values({
      username: input.username.toLowerCase(),
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
      createdBy: input.createdBy ?? null,
      updatedBy: input.createdBy ?? null,
    })
    .returning());
  return u;
}

/** User administration (issue 3): every change is audited and version-checked. */
export class UsersRepository {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionsRepository,
    private readonly logN = DEFAULT_LOG_N,
  ) {}

  async list(): Promise<UserSummary[]> {
    const rows = await this.db.select().from(users).orderBy(asc(users.role), asc(users.username));
    return rows.map(toUserSummary);
  }

  async create(ctx: AccessContext, body: CreateUserBody): Promise<UserSummary> {
    return this.db.transaction(async (tx) => {
      if (await findUserByUsername(tx, body.username)) {
        throw new HttpProblem(400, 'That username is taken.', [{ path: 'username', message: 'That username is taken' }]);
      }
      const u = await insertUser(tx, { ...body, mustChangePassword: true, createdBy: ctx.userId }, this.logN);
      await writeAudit(tx, actorOf(ctx), { action: 'create', subtype: 'user', outcome: 'success', entityType: 'User', entityId: u.id, detail: { role: u.role } });
      return toUserSummary(u);
    });
  }

  async update(ctx: AccessContext, id: string, body: UpdateUserBody): Promise<UserSummary> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
      if (!current) throw notFound('No such user.');
      if (current.version !== body.version) throw stale(toUserSummary(current));
      const losesAdmin = current.role === 'admin' && current.active && (body.active === false || (body.role !== undefined && body.role !== 'admin'));
      if (id === ctx.userId && body.active === false) throw ruleViolation('You cannot deactivate your own account.');
      if (losesAdmin) {
        const [{ n }] = (await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
          .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, id)))) as [{ n: number }];
        if (n === 0) throw ruleViolation('This is the last active administrator: make another user an administrator first.');
      }
      const u = one(await tx
        .update(users)
        .set({
          ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
          ...(body.role !== undefined ? { role: body.role } : {}),
          ...(body.active !== undefined ? { active: body.active } : {}),
          version: current.version + 1,
          updatedAt: new Date(),
          updatedBy: ctx.userId,
        })
        .where(and(eq(users.id, id), eq(users.version, body.version)))
        .returning());
      if (body.active === false && current.active) await this.sessions.endAllForUser(id, 'deactivated', tx);
      else if (body.role !== undefined && body.role !== current.role) await this.sessions.endAllForUser(id, 'role-changed', tx);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const k of ['displayName', 'role', 'active'] as const) {
        if (body[k] !== undefined && body[k] !== current[k]) changes[k] = { from: current[k], to: body[k] };
      }
      await writeAudit(tx, actorOf(ctx), { action: 'update', subtype: 'user', outcome: 'success', entityType: 'User', entityId: id, detail: { changes } });
      return toUserSummary(u);
    });
  }

  /** Sets a new password chosen by an admin; the user must change it at next sign-in; all their sessions end. */
  async resetPassword(ctx: AccessContext, id: string, version: number, password: string): Promise<UserSummary> {
    const passwordHash = await hashPassword(password, this.logN);
    return this.db.transaction(async (tx) => {
      const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
      if (!current) throw notFound('No such user.');
      if (current.version !== version) throw stale(toUserSummary(current));
      const u = one(await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), version: current.version + 1, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(eq(users.id, id))
        .returning());
      await this.sessions.endAllForUser(id, 'password-changed', tx);
      await writeAudit(tx, actorOf(ctx), { action: 'update', subtype: 'password-reset', outcome: 'success', entityType: 'User', entityId: id });
      return toUserSummary(u);
    });
  }
}
