import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliSnapshot } from '../export/cli-snapshot.js'

/** `promote validate` (the CLI bundle) on export dirs that lead out of the repository. */

const CLI = cliSnapshot()

const CONFIG = (exportDir?: string) => `project: demo
model:
  name: model
${exportDir !== undefined ? `  exportDir: '${exportDir}'\n` : ''}environments:
  production: {branch: main, cluster: local}
`

function repo(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'validate-files-'))
  writeFileSync(join(dir, 'promote.yaml'), config)
  return dir
}

// Bounds only a failure (walking / used to end on /proc with a raw error, or run on and on);
// a passing run takes about a second.
const promote = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, 'validate', '--champion', 'none', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000
  })

describe('promote validate: the export dir stays inside the repository', () => {
  it("refuses exportDir '/' at its line in promote.yaml instead of walking the whole disk", () => {
    const dir = repo(CONFIG('/'))
    const run = promote(dir)
    expect(run.signal).toBeNull()
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(
      'error: promote.yaml:4: model.exportDir: must be a path relative to the repository root, not an absolute path'
    )
    expect(run.stdout).toMatch(/schema +FAIL .*0 manifests under artifacts\//)
  })

  it('refuses --export-dir out of the repository, and an export dir that links out', () => {
    const dir = repo(CONFIG())
    const up = promote(dir, '--export-dir', '../..')
    expect(up.status).toBe(1)
    expect(up.stderr).toContain(
      "error: export-dir '../..' must stay inside the repository ('..' leads out of it)"
    )
    symlinkSync('/', join(dir, 'artifacts'))
    const linked = promote(dir)
    expect(linked.signal).toBeNull()
    expect(linked.status).toBe(1)
    expect(linked.stderr).toContain(
      'error: artifacts: is a symbolic link out of the repository; nothing under it was read'
    )
    const outside = mkdtempSync(join(tmpdir(), 'validate-files-outside-'))
    mkdirSync(join(outside, 'models'))
    writeFileSync(join(outside, 'models', 'model:challenger.yaml'), 'kind: OUTSIDE-SECRET-LINE\n')
    const other = repo(CONFIG('exports'))
    symlinkSync(join(outside, 'models'), join(other, 'exports'))
    const run = promote(other)
    expect(run.status).toBe(1)
    expect(run.stdout + run.stderr).not.toContain('OUTSIDE-SECRET-LINE')
  })
})
