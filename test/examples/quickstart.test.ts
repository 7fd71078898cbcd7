import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseManifest } from '../../src/core/manifest.js'
import { FileRegistry } from '../../src/adapters/registries/file.js'
import { loadConfig } from '../../src/core/config/load.js'
import { resolveEnvironment, resolveWorkflow } from '../../src/core/config/resolve.js'
import {
  cleanUp,
  copyQuickstart,
  infer,
  isAlive,
  runCommand,
  runScript,
  serverRecord,
  QUICKSTART
} from './quickstart-helpers.js'

const METRICS = ['accuracy', 'f1', 'precision', 'recall'] as const

describe('examples/quickstart trainer', () => {
  let repo: string
  beforeAll(() => {
    repo = copyQuickstart()
  })
  afterAll(async () => cleanUp(repo))

  it('gives the same metrics for the same seed and registers each run as a new version', async () => {
    const first = await runScript(repo, 'src/train.mjs', {
      seed: 7,
      epochs: 60,
      learning_rate: 0.1
    })
    const second = await runScript(repo, 'src/train.mjs', {
      seed: 7,
      epochs: 60,
      learning_rate: 0.1
    })
    expect(first.code).toBe(0)
    expect(second.code).toBe(0)
    for (const metric of METRICS) {
      expect(first.results![metric]).toBe(second.results![metric])
      expect(first.stdout).toContain(`metric ${metric}: ${first.results![metric]}`)
    }
    expect(first.results!.accuracy).toBeGreaterThan(0.8)
    expect(first.results!.f1).toBeGreaterThan(0.8)
    expect(first.results!.model_uri).toBe('models:/heart-classifier/1')
    expect(second.results!.model_uri).toBe('models:/heart-classifier/2')
    // The same seed gives the same model file, byte for byte.
    const modelOf = (version: number) =>
      readFileSync(
        join(repo, '.promote/registry/heart-classifier/versions', String(version), 'model.json'),
        'utf8'
      )
    expect(modelOf(1)).toBe(modelOf(2))
  })

  it('gives a different challenger for another seed, and a worse one for a starved training', async () => {
    const base = await runScript(repo, 'src/train.mjs', { seed: 7 })
    const otherSeed = await runScript(repo, 'src/train.mjs', { seed: 3 })
    const starved = await runScript(repo, 'src/train.mjs', {
      seed: 7,
      epochs: 2,
      learning_rate: 0.005
    })
    expect(METRICS.some(m => otherSeed.results![m] !== base.results![m])).toBe(true)
    expect(starved.results!.accuracy as number).toBeLessThan(
      (base.results!.accuracy as number) - 0.1
    )
    expect(starved.results!.f1 as number).toBeLessThan((base.results!.f1 as number) - 0.1)
  })

  it('reads PROMOTE_ARG_<NAME> when no PROMOTE_ARGUMENTS is given, and flags over both', async () => {
    const run = await runScript(
      repo,
      'src/train.mjs',
      {},
      { PROMOTE_ARGUMENTS: '', PROMOTE_ARG_SEED: '3', PROMOTE_ARG_EPOCHS: '5' }
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('seed=3 learning_rate=0.1 epochs=5')
  })

  it('writes a manifest that the core reads as a model record with the metrics', async () => {
    const run = await runScript(repo, 'src/train.mjs', { seed: 3 })
    const version = String(run.results!.model_version)
    const file = join(repo, '.promote/registry/heart-classifier/versions', version, 'model.yaml')
    const loaded = parseManifest(file, readFileSync(file, 'utf8'))
    expect(loaded.record.name).toBe('heart-classifier')
    expect(loaded.record.version).toBe(version)
    expect(loaded.record.uri).toBe(run.results!.model_uri)
    for (const metric of METRICS) expect(loaded.record.metrics[metric]).toBe(run.results![metric])
    expect(loaded.record.parameters).toMatchObject({ seed: 3, epochs: 60 })
    expect(existsSync(join(repo, 'data', 'test.csv'))).toBe(true)
  })

  it('registers versions that the file registry of promote-actions resolves, by version and by tag', async () => {
    const run = await runScript(repo, 'src/train.mjs', { seed: 5 })
    const registry = new FileRegistry({ root: '.promote/registry', cwd: repo })
    const byVersion = await registry.resolve(String(run.results!.model_uri))
    expect(byVersion.record.version).toBe(String(run.results!.model_version))
    for (const metric of METRICS)
      expect(byVersion.record.metrics[metric]).toBe(run.results![metric])
    expect(byVersion.record.location).toBe(
      `.promote/registry/heart-classifier/versions/${run.results!.model_version}/model.json`
    )
    const latest = await registry.resolve('models:/heart-classifier@latest')
    expect(latest.record.version).toBe(byVersion.record.version)
    expect(latest.record.artifactHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('runs from a path with a space, reached through a symlink', async () => {
    const base = mkdtempSync(join(tmpdir(), 'quickstart-path-'))
    try {
      cpSync(repo, join(base, 'my models'), { recursive: true })
      symlinkSync(join(base, 'my models'), join(base, 'link'))
      const run = await runScript(join(base, 'link'), 'src/train.mjs', { epochs: 3 })
      expect(run.code).toBe(0)
      expect(run.results!.model_uri).toMatch(/^models:\/heart-classifier\/\d+$/)
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  })

  it('refuses a bad hyperparameter by name and registers nothing', async () => {
    const run = await runScript(repo, 'src/train.mjs', { epochs: 0 })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('hyperparameter epochs must be a whole number >= 1')
    expect(run.stderr).not.toMatch(/at .*\.mjs:\d+/)
    expect(run.results).toBeUndefined()
  })
})

describe('examples/quickstart deploy, model server and tester', () => {
  let repo: string
  beforeAll(async () => {
    repo = copyQuickstart()
    expect((await runScript(repo, 'src/train.mjs', { seed: 7 })).code).toBe(0)
    expect((await runScript(repo, 'src/train.mjs', { seed: 3 })).code).toBe(0)
  })
  afterAll(async () => cleanUp(repo))

  it('starts a detached server that speaks V2, smoke-tests it and reports the tester figures', async () => {
    const run = await runScript(repo, 'src/deploy.mjs', {
      model_uri: 'models:/heart-classifier/1',
      environment: 'staging',
      num_tests: 20
    })
    expect(run.code).toBe(0)
    expect(run.results).toMatchObject({
      model_uri: 'models:/heart-classifier/1',
      model_version: '1',
      environment: 'staging',
      total_tests: 20,
      errors: 0
    })
    expect(run.results!.match as number).toBeGreaterThan(12)
    for (const key of ['avg_latency', 'min_latency', 'max_latency'])
      expect(typeof run.results![key]).toBe('number')
    const server = serverRecord(repo, 'staging')!
    expect(server.url).toBe(run.results!.endpoint_url)
    // The deploy command has exited; the server keeps serving.
    expect(isAlive(server.pid)).toBe(true)
    expect(await (await fetch(`${server.url}/v2/health/ready`)).json()).toEqual({ ready: true })
    const metadata = (await (
      await fetch(`${server.url}/v2/models/heart-classifier`)
    ).json()) as Record<string, unknown>
    expect(metadata).toMatchObject({
      name: 'heart-classifier',
      versions: ['1'],
      inputs: [{ name: 'input-0', datatype: 'FP32', shape: [-1, 13] }]
    })
    const rows = [
      [63, 1, 3, 145, 233, 1, 0, 150, 0, 2.3, 0, 0, 1],
      [67, 1, 0, 160, 286, 0, 0, 108, 1, 1.5, 1, 3, 2]
    ]
    const answer = await infer(server.url, 'heart-classifier', rows)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ model_name: 'heart-classifier', model_version: '1' })
    const outputs = answer.body.outputs as Array<{ name: string; shape: number[]; data: number[] }>
    expect(outputs.map(o => o.name)).toEqual(['predict', 'probability'])
    expect(outputs[0]!.shape).toEqual([2])
    // Three vessels, exercise angina and a low heart rate: the model says disease.
    expect(outputs[0]!.data[1]).toBe(1)
    expect(outputs[1]!.data.every(p => p >= 0 && p <= 1)).toBe(true)
  })

  it('answers protocol errors with 400/404 and an error message', async () => {
    const server = serverRecord(repo, 'staging')!
    const wrongShape = await infer(server.url, 'heart-classifier', [[1, 2, 3]])
    expect(wrongShape.status).toBe(400)
    expect(wrongShape.body.error).toContain('the model takes 13 features, the shape says 3')
    const unknown = await infer(server.url, 'other-model', [[1]])
    expect(unknown.status).toBe(404)
    const notJson = await fetch(`${server.url}/v2/models/heart-classifier/infer`, {
      method: 'POST',
      body: '{'
    })
    expect(notJson.status).toBe(400)
  })

  it('replaces the server on the next deploy and stops the old one', async () => {
    const before = serverRecord(repo, 'staging')!
    const run = await runScript(repo, 'src/deploy.mjs', {
      model_uri: 'models:/heart-classifier/2',
      environment: 'staging',
      num_tests: 5
    })
    expect(run.code).toBe(0)
    const after = serverRecord(repo, 'staging')!
    expect(after.model_version).toBe('2')
    expect(after.pid).not.toBe(before.pid)
    expect(isAlive(before.pid)).toBe(false)
    expect(
      (
        await infer(after.url, 'heart-classifier', [
          [63, 1, 3, 145, 233, 1, 0, 150, 0, 2.3, 0, 0, 1]
        ])
      ).body.model_version
    ).toBe('2')
  })

  it('fails the deploy when the smoke test fails, and the previous server keeps serving', async () => {
    // A model that expects fewer features than the clients send: every request gets a 400.
    const brokenDir = join(repo, '.promote/registry/heart-classifier/versions/2')
    const model = JSON.parse(readFileSync(join(brokenDir, 'model.json'), 'utf8')) as Record<
      string,
      number[] | string[]
    >
    for (const key of ['features', 'mean', 'std', 'weights'] as const)
      model[key] = model[key]!.slice(0, 10)
    writeFileSync(join(repo, 'broken.json'), JSON.stringify(model))
    const previous = serverRecord(repo, 'staging')!
    const run = await runScript(repo, 'src/deploy.mjs', {
      model_uri: join(repo, 'broken.json'),
      model_name: 'heart-classifier',
      environment: 'staging',
      num_tests: 5
    })
    expect(run.code).toBe(1)
    expect(run.results).toMatchObject({ total_tests: 5, errors: 5, match: 0 })
    expect(run.stdout).toContain(`models:/heart-classifier/2 keeps serving at ${previous.url}`)
    expect(serverRecord(repo, 'staging')).toEqual(previous)
    expect(
      (
        await infer(previous.url, 'heart-classifier', [
          [63, 1, 3, 145, 233, 1, 0, 150, 0, 2.3, 0, 0, 1]
        ])
      ).status
    ).toBe(200)
  })

  it('in place: replaces the server on its port, and a failed smoke test leaves no server', async () => {
    const first = await runScript(repo, 'src/deploy.mjs', {
      model_uri: 'models:/heart-classifier/1',
      environment: 'canary',
      strategy: 'in-place',
      num_tests: 3
    })
    expect(first.code).toBe(0)
    const before = serverRecord(repo, 'canary')!
    const second = await runScript(repo, 'src/deploy.mjs', {
      model_uri: 'models:/heart-classifier/2',
      environment: 'canary',
      strategy: 'in-place',
      num_tests: 3
    })
    expect(second.code).toBe(0)
    const after = serverRecord(repo, 'canary')!
    expect(after.port).toBe(before.port)
    expect(after.model_version).toBe('2')
    expect(isAlive(before.pid)).toBe(false)
    const broken = await runScript(repo, 'src/deploy.mjs', {
      model_uri: join(repo, 'broken.json'),
      model_name: 'heart-classifier',
      environment: 'canary',
      strategy: 'in-place',
      num_tests: 3
    })
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain('canary has no model server now (roll back to restore one)')
    expect(serverRecord(repo, 'canary')).toBeUndefined()
    expect(isAlive(after.pid)).toBe(false)
  })

  it('fails clearly for a model URI the registry does not have', async () => {
    const run = await runScript(repo, 'src/deploy.mjs', {
      model_uri: 'models:/heart-classifier/99',
      environment: 'staging'
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("model 'heart-classifier' has no version 99")
  })

  it('runs the tester on its own against a live server', async () => {
    const server = serverRecord(repo, 'staging')!
    const run = await runScript(repo, 'src/tester.mjs', {
      url: server.url,
      name: 'heart-classifier',
      num_tests: 8
    })
    expect(run.code).toBe(0)
    expect(run.results).toMatchObject({ total_tests: 8, errors: 0 })
    expect(run.stdout).toMatch(/total_tests=8 errors=0 match=\d+ avg_latency=\d+us/)
  })

  it('stops every server it recorded', async () => {
    const server = serverRecord(repo, 'staging')!
    const run = await runScript(repo, 'src/stop.mjs', {})
    expect(run.stdout).toContain(`staging: stopped pid ${server.pid}`)
    expect(isAlive(server.pid)).toBe(false)
    expect(serverRecord(repo, 'staging')).toBeUndefined()
  })
})

describe('examples/quickstart promote.yaml', () => {
  it('validates and resolves train and deploy for every environment on the command cluster', async () => {
    const config = await loadConfig(join(QUICKSTART, 'promote.yaml'))
    expect(
      Object.entries(config.environments).map(([name, env]) => `${name}:${env.branch}`)
    ).toEqual(['development:development', 'staging:staging', 'production:main'])
    expect(config.model.registry).toEqual({ kind: 'file', path: '.promote/registry' })
    for (const name of Object.keys(config.environments)) {
      const env = resolveEnvironment(config, { name })
      expect(env.clusterConfig.kind).toBe('command')
      const deploy = resolveWorkflow(config, 'deploy', env)
      expect(deploy.arguments.environment).toBe(name)
      expect(resolveWorkflow(config, 'train', env).command).toEqual(['node', 'src/train.mjs'])
    }
    expect(config.gates.accuracy).toMatchObject({ min: 0.75, maxDrop: 0.02 })
    expect(readFileSync(join(QUICKSTART, 'promote.yaml'), 'utf8').split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=\S+promote\.schema\.json$/
    )
  })

  it('has no npm dependencies at all', () => {
    const pkg = JSON.parse(readFileSync(join(QUICKSTART, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(pkg.dependencies).toBeUndefined()
    expect(pkg.devDependencies).toBeUndefined()
  })
})

describe("examples/quickstart's own lint and test commands (what lint-test runs on its PRs)", () => {
  it('npm run lint and npm test pass in a fresh checkout', async () => {
    const repo = copyQuickstart()
    try {
      // The commands exactly as package.json has them (each is `node ...`), run with this Node.
      const scripts = (
        JSON.parse(readFileSync(join(QUICKSTART, 'package.json'), 'utf8')) as {
          scripts: Record<string, string>
        }
      ).scripts
      const nodeArgs = (script: string) => {
        const [program, ...args] = scripts[script]!.split(' ')
        expect(program).toBe('node')
        return args
      }
      const lint = await runCommand(repo, nodeArgs('lint'))
      expect(lint.code).toBe(0)
      expect(lint.stdout).toMatch(/lint: \d+ files, 0 problems/)
      const tests = await runCommand(repo, nodeArgs('test'))
      expect(tests.code).toBe(0)
      // TAP (`# pass 4`) on Node 20, the spec reporter (`ℹ pass 4`) on newer Node.
      expect(tests.stdout).toMatch(/^(?:#|ℹ) pass [1-9]\d*$/m)
      expect(tests.stdout).toMatch(/^(?:#|ℹ) fail 0$/m)
    } finally {
      await cleanUp(repo)
    }
  })
})
