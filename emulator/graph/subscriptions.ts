import { z } from "zod";
import { readJson } from "../http/read-body";
import { sendJson } from "../http/send";
import { changeTypes, describeSubscription } from "../subscriptions/subscription-record";
import type { GraphHandler } from "./graph-handler";
import { graphHeaders, odataContext } from "./graph-handler";
import { GraphError } from "./graph-error";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Graph takes HTTPS notification URLs only. The emulator also takes plain
 * HTTP to a loopback address, so a test's receiver needs no certificate.
 */
const endpointUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
    } catch {
      return false;
    }
  }, "must be an https URL");

const changeTypeList = z
  .string()
  .transform((value) => value.split(",").map((part) => part.trim()))
  .pipe(z.array(z.enum(changeTypes)).min(1));

const createBody = z.object({
  changeType: changeTypeList,
  notificationUrl: endpointUrl,
  lifecycleNotificationUrl: endpointUrl.nullish(),
  resource: z.string().regex(/^\/?users$/i, "only 'users' is supported by the emulator"),
  expirationDateTime: z.string().min(1),
  clientState: z.string().max(128).nullish(),
});
const renewBody = z.object({ expirationDateTime: z.string().min(1) });

async function parse<T>(schema: z.ZodType<T>, ctx: Parameters<GraphHandler>[0]): Promise<T> {
  const parsed = schema.safeParse(await readJson(ctx.req));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new GraphError(400, "InvalidRequest", `Invalid ${issue.path.join(".") || "body"}: ${issue.message}.`);
}

/** POST /subscriptions: validates the endpoints (Graph's handshake) before answering 201. */
export const createSubscription: GraphHandler = async (ctx, caller) => {
  const input = await parse(createBody, ctx);
  const record = await caller.tenant.subscriptions.create(
    { ...input, changeTypes: input.changeType, resource: input.resource.replace(/^\//, "") },
    caller.clientId,
    caller.userId ?? caller.tenant.app(caller.clientId).servicePrincipalId,
  );
  sendJson(ctx, 201, { "@odata.context": odataContext(ctx, "subscriptions/$entity"), ...describeSubscription(record) }, graphHeaders(ctx));
};

export const listSubscriptions: GraphHandler = (ctx, caller) => {
  const value = caller.tenant.subscriptions.list(caller.clientId).map(describeSubscription);
  sendJson(ctx, 200, { "@odata.context": odataContext(ctx, "subscriptions"), value }, graphHeaders(ctx));
};

export const getSubscription: GraphHandler = (ctx, caller) => {
  const record = caller.tenant.subscriptions.get(ctx.params.id!, caller.clientId);
  sendJson(ctx, 200, { "@odata.context": odataContext(ctx, "subscriptions/$entity"), ...describeSubscription(record) }, graphHeaders(ctx));
};

/** PATCH renews: a new expiry, and a subscription that needed reauthorization is authorized again. */
export const renewSubscription: GraphHandler = async (ctx, caller) => {
  const input = await parse(renewBody, ctx);
  const record = caller.tenant.subscriptions.renew(ctx.params.id!, caller.clientId, input.expirationDateTime);
  sendJson(ctx, 200, { "@odata.context": odataContext(ctx, "subscriptions/$entity"), ...describeSubscription(record) }, graphHeaders(ctx));
};

export const reauthorizeSubscription: GraphHandler = (ctx, caller) => {
  caller.tenant.subscriptions.reauthorize(ctx.params.id!, caller.clientId);
  ctx.res.writeHead(204, graphHeaders(ctx)).end();
};

export const deleteSubscription: GraphHandler = (ctx, caller) => {
  caller.tenant.subscriptions.delete(ctx.params.id!, caller.clientId);
  ctx.res.writeHead(204, graphHeaders(ctx)).end();
};

/** Method, path and handler of each subscription endpoint (Graph's `/subscriptions`). */
export function subscriptionRoutes() {
  return [
    ["POST", "/v1.0/subscriptions", createSubscription],
    ["GET", "/v1.0/subscriptions", listSubscriptions],
    ["GET", "/v1.0/subscriptions/:id", getSubscription],
    ["PATCH", "/v1.0/subscriptions/:id", renewSubscription],
    ["DELETE", "/v1.0/subscriptions/:id", deleteSubscription],
    ["POST", "/v1.0/subscriptions/:id/reauthorize", reauthorizeSubscription],
  ] as const;
}
