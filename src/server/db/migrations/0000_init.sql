CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text,
	"role" text,
	"action" text NOT NULL,
	"subtype" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"patient_id" uuid,
	"outcome" text NOT NULL,
	"client_address" "inet",
	"user_agent" text,
	"query" jsonb,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"back_nrs" double precision,
	"leg_nrs" double precision,
	"unspecified_nrs" double precision,
	"symptoms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"red_flags_screened" boolean DEFAULT false NOT NULL,
	"red_flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"odi_answers" jsonb,
	"odi_score" double precision,
	"note" text,
	"source" text DEFAULT 'form' NOT NULL,
	"source_identifier" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"entered_in_error" boolean DEFAULT false NOT NULL,
	"entered_in_error_at" timestamp with time zone,
	"entered_in_error_by" uuid,
	"entered_in_error_reason" text
);
--> statement-breakpoint
CREATE TABLE "cause_tag_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cause_tag_id" uuid NOT NULL,
	"status" text NOT NULL,
	"evidence_note" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cause_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"evidence_note" text,
	"tagged_by" uuid,
	"tagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source_identifier" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"entered_in_error" boolean DEFAULT false NOT NULL,
	"entered_in_error_at" timestamp with time zone,
	"entered_in_error_by" uuid,
	"entered_in_error_reason" text
);
--> statement-breakpoint
CREATE TABLE "clinical_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"entered_in_error" boolean DEFAULT false NOT NULL,
	"entered_in_error_at" timestamp with time zone,
	"entered_in_error_by" uuid,
	"entered_in_error_reason" text
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"month_offset" integer NOT NULL,
	"due_on" date NOT NULL,
	"completed_assessment_id" uuid,
	"status" text DEFAULT 'due' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mrn" text NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" text NOT NULL,
	"phone" text,
	"email" text,
	"source_identifier" text,
	"status" text DEFAULT 'referred' NOT NULL,
	"priority" text DEFAULT 'routine' NOT NULL,
	"priority_rank" smallint GENERATED ALWAYS AS (case priority when 'stat' then 0 when 'asap' then 1 when 'urgent' then 2 else 3 end) STORED NOT NULL,
	"referred_on" date,
	"responsible_specialist_id" uuid,
	"named_nurse_id" uuid,
	"index_procedure" text,
	"index_surgery_date" date,
	"index_surgeon" text,
	"latest_back_nrs" double precision,
	"latest_back_at" timestamp with time zone,
	"latest_leg_nrs" double precision,
	"latest_leg_at" timestamp with time zone,
	"baseline_back_nrs" double precision,
	"baseline_leg_nrs" double precision,
	"latest_assessed_at" timestamp with time zone,
	"open_red_flag" boolean DEFAULT false NOT NULL,
	"next_follow_up_due" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"entered_in_error" boolean DEFAULT false NOT NULL,
	"entered_in_error_at" timestamp with time zone,
	"entered_in_error_by" uuid,
	"entered_in_error_reason" text
);
--> statement-breakpoint
CREATE TABLE "plan_item_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_item_id" uuid NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"treatment_code" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_on" date,
	"started_on" date,
	"ended_on" date,
	"responsible_clinician_id" uuid,
	"addresses_causes" text[] DEFAULT '{}'::text[] NOT NULL,
	"stop_reason" text,
	"outcome_note" text,
	"trial_relief_pct" integer,
	"trial_decision" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"entered_in_error" boolean DEFAULT false NOT NULL,
	"entered_in_error_at" timestamp with time zone,
	"entered_in_error_by" uuid,
	"entered_in_error_reason" text
);
--> statement-breakpoint
CREATE TABLE "red_flag_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"flags" text[] NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"action_taken" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"referring_clinician" text NOT NULL,
	"referred_on" date NOT NULL,
	"reason" text NOT NULL,
	"priority" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"source_identifier" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"entered_in_error" boolean DEFAULT false NOT NULL,
	"entered_in_error_at" timestamp with time zone,
	"entered_in_error_by" uuid,
	"entered_in_error_reason" text
);
--> statement-breakpoint
CREATE TABLE "surgeries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"procedure" text NOT NULL,
	"levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"performed_on" date NOT NULL,
	"surgeon" text NOT NULL,
	"hospital" text,
	"instrumentation" text,
	"is_index" boolean DEFAULT false NOT NULL,
	"source_identifier" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"entered_in_error" boolean DEFAULT false NOT NULL,
	"entered_in_error_at" timestamp with time zone,
	"entered_in_error_by" uuid,
	"entered_in_error_reason" text
);
--> statement-breakpoint
CREATE TABLE "treatment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_identifier" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"entered_in_error" boolean DEFAULT false NOT NULL,
	"entered_in_error_at" timestamp with time zone,
	"entered_in_error_by" uuid,
	"entered_in_error_reason" text
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"success" boolean NOT NULL,
	"client_address" "inet"
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"client_address" "inet",
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cause_tag_events" ADD CONSTRAINT "cause_tag_events_cause_tag_id_cause_tags_id_fk" FOREIGN KEY ("cause_tag_id") REFERENCES "public"."cause_tags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cause_tags" ADD CONSTRAINT "cause_tags_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_completed_assessment_id_assessments_id_fk" FOREIGN KEY ("completed_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_responsible_specialist_id_users_id_fk" FOREIGN KEY ("responsible_specialist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_named_nurse_id_users_id_fk" FOREIGN KEY ("named_nurse_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_events" ADD CONSTRAINT "plan_item_events_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_alerts" ADD CONSTRAINT "red_flag_alerts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_alerts" ADD CONSTRAINT "red_flag_alerts_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surgeries" ADD CONSTRAINT "surgeries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_recorded_idx" ON "audit_events" USING btree ("recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user_id","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_patient_idx" ON "audit_events" USING btree ("patient_id","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "assessments_source_identifier_idx" ON "assessments" USING btree ("source_identifier");--> statement-breakpoint
CREATE INDEX "cause_tag_events_tag_idx" ON "cause_tag_events" USING btree ("cause_tag_id","changed_at");--> statement-breakpoint
CREATE INDEX "cause_tags_code_patient_idx" ON "cause_tags" USING btree ("code","patient_id") WHERE not "cause_tags"."entered_in_error";--> statement-breakpoint
CREATE INDEX "cause_tags_patient_idx" ON "cause_tags" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cause_tags_patient_code_key" ON "cause_tags" USING btree ("patient_id","code") WHERE not "cause_tags"."entered_in_error";--> statement-breakpoint
CREATE INDEX "clinical_notes_patient_idx" ON "clinical_notes" USING btree ("patient_id","written_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "follow_ups_due_idx" ON "follow_ups" USING btree ("due_on") WHERE "follow_ups"."status" = 'due';--> statement-breakpoint
CREATE INDEX "follow_ups_patient_idx" ON "follow_ups" USING btree ("patient_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_item_month_key" ON "follow_ups" USING btree ("plan_item_id","month_offset");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_mrn_key" ON "patients" USING btree ("mrn");--> statement-breakpoint
CREATE INDEX "patients_source_identifier_idx" ON "patients" USING btree ("source_identifier");--> statement-breakpoint
CREATE INDEX "patients_name_idx" ON "patients" USING btree (lower("family_name"),lower("given_name"),"id");--> statement-breakpoint
CREATE INDEX "patients_worklist_default_idx" ON "patients" USING btree ("open_red_flag" DESC NULLS LAST,"priority_rank","referred_on","id");--> statement-breakpoint
CREATE INDEX "patients_referred_on_idx" ON "patients" USING btree ("referred_on","id");--> statement-breakpoint
CREATE INDEX "patients_status_idx" ON "patients" USING btree ("status","referred_on");--> statement-breakpoint
CREATE INDEX "patients_latest_back_idx" ON "patients" USING btree ("latest_back_nrs");--> statement-breakpoint
CREATE INDEX "patients_latest_leg_idx" ON "patients" USING btree ("latest_leg_nrs");--> statement-breakpoint
CREATE INDEX "patients_specialist_idx" ON "patients" USING btree ("responsible_specialist_id");--> statement-breakpoint
CREATE INDEX "patients_nurse_idx" ON "patients" USING btree ("named_nurse_id");--> statement-breakpoint
CREATE INDEX "patients_next_follow_up_idx" ON "patients" USING btree ("next_follow_up_due");--> statement-breakpoint
CREATE INDEX "patients_index_surgery_idx" ON "patients" USING btree ("index_procedure","index_surgery_date");--> statement-breakpoint
CREATE INDEX "patients_red_flag_idx" ON "patients" USING btree ("id") WHERE "patients"."open_red_flag";--> statement-breakpoint
CREATE INDEX "plan_item_events_item_idx" ON "plan_item_events" USING btree ("plan_item_id","changed_at");--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "plan_items" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_items_patient_idx" ON "plan_items" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "plan_items_treatment_idx" ON "plan_items" USING btree ("treatment_code","started_on");--> statement-breakpoint
CREATE INDEX "red_flag_alerts_open_idx" ON "red_flag_alerts" USING btree ("patient_id") WHERE "red_flag_alerts"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "referrals_patient_idx" ON "referrals" USING btree ("patient_id","referred_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "surgeries_patient_idx" ON "surgeries" USING btree ("patient_id","performed_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "surgeries_surgeon_idx" ON "surgeries" USING btree (lower("surgeon"));--> statement-breakpoint
CREATE INDEX "treatment_plans_patient_idx" ON "treatment_plans" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plans_one_active_key" ON "treatment_plans" USING btree ("patient_id") WHERE "treatment_plans"."status" = 'active' and not "treatment_plans"."entered_in_error";--> statement-breakpoint
CREATE INDEX "login_attempts_username_at_idx" ON "login_attempts" USING btree (lower("username"),"at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_open_idx" ON "sessions" USING btree ("user_id") WHERE "sessions"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));