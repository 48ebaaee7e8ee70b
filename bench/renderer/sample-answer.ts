/**
 * A long model answer for the renderer bench: prose (Vietnamese and English), lists, tables and code,
 * repeated with variations up to the wanted length, then cut into token-sized deltas (1–6 characters,
 * as models send them). Deterministic, so every run streams the same bytes.
 */
const sections = [
  (n: number) =>
    `## Phần ${n}: tổng quan\n\nĐây là một đoạn văn dài bằng tiếng Việt có dấu, với **chữ đậm**, *chữ nghiêng* và \`mã nội tuyến\`. ` +
    `The answer keeps going in English too, explaining step ${n} with a [link](https://example.com/${n}) and ~~old text~~.\n\n`,
  (n: number) =>
    `- Bước ${n}.1: cài đặt các gói cần thiết\n- Bước ${n}.2: chạy lệnh kiểm tra\n  - chi tiết lồng bên trong\n- [x] đã xong\n- [ ] chưa xong\n\n`,
  (n: number) =>
    `| Tên | Giá trị | Ghi chú |\n|---|---:|---|\n` +
    Array.from({ length: 6 }, (_, row) => `| mục ${n}.${row} | ${(n * 37 + row * 11) % 1000} | dòng ${row} |\n`).join(
      '',
    ) +
    '\n',
  (n: number) =>
    '```ts\n' +
    `export function step${n}(input: number[]): number {\n  // cộng dồn các giá trị\n  let total = 0\n` +
    `  for (const value of input) {\n    total += value * ${n}\n  }\n\n  return total\n}\n` +
    '```\n\n',
  (n: number) =>
    `1. First numbered point for part ${n}, with enough words to wrap across the line in a narrow window.\n` +
    `2. Second point: *emphasis*, \`code\` and a number ${n * 1000}.\n\n> A quoted remark that closes part ${n}.\n\n`,
]

/** `startAt` starts each round at another section: another model's answer, built of the same parts. */
export function sampleAnswer(length: number, startAt = 0): string {
  let text = ''
  for (let n = 1; text.length < length; n++)
    for (let index = 0; index < sections.length; index++) text += sections[(index + startAt) % sections.length]!(n)
  return text.slice(0, length)
}

/** The other hard case: one answer that is a single long code block, still open while it streams. */
export function sampleCodeAnswer(length: number): string {
  let text = 'Here is the whole file:\n\n```ts\n'
  for (let n = 1; text.length < length; n++)
    text +=
      `/** Step ${n}: adds up the values, times ${n}. */\nexport function step${n}(input: number[]): number {\n` +
      `  let total = 0\n  for (const value of input) total += value * ${n}\n  return total // "done ${n}"\n}\n\n`
  return text.slice(0, length)
}

/** Formulas for the math answer, in every delimiter, inline and display (issue 17). */
const formulas = [
  (n: number) => `$a_${n}^2 + b_${n}^2 = c_${n}^2$`,
  (n: number) => `\\(\\frac{${n}}{x + ${n}}\\)`,
  (n: number) => `\n\n$$\n\\int_0^{${n}} x^2\\,dx = \\frac{${n}^3}{3}\n$$\n\n`,
  (n: number) => `$\\sum_{k=1}^{${n}} k = \\frac{${n}(${n}+1)}{2}$`,
  (n: number) => `\n\n\\[\n\\begin{pmatrix} ${n} & 0 \\\\ 0 & ${n} \\end{pmatrix}\n\\]\n\n`,
  (n: number) => `$\\sqrt{${n}} \\approx ${Math.sqrt(n).toFixed(3)}$`,
]

/** An answer dense with math: one formula every ~300 characters of prose (prices included, as text). */
export function sampleMathAnswer(length: number): string {
  let text = ''
  for (let n = 1; text.length < length; n++) {
    const formula = formulas[n % formulas.length]!(n)
    text +=
      `Bước ${n}: với giá $${n} và $${n + 5} mỗi tháng, ta xét công thức ${formula} ` +
      `rồi kiểm tra lại kết quả bằng cách thay số vào, as the derivation in part ${n} shows step by step, ` +
      `keeping every term and its sign in order until the identity holds for all values considered. `.slice(0, 160) +
      (n % 3 === 0 ? '\n\n' : '')
  }
  return text.slice(0, length)
}

/** Ten kinds of diagram, each with its number in it (so no two are the same source). */
export const diagramSources = [
  (n: number) =>
    `flowchart TD\n  A${n}[Question ${n}] --> B{Clear?}\n  B -->|Yes| C[Answer]\n  B -->|No| D[Ask back]\n  D --> A${n}`,
  (n: number) =>
    `sequenceDiagram\n  Alice->>Bob: Hello ${n}\n  Bob-->>Alice: Hi\n  Alice->>Bob: How are you?\n  Bob-->>Alice: Fine`,
  (n: number) => `pie title Share ${n}\n  "Dogs" : ${300 + n}\n  "Cats" : 85\n  "Rats" : 15`,
  (n: number) => `classDiagram\n  Animal <|-- Duck${n}\n  Animal <|-- Fish\n  Animal : +int age\n  Duck${n} : +swim()`,
  (n: number) => `stateDiagram-v2\n  [*] --> Still${n}\n  Still${n} --> Moving\n  Moving --> Crash\n  Crash --> [*]`,
  (n: number) =>
    `gantt\n  title Plan ${n}\n  dateFormat YYYY-MM-DD\n  section Build\n  Draw :a1, 2026-01-01, 7d\n  Test :after a1, 5d`,
  (n: number) => `erDiagram\n  CUSTOMER${n} ||--o{ ORDER : places\n  ORDER ||--|{ LINE-ITEM : contains`,
  (n: number) => `journey\n  title Day ${n}\n  section Work\n    Code: 5: Me\n    Review: 3: Me, You`,
  (n: number) => `flowchart LR\n  S${n}((Start)) --> P[Parse] --> R[Render] --> E((End))`,
  (n: number) => `mindmap\n  root((Topic ${n}))\n    Math\n    Diagrams\n    Previews`,
]

/** A long answer with ten diagrams spread through it (issue 17): the mixed answer, a fence every tenth. */
export function sampleDiagramAnswer(length: number): string {
  const prose = sampleAnswer(length)
  const share = Math.floor(length / diagramSources.length)
  let text = ''
  let from = 0
  for (let index = 0; index < diagramSources.length; index++) {
    // Cut the prose at a blank line, so each diagram fence stands as a block of its own.
    const end = prose.lastIndexOf('\n\n', (index + 1) * share - 1_000) + 2
    text += prose.slice(from, Math.max(from, end))
    text += '```mermaid\n' + diagramSources[index]!(index + 1) + '\n```\n\n'
    from = Math.max(from, end)
  }
  // Prose after the last diagram, up to the length.
  return (text + prose.slice(from)).slice(0, length)
}

export type SampleContent = 'mixed' | 'code' | 'math' | 'diagrams'
export const sample = (content: SampleContent, length: number) =>
  content === 'code'
    ? sampleCodeAnswer(length)
    : content === 'math'
      ? sampleMathAnswer(length)
      : content === 'diagrams'
        ? sampleDiagramAnswer(length)
        : sampleAnswer(length)

/** Cuts the text into deltas of 1–6 characters (a small linear congruential generator, fixed seed). */
export function toDeltas(text: string): string[] {
  const deltas: string[] = []
  let seed = 7
  for (let at = 0; at < text.length;) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    const size = 1 + (seed % 6)
    deltas.push(text.slice(at, at + size))
    at += size
  }
  return deltas
}
