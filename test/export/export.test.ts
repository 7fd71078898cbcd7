import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { loadManifest } from '../../src/core/manifest.js'
import { register } from '../../src/adapters/registries/index.js'
import { startFakeMlrun, linkArtifact, type FakeMlrun } from '../fakes/mlrun-artifacts-server.js'
import { startFakeMlflow, type FakeMlflow } from '../fakes/mlflow-server.js'
import { REPO_ROOT, sharedFile } from '../helpers/shared.js'
import { cliSnapshot } from './cli-snapshot.js'

const CLI = cliSnapshot()
const PTY_DRIVER = join(REPO_ROOT, 'test', 'export', 'pty-driver.py')
const fixtureFile = sharedFile('fixtures/mlrun-model-challenger.yaml')
const fixture = fixtureFile
  ? (parse(readFileSync(fixtureFile, 'utf8')) as Record<string, unknown>)
  : undefined
const describeWithFixture = fixture ? describe : describe.skip
const URI = 'store://models/cicd-flow/model#0:latest'
const QUESTION = `Export model '${URI}' with tag 'challenger'? (yes/no): `

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

function cli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; input?: string }
): Promise<CliRun> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: {
        ...process.env,
        PROMOTE_HTTP_RETRIES: '2',
        PROMOTE_HTTP_RETRY_DELAY_MS: '1',
        ...options.env
      },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.stdin.end(options.input ?? '')
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

/** The CLI in a pseudo-terminal, answering the export question with `answers`. */
function cliInTerminal(
  args: string[],
  answers: string[],
  options: { cwd: string; env?: Record<string, string> }
): Promise<CliRun> {
  return new Promise(resolve => {
    const child = spawn(
      'python3',
      [PTY_DRIVER, QUESTION, JSON.stringify(answers), process.execPath, CLI, ...args],
      {
        cwd: options.cwd,
        env: {
          ...process.env,
          PROMOTE_HTTP_RETRIES: '2',
          PROMOTE_HTTP_RETRY_DELAY_MS: '1',
          ...options.env
        },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('close', code => resolve({ code, stdout: stdout.replace(/\r\n/g, '\n'), stderr }))
  })
}

function mlrunProject(url: string, extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'export-'))
  writeFileSync(
    join(dir, 'promote.yaml'),
    `project: cicd-flow
model:
  name: model
  registry: {kind: mlrun}
clusters:
  iguazio: {kind: mlrun, url: ${url}, tokenEnv: MLRUN_TOKEN}
environments:
  staging: {branch: staging, cluster: iguazio}
  production: {branch: main, cluster: iguazio}
workflows:
  deploy: {}
${extra}`
  )
  return dir
}

const env = { MLRUN_TOKEN: 'secret-mlrun-token' }

describeWithFixture('promote export from MLRun (the real fixture)', () => {
  let mlrun: FakeMlrun
  beforeAll(async () => {
    mlrun = await startFakeMlrun({ requireAuth: 'Bearer secret-mlrun-token' })
  })
  afterAll(() => mlrun.close())
  beforeEach(() => {
    mlrun.artifacts.length = 0
    mlrun.store(fixture!)
    mlrun.store(linkArtifact(fixture!))
  })

  it('writes the best iteration exactly as MLRun exports it, which validates again', async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cli(['export', '--model-uri', URI, '--yes'], { cwd: dir, env })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const file = join(dir, 'artifacts', 'model:challenger.yaml')
    expect(parse(readFileSync(file, 'utf8'))).toEqual(fixture)
    const loaded = await loadManifest(file, { knownTags: ['challenger'] })
    expect(loaded.raw).toEqual(fixture)
    expect(loaded.record.metrics).toEqual((fixture!.spec as { metrics: unknown }).metrics)
    expect(run.stdout).toContain('Wrote artifacts/model:challenger.yaml')
    expect(run.stdout).toContain("git add 'artifacts/model:challenger.yaml'")
    expect(run.stdout).toMatch(/open a pull request into staging/)
    expect(run.stdout).toContain(
      "project.set_artifact(key='model', artifact='artifacts/model:challenger.yaml')"
    )
    expect(run.stdout).not.toContain('secret-mlrun-token')
    const again = await cli(['export', '--model-uri', URI, '--yes'], { cwd: dir, env })
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(
      'artifacts/model:challenger.yaml already holds this export: nothing changed.'
    )

    const validated = await cli(['validate', '--check-drift', '--champion', 'none'], {
      cwd: dir,
      env
    })
    expect(validated.stderr).toBe('')
    expect(validated.code).toBe(0)
    expect(validated.stdout).toMatch(/PASS {2}Model checks passed/)
    expect(validated.stdout).toMatch(/drift +PASS .*1 manifest checked against the mlrun registry/)
  })

  it('asks in a terminal: yes writes the file', async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cliInTerminal(['export', '--model-uri', URI], ['yes'], { cwd: dir, env })
    expect(run.stdout).toContain(QUESTION)
    expect(run.code).toBe(0)
    expect(parse(readFileSync(join(dir, 'artifacts', 'model:challenger.yaml'), 'utf8'))).toEqual(
      fixture
    )
  })

  it('asks in a terminal: no exits non-zero with nothing written', async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cliInTerminal(['export', '--model-uri', URI], ['no'], { cwd: dir, env })
    expect(run.stdout).toContain(QUESTION)
    expect(run.stdout).toContain('Export cancelled: nothing was written.')
    expect(run.code).toBe(1)
    expect(existsSync(join(dir, 'artifacts'))).toBe(false)
  })

  it('asks in a terminal: asks again after garbage, then yes writes', async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cliInTerminal(['export', '--model-uri', URI], ['maybe', 'yes'], {
      cwd: dir,
      env
    })
    expect(run.stdout.split(QUESTION).length - 1).toBe(2)
    expect(run.stdout).toContain("Please answer 'yes' or 'no'.")
    expect(run.code).toBe(0)
    expect(existsSync(join(dir, 'artifacts', 'model:challenger.yaml'))).toBe(true)
  })

  it('skips the question without a terminal', async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cli(['export', '--model-uri', URI, '--tag', 'champion', '--dir', 'models'], {
      cwd: dir,
      env,
      input: 'no\n'
    })
    expect(run.stdout).not.toContain('(yes/no)')
    expect(run.code).toBe(0)
    expect(existsSync(join(dir, 'models', 'model:champion.yaml'))).toBe(true)
  })

  it("refuses a URI that does not resolve with the registry's message, leaving no file", async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cli(
      ['export', '--model-uri', 'store://models/cicd-flow/model#0:nope', '--yes'],
      { cwd: dir, env }
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /promote export: model URI 'store:\/\/models\/cicd-flow\/model#0:nope' does not resolve: MLRun API: GET .* returned 404: MLRunNotFoundError\('Artifact not found/
    )
    expect(existsSync(join(dir, 'artifacts'))).toBe(false)
    const broken = await cli(['export', '--model-uri', 'store://models/cicd-flow/', '--yes'], {
      cwd: dir,
      env
    })
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/invalid model URI 'store:\/\/models\/cicd-flow\/'/)
  })

  it('retries a registry that is down, then fails clearly', async () => {
    const dir = mlrunProject(mlrun.url)
    mlrun.failNext(1)
    expect((await cli(['export', '--model-uri', URI, '--yes'], { cwd: dir, env })).code).toBe(0)
    mlrun.failNext(5)
    const down = await cli(['export', '--model-uri', URI, '--yes', '--tag', 'again'], {
      cwd: dir,
      env
    })
    expect(down.code).toBe(1)
    expect(down.stderr).toMatch(/the MLRun API at http:\/\/127.0.0.1:\d+ is not answering .*503/)
    expect(readdirSync(join(dir, 'artifacts'))).toEqual(['model:challenger.yaml'])
  })
})

describe('promote export from MLflow and the file registry', () => {
  let mlflow: FakeMlflow
  beforeAll(async () => {
    mlflow = await startFakeMlflow()
  })
  afterAll(() => mlflow.close())

  it('exports an MLflow alias with its run metrics, tagged as the export tag', async () => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.93 }, params: { depth: '4' } })
    mlflow.versions[0]!.aliases.push('candidate')
    const dir = mkdtempSync(join(tmpdir(), 'export-mlflow-'))
    writeFileSync(
      join(dir, 'promote.yaml'),
      `project: demo\nmodel:\n  name: model\n  registry: {kind: mlflow, url: ${mlflow.url}}\nenvironments:\n  dev: {branch: development, cluster: local}\n`
    )
    const run = await cli(['export', '-m', 'models:/model@candidate', '--yes'], { cwd: dir })
    expect(run.stderr).toBe('')
    const written = parse(readFileSync(join(dir, 'artifacts', 'model:challenger.yaml'), 'utf8'))
    expect(written).toMatchObject({
      kind: 'model',
      metadata: { key: 'model', tag: 'challenger', version: '1', uri: 'models:/model/1' },
      spec: { metrics: { accuracy: 0.93 }, parameters: { depth: '4' } }
    })
  })

  it('exports from the file registry without any promote.yaml (the embedded default)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-file-'))
    writeFileSync(join(dir, 'model.pkl'), 'bytes')
    await register({
      root: '.promote/registry',
      name: 'model',
      modelFile: 'model.pkl',
      metrics: { accuracy: 0.7 },
      tags: ['latest'],
      cwd: dir
    })
    const run = await cli(['export', '-m', 'models:/model@latest'], { cwd: dir })
    expect(run.code).toBe(0)
    const written = parse(readFileSync(join(dir, 'artifacts', 'model:challenger.yaml'), 'utf8'))
    expect(written).toMatchObject({
      metadata: { key: 'model', tag: 'challenger', version: 1 },
      spec: { model_file: 'model.pkl', metrics: { accuracy: 0.7 } }
    })
    const missing = await cli(['export', '-m', 'models:/model@gone'], { cwd: dir })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/has no tag 'gone'/)
    expect((await cli(['export'], { cwd: dir })).stderr).toMatch(/--model-uri is required/)
  })
})
