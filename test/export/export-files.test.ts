import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeMlflow, type FakeMlflow } from '../fakes/mlflow-server.js'
import { cliSnapshot } from './cli-snapshot.js'

/**
 * `promote export` writes only what lint-test will read: a manifest whose model key names a
 * visible file of the export dir, in an export dir inside the repository.
 */

const CLI = cliSnapshot()

function cli(
  args: string[],
  cwd: string
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, PROMOTE_HTTP_RETRIES: '2', PROMOTE_HTTP_RETRY_DELAY_MS: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

describe('promote export: keys and directories validation would refuse or skip', () => {
  let mlflow: FakeMlflow
  beforeAll(async () => {
    mlflow = await startFakeMlflow()
  })
  afterAll(() => mlflow.close())

  /** A project on the MLflow registry, inside `base/repo`, with `base/outside` beside it. */
  function project(): { dir: string; outside: string } {
    const base = mkdtempSync(join(tmpdir(), 'export-files-'))
    const dir = join(base, 'repo')
    const outside = join(base, 'outside')
    mkdirSync(dir)
    mkdirSync(outside)
    writeFileSync(
      join(dir, 'promote.yaml'),
      `project: demo\nmodel:\n  name: model\n  registry: {kind: mlflow, url: ${mlflow.url}}\nenvironments:\n  dev: {branch: development, cluster: local}\n`
    )
    return { dir, outside }
  }

  it.each([
    [
      'a b',
      /the registry's model key 'a b' must not start with '\.' or contain '\/', '\\', ':', spaces or control characters/
    ],
    ['.hidden', /the registry's model key '\.hidden' must not start with '\.'/]
  ])('refuses the MLflow model %j, writing nothing', async (name, message) => {
    mlflow.addVersion(name, { metrics: { accuracy: 0.9 } })
    const { dir } = project()
    const run = await cli(['export', '-m', `models:/${name}/latest`, '--yes'], dir)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).toContain('nothing was written')
    expect(run.code).toBe(1)
    expect(existsSync(join(dir, 'artifacts'))).toBe(false)
  })

  it('writes a key validation accepts, and that manifest validates', async () => {
    mlflow.addVersion('churn-v2.1', { metrics: { accuracy: 0.9 } })
    const { dir } = project()
    const run = await cli(['export', '-m', 'models:/churn-v2.1/latest', '--yes'], dir)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(readdirSync(join(dir, 'artifacts'))).toEqual(['churn-v2.1:challenger.yaml'])
  })

  it('refuses an export dir outside the repository, also through a symbolic link', async () => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.9 } })
    const { dir, outside } = project()
    const up = await cli(
      ['export', '-m', 'models:/model/latest', '--yes', '--dir', '../outside'],
      dir
    )
    expect(up.code).toBe(1)
    expect(up.stderr).toContain("export dir '../outside' must stay inside the repository")
    const absolute = await cli(
      ['export', '-m', 'models:/model/latest', '--yes', '--dir', outside],
      dir
    )
    expect(absolute.code).toBe(1)
    expect(absolute.stderr).toContain('must be a path relative to the repository root')
    symlinkSync(outside, join(dir, 'linked'))
    const linked = await cli(
      ['export', '-m', 'models:/model/latest', '--yes', '--dir', 'linked/models'],
      dir
    )
    expect(linked.code).toBe(1)
    expect(linked.stderr).toContain(
      'linked/models: leads out of the repository through a symbolic link; nothing is written there'
    )
    expect(readdirSync(outside)).toEqual([])
  })

  it('refuses to replace a manifest that links out of the repository, without reading it', async () => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.9 } })
    const { dir, outside } = project()
    writeFileSync(join(outside, 'kept.yaml'), 'kind: OUTSIDE-SECRET-LINE\n')
    mkdirSync(join(dir, 'artifacts'))
    symlinkSync(join(outside, 'kept.yaml'), join(dir, 'artifacts', 'model:challenger.yaml'))
    const run = await cli(['export', '-m', 'models:/model/latest', '--yes'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'artifacts/model:challenger.yaml: is a symbolic link to a file outside the repository; it was not read'
    )
    expect(run.stdout + run.stderr).not.toContain('OUTSIDE-SECRET-LINE')
  })
})
