ALTER TABLE "ldap_settings" DROP COLUMN "create_portal_users";--> statement-breakpoint
ALTER TABLE "ldap_settings" DROP COLUMN "extension_range_start";--> statement-breakpoint
ALTER TABLE "ldap_settings" DROP COLUMN "extension_range_end";--> statement-breakpoint
ALTER TABLE "ldap_settings" DROP COLUMN "default_package";--> statement-breakpoint
ALTER TABLE "ldap_settings" DROP COLUMN "default_user_type";