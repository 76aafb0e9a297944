CREATE TYPE "public"."group_member_type" AS ENUM('single_site', 'multi_site');--> statement-breakpoint
CREATE TYPE "public"."account_role" AS ENUM('operator', 'manager', 'user');--> statement-breakpoint
CREATE TYPE "public"."directory_source" AS ENUM('manual', 'entra', 'scim');--> statement-breakpoint
CREATE TYPE "public"."directory_status" AS ENUM('active', 'disabled', 'removed');--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid,
	"role" "account_role" NOT NULL,
	"portal_id" text NOT NULL,
	"password_hash" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"extension" text,
	"site" text,
	"group_member_type" "group_member_type",
	"package" text,
	"user_type" text,
	"aad_tenant_id" uuid,
	"aad_object_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_portal_id_unique" UNIQUE("portal_id"),
	CONSTRAINT "accounts_entra_link_unique" UNIQUE("aad_tenant_id","aad_object_id"),
	CONSTRAINT "accounts_customer_extension_unique" UNIQUE("customer_id","extension"),
	CONSTRAINT "accounts_entra_link_complete" CHECK (("accounts"."aad_tenant_id" is null) = ("accounts"."aad_object_id" is null)),
	CONSTRAINT "accounts_customer_matches_role" CHECK (("accounts"."role" = 'operator') = ("accounts"."customer_id" is null))
);
--> statement-breakpoint
CREATE TABLE "directory_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"first_name" text,
	"last_name" text,
	"display_name" text NOT NULL,
	"email" text,
	"office_phone" text,
	"mobile_phone" text,
	"extension" text,
	"source" "directory_source" DEFAULT 'manual' NOT NULL,
	"aad_tenant_id" uuid,
	"aad_object_id" uuid,
	"user_principal_name" text,
	"status" "directory_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directory_entries_customer_object_unique" UNIQUE("customer_id","aad_object_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" uuid,
	"actor_account_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD CONSTRAINT "directory_entries_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_account_id_accounts_id_fk" FOREIGN KEY ("actor_account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_customer_role_idx" ON "accounts" USING btree ("customer_id","role");--> statement-breakpoint
CREATE INDEX "directory_entries_customer_name_idx" ON "directory_entries" USING btree ("customer_id","display_name");--> statement-breakpoint
CREATE INDEX "audit_log_customer_time_idx" ON "audit_log" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_key_time_idx" ON "sign_in_failures" USING btree ("key","created_at");