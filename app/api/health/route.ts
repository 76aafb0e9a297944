import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** Liveness for the launcher and Playwright: the web process is up and reaches its database. */
export async function GET() {
  try {
    await db().execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch (error) {
    logger.error({ err: error }, "health check failed");
    return Response.json({ status: "database unavailable" }, { status: 503 });
  }
}
