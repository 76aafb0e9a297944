CREATE TYPE "public"."sync_connector" AS ENUM('entra', 'ldap');--> statement-breakpoint
CREATE TYPE "public"."ldap_username_attribute" AS ENUM('sAMAccountName', 'userPrincipalName');--> statement-breakpoint
ALTER TYPE "public"."directory_source" ADD VALUE 'ldap';--> statement-breakpoint
CREATE TABLE "ldap_settings" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"url" text NOT NULL,
	"start_tls" boolean DEFAULT false NOT NULL,
	"ca_certificate" text,
	"base_dn" text NOT NULL,
	"bind_name" text NOT NULL,
	"bind_password_ciphertext" text NOT NULL,
	"bind_password_key_id" text NOT NULL,
	"user_filter" text NOT NULL,
	"username_attribute" "ldap_username_attribute" DEFAULT 'sAMAccountName' NOT NULL,
	"period" "sync_period" DEFAULT 'daily' NOT NULL,
	"weekday" smallint,
	"run_hour" smallint DEFAULT 3 NOT NULL,
	"run_minute" smallint DEFAULT 0 NOT NULL,
	"run_second" smallint DEFAULT 0 NOT NULL,
	"skip_disabled" boolean DEFAULT false NOT NULL,
	"removal_threshold_percent" integer DEFAULT 20 NOT NULL,
	"authentication_enabled" boolean DEFAULT false NOT NULL,
	"create_portal_users" boolean DEFAULT false NOT NULL,
	"extension_range_start" integer,
	"extension_range_end" integer,
	"default_package" text,
	"default_user_type" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
DROP INDEX "sync_runs_one_active_per_customer";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "ldap_object_guid" uuid;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "ldap_object_guid" uuid;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "account_name" text;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "connector" "sync_connector" DEFAULT 'entra' NOT NULL;--> statement-breakpoint
ALTER TABLE "ldap_settings" ADD CONSTRAINT "ldap_settings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ldap_settings" ADD CONSTRAINT "ldap_settings_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_active_per_customer" ON "sync_runs" USING btree ("customer_id","connector") WHERE "sync_runs"."status" in ('queued', 'running');--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_ldap_link_unique" UNIQUE("customer_id","ldap_object_guid");--> statement-breakpoint
ALTER TABLE "directory_entries" ADD CONSTRAINT "directory_entries_customer_ldap_guid_unique" UNIQUE("customer_id","ldap_object_guid");--> statement-breakpoint
ALTER TABLE "sync_run_changes" RENAME COLUMN "aad_object_id" TO "object_id";
