import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { FollowUpDuePage, PlanItemOutcome, TreatmentPlan } from '../../shared/contracts/plans';
import type { AddPlanItemBody, CreatePlanBody, FollowUpDueQuery, UpdatePlanBody, UpdatePlanItemBody } from '../../shared/contracts/plans';
import { FOLLOW_UP_WINDOW_DAYS, addDays, followUpSchedule, followUpState } from '../../shared/domain/follow-up';
import { odiResponder, painResponder } from '../../shared/domain/pain';
import { isScsTrialSuccess, planItemTransitionError, treatmentByCode } from '../../shared/domain/treatments';
import type { AccessContext } from '../access';
import { actorOf, writeAudit } from '../audit';
import { type Db, type DbOrTx, execRows, one, present } from '../db/client';
import { assessments, followUps, planItemEvents, planItems, treatmentPlans } from '../db/schema/clinical';
import { users } from '../db/schema/users';
import { badRequest, notFound, ruleViolation, stale } from '../http/problem';
import { assertPatient } from './causes-repository';

type CreatePlan = z.output<typeof CreatePlanBody>;
type UpdatePlan = z.output<typeof UpdatePlanBody>;
type AddItem = z.output<typeof AddPlanItemBody>;
type UpdateItem = z.output<typeof UpdatePlanItemBody>;
type DueQuery = z.output<typeof FollowUpDueQuery>;

/**
 * Completes outstanding follow-ups of a patient with the nearest valid assessment that carries pain scores
 * or an ODI and falls within the window around the due date (issue 6; window FOLLOW_UP_WINDOW_DAYS).
 * Called after an assessment is recorded, retracted, or a treatment starts.
 */
export async function matchFollowUps(db: DbOrTx, patientId: string, timeZone: string, windowDays = FOLLOW_UP_WINDOW_DAYS): Promise<void> {
  // Follow-ups completed by an assessment that is no longer valid are due again.
  await db.execute(sql`
    update follow_ups f set status = 'due', completed_assessment_id = null, version = f.version + 1, updated_at = now()
    from assessments a
    where f.patient_id = ${patientId} and f.status = 'completed' and a.id = f.completed_assessment_id and a.entered_in_error`);
  await db.execute(sql`
    update follow_ups f set status = 'completed', completed_assessment_id = m.aid, version = f.version + 1, updated_at = now()
    from (
      select distinct on (f2.id) f2.id as fid, a.id as aid
      from follow_ups f2
      join assessments a on a.patient_id = f2.patient_id and not a.entered_in_error
        and (a.back_nrs is not null or a.leg_nrs is not null or a.odi_score is not null)
        and abs((a.recorded_at at time zone ${timeZone})::date - f2.due_on) <= ${windowDays}
      where f2.patient_id = ${patientId} and f2.status = 'due'
      order by f2.id, abs((a.recorded_at at time zone ${timeZone})::date - f2.due_on), a.recorded_at
    ) m
    where f.id = m.fid`);
}

/** Treatment plans, their items and follow-up schedules (issue 6). Only specialists write; every change is audited. */
export class PlansRepository {
  constructor(
    private readonly db: Db,
    private readonly timeZone: string,
    private readonly today: () => string,
  ) {}

  async list(patientId: string, db: DbOrTx = this.db): Promise<TreatmentPlan[]> {
    const plans = await db
      .select({ p: treatmentPlans, by: users.displayName })
      .from(treatmentPlans)
      .leftJoin(users, eq(users.id, treatmentPlans.createdBy))
      .where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.enteredInError, false)))
      .orderBy(sql`${treatmentPlans.status} = 'active' desc`, desc(treatmentPlans.createdAt));
    if (plans.length === 0) return [];
    const items = await db
      .select({ i: planItems, clinician: users.displayName })
      .from(planItems)
      .leftJoin(users, eq(users.id, planItems.responsibleClinicianId))
      .where(and(eq(planItems.patientId, patientId), eq(planItems.enteredInError, false)))
      .orderBy(asc(planItems.createdAt));
    const itemIds = items.map((x) => x.i.id);
    const [fus, events] = itemIds.length
      ? await Promise.all([
          db.select().from(followUps).where(inArray(followUps.planItemId, itemIds)).orderBy(asc(followUps.dueOn)),
          db
            .select({ e: planItemEvents, by: users.displayName })
            .from(planItemEvents)
            .leftJoin(users, eq(users.id, planItemEvents.changedBy))
            .where(inArray(planItemEvents.planItemId, itemIds))
            .orderBy(asc(planItemEvents.changedAt)),
        ])
      : [[], []];
    return plans.map(({ p, by }) => ({
      id: p.id,
      patientId: p.patientId,
      status: p.status,
      goals: p.goals,
      createdAt: p.createdAt.toISOString(),
      createdBy: by,
      version: p.version,
      items: items
        .filter((x) => x.i.planId === p.id)
        .map(({ i, clinician }) => ({
          id: i.id,
          planId: i.planId,
          treatmentCode: i.treatmentCode,
          status: i.status,
          plannedOn: i.plannedOn,
          startedOn: i.startedOn,
          endedOn: i.endedOn,
          responsibleClinicianId: i.responsibleClinicianId,
          responsibleClinicianName: clinician,
          addressesCauses: i.addressesCauses,
          stopReason: i.stopReason,
          outcomeNote: i.outcomeNote,
          trialReliefPct: i.trialReliefPct,
          trialDecision: i.trialDecision,
          version: i.version,
          followUps: fus
            .filter((f) => f.planItemId === i.id)
            .map((f) => ({
              id: f.id,
              monthOffset: f.monthOffset,
              dueOn: f.dueOn,
              status: f.status,
              completedAssessmentId: f.completedAssessmentId,
            })),
          history: events
            .filter((e) => e.e.planItemId === i.id)
            .map((e) => ({ changedAt: e.e.changedAt.toISOString(), changedBy: e.by, change: e.e.change })),
        })),
    }));
  }

  async createPlan(ctx: AccessContext, patientId: string, body: CreatePlan): Promise<TreatmentPlan> {
    return this.db.transaction(async (tx) => {
      await assertPatient(tx, patientId);
      const [active] = await tx
        .select()
        .from(treatmentPlans)
        .where(and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.status, 'active'), eq(treatmentPlans.enteredInError, false)))
        .for('update');
      if (active) {
        if (!body.replaceActive)
          throw ruleViolation('This case has an active treatment plan. Complete it first, or start a new plan that replaces it.');
        await tx
          .update(treatmentPlans)
          .set({ status: 'completed', version: active.version + 1, updatedAt: new Date(), updatedBy: ctx.userId })
          .where(eq(treatmentPlans.id, active.id));
      }
      const plan = one(
        await tx
          .insert(treatmentPlans)
          .values({ patientId, goals: body.goals, createdBy: ctx.userId, updatedBy: ctx.userId })
          .returning({ id: treatmentPlans.id }),
      );
      await writeAudit(tx, actorOf(ctx), {
        action: 'create',
        subtype: 'treatment-plan',
        outcome: 'success',
        entityType: 'CarePlan',
        entityId: plan.id,
        patientId,
        detail: { replaced: active?.id ?? null, goals: body.goals.length },
      });
      return present((await this.list(patientId, tx)).find((p) => p.id === plan.id));
    });
  }

  async updatePlan(ctx: AccessContext, patientId: string, planId: string, body: UpdatePlan): Promise<TreatmentPlan> {
    return this.db.transaction(async (tx) => {
      const [plan] = await tx
        .select()
        .from(treatmentPlans)
        .where(and(eq(treatmentPlans.id, planId), eq(treatmentPlans.patientId, patientId)))
        .for('update');
      if (!plan) throw notFound('No such plan on this patient.');
      if (plan.version !== body.version) throw stale((await this.list(patientId, tx)).find((p) => p.id === planId));
      if (plan.status !== 'active') throw ruleViolation('Only the active plan can be changed; earlier plans are kept as history.');
      await tx
        .update(treatmentPlans)
        .set({
          ...(body.goals ? { goals: body.goals } : {}),
          ...(body.status ? { status: body.status } : {}),
          version: plan.version + 1,
          updatedAt: new Date(),
          updatedBy: ctx.userId,
        })
        .where(eq(treatmentPlans.id, planId));
      await writeAudit(tx, actorOf(ctx), {
        action: 'update',
        subtype: 'treatment-plan',
        outcome: 'success',
        entityType: 'CarePlan',
        entityId: planId,
        patientId,
        detail: { status: body.status ?? null, goals: body.goals?.length ?? null },
      });
      return present((await this.list(patientId, tx)).find((p) => p.id === planId));
    });
  }

  async addItem(ctx: AccessContext, patientId: string, planId: string, body: AddItem): Promise<TreatmentPlan> {
    return this.db.transaction(async (tx) => {
      const [plan] = await tx
        .select()
        .from(treatmentPlans)
        .where(and(eq(treatmentPlans.id, planId), eq(treatmentPlans.patientId, patientId)))
        .for('update');
      if (!plan) throw notFound('No such plan on this patient.');
      if (plan.status !== 'active') throw ruleViolation('Items can be added only to the active plan.');
      const clinicianId = body.responsibleClinicianId ?? ctx.userId;
      await this.assertSpecialist(tx, clinicianId, 'responsibleClinicianId');
      const item = one(
        await tx
          .insert(planItems)
          .values({
            planId,
            patientId,
            treatmentCode: body.treatmentCode,
            plannedOn: body.plannedOn,
            responsibleClinicianId: clinicianId,
            addressesCauses: body.addressesCauses,
            createdBy: ctx.userId,
            updatedBy: ctx.userId,
          })
          .returning({ id: planItems.id }),
      );
      await tx
        .insert(planItemEvents)
        .values({
          planItemId: item.id,
          changedBy: ctx.userId,
          change: { status: { from: null, to: 'planned' }, treatmentCode: { from: null, to: body.treatmentCode } },
        });
      await writeAudit(tx, actorOf(ctx), {
        action: 'create',
        subtype: 'plan-item',
        outcome: 'success',
        entityType: 'CarePlan.activity',
        entityId: item.id,
        patientId,
        detail: { treatmentCode: body.treatmentCode },
      });
      return present((await this.list(patientId, tx)).find((p) => p.id === planId));
    });
  }

  async updateItem(ctx: AccessContext, patientId: string, itemId: string, body: UpdateItem): Promise<TreatmentPlan> {
    return this.db.transaction(async (tx) => {
      const [item] = await tx
        .select()
        .from(planItems)
        .where(and(eq(planItems.id, itemId), eq(planItems.patientId, patientId), eq(planItems.enteredInError, false)))
        .for('update');
      if (!item) throw notFound('No such treatment on this patient.');
      if (item.version !== body.version) throw stale((await this.list(patientId, tx)).find((p) => p.id === item.planId));
      const treatment = treatmentByCode(item.treatmentCode);
      const today = this.today();
      const next: Partial<typeof planItems.$inferInsert> = {};
      const to = body.status;
      if (to && to !== item.status) {
        const error = planItemTransitionError(item.status, to);
        if (error) throw ruleViolation(error, [{ path: 'status', message: error }]);
        next.status = to;
        if (to === 'active') next.startedOn = body.startedOn ?? item.startedOn ?? today;
        if (to === 'completed' || to === 'stopped') next.endedOn = body.endedOn ?? today;
        if (to === 'stopped') next.stopReason = body.stopReason ?? null;
      } else {
        if (body.startedOn !== undefined) {
          if (item.status !== 'active' && item.status !== 'completed' && item.status !== 'stopped')
            throw badRequest([{ path: 'startedOn', message: 'Start the treatment to record its start date' }]);
          next.startedOn = body.startedOn;
        }
        if (body.endedOn !== undefined) next.endedOn = body.endedOn;
        if (body.stopReason !== undefined) next.stopReason = body.stopReason;
      }
      const startedOn = next.startedOn ?? item.startedOn;
      const endedOn = next.endedOn ?? item.endedOn;
      if (startedOn && endedOn && endedOn < startedOn)
        throw badRequest([{ path: 'endedOn', message: 'The end cannot be before the start' }]);
      if (startedOn && startedOn > addDays(today, 1))
        throw badRequest([{ path: 'startedOn', message: 'A start date cannot be in the future: plan it instead' }]);
      if (body.plannedOn !== undefined) next.plannedOn = body.plannedOn;
      if (body.outcomeNote !== undefined) next.outcomeNote = body.outcomeNote;
      if (body.addressesCauses !== undefined) next.addressesCauses = body.addressesCauses;
      if (body.responsibleClinicianId !== undefined) {
        if (body.responsibleClinicianId) await this.assertSpecialist(tx, body.responsibleClinicianId, 'responsibleClinicianId');
        next.responsibleClinicianId = body.responsibleClinicianId;
      }
      if (body.trialReliefPct !== undefined) {
        if (!treatment?.isScsTrial)
          throw badRequest([{ path: 'trialReliefPct', message: 'Relief is recorded only for a spinal cord stimulation trial' }]);
        next.trialReliefPct = body.trialReliefPct;
        // SCS trial success: >= 50% pain relief (TRIAL-STIM expert definition; fbss-domain.md §5).
        next.trialDecision = isScsTrialSuccess(body.trialReliefPct) ? 'success' : 'failure';
      }
      const change: Record<string, { from: unknown; to: unknown }> = {};
      for (const [k, v] of Object.entries(next)) {
        const before = item[k as keyof typeof item];
        if (JSON.stringify(before) !== JSON.stringify(v)) change[k] = { from: before, to: v };
      }
      if (Object.keys(change).length === 0) return present((await this.list(patientId, tx)).find((p) => p.id === item.planId));
      await tx
        .update(planItems)
        .set({ ...next, version: item.version + 1, updatedAt: new Date(), updatedBy: ctx.userId })
        .where(eq(planItems.id, itemId));
      await tx.insert(planItemEvents).values({ planItemId: itemId, changedBy: ctx.userId, change });

      // Follow-up schedule: created when the item starts, moved with its start date, cancelled when it is stopped or cancelled.
      if (change['startedOn'] && startedOn && treatment) {
        await tx
          .update(followUps)
          .set({ status: 'cancelled', version: sql`${followUps.version} + 1`, updatedAt: new Date() })
          .where(and(eq(followUps.planItemId, itemId), eq(followUps.status, 'due')));
        const schedule = followUpSchedule(startedOn, treatment.followUpMonths);
        if (schedule.length) {
          await tx
            .insert(followUps)
            .values(
              schedule.map((s) => ({
                planItemId: itemId,
                patientId,
                monthOffset: s.month,
                dueOn: s.dueOn,
                createdBy: ctx.userId,
                updatedBy: ctx.userId,
              })),
            )
            .onConflictDoUpdate({
              target: [followUps.planItemId, followUps.monthOffset],
              set: {
                dueOn: sql`excluded.due_on`,
                status: 'due',
                completedAssessmentId: null,
                version: sql`${followUps.version} + 1`,
                updatedAt: new Date(),
              },
            });
        }
        await matchFollowUps(tx, patientId, this.timeZone);
      }
      if (next.status === 'cancelled' || next.status === 'stopped') {
        await tx
          .update(followUps)
          .set({ status: 'cancelled', version: sql`${followUps.version} + 1`, updatedAt: new Date() })
          .where(and(eq(followUps.planItemId, itemId), eq(followUps.status, 'due')));
      }
      await writeAudit(tx, actorOf(ctx), {
        action: 'update',
        subtype: 'plan-item',
        outcome: 'success',
        entityType: 'CarePlan.activity',
        entityId: itemId,
        patientId,
        detail: { fields: Object.keys(change), status: next.status ?? null },
      });
      return present((await this.list(patientId, tx)).find((p) => p.id === item.planId));
    });
  }

  /**
   * Per started item: baseline back and leg NRS and ODI (last valid values on or before the start), the value at
   * each follow-up, change, percent change and responder category by the shared rules (IMMPACT; Ostelo 2008).
   */
  async outcomes(patientId: string): Promise<PlanItemOutcome[]> {
    const items = await this.db
      .select()
      .from(planItems)
      .where(and(eq(planItems.patientId, patientId), eq(planItems.enteredInError, false), sql`${planItems.startedOn} is not null`))
      .orderBy(asc(planItems.startedOn));
    if (items.length === 0) return [];
    const valid = await this.db
      .select({
        id: assessments.id,
        at: assessments.recordedAt,
        back: assessments.backNrs,
        leg: assessments.legNrs,
        odi: assessments.odiScore,
        day: sql<string>`(${assessments.recordedAt} at time zone ${this.timeZone})::date::text`,
      })
      .from(assessments)
      .where(and(eq(assessments.patientId, patientId), eq(assessments.enteredInError, false)))
      .orderBy(asc(assessments.recordedAt));
    const fus = await this.db
      .select()
      .from(followUps)
      .where(
        inArray(
          followUps.planItemId,
          items.map((i) => i.id),
        ),
      )
      .orderBy(asc(followUps.monthOffset));
    const today = this.today();
    const lastOnOrBefore = (day: string, pick: (a: (typeof valid)[number]) => number | null) => {
      let found: { value: number; at: Date } | null = null;
      for (const a of valid) {
        if (a.day > day) break;
        const v = pick(a);
        if (v !== null) found = { value: v, at: a.at };
      }
      return found;
    };
    return items.flatMap((item) => {
      const start = item.startedOn;
      if (!start) return [];
      const back = lastOnOrBefore(start, (a) => a.back);
      const leg = lastOnOrBefore(start, (a) => a.leg);
      const odi = lastOnOrBefore(start, (a) => a.odi);
      const baselineAt = [back?.at, leg?.at, odi?.at].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
      const outcome: PlanItemOutcome = {
        itemId: item.id,
        treatmentCode: item.treatmentCode,
        startedOn: start,
        baseline: {
          back: back?.value ?? null,
          leg: leg?.value ?? null,
          odi: odi?.value ?? null,
          assessedAt: baselineAt?.toISOString() ?? null,
        },
        followUps: fus
          .filter((f) => f.planItemId === item.id)
          .map((f) => {
            const a = f.completedAssessmentId ? valid.find((x) => x.id === f.completedAssessmentId) : undefined;
            const site = (base: number | null, value: number | null) => {
              const r = painResponder(base, value);
              return {
                value,
                change: r.change,
                percent: r.percent === null ? null : Math.round(r.percent * 10) / 10,
                category: value === null || base === null ? null : r.category,
              };
            };
            const o = odiResponder(odi?.value ?? null, a?.odi ?? null);
            const status = f.status === 'due' && followUpState(f.dueOn, today) === 'overdue' ? ('missed' as const) : f.status;
            return {
              monthOffset: f.monthOffset,
              dueOn: f.dueOn,
              status,
              assessedAt: a?.at.toISOString() ?? null,
              back: site(back?.value ?? null, a?.back ?? null),
              leg: site(leg?.value ?? null, a?.leg ?? null),
              odi: { value: a?.odi ?? null, change: o.change, odi10pt: o.odi10pt },
            };
          }),
      };
      return [outcome];
    });
  }

  /** Follow-ups due this week, overdue, or all outstanding, for nurses and specialists. */
  async due(ctx: AccessContext, q: DueQuery): Promise<z.infer<typeof FollowUpDuePage>> {
    const today = this.today();
    const windowStart = addDays(today, -FOLLOW_UP_WINDOW_DAYS);
    const weekEnd = addDays(today, 7);
    // The patients in scope: all (but those entered in error), or the caller's own cases.
    const inScope = q.mine
      ? sql`f.patient_id in (select p.id from patients p where not p.entered_in_error
                                 and (p.responsible_specialist_id = ${ctx.userId} or p.named_nurse_id = ${ctx.userId}))`
      : sql`f.patient_id not in (select p.id from patients p where p.entered_in_error)`;
    const range =
      q.due === 'overdue'
        ? sql`and f.due_on < ${windowStart}::date`
        : q.due === 'week'
          ? sql`and f.due_on >= ${windowStart}::date and f.due_on <= ${weekEnd}::date`
          : sql``;
    // Counts first (one pass over the open follow-ups' index, no join), then only the page's rows are joined.
    const [counts] = await execRows<{ overdue: number; week: number; open: number }>(
      this.db,
      sql`select count(*) filter (where f.due_on < ${windowStart}::date)::int as overdue,
                 count(*) filter (where f.due_on >= ${windowStart}::date and f.due_on <= ${weekEnd}::date)::int as week,
                 count(*)::int as open
          from follow_ups f where f.status = 'due' and ${inScope}`,
    );
    const rows = await execRows<{
      id: string;
      patient_id: string;
      family_name: string;
      given_name: string;
      mrn: string;
      treatment_code: string;
      month_offset: number;
      due_on: string;
    }>(
      this.db,
      sql`select f.id, f.patient_id, p.family_name, p.given_name, p.mrn, i.treatment_code, f.month_offset, f.due_on::text as due_on
          from follow_ups f join patients p on p.id = f.patient_id join plan_items i on i.id = f.plan_item_id
          where f.status = 'due' and ${inScope} ${range}
          order by f.due_on, lower(p.family_name), f.id
          limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    );
    const total = q.due === 'overdue' ? (counts?.overdue ?? 0) : q.due === 'week' ? (counts?.week ?? 0) : (counts?.open ?? 0);
    return {
      items: rows.map((r) => ({
        id: r.id,
        patientId: r.patient_id,
        familyName: r.family_name,
        givenName: r.given_name,
        mrn: r.mrn,
        treatmentCode: r.treatment_code as never,
        monthOffset: r.month_offset,
        dueOn: r.due_on,
        state: followUpState(r.due_on, today),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
      overdueTotal: counts?.overdue ?? 0,
      dueThisWeekTotal: counts?.week ?? 0,
    };
  }

  private async assertSpecialist(db: DbOrTx, userId: string, path: string): Promise<void> {
    const [u] = await db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId));
    if (!u || !u.active || u.role !== 'specialist') throw badRequest([{ path, message: 'Choose an active pain specialist' }]);
  }
}
