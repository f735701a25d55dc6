import type { Dashboard } from "../../api/dashboard";

interface Props {
  series: Dashboard["salesOverTime"];
  /** Spoken and shown summary; the bars themselves are decoration for sighted readers. */
  label: string;
  /** Short axis labels for the first, middle and last bar. */
  tick: (at: string) => string;
}

const W = 320;
const H = 120;

/** Net sales as bars: a hand-drawn SVG, a few hundred bytes instead of a charting library. */
export default function SalesChart({ series, label, tick }: Props) {
  const points = series.points;
  const max = Math.max(1, ...points.map((p) => p.netSales));
  const step = W / Math.max(1, points.length);
  const gap = step > 6 ? 2 : 0.5;
  const ticks = [0, Math.floor((points.length - 1) / 2), points.length - 1];
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H + 16}`} aria-hidden="true" preserveAspectRatio="none">
        <line x1="0" x2={W} y1={H} y2={H} class="chart-axis" />
        {points.map((p, i) => {
          const h = Math.max(p.netSales > 0 ? 2 : 0, (Math.max(0, p.netSales) / max) * (H - 4));
          return <rect key={p.at} x={i * step + gap / 2} y={H - h} width={step - gap} height={h} class="chart-bar" />;
        })}
        {ticks.map((i) => {
          const p = points[i];
          return p ? (
            <text
              key={`t${i}`}
              x={Math.min(W - 2, Math.max(2, i * step + step / 2))}
              y={H + 13}
              text-anchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"}
              class="chart-tick"
            >
              {tick(p.at)}
            </text>
          ) : null;
        })}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
