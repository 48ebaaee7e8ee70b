import { describe, expect, it } from 'vitest'

describe('the test runtime', () => {
  it('is Node 24, the Node that Electron 45 embeds, whatever the machine’s own Node is', async () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(24)
    // node:sqlite is what history will stand on; it must load here as it does in Electron's main.
    const sqlite = await import('node:sqlite')
    expect(typeof sqlite.DatabaseSync).toBe('function')
  })
})
