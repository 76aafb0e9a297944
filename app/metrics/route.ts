import { metricsAnswer } from "@/lib/metrics/metrics-response";

export const dynamic = "force-dynamic";

/** Prometheus scrapes the web process here, with `Authorization: Bearer <METRICS_TOKEN>` (lib/metrics/metrics-access.ts). */
export async function GET(request: Request) {
  const answer = await metricsAnswer(request.headers.get("authorization"));
  return new Response(answer.body, { status: answer.status, headers: { "content-type": answer.contentType, "cache-control": "no-store" } });
}
