/**
 * The Content-Security-Policy of every page, for one response's nonce (Next.js
 * reads the nonce back from this header and puts it on its own scripts and
 * styles). Scripts run only with the nonce, or when loaded by one that has it
 * ('strict-dynamic'); nothing may frame the portal, embed plugins, rebase its
 * URLs, or post a form anywhere but to itself and to the Microsoft sign-in
 * authority (after a form post, Chromium applies form-action to the redirects
 * too, and the Microsoft sign-in ends at the authority).
 */
export function contentSecurityPolicy(opts: { nonce: string; authorityOrigin: string; development: boolean; https: boolean }): string {
  const { nonce } = opts;
  return [
    "default-src 'self'",
    // React in development rebuilds server error stacks with eval; production never evals.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${opts.authorityOrigin}`,
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
