-- Provisioning inserts a thousand logins with extensions per statement: one set-based insert into
-- company_extensions per statement (a transition table) instead of a PL/pgSQL call per row. It runs where the row
-- triggers ran, at the end of the inserting statement, so a taken extension still breaks company_extensions_pkey
-- there, and two new logins given one extension still clash with each other.
CREATE FUNCTION "company_extensions_follow_inserted_accounts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "company_extensions" ("customer_id", "extension", "account_id")
  SELECT "customer_id", "extension", "id" FROM "inserted_accounts" WHERE "extension" IS NOT NULL AND "customer_id" IS NOT NULL;
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER "accounts_extension_insert" ON "accounts";--> statement-breakpoint
CREATE TRIGGER "accounts_extension_insert" AFTER INSERT ON "accounts"
REFERENCING NEW TABLE AS "inserted_accounts"
FOR EACH STATEMENT EXECUTE FUNCTION "company_extensions_follow_inserted_accounts"();
