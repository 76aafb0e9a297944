import { readiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness, for a load balancer, the launcher and Playwright: 200 when the
 * database and the job queue answer, 503 (saying which is down) otherwise.
 * Liveness — the process answers — is /api/health/live.
 */
export async function GET() {
  const { ready, database, queue } = await readiness();
  return Response.json({ status: ready ? "ok" : "unavailable", live: true, ready, database, queue }, { status: ready ? 200 : 503 });
}
