import { afterEach, describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/i18n/en'
import { applyLanguage, resolveLanguage, strings } from '../../src/renderer/src/i18n'
import { formatBytes, formatNumber } from '../../src/renderer/src/i18n/format'
import { vi } from '../../src/renderer/src/i18n/vi'

afterEach(() => {
  applyLanguage('en')
})

/** Every key path of a catalog, functions included, so the two languages can be compared whole. */
function keyPaths(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}:${typeof value}`],
  )
}

describe('languages', () => {
  it('follows the OS or browser locale for "system", English when it has neither language', () => {
    expect(resolveLanguage('system', ['vi-VN', 'en-US'])).toBe('vi')
    expect(resolveLanguage('system', ['fr-FR', 'en-GB'])).toBe('en')
    expect(resolveLanguage('system', ['de-DE'])).toBe('en')
    expect(resolveLanguage('vi', ['en-US'])).toBe('vi')
    expect(resolveLanguage('en', ['vi'])).toBe('en')
  })

  it('switches every string, the page language and number formats together', () => {
    applyLanguage('vi')
    expect(strings.nav.settings).toBe('Cài đặt')
    expect(document.documentElement.lang).toBe('vi')
    expect(formatNumber(1234.5, 1)).toBe('1.234,5')
    expect(strings.chat.meta({ model: 'GPT-4.1', ttftMs: 1200, tokensPerSecond: 42.25, tokens: 1500 })).toBe(
      'GPT-4.1 · token đầu tiên 1.200 ms · 42,3 token/giây · 1.500 token',
    )
    applyLanguage('en')
    expect(strings.nav.settings).toBe('Settings')
    expect(formatNumber(1234.5, 1)).toBe('1,234.5')
  })

  it('says a file size in words that read right: 25 bytes, 498.6 kB, 2 MB', () => {
    expect([formatBytes(25), formatBytes(1), formatBytes(510_566), formatBytes(2 * 1024 * 1024)]).toEqual([
      '25 bytes',
      '1 byte',
      '498.6 kB',
      '2 MB',
    ])
    applyLanguage('vi')
    expect([formatBytes(25), formatBytes(510_566)]).toEqual(['25 byte', '498,6 kB'])
  })

  it('has Vietnamese for every English string, errors included', () => {
    expect(keyPaths(vi)).toEqual(keyPaths(en))
    const english = keyPaths(en).filter((path) => path.endsWith(':string'))
    // Identical only where the words are names (the app, "English", "Tiếng Việt", "Top P", "Proxy") or a dash.
    const same = english
      .map((path) => path.slice(0, -':string'.length))
      .filter(
        (path) =>
          path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], vi) ===
          path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], en),
      )
    expect(same.sort()).toEqual(
      [
        'appName',
        'settings.languageOptions.en',
        'settings.languageOptions.vi',
        'preferences.topP',
        'preferences.proxy',
        'usage.none',
      ].sort(),
    )
  })
})
