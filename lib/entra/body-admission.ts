import type { Context, Middleware, MiddlewareOptions } from "@microsoft/microsoft-graph-client";

/**
 * A request whose answer may be read only once `admit` lets it (a listing
 * page, admitted by the listing budget): until then its body waits unread in
 * the connection, a socket buffer's worth of memory where the page, read and
 * parsed, is about 9 MB. Holding the budget from before the request instead
 * spent it on Graph's latency, a page's charge held for hundreds of
 * milliseconds while nothing of the page was in the worker yet.
 */
export class BodyAdmission implements MiddlewareOptions {
  /** What the admission took, to give back once the page is done with; unset until the answer is admitted. */
  giveBack?: () => void;

  constructor(readonly admit: () => Promise<() => void>) {}
}

/**
 * First in the Graph client's chain, so it sees the answer the retries ended
 * on: a successful answer to a request carrying a BodyAdmission waits for
 * its admission before the client reads the body. Any other answer is read at
 * once, an error's body being small.
 */
export class BodyAdmissionHandler implements Middleware {
  private next?: Middleware;

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    await this.next!.execute(context);
    const admission = context.middlewareControl?.getMiddlewareOptions(BodyAdmission) as BodyAdmission | undefined;
    if (admission && context.response?.ok) admission.giveBack = await admission.admit();
  }
}
