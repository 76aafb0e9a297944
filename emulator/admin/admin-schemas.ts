import { z } from "zod";

/** Request bodies of the /_emulator/ admin API. Dates travel as ISO strings. */
export const tenantBody = z.object({
  id: z.string().uuid().optional(),
  displayName: z.string().min(1).max(256),
  domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, "must be a domain name")).optional(),
});

export const secretBody = z.object({
  value: z.string().min(8).max(256).optional(),
  expiresAt: z.string().datetime({ offset: true }).optional(),
  displayName: z.string().max(256).optional(),
});

export const appBody = z.object({
  clientId: z.string().uuid().optional(),
  displayName: z.string().min(1).max(256),
  permissions: z.array(z.string().min(1)).optional(),
  redirectUris: z.array(z.string().url()).optional(),
  /** Adds a first secret; its value is in the response, once. */
  secret: secretBody.optional(),
});

export const permissionBody = z.object({ permission: z.string().min(1).max(128) });
export const redirectUriBody = z.object({ uri: z.string().url() });

export const generateBody = z.object({
  count: z.number().int().min(1).max(2_000_000),
  seed: z.string().min(1).max(128),
  password: z.string().min(1).max(256).optional(),
});

export const groupBody = z.object({
  id: z.string().uuid().optional(),
  displayName: z.string().min(1).max(256),
  description: z.string().max(1024).nullable().optional(),
  mailNickname: z.string().min(1).max(64).optional(),
  mailEnabled: z.boolean().optional(),
  securityEnabled: z.boolean().optional(),
  groupTypes: z.array(z.string()).optional(),
  memberIds: z.array(z.string().uuid()).optional(),
});

export const memberBody = z.object({ memberId: z.string().uuid() });

export const expireDeltaBody = z.object({ answer: z.enum(["syncStateNotFound", "gone"]).default("syncStateNotFound") });

export const expireCodeBody = z.object({ code: z.string().min(1) });
