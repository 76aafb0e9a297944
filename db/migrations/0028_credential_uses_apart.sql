-- A credential's uses move to a table of their own: every phonebook download, caller-ID lookup and LDAP bind reads
-- the credential, and the counts each process writes once a second no longer leave versions of that row behind.
CREATE TABLE "directory_credential_uses" (
	"customer_id" uuid NOT NULL,
	"kind" "directory_credential_kind" NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"window_count" integer NOT NULL,
	CONSTRAINT "directory_credential_uses_customer_id_kind_pk" PRIMARY KEY("customer_id","kind")
);
--> statement-breakpoint
ALTER TABLE "directory_credential_uses" ADD CONSTRAINT "directory_credential_uses_credential_fk" FOREIGN KEY ("customer_id","kind") REFERENCES "public"."directory_credentials"("customer_id","kind") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A used credential keeps when it was last used and its count in the current minute.
INSERT INTO "directory_credential_uses" ("customer_id", "kind", "last_used_at", "window_started_at", "window_count")
SELECT "customer_id", "kind", "last_used_at", "window_started_at", "window_count" FROM "directory_credentials" WHERE "last_used_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_credentials" DROP COLUMN "last_used_at";--> statement-breakpoint
ALTER TABLE "directory_credentials" DROP COLUMN "window_started_at";--> statement-breakpoint
ALTER TABLE "directory_credentials" DROP COLUMN "window_count";