"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors";
import { checkbox, uuid } from "@/lib/validation/fields";
import { emitWebhookEvents } from "@/lib/webhook-events/emit-events";
import { endpointInput } from "@/lib/webhooks/endpoint-input";
import { createEndpoint, deleteEndpoint, getEndpoint, rotateEndpointSecret, updateEndpoint } from "@/lib/webhooks/endpoints";
import { testEventType } from "@/lib/webhook-events/event-types";

const screen = "/authority/webhooks";

export const createEndpointAction = defineCustomerAction({ permission: "settings:manage", input: endpointInput }, async ({ actor }, input) => {
  const { id, secret } = await createEndpoint(actor, input);
  revalidatePath(screen);
  // The only time the secret leaves the server: the manager copies it into the receiver now.
  return { status: "success" as const, message: "Endpoint added. Copy its signing secret now: it is not shown again.", data: { id, secret } };
});

export const updateEndpointAction = defineCustomerAction(
  { permission: "settings:manage", input: endpointInput.extend({ id: uuid, enabled: checkbox }) },
  async ({ actor }, input) => {
    await updateEndpoint(actor, input);
    revalidatePath(screen);
    return { status: "success", message: input.enabled ? "Saved." : "Saved. The endpoint is disabled: nothing is sent to it." };
  },
);

export const deleteEndpointAction = defineCustomerAction({ permission: "settings:manage", input: z.object({ id: uuid }) }, async ({ actor }, { id }) => {
  await deleteEndpoint(actor, { id });
  revalidatePath(screen);
  return { status: "success", message: "Endpoint deleted, with its delivery log." };
});

// The credential panel (components/phonebooks/credential-panel.tsx) posts what it replaces as `kind`: here, the endpoint.
export const rotateEndpointSecretAction = defineCustomerAction(
  { permission: "settings:manage", input: z.object({ kind: uuid }) },
  async ({ actor }, { kind }) => {
    const secret = await rotateEndpointSecret(actor, { id: kind });
    revalidatePath(screen);
    return {
      status: "success" as const,
      message: "New signing secret created; the old one no longer signs. Copy it now: it is not shown again.",
      data: secret,
    };
  },
);

export const sendTestEventAction = defineCustomerAction({ permission: "settings:manage", input: z.object({ id: uuid }) }, async ({ actor }, { id }) => {
  const endpoint = await getEndpoint({ customerId: actor.customerId, id });
  if (!endpoint.enabled) throw new AppError("conflict", "The endpoint is disabled: enable it first.");
  await emitWebhookEvents(actor.customerId, [{ type: testEventType, orderKey: null, data: { message: "A test event from Switchboard.", endpointId: id } }], id);
  revalidatePath(`${screen}/${id}`);
  return { status: "success", message: "Test event queued: it shows in the delivery log below." };
});
