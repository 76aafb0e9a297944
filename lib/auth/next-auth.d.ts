import type { Role } from "@/db/schema";
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    role?: Role;
    customerId?: string | null;
  }
  interface Session {
    accountId?: string;
    role?: Role;
    customerId?: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    accountId?: string;
    role?: Role;
    customerId?: string | null;
  }
}
