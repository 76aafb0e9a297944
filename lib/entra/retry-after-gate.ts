/**
 * One Graph client's shared pause: when Graph answers any request with 429
 * and a Retry-After, the tenant's budget is spent for every request, so the
 * client's other requests (a sharded round's listings, in flight at once)
 * wait out the same pause instead of each running into its own 429.
 */
export class RetryAfterGate {
  private openAt = 0;

  /** Resolves once the pause (if any) is over; a pause lengthened meanwhile is waited out too. */
  async pass(): Promise<void> {
    for (let wait = this.openAt - Date.now(); wait > 0; wait = this.openAt - Date.now()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Graph asked for `ms` of quiet: no request of this client leaves before then. */
  closeFor(ms: number): void {
    this.openAt = Math.max(this.openAt, Date.now() + ms);
  }
}
