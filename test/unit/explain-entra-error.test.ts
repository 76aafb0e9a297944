import { describe, expect, it } from "vitest";
import { explainEntraError } from "@/lib/entra/explain-entra-error";

describe("explainEntraError", () => {
  it.each([
    ["AADSTS7000215: Invalid client secret provided.", "AADSTS7000215", /secret is wrong/],
    ["AADSTS7000222: The provided client secret keys are expired.", "AADSTS7000222", /expired/],
    ["AADSTS90002: Tenant 'x' not found.", "AADSTS90002", /No Microsoft Entra tenant/],
    ["AADSTS700016: Application with identifier 'x' was not found", "AADSTS700016", /No application/],
  ])("names %s in plain words, without quoting Microsoft's message", (errorMessage, code, words) => {
    const problem = explainEntraError({ errorCode: "invalid_client", errorMessage });
    expect(problem).toMatchObject({ code, retryable: false });
    expect(problem.message).toMatch(words);
    expect(problem.message).not.toContain(errorMessage);
  });

  it("explains missing consent, throttling and outages from Graph errors", () => {
    expect(explainEntraError({ statusCode: 403, code: "Authorization_RequestDenied" })).toMatchObject({
      retryable: false,
      message: expect.stringContaining("User.Read.All"),
    });
    expect(explainEntraError({ statusCode: 429, code: "TooManyRequests" }).retryable).toBe(true);
    expect(explainEntraError({ statusCode: 503, code: "serviceNotAvailable" })).toMatchObject({
      retryable: true,
      message: expect.stringContaining("unavailable"),
    });
  });

  it("treats network failures as passing, including a body cut off mid-page", () => {
    expect(explainEntraError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:443"), { code: "ECONNREFUSED" }))).toMatchObject({
      code: "network",
      retryable: true,
    });
    expect(explainEntraError({ statusCode: 200, code: "TypeError", message: "terminated" })).toMatchObject({ code: "network", retryable: true });
    expect(explainEntraError({ errorCode: "temporarily_unavailable", errorMessage: "try later" })).toMatchObject({ retryable: true });
  });

  // What msal-node's ServerError carries: the OAuth error as errorCode, Microsoft's description as errorMessage.
  it.each([
    ["temporarily_unavailable", "AADSTS90033: The Microsoft Online Directory Service (MSODS) isn't available.", "AADSTS90033"],
    ["invalid_request", "AADSTS90024: RequestBudgetExceededError - A transient error has occurred. Try again.", "AADSTS90024"],
    ["server_error", "AADSTS90006: The service is temporarily unavailable.", "AADSTS90006"],
    ["temporarily_unavailable", "AADSTS90055: There are too many incoming requests.", "AADSTS90055"],
    ["server_error", "AADSTS50000: There was an error issuing a token.", "AADSTS50000"],
    ["temporarily_unavailable", "try later", "identity_unavailable"],
    ["server_error", "", "identity_unavailable"],
  ])("retries %s %s as a passing outage, said in plain words", (errorCode, errorMessage, code) => {
    const problem = explainEntraError({ errorCode, errorMessage });
    expect(problem).toMatchObject({ code, retryable: true });
    expect(problem.message).toMatch(/temporarily unavailable/);
    expect(problem.message).not.toMatch(/refused/);
  });

  it.each([
    ["invalid_client", "AADSTS7000215: Invalid client secret provided."],
    ["unauthorized_client", "AADSTS700016: Application with identifier 'x' was not found"],
    ["invalid_request", "AADSTS90002: Tenant 'x' not found."],
    ["invalid_request", "AADSTS50196: The server terminated an operation because it encountered a client request loop."],
  ])("keeps %s %s final", (errorCode, errorMessage) => {
    expect(explainEntraError({ errorCode, errorMessage }).retryable).toBe(false);
  });
});
