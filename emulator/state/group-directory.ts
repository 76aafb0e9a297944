import { DirectoryError, notFound } from "./directory-error";
import { randomGuid } from "./ids";
import type { UserDirectory } from "./user-directory";
import type { UserRecord } from "./user-record";

export interface GroupRecord {
  id: string;
  displayName: string;
  description: string | null;
  mailNickname: string;
  mail: string | null;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  createdDateTime: string;
  /** Direct members: user or group IDs, in the order they were added. */
  memberIds: Set<string>;
}

export interface GroupInput {
  id?: string;
  displayName: string;
  description?: string | null;
  mailNickname?: string;
  mailEnabled?: boolean;
  securityEnabled?: boolean;
  groupTypes?: string[];
  memberIds?: string[];
}

export type DirectoryMember = { kind: "user"; user: UserRecord } | { kind: "group"; group: GroupRecord };

/**
 * Groups with nested membership. Transitive expansion is cached per
 * (membership version, user change sequence) so paging through a large group
 * does not redo the walk for every page.
 */
export class GroupDirectory {
  private readonly groups = new Map<string, GroupRecord>();
  private version = 0;
  private readonly cache = new Map<string, { key: string; members: DirectoryMember[] }>();

  constructor(
    private readonly users: UserDirectory,
    private readonly domain: () => string,
  ) {}

  list(): GroupRecord[] {
    return [...this.groups.values()];
  }

  find(id: string): GroupRecord | undefined {
    return this.groups.get(id.toLowerCase());
  }

  get(id: string): GroupRecord {
    const group = this.find(id);
    if (!group) throw notFound("Group", id);
    return group;
  }

  create(input: GroupInput, now = new Date().toISOString()): GroupRecord {
    const id = (input.id ?? randomGuid()).toLowerCase();
    if (this.groups.has(id)) throw new DirectoryError(409, `A group with id '${id}' already exists.`);
    const mailNickname = input.mailNickname ?? input.displayName.replace(/[^A-Za-z0-9]/g, "");
    const mailEnabled = input.mailEnabled ?? false;
    const group: GroupRecord = {
      id,
      displayName: input.displayName,
      description: input.description ?? null,
      mailNickname,
      mail: mailEnabled ? `${mailNickname}@${this.domain()}` : null,
      mailEnabled,
      securityEnabled: input.securityEnabled ?? true,
      groupTypes: input.groupTypes ?? [],
      createdDateTime: now,
      memberIds: new Set(),
    };
    this.groups.set(id, group);
    for (const memberId of input.memberIds ?? []) this.addMember(id, memberId);
    this.version++;
    return group;
  }

  addMember(groupId: string, memberId: string): void {
    const group = this.get(groupId);
    const id = memberId.toLowerCase();
    if (id === group.id) throw new DirectoryError(400, "A group cannot be a member of itself.");
    if (!this.groups.has(id) && !this.users.find(id)) throw notFound("Directory object", memberId);
    if (group.memberIds.has(id))
      throw new DirectoryError(409, "One or more added object references already exist for the following modified properties: 'members'.");
    group.memberIds.add(id);
    this.version++;
  }

  removeMember(groupId: string, memberId: string): void {
    const group = this.get(groupId);
    if (!group.memberIds.delete(memberId.toLowerCase())) throw notFound("Member", memberId);
    this.version++;
  }

  /** Every user and group reachable from `groupId`, each once, cycles tolerated. */
  transitiveMembers(groupId: string): DirectoryMember[] {
    const root = this.get(groupId);
    const key = `${this.version}:${this.users.lastSeq}`;
    const cached = this.cache.get(root.id);
    if (cached?.key === key) return cached.members;
    const members: DirectoryMember[] = [];
    const seen = new Set<string>([root.id]);
    const queue: GroupRecord[] = [root];
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const id of group.memberIds) {
        if (seen.has(id)) continue;
        seen.add(id);
        const nested = this.groups.get(id);
        if (nested) {
          members.push({ kind: "group", group: nested });
          queue.push(nested);
          continue;
        }
        const user = this.users.find(id);
        // Soft-deleted users keep their memberships but Graph hides them until restored.
        if (user?.state === "active") members.push({ kind: "user", user });
      }
    }
    this.cache.set(root.id, { key, members });
    return members;
  }
}
