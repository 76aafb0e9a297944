ALTER TABLE "directory_entries" ADD COLUMN "last_run_id" uuid;--> statement-breakpoint
ALTER TABLE "entra_settings" ADD COLUMN "verified_tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "entra_settings" ADD COLUMN "verified_client_id" uuid;--> statement-breakpoint
ALTER TABLE "entra_settings" ADD COLUMN "tenant_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "unavailable_retries" integer DEFAULT 0 NOT NULL;