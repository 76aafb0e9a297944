CREATE TYPE "public"."account_suspension_reason" AS ENUM('disabled_at_source', 'removed_at_source', 'left_scope');--> statement-breakpoint
CREATE TYPE "public"."provisioning_extension_mode" AS ENUM('attribute', 'range', 'attribute_then_range');--> statement-breakpoint
CREATE TYPE "public"."provisioning_extension_rule" AS ENUM('whole', 'after_ext', 'last_digits');--> statement-breakpoint
CREATE TYPE "public"."device_kind" AS ENUM('softphone', 'mobile');--> statement-breakpoint
CREATE TYPE "public"."device_status" AS ENUM('active', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."provisioning_action" AS ENUM('created', 'updated', 'linked', 'suspended', 'restored', 'scheduled_deletion', 'deleted', 'extension_clash', 'no_extension');--> statement-breakpoint
CREATE TABLE "provisioning_settings" (
	"customer_id" uuid NOT NULL,
	"source" "directory_source" NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"scope_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"site" text,
	"package" text,
	"user_type" text,
	"group_member_type" "group_member_type",
	"extension_mode" "provisioning_extension_mode" DEFAULT 'range' NOT NULL,
	"extension_attribute" text,
	"extension_rule" "provisioning_extension_rule" DEFAULT 'whole' NOT NULL,
	"extension_digits" smallint,
	"range_start" integer,
	"range_end" integer,
	"create_softphone" boolean DEFAULT false NOT NULL,
	"create_mobile" boolean DEFAULT false NOT NULL,
	"grace_days" integer DEFAULT 30 NOT NULL,
	"full_pass_pending" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "provisioning_settings_pkey" PRIMARY KEY("customer_id","source")
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" "device_kind" NOT NULL,
	"label" text NOT NULL,
	"status" "device_status" DEFAULT 'active' NOT NULL,
	"disabled_with_owner" boolean DEFAULT false NOT NULL,
	"sip_username" text NOT NULL,
	"credential_ciphertext" text NOT NULL,
	"credential_key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_sip_username_unique" UNIQUE("sip_username"),
	CONSTRAINT "devices_account_kind_unique" UNIQUE("account_id","kind")
);
--> statement-breakpoint
CREATE TABLE "provisioning_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"directory_entry_id" uuid,
	"account_id" uuid,
	"display_name" text NOT NULL,
	"action" "provisioning_action" NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "directory_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "suspended_reason" "account_suspension_reason";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "delete_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "extension_sticky" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "hand_set_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "attributes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "provisioning_settings" ADD CONSTRAINT "provisioning_settings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioning_settings" ADD CONSTRAINT "provisioning_settings_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisioning_records" ADD CONSTRAINT "provisioning_records_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "devices_customer_idx" ON "devices" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "provisioning_records_run_idx" ON "provisioning_records" USING btree ("run_id","id");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_directory_entry_id_directory_entries_id_fk" FOREIGN KEY ("directory_entry_id") REFERENCES "public"."directory_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_directory_entry_unique" ON "accounts" USING btree ("directory_entry_id") WHERE "accounts"."directory_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "accounts_delete_after_idx" ON "accounts" USING btree ("delete_after") WHERE "accounts"."delete_after" is not null;--> statement-breakpoint
-- The Active Directory screen's "create a portal user for every imported entry" becomes that
-- connector's provisioning: same range, package and user type, and the users it created keep
-- their entry (and their range extension stays theirs).
INSERT INTO "provisioning_settings" ("customer_id", "source", "enabled", "package", "user_type", "extension_mode", "range_start", "range_end", "full_pass_pending")
-- The source is cast row by row (never a constant): on a fresh database 0011 added the enum value in this
-- same transaction, and PostgreSQL refuses a constant of an uncommitted enum value (55P04) even with no rows.
SELECT "customer_id", (CASE WHEN "create_portal_users" THEN 'active-directory' END)::directory_source, true, "default_package", "default_user_type", 'range', "extension_range_start", "extension_range_end", true
FROM "ldap_settings" WHERE "create_portal_users";--> statement-breakpoint
UPDATE "accounts" a SET "directory_entry_id" = d."id", "extension_sticky" = a."extension" IS NOT NULL
FROM "directory_entries" d
WHERE a."password_hash" = '!directory-password-only' AND a."ldap_object_guid" IS NOT NULL
  AND d."customer_id" = a."customer_id" AND d."ldap_object_guid" = a."ldap_object_guid";
