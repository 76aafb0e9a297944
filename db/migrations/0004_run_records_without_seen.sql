DROP TABLE "sync_run_seen" CASCADE;--> statement-breakpoint
ALTER TABLE "sync_run_changes" DROP CONSTRAINT "sync_run_changes_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "sync_run_changes" DROP CONSTRAINT "sync_run_changes_directory_entry_id_directory_entries_id_fk";
--> statement-breakpoint
ALTER TABLE "sync_run_changes" DROP COLUMN "directory_entry_id";