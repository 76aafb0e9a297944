import { authenticateGraphRequest } from "../graph/authenticate-graph-request";
import { invalidToken } from "../graph/graph-error";
import type { Handler } from "../http/router";
import { PLAIN_JSON, sendJson } from "../http/send";
import type { EmulatorServices } from "../services";
import { pairwiseSubject } from "./token-claims";

/**
 * GET /oidc/userinfo with a delegated token. Entra serves this on Graph's
 * host; the emulator's discovery document points here so clients that call it
 * stay local. `sub` matches the id_token's for the same app.
 */
export function userinfoEndpoint(services: EmulatorServices): Handler {
  return async (ctx) => {
    const caller = await authenticateGraphRequest(services, ctx);
    if (!caller.userId) throw invalidToken("The userinfo endpoint needs a token issued to a signed-in user.");
    const user = caller.tenant.users.get(caller.userId);
    sendJson(
      ctx,
      200,
      {
        sub: pairwiseSubject(user.id, caller.clientId),
        name: user.displayName,
        family_name: user.surname ?? undefined,
        given_name: user.givenName ?? undefined,
        email: user.mail ?? undefined,
      },
      PLAIN_JSON,
    );
  };
}
