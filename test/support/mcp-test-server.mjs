/**
 * A real MCP server for tests, built with the same SDK the app uses. Plain JavaScript so `node` runs
 * it as a child process exactly as a user's server would be run:
 *   node test/support/mcp-test-server.mjs           stdio
 *   node test/support/mcp-test-server.mjs --http    Streamable HTTP on 127.0.0.1 (prints `port=N`)
 *   … --long-name                                     also lists a tool whose name is 201 characters
 * Tools: echo {text}, add {a, b}, slow {ms} (honours cancellation), big {chars}, crash (stderr, exit 3),
 * env (the server's whole process.env as JSON), cancellations (how many calls were cancelled so far).
 */
import { createServer } from 'node:http'
import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js'

const object = (properties = {}) => ({ type: 'object', properties, required: Object.keys(properties) })

const tools = [
  { name: 'echo', description: 'Says the text back.', inputSchema: object({ text: { type: 'string' } }) },
  {
    name: 'add',
    description: 'Adds two numbers.',
    inputSchema: object({ a: { type: 'number' }, b: { type: 'number' } }),
  },
  { name: 'slow', description: 'Answers after ms milliseconds.', inputSchema: object({ ms: { type: 'number' } }) },
  { name: 'big', description: 'Answers chars characters.', inputSchema: object({ chars: { type: 'number' } }) },
  { name: 'crash', description: 'Exits in the middle of the call.', inputSchema: object() },
  { name: 'env', description: "Reports the server's environment.", inputSchema: object() },
  { name: 'cancellations', description: 'How many calls were cancelled.', inputSchema: object() },
]
if (process.argv.includes('--long-name'))
  tools.push({ name: 'n'.repeat(201), description: 'A name longer than a call record holds.', inputSchema: object() })

let cancelled = 0
const text = (value) => ({ content: [{ type: 'text', text: value }] })

function newServer() {
  const server = new Server({ name: 'holysheep-test-tools', version: '1.0.0' }, { capabilities: { tools: {} } })
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }))
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const args = request.params.arguments ?? {}
    switch (request.params.name) {
      case 'echo':
        return text(`echo: ${String(args.text)}`)
      case 'add':
        return text(String(Number(args.a) + Number(args.b)))
      case 'slow':
        return new Promise((resolve) => {
          const timer = setTimeout(() => resolve(text(`slept ${args.ms} ms`)), Number(args.ms))
          extra.signal.addEventListener('abort', () => {
            clearTimeout(timer)
            cancelled++
            process.stderr.write(`slow call cancelled (${cancelled})\n`)
            resolve(text('cancelled'))
          })
        })
      case 'big':
        return text('x'.repeat(Number(args.chars)))
      case 'crash':
        process.stderr.write('about to crash: the database file is locked\n')
        setTimeout(() => process.exit(3), 20)
        return new Promise(() => {})
      case 'env':
        return text(JSON.stringify(process.env))
      case 'cancellations':
        return text(String(cancelled))
      default:
        return { content: [{ type: 'text', text: `unknown tool ${request.params.name}` }], isError: true }
    }
  })
  return server
}

if (process.argv.includes('--http')) {
  // One server and transport per session, as the SDK's stateful example does.
  const sessions = new Map()
  const http = createServer(async (request, response) => {
    const chunks = []
    for await (const chunk of request) chunks.push(chunk)
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined
    const id = request.headers['mcp-session-id']
    let transport = typeof id === 'string' ? sessions.get(id) : undefined
    if (!transport) {
      if (request.headers['x-test-token'] !== 'secret-header-value') {
        response.writeHead(401).end('missing header')
        return
      }
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => crypto.randomUUID(),
        onsessioninitialized: (sessionId) => sessions.set(sessionId, transport),
      })
      await newServer().connect(transport)
    }
    await transport.handleRequest(request, response, body)
  })
  http.listen(0, '127.0.0.1', () => process.stdout.write(`port=${http.address().port}\n`))
} else {
  await newServer().connect(new StdioServerTransport())
  process.stderr.write('test tool server ready\n')
}
