CREATE TYPE "public"."picklist_name" AS ENUM('package', 'user_type', 'site');--> statement-breakpoint
CREATE TABLE "customer_picklist_items" (
	"customer_id" uuid NOT NULL,
	"picklist" "picklist_name" NOT NULL,
	"value" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "customer_picklist_items_pkey" PRIMARY KEY("customer_id","picklist","value")
);
--> statement-breakpoint
ALTER TABLE "customer_picklist_items" ADD CONSTRAINT "customer_picklist_items_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;