/**
 * Values fixed at build time (electron.vite.config.ts `define`, and vitest.config.ts for the tests).
 * The hash ('sha256-…') of the diagram frame page's one inline script (scripts/mermaid-frame-page.ts),
 * which the page's header policy names.
 */
declare const __MERMAID_FRAME_SCRIPT_HASH__: string
