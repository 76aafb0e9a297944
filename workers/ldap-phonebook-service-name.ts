/** Imported first by the LDAP phonebook: its log lines say `service: "ldap-phonebook"` however it was started. */
process.env.SERVICE_NAME ??= "ldap-phonebook";
