ALTER TABLE "sync_runs" ADD COLUMN "budget_waits" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "budget_wait_ms" integer DEFAULT 0 NOT NULL;