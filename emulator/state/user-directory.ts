import { DirectoryError, notFound } from "./directory-error";
import { randomGuid } from "./ids";
import { hashPassword } from "./passwords";
import type { UserInput, UserPatch } from "./user-input";
import { mergeExtensionAttributes, newUserRecord, type UserRecord } from "./user-record";

/**
 * A tenant's users in insertion order, with a change log indexed by sequence
 * number. Listing pages walk `slots` from a cursor ordinal; delta rounds walk
 * `changeLog` from a sequence number. Neither ever sorts or copies the whole
 * tenant, so a page costs the same with 2,000 or 1,000,000 users.
 */
export class UserDirectory {
  private readonly slots: UserRecord[] = [];
  private readonly byId = new Map<string, UserRecord>();
  private readonly byUpn = new Map<string, UserRecord>();
  /** changeLog[seq] = ordinal of the user changed at that sequence number (index 0 unused). */
  private readonly changeLog: number[] = [0];
  private active = 0;
  /** Told of every recorded change (the tenant's subscriptions listen here). */
  onChange: ((user: UserRecord) => void) | undefined;

  get slotCount(): number {
    return this.slots.length;
  }

  get lastSeq(): number {
    return this.changeLog.length - 1;
  }

  get activeCount(): number {
    return this.active;
  }

  slotAt(ordinal: number): UserRecord | undefined {
    return this.slots[ordinal];
  }

  /** The user whose change was recorded under `seq`, in its current state. */
  userAtSeq(seq: number): UserRecord | undefined {
    const ordinal = this.changeLog[seq];
    return ordinal === undefined ? undefined : this.slots[ordinal];
  }

  /** Any user that has not been hard-deleted, including soft-deleted ones. */
  find(id: string): UserRecord | undefined {
    return this.byId.get(id.toLowerCase());
  }

  findByUpn(userPrincipalName: string): UserRecord | undefined {
    return this.byUpn.get(userPrincipalName.toLowerCase());
  }

  get(id: string): UserRecord {
    const user = this.find(id);
    if (!user) throw notFound("User", id);
    return user;
  }

  /**
   * `checked: false` is for bulk generation, whose UPNs and managers were just
   * looked up; skipping the repeat lookups saves seconds per million users.
   */
  create(input: UserInput, passwordHash?: string | null, now = new Date().toISOString(), checked = true): UserRecord {
    const id = (input.id ?? randomGuid()).toLowerCase();
    if (this.byId.has(id)) throw new DirectoryError(409, `A user with id '${id}' already exists.`);
    if (checked) {
      this.assertUpnFree(input.userPrincipalName);
      if (input.managerId) this.get(input.managerId);
    }
    const hash = passwordHash !== undefined ? passwordHash : input.password ? hashPassword(input.password) : null;
    const user = newUserRecord(id, input, this.slots.length, hash, now);
    this.slots.push(user);
    this.byId.set(id, user);
    this.byUpn.set(user.userPrincipalName.toLowerCase(), user);
    this.active++;
    this.recordChange(user);
    return user;
  }

  update(id: string, patch: UserPatch): UserRecord {
    const user = this.get(id);
    if (user.state !== "active") throw new DirectoryError(409, `User '${id}' is deleted; restore it before changing it.`);
    if (patch.userPrincipalName && patch.userPrincipalName.toLowerCase() !== user.userPrincipalName.toLowerCase()) {
      this.assertUpnFree(patch.userPrincipalName);
      this.byUpn.delete(user.userPrincipalName.toLowerCase());
      this.byUpn.set(patch.userPrincipalName.toLowerCase(), user);
    }
    if (patch.managerId) {
      if (patch.managerId.toLowerCase() === user.id) throw new DirectoryError(400, "A user cannot be their own manager.");
      this.get(patch.managerId);
    }
    const { password, onPremisesExtensionAttributes, ...properties } = patch;
    user.onPremisesExtensionAttributes = mergeExtensionAttributes(user.onPremisesExtensionAttributes, onPremisesExtensionAttributes);
    for (const [key, value] of Object.entries(properties)) {
      if (value !== undefined) (user as unknown as Record<string, unknown>)[key] = value;
    }
    if (password !== undefined) user.passwordHash = password === null ? null : hashPassword(password);
    this.recordChange(user);
    return user;
  }

  softDelete(id: string, now = new Date().toISOString()): UserRecord {
    const user = this.get(id);
    if (user.state !== "active") throw new DirectoryError(409, `User '${id}' is already deleted.`);
    user.state = "softDeleted";
    user.deletedDateTime = now;
    this.active--;
    this.recordChange(user);
    return user;
  }

  restore(id: string): UserRecord {
    const user = this.get(id);
    if (user.state !== "softDeleted") throw new DirectoryError(409, `User '${id}' is not in deleted items.`);
    user.state = "active";
    user.deletedDateTime = null;
    this.active++;
    this.recordChange(user);
    return user;
  }

  /** Gone for good: the ID stays in the slot so delta can still report it as deleted. */
  hardDelete(id: string, now = new Date().toISOString()): UserRecord {
    const user = this.get(id);
    if (user.state === "active") this.active--;
    user.state = "hardDeleted";
    user.deletedDateTime = user.deletedDateTime ?? now;
    user.passwordHash = null;
    this.byId.delete(user.id);
    this.byUpn.delete(user.userPrincipalName.toLowerCase());
    this.recordChange(user);
    return user;
  }

  private assertUpnFree(userPrincipalName: string): void {
    if (this.byUpn.has(userPrincipalName.toLowerCase())) {
      throw new DirectoryError(409, `Another object with the same value for property userPrincipalName already exists: '${userPrincipalName}'.`);
    }
  }

  private recordChange(user: UserRecord): void {
    user.changeSeq = this.changeLog.length;
    this.changeLog.push(user.ordinal);
    this.onChange?.(user);
  }
}
