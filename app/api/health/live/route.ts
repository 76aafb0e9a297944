export const dynamic = "force-dynamic";

/** Liveness: the web process answers. It asks nothing of the database or the queue, so an outage there never gets the process restarted. */
export function GET() {
  return Response.json({ status: "live" });
}
