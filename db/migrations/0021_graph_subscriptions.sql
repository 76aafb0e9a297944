ALTER TYPE "public"."sync_trigger" ADD VALUE 'notification';--> statement-breakpoint
CREATE TABLE "graph_subscriptions" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"subscription_id" text,
	"expires_at" timestamp with time zone,
	"client_state_ciphertext" text,
	"client_state_key_id" text,
	"last_notification_at" timestamp with time zone,
	"last_error_code" text,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "graph_subscriptions" ADD CONSTRAINT "graph_subscriptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "graph_subscriptions_subscription_idx" ON "graph_subscriptions" USING btree ("subscription_id");