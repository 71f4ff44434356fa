-- Hand-written migration: what drizzle-kit cannot express (extensions, INCLUDE indexes, triggers).

-- Audit events are append-only: the database itself refuses UPDATE, DELETE and TRUNCATE (HIPAA 164.312(b)).
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint

-- Name and MRN search: trigram index (performance-notes.md item 7; pg_trgm works in PGlite too).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX patients_search_trgm_idx ON patients USING gin ((lower(family_name || ' ' || given_name || ' ' || mrn)) gin_trgm_ops);
--> statement-breakpoint

-- The partial covering index that every "latest", baseline and chart query uses (performance-notes.md item 1).
CREATE INDEX assessments_patient_valid_idx ON assessments (patient_id, recorded_at DESC) INCLUDE (back_nrs, leg_nrs, odi_score) WHERE NOT entered_in_error;
--> statement-breakpoint

-- Latest and baseline pain scores are kept on the patient row so that the worklist filters and sorts
-- on plain indexes (performance-notes.md item 2). Recomputed from the covering index for every patient
-- a statement touched, so entered-in-error corrections and bulk inserts are both handled.
CREATE FUNCTION refresh_patient_pain(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE patients p SET
    (latest_back_nrs, latest_back_at) = (
      SELECT a.back_nrs, a.recorded_at FROM assessments a
      WHERE a.patient_id = p.id AND NOT a.entered_in_error AND a.back_nrs IS NOT NULL
      ORDER BY a.recorded_at DESC LIMIT 1),
    (latest_leg_nrs, latest_leg_at) = (
      SELECT a.leg_nrs, a.recorded_at FROM assessments a
      WHERE a.patient_id = p.id AND NOT a.entered_in_error AND a.leg_nrs IS NOT NULL
      ORDER BY a.recorded_at DESC LIMIT 1),
    baseline_back_nrs = (
      SELECT a.back_nrs FROM assessments a
      WHERE a.patient_id = p.id AND NOT a.entered_in_error AND a.back_nrs IS NOT NULL
      ORDER BY a.recorded_at ASC LIMIT 1),
    baseline_leg_nrs = (
      SELECT a.leg_nrs FROM assessments a
      WHERE a.patient_id = p.id AND NOT a.entered_in_error AND a.leg_nrs IS NOT NULL
      ORDER BY a.recorded_at ASC LIMIT 1),
    latest_assessed_at = (
      SELECT a.recorded_at FROM assessments a
      WHERE a.patient_id = p.id AND NOT a.entered_in_error
      ORDER BY a.recorded_at DESC LIMIT 1)
  WHERE p.id = ANY(ids);
$$;
--> statement-breakpoint
CREATE FUNCTION assessments_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_patient_pain(ARRAY(SELECT DISTINCT patient_id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION assessments_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_patient_pain(ARRAY(SELECT patient_id FROM new_rows UNION SELECT patient_id FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER assessments_pain_insert AFTER INSERT ON assessments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assessments_after_insert();
--> statement-breakpoint
CREATE TRIGGER assessments_pain_update AFTER UPDATE ON assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION assessments_after_update();
--> statement-breakpoint

-- An open (unacknowledged) red flag marks the patient on the worklist until a specialist acknowledges it.
CREATE FUNCTION refresh_patient_red_flag(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE patients p SET open_red_flag = EXISTS (
    SELECT 1 FROM red_flag_alerts r WHERE r.patient_id = p.id AND r.acknowledged_at IS NULL)
  WHERE p.id = ANY(ids);
$$;
--> statement-breakpoint
CREATE FUNCTION red_flag_alerts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_patient_red_flag(ARRAY(SELECT DISTINCT patient_id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION red_flag_alerts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_patient_red_flag(ARRAY(SELECT patient_id FROM new_rows UNION SELECT patient_id FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER red_flag_alerts_insert AFTER INSERT ON red_flag_alerts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION red_flag_alerts_after_insert();
--> statement-breakpoint
CREATE TRIGGER red_flag_alerts_update AFTER UPDATE ON red_flag_alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION red_flag_alerts_after_update();
--> statement-breakpoint

-- The next follow-up due is kept on the patient row for the worklist's column and "overdue" filter.
CREATE FUNCTION refresh_patient_follow_up(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE patients p SET next_follow_up_due = (
    SELECT min(f.due_on) FROM follow_ups f WHERE f.patient_id = p.id AND f.status = 'due')
  WHERE p.id = ANY(ids);
$$;
--> statement-breakpoint
CREATE FUNCTION follow_ups_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_patient_follow_up(ARRAY(SELECT DISTINCT patient_id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION follow_ups_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_patient_follow_up(ARRAY(SELECT patient_id FROM new_rows UNION SELECT patient_id FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER follow_ups_insert AFTER INSERT ON follow_ups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_ups_after_insert();
--> statement-breakpoint
CREATE TRIGGER follow_ups_update AFTER UPDATE ON follow_ups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION follow_ups_after_update();
