import type { Role } from "@/db/schema";
import type { Refusal } from "@/lib/microsoft-sign-in/refusals";
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role?: Role;
    customerId?: string | null;
    // Set instead of a role when Sign in with Microsoft found no login to open.
    refusal?: Refusal;
  }
  interface Session {
    accountId?: string;
    role?: Role;
    customerId?: string | null;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    accountId?: string;
    role?: Role;
    customerId?: string | null;
    sessionVersion?: number;
  }
}
