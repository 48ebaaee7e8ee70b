/**
 * @doyensec/electronegativity over `src`, offline (see scripts/electronegativity.mjs): no finding
 * rated high or medium may remain unless security/electronegativity-allowlist.json justifies it,
 * and no entry there may outlive its finding. A deliberately insecure fixture shows the scan works.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../..')
const script = join(root, 'scripts/electronegativity.mjs')

interface Finding {
  id: string
  severity: string
  file: string
}
interface Report {
  checks: number
  findings: Finding[]
  unjustified: Finding[]
  stale: unknown[]
  parseErrors: unknown[]
}

async function scan(folder: string): Promise<{ code: number; report: Report }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [script, folder, '--json'], { cwd: root })
    return { code: 0, report: JSON.parse(stdout) as Report }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    if (!failed.stdout) throw new Error(`electronegativity did not run: ${failed.stderr}`, { cause: error })
    return { code: failed.code, report: JSON.parse(failed.stdout) as Report }
  }
}

describe('electronegativity', () => {
  it('finds no unjustified high or medium issue in src', { timeout: 60_000 }, async () => {
    const { code, report } = await scan('src')
    expect(report.parseErrors).toEqual([])
    expect(report.unjustified).toEqual([])
    expect(report.stale).toEqual([])
    expect(report.checks).toBeGreaterThan(30)
    // The app-wide checks see our navigation guard and permission handler.
    const ids = report.findings.map((finding) => finding.id)
    expect(ids).not.toContain('LIMIT_NAVIGATION_GLOBAL_CHECK')
    expect(ids).not.toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK')
    expect(code).toBe(0)
  })

  it('still catches an insecure window (the scan is live, not vacuous)', { timeout: 60_000 }, async () => {
    const { code, report } = await scan('test/fixtures/insecure-electron')
    expect(code).toBe(1)
    const ids = report.unjustified.map((finding) => finding.id)
    expect(ids).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]),
    )
  })
})
