import type { FaultSettings, GraphFault, IdTokenFlaw, NotificationFault } from "./fault-settings";
import { ResourceUnitMeter, type ResourceUnitCounts } from "./resource-unit-meter";

export type FaultState = {
  settings: FaultSettings;
  graphRequestsSinceSet: number;
  unavailableLeft: number;
  resetsLeft: number;
  tokenOutageLeft: number;
  resourceUnits: ResourceUnitCounts;
  notificationDropsLeft: number;
  notificationDuplicatesLeft: number;
  /** Graph requests waiting on the `hold` fault now. */
  heldRequests: number;
};

/**
 * Decides, request by request, which configured fault (if any) a tenant's
 * request suffers. Counters start when faults are set, so "every 3rd request"
 * means the 3rd, 6th, ... request after the admin call, which tests can rely on.
 */
export class FaultInjector {
  private settings: FaultSettings = {};
  private graphRequests = 0;
  private throttleUntil = 0;
  private unavailableLeft = 0;
  private resetsLeft = 0;
  private tokenOutageLeft = 0;
  private tokenOutageUntil = 0;
  private meter = new ResourceUnitMeter();
  private notificationDropsLeft = 0;
  private notificationDuplicatesLeft = 0;
  private arrivals = 0;
  private held = 0;
  private releaseHeld = () => {};
  private heldUntilSet = Promise.resolve();

  set(settings: FaultSettings, now = Date.now()): void {
    this.settings = settings;
    this.graphRequests = 0;
    this.throttleUntil = settings.throttle?.forSeconds ? now + settings.throttle.forSeconds * 1000 : 0;
    this.unavailableLeft = settings.unavailable?.burst ?? 0;
    this.resetsLeft = settings.resetMidPage?.next ?? 0;
    this.tokenOutageLeft = settings.tokenOutage?.requests ?? 0;
    this.tokenOutageUntil = settings.tokenOutage?.forSeconds ? now + settings.tokenOutage.forSeconds * 1000 : 0;
    this.meter = new ResourceUnitMeter();
    this.notificationDropsLeft = settings.notifications?.drop ?? 0;
    this.notificationDuplicatesLeft = settings.notifications?.duplicate ?? 0;
    this.arrivals = 0;
    this.releaseHeld();
    this.heldUntilSet = new Promise((resolve) => (this.releaseHeld = resolve));
  }

  clear(): void {
    this.set({});
  }

  describe(): FaultState {
    return {
      settings: this.settings,
      graphRequestsSinceSet: this.graphRequests,
      unavailableLeft: this.unavailableLeft,
      resetsLeft: this.resetsLeft,
      tokenOutageLeft: this.tokenOutageLeft,
      resourceUnits: this.meter.describe(),
      notificationDropsLeft: this.notificationDropsLeft,
      notificationDuplicatesLeft: this.notificationDuplicatesLeft,
      heldRequests: this.held,
    };
  }

  get idTokenFlaw(): IdTokenFlaw | undefined {
    return this.settings.idToken;
  }

  /**
   * Retry-After on the outage's 503s. msal-node holds back a client's token
   * requests for as long as it says — 60 s when it is missing or 0 — so tests
   * that want an outage to pass quickly send 1.
   */
  get tokenOutageRetryAfterSeconds(): number | undefined {
    return this.settings.tokenOutage?.retryAfterSeconds;
  }

  /** Resolves at once, or — past the `hold` fault's first requests — when the faults are next set or cleared. */
  async holdGraphRequest(): Promise<void> {
    const hold = this.settings.hold;
    if (!hold || ++this.arrivals <= hold.after) return;
    this.held++;
    await this.heldUntilSet;
    this.held--;
  }

  /** This request's added latency: constant, or drawn from the log-normal distribution (Box–Muller). */
  get latencyMs(): number {
    const latency = this.settings.latency;
    if (!latency) return this.settings.latencyMs ?? 0;
    const normal = Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
    return Math.min(latency.medianMs * 10, Math.round(latency.medianMs * Math.exp(latency.sigma * normal)));
  }

  /** With resource-unit throttling on: 0 when the request may pass, else its Retry-After in seconds. */
  chargeResourceUnits(clientId: string, cost: number, tenantUsers: number, quotaOf: (users: number) => number): number {
    const settings = this.settings.resourceUnits;
    if (!settings) return 0;
    return this.meter.charge(clientId, cost, settings.perTenSeconds ?? quotaOf(tenantUsers));
  }

  nextGraphFault(now = Date.now()): GraphFault | undefined {
    this.graphRequests++;
    const throttle = this.settings.throttle;
    if (throttle) {
      if (now < this.throttleUntil) {
        const remaining = Math.ceil((this.throttleUntil - now) / 1000);
        return { kind: "throttle", retryAfterSeconds: throttle.retryAfterSeconds ?? remaining };
      }
      if (throttle.everyNth && this.graphRequests % throttle.everyNth === 0) {
        return { kind: "throttle", retryAfterSeconds: throttle.retryAfterSeconds ?? 1 };
      }
    }
    if (this.unavailableLeft > 0 && this.graphRequests > (this.settings.unavailable?.after ?? 0)) {
      this.unavailableLeft--;
      return { kind: "unavailable", retryAfterSeconds: this.settings.unavailable?.retryAfterSeconds };
    }
    const reset = this.settings.resetMidPage;
    if (this.resetsLeft > 0) {
      this.resetsLeft--;
      return { kind: "reset" };
    }
    if (reset?.everyNth && this.graphRequests % reset.everyNth === 0) return { kind: "reset" };
    return undefined;
  }

  /** What happens to the next change notification: dropped first, then duplicated, each delayed. */
  nextNotificationFault(): NotificationFault {
    const delayMs = this.settings.notifications?.delayMs ?? 0;
    if (this.notificationDropsLeft > 0) {
      this.notificationDropsLeft--;
      return { drop: true, duplicate: false, delayMs };
    }
    const duplicate = this.notificationDuplicatesLeft > 0;
    if (duplicate) this.notificationDuplicatesLeft--;
    return { drop: false, duplicate, delayMs };
  }

  tokenEndpointDown(now = Date.now()): boolean {
    if (now < this.tokenOutageUntil) return true;
    if (this.tokenOutageLeft > 0) {
      this.tokenOutageLeft--;
      return true;
    }
    return false;
  }
}
