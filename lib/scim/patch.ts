import { refuseForbiddenKeys, UntrustedJsonError } from "@/lib/http/parse-untrusted-json";
import { checkedName, containerFor, keyOf, splitPath } from "./attribute-path";
import { matches, parseFilter } from "./filter";
import { invalidPath, invalidSyntax, invalidValue, ScimError } from "./scim-error";
import { schemaUris } from "./scim-json";

type Json = Record<string, unknown>;
type Op = "add" | "replace" | "remove";

/** Entra sends `"active": "False"` (a string) unless the aadOptscim062020 flag is set; both mean false. */
function normalise(name: string, value: unknown): unknown {
  if (name.toLowerCase() !== "active" || typeof value !== "string") return value;
  const lower = value.toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : value;
}

// RFC 7643 §3.1: the server assigns id and meta; changing them is 400 mutability (RFC 7644 §3.5.2).
const readOnly = new Set(["id", "meta"]);

function refuseReadOnly(urn: string | null, names: string[]) {
  if (!urn && readOnly.has(names[0]!.toLowerCase())) throw new ScimError(400, `${names[0]} is assigned by the server and cannot be changed.`, "mutability");
}

const isObject = (value: unknown): value is Json => Boolean(value) && typeof value === "object" && !Array.isArray(value);

/** Copies a request object's attributes onto an item, each name checked like a path's. */
function assignAttributes(item: Json, value: Json) {
  for (const [name, v] of Object.entries(value)) item[keyOf(item, name) ?? checkedName(name)] = v;
}

function setAt(resource: Json, path: string, value: unknown, op: Op) {
  const { urn, names } = splitPath(path);
  if (names.length > 0) refuseReadOnly(urn, names);
  if (names.length === 0) {
    // The extension URN itself, with an object of its attributes.
    if (!value || typeof value !== "object") throw invalidValue(`${path} takes an object of attributes.`);
    for (const [key, v] of Object.entries(value as Json)) setAt(resource, `${urn}:${key}`, v, op);
    return;
  }
  let container = containerFor(resource, urn, true)!;
  for (const name of names.slice(0, -1)) {
    const key = keyOf(container, name) ?? name;
    if (!container[key] || typeof container[key] !== "object") container[key] = {};
    container = container[key] as Json;
  }
  const last = names.at(-1)!;
  const key = keyOf(container, last) ?? last;
  const existing = container[key];
  const next = normalise(last, value);
  if (op === "add" && Array.isArray(existing)) {
    const items = Array.isArray(next) ? next : [next];
    const known = new Set(existing.map((e) => JSON.stringify((e as Json)?.value ?? e)));
    container[key] = [...existing, ...items.filter((i) => !known.has(JSON.stringify((i as Json)?.value ?? i)))];
  } else if (op === "add" && isObject(existing) && isObject(next)) {
    assignAttributes(existing, next);
  } else {
    container[key] = next;
  }
}

function removeAt(resource: Json, path: string, value: unknown) {
  const { urn, names } = splitPath(path);
  if (names.length === 0) throw new ScimError(400, `Name an attribute of ${path} to remove.`, "noTarget");
  refuseReadOnly(urn, names);
  let container = containerFor(resource, urn, false);
  for (const name of names.slice(0, -1)) {
    const key = container && keyOf(container, name);
    container = key ? (container![key] as Json) : undefined;
  }
  const key = container && keyOf(container, names.at(-1)!);
  if (!container || !key) return;
  // Entra removes members by listing them: { path: "members", value: [{ value: id }] }.
  if (Array.isArray(container[key]) && Array.isArray(value)) {
    const gone = new Set(value.map((v) => String((v as Json)?.value ?? v)));
    container[key] = (container[key] as Json[]).filter((item) => !gone.has(String(item?.value ?? item)));
  } else {
    delete container[key];
  }
}

/** `emails[type eq "work"].value`: the items of a multi-valued attribute that match, and the sub-attribute. */
function applyToValuePath(resource: Json, attribute: string, filterText: string, sub: string | undefined, op: Op, value: unknown) {
  const filter = parseFilter(filterText);
  const { urn, names } = splitPath(attribute);
  if (names.length !== 1) throw new ScimError(400, `${attribute} is not a multi-valued attribute.`, "invalidPath");
  refuseReadOnly(urn, names);
  if (sub !== undefined) checkedName(sub);
  if (op !== "remove" && !sub && !isObject(value)) throw invalidValue(`${attribute}[…] without a sub-attribute takes an object value.`);
  const container = containerFor(resource, urn, true)!;
  const key = keyOf(container, names[0]!) ?? names[0]!;
  const items = Array.isArray(container[key]) ? (container[key] as Json[]) : [];
  const hits = items.filter((item) => matches(item, filter));
  if (op === "remove") {
    container[key] = sub
      ? items.map((item) => (hits.includes(item) ? Object.fromEntries(Object.entries(item).filter(([k]) => k.toLowerCase() !== sub.toLowerCase())) : item))
      : items.filter((item) => !hits.includes(item));
    return;
  }
  if (hits.length === 0) {
    // Nothing matches yet: create the item the filter describes (Entra's first work e-mail).
    if (filter.kind !== "compare" || filter.op !== "eq") throw new ScimError(400, `No ${attribute} matches ${filterText}.`, "noTarget");
    const created: Json = { [checkedName(filter.path)]: filter.value };
    assignAttributes(created, sub ? { [sub]: value } : (value as Json));
    container[key] = [...items, created];
    return;
  }
  for (const item of hits) assignAttributes(item, sub ? { [sub]: value } : (value as Json));
}

/**
 * Applies a PatchOp to a resource's JSON, as RFC 7644 §3.5.2 describes and
 * Entra sends it: capitalised op names, path-less replace with dotted keys or
 * extension URNs, value paths, member removal by value array.
 */
export function applyPatch(resource: Json, body: Json): Json {
  try {
    refuseForbiddenKeys(body);
  } catch (error) {
    throw error instanceof UntrustedJsonError ? invalidPath(error.message) : error;
  }
  const operations = body[keyOf(body, "Operations") ?? "Operations"];
  if (!Array.isArray(operations) || operations.length === 0) throw invalidSyntax("A PATCH needs an Operations array.");
  const result = structuredClone(resource);
  for (const raw of operations) {
    if (!raw || typeof raw !== "object") throw invalidSyntax("Each operation must be an object.");
    const operation = raw as Json;
    const op = String(operation[keyOf(operation, "op") ?? "op"] ?? "").toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove")
      throw invalidSyntax(`"${String(operation.op)}" is not a PATCH operation (add, replace or remove).`);
    const path = operation[keyOf(operation, "path") ?? "path"];
    const value = operation[keyOf(operation, "value") ?? "value"];
    if (path !== undefined && path !== null && typeof path !== "string") throw invalidSyntax("An operation's path must be a string.");
    if (!path) {
      if (op === "remove") throw new ScimError(400, "A remove operation needs a path.", "noTarget");
      if (!value || typeof value !== "object" || Array.isArray(value)) throw invalidValue("An operation without a path needs an object value.");
      for (const [key, v] of Object.entries(value as Json)) {
        if (key.toLowerCase() === schemaUris.enterpriseUser.toLowerCase()) setAt(result, key, v, "add");
        else setAt(result, key, v, op);
      }
      continue;
    }
    const valuePath = /^(.+?)\[(.+)\](?:\.(.+))?$/.exec(path);
    if (valuePath) applyToValuePath(result, valuePath[1]!, valuePath[2]!, valuePath[3], op, value);
    else if (op === "remove") removeAt(result, path, value);
    else setAt(result, path, value, op);
  }
  return result;
}
