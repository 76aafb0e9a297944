import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { devices } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

/** A user's devices as the user page lists them: never the sealed credential. */
export function listDevices({ customerId, accountId }: { customerId: string; accountId: string }) {
  return db()
    .select({
      id: devices.id,
      kind: devices.kind,
      label: devices.label,
      sipUsername: devices.sipUsername,
      status: devices.status,
      updatedAt: devices.updatedAt,
    })
    .from(devices)
    .where(and(ofCustomer(devices, customerId), eq(devices.accountId, accountId)))
    .orderBy(asc(devices.kind));
}

export type ListedDevice = Awaited<ReturnType<typeof listDevices>>[number];
