CREATE TYPE "public"."directory_credential_kind" AS ENUM('phonebook_http', 'phonebook_ldap', 'caller_id');--> statement-breakpoint
CREATE TABLE "directory_credentials" (
	"customer_id" uuid NOT NULL,
	"kind" "directory_credential_kind" NOT NULL,
	"secret_hash" text NOT NULL,
	"hint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp with time zone,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"window_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "directory_credentials_customer_id_kind_pk" PRIMARY KEY("customer_id","kind"),
	CONSTRAINT "directory_credentials_secret_hash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "phonebook_settings" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"include_manual" boolean DEFAULT false NOT NULL,
	"hide_mobile" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_credentials" ADD CONSTRAINT "directory_credentials_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_credentials" ADD CONSTRAINT "directory_credentials_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phonebook_settings" ADD CONSTRAINT "phonebook_settings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;