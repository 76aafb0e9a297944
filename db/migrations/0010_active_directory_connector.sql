-- The connector's id is `active-directory` everywhere (code, routes, job payloads); runs keep their history.
ALTER TYPE "public"."sync_connector" RENAME VALUE 'ldap' TO 'active-directory';
