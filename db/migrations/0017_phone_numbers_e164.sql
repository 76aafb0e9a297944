CREATE TABLE "caller_id_keys" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"hint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp with time zone,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"window_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "caller_id_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "default_country" text;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "office_phone_e164" text;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "mobile_phone_e164" text;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "phones_e164" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_entries" ADD COLUMN "unparsed_phones" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "caller_id_keys" ADD CONSTRAINT "caller_id_keys_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caller_id_keys" ADD CONSTRAINT "caller_id_keys_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_entries_phones_e164_idx" ON "directory_entries" USING gin ("phones_e164");