import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The design tokens' colour pairs meet WCAG AA in both themes: body text 4.5:1 on every surface it
 * sits on, control borders and the focus ring 3:1 (non-text contrast). Read from tokens.css itself,
 * so a colour changed there is checked here.
 */
const css = readFileSync(resolve('src/renderer/src/ui/tokens.css'), 'utf8')

function tokens(): Map<string, { light: string; dark: string }> {
  const found = new Map<string, { light: string; dark: string }>()
  for (const match of css.matchAll(/(--[\w-]+):\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/gi))
    found.set(match[1]!, { light: match[2]!, dark: match[3]! })
  return found
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}

const textPairs: Array<[string, string]> = [
  ['--text', '--bg'],
  ['--text', '--surface'],
  ['--text', '--surface-raised'],
  ['--text', '--surface-hover'],
  ['--text', '--surface-selected'],
  ['--text', '--user-bubble'],
  ['--text', '--code-bg'],
  ['--text-muted', '--bg'],
  ['--text-muted', '--surface'],
  ['--text-muted', '--surface-hover'],
  ['--text-muted', '--surface-selected'],
  ['--text-muted', '--user-bubble'],
  ['--text-faint', '--surface'],
  ['--accent-text', '--accent'],
  ['--accent-text', '--accent-hover'],
  ['--accent', '--surface'],
  ['--accent', '--accent-soft'],
  ['--danger-text', '--danger'],
  ['--danger', '--surface'],
  ['--danger', '--danger-soft'],
  ['--warning', '--warning-soft'],
  ['--success', '--surface'],
  ['--link', '--surface'],
  ['--link', '--user-bubble'],
  ['--mark-text', '--mark-bg'],
  ['--surface', '--text'],
]
const nonTextPairs: Array<[string, string]> = [
  ['--border-strong', '--surface'],
  ['--focus', '--surface'],
  ['--focus', '--bg'],
]

describe('design tokens', () => {
  const colours = tokens()

  it('defines every colour once, for both themes', () => {
    expect(colours.size).toBeGreaterThan(30)
    for (const [name] of [...textPairs, ...nonTextPairs].flat().map((token) => [token]))
      expect(colours.has(name!), name).toBe(true)
  })

  for (const theme of ['light', 'dark'] as const) {
    it(`gives text 4.5:1 on its backgrounds in the ${theme} theme`, () => {
      const failing = textPairs
        .map(([fg, bg]) => ({ fg, bg, ratio: contrast(colours.get(fg)![theme], colours.get(bg)![theme]) }))
        .filter((pair) => pair.ratio < 4.5)
      expect(failing).toEqual([])
    })
    it(`gives control borders and the focus ring 3:1 in the ${theme} theme`, () => {
      const failing = nonTextPairs
        .map(([fg, bg]) => ({ fg, bg, ratio: contrast(colours.get(fg)![theme], colours.get(bg)![theme]) }))
        .filter((pair) => pair.ratio < 3)
      expect(failing).toEqual([])
    })
  }
})
