/**
 * Answers with math, footnotes and hostile formulas (issue 17), for end-to-end tests and screenshots:
 *   [[math]]          inline and display math in every delimiter, prices that stay text, a broken
 *                     formula, a footnote and a long code line
 *   [[hostile-math]]  formulas carrying <script>, javascript: links, onerror attributes and HTML commands
 *   [[mermaid]]       six kinds of diagram, one broken, one hostile (<script> and onerror in labels, a
 *                     javascript: click, an init directive asking for securityLevel loose)
 *   [[preview]]       an HTML block whose scripts try to reach the app, its storage and the network (its own server, which answers without the frame's policy), and an SVG
 */
export const mathSample = [
  '## Định lý Pythagoras',
  '',
  'Với tam giác vuông, $a^2 + b^2 = c^2$, và \\(e^{i\\pi} + 1 = 0\\) là một đẳng thức khác.[^1]',
  '',
  '$$\\int_0^1 x\\,dx = \\frac{1}{2}$$',
  '',
  '\\[',
  '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}',
  '\\]',
  '',
  '$$',
  '\\left( \\sum_{k=1}^{n} a_k b_k \\right)^2 \\le \\left( \\sum_{k=1}^{n} a_k^2 \\right) \\left( \\sum_{k=1}^{n} b_k^2 \\right) + \\sum_{i<j} (a_i b_j - a_j b_i)^2 + ' +
    Array.from({ length: 24 }, (_, index) => `x_{${index + 1}}`).join(' + '),
  '$$',
  '',
  'Giá: $5 and $10, hoặc từ $5-$10 mỗi tháng.',
  '',
  'Lỗi: $\\frac{1$ không đọc được.',
  '',
  '```python',
  'print("a rather long line of code that goes on and on past the width of a narrow window, to scroll or wrap")',
  '```',
  '',
  '[^1]: Euler, 1748.',
  '',
].join('\n')

export const hostileMathSample = [
  'Link: $\\href{javascript:window.__pwned=1}{click}$ and $\\url{javascript:window.__pwned=2}$.',
  '',
  'Script: $<script>window.__pwned=3</script>$ and \\(<img src=x onerror="window.__pwned=4">\\).',
  '',
  '$$\\htmlClass{x}{a}\\htmlId{y}{b}\\htmlStyle{background:url(javascript:1)}{c}\\htmlData{onerror=window.__pwned=5}{d}$$',
  '',
  '\\[\\text{<svg onload="window.__pwned=6">}\\colorbox{red}{e}\\]',
  '',
  '[click](javascript:window.__pwned=7) $\\includegraphics{https://example.com/x.png}$',
  '',
].join('\n')

export const previewSample = [
  'A page:',
  '',
  '```html',
  '<h1 id="title">Hello from the preview</h1>',
  '<p id="script">not run</p><p id="onerror">not run</p><p id="storage">not tried</p><p id="parent">not tried</p><p id="network">not tried</p>',
  '<img src="x" onerror="document.getElementById(\'onerror\').textContent = \'ran\'">',
  '<script>',
  "  document.getElementById('script').textContent = 'ran'",
  "  const mark = (id, fn) => { try { fn(); document.getElementById(id).textContent = 'reached' } catch { document.getElementById(id).textContent = 'blocked' } }",
  "  mark('storage', () => localStorage.getItem('x'))",
  "  mark('parent', () => { parent.document.title; parent.__pwned = 1 })",
  "  fetch(location.href, { mode: 'no-cors' }).then(() => (document.getElementById('network').textContent = 'reached'), () => (document.getElementById('network').textContent = 'blocked'))",
  "  try { top.location.href = 'javascript:window.__pwned=2' } catch {}",
  '</script>',
  '```',
  '',
  'A drawing:',
  '',
  '```svg',
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" onload="parent.__pwned = 3"><circle id="dot" cx="40" cy="40" r="30" fill="teal"/></svg>',
  '```',
  '',
].join('\n')

export const mermaidSources = {
  flowchart: ['flowchart TD', '  A[Question] --> B{Clear?}', '  B -->|Yes| C[Answer]', '  B -->|No| D[Ask back]'].join(
    '\n',
  ),
  sequence: ['sequenceDiagram', '  Alice->>Bob: Hello Bob', '  Bob-->>Alice: Hi Alice'].join('\n'),
  pie: ['pie title Pets', '  "Dogs" : 386', '  "Cats" : 85', '  "Rats" : 15'].join('\n'),
  class: ['classDiagram', '  Animal <|-- Duck', '  Animal : +int age', '  Duck : +swim()'].join('\n'),
  state: ['stateDiagram-v2', '  [*] --> Still', '  Still --> Moving', '  Moving --> [*]'].join('\n'),
  gantt: ['gantt', '  title Plan', '  dateFormat YYYY-MM-DD', '  section Build', '  Draw :a1, 2026-01-01, 7d'].join(
    '\n',
  ),
  broken: ['flowchart TD', '  A --> ', '  --> -->'].join('\n'),
  hostile: [
    '%%{init: {"securityLevel":"loose"}}%%',
    'flowchart TD',
    '  A["<script>window.__pwned=1</script>"] --> B["<img src=x onerror=window.__pwned=2>"]',
    '  click A "javascript:window.__pwned=3"',
    '  click B call alert(4)',
  ].join('\n'),
}

export const mermaidSample = [
  'Six diagrams, one broken, one hostile:',
  '',
  ...Object.values(mermaidSources).flatMap((source) => ['```mermaid', source, '```', '']),
  'The end.',
  '',
].join('\n')

export function richSample(lastUserMessage: string): string | null {
  if (lastUserMessage.includes('[[preview]]')) return previewSample
  if (lastUserMessage.includes('[[mermaid]]')) return mermaidSample
  if (lastUserMessage.includes('[[hostile-math]]')) return hostileMathSample
  if (lastUserMessage.includes('[[math]]')) return mathSample
  return null
}
