CREATE TABLE "patient_facts" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"entered_in_error" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"referred_on" date,
	"index_procedure" text,
	"responsible_specialist_id" uuid,
	"cause_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"confirmed_cause_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"provisional_cause_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"treatment_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_treatment_on" date,
	"follow_ups_completed" date[] DEFAULT '{}'::date[] NOT NULL,
	"follow_ups_open" date[] DEFAULT '{}'::date[] NOT NULL,
	"referral_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"open_red_flags" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "patients_status_idx";--> statement-breakpoint
DROP INDEX "patients_latest_back_idx";--> statement-breakpoint
DROP INDEX "patients_latest_leg_idx";--> statement-breakpoint
DROP INDEX "patients_next_follow_up_idx";--> statement-breakpoint
ALTER TABLE "outcome_summaries" ADD COLUMN "m3_back_pct" double precision GENERATED ALWAYS AS (case when base_back > 0 then (base_back - m3_back) * 100 / base_back end) STORED;--> statement-breakpoint
ALTER TABLE "outcome_summaries" ADD COLUMN "m6_back_pct" double precision GENERATED ALWAYS AS (case when base_back > 0 then (base_back - m6_back) * 100 / base_back end) STORED;--> statement-breakpoint
ALTER TABLE "outcome_summaries" ADD COLUMN "m12_back_pct" double precision GENERATED ALWAYS AS (case when base_back > 0 then (base_back - m12_back) * 100 / base_back end) STORED;--> statement-breakpoint
ALTER TABLE "outcome_summaries" ADD COLUMN "m3_leg_pct" double precision GENERATED ALWAYS AS (case when base_leg > 0 then (base_leg - m3_leg) * 100 / base_leg end) STORED;--> statement-breakpoint
ALTER TABLE "outcome_summaries" ADD COLUMN "m6_leg_pct" double precision GENERATED ALWAYS AS (case when base_leg > 0 then (base_leg - m6_leg) * 100 / base_leg end) STORED;--> statement-breakpoint
ALTER TABLE "outcome_summaries" ADD COLUMN "m12_leg_pct" double precision GENERATED ALWAYS AS (case when base_leg > 0 then (base_leg - m12_leg) * 100 / base_leg end) STORED;--> statement-breakpoint
ALTER TABLE "outcome_summaries" ADD COLUMN "m6_odi_change" double precision GENERATED ALWAYS AS (base_odi - m6_odi) STORED;--> statement-breakpoint
ALTER TABLE "outcome_summaries" ADD COLUMN "m12_odi_change" double precision GENERATED ALWAYS AS (base_odi - m12_odi) STORED;--> statement-breakpoint
ALTER TABLE "patient_facts" ADD CONSTRAINT "patient_facts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_facts_cause_codes_idx" ON "patient_facts" USING gin ("cause_codes");--> statement-breakpoint
CREATE INDEX "patients_valid_idx" ON "patients" USING btree ("priority_rank") WHERE not "patients"."entered_in_error";--> statement-breakpoint
CREATE INDEX "patients_status_idx" ON "patients" USING btree ("status","referred_on") WHERE not "patients"."entered_in_error";--> statement-breakpoint
CREATE INDEX "patients_latest_back_idx" ON "patients" USING btree ("latest_back_nrs") WHERE not "patients"."entered_in_error";--> statement-breakpoint
CREATE INDEX "patients_latest_leg_idx" ON "patients" USING btree ("latest_leg_nrs") WHERE not "patients"."entered_in_error";--> statement-breakpoint
CREATE INDEX "patients_next_follow_up_idx" ON "patients" USING btree ("next_follow_up_due") WHERE not "patients"."entered_in_error";--> statement-breakpoint
-- patient_facts for the given patients, recomputed (upserted) from the patient row and the five tables it
-- summarises. Called by the statement-level triggers below (once per statement, whatever the number of rows) and
-- by the demo seed, which loads with triggers off (cohort.ts SEED_REPLACED_INSERT_TRIGGERS).
CREATE FUNCTION refresh_patient_facts(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  -- Set-based (one grouped pass per table, each restricted to ids by a semi-join, never = ANY(ids), which is
  -- evaluated element by element for every row): index probes for a trigger's few patients, hash aggregates
  -- for a whole clinic.
  INSERT INTO patient_facts (patient_id, entered_in_error, status, referred_on, index_procedure, responsible_specialist_id,
    cause_codes, confirmed_cause_codes, provisional_cause_codes, treatment_codes, first_treatment_on,
    follow_ups_completed, follow_ups_open, referral_dates, open_red_flags)
  SELECT p.id, p.entered_in_error, p.status, p.referred_on, p.index_procedure, p.responsible_specialist_id,
    coalesce(c.suspected, '{}'), coalesce(c.confirmed, '{}'), coalesce(c.provisional, '{}'),
    coalesce(i.codes, '{}'), i.first_start,
    coalesce(f.completed, '{}'), coalesce(f.open, '{}'),
    coalesce(r.dates, '{}'), coalesce(a.open, 0)
  FROM patients p
  LEFT JOIN (SELECT patient_id,
      array_agg(DISTINCT code ORDER BY code) FILTER (WHERE status <> 'refuted') AS suspected,
      array_agg(DISTINCT code ORDER BY code) FILTER (WHERE status = 'confirmed') AS confirmed,
      array_agg(DISTINCT code ORDER BY code) FILTER (WHERE status IN ('provisional', 'differential')) AS provisional
    FROM cause_tags WHERE patient_id IN (SELECT unnest(ids)) AND NOT entered_in_error GROUP BY patient_id) c ON c.patient_id = p.id
  LEFT JOIN (SELECT patient_id, array_agg(DISTINCT treatment_code ORDER BY treatment_code) AS codes, min(started_on) AS first_start
    FROM plan_items WHERE patient_id IN (SELECT unnest(ids)) AND NOT entered_in_error GROUP BY patient_id) i ON i.patient_id = p.id
  LEFT JOIN (SELECT patient_id,
      array_agg(due_on ORDER BY due_on) FILTER (WHERE status = 'completed') AS completed,
      array_agg(due_on ORDER BY due_on) FILTER (WHERE status = 'due') AS open
    FROM follow_ups WHERE patient_id IN (SELECT unnest(ids)) GROUP BY patient_id) f ON f.patient_id = p.id
  LEFT JOIN (SELECT patient_id, array_agg(referred_on ORDER BY referred_on) AS dates
    FROM referrals WHERE patient_id IN (SELECT unnest(ids)) AND NOT entered_in_error GROUP BY patient_id) r ON r.patient_id = p.id
  LEFT JOIN (SELECT patient_id, count(*)::int AS open
    FROM red_flag_alerts WHERE patient_id IN (SELECT unnest(ids)) AND acknowledged_at IS NULL GROUP BY patient_id) a ON a.patient_id = p.id
  WHERE p.id IN (SELECT unnest(ids))
  ON CONFLICT (patient_id) DO UPDATE SET
    entered_in_error = excluded.entered_in_error, status = excluded.status, referred_on = excluded.referred_on,
    index_procedure = excluded.index_procedure, responsible_specialist_id = excluded.responsible_specialist_id,
    cause_codes = excluded.cause_codes, confirmed_cause_codes = excluded.confirmed_cause_codes,
    provisional_cause_codes = excluded.provisional_cause_codes, treatment_codes = excluded.treatment_codes,
    first_treatment_on = excluded.first_treatment_on, follow_ups_completed = excluded.follow_ups_completed,
    follow_ups_open = excluded.follow_ups_open, referral_dates = excluded.referral_dates, open_red_flags = excluded.open_red_flags;
$$;
--> statement-breakpoint
CREATE FUNCTION patient_facts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_patient_facts(ARRAY(SELECT DISTINCT patient_id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION patient_facts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_patient_facts(ARRAY(SELECT patient_id FROM new_rows UNION SELECT patient_id FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A new patient gets its row; an update copies the filter dimensions only where one changed (the patient row is
-- also updated by the latest-pain, red-flag and follow-up triggers, which change none of them).
CREATE FUNCTION patient_facts_after_patient_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_patient_facts(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION patient_facts_after_patient_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE patient_facts f SET entered_in_error = n.entered_in_error, status = n.status, referred_on = n.referred_on,
    index_procedure = n.index_procedure, responsible_specialist_id = n.responsible_specialist_id
  FROM new_rows n
  WHERE f.patient_id = n.id
    AND (f.entered_in_error, f.status, f.referred_on, f.index_procedure, f.responsible_specialist_id)
      IS DISTINCT FROM (n.entered_in_error, n.status, n.referred_on, n.index_procedure, n.responsible_specialist_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER patients_facts_insert AFTER INSERT ON patients REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_patient_insert();
--> statement-breakpoint
CREATE TRIGGER patients_facts_update AFTER UPDATE ON patients REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_patient_update();
--> statement-breakpoint
CREATE TRIGGER cause_tags_facts_insert AFTER INSERT ON cause_tags REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_insert();
--> statement-breakpoint
CREATE TRIGGER cause_tags_facts_update AFTER UPDATE ON cause_tags REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_update();
--> statement-breakpoint
CREATE TRIGGER plan_items_facts_insert AFTER INSERT ON plan_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_insert();
--> statement-breakpoint
CREATE TRIGGER plan_items_facts_update AFTER UPDATE ON plan_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_update();
--> statement-breakpoint
CREATE TRIGGER follow_ups_facts_insert AFTER INSERT ON follow_ups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_insert();
--> statement-breakpoint
CREATE TRIGGER follow_ups_facts_update AFTER UPDATE ON follow_ups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_update();
--> statement-breakpoint
CREATE TRIGGER referrals_facts_insert AFTER INSERT ON referrals REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_insert();
--> statement-breakpoint
CREATE TRIGGER referrals_facts_update AFTER UPDATE ON referrals REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_update();
--> statement-breakpoint
CREATE TRIGGER red_flag_alerts_facts_insert AFTER INSERT ON red_flag_alerts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_insert();
--> statement-breakpoint
CREATE TRIGGER red_flag_alerts_facts_update AFTER UPDATE ON red_flag_alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patient_facts_after_update();
--> statement-breakpoint
-- Existing clinics: one row per patient now.
SELECT refresh_patient_facts(ARRAY(SELECT id FROM patients));
