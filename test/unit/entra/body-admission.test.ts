import { describe, expect, it } from "vitest";
import { BodyAdmission } from "@/lib/entra/body-admission";
import { fakeGraphClient } from "../../support/fake-graph-client";

describe("a Graph answer read only once admitted", () => {
  it("waits for its admission before the body is read, and keeps what the admission took", async () => {
    const { client } = fakeGraphClient(() => ({ value: [{ id: "user-1" }] }));
    let admit!: (giveBack: () => void) => void;
    const admission = new BodyAdmission(() => new Promise((resolve) => (admit = resolve)));
    let answered = false;
    const page = client
      .api("/users")
      .middlewareOptions([admission])
      .get()
      .then((body) => ((answered = true), body));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    const giveBack = () => undefined;
    admit(giveBack);
    expect(await page).toEqual({ value: [{ id: "user-1" }] });
    expect(admission.giveBack).toBe(giveBack);
  });

  it("reads an error at once, without taking anything", async () => {
    const { client } = fakeGraphClient(() => Object.assign(new Error("refused"), { statusCode: 400, code: "Request_UnsupportedQuery" }));
    let asked = false;
    const admission = new BodyAdmission(async () => ((asked = true), () => undefined));
    await expect(client.api("/users").middlewareOptions([admission]).get()).rejects.toMatchObject({ statusCode: 400, code: "Request_UnsupportedQuery" });
    expect(asked).toBe(false);
    expect(admission.giveBack).toBeUndefined();
  });

  it("leaves a request without an admission alone", async () => {
    const { client } = fakeGraphClient(() => ({ value: [] }));
    expect(await client.api("/users").get()).toEqual({ value: [] });
  });
});
