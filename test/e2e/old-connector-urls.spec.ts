import { expect, test } from "./support/fixtures";

// The connector screens took their connectors' names (/authority/entra,
// /authority/active-directory); a bookmark of the old address must still land.
const moved = [
  ["/authority/ms-aad", "/authority/entra"],
  ["/authority/ms-aad/history?page=2", "/authority/entra/history?page=2"],
  ["/authority/ms-aad/runs/00000000-0000-4000-8000-000000000000", "/authority/entra/runs/00000000-0000-4000-8000-000000000000"],
  ["/authority/ad-ldaps", "/authority/active-directory"],
  ["/authority/ad-ldaps/history", "/authority/active-directory/history"],
] as const;

test("the old connector addresses redirect permanently to the new ones", async ({ request }) => {
  for (const [from, to] of moved) {
    const response = await request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(response.headers().location, from).toBe(to);
  }
});
