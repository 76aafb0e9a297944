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
    expect(explainEntraError({ statusCode: 403, code: "Authorization_RequestDenied" })).toMatchObject({ retryable: false, message: expect.stringContaining("User.Read.All") });
    expect(explainEntraError({ statusCode: 429, code: "TooManyRequests" }).retryable).toBe(true);
    expect(explainEntraError({ statusCode: 503, code: "serviceNotAvailable" })).toMatchObject({ retryable: true, message: expect.stringContaining("unavailable") });
  });

  it("treats network failures as passing, including a body cut off mid-page", () => {
    expect(explainEntraError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:443"), { code: "ECONNREFUSED" }))).toMatchObject({ code: "network", retryable: true });
    expect(explainEntraError({ statusCode: 200, code: "TypeError", message: "terminated" })).toMatchObject({ code: "network", retryable: true });
    expect(explainEntraError({ errorCode: "temporarily_unavailable", errorMessage: "try later" })).toMatchObject({ retryable: true });
  });
});
