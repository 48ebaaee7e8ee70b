import hljs from 'highlight.js/lib/core'
import bash from 'highlight.js/lib/languages/bash'
import c from 'highlight.js/lib/languages/c'
import cpp from 'highlight.js/lib/languages/cpp'
import csharp from 'highlight.js/lib/languages/csharp'
import css from 'highlight.js/lib/languages/css'
import diff from 'highlight.js/lib/languages/diff'
import go from 'highlight.js/lib/languages/go'
import java from 'highlight.js/lib/languages/java'
import javascript from 'highlight.js/lib/languages/javascript'
import json from 'highlight.js/lib/languages/json'
import kotlin from 'highlight.js/lib/languages/kotlin'
import markdown from 'highlight.js/lib/languages/markdown'
import php from 'highlight.js/lib/languages/php'
import plaintext from 'highlight.js/lib/languages/plaintext'
import python from 'highlight.js/lib/languages/python'
import ruby from 'highlight.js/lib/languages/ruby'
import rust from 'highlight.js/lib/languages/rust'
import shell from 'highlight.js/lib/languages/shell'
import sql from 'highlight.js/lib/languages/sql'
import swift from 'highlight.js/lib/languages/swift'
import typescript from 'highlight.js/lib/languages/typescript'
import xml from 'highlight.js/lib/languages/xml'
import yaml from 'highlight.js/lib/languages/yaml'

/**
 * highlight.js core with the grammars models write most. This module is its own chunk, loaded by
 * highlight.ts the first time a code block is drawn, so start-up does not parse it; it ships with
 * the app (nothing is fetched from elsewhere). Aliases (js, ts, py, sh, html, yml…) come with each grammar.
 */
const grammars = {
  bash,
  c,
  cpp,
  csharp,
  css,
  diff,
  go,
  java,
  javascript,
  json,
  kotlin,
  markdown,
  php,
  plaintext,
  python,
  ruby,
  rust,
  shell,
  sql,
  swift,
  typescript,
  xml,
  yaml,
}
for (const [name, grammar] of Object.entries(grammars)) hljs.registerLanguage(name, grammar)

/** True when the language (or an alias such as `ts`) has a bundled grammar. */
export function isKnownLanguage(language: string | null): language is string {
  return Boolean(language && hljs.getLanguage(language))
}

/**
 * The code as highlighted HTML when its language is known, else null (shown as plain text).
 * highlight.js escapes the code itself, so the result holds only its own `<span class="hljs-…">`.
 */
export function highlightCode(code: string, language: string | null): string | null {
  if (!isKnownLanguage(language)) return null
  return hljs.highlight(code, { language, ignoreIllegals: true }).value
}
