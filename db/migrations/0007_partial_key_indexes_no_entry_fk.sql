ALTER TABLE "directory_entries" DROP CONSTRAINT "directory_entries_customer_object_unique";--> statement-breakpoint
ALTER TABLE "directory_entries" DROP CONSTRAINT "directory_entries_customer_ldap_guid_unique";--> statement-breakpoint
ALTER TABLE "directory_entries" DROP CONSTRAINT "directory_entries_customer_id_customers_id_fk";
--> statement-breakpoint
CREATE UNIQUE INDEX "directory_entries_customer_object_unique" ON "directory_entries" USING btree ("customer_id","aad_object_id") WHERE "directory_entries"."aad_object_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "directory_entries_customer_ldap_guid_unique" ON "directory_entries" USING btree ("customer_id","ldap_object_guid") WHERE "directory_entries"."ldap_object_guid" is not null;