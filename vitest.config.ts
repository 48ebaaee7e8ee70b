import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Main, preload, shared and the fake gateway all run under Node (24, as in Electron 45's main).
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Every test starts its own servers on port 0, so files can run in parallel safely.
    pool: 'forks',
  },
})
