import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";

const base = { nonce: "abc123==", authorityOrigin: "https://login.microsoftonline.com", development: false, https: true };

describe("contentSecurityPolicy", () => {
  it("allows scripts and styles by the nonce only, and forbids framing, plugins, rebasing and foreign form posts", () => {
    const policy = contentSecurityPolicy(base);
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(policy).toContain("style-src 'self' 'nonce-abc123=='");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self' https://login.microsoftonline.com"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("lets React evaluate in development only, and upgrades requests only on https", () => {
    expect(contentSecurityPolicy({ ...base, development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(base)).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ ...base, https: false })).not.toContain("upgrade-insecure-requests");
  });
});
