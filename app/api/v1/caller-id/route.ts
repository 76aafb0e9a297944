import { defineCallerIdRoute } from "@/lib/caller-id/define-caller-id-route";
import { lookUpCaller } from "@/lib/caller-id/look-up-caller";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** `GET /api/v1/caller-id?number=…` with the customer's caller-ID key: who is calling. */
export const GET = defineCallerIdRoute(async ({ customerId, defaultCountry, number, ahead }) => {
  if (number === null) throw new AppError("invalid_input", "Give one number: ?number=…");
  const answer = await lookUpCaller({ customerId, country: defaultCountry, number, ahead });
  return Response.json(answer, { headers: { "cache-control": "no-store" } });
});
