/**
 * A small stacked bar chart drawn by hand in SVG: one bar per day, one coloured segment per model,
 * the tallest bar scaled to the plot's height. No chart library: thirty bars do not need one. Each
 * bar has a <title> (a tooltip, and a name for screen readers), the chart has a label and a legend,
 * and the table below carries the same figures.
 */
export interface Bar {
  /** The day under the bar, already in the UI's language; also the bar's key. */
  label: string
  /** Values per series (model), in any order; missing series are zero. */
  segments: ReadonlyArray<{ series: string; value: number }>
  /** What the tooltip says, e.g. "Mar 31, 2025: ¥0.12". */
  title: string
}

const width = 640
const height = 130
const axis = 20
/** Room above the bars for the scale's label. */
const top = 16
/** Distinct colours for the first series; the rest share one. */
const palette = 6

export function seriesClass(series: readonly string[], name: string): string {
  const index = series.indexOf(name)
  return index >= 0 && index < palette ? `series-${index}` : 'series-other'
}

export function BarChart({
  bars,
  series,
  label,
  formatMax,
}: {
  bars: readonly Bar[]
  /** Series in stacking and colour order (the models, most expensive first). */
  series: readonly string[]
  label: string
  /** Labels the tallest bar's value, the chart's only scale. */
  formatMax(max: number): string
}) {
  const totals = bars.map((bar) => bar.segments.reduce((sum, segment) => sum + segment.value, 0))
  const max = Math.max(...totals, 0)
  const slot = width / Math.max(bars.length, 1)
  const plot = height - axis
  const scale = (value: number) => (max === 0 ? 0 : (value / max) * (plot - top))
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1={0} y1={top} x2={width} y2={top} className="gridline" />
      <text x={0} y={top - 4} className="tick">
        {formatMax(max)}
      </text>
      <line x1={0} y1={plot} x2={width} y2={plot} className="axis" />
      {bars.map((bar, index) => {
        const x = index * slot + slot * 0.15
        const ordered = [...bar.segments].sort((a, b) => series.indexOf(a.series) - series.indexOf(b.series))
        let y = plot
        return (
          <g key={bar.label} className="bar" data-value={totals[index]}>
            <title>{bar.title}</title>
            {ordered.map((segment) => {
              const segmentHeight = scale(segment.value)
              y -= segmentHeight
              return segment.value > 0 ? (
                <rect
                  key={segment.series}
                  x={x}
                  y={y}
                  width={slot * 0.7}
                  height={Math.max(segmentHeight, 1)}
                  className={`segment ${seriesClass(series, segment.series)}`}
                />
              ) : null
            })}
            {/* A date under every fifth bar and the last, so the axis stays readable. */}
            {index % 5 === 0 || index === bars.length - 1 ? (
              <text
                x={index === 0 ? x : index === bars.length - 1 ? x + slot * 0.7 : x + slot * 0.35}
                y={height - 5}
                textAnchor={index === 0 ? 'start' : index === bars.length - 1 ? 'end' : 'middle'}
                className="tick"
              >
                {bar.label}
              </text>
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}

/** Which colour is which model. */
export function Legend({ series, nameOf }: { series: readonly string[]; nameOf(series: string): string }) {
  return (
    <ul className="chart-legend">
      {series.map((name) => (
        <li key={name}>
          <span className={`swatch ${seriesClass(series, name)}`} aria-hidden="true" />
          {nameOf(name)}
        </li>
      ))}
    </ul>
  )
}
