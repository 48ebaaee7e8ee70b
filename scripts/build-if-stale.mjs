// Builds (electron-vite) only when a source is newer than the build. `npm run web` and the tests that
// start the built app as a child process use it, so nobody runs stale code and nobody waits twice.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(import.meta.dirname, '..')
const builtFiles = [
  'out/main/web.js',
  'out/main/transfer-worker.js',
  'out/main/backup-worker.js',
  'out/renderer/index.html',
].map((file) => join(root, file))

function newestMtime(path) {
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs)
}

export function buildIfStale() {
  const sourcesMtime = Math.max(
    newestMtime(join(root, 'src')),
    newestMtime(join(root, 'electron.vite.config.ts')),
    newestMtime(join(root, 'scripts/mermaid-frame-page.ts')),
    newestMtime(join(root, 'package-lock.json')),
  )
  const stale = builtFiles.some((file) => !existsSync(file) || statSync(file).mtimeMs < sourcesMtime)
  if (!stale) return
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale()
