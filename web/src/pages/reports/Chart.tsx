/** Bars for one figure over the days or months of a report: hand-drawn SVG, no chart library. */
export function BarChart({
  points,
  label,
}: {
  points: { key: string; short: string; value: number }[];
  label: string;
}) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const width = Math.max(300, points.length * 14);
  const height = 120;
  const bar = width / Math.max(1, points.length);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label={label} preserveAspectRatio="none">
        {points.map((p, i) => {
          const h = Math.round((p.value / max) * height);
          return (
            <g key={p.key}>
              <rect x={i * bar + bar * 0.15} y={height - h} width={bar * 0.7} height={h} class="chart-bar">
                <title>{`${p.short}: ${p.value}`}</title>
              </rect>
              {(points.length <= 12 || i % Math.ceil(points.length / 8) === 0) && (
                <text x={i * bar + bar / 2} y={height + 13} class="chart-label" text-anchor="middle">
                  {p.short}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
