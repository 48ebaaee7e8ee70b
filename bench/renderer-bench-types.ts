/** What the renderer bench page offers its driver (shared by both sides, so neither needs the other's types). */
export type Mode = 'incremental' | 'naive'
/** Mixed prose, lists, tables and code; one long code block; prose dense with math; or mixed with ten diagrams. */
export type Content = 'mixed' | 'code' | 'math' | 'diagrams'

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

/** One hostile payload drawn once, as a reopened conversation does, or streamed in. */
export interface HostileRun {
  /** From the start until the next frame could be painted (render, commit, layout of everything), ms. */
  usableMs: number
  /** The longest frame's work (render + commit + layout), ms. */
  worstFrameMs: number
  frames: number
  /** Peak of performance.memory.usedJSHeapSize over the run, MB (Chromium). */
  heapPeakMb: number
}

export interface RendererBench {
  /**
   * Draws the hostile payload `kind` (test/fake-gateway/hostile.ts; `size` overrides the issue's) at once,
   * or streamed `perFrame` characters a frame.
   */
  hostile(kind: string, how: 'reopen' | 'stream', perFrame: number, size?: number): Promise<HostileRun>
  /** Streams the answer at `perSecond` deltas, one render per frame; returns every frame. */
  stream(mode: Mode, content: Content, chars: number, perSecond: number): Promise<Frame[]>
  /** Compare: `models` answers of `chars` characters each streaming at once at `perSecond` deltas each. */
  compare(models: number, chars: number, perSecond: number): Promise<Frame[]>
  /** Renders single deltas spread over the 1,000 characters before `atChars`; returns each one's time, ms. */
  perDelta(mode: Mode, content: Content, totalChars: number, atChars: number, samples: number): number[]
  /**
   * The last stream's diagrams drawn as images when it ended (the frame draws them meanwhile), and
   * once all were (or 10 s had passed), how long after the end.
   */
  drawnDiagrams(): { atEnd: number; all: number; allAfterMs: number }
}

export interface BenchWindow {
  rendererBench: RendererBench
}
