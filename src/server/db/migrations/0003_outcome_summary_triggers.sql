-- Keeps outcome_summaries (one row per started plan item: baseline and 1/3/6/12-month values) up to date.
-- Baseline: the last valid value of each measure recorded on or before the start day in the clinic's time zone.
-- Follow-up values: the assessment that completed that month's follow-up (matched within the window by the API).
CREATE FUNCTION clinic_time_zone() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT value FROM clinic_settings WHERE key = 'time_zone'), 'UTC');
$$;
--> statement-breakpoint
CREATE FUNCTION refresh_outcome_summaries(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE tz text := clinic_time_zone();
BEGIN
  DELETE FROM outcome_summaries WHERE patient_id = ANY(ids);
  INSERT INTO outcome_summaries (
    item_id, patient_id, treatment_code, item_status, started_on, clinician_id, base_back, base_leg, base_odi,
    m1_due, m1_back, m1_leg, m1_odi, m3_due, m3_back, m3_leg, m3_odi,
    m6_due, m6_back, m6_leg, m6_odi, m12_due, m12_back, m12_leg, m12_odi)
  SELECT i.id, i.patient_id, i.treatment_code, i.status, i.started_on, i.responsible_clinician_id,
    (SELECT a.back_nrs FROM assessments a WHERE a.patient_id = i.patient_id AND NOT a.entered_in_error AND a.back_nrs IS NOT NULL
       AND a.recorded_at < ((i.started_on + 1)::timestamp AT TIME ZONE tz) ORDER BY a.recorded_at DESC LIMIT 1),
    (SELECT a.leg_nrs FROM assessments a WHERE a.patient_id = i.patient_id AND NOT a.entered_in_error AND a.leg_nrs IS NOT NULL
       AND a.recorded_at < ((i.started_on + 1)::timestamp AT TIME ZONE tz) ORDER BY a.recorded_at DESC LIMIT 1),
    (SELECT a.odi_score FROM assessments a WHERE a.patient_id = i.patient_id AND NOT a.entered_in_error AND a.odi_score IS NOT NULL
       AND a.recorded_at < ((i.started_on + 1)::timestamp AT TIME ZONE tz) ORDER BY a.recorded_at DESC LIMIT 1),
    f1.due_on, a1.back_nrs, a1.leg_nrs, a1.odi_score,
    f3.due_on, a3.back_nrs, a3.leg_nrs, a3.odi_score,
    f6.due_on, a6.back_nrs, a6.leg_nrs, a6.odi_score,
    f12.due_on, a12.back_nrs, a12.leg_nrs, a12.odi_score
  FROM plan_items i
  LEFT JOIN follow_ups f1 ON f1.plan_item_id = i.id AND f1.month_offset = 1 AND f1.status <> 'cancelled'
  LEFT JOIN assessments a1 ON a1.id = f1.completed_assessment_id AND NOT a1.entered_in_error
  LEFT JOIN follow_ups f3 ON f3.plan_item_id = i.id AND f3.month_offset = 3 AND f3.status <> 'cancelled'
  LEFT JOIN assessments a3 ON a3.id = f3.completed_assessment_id AND NOT a3.entered_in_error
  LEFT JOIN follow_ups f6 ON f6.plan_item_id = i.id AND f6.month_offset = 6 AND f6.status <> 'cancelled'
  LEFT JOIN assessments a6 ON a6.id = f6.completed_assessment_id AND NOT a6.entered_in_error
  LEFT JOIN follow_ups f12 ON f12.plan_item_id = i.id AND f12.month_offset = 12 AND f12.status <> 'cancelled'
  LEFT JOIN assessments a12 ON a12.id = f12.completed_assessment_id AND NOT a12.entered_in_error
  WHERE i.patient_id = ANY(ids) AND i.started_on IS NOT NULL AND NOT i.entered_in_error;
END
$$;
--> statement-breakpoint
CREATE FUNCTION outcome_summaries_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_outcome_summaries(ARRAY(SELECT DISTINCT patient_id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION outcome_summaries_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_outcome_summaries(ARRAY(SELECT patient_id FROM new_rows UNION SELECT patient_id FROM old_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER assessments_outcomes_insert AFTER INSERT ON assessments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_summaries_after_insert();
--> statement-breakpoint
CREATE TRIGGER assessments_outcomes_update AFTER UPDATE ON assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_summaries_after_update();
--> statement-breakpoint
CREATE TRIGGER plan_items_outcomes_insert AFTER INSERT ON plan_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_summaries_after_insert();
--> statement-breakpoint
CREATE TRIGGER plan_items_outcomes_update AFTER UPDATE ON plan_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_summaries_after_update();
--> statement-breakpoint
CREATE TRIGGER follow_ups_outcomes_insert AFTER INSERT ON follow_ups REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_summaries_after_insert();
--> statement-breakpoint
CREATE TRIGGER follow_ups_outcomes_update AFTER UPDATE ON follow_ups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_summaries_after_update();
--> statement-breakpoint
-- Managers' filters by cause: suspected (not refuted) tags, per code.
CREATE INDEX cause_tags_patient_code_valid_idx ON cause_tags (patient_id, code) WHERE NOT entered_in_error;
