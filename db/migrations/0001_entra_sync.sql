CREATE TYPE "public"."sync_period" AS ENUM('hourly', 'daily', 'weekly');--> statement-breakpoint
CREATE TYPE "public"."sync_change_kind" AS ENUM('created', 'updated', 'disabled', 'enabled', 'removed', 'restored');--> statement-breakpoint
CREATE TYPE "public"."sync_round" AS ENUM('full', 'delta');--> statement-breakpoint
CREATE TYPE "public"."sync_status" AS ENUM('queued', 'running', 'succeeded', 'failed', 'needs_confirmation', 'confirmed', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."sync_trigger" AS ENUM('schedule', 'one_time', 'simulate', 'full_resync');--> statement-breakpoint
CREATE TABLE "entra_settings" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"tenant_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"secret_key_id" text NOT NULL,
	"secret_expires_on" date,
	"secret_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"period" "sync_period" DEFAULT 'daily' NOT NULL,
	"weekday" smallint,
	"run_hour" smallint DEFAULT 2 NOT NULL,
	"run_minute" smallint DEFAULT 0 NOT NULL,
	"run_second" smallint DEFAULT 0 NOT NULL,
	"skip_guests" boolean DEFAULT true NOT NULL,
	"skip_disabled" boolean DEFAULT false NOT NULL,
	"group_filter" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"removal_threshold_percent" integer DEFAULT 20 NOT NULL,
	"delta_link" text,
	"delta_link_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "sync_run_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"directory_entry_id" uuid,
	"aad_object_id" uuid NOT NULL,
	"display_name" text,
	"kind" "sync_change_kind" NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_run_seen" (
	"run_id" uuid NOT NULL,
	"aad_object_id" uuid NOT NULL,
	CONSTRAINT "sync_run_seen_run_id_aad_object_id_pk" PRIMARY KEY("run_id","aad_object_id")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"trigger" "sync_trigger" NOT NULL,
	"status" "sync_status" DEFAULT 'queued' NOT NULL,
	"round" "sync_round",
	"requested_by" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"disabled" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"pages_fetched" integer DEFAULT 0 NOT NULL,
	"entries_processed" integer DEFAULT 0 NOT NULL,
	"throttle_waits" integer DEFAULT 0 NOT NULL,
	"throttle_wait_ms" integer DEFAULT 0 NOT NULL,
	"pending_removals" integer DEFAULT 0 NOT NULL,
	"delta_link" text,
	"error_code" text,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "job_title" text;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "entra_settings" ADD CONSTRAINT "entra_settings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entra_settings" ADD CONSTRAINT "entra_settings_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_run_changes" ADD CONSTRAINT "sync_run_changes_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_run_changes" ADD CONSTRAINT "sync_run_changes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_run_changes" ADD CONSTRAINT "sync_run_changes_directory_entry_id_directory_entries_id_fk" FOREIGN KEY ("directory_entry_id") REFERENCES "public"."directory_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_run_seen" ADD CONSTRAINT "sync_run_seen_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_run_changes_run_idx" ON "sync_run_changes" USING btree ("run_id","id");--> statement-breakpoint
CREATE INDEX "sync_runs_customer_time_idx" ON "sync_runs" USING btree ("customer_id","queued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_active_per_customer" ON "sync_runs" USING btree ("customer_id") WHERE "sync_runs"."status" in ('queued', 'running');