import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { cliSnapshot } from '../export/cli-snapshot.js'

const CLI = cliSnapshot()

function write(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true })
  writeFileSync(join(dir, file), text)
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e.x',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e.x'
    }
  })
}

const manifest = (accuracy: number) =>
  `kind: model\nmetadata:\n  key: model\n  tag: challenger\n  version: 2\nspec:\n  metrics:\n    accuracy: ${accuracy}\n`

function repo(challenger: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'validate-cli-'))
  git(dir, 'init', '-q', '-b', 'main')
  write(
    dir,
    'promote.yaml',
    `project: demo
model: {name: model}
environments:
  staging: {branch: staging, cluster: local, gates: {accuracy: {min: 0.9}}}
  production: {branch: main, cluster: local}
workflows:
  deploy: {command: 'true'}
gates:
  accuracy: {maxRelativeDrop: 0.05}
`
  )
  write(dir, 'artifacts/model:challenger.yaml', manifest(0.8))
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'champion')
  git(dir, 'checkout', '-q', '-b', 'feature')
  write(dir, 'artifacts/model:challenger.yaml', manifest(challenger))
  return dir
}

const promote = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, 'validate', ...args], { cwd, encoding: 'utf8' })

describe('promote validate', () => {
  it('renders the checks and the gate tables for the terminal and exits 0 when they pass', () => {
    const dir = repo(0.82)
    const run = promote(dir, '--lint', 'echo lint-ran')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('lint-ran')
    expect(run.stdout).toMatch(/PASS {2}Model checks passed/)
    expect(run.stdout).toMatch(/Champion +main:artifacts\/model:challenger.yaml/)
    expect(run.stdout).toMatch(
      /accuracy +0\.82 +0\.8 +\+0\.02 \(\+2\.5%\) +drop ≤ 5% vs champion \(higher is better\) +PASS/
    )
  })

  it("applies the environment's gate overrides and exits non-zero on a failure", () => {
    const dir = repo(0.78)
    const run = promote(dir, '--env', 'staging', '--test', 'exit 4')
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/FAIL {2}Model checks failed: tests, gates/)
    expect(run.stdout).toMatch(/Gates for +staging/)
    expect(run.stderr).toMatch(
      /error: artifacts\/model:challenger.yaml:8: spec.metrics.accuracy: gate ≥ 0.9: accuracy 0.78 is below the minimum 0.9/
    )
    // The override adds a minimum; the global relative-drop rule still holds (2.5% < 5%).
    expect(run.stdout).toMatch(
      /accuracy +0\.78 +0\.8 +-0\.02 \(-2\.5%\) +drop ≤ 5% vs champion \(higher is better\) +PASS/
    )
    expect(promote(dir, '--env', 'staging', '--fail-on', 'never').status).toBe(0)
    const unknown = promote(dir, '--env', 'nowhere')
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toMatch(/unknown environment 'nowhere'; defined: staging, production/)
    expect(unknown.stdout).toMatch(/gates +FAIL +.*unknown environment 'nowhere'/)
    expect(promote(dir, '--champion', 'sometimes').stderr).toMatch(
      /--champion must be one of auto, git, registry, none/
    )
  })

  it('refuses a production branch git would read as an option, before any command runs', () => {
    const dir = repo(0.95)
    const marker = join(dir, 'lint-ran')
    const result = promote(
      dir,
      '--production-branch=--output=pwned',
      '--lint',
      `touch ${JSON.stringify(marker)}`
    )
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain(
      "production-branch '--output=pwned' is not a git branch name: must not start with '-'"
    )
    expect(readdirSync(dir).sort()).toEqual(['.git', 'artifacts', 'promote.yaml'])
  })

  it('reports an invalid promote.yaml with its line', () => {
    const dir = repo(0.9)
    write(
      dir,
      'promote.yaml',
      'project: demo\nmodel: {name: model, exportDri: x}\nenvironments:\n  dev: {branch: dev, cluster: local}\n'
    )
    const run = promote(dir)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      /error: promote.yaml:2: model.exportDri: unknown key 'exportDri'; did you mean 'exportDir'\?/
    )
    expect(run.stdout).toMatch(/schema +FAIL/)
  })

  it('accepts a manifest larger than the config size cap, as loadManifest does', () => {
    const dir = repo(0.82)
    // Wide models (MLRun feature_stats) make manifests of several MiB; the config cap is 1 MiB.
    const stats = Array.from(
      { length: 30_000 },
      (_, i) => `    feature_${i}: {mean: ${i}.5, std: 1.25}`
    )
    write(
      dir,
      'artifacts/model:challenger.yaml',
      `${manifest(0.82)}  feature_stats:\n${stats.join('\n')}\n`
    )
    const run = promote(dir)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})
