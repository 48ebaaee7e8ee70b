/**
 * Hostile answers (issue 19, items 1 and 2): markdown a model or an import could hand the renderer
 * that once blanked the app (stack overflow) or froze it (super-linear parsing, highlighting, layout).
 * The fake gateway answers `[[hostile=name]]` with one of these; `[[hostile-size=N]]` overrides its
 * size (the repeat count, the characters or the rows, as each says). Sizes default to the issue's.
 */
export const hostileKinds = {
  /** `>` × N: block quotes nested N deep (2 KB). */
  'nested-quotes': { size: 2_000, make: (n: number) => `${'>'.repeat(n)} deep\n` },
  /** `- ` × N on one line: lists nested N deep. */
  'deep-lists': { size: 2_000, make: (n: number) => `${'- '.repeat(n)}deep\n` },
  /** Lists nested N deep by indentation, one item a line, as a model writes an outline gone wrong. */
  'indented-lists': {
    size: 2_000,
    make: (n: number) => Array.from({ length: n }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n'),
  },
  /** `*a ` × N: emphasis openers that never close (quadratic in micromark; 5,000 also overflowed the stack). */
  emphasis: { size: 10_000, make: (n: number) => `${'*a '.repeat(n)}\n` },
  /** One unbroken word of N characters (5 MB). */
  'long-word': { size: 5_000_000, make: (n: number) => `${'a'.repeat(n)}\n` },
  /** A fenced code block that is one line of N characters (5 MB). */
  'long-code': { size: 5_000_000, make: (n: number) => `\`\`\`js\n${'x'.repeat(n)}\n\`\`\`\n` },
  /** A table of N rows × 30 cells. */
  'big-table': {
    size: 3_000,
    make: (n: number) => {
      const row = (cell: (column: number) => string) =>
        `| ${Array.from({ length: 30 }, (_, c) => cell(c)).join(' | ')} |`
      const rows = Array.from({ length: n }, (_, r) => row((c) => `r${r}c${c}`))
      return [row((c) => `h${c}`), row(() => '---'), ...rows].join('\n') + '\n'
    },
  },
  /** A link whose text holds a right-to-left override, so "gnp.exe" would read "exe.png" (item 17). */
  'bidi-link': { size: 1, make: () => 'Download [\u202Egnp.exe](https://x.test/file) here.\n' },
} as const satisfies Record<string, { size: number; make(n: number): string }>

export type HostileKind = keyof typeof hostileKinds

export function isHostileKind(name: string): name is HostileKind {
  return Object.hasOwn(hostileKinds, name)
}

/** The hostile answer the message asks for, or null. */
export function hostileAnswer(lastUserMessage: string): string | null {
  const kind = /\[\[hostile=([\w-]+)\]\]/.exec(lastUserMessage)?.[1]
  if (!kind || !isHostileKind(kind)) return null
  const size = /\[\[hostile-size=(\d+)\]\]/.exec(lastUserMessage)?.[1]
  const { make, size: fallback } = hostileKinds[kind]
  return make(size ? Number(size) : fallback)
}
