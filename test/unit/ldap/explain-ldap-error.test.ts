import net from "node:net";
import {
  BusyError,
  ConfidentialityRequiredError,
  InsufficientAccessError,
  InvalidCredentialsError,
  InvalidDNSyntaxError,
  NoSuchObjectError,
  StrongAuthRequiredError,
  UnavailableError,
} from "ldapts";
import { describe, expect, it } from "vitest";
import { explainLdapError } from "@/lib/ldap/explain-ldap-error";
import { LdapProblemError } from "@/lib/ldap/ldap-problem";

// What AD (and Samba) put in a refused bind's diagnostic message.
const adBindMessage = (sub: string) => `80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data ${sub}, v1db1`;

describe("explainLdapError", () => {
  it.each([
    ["52e", "wrong_password"],
    ["525", "no_such_account"],
    ["530", "logon_hours"],
    ["531", "logon_workstation"],
    ["532", "password_expired"],
    ["533", "account_disabled"],
    ["701", "account_expired"],
    ["773", "must_change_password"],
    ["775", "account_locked"],
  ])("reads AD's bind sub-code %s as %s, without quoting the server", (sub, code) => {
    const problem = explainLdapError(new InvalidCredentialsError(adBindMessage(sub)));
    expect(problem).toMatchObject({ code, retryable: false });
    expect(problem.message).not.toMatch(/DSID|AcceptSecurityContext|data /);
  });

  it("falls back to plain invalid credentials without (or with an unknown) sub-code", () => {
    expect(explainLdapError(new InvalidCredentialsError())).toMatchObject({ code: "invalid_credentials", retryable: false });
    expect(explainLdapError(new InvalidCredentialsError(adBindMessage("999")))).toMatchObject({ code: "invalid_credentials" });
  });

  it("maps result codes that need a settings change", () => {
    expect(explainLdapError(new StrongAuthRequiredError("BindSimple: Transport encryption required."))).toMatchObject({
      code: "transport_encryption_required",
      retryable: false,
    });
    expect(explainLdapError(new ConfidentialityRequiredError())).toMatchObject({ code: "transport_encryption_required" });
    expect(explainLdapError(new NoSuchObjectError("0000208D: NameErr: DSID-03100241, problem 2001 (NO_OBJECT)"))).toMatchObject({
      code: "base_dn_not_found",
      retryable: false,
    });
    expect(explainLdapError(new InvalidDNSyntaxError())).toMatchObject({ code: "invalid_dn" });
    expect(explainLdapError(new InsufficientAccessError())).toMatchObject({ code: "insufficient_access" });
  });

  it("calls a busy or unavailable server retryable", () => {
    expect(explainLdapError(new BusyError())).toMatchObject({ code: "server_busy", retryable: true });
    expect(explainLdapError(new UnavailableError())).toMatchObject({ code: "server_busy", retryable: true });
  });

  it.each([
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "untrusted_certificate"],
    ["SELF_SIGNED_CERT_IN_CHAIN", "untrusted_certificate"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "untrusted_certificate"],
    ["UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "untrusted_certificate"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "certificate_name_mismatch"],
    ["CERT_HAS_EXPIRED", "certificate_expired"],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "tls_failed"],
  ])("explains the TLS error %s as %s", (nodeCode, code) => {
    const problem = explainLdapError(Object.assign(new Error("some OpenSSL text"), { code: nodeCode }));
    expect(problem).toMatchObject({ code, retryable: false });
    expect(problem.message).not.toContain("OpenSSL");
  });

  it("asks for the CA certificate when the server's is not trusted", () => {
    expect(explainLdapError(Object.assign(new Error("x"), { code: "SELF_SIGNED_CERT_IN_CHAIN" })).message).toMatch(/Paste the certificate/);
  });

  it("calls an unreachable server retryable, from a real refused connection", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const refused = await new Promise<Error>((resolve) => net.connect(closedPort, "127.0.0.1").once("error", resolve));
    expect(explainLdapError(refused)).toMatchObject({ code: "unreachable", retryable: true });
    for (const code of ["ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT"]) {
      expect(explainLdapError(Object.assign(new Error("x"), { code }))).toMatchObject({ code: "unreachable", retryable: true });
    }
    // ldapts's own connect timeout.
    expect(explainLdapError(new Error("Connection timeout"))).toMatchObject({ code: "unreachable", retryable: true });
  });

  it("calls a lost connection or an unanswered request retryable", () => {
    for (const message of [
      "Connection closed before message response was received. Message type: SearchRequest (0x63)",
      "Socket error. Message type: SearchRequest (0x63)\nread ECONNRESET",
      "Socket connection not established",
    ]) {
      expect(explainLdapError(new Error(message))).toMatchObject({ code: "connection_lost", retryable: true });
    }
    expect(explainLdapError(Object.assign(new Error("x"), { code: "ECONNRESET" }))).toMatchObject({ code: "connection_lost" });
    expect(explainLdapError(new Error("SearchRequest: Operation timed out"))).toMatchObject({ code: "timeout", retryable: true });
  });

  it("passes our own problems through and words anything else without quoting it", () => {
    const own = { code: "plain_ldap_refused", message: "no", retryable: false };
    expect(explainLdapError(new LdapProblemError(own))).toEqual(own);
    const unknown = explainLdapError(new Error("password=Secret123 leaked"));
    expect(unknown).toMatchObject({ code: "unknown" });
    expect(unknown.message).not.toContain("Secret123");
    expect(explainLdapError(undefined)).toMatchObject({ code: "unknown" });
  });
});
