import { GraphError } from "../graph/graph-error";
import type { FaultInjector } from "../faults/fault-injector";
import { randomGuid } from "../state/ids";
import type { UserRecord } from "../state/user-record";
import { EndpointTimeout, postToEndpoint } from "./post-to-endpoint";
import { describeSubscription, type ChangeType, type LifecycleEvent, type SubscriptionRecord } from "./subscription-record";

/** Graph's longest subscription on users and groups: 41,760 minutes (29 days). */
export const MAX_USER_SUBSCRIPTION_MINUTES = 41_760;
/** An expiry under 45 minutes away is moved to 45 minutes, as Graph does. */
const MIN_SUBSCRIPTION_MINUTES = 45;
/** Graph waits 10 s for the validation answer. */
export const GRAPH_VALIDATION_TIMEOUT_MS = 10_000;
const DELIVERY_TIMEOUT_MS = 10_000;
const DELIVERY_LOG_LIMIT = 2_000;

/** Per tenant, for tests: a shorter validation limit, and a subscription clock moved with the portal's test clock. */
export interface SubscriptionPolicy {
  validationTimeoutMs: number;
  clockOffsetMs: number;
}

export type DeliveryKind = "validation" | "change" | "lifecycle" | "forged";
export interface Delivery {
  seq: number;
  at: string;
  kind: DeliveryKind;
  subscriptionId: string;
  changeType?: ChangeType;
  lifecycleEvent?: LifecycleEvent;
  resource?: string;
  outcome: "delivered" | "dropped" | "withheld" | "refused" | "failed" | "timeout";
  status?: number;
}

export interface SubscriptionInput {
  resource: string;
  changeTypes: ChangeType[];
  notificationUrl: string;
  lifecycleNotificationUrl?: string | null;
  clientState?: string | null;
  expirationDateTime: string;
}

/** Where notifications go out: the CAs an HTTPS receiver may be signed by. */
export interface Outbound {
  ca?: string[];
}

/**
 * One tenant's Graph subscriptions: created with Graph's validation
 * handshake, renewed, reauthorized, deleted; and the change notifications
 * and lifecycle events they receive, through the tenant's notification faults.
 */
export class SubscriptionStore {
  private readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly policy: SubscriptionPolicy = { validationTimeoutMs: GRAPH_VALIDATION_TIMEOUT_MS, clockOffsetMs: 0 };
  private readonly deliveries: Delivery[] = [];
  private deliverySeq = 0;
  private sequenceNumber = 0;
  /** Deliveries started and not yet finished, so tests can wait for quiet. */
  private inFlight = 0;

  constructor(
    private readonly tenantId: string,
    private readonly faults: FaultInjector,
    private readonly outbound: () => Outbound,
  ) {}

  now(): number {
    return Date.now() + this.policy.clockOffsetMs;
  }

  setPolicy(policy: Partial<SubscriptionPolicy>): SubscriptionPolicy {
    Object.assign(this.policy, policy);
    return { ...this.policy };
  }

  /** Live subscriptions; expired ones are gone, as Graph deletes them. */
  list(applicationId?: string): SubscriptionRecord[] {
    const now = this.now();
    for (const [id, record] of this.subscriptions) if (record.expiresAt <= now) this.subscriptions.delete(id);
    return [...this.subscriptions.values()].filter((record) => !applicationId || record.applicationId === applicationId);
  }

  /** A live subscription of this app (another app's is as unknown to it as a missing one). */
  get(id: string, applicationId?: string): SubscriptionRecord {
    const record = this.list(applicationId).find((candidate) => candidate.id === id.toLowerCase());
    if (!record) throw new GraphError(404, "ResourceNotFound", `The object was not found. Subscription '${id}' does not exist or has expired.`);
    return record;
  }

  async create(input: SubscriptionInput, applicationId: string, creatorId: string): Promise<SubscriptionRecord> {
    const record: SubscriptionRecord = {
      id: randomGuid(),
      resource: input.resource,
      changeTypes: input.changeTypes,
      notificationUrl: input.notificationUrl,
      lifecycleNotificationUrl: input.lifecycleNotificationUrl ?? null,
      clientState: input.clientState ?? null,
      expiresAt: this.expiry(input.expirationDateTime),
      applicationId,
      creatorId,
      needsReauthorization: false,
    };
    const urls = new Set([record.notificationUrl, ...(record.lifecycleNotificationUrl ? [record.lifecycleNotificationUrl] : [])]);
    for (const url of urls) await this.validate(record.id, url);
    this.subscriptions.set(record.id, record);
    return record;
  }

  renew(id: string, applicationId: string, expirationDateTime: string): SubscriptionRecord {
    const record = this.get(id, applicationId);
    record.expiresAt = this.expiry(expirationDateTime);
    record.needsReauthorization = false;
    return record;
  }

  reauthorize(id: string, applicationId: string): void {
    this.get(id, applicationId).needsReauthorization = false;
  }

  delete(id: string, applicationId?: string): SubscriptionRecord {
    const record = this.get(id, applicationId);
    this.subscriptions.delete(record.id);
    return record;
  }

  /** Called for every change the directory records: `updated` for create, update, disable, soft delete and restore; `deleted` when gone for good. */
  userChanged(user: UserRecord): void {
    if (this.subscriptions.size === 0) return;
    const changeType: ChangeType = user.state === "hardDeleted" ? "deleted" : "updated";
    for (const record of this.list()) {
      if (!/^\/?users$/i.test(record.resource) || !record.changeTypes.includes(changeType)) continue;
      const kind = "change" as const;
      if (record.needsReauthorization) {
        this.log({ kind, subscriptionId: record.id, changeType, resource: `Users/${user.id}`, outcome: "withheld" });
        continue;
      }
      const item = this.changeItem(record, changeType, user.id);
      this.deliverWithFaults(record, item, changeType);
    }
  }

  /** Sends a lifecycle event; `subscriptionRemoved` also deletes the subscription, `reauthorizationRequired` holds notifications back. */
  lifecycle(id: string, event: LifecycleEvent): Promise<Delivery> {
    const record = this.get(id);
    if (event === "subscriptionRemoved") this.subscriptions.delete(record.id);
    if (event === "reauthorizationRequired") record.needsReauthorization = true;
    const url = record.lifecycleNotificationUrl ?? record.notificationUrl;
    const item = {
      subscriptionId: record.id,
      subscriptionExpirationDateTime: new Date(record.expiresAt).toISOString(),
      tenantId: this.tenantId,
      clientState: record.clientState,
      lifecycleEvent: event,
    };
    return this.deliver(url, { value: [item] }, { kind: "lifecycle", subscriptionId: record.id, lifecycleEvent: event });
  }

  /** A notification that did not come from Graph: another clientState, subscription or tenant, sent to the subscription's URL. */
  forge(id: string, overrides: { clientState?: string | null; subscriptionId?: string; tenantId?: string; userId?: string }): Promise<Delivery> {
    const record = this.get(id);
    const item = { ...this.changeItem(record, "updated", overrides.userId ?? randomGuid()) };
    if (overrides.clientState !== undefined) item.clientState = overrides.clientState;
    if (overrides.subscriptionId) item.subscriptionId = overrides.subscriptionId;
    if (overrides.tenantId) item.tenantId = overrides.tenantId;
    return this.deliver(
      record.notificationUrl,
      { value: [item] },
      { kind: "forged", subscriptionId: item.subscriptionId, changeType: "updated", resource: item.resource },
    );
  }

  deliveryLog(sinceSeq = 0): { deliveries: Delivery[]; inFlight: number } {
    return { deliveries: this.deliveries.filter((d) => d.seq > sinceSeq), inFlight: this.inFlight };
  }

  describe() {
    return {
      policy: { ...this.policy },
      subscriptions: this.list().map((record) => ({ ...describeSubscription(record), needsReauthorization: record.needsReauthorization })),
    };
  }

  private changeItem(record: SubscriptionRecord, changeType: ChangeType, userId: string) {
    return {
      id: randomGuid(),
      subscriptionId: record.id,
      subscriptionExpirationDateTime: new Date(record.expiresAt).toISOString(),
      changeType,
      resource: `Users/${userId}`,
      resourceData: {
        "@odata.type": "#Microsoft.Graph.User",
        "@odata.id": `Users/${userId}`,
        id: userId,
        organizationId: this.tenantId,
        sequenceNumber: ++this.sequenceNumber,
      },
      clientState: record.clientState,
      tenantId: this.tenantId,
    };
  }

  private deliverWithFaults(record: SubscriptionRecord, item: ReturnType<SubscriptionStore["changeItem"]>, changeType: ChangeType): void {
    const fault = this.faults.nextNotificationFault();
    const meta = { kind: "change" as const, subscriptionId: record.id, changeType, resource: item.resource };
    if (fault.drop) {
      this.log({ ...meta, outcome: "dropped" });
      return;
    }
    const send = () => {
      void this.deliver(record.notificationUrl, { value: [item] }, meta);
      // Graph may deliver a notification more than once: the same item, same id.
      if (fault.duplicate) void this.deliver(record.notificationUrl, { value: [item] }, meta);
    };
    if (fault.delayMs > 0) {
      this.inFlight++;
      setTimeout(() => {
        this.inFlight--;
        send();
      }, fault.delayMs).unref();
    } else send();
  }

  private async deliver(url: string, body: unknown, meta: Omit<Delivery, "seq" | "at" | "outcome" | "status">): Promise<Delivery> {
    this.inFlight++;
    try {
      const answer = await postToEndpoint(new URL(url), JSON.stringify(body), {
        contentType: "application/json; charset=utf-8",
        timeoutMs: DELIVERY_TIMEOUT_MS,
        ca: this.outbound().ca,
      });
      return this.log({ ...meta, outcome: answer.status >= 200 && answer.status < 300 ? "delivered" : "refused", status: answer.status });
    } catch (error) {
      return this.log({ ...meta, outcome: error instanceof EndpointTimeout ? "timeout" : "failed" });
    } finally {
      this.inFlight--;
    }
  }

  /** Graph's handshake: POST ?validationToken=…, expecting 200 with the token as text/plain within the time limit. */
  private async validate(subscriptionId: string, url: string): Promise<void> {
    const target = new URL(url);
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomGuid()}`;
    target.searchParams.set("validationToken", token);
    const meta = { kind: "validation" as const, subscriptionId };
    try {
      const answer = await postToEndpoint(target, "", {
        contentType: "text/plain; charset=utf-8",
        timeoutMs: this.policy.validationTimeoutMs,
        ca: this.outbound().ca,
      });
      const ok = answer.status === 200 && answer.contentType.toLowerCase().startsWith("text/plain") && answer.text === token;
      this.log({ ...meta, outcome: ok ? "delivered" : "refused", status: answer.status });
      if (!ok) {
        throw new GraphError(
          400,
          "ValidationError",
          `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. Response status code: ${answer.status}.`,
        );
      }
    } catch (error) {
      if (error instanceof GraphError) throw error;
      const timedOut = error instanceof EndpointTimeout;
      this.log({ ...meta, outcome: timedOut ? "timeout" : "failed" });
      throw new GraphError(
        400,
        "ValidationError",
        timedOut ? "Subscription validation request timed out." : `Subscription validation request failed. ${(error as Error).message}`,
      );
    }
  }

  private expiry(expirationDateTime: string): number {
    const requested = Date.parse(expirationDateTime);
    if (Number.isNaN(requested)) throw new GraphError(400, "InvalidRequest", "expirationDateTime is not a valid date.");
    const now = this.now();
    if (requested > now + MAX_USER_SUBSCRIPTION_MINUTES * 60_000) {
      throw new GraphError(400, "InvalidRequest", `Subscription expiration can only be ${MAX_USER_SUBSCRIPTION_MINUTES} minutes in the future.`);
    }
    return Math.max(requested, now + MIN_SUBSCRIPTION_MINUTES * 60_000);
  }

  private log(entry: Omit<Delivery, "seq" | "at">): Delivery {
    const delivery = { seq: ++this.deliverySeq, at: new Date().toISOString(), ...entry };
    this.deliveries.push(delivery);
    if (this.deliveries.length > DELIVERY_LOG_LIMIT) this.deliveries.shift();
    return delivery;
  }
}
