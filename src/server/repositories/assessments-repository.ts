import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AcknowledgeRedFlagBody, Assessment, NewAssessmentBody, RedFlagAlert } from '../../shared/contracts/assessments';

import type { EnteredInErrorBody } from '../../shared/contracts/common';
import { scoreOdi } from '../../shared/domain/odi';
import { can } from '../../shared/domain/permissions';
import type { AccessContext } from '../access';
import { actorOf, writeAudit } from '../audit';
import { type Db, type DbOrTx, one, present } from '../db/client';
import { assessments, redFlagAlerts } from '../db/schema/clinical';
import { users } from '../db/schema/users';
import { forbidden, notFound, ruleViolation, stale } from '../http/problem';
import { assertPatient } from './causes-repository';
import { matchFollowUps } from './plans-repository';

type NewAssessment = z.output<typeof NewAssessmentBody>;
type AssessmentRow = typeof assessments.$inferSelect;

function toAssessment(a: AssessmentRow, recordedBy: string | null): Assessment {
  return {
    id: a.id,
    patientId: a.patientId,
    recordedAt: a.recordedAt.toISOString(),
    recordedById: a.recordedBy,
    recordedBy,
    backNrs: a.backNrs,
    legNrs: a.legNrs,
    unspecifiedNrs: a.unspecifiedNrs,
    symptoms: a.symptoms as Assessment['symptoms'],
    redFlagsScreened: a.redFlagsScreened,
    redFlags: a.redFlags,
    odiAnswers: a.odiAnswers,
    odiScore: a.odiScore,
    note: a.note,
    source: a.source,
    enteredInError: a.enteredInError,
    enteredInErrorReason: a.enteredInErrorReason,
    version: a.version,
  };
}

/**
 * Assessments: pain scores, symptoms, the red-flag screen and the ODI. Never edited in place: a correction
 * marks the old one entered-in-error (with reason) and records a new one. A positive red-flag screen raises
 * an alert that stays open until a specialist acknowledges it with the action taken.
 */
export class AssessmentsRepository {
  constructor(
    private readonly db: Db,
    private readonly timeZone: string,
  ) {}

  async list(patientId: string, db: DbOrTx = this.db): Promise<Assessment[]> {
    const rows = await db
      .select({ a: assessments, by: users.displayName })
      .from(assessments)
      .leftJoin(users, eq(users.id, assessments.recordedBy))
      .where(eq(assessments.patientId, patientId))
      .orderBy(asc(assessments.recordedAt), asc(assessments.id));
    return rows.map((r) => toAssessment(r.a, r.by));
  }

  async get(patientId: string, id: string, db: DbOrTx = this.db): Promise<Assessment> {
    const [r] = await db
      .select({ a: assessments, by: users.displayName })
      .from(assessments)
      .leftJoin(users, eq(users.id, assessments.recordedBy))
      .where(and(eq(assessments.id, id), eq(assessments.patientId, patientId)));
    if (!r) throw notFound('No such assessment on this patient.');
    return toAssessment(r.a, r.by);
  }

  async create(ctx: AccessContext, patientId: string, body: NewAssessment): Promise<Assessment> {
    // ODI v2.1a scored by the shared rule (Fairbank & Pynsent 2000): null with more than one section missing.
    const odi = body.odiAnswers ? scoreOdi(body.odiAnswers) : null;
    return this.db.transaction(async (tx) => {
      await assertPatient(tx, patientId);
      const a = one(await tx
        .insert(assessments)
        .values({
          patientId,
          recordedAt: body.recordedAt ? new Date(body.recordedAt) : new Date(),
          recordedBy: ctx.userId,
          backNrs: body.backNrs,
          legNrs: body.legNrs,
          symptoms: body.symptoms,
          redFlagsScreened: body.redFlagsScreened,
          redFlags: body.redFlags,
          odiAnswers: body.odiAnswers,
          odiScore: odi?.score ?? null,
          note: body.note,
          source: 'form',
          createdBy: ctx.userId,
          updatedBy: ctx.userId,
        })
        .returning({ id: assessments.id }));
      const id = a.id;
      if (body.redFlags.length > 0) {
        const alert = one(await tx
          .insert(redFlagAlerts)
          .values({ patientId, assessmentId: id, flags: body.redFlags, createdBy: ctx.userId, updatedBy: ctx.userId })
          .returning({ id: redFlagAlerts.id }));
        await writeAudit(tx, actorOf(ctx), { action: 'create', subtype: 'red-flag-raised', outcome: 'success', entityType: 'Flag', entityId: alert.id, patientId, detail: { flags: body.redFlags } });
      }
      await writeAudit(tx, actorOf(ctx), {
        action: 'create',
        subtype: 'assessment',
        outcome: 'success',
        entityType: 'Observation',
        entityId: id,
        patientId,
        detail: { pain: body.backNrs !== null, symptoms: body.symptoms.length, odi: odi !== null, redFlags: body.redFlags.length },
      });
      await matchFollowUps(tx, patientId, this.timeZone);
      return this.get(patientId, id, tx);
    });
  }

  /** Nurses may retract their own entries; specialists any (permissions.ts). */
  async markEnteredInError(ctx: AccessContext, patientId: string, id: string, body: EnteredInErrorBody): Promise<Assessment> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(assessments)
        .where(and(eq(assessments.id, id), eq(assessments.patientId, patientId)))
        .for('update');
      if (!current) throw notFound('No such assessment on this patient.');
      if (!can(ctx.role, 'assessment.retract-any') && current.recordedBy !== ctx.userId) {
        await writeAudit(tx, actorOf(ctx), { action: 'delete', subtype: 'assessment-entered-in-error', outcome: 'denied', entityType: 'Observation', entityId: id, patientId });
        throw forbidden('You can mark only your own assessments as entered in error.');
      }
      if (current.enteredInError) throw ruleViolation('This assessment is already marked as entered in error.');
      if (current.version !== body.version) throw stale(await this.get(patientId, id, tx));
      await tx
        .update(assessments)
        .set({
          enteredInError: true,
          enteredInErrorAt: new Date(),
          enteredInErrorBy: ctx.userId,
          enteredInErrorReason: body.reason,
          version: current.version + 1,
          updatedAt: new Date(),
          updatedBy: ctx.userId,
        })
        .where(eq(assessments.id, id));
      // A red flag raised by an entry made in error is closed with that reason.
      await tx
        .update(redFlagAlerts)
        .set({ acknowledgedAt: new Date(), acknowledgedBy: ctx.userId, actionTaken: `Assessment entered in error: ${body.reason}`, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(and(eq(redFlagAlerts.assessmentId, id), isNull(redFlagAlerts.acknowledgedAt)));
      await matchFollowUps(tx, patientId, this.timeZone);
      await writeAudit(tx, actorOf(ctx), { action: 'delete', subtype: 'assessment-entered-in-error', outcome: 'success', entityType: 'Observation', entityId: id, patientId });
      return this.get(patientId, id, tx);
    });
  }

  async redFlags(patientId: string): Promise<RedFlagAlert[]> {
    const raiser = alias(users, 'raiser');
    const acker = alias(users, 'acker');
    const rows = await this.db
      .select({ r: redFlagAlerts, raisedBy: raiser.displayName, ackBy: acker.displayName })
      .from(redFlagAlerts)
      .leftJoin(raiser, eq(raiser.id, redFlagAlerts.createdBy))
      .leftJoin(acker, eq(acker.id, redFlagAlerts.acknowledgedBy))
      .where(eq(redFlagAlerts.patientId, patientId))
      .orderBy(desc(redFlagAlerts.raisedAt));
    return rows.map(({ r, raisedBy, ackBy }) => ({
      id: r.id,
      assessmentId: r.assessmentId,
      flags: r.flags,
      raisedAt: r.raisedAt.toISOString(),
      raisedBy,
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: ackBy,
      actionTaken: r.actionTaken,
      version: r.version,
    }));
  }

  async acknowledge(ctx: AccessContext, patientId: string, alertId: string, body: AcknowledgeRedFlagBody): Promise<RedFlagAlert> {
    await this.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(redFlagAlerts)
        .where(and(eq(redFlagAlerts.id, alertId), eq(redFlagAlerts.patientId, patientId)))
        .for('update');
      if (!current) throw notFound('No such red flag on this patient.');
      if (current.acknowledgedAt) throw ruleViolation('This red flag has already been acknowledged.');
      if (current.version !== body.version) throw stale(null);
      await tx
        .update(redFlagAlerts)
        .set({ acknowledgedAt: new Date(), acknowledgedBy: ctx.userId, actionTaken: body.actionTaken, version: current.version + 1, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(eq(redFlagAlerts.id, alertId));
      await writeAudit(tx, actorOf(ctx), { action: 'update', subtype: 'red-flag-acknowledged', outcome: 'success', entityType: 'Flag', entityId: alertId, patientId, detail: { flags: current.flags } });
    });
    return present((await this.redFlags(patientId)).find((r) => r.id === alertId));
  }
}
