import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";

/**
 * Microsoft's Graph v1.0 schema (derived, see ../fixtures/README.md), compiled
 * once. Every Graph response body the tests look at goes through `expectGraphShape`.
 */
const schema = JSON.parse(readFileSync(new URL("../fixtures/graph-v1.0-directory.validation.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS; under ESM its function may arrive as `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv) => void;
addFormats(ajv);
ajv.addSchema(schema, "graph");

const ENTRY_POINTS = {
  user: "microsoft.graph.user",
  group: "microsoft.graph.group",
  usersPage: "x.usersPage",
  usersDeltaPage: "x.usersDeltaPage",
  directoryObjectsPage: "x.directoryObjectsPage",
  error: "microsoft.graph.ODataErrors.ODataError",
} as const;

export type GraphShape = keyof typeof ENTRY_POINTS;

export function graphShapeErrors(shape: GraphShape, body: unknown): ErrorObject[] {
  const validate = ajv.getSchema(`graph#/definitions/${ENTRY_POINTS[shape]}`);
  if (!validate) throw new Error(`No schema for ${shape}`);
  return validate(body) ? [] : [...(validate.errors ?? [])];
}

export function expectGraphShape(shape: GraphShape, body: unknown): void {
  expect(graphShapeErrors(shape, body), `${shape} should match Microsoft's Graph schema`).toEqual([]);
}

/**
 * Which schema a Graph response must satisfy, by path: the tests' HTTP helper
 * and Graph-client recorder call this for every response, so no /users,
 * /users/delta or transitiveMembers body escapes validation.
 */
export function shapeFor(url: string, status: number): GraphShape | "groupsPage" | null {
  const path = new URL(url).pathname.toLowerCase();
  if (!path.startsWith("/v1.0/")) return null;
  if (status !== 200) return "error";
  if (path === "/v1.0/users") return "usersPage";
  if (path === "/v1.0/users/delta" || path === "/v1.0/users/microsoft.graph.delta()") return "usersDeltaPage";
  if (path === "/v1.0/users/$count") return null;
  if (/^\/v1\.0\/users\/[^/]+(\/manager)?$/.test(path) || path === "/v1.0/me") return "user";
  if (/^\/v1\.0\/groups\/[^/]+\/transitivemembers\/microsoft\.graph\.user$/.test(path)) return "usersPage";
  if (/^\/v1\.0\/groups\/[^/]+\/(transitivemembers|members)(\/microsoft\.graph\.group)?$/.test(path)) return "directoryObjectsPage";
  if (path === "/v1.0/groups") return "groupsPage";
  if (/^\/v1\.0\/groups\/[^/]+$/.test(path)) return "group";
  return null;
}

export function expectValidGraphResponse(url: string, status: number, body: unknown): void {
  const shape = shapeFor(url, status);
  if (shape === "groupsPage") {
    for (const group of (body as { value: unknown[] }).value) expectGraphShape("group", group);
  } else if (shape) {
    expectGraphShape(shape, body);
  }
}
