import {
  diagramImage,
  readFrameMessage,
  type DiagramImage,
  type DiagramRequest,
  type DiagramTheme,
} from './diagram-protocol'

export type DiagramResult =
  | { ok: true; image: DiagramImage }
  /** `unavailable`: the frame itself did not load (not the diagram's fault; not remembered). */
  | { ok: false; message: string; unavailable?: boolean }

/** The frame, as the renderer sees it: a way to post to it, and to remove it. */
export interface OpenFrame {
  post(request: DiagramRequest): void
  close(): void
}

/** Makes the frame; `onMessage` gets only the messages the frame itself sends. */
export type OpenDiagramFrame = (onMessage: (data: unknown) => void) => OpenFrame

interface Waiting {
  request: DiagramRequest
  settle: (result: DiagramResult) => void
}

/**
 * One frame for every diagram of the app: made on the first diagram (nothing of mermaid loads before),
 * then each request posted once the frame says it is ready, answered by id. Each source is drawn once
 * per theme and remembered, so a block that re-mounts (scrolled back, conversation reopened) does not
 * ask again; the same source asked twice while drawing shares one request.
 */
export class DiagramRenderer {
  private frame: OpenFrame | null = null
  private ready = false
  private loadTimer: ReturnType<typeof setTimeout> | null = null
  /** Runs while the frame owes an answer; restarted by each answer (see `watch`). */
  private drawTimer: ReturnType<typeof setTimeout> | null = null
  /** Requests waiting for the frame to be ready. */
  private queued: Waiting[] = []
  /** Requests posted, waiting for their answer, by id. */
  private posted = new Map<string, Waiting>()
  private drawing = new Map<string, Promise<DiagramResult>>()
  private results = new Map<string, DiagramResult>()
  private nextId = 0

  constructor(
    private readonly openFrame: OpenDiagramFrame,
    private readonly options: {
      loadTimeoutMs: number
      /** The longest the frame may go without an answer while it owes one (one diagram's drawing). */
      drawTimeoutMs: number
      unavailableMessage: () => string
      tooSlowMessage: () => string
      cacheSize?: number
    },
  ) {}

  /** The result already known for this source and theme, if any (drawn without waiting). */
  known(source: string, theme: DiagramTheme): DiagramResult | undefined {
    return this.results.get(key(source, theme))
  }

  render(source: string, theme: DiagramTheme): Promise<DiagramResult> {
    const id = key(source, theme)
    const known = this.results.get(id)
    if (known) return Promise.resolve(known)
    const drawing = this.drawing.get(id)
    if (drawing) return drawing
    const promise = new Promise<DiagramResult>((settle) => {
      this.nextId += 1
      const request: DiagramRequest = { type: 'holysheep-mermaid-render', id: `d${this.nextId}`, source, theme }
      const waiting: Waiting = {
        request,
        settle: (result) => {
          this.drawing.delete(id)
          if (!(!result.ok && result.unavailable)) this.remember(id, result)
          settle(result)
        },
      }
      this.send(waiting)
    })
    this.drawing.set(id, promise)
    return promise
  }

  private send(waiting: Waiting): void {
    if (this.frame && this.ready) {
      this.posted.set(waiting.request.id, waiting)
      this.frame.post(waiting.request)
      this.watch()
      return
    }
    this.queued.push(waiting)
    if (!this.frame) this.open()
  }

  private open(): void {
    this.frame = this.openFrame((data) => this.receive(data))
    // A frame that never says it is ready (its page missing, its script refused) fails its diagrams
    // with a message instead of leaving them waiting; the next diagram tries a new frame.
    this.loadTimer = setTimeout(() => this.fail(), this.options.loadTimeoutMs)
  }

  private receive(data: unknown): void {
    const message = readFrameMessage(data)
    if (!message) return
    if (message.type === 'holysheep-mermaid-ready') {
      if (this.ready || !this.frame) return
      this.ready = true
      clearTimeout(this.loadTimer ?? undefined)
      const queued = this.queued
      this.queued = []
      for (const waiting of queued) this.send(waiting)
      return
    }
    const waiting = this.posted.get(message.id)
    if (!waiting) return
    this.posted.delete(message.id)
    clearTimeout(this.drawTimer ?? undefined)
    this.drawTimer = null
    this.watch()
    if ('error' in message) return waiting.settle({ ok: false, message: message.error })
    const image = diagramImage(message.svg)
    waiting.settle(image ? { ok: true, image } : { ok: false, message: 'The drawing has no size (no viewBox).' })
  }

  /**
   * The frame draws one diagram at a time, oldest first. If it owes answers and none comes for
   * `drawTimeoutMs` (mermaid stuck on a source, or the frame gone), the oldest is the one it is stuck
   * on: that diagram fails as too slow (remembered: it is not tried again), the others wait for a
   * new frame, made by the next diagram.
   */
  private watch(): void {
    if (this.drawTimer || this.posted.size === 0) return
    this.drawTimer = setTimeout(() => {
      this.drawTimer = null
      const oldest = this.posted.values().next().value
      if (!oldest) return
      this.posted.delete(oldest.request.id)
      oldest.settle({ ok: false, message: this.options.tooSlowMessage() })
      this.fail()
    }, this.options.drawTimeoutMs)
  }

  private fail(): void {
    clearTimeout(this.drawTimer ?? undefined)
    this.drawTimer = null
    const stranded = [...this.queued, ...this.posted.values()]
    this.queued = []
    this.posted.clear()
    this.frame?.close()
    this.frame = null
    this.ready = false
    for (const waiting of stranded)
      waiting.settle({ ok: false, message: this.options.unavailableMessage(), unavailable: true })
  }

  private remember(id: string, result: DiagramResult): void {
    // Oldest first out: a Map keeps insertion order.
    const limit = this.options.cacheSize ?? 256
    while (this.results.size >= limit) this.results.delete(this.results.keys().next().value as string)
    this.results.set(id, result)
  }
}

function key(source: string, theme: DiagramTheme): string {
  return `${theme}\n${source}`
}
