import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The folder-level import graph of lib/: a node is lib/<folder> (a file
 * directly in lib/ is a node of its own), and each connector,
 * lib/connectors/<connector>, is a node too. Read with a plain regex over
 * import and export-from lines, which is all this layout uses.
 */
const root = resolve(__dirname, "../../..");
const lib = join(root, "lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** lib/<folder>, lib/connectors/<connector>, or the file's own name for a file directly in lib/. */
function nodeOf(file: string): string | null {
  const parts = relative(lib, file).split("/");
  if (parts[0]?.startsWith("..")) return null;
  if (parts.length === 1) return parts[0]!.replace(/\.tsx?$/, "");
  if (parts[0] === "connectors" && parts.length > 2) return `connectors/${parts[1]}`;
  return parts[0]!;
}

const importLine = /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const targets: string[] = [];
  for (const m of text.matchAll(importLine)) {
    const spec = m[1] ?? m[2]!;
    if (spec.startsWith("@/")) targets.push(join(root, spec.slice(2)));
    else if (spec.startsWith(".")) targets.push(resolve(dirname(file), spec));
  }
  return targets;
}

function graph(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles(lib)) {
    const from = nodeOf(file)!;
    for (const target of importsOf(file)) {
      const to = nodeOf(target);
      if (to === null || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

/** Every cycle as the path that closes it, found by a depth-first walk. */
function cycles(edges: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") found.add([...path.slice(path.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, "done");
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return [...found].sort();
}

describe("lib/ folder imports", () => {
  const edges = graph();

  it("form no cycle between folders", () => {
    expect(cycles(edges)).toEqual([]);
  });

  it("keep the sync engine free of any connector", () => {
    const intoConnectors = [...(edges.get("sync") ?? [])].filter((to) => to.startsWith("connectors"));
    expect(intoConnectors).toEqual([]);
  });

  it("see the folders it is about (the regex reads this layout's imports)", () => {
    expect(edges.get("sync")?.has("tenancy")).toBe(true);
  });
});
