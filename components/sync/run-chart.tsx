import type { RunChartPoint } from "@/lib/sync/history/run-chart-points";

const width = 640;
const height = 160;
const pad = 28;

/**
 * Runs over time: bars for entries changed, a line for duration, each on its
 * own scale. Inline SVG (no chart library); the same numbers are in the table.
 */
export function RunChart({ points }: { points: RunChartPoint[] }) {
  if (points.length === 0) return null;
  const maxChanged = Math.max(1, ...points.map((p) => p.changed));
  const maxSeconds = Math.max(1, ...points.map((p) => p.seconds));
  const step = (width - 2 * pad) / points.length;
  const x = (i: number) => pad + i * step + step / 2;
  const yChanged = (v: number) => height - pad - (v / maxChanged) * (height - 2 * pad);
  const ySeconds = (v: number) => height - pad - (v / maxSeconds) * (height - 2 * pad);
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${ySeconds(p.seconds).toFixed(1)}`).join(" ");
  return (
    <figure className="mb-6">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`Last ${points.length} runs: entries changed (bars, up to ${maxChanged}) and duration (line, up to ${Math.round(maxSeconds)} s)`}
        className="h-40 w-full"
      >
        <title>Entries changed and duration of recent runs</title>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="stroke-slate-300" />
        {points.map((p, i) => (
          <rect
            key={p.runId}
            x={x(i) - step * 0.3}
            width={step * 0.6}
            y={yChanged(p.changed)}
            height={height - pad - yChanged(p.changed)}
            className={p.failed ? "fill-red-300" : "fill-sky-300"}
          >
            <title>{`${p.at.toISOString()}: ${p.changed} changed, ${Math.round(p.seconds)} s`}</title>
          </rect>
        ))}
        <path d={line} fill="none" className="stroke-slate-700" strokeWidth={1.5} />
        <text x={pad} y={14} className="fill-slate-500 text-[10px]">
          {maxChanged} changed
        </text>
        <text x={width - pad} y={14} textAnchor="end" className="fill-slate-500 text-[10px]">
          {Math.round(maxSeconds)} s
        </text>
      </svg>
      <figcaption className="text-xs text-slate-500">Bars: entries changed per run (red: failed). Line: duration.</figcaption>
    </figure>
  );
}
