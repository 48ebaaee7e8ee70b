/** What the renderer bench page offers its driver (shared by both sides, so neither needs the other's types). */
export type Mode = 'incremental' | 'naive'
/** Mixed prose, lists, tables and code; or one long code block. */
export type Content = 'mixed' | 'code'

export interface Frame {
  /** Characters on screen after the frame. */
  chars: number
  /** Deltas applied in the frame. */
  deltas: number
  /** Render, commit and layout of the frame, ms. */
  work: number
  /** Time since the previous frame, ms. */
  interval: number
}

export interface RendererBench {
  /** Streams the answer at `perSecond` deltas, one render per frame; returns every frame. */
  stream(mode: Mode, content: Content, chars: number, perSecond: number): Promise<Frame[]>
  /** Renders single deltas near `atChars`; returns each one's time, ms. */
  perDelta(mode: Mode, content: Content, totalChars: number, atChars: number, samples: number): number[]
}

export interface BenchWindow {
  rendererBench: RendererBench
}
