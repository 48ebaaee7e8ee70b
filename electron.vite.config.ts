import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { mermaidFramePage, type MermaidFramePage } from './scripts/mermaid-frame-page'
import { mermaidFramePagePath } from './src/main/web/security'

// Made once per build: the renderer ships the page, main names its script's hash in the page's header.
const mermaidFrame = mermaidFramePage(import.meta.dirname)

/**
 * The diagram frame's page (mermaid inlined, 5 MB) as a file of the built renderer, beside index.html
 * and outside its bundle: nothing of it is parsed until a diagram is first drawn. The dev server
 * serves it too.
 */
function mermaidFramePlugin(page: MermaidFramePage): Plugin {
  return {
    name: 'holysheep-mermaid-frame',
    configureServer(server) {
      server.middlewares.use(mermaidFramePagePath, (_request, response) => {
        response.setHeader('Content-Type', 'text/html; charset=utf-8')
        response.end(page.html)
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: mermaidFramePagePath.slice(1), source: page.html })
    },
  }
}

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
