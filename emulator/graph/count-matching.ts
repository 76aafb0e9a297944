import type { UserDirectory } from "../state/user-directory";
import type { UserRecord } from "../state/user-record";
import type { CompiledFilter } from "./odata-filter";

/** Live users matching a filter. O(tenant) by nature, so only $count asks for it, once per listing. */
export function countMatching(users: UserDirectory, filter?: CompiledFilter<UserRecord>): number {
  if (!filter) return users.activeCount;
  let count = 0;
  for (let ordinal = 0; ordinal < users.slotCount; ordinal++) {
    const user = users.slotAt(ordinal)!;
    if (user.state === "active" && filter.test(user)) count++;
  }
  return count;
}
