import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { mermaidFramePage, mermaidFramePlugin } from './scripts/mermaid-frame-page'

// Made once per build: the renderer ships the page, main names its script's hash in the page's header.
const mermaidFrame = mermaidFramePage(import.meta.dirname)

export default defineConfig({
  main: {
    define: { __MERMAID_FRAME_SCRIPT_HASH__: JSON.stringify(mermaidFrame.scriptHash) },
    build: {
      rollupOptions: {
        // Two entries over one core: the Electron app, and browser mode (plain Node, no Electron);
        // and the worker threads both of them start (export/import, backup, PDF text).
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          web: resolve(import.meta.dirname, 'src/main/web/cli.ts'),
          'transfer-worker': resolve(import.meta.dirname, 'src/main/history/transfer/transfer-worker.ts'),
          'backup-worker': resolve(import.meta.dirname, 'src/main/backups/backup-worker.ts'),
          'pdf-worker': resolve(import.meta.dirname, 'src/main/attachments/pdf-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules, so it is bundled to one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react(), mermaidFramePlugin(mermaidFrame)],
    build: {
      // electron-vite leaves the renderer unminified; minified, start-up parses about a third of the bytes.
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
})
