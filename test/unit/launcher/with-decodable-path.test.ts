import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDecodablePath } from "../../../scripts/launcher/with-decodable-path";

describe("a path that is not percent-encoded UTF-8", () => {
  const reached: string[] = [];
  const server = createServer(
    withDecodablePath((req, res) => {
      reached.push(req.url!);
      res.end("ok");
    }),
  );
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each(["/api/sync/runs/%ED%A0%80", "/api/scim/v2/Users/%FF", "/api/v1/phonebook/%E0%A4", "/x/%zz"])(
    "is answered 400 before the portal sees it: %s",
    async (path) => {
      const response = await fetch(base + path);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringContaining("not UTF-8") });
      expect(reached).not.toContain(path);
    },
  );

  it("passes every other path on, a badly encoded query string too (it is read leniently)", async () => {
    for (const path of ["/", "/api/sync/runs/__proto__", "/caf%C3%A9", "/api/sync/runs/%00", "/search?q=%ED%A0%80"]) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(200);
    }
    expect(reached).toEqual(["/", "/api/sync/runs/__proto__", "/caf%C3%A9", "/api/sync/runs/%00", "/search?q=%ED%A0%80"]);
  });
});
