import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { loadManifest } from '../../src/core/manifest.js'
import { register } from '../../src/adapters/registries/index.js'
import { startFakeMlrun, linkArtifact, type FakeMlrun } from '../fakes/mlrun-artifacts-server.js'
import { startFakeMlflow, type FakeMlflow } from '../fakes/mlflow-server.js'
import { REPO_ROOT, sharedFile } from '../helpers/shared.js'
import { asPythonValue, pyyamlLoad } from '../helpers/pyyaml.js'
import type { PythonDict } from '../../src/core/yaml-export.js'
import { cliSnapshot } from './cli-snapshot.js'

const CLI = cliSnapshot()
const PTY_DRIVER = join(REPO_ROOT, 'test', 'export', 'pty-driver.py')
const fixtureFile = sharedFile('fixtures/mlrun-model-challenger.yaml')
/** A real MLRun 1.7 export (PyYAML's safe_dump of artifact.to_dict()). */
const fixtureText = fixtureFile ? readFileSync(fixtureFile, 'utf8') : undefined
const fixture = fixtureText ? (parse(fixtureText) as Record<string, unknown>) : undefined
/** The same artifact as MLRun holds it: Python values, 228.0 a float (as PyYAML reads the file). */
const fixturePython = fixtureText
  ? (asPythonValue(pyyamlLoad(fixtureText)) as PythonDict)
  : undefined
const describeWithFixture = fixture ? describe : describe.skip
const URI = 'store://models/cicd-flow/model#0:latest'
const QUESTION = `Export model '${URI}' with tag 'challenger'? (yes/no): `
const INVALID = "Invalid input. Please enter 'yes' or 'no'."
const HINT =
  "project.set_artifact(key='model', artifact='artifacts/model:challenger.yaml', tag='challenger')"

/** Changed lines between two texts (`diff a b | grep -c '^[<>]'`), by a longest common subsequence. */
function changedLines(a: string, b: string): number {
  const x = a.split('\n')
  const y = b.split('\n')
  let previous = new Array<number>(y.length + 1).fill(0)
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0)
    for (let j = 1; j <= y.length; j++)
      row[j] = x[i - 1] === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!)
    previous = row
  }
  return x.length + y.length - 2 * previous[y.length]!
}

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** The CLI with `input` piped to its stdin (none: an empty pipe; null: stdin is /dev/null). */
function cli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; input?: string | null }
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
      stdio: [options.input === null ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', chunk => (stdout += chunk))
    child.stderr!.on('data', chunk => (stderr += chunk))
    if (options.input !== null) child.stdin!.end(options.input ?? '')
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
    mlrun.store(fixturePython!)
    mlrun.store(linkArtifact(fixturePython!))
  })

  it('writes the best iteration exactly as MLRun exports it, which validates again', async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cli(['export', '--model-uri', URI, '--yes'], { cwd: dir, env })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const file = join(dir, 'artifacts', 'model:challenger.yaml')
    const written = readFileSync(file, 'utf8')
    // MLRun's PyYAML (YAML 1.1) reads exactly what MLRun exported: 228.0 a float, the date a
    // string; our YAML 1.2 reader too. The server's own fields (metadata.uid, metadata.created)
    // are not part of an export.
    expect(pyyamlLoad(written)).toEqual(pyyamlLoad(fixtureText!))
    expect(parse(written)).toEqual(fixture)
    expect(mlrun.artifacts[0]!.body.metadata).toHaveProperty('uid')
    expect(written).not.toMatch(/^ {2}(uid|created):/m)
    const loaded = await loadManifest(file, { knownTags: ['challenger'] })
    expect(loaded.raw).toEqual(fixture)
    expect(loaded.record.metrics).toEqual((fixture!.spec as { metrics: unknown }).metrics)
    expect(run.stdout).toContain('Wrote artifacts/model:challenger.yaml')
    expect(run.stdout).toContain("git add 'artifacts/model:challenger.yaml'")
    expect(run.stdout).toMatch(/open a pull request into staging/)
    expect(run.stdout).toContain(HINT)
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
    expect(
      pyyamlLoad(readFileSync(join(dir, 'artifacts', 'model:challenger.yaml'), 'utf8'))
    ).toEqual(pyyamlLoad(fixtureText!))
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
    expect(run.stdout).toContain(INVALID)
    expect(run.code).toBe(0)
    expect(existsSync(join(dir, 'artifacts', 'model:challenger.yaml'))).toBe(true)
  })

  it("re-exported over MLRun's own export of the same artifact, changes nothing", async () => {
    const dir = mlrunProject(mlrun.url)
    mkdirSync(join(dir, 'artifacts'))
    const file = join(dir, 'artifacts', 'model:challenger.yaml')
    copyFileSync(fixtureFile!, file)
    // The writer this replaced changed 2,400 of the fixture's lines (YAML 1.2 style, 228.0 as 228).
    const run = await cli(['export', '--model-uri', URI, '--yes'], { cwd: dir, env })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'artifacts/model:challenger.yaml already holds this export: nothing changed.'
    )
    expect(changedLines(fixtureText!, readFileSync(file, 'utf8'))).toBe(0)

    // A fresh export writes MLRun's fields in their declared order (MLRun's own order is a
    // Python set's, different in every process): the same values, only lines moved.
    const fresh = mlrunProject(mlrun.url)
    expect((await cli(['export', '--model-uri', URI, '--yes'], { cwd: fresh, env })).code).toBe(0)
    const freshText = readFileSync(join(fresh, 'artifacts', 'model:challenger.yaml'), 'utf8')
    expect(
      freshText.startsWith('kind: model\nmetadata:\n  key: model\n  project: cicd-flow\n')
    ).toBe(true)
    expect(pyyamlLoad(freshText)).toEqual(pyyamlLoad(fixtureText!))
  })

  it('asks on piped input too: `no` writes nothing and exits 1', async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cli(['export', '--model-uri', URI], { cwd: dir, env, input: 'no\n' })
    expect(run.stdout).toContain(QUESTION)
    expect(run.stdout).toContain('Export cancelled: nothing was written.')
    expect(run.code).toBe(1)
    expect(existsSync(join(dir, 'artifacts'))).toBe(false)
  })

  it('asks on piped input too: asks again after anything but yes or no, then `yes` writes', async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cli(['export', '--model-uri', URI, '--tag', 'champion', '--dir', 'models'], {
      cwd: dir,
      env,
      input: 'maybe\ny\nYES\n'
    })
    const question = QUESTION.replace("'challenger'", "'champion'")
    expect(run.stdout.split(question).length - 1).toBe(3)
    expect(run.stdout.split(INVALID).length - 1).toBe(2)
    expect(run.code).toBe(0)
    expect(existsSync(join(dir, 'models', 'model:champion.yaml'))).toBe(true)
    expect(run.stdout).toContain(
      "project.set_artifact(key='model', artifact='models/model:champion.yaml', tag='champion')"
    )
  })

  it('asks on piped input too: input that ends without yes writes nothing and exits 1', async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cli(['export', '--model-uri', URI], { cwd: dir, env, input: 'maybe' })
    expect(run.stdout).toContain(INVALID)
    expect(run.stdout).toContain('Export cancelled: nothing was written.')
    expect(run.code).toBe(1)
    expect(existsSync(join(dir, 'artifacts'))).toBe(false)
  })

  it.each([
    ['an empty pipe', ''],
    ['/dev/null', null]
  ])('refuses without --yes when stdin is %s, saying to pass --yes', async (_, input) => {
    const dir = mlrunProject(mlrun.url)
    const run = await cli(['export', '--model-uri', URI], { cwd: dir, env, input })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^promote export: nothing answered the export question: standard input is not a terminal and gave no answer \(pass --yes to export without asking/
    )
    expect(existsSync(join(dir, 'artifacts'))).toBe(false)
  })

  it("refuses a URI that does not resolve with the registry's message, leaving no file", async () => {
    const dir = mlrunProject(mlrun.url)
    const run = await cli(
      ['export', '--model-uri', 'store://models/cicd-flow/model#0:nope', '--yes'],
      { cwd: dir, env }
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /promote export: model URI 'store:\/\/models\/cicd-flow\/model#0:nope' does not resolve: MLRun API: GET .* returned 404: MLRunNotFoundError\('Artifact cicd-flow\/model#0:nope not found'\)/
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
    const run = await cli(['export', '-m', 'models:/model@latest'], { cwd: dir, input: 'yes\n' })
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
