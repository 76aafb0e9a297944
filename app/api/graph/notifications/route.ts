import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";
import { logger } from "@/lib/logger";
import { notificationCollection, receiveNotifications } from "@/lib/realtime/receive-notifications";

export const dynamic = "force-dynamic";

const plain = (text: string, status: number) =>
  new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" } });

/** Graph's validation tokens are a sentence and a GUID; anything much longer is not Graph. */
const MAX_VALIDATION_TOKEN = 1024;

/**
 * Microsoft Graph's change notifications and lifecycle events (README, Real
 * time). A POST with `?validationToken=` is Graph checking the address: the
 * token goes back as text/plain, 200, at once. Any other POST is a
 * notification collection: each item is checked (subscription, clientState,
 * tenant), the work queued, and 202 answered — Graph wants an answer within
 * seconds, and the delta run happens in a job. No session: the clientState is
 * what proves a notification came from Graph.
 */
export async function POST(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("validationToken");
  if (token !== null) return token.length <= MAX_VALIDATION_TOKEN ? plain(token, 200) : plain("The validation token is too long.", 400);
  let body;
  try {
    body = notificationCollection.safeParse(await readJsonBody(request, { maxBytes: 1024 * 1024, maxDepth: 16 }));
  } catch (error) {
    if (error instanceof AppError) return plain(error.message, 400);
    throw error;
  }
  if (!body.success) return plain("The body is not a change notification collection.", 400);
  try {
    await receiveNotifications(body.data);
  } catch (error) {
    // Graph delivers again after a 5xx: a notification is not lost to a passing outage of the database or queue.
    logger.error({ err: { name: (error as Error)?.name } }, "graph notifications could not be taken");
    return plain("Notifications cannot be taken right now.", 503);
  }
  return new Response(null, { status: 202 });
}
