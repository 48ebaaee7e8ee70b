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

export type SampleContent = 'mixed' | 'code' | 'math'
export const sample = (content: SampleContent, length: number) =>
  content === 'code' ? sampleCodeAnswer(length) : content === 'math' ? sampleMathAnswer(length) : sampleAnswer(length)

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
