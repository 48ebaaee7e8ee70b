/**
 * A small bar chart drawn by hand in SVG: one bar per day, the tallest scaled to the plot's height.
 * No chart library: thirty bars do not need one. Each bar has a <title> (a tooltip, and a name for
 * screen readers), and the whole chart has a label; the table beside it carries the same figures.
 */
export interface Bar {
  label: string
  value: number
  /** What the tooltip says, e.g. "2025-03-31: ¥0.12". */
  title: string
}

const width = 640
const height = 130
const axis = 20
/** Room above the bars for the scale's label. */
const top = 16

export function BarChart({
  bars,
  label,
  formatMax,
}: {
  bars: readonly Bar[]
  label: string
  /** Labels the tallest bar's value, the chart's only scale. */
  formatMax(max: number): string
}) {
  const max = Math.max(...bars.map((bar) => bar.value), 0)
  const slot = width / Math.max(bars.length, 1)
  const plot = height - axis
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1={0} y1={top} x2={width} y2={top} className="gridline" />
      <text x={0} y={top - 4} className="tick">
        {formatMax(max)}
      </text>
      <line x1={0} y1={plot} x2={width} y2={plot} className="axis" />
      {bars.map((bar, index) => {
        const barHeight = max === 0 ? 0 : (bar.value / max) * (plot - top)
        const x = index * slot + slot * 0.15
        return (
          <g key={bar.label}>
            <rect
              x={x}
              y={plot - barHeight}
              width={slot * 0.7}
              height={Math.max(barHeight, bar.value > 0 ? 1 : 0)}
              className="bar"
              data-value={bar.value}
            >
              <title>{bar.title}</title>
            </rect>
            {/* A date under every fifth bar and the last, so the axis stays readable. */}
            {index % 5 === 0 || index === bars.length - 1 ? (
              <text
                x={index === 0 ? x : index === bars.length - 1 ? x + slot * 0.7 : x + slot * 0.35}
                y={height - 5}
                textAnchor={index === 0 ? 'start' : index === bars.length - 1 ? 'end' : 'middle'}
                className="tick"
              >
                {bar.label.slice(5)}
              </text>
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}
