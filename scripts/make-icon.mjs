/**
 * Draws the app icon, build/icon.png (512×512, RGBA), from code, so it can be regenerated and
 * reviewed as text: a rounded teal square with a white speech bubble. electron-builder derives the
 * Windows .ico, the macOS .icns and the Linux sizes from it.
 *
 *   node scripts/make-icon.mjs
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'

const size = 512
const teal = [20, 184, 166]
const deep = [13, 110, 110]
const white = [255, 255, 255]

/** Coverage of a pixel by a shape, with a one-pixel soft edge so curves are not jagged. */
const soft = (distance) => Math.min(1, Math.max(0, 0.5 - distance))

function roundedSquare(x, y, inset, radius) {
  const dx = Math.max(Math.abs(x - size / 2) - (size / 2 - inset - radius), 0)
  const dy = Math.max(Math.abs(y - size / 2) - (size / 2 - inset - radius), 0)
  return soft(Math.hypot(dx, dy) - radius)
}

function bubble(x, y) {
  // An ellipse for the bubble and a small triangle for its tail, lower left.
  const ellipse = Math.hypot((x - 256) / 150, (y - 236) / 112) - 1
  const body = soft(ellipse * 112)
  const inTail = y > 300 && y < 392 && x > 150 && x < 250 && x - 150 < (392 - y) * 1.1 && y - 300 < (250 - x) * 0.9
  return Math.max(body, inTail ? 1 : 0)
}

function pixel(x, y) {
  const square = roundedSquare(x + 0.5, y + 0.5, 24, 96)
  if (square === 0) return [0, 0, 0, 0]
  const t = y / size
  const background = teal.map((channel, i) => Math.round(channel * (1 - t) + deep[i] * t))
  const b = bubble(x + 0.5, y + 0.5)
  const color = background.map((channel, i) => Math.round(channel * (1 - b) + white[i] * b))
  return [...color, Math.round(square * 255)]
}

function crc32(bytes) {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const rows = []
for (let y = 0; y < size; y++) {
  const row = Buffer.alloc(1 + size * 4) // filter byte 0, then RGBA
  for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4)
  rows.push(row)
}
const header = Buffer.alloc(13)
header.writeUInt32BE(size, 0)
header.writeUInt32BE(size, 4)
header.set([8, 6, 0, 0, 0], 8) // 8-bit, RGBA, deflate, no filter, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
const target = join(import.meta.dirname, '../build/icon.png')
writeFileSync(target, png)
process.stdout.write(`wrote ${target} (${png.length} bytes)\n`)
