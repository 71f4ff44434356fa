CREATE TABLE "clinic_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_summaries" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"treatment_code" text NOT NULL,
	"item_status" text NOT NULL,
	"started_on" date NOT NULL,
	"clinician_id" uuid,
	"base_back" double precision,
	"base_leg" double precision,
	"base_odi" double precision,
	"m1_due" date,
	"m1_back" double precision,
	"m1_leg" double precision,
	"m1_odi" double precision,
	"m3_due" date,
	"m3_back" double precision,
	"m3_leg" double precision,
	"m3_odi" double precision,
	"m6_due" date,
	"m6_back" double precision,
	"m6_leg" double precision,
	"m6_odi" double precision,
	"m12_due" date,
	"m12_back" double precision,
	"m12_leg" double precision,
	"m12_odi" double precision
);
--> statement-breakpoint
CREATE INDEX "outcome_summaries_patient_idx" ON "outcome_summaries" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "outcome_summaries_treatment_idx" ON "outcome_summaries" USING btree ("treatment_code","started_on");