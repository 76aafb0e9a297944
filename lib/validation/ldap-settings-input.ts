import { X509Certificate } from "node:crypto";
import { z } from "zod";
import { ldapUsernameAttributes } from "@/db/schema";
import { defaultUserFilter } from "@/lib/ldap/ldap-connection-config";
import { reduceUsername } from "@/lib/ldap/reduce-username";
import { parseUserFilter } from "@/lib/ldap/user-filter";
import { connectorScheduleShape, requireWeekdayWhenWeekly } from "./connector-schedule";
import { checkbox, storable } from "./fields";

export const plainLdapMessage = "Plain LDAP would send passwords in clear; Active Directory refuses it. Use ldaps:// or turn on StartTLS.";

/**
 * The server's address, normalised to scheme://host[:port]. No path, query or
 * user name: none of them means anything to an LDAP client, and credentials
 * in a URL would end up wherever the URL is shown.
 */
const url = z
  .string({ message: "Enter the server address." })
  .trim()
  .min(1, "Enter the server address, e.g. ldaps://dc1.contoso.com:636.")
  .max(300, "At most 300 characters.")
  .superRefine(storable())
  .transform((raw, ctx) => {
    const invalid = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (!/^ldaps?:\/\//i.test(raw)) return invalid("The address starts with ldaps:// (or ldap:// with StartTLS), e.g. ldaps://dc1.contoso.com:636.");
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      return invalid("This is not a valid address: use ldaps://host or ldaps://host:port (port 1 to 65535).");
    }
    if (!parsed.hostname) return invalid("The address needs a host name, e.g. ldaps://dc1.contoso.com.");
    if (parsed.username || parsed.password) return invalid("Leave the user name and password out of the address: enter them as the proxy user below.");
    if ((parsed.pathname && parsed.pathname !== "/") || parsed.search || parsed.hash) {
      return invalid("Only the scheme, host and port go in the address (the base DN has a field of its own).");
    }
    if (parsed.port === "0") return invalid("The port is 1 to 65535 (LDAPS is usually 636).");
    return `${parsed.protocol.toLowerCase()}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}`;
  });

const pemBlock = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** One or more PEM certificates (a CA, or a chain); blank trusts the usual public roots. */
const caCertificate = z
  .string()
  .max(50_000, "At most 50,000 characters: paste only the CA certificate(s).")
  .superRefine(storable({ multiline: true }))
  .optional()
  .transform((raw, ctx) => {
    const text = (raw ?? "").replace(/\r\n?/g, "\n").trim();
    if (text === "") return null;
    const blocks = [...text.matchAll(pemBlock)];
    const problem = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (blocks.some((b) => /PRIVATE KEY/.test(b[1]!)) || /PRIVATE KEY-----/.test(text)) {
      return problem("This is a private key. Paste the CA's certificate (-----BEGIN CERTIFICATE-----), never a key.");
    }
    if (blocks.length === 0 || blocks.some((b) => b[1] !== "CERTIFICATE")) {
      return problem("Paste the CA certificate in PEM form: the text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.");
    }
    // Rewrapped from the base64 alone: mail and chat programs re-break or indent pasted lines.
    const pems = blocks.map((b) => {
      const body = b[2]!.replace(/\s+/g, "");
      return `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}\n-----END CERTIFICATE-----\n`;
    });
    for (const pem of pems) {
      try {
        new X509Certificate(pem);
      } catch {
        return problem("The certificate could not be read; paste the whole PEM text, including the BEGIN and END lines.");
      }
    }
    return pems.join("");
  });

// attribute=value, comma-separated; commas inside values are escaped (\,).
const rdn = /^\s*(?:[A-Za-z][A-Za-z0-9-]*|[0-9]+(?:\.[0-9]+)+)\s*=\s*(?:[^,=\\]|\\.)+$/;

/** Whether a text reads as a distinguished name (RDNs of attribute=value, commas and plus signs escaped inside values). */
export const isDistinguishedName = (dn: string) => dn.split(/(?<!\\),/).every((part) => part.split(/(?<!\\)\+/).every((ava) => rdn.test(ava)));

const baseDn = z
  .string({ message: "Enter the base DN." })
  .trim()
  .min(1, "Enter the base DN, e.g. DC=contoso,DC=com or OU=Staff,DC=contoso,DC=com.")
  .max(1000, "At most 1,000 characters.")
  .superRefine(storable())
  .refine(isDistinguishedName, "The base DN is a distinguished name like DC=contoso,DC=com or OU=Staff,DC=contoso,DC=com.");

/** Blank keeps the stored password (the first save needs one: checked against the stored row). Never trimmed. */
const bindPassword = z
  .string()
  .max(256, "At most 256 characters.")
  .superRefine(storable())
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v : undefined));

function balancedFilter(filter: string): boolean {
  if (!filter.startsWith("(") || !filter.endsWith(")")) return false;
  let depth = 0;
  for (const ch of filter) {
    if (ch === "(") depth += 1;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

const userFilter = z
  .string()
  .max(2000, "At most 2,000 characters.")
  .superRefine(storable({ multiline: true }))
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : defaultUserFilter))
  .superRefine((filter, ctx) => {
    const message = "The user filter is an LDAP filter in parentheses, e.g. (&(objectClass=user)(department=Sales)).";
    if (!balancedFilter(filter)) {
      ctx.addIssue({ code: "custom", message: `${message} Check that every ( has its ).` });
      return;
    }
    try {
      parseUserFilter(filter);
    } catch {
      ctx.addIssue({ code: "custom", message });
    }
  });

const connectionShape = {
  url,
  startTls: checkbox,
  caCertificate,
  baseDn,
  bindName: z
    .string({ message: "Enter the proxy user." })
    .trim()
    .min(1, "Enter the proxy user, e.g. svc-switchboard@contoso.com.")
    .max(512, "At most 512 characters.")
    .superRefine(storable()),
  bindPassword,
  userFilter,
  usernameAttribute: z.enum(ldapUsernameAttributes, { message: "Choose sAMAccountName or userPrincipalName." }).default("sAMAccountName"),
};

/**
 * A simple bind sends the password as it is: ldap:// is accepted only with
 * StartTLS, which is meaningless on ldaps://. Said once, on the address (the
 * message names the checkbox): every field error is printed on the screen.
 */
function encryptedOnly<T extends { url: string; startTls: boolean }>(v: T, ctx: z.RefinementCtx) {
  if (v.url.startsWith("ldap://") && !v.startTls) {
    ctx.addIssue({ code: "custom", path: ["url"], message: plainLdapMessage });
  }
}
const withoutStartTlsOnLdaps = <T extends { url: string; startTls: boolean }>(v: T): T => ({ ...v, startTls: v.url.startsWith("ldap://") && v.startTls });

/** What Test connection needs: the form's connection fields, the password typed or else the stored one. */
export const ldapConnectionInput = z.object(connectionShape).superRefine(encryptedOnly).transform(withoutStartTlsOnLdaps);
export type LdapConnectionInput = z.infer<typeof ldapConnectionInput>;

/** The Active Directory screen's fields, as posted by its form. */
export const ldapSettingsInput = z
  .object({
    ...connectionShape,
    ...connectorScheduleShape("import users"),
    skipDisabled: checkbox,
    authenticationEnabled: checkbox,
  })
  .superRefine(encryptedOnly)
  .superRefine(requireWeekdayWhenWeekly)
  .transform(withoutStartTlsOnLdaps);

export type LdapSettingsInput = z.infer<typeof ldapSettingsInput>;

/** Test authentication: a person's directory user name (CONTOSO\bob and bob@contoso.com mean bob) and password. */
export const ldapTestAuthenticationInput = z.object({
  username: z
    .string({ message: "Enter a user name." })
    .max(256, "At most 256 characters.")
    .superRefine(storable())
    .transform((v) => reduceUsername(v))
    .pipe(z.string().min(1, "Enter a user name, e.g. bob, CONTOSO\\bob or bob@contoso.com.")),
  // Never trimmed; an empty one would be an unauthenticated bind, which AD answers with success.
  password: z
    .string({ message: "Enter the password." })
    .max(256, "At most 256 characters.")
    .superRefine(storable())
    .refine((v) => v.trim() !== "", "Enter the password: an empty password cannot be tested (AD would accept it as an anonymous bind)."),
});

export type LdapTestAuthenticationInput = z.infer<typeof ldapTestAuthenticationInput>;
