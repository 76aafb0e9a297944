import { z } from "zod";

const seconds = z.number().min(0).max(3600);

export const idTokenFlaws = ["tampered", "expired", "wrongAudience", "wrongNonce", "otherTenant"] as const;
export type IdTokenFlaw = (typeof idTokenFlaws)[number];

/**
 * Faults one tenant's traffic should suffer, set through the admin API. Each
 * part is independent; setting new faults replaces the old ones and restarts
 * their counters. Retry-After values default to 1 s so tests stay fast.
 */
export const faultSettingsSchema = z.object({
  /** Added to every Graph and token request of the tenant. */
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  /**
   * Graph-like latency instead: each request waits a time drawn from a log-normal distribution with this
   * median and spread (sigma of the log; 0.5 puts the 95th percentile near 2.3× the median), at most 10× the median.
   */
  latency: z.object({ medianMs: z.number().int().min(1).max(10_000), sigma: z.number().min(0).max(2).default(0.5) }).optional(),
  /**
   * Throttle by resource units as Graph's identity service does: a token bucket per app of the tenant's quota
   * per 10 s (by its size: 3,500 under 50 users, 5,000 up to 500, 8,000 above; or `perTenSeconds`), each request
   * charged its cost; a request that finds too few units gets 429 ResourceUnitLimitExceeded with Retry-After.
   */
  resourceUnits: z.object({ perTenSeconds: z.number().int().min(1).max(1_000_000).optional() }).optional(),
  /**
   * Graph requests after the first `after` wait, unanswered, until the tenant's faults are set or cleared again: a
   * test can change the directory at a known point of a run (after its anchor, before its listings) with no race.
   */
  hold: z.object({ after: z.number().int().min(0) }).optional(),
  /** 429 TooManyRequests on every Nth Graph request, and/or on all of them for a while. */
  throttle: z
    .object({
      everyNth: z.number().int().min(1).optional(),
      forSeconds: z.number().positive().max(3600).optional(),
      retryAfterSeconds: seconds.optional(),
    })
    .refine((value) => value.everyNth !== undefined || value.forSeconds !== undefined, "set everyNth or forSeconds")
    .optional(),
  /** The next `burst` Graph requests answer 503 Service Unavailable — after the first `after` requests, to fail mid-round. */
  unavailable: z.object({ burst: z.number().int().min(1), after: z.number().int().min(0).optional(), retryAfterSeconds: seconds.optional() }).optional(),
  /** Send half of a response body, then drop the connection. */
  resetMidPage: z
    .object({ next: z.number().int().min(1).optional(), everyNth: z.number().int().min(1).optional() })
    .refine((value) => value.next !== undefined || value.everyNth !== undefined, "set next or everyNth")
    .optional(),
  /** The token endpoint answers 503 temporarily_unavailable (AADSTS90033) for N requests and/or a while. */
  tokenOutage: z
    .object({
      requests: z.number().int().min(1).optional(),
      forSeconds: z.number().positive().max(3600).optional(),
      /** Sent as Retry-After when set; without it msal-node waits its default 60 s before asking again. */
      retryAfterSeconds: seconds.optional(),
    })
    .refine((value) => value.requests !== undefined || value.forSeconds !== undefined, "set requests or forSeconds")
    .optional(),
  /**
   * Every id_token from the code grant carries this flaw, so tests can check
   * that a relying party refuses it: a broken signature, an `exp` in the past,
   * another `aud`, another `nonce`, or `tid` (and `iss`) of another tenant.
   */
  idToken: z.enum(idTokenFlaws).optional(),
  /**
   * Change notifications to the tenant's subscriptions: the next `drop` are never sent, the next
   * `duplicate` are sent twice (the same item), and every one waits `delayMs` first.
   */
  notifications: z
    .object({
      drop: z.number().int().min(1).optional(),
      duplicate: z.number().int().min(1).optional(),
      delayMs: z.number().int().min(0).max(60_000).optional(),
    })
    .optional(),
});

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export type NotificationFault = { drop: boolean; duplicate: boolean; delayMs: number };

export type GraphFault = { kind: "throttle"; retryAfterSeconds: number } | { kind: "unavailable"; retryAfterSeconds: number | undefined } | { kind: "reset" };
