import { DIRECTORY_BUFFER_ATTRIBUTES, DIRECTORY_USER_ATTRIBUTES, toDirectoryUser, type DirectoryUser } from "./directory-user";
import { explainLdapError } from "./explain-ldap-error";
import type { LdapConnectionConfig } from "./ldap-connection-config";
import type { LdapProblem } from "./ldap-problem";
import { closeQuietly, openLdapClient } from "./open-ldap-client";
import { openProxyClient } from "./open-proxy-client";
import { reduceUsername } from "./reduce-username";
import { signInNameFilter } from "./user-filter";

export type DirectoryAuthentication =
  | { ok: true; user: DirectoryUser }
  /**
   * `stage` "directory": the service account, the connection or the settings
   * failed (for administrators; the person did nothing wrong). "user": the
   * person's name, password or account was refused.
   */
  | { ok: false; stage: "directory" | "user"; problem: LdapProblem };

/**
 * Checks a person's directory password the way AD expects: find their entry
 * as the service account, then bind as that entry's DN with their password on
 * a fresh connection. The search must find exactly one entry, so a name that
 * matches several people (or a crafted one) never picks one of them.
 */
export async function authenticateDirectoryUser(config: LdapConnectionConfig, username: string, password: string): Promise<DirectoryAuthentication> {
  // An LDAP bind with a DN and no password is an "unauthenticated bind" that
  // AD answers with success: it must never reach the server.
  if (password.trim() === "") return refused("empty_password", "Enter your password.");
  const name = reduceUsername(username);
  if (name === "") return refused("empty_username", "Enter your user name.");

  let user: DirectoryUser;
  try {
    const proxy = await openProxyClient(config);
    try {
      const { searchEntries } = await proxy.search(config.baseDn, {
        scope: "sub",
        filter: signInNameFilter(config, name),
        attributes: DIRECTORY_USER_ATTRIBUTES,
        explicitBufferAttributes: DIRECTORY_BUFFER_ATTRIBUTES,
        sizeLimit: 2,
      });
      if (searchEntries.length === 0) return refused("no_such_user", "No account with this user name can sign in here.");
      if (searchEntries.length > 1) return refused("ambiguous_user", "More than one account has this user name; ask an administrator.");
      user = toDirectoryUser(searchEntries[0]!);
    } finally {
      await closeQuietly(proxy);
    }
  } catch (error) {
    return { ok: false, stage: "directory", problem: explainLdapError(error) };
  }

  let client;
  try {
    client = await openLdapClient(config);
  } catch (error) {
    return { ok: false, stage: "directory", problem: explainLdapError(error) };
  }
  try {
    await client.bind(user.dn, password);
    return { ok: true, user };
  } catch (error) {
    const problem = explainLdapError(error);
    // A lost connection or an unreachable server is not the person's fault.
    return { ok: false, stage: problem.retryable ? "directory" : "user", problem };
  } finally {
    await closeQuietly(client);
  }
}

function refused(code: string, message: string): DirectoryAuthentication {
  return { ok: false, stage: "user", problem: { code, message, retryable: false } };
}
