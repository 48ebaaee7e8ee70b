import { ReadBuffer } from '@modelcontextprotocol/sdk/shared/stdio.js'
const rb = new ReadBuffer({ maxBufferSize: 64*1024*1024 })
const chunk = Buffer.alloc(65536, 0x78)
const n = Number(process.argv[2])
const t = performance.now()
for (let i = 0; i < n; i++) { rb.append(chunk); rb.readMessage() }
console.log(n*64/1024, 'MB', Math.round(performance.now() - t), 'ms')
