import { randomBytes } from "node:crypto";
import { Attribute, Client, Control } from "ldapts";
import type { TestProject } from "vitest/node";
import sambaGlobalSetup, { type SambaFacts } from "../../support/samba/samba-global-setup";

/**
 * The integration tests' Samba AD domain controller (127.0.0.1:636, our own
 * test CA), for the e2e tests: started by exactly the integration harness, so
 * both share one provisioned domain, its lease files and its rule that the
 * last user stops a Samba the harness started (one already running, by hand or
 * by another run, is adopted and left alone). Needs root the first time.
 */
export async function useSambaDomainController(): Promise<{ facts: SambaFacts; release: () => Promise<void> }> {
  let facts: SambaFacts | undefined;
  // The harness hands its facts to vitest's provide(); here they are simply kept.
  const project = { provide: (_key: string, value: SambaFacts) => (facts = value) } as unknown as TestProject;
  const release = await sambaGlobalSetup(project);
  if (!facts) throw new Error("The Samba harness did not say how to reach the domain controller.");
  // Browsers' textareas hold \n line ends; the harness's PEM has \r\n.
  return { facts: { ...facts, caPem: facts.caPem.replace(/\r\n/g, "\n") }, release };
}

export type DirectoryPerson = { sAMAccountName: string; givenName: string; sn: string; mail: string; password: string };

// NORMAL_ACCOUNT: an enabled user; AD wants the password set in the same add.
const NORMAL_ACCOUNT = 0x200;
const TREE_DELETE = "1.2.840.113556.1.4.805";

/**
 * Writes the e2e test's people into an OU of its own, as Administrator over
 * LDAPS with our CA trusted (the integration tests' SambaDirectory needs
 * vitest's inject(), which Playwright does not have).
 */
export class E2eDirectory {
  private constructor(
    private readonly client: Client,
    private readonly facts: SambaFacts,
  ) {}

  static async open(facts: SambaFacts): Promise<E2eDirectory> {
    const client = new Client({ url: facts.ldapsUrl, tlsOptions: { ca: [facts.caPem] }, timeout: 30_000, connectTimeout: 10_000 });
    await client.bind(facts.adminBindName, facts.adminPassword);
    return new E2eDirectory(client, facts);
  }

  async createOu(): Promise<string> {
    const dn = `OU=e2e-${randomBytes(5).toString("hex")},${this.facts.baseDn}`;
    await this.client.add(dn, { objectClass: ["top", "organizationalUnit"] });
    return dn;
  }

  async addPerson(ouDn: string, person: DirectoryPerson): Promise<string> {
    const dn = `CN=${person.sAMAccountName},${ouDn}`;
    const upnSuffix = this.facts.adminBindName.split("@")[1]!;
    const text: Record<string, string> = {
      cn: person.sAMAccountName,
      sAMAccountName: person.sAMAccountName,
      userPrincipalName: `${person.sAMAccountName}@${upnSuffix}`,
      givenName: person.givenName,
      sn: person.sn,
      mail: person.mail,
      userAccountControl: String(NORMAL_ACCOUNT),
    };
    await this.client.add(dn, [
      new Attribute({ type: "objectClass", values: ["top", "person", "organizationalPerson", "user"] }),
      ...Object.entries(text).map(([type, value]) => new Attribute({ type, values: [value] })),
      // AD takes a new password as the UTF-16LE bytes of the password in double quotes.
      new Attribute({ type: "unicodePwd", values: [Buffer.from(`"${person.password}"`, "utf16le")] }),
    ]);
    return dn;
  }

  /** Removes an OU and everything in it. */
  async deleteOu(dn: string): Promise<void> {
    await this.client.del(dn, new Control(TREE_DELETE, { critical: true }));
  }

  async close(): Promise<void> {
    await this.client.unbind().catch(() => undefined);
  }
}
