CREATE TABLE "company_extensions" (
	"customer_id" uuid NOT NULL,
	"extension" text NOT NULL,
	"account_id" uuid,
	"directory_entry_id" uuid,
	CONSTRAINT "company_extensions_pkey" PRIMARY KEY("customer_id","extension"),
	CONSTRAINT "company_extensions_one_holder" CHECK (num_nonnulls("company_extensions"."account_id", "company_extensions"."directory_entry_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_customer_extension_unique";--> statement-breakpoint
CREATE INDEX "company_extensions_account_idx" ON "company_extensions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "company_extensions_directory_entry_idx" ON "company_extensions" USING btree ("directory_entry_id");--> statement-breakpoint
-- Backfill: every extension in use today. Users first (their extensions were
-- already unique in the company), then directory entries, oldest first. Data
-- that already clashes is kept as it is — an entry sharing a user's (or an
-- older entry's) extension keeps it, unregistered — rather than failing the
-- upgrade; the NOTICE says how many, and the next edit of such an entry must
-- choose a free extension.
INSERT INTO "company_extensions" ("customer_id", "extension", "account_id")
SELECT "customer_id", "extension", "id" FROM "accounts"
WHERE "customer_id" IS NOT NULL AND "extension" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "company_extensions" ("customer_id", "extension", "directory_entry_id")
SELECT "customer_id", "extension", "id" FROM "directory_entries"
WHERE "extension" IS NOT NULL
ORDER BY "created_at", "id"
ON CONFLICT DO NOTHING;--> statement-breakpoint
DO $$
DECLARE clashes integer;
BEGIN
  SELECT count(*) INTO clashes FROM "directory_entries" d
  WHERE d."extension" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "company_extensions" c WHERE c."directory_entry_id" = d."id");
  IF clashes > 0 THEN
    RAISE NOTICE 'company_extensions: % directory entries share an extension already in use in their company; they keep it, unregistered', clashes;
  END IF;
END $$;--> statement-breakpoint
-- The triggers keep company_extensions in step with its two holders, in the
-- writing statement's transaction: taking an extension someone in the company
-- has breaks company_extensions_pkey, which the forms turn into one message.
-- They fire only when an extension is set, changed or dropped (WHEN, UPDATE OF),
-- so a sync's bulk writes, which never touch it, pay nothing.
CREATE FUNCTION "company_extensions_follow"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    IF TG_TABLE_NAME = 'accounts' THEN
      DELETE FROM "company_extensions" WHERE "account_id" = OLD."id";
    ELSE
      DELETE FROM "company_extensions" WHERE "directory_entry_id" = OLD."id";
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."extension" IS NOT NULL AND NEW."customer_id" IS NOT NULL THEN
    IF TG_TABLE_NAME = 'accounts' THEN
      INSERT INTO "company_extensions" ("customer_id", "extension", "account_id") VALUES (NEW."customer_id", NEW."extension", NEW."id");
    ELSE
      INSERT INTO "company_extensions" ("customer_id", "extension", "directory_entry_id") VALUES (NEW."customer_id", NEW."extension", NEW."id");
    END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "accounts_extension_insert" AFTER INSERT ON "accounts"
FOR EACH ROW WHEN (NEW."extension" IS NOT NULL) EXECUTE FUNCTION "company_extensions_follow"();--> statement-breakpoint
CREATE TRIGGER "accounts_extension_update" AFTER UPDATE OF "extension", "customer_id" ON "accounts"
FOR EACH ROW WHEN (OLD."extension" IS DISTINCT FROM NEW."extension" OR OLD."customer_id" IS DISTINCT FROM NEW."customer_id") EXECUTE FUNCTION "company_extensions_follow"();--> statement-breakpoint
CREATE TRIGGER "accounts_extension_delete" AFTER DELETE ON "accounts"
FOR EACH ROW WHEN (OLD."extension" IS NOT NULL) EXECUTE FUNCTION "company_extensions_follow"();--> statement-breakpoint
CREATE TRIGGER "directory_entries_extension_insert" AFTER INSERT ON "directory_entries"
FOR EACH ROW WHEN (NEW."extension" IS NOT NULL) EXECUTE FUNCTION "company_extensions_follow"();--> statement-breakpoint
CREATE TRIGGER "directory_entries_extension_update" AFTER UPDATE OF "extension", "customer_id" ON "directory_entries"
FOR EACH ROW WHEN (OLD."extension" IS DISTINCT FROM NEW."extension" OR OLD."customer_id" IS DISTINCT FROM NEW."customer_id") EXECUTE FUNCTION "company_extensions_follow"();--> statement-breakpoint
CREATE TRIGGER "directory_entries_extension_delete" AFTER DELETE ON "directory_entries"
FOR EACH ROW WHEN (OLD."extension" IS NOT NULL) EXECUTE FUNCTION "company_extensions_follow"();
