import { readFile } from "node:fs/promises";
import { z } from "zod";
import { userInputSchema } from "../state/user-input";

const uuid = z.string().uuid();

const seedApp = z.object({
  clientId: uuid.optional(),
  displayName: z.string().min(1),
  permissions: z.array(z.string()).default([]),
  redirectUris: z.array(z.string().url()).default([]),
  secrets: z.array(z.object({ value: z.string().min(8), expiresAt: z.string().datetime({ offset: true }).optional(), keyId: uuid.optional() })).default([]),
});

const seedGroup = z.object({
  id: uuid.optional(),
  displayName: z.string().min(1),
  description: z.string().optional(),
  mailEnabled: z.boolean().optional(),
  groupTypes: z.array(z.string()).optional(),
  /** User UPNs, user or group IDs, or display names of other groups in this file. */
  members: z.array(z.string()).default([]),
});

const seedTenant = z.object({
  id: uuid.optional(),
  displayName: z.string().min(1),
  domains: z.array(z.string()).optional(),
  apps: z.array(seedApp).default([]),
  /** `manager` (a UPN in this tenant) may be used instead of managerId. */
  users: z.array(userInputSchema.extend({ manager: z.string().optional() })).default([]),
  generate: z.object({ count: z.number().int().min(1).max(2_000_000), seed: z.string().min(1), password: z.string().optional() }).optional(),
  groups: z.array(seedGroup).default([]),
});

/**
 * A seed file for `npm run emulator -- --seed file.json` or
 * `startEmulator({ seed })`. Objects without IDs get IDs derived from their
 * names, so the same file yields the same IDs after every restart.
 */
export const seedFileSchema = z.object({
  /** Also create the Contoso demo tenant (default true). */
  demo: z.boolean().default(true),
  tenants: z.array(seedTenant).default([]),
});

/** What callers write (defaults optional). */
export type SeedFile = z.input<typeof seedFileSchema>;
export type ParsedSeedFile = z.output<typeof seedFileSchema>;

export async function loadSeedFile(path: string): Promise<SeedFile> {
  const text = await readFile(path, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Seed file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = seedFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Seed file ${path} is not valid:\n${problems}`);
  }
  return json as SeedFile;
}
