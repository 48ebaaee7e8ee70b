import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { mermaidFramePage } from './scripts/mermaid-frame-page'

export default defineConfig({
  // As electron.vite.config.ts defines it for main (src/main/build-constants.d.ts).
  define: { __MERMAID_FRAME_SCRIPT_HASH__: JSON.stringify(mermaidFramePage(import.meta.dirname).scriptHash) },
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Every test starts its own servers on port 0, so files can run in parallel safely.
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          // Main, preload, shared and the fake gateway all run under Node (24, as in Electron 45's main).
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          // The renderer's stores and components, in a DOM (happy-dom) under the same Node.
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
})
