import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { mermaidFrameMetaPolicy, mermaidFramePagePath } from '../src/main/web/security'

/**
 * The diagram frame's page (served as /mermaid-frame.html from the built renderer): mermaid's classic
 * script and the frame's own (src/renderer/mermaid-frame/frame.js) as ONE inline script, allowed by
 * its hash. One file, no second request: a script fetched from inside the frame's opaque origin would
 * be cross-origin to the app (no 'self' to name it, no token cookie in browser mode). Built at build
 * time by the renderer's vite plugin; main gets the same hash for the page's header (see
 * electron.vite.config.ts), so the meta tag and the header are one policy.
 */
export interface MermaidFramePage {
  html: string
  /** 'sha256-…', as CSP writes it. */
  scriptHash: string
}

/** `root`: the repository (the configs pass their own folder: bundled, this file's would not be it). */
export function mermaidFramePage(root: string): MermaidFramePage {
  const require = createRequire(join(root, 'package.json'))
  const library = readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8')
  const frame = readFileSync(join(root, 'src/renderer/mermaid-frame/frame.js'), 'utf8')
  const script = `${library}\n${frame}`
  // The text sits in a <script> element as it is: a closing tag inside would end it early.
  if (/<\/script/i.test(script)) throw new Error('mermaid-frame: the script holds "</script" and cannot be inlined')
  const scriptHash = `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`
  const html = `<!doctype html>
<html>
  <head>
    <meta charset="UTF-8" />
    <!-- Made by scripts/mermaid-frame-page.ts; see src/renderer/mermaid-frame/frame.js. -->
    <meta http-equiv="Content-Security-Policy" content="${mermaidFrameMetaPolicy(scriptHash)}" />
    <title>Diagrams</title>
    <style>
      /* Mermaid measures its labels: the page needs a real width (the frame is off screen, not hidden). */
      body { margin: 0; width: 1200px; font-family: sans-serif; }
    </style>
  </head>
  <body>
    <script>${script}</script>
  </body>
</html>
`
  return { html, scriptHash }
}

/**
 * The diagram frame's page (mermaid inlined, 5 MB) as a file of the built renderer, beside index.html
 * and outside its bundle: nothing of it is parsed until a diagram is first drawn. The dev server
 * serves it too. (The renderer bench's page uses it as well.)
 */
export function mermaidFramePlugin(page: MermaidFramePage): Plugin {
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
