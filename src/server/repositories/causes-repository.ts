import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AddCauseBody, CauseTag, UpdateCauseBody } from '../../shared/contracts/patients';
import type { EnteredInErrorBody } from '../../shared/contracts/common';
import { causeByCode } from '../../shared/domain/causes';
import type { AccessContext } from '../access';
import { actorOf, writeAudit } from '../audit';
import { type Db, type DbOrTx, one, present } from '../db/client';
import { causeTagEvents, causeTags, patients } from '../db/schema/clinical';
import { users } from '../db/schema/users';
import { notFound, ruleViolation, stale } from '../http/problem';

/**
 * Suspected causes as provisional diagnoses (FHIR Condition.verificationStatus; fbss-domain.md §0.7, §2):
 * tagged provisional or differential, then confirmed or refuted as evidence arrives. Every change is kept
 * as an event so the tag's full history is visible, and audited.
 */
export class CausesRepository {
  constructor(private readonly db: Db) {}

  async list(patientId: string, db: DbOrTx = this.db): Promise<CauseTag[]> {
    const tagger = alias(users, 'tagger');
    const editor = alias(users, 'editor');
    const rows = await db
      .select({ t: causeTags, taggedByName: tagger.displayName, updatedByName: editor.displayName })
      .from(causeTags)
      .leftJoin(tagger, eq(tagger.id, causeTags.taggedBy))
      .leftJoin(editor, eq(editor.id, causeTags.updatedBy))
      .where(and(eq(causeTags.patientId, patientId), eq(causeTags.enteredInError, false)))
      .orderBy(asc(causeTags.taggedAt));
    if (rows.length === 0) return [];
    const changer = alias(users, 'changer');
    const events = await db
      .select({ e: causeTagEvents, by: changer.displayName })
      .from(causeTagEvents)
      .leftJoin(changer, eq(changer.id, causeTagEvents.changedBy))
      .where(
        inArray(
          causeTagEvents.causeTagId,
          rows.map((r) => r.t.id),
        ),
      )
      .orderBy(asc(causeTagEvents.changedAt));
    return rows.map(({ t, taggedByName, updatedByName }) => ({
      id: t.id,
      code: t.code,
      status: t.status,
      evidenceNote: t.evidenceNote,
      taggedBy: taggedByName,
      taggedAt: t.taggedAt.toISOString(),
      updatedBy: updatedByName,
      updatedAt: t.updatedAt.toISOString(),
      version: t.version,
      history: events
        .filter((x) => x.e.causeTagId === t.id)
        .map((x) => ({ change: x.e.change, status: x.e.status, evidenceNote: x.e.evidenceNote, changedBy: x.by, changedAt: x.e.changedAt.toISOString() })),
    }));
  }

  async add(ctx: AccessContext, patientId: string, body: AddCauseBody): Promise<CauseTag> {
    return this.db.transaction(async (tx) => {
      await assertPatient(tx, patientId);
      const [dup] = await tx
        .select({ id: causeTags.id })
        .from(causeTags)
        .where(and(eq(causeTags.patientId, patientId), eq(causeTags.code, body.code), eq(causeTags.enteredInError, false)));
      if (dup) {
        throw ruleViolation(`${causeByCode(body.code)?.name ?? body.code} is already tagged for this patient: change its status instead.`, [
          { path: 'code', message: 'Already tagged' },
        ]);
      }
      const tag = one(await tx
        .insert(causeTags)
        .values({ patientId, code: body.code, status: body.status, evidenceNote: body.evidenceNote, taggedBy: ctx.userId, createdBy: ctx.userId, updatedBy: ctx.userId })
        .returning());
      await tx.insert(causeTagEvents).values({ causeTagId: tag.id, status: body.status, evidenceNote: body.evidenceNote, changedBy: ctx.userId, change: 'tagged' });
      await writeAudit(tx, actorOf(ctx), { action: 'create', subtype: 'cause-tag', outcome: 'success', entityType: 'Condition', entityId: tag.id, patientId, detail: { code: body.code, status: body.status } });
      return present((await this.list(patientId, tx)).find((t) => t.id === tag.id));
    });
  }

  async update(ctx: AccessContext, patientId: string, causeId: string, body: UpdateCauseBody): Promise<CauseTag> {
    return this.db.transaction(async (tx) => {
      const current = await this.current(tx, patientId, causeId);
      if (current.version !== body.version) throw stale((await this.list(patientId, tx)).find((t) => t.id === causeId));
      const status = body.status ?? current.status;
      const evidenceNote = body.evidenceNote !== undefined ? body.evidenceNote : current.evidenceNote;
      const statusChanged = status !== current.status;
      const evidenceChanged = evidenceNote !== current.evidenceNote;
      if (!statusChanged && !evidenceChanged) return present((await this.list(patientId, tx)).find((t) => t.id === causeId));
      await tx
        .update(causeTags)
        .set({ status, evidenceNote, version: current.version + 1, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(and(eq(causeTags.id, causeId), eq(causeTags.version, body.version)));
      await tx.insert(causeTagEvents).values({ causeTagId: causeId, status, evidenceNote, changedBy: ctx.userId, change: statusChanged ? 'status' : 'evidence' });
      await writeAudit(tx, actorOf(ctx), {
        action: 'update',
        subtype: 'cause-tag',
        outcome: 'success',
        entityType: 'Condition',
        entityId: causeId,
        patientId,
        detail: { code: current.code, ...(statusChanged ? { from: current.status, to: status } : {}), evidenceChanged },
      });
      return present((await this.list(patientId, tx)).find((t) => t.id === causeId));
    });
  }

  async markEnteredInError(ctx: AccessContext, patientId: string, causeId: string, body: EnteredInErrorBody): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await this.current(tx, patientId, causeId);
      if (current.version !== body.version) throw stale((await this.list(patientId, tx)).find((t) => t.id === causeId));
      await tx
        .update(causeTags)
        .set({
          enteredInError: true,
          enteredInErrorAt: new Date(),
          enteredInErrorBy: ctx.userId,
          enteredInErrorReason: body.reason,
          version: current.version + 1,
          updatedAt: new Date(),
          updatedBy: ctx.userId,
        })
        .where(eq(causeTags.id, causeId));
      await tx.insert(causeTagEvents).values({ causeTagId: causeId, status: current.status, evidenceNote: current.evidenceNote, changedBy: ctx.userId, change: 'entered-in-error' });
      await writeAudit(tx, actorOf(ctx), { action: 'delete', subtype: 'cause-tag-entered-in-error', outcome: 'success', entityType: 'Condition', entityId: causeId, patientId, detail: { code: current.code } });
    });
  }

  private async current(tx: DbOrTx, patientId: string, causeId: string) {
    const [current] = await tx
      .select()
      .from(causeTags)
      .where(and(eq(causeTags.id, causeId), eq(causeTags.patientId, patientId), eq(causeTags.enteredInError, false)))
      .for('update');
    if (!current) throw notFound('No such cause tag on this patient.');
    return current;
  }
}

export async function assertPatient(db: DbOrTx, patientId: string): Promise<void> {
  const [p] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.enteredInError, false)));
  if (!p) throw notFound('No such patient.');
}
