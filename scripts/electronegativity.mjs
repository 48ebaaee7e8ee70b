/**
 * Runs @doyensec/electronegativity over a folder (default: src) with no network, and fails on any
 * finding rated high or medium that `security/electronegativity-allowlist.json` does not justify.
 *
 *   node scripts/electronegativity.mjs [folder] [--json]
 *
 * Why a wrapper and not the CLI: the CLI downloads translations and Electron's release list at every
 * run. Here `got` (its only HTTP client) is replaced before the tool loads, so the scan is offline by
 * construction; the one check that needs the release list (AvailableSecurityFixesGlobalCheck) is
 * excluded, and Electron's version is read from node_modules instead (`npm audit` covers updates).
 * Exit codes: 0 clean, 1 unjustified findings or stale allowlist entries, 2 the scan itself failed.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
// The tool is CommonJS; its modules are loaded (and one replaced) through this require.
const load = createRequire(import.meta.url)
const args = process.argv.slice(2)
const asJson = args.includes('--json')
const input = resolve(root, args.find((arg) => !arg.startsWith('--')) ?? 'src')
const allowlistPath = join(root, 'security/electronegativity-allowlist.json')

// Offline by construction: any HTTP request the tool makes fails at once, without a socket.
const gotPath = load.resolve('got', { paths: [load.resolve('@doyensec/electronegativity/package.json')] })
const offline = () => Promise.reject(new Error('electronegativity runs offline here'))
offline.head = offline
load.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline }

const excludedChecks = ['AvailableSecurityFixesGlobalCheck']
const blocking = new Set(['HIGH', 'MEDIUM'])

async function main() {
  const quiet = console.log
  console.log = () => {} // the tool prints "could not retrieve translations" when offline
  let result
  try {
    const run = load('@doyensec/electronegativity/dist/runner.js')
    result = await run({
      input,
      customScan: [],
      excludeFromScan: excludedChecks,
      electronVersionOverride: load('electron/package.json').version,
      parserPlugins: [],
    })
  } finally {
    console.log = quiet
  }
  const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8')).allowed
  const findings = result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: relative(root, issue.file).split('\\').join('/'),
    line: issue.location.line,
    sample: issue.sample,
  }))
  const isAllowed = (finding) => allowlist.some((entry) => entry.id === finding.id && entry.file === finding.file)
  const unjustified = findings.filter((finding) => blocking.has(finding.severity) && !isAllowed(finding))
  const stale = allowlist.filter((entry) => !findings.some((f) => f.id === entry.id && f.file === entry.file))
  const parseErrors = result.errors.filter((error) => !error.tolerable)
  const report = {
    input: relative(root, input) || '.',
    checks: result.globalChecks + result.atomicChecks,
    excludedChecks,
    findings,
    unjustified,
    stale,
    parseErrors,
  }
  if (asJson) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else {
    for (const f of findings) process.stdout.write(`${f.severity}/${f.confidence} ${f.id} ${f.file}:${f.line}\n`)
    process.stdout.write(
      `${report.checks} checks, ${findings.length} findings, ${unjustified.length} unjustified high/medium, ` +
        `${stale.length} stale allowlist entries, ${parseErrors.length} files not parsed\n`,
    )
  }
  if (parseErrors.length) process.exitCode = 2
  else if (unjustified.length || stale.length) process.exitCode = 1
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`)
  process.exitCode = 2
})
