import { FaultInjector } from "../faults/fault-injector";
import { AppRegistration } from "./app-registration";
import { DirectoryError, notFound } from "./directory-error";
import { GroupDirectory } from "./group-directory";
import { guidFromName, randomGuid } from "./ids";
import { UserDirectory } from "./user-directory";
import { SubscriptionStore, type Outbound } from "../subscriptions/subscription-store";

/** How a delta token that has been expired answers: 400 syncStateNotFound or 410 Gone with Location. */
export type DeltaExpiry = "syncStateNotFound" | "gone";

/** Directory delta links live seven days (Microsoft 365 dev blog, 2020-07-03). */
export const DELTA_TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface AppInput {
  clientId?: string;
  displayName: string;
  permissions?: string[];
  redirectUris?: string[];
}

/** One Entra tenant: its directory, app registrations, faults and delta-token policy. */
export class Tenant {
  readonly users = new UserDirectory();
  readonly groups: GroupDirectory;
  readonly apps = new Map<string, AppRegistration>();
  readonly faults = new FaultInjector();
  readonly subscriptions: SubscriptionStore;
  /** Bumped by the admin API: every delta or skip token minted before is refused. */
  deltaEpoch = 0;
  deltaExpiry: DeltaExpiry = "syncStateNotFound";

  constructor(
    readonly id: string,
    readonly displayName: string,
    readonly domains: string[],
    readonly createdDateTime: string,
    outbound: () => Outbound = () => ({}),
  ) {
    this.groups = new GroupDirectory(this.users, () => this.defaultDomain);
    this.subscriptions = new SubscriptionStore(id, this.faults, outbound);
    this.users.onChange = (user) => this.subscriptions.userChanged(user);
  }

  get defaultDomain(): string {
    return this.domains[0]!;
  }

  createApp(input: AppInput): AppRegistration {
    const clientId = (input.clientId ?? randomGuid()).toLowerCase();
    if (this.apps.has(clientId)) throw new DirectoryError(409, `An application with client ID '${clientId}' already exists.`);
    const app = new AppRegistration(clientId, input.displayName, guidFromName(`service-principal:${this.id}:${clientId}`));
    for (const permission of input.permissions ?? []) app.permissions.add(permission);
    for (const uri of input.redirectUris ?? []) app.addRedirectUri(uri);
    this.apps.set(clientId, app);
    return app;
  }

  findApp(clientId: string): AppRegistration | undefined {
    return this.apps.get(clientId.toLowerCase());
  }

  app(clientId: string): AppRegistration {
    const app = this.findApp(clientId);
    if (!app) throw notFound("Application", clientId);
    return app;
  }

  expireDeltaTokens(answer: DeltaExpiry): void {
    this.deltaEpoch++;
    this.deltaExpiry = answer;
  }

  describe() {
    return {
      id: this.id,
      displayName: this.displayName,
      domains: [...this.domains],
      defaultDomain: this.defaultDomain,
      createdDateTime: this.createdDateTime,
      userCount: this.users.activeCount,
      groupCount: this.groups.list().length,
      apps: [...this.apps.values()].map((app) => app.describe()),
      faults: this.faults.describe(),
    };
  }
}

export type TenantDescription = ReturnType<Tenant["describe"]>;
