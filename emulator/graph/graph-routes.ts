import type { Router } from "../http/router";
import type { EmulatorServices } from "../services";
import { countUsers, getManager, getMe, getUser } from "./get-user";
import { groupMembers } from "./group-members";
import { graphHandler } from "./graph-handler";
import { getGroup, listGroups } from "./list-groups";
import { listUsers } from "./list-users";
import { getOrganization } from "./organization";
import { subscriptionRoutes } from "./subscriptions";
import { usersDelta } from "./users-delta";

/** Microsoft Graph v1.0 on the emulator's origin. Specific paths come before `/:id` ones. */
export function registerGraphRoutes(router: Router, services: EmulatorServices): void {
  const on = (path: string, operation: Parameters<typeof graphHandler>[1], handle: Parameters<typeof graphHandler>[2]) =>
    router.get(path, graphHandler(services, operation, handle));
  on("/v1.0/users", "readUsers", listUsers(services));
  on("/v1.0/users/delta", "readUsers", usersDelta(services));
  on("/v1.0/users/microsoft.graph.delta()", "readUsers", usersDelta(services));
  on("/v1.0/users/$count", "readUsers", countUsers);
  on("/v1.0/users/:id", "readUsers", getUser);
  on("/v1.0/users/:id/manager", "readUsers", getManager);
  on("/v1.0/me", "readMe", getMe);
  on("/v1.0/groups", "readGroups", listGroups(services));
  on("/v1.0/groups/:id", "readGroups", getGroup);
  on("/v1.0/groups/:id/members", "readGroups", groupMembers(services, { transitive: false }));
  on("/v1.0/groups/:id/transitiveMembers", "readGroups", groupMembers(services, { transitive: true }));
  on("/v1.0/groups/:id/transitiveMembers/microsoft.graph.user", "readGroups", groupMembers(services, { transitive: true, only: "user" }));
  on("/v1.0/groups/:id/transitiveMembers/microsoft.graph.group", "readGroups", groupMembers(services, { transitive: true, only: "group" }));
  on("/v1.0/organization", "readOrganization", getOrganization);
  // Subscriptions on users need what reading users needs.
  for (const [method, path, handle] of subscriptionRoutes()) router.on(method, path, graphHandler(services, "readUsers", handle));
}
