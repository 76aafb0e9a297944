-- Caller-ID keys become one kind of directory credential: each company's key moves over as it is (same hash, hint, use).
INSERT INTO "directory_credentials" ("customer_id", "kind", "secret_hash", "hint", "created_at", "created_by", "last_used_at", "window_started_at", "window_count")
SELECT "customer_id", 'caller_id', "key_hash", "hint", "created_at", "created_by", "last_used_at", "window_started_at", "window_count" FROM "caller_id_keys";--> statement-breakpoint
DROP TABLE "caller_id_keys" CASCADE;
