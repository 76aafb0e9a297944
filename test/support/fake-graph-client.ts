import { Client, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import { BodyAdmissionHandler } from "@/lib/entra/body-admission";

/**
 * A real Graph client whose network answers from `answer`, given the request
 * as the portal wrote it (Graph's own `https://graph.microsoft.com/v1.0`
 * left off, any other origin kept; decoded), and recording each. An answer is
 * a body (an object as JSON, a string as text), or an Error carrying Graph's
 * status and code. The portal's body admission sits first in its chain, as in
 * lib/entra/graph-client.ts.
 */
export function fakeGraphClient(answer: (url: string) => unknown) {
  const requests: string[] = [];
  const network: Middleware = {
    async execute(context: Context) {
      const url = decodeURIComponent(typeof context.request === "string" ? context.request : context.request.url).replace(
        /^https:\/\/graph\.microsoft\.com\/v1\.0/,
        "",
      );
      requests.push(url);
      const result = await answer(url);
      if (result instanceof Error) {
        const { statusCode = 500, code = "generalException" } = result as Error & { statusCode?: number; code?: string };
        context.response = Response.json({ error: { code, message: result.message } }, { status: statusCode });
      } else if (typeof result === "string") {
        context.response = new Response(result, { headers: { "content-type": "text/plain" } });
      } else {
        context.response = Response.json(result);
      }
    },
  };
  const admission = new BodyAdmissionHandler();
  admission.setNext(network);
  return { client: Client.initWithMiddleware({ middleware: admission, defaultVersion: "v1.0" }), requests };
}
