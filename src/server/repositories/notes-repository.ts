import { and, desc, eq } from 'drizzle-orm';
import type { EnteredInErrorBody } from '../../shared/contracts/common';
import type { ClinicalNote } from '../../shared/contracts/patients';
import type { AccessContext } from '../access';
import { actorOf, writeAudit } from '../audit';
import { type Db, one, present } from '../db/client';
import { clinicalNotes } from '../db/schema/clinical';
import { users } from '../db/schema/users';
import { notFound, stale } from '../http/problem';
import { assertPatient } from './causes-repository';

/** Clinical notes: timestamped, authored, immutable once saved; corrections are new notes or entered-in-error. */
export class NotesRepository {
  constructor(private readonly db: Db) {}

  async list(patientId: string): Promise<ClinicalNote[]> {
    const rows = await this.db
      .select({ n: clinicalNotes, author: users.displayName })
      .from(clinicalNotes)
      .leftJoin(users, eq(users.id, clinicalNotes.authorId))
      .where(eq(clinicalNotes.patientId, patientId))
      .orderBy(desc(clinicalNotes.writtenAt));
    return rows.map(({ n, author }) => ({
      id: n.id,
      body: n.body,
      authorId: n.authorId,
      authorName: author,
      writtenAt: n.writtenAt.toISOString(),
      enteredInError: n.enteredInError,
      enteredInErrorReason: n.enteredInErrorReason,
      version: n.version,
    }));
  }

  async add(ctx: AccessContext, patientId: string, body: string): Promise<ClinicalNote> {
    const id = await this.db.transaction(async (tx) => {
      await assertPatient(tx, patientId);
      const n = one(await tx.insert(clinicalNotes).values({ patientId, authorId: ctx.userId, body, createdBy: ctx.userId, updatedBy: ctx.userId }).returning({ id: clinicalNotes.id }));
      await writeAudit(tx, actorOf(ctx), { action: 'create', subtype: 'clinical-note', outcome: 'success', entityType: 'ClinicalNote', entityId: n.id, patientId });
      return n.id;
    });
    return present((await this.list(patientId)).find((n) => n.id === id));
  }

  async markEnteredInError(ctx: AccessContext, patientId: string, noteId: string, body: EnteredInErrorBody): Promise<ClinicalNote> {
    await this.db.transaction(async (tx) => {
      const [n] = await tx
        .select()
        .from(clinicalNotes)
        .where(and(eq(clinicalNotes.id, noteId), eq(clinicalNotes.patientId, patientId)))
        .for('update');
      if (!n || n.enteredInError) throw notFound('No such note.');
      if (n.version !== body.version) throw stale(null);
      await tx
        .update(clinicalNotes)
        .set({ enteredInError: true, enteredInErrorAt: new Date(), enteredInErrorBy: ctx.userId, enteredInErrorReason: body.reason, version: n.version + 1, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(eq(clinicalNotes.id, noteId));
      await writeAudit(tx, actorOf(ctx), { action: 'delete', subtype: 'clinical-note-entered-in-error', outcome: 'success', entityType: 'ClinicalNote', entityId: noteId, patientId });
    });
    return present((await this.list(patientId)).find((x) => x.id === noteId));
  }
}
