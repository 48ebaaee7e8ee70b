// `npm run web`: builds when the sources are newer than the build, then starts browser mode.
// Runs under the Node that npm scripts put first on the PATH (Node 24, from the `node` devDependency).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildIfStale } from './build-if-stale.mjs'

const root = join(import.meta.dirname, '..')
buildIfStale()
const server = spawn(process.execPath, [join(root, 'out/main/web.js')], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
