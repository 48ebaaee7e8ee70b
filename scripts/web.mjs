// `npm run web`: builds when the sources are newer than the build, then starts browser mode.
// Runs under the Node that npm scripts put first on the PATH (Node 24, from the `node` devDependency).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const entry = join(root, 'out/main/web.js')
const builtMarker = join(root, 'out/renderer/index.html')

function newestMtime(path) {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs)
}

const sourcesMtime = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'electron.vite.config.ts')))
const needsBuild =
  !existsSync(entry) ||
  !existsSync(builtMarker) ||
  Math.min(statSync(entry).mtimeMs, statSync(builtMarker).mtimeMs) < sourcesMtime
if (needsBuild) {
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawn(process.execPath, [entry], { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
