import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { AlreadyExistsError, Attribute, Change, Client, Control, NoSuchObjectError } from "ldapts";
import { afterAll, beforeAll, inject } from "vitest";

/** A user as tests create them; the account is enabled and has no password unless told. */
export type TestUser = {
  sAMAccountName: string;
  userPrincipalName?: string;
  givenName?: string;
  sn?: string;
  mail?: string;
  telephoneNumber?: string;
  mobile?: string;
  password?: string;
  disabled?: boolean;
  /** Any other attributes (title, ipPhone, otherTelephone…); a list for a multi-valued one. */
  extra?: Record<string, string | string[]>;
};

const TREE_DELETE = "1.2.840.113556.1.4.805";
// ACCOUNTDISABLE 0x2, PASSWD_NOTREQD 0x20, NORMAL_ACCOUNT 0x200. AD refuses an
// enabled account without a password unless PASSWD_NOTREQD is set; setting a
// password for thousands of users would cost Samba seconds of key derivation.
const NORMAL = 0x200;
const DISABLED = 0x2;
const PASSWORD_NOT_REQUIRED = 0x20;
const ADD_CONCURRENCY = 64;
// Bump when bulkTestUser changes, so runs never reuse users of the old shape.
const BULK_VERSION = "v1";
const BULK_FILL_STALE_MS = 120_000;

/** The i-th user of the shared bulk OU: every field set, every 100th (from the 8th) disabled. */
export function bulkTestUser(i: number): TestUser {
  return {
    sAMAccountName: `bulk${i}`,
    givenName: `Given${i}`,
    sn: `Family${i}`,
    mail: `bulk${i}@contoso.test`,
    telephoneNumber: `+1 555 ${String(i).padStart(4, "0")}`,
    mobile: `+1 666 ${String(i).padStart(4, "0")}`,
    disabled: i % 100 === 7,
  };
}

// A sAMAccountName is unique in the whole domain, which every test file and both integration runs share at once:
// a user a test names carries a tag of the file's own (modules load afresh for each test file).
const fileTag = randomBytes(3).toString("hex");
export const tagged = (name: string) => `${name}${fileTag}`;

/**
 * Writes to the test domain as Administrator over LDAPS (our CA trusted, no
 * checks off). Each test makes its own OU (OU=t-<random>) and uses it as its
 * base DN, so tests never see each other's users; every OU made through one
 * SambaDirectory is tree-deleted after the file's tests.
 *
 * Adding a user costs Samba about 3 ms and deleting one about 5 ms, so the
 * large read-only set (bulkOu) is made once per provisioned domain and kept.
 */
export class SambaDirectory {
  private readonly ous: string[] = [];

  private constructor(
    private readonly client: Client,
    readonly upnSuffix: string,
  ) {}

  static async open(): Promise<SambaDirectory> {
    const samba = inject("samba");
    const client = new Client({ url: samba.ldapsUrl, tlsOptions: { ca: [samba.caPem] }, timeout: 30_000, connectTimeout: 10_000 });
    await client.bind(samba.adminBindName, samba.adminPassword);
    return new SambaDirectory(client, samba.adminBindName.split("@")[1]!);
  }

  async createOu(): Promise<string> {
    const dn = `OU=t-${randomBytes(5).toString("hex")},${inject("samba").baseDn}`;
    await this.client.add(dn, { objectClass: ["top", "organizationalUnit"] });
    this.ous.push(dn);
    return dn;
  }

  /**
   * OU=bulk-<count>-v1 holding bulkTestUser(0 … count-1), filled once per
   * domain (about 8 s for 2,500) and shared by every test and run afterwards:
   * READ-ONLY, never change its users. Its description says "complete" once
   * filled; a fill another run left half-done (crashed) is started again.
   */
  async bulkOu(count = 2_500): Promise<string> {
    const dn = `OU=bulk-${count}-${BULK_VERSION},${inject("samba").baseDn}`;
    for (const deadline = Date.now() + 3 * BULK_FILL_STALE_MS; Date.now() < deadline;) {
      const state = await this.client.search(dn, { scope: "base", attributes: ["description"] }).then(
        ({ searchEntries }) => String(searchEntries[0]?.description ?? ""),
        (error: unknown) => (error instanceof NoSuchObjectError ? "missing" : Promise.reject(error)),
      );
      if (state === "complete") return dn;
      if (state === "missing") {
        const created = await this.client.add(dn, { objectClass: ["top", "organizationalUnit"], description: `filling since ${Date.now()}` }).then(
          () => true,
          (error: unknown) => (error instanceof AlreadyExistsError ? false : Promise.reject(error)),
        );
        if (!created) continue;
        await this.addUsers(
          dn,
          Array.from({ length: count }, (_, i) => bulkTestUser(i)),
        );
        await this.modify(dn, { description: "complete" });
        return dn;
      }
      const since = Number(/filling since (\d+)/.exec(state)?.[1] ?? 0);
      if (Date.now() - since > BULK_FILL_STALE_MS) await this.treeDelete(dn).catch(() => undefined);
      else await sleep(500);
    }
    throw new Error(`${dn} was not filled in time (another test run filling it?).`);
  }

  /** Adds users under `ouDn`, many requests in flight on one connection; returns their DNs in order. */
  async addUsers(ouDn: string, users: TestUser[]): Promise<string[]> {
    const dns = users.map((user) => `CN=${user.sAMAccountName},${ouDn}`);
    let next = 0;
    const worker = async () => {
      while (next < users.length) {
        const index = next++;
        await this.client.add(dns[index]!, this.attributesOf(users[index]!));
      }
    };
    await Promise.all(Array.from({ length: Math.min(ADD_CONCURRENCY, users.length) }, worker));
    return dns;
  }

  async addUser(ouDn: string, user: TestUser): Promise<string> {
    return (await this.addUsers(ouDn, [user]))[0]!;
  }

  /** Replaces (or, with null, removes) attributes, e.g. { givenName: "Robert", mail: null, otherTelephone: ["1", "2"] }. */
  async modify(dn: string, values: Record<string, string | string[] | null>): Promise<void> {
    const changes = Object.entries(values).map(
      ([type, value]) =>
        new Change({ operation: "replace", modification: new Attribute({ type, values: value === null ? [] : Array.isArray(value) ? value : [value] }) }),
    );
    await this.client.modify(dn, changes);
  }

  /** Changes the CN (the DN changes, objectGUID stays); returns the new DN. */
  async rename(dn: string, newCn: string): Promise<string> {
    const parent = dn.slice(dn.indexOf(",") + 1);
    await this.client.modifyDN(dn, `CN=${newCn},${parent}`);
    return `CN=${newCn},${parent}`;
  }

  async setDisabled(dn: string, disabled: boolean): Promise<void> {
    const { searchEntries } = await this.client.search(dn, { scope: "base", attributes: ["userAccountControl"] });
    const current = Number(searchEntries[0]?.userAccountControl ?? NORMAL);
    await this.modify(dn, { userAccountControl: String(disabled ? current | DISABLED : current & ~DISABLED) });
  }

  /** An administrator's password reset (replace), as "Reset password" in AD tools does. */
  async setPassword(dn: string, password: string): Promise<void> {
    await this.client.modify(dn, new Change({ operation: "replace", modification: new Attribute({ type: "unicodePwd", values: [unicodePwd(password)] }) }));
  }

  /** A global security group under `ouDn` holding the given members (users' or groups' DNs); returns its DN. */
  async addGroup(ouDn: string, name: string, memberDns: string[] = []): Promise<string> {
    const dn = `CN=${name},${ouDn}`;
    const attributes = [
      new Attribute({ type: "objectClass", values: ["top", "group"] }),
      new Attribute({ type: "cn", values: [name] }),
      new Attribute({ type: "sAMAccountName", values: [`g-${randomBytes(6).toString("hex")}`] }),
    ];
    if (memberDns.length > 0) attributes.push(new Attribute({ type: "member", values: memberDns }));
    await this.client.add(dn, attributes);
    return dn;
  }

  async delete(dn: string): Promise<void> {
    await this.client.del(dn);
  }

  /** Tree-deletes the OUs made here and disconnects. */
  async close(): Promise<void> {
    for (const dn of this.ous.splice(0)) await this.treeDelete(dn).catch(() => undefined);
    await this.client.unbind();
  }

  private async treeDelete(dn: string): Promise<void> {
    await this.client.del(dn, new Control(TREE_DELETE, { critical: true }));
  }

  private attributesOf(user: TestUser): Attribute[] {
    const flags = NORMAL | (user.disabled ? DISABLED : 0) | (user.password ? 0 : PASSWORD_NOT_REQUIRED);
    const text: Record<string, string | undefined> = {
      cn: user.sAMAccountName,
      sAMAccountName: user.sAMAccountName,
      userPrincipalName: user.userPrincipalName ?? `${user.sAMAccountName}@${this.upnSuffix}`,
      givenName: user.givenName,
      sn: user.sn,
      mail: user.mail,
      telephoneNumber: user.telephoneNumber,
      mobile: user.mobile,
      userAccountControl: String(flags),
    };
    const attributes = [new Attribute({ type: "objectClass", values: ["top", "person", "organizationalPerson", "user"] })];
    for (const [type, value] of Object.entries(text)) {
      if (value !== undefined) attributes.push(new Attribute({ type, values: [value] }));
    }
    for (const [type, value] of Object.entries(user.extra ?? {})) attributes.push(new Attribute({ type, values: Array.isArray(value) ? value : [value] }));
    if (user.password) attributes.push(new Attribute({ type: "unicodePwd", values: [unicodePwd(user.password)] }));
    return attributes;
  }
}

/** One SambaDirectory per test file, closed (and its OUs removed) after the file's tests. */
export function useSambaDirectory(): () => SambaDirectory {
  let directory: SambaDirectory | undefined;
  beforeAll(async () => {
    directory = await SambaDirectory.open();
  });
  afterAll(async () => {
    await directory?.close();
  });
  return () => {
    if (!directory) throw new Error("The Samba directory is not open yet (use it inside a test or hook).");
    return directory;
  };
}

/** AD takes a new password as the UTF-16LE bytes of the password in double quotes. */
function unicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, "utf16le");
}
