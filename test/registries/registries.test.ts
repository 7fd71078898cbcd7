import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { configSchema, type PromoteConfigInput } from '../../src/core/config/schema.js'
import { createRegistry, register, registrySecrets } from '../../src/adapters/registries/index.js'
import { FileRegistry } from '../../src/adapters/registries/file.js'
import { startFakeMlrun, linkArtifact, type FakeMlrun } from '../fakes/mlrun-artifacts-server.js'
import { startFakeMlflow, type FakeMlflow } from '../fakes/mlflow-server.js'
import { sharedFile } from '../helpers/shared.js'

const fast = { http: { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } } }
const fixtureFile = sharedFile('fixtures/mlrun-model-challenger.yaml')
const fixture = fixtureFile
  ? (parse(readFileSync(fixtureFile, 'utf8')) as Record<string, unknown>)
  : undefined
const itWithFixture = fixture ? it : it.skip

function config(
  registry: PromoteConfigInput['model']['registry'],
  clusters: PromoteConfigInput['clusters'] = {}
) {
  return configSchema.parse({
    project: 'cicd-flow',
    model: { name: 'model', registry },
    clusters: { local: { kind: 'command' }, ...clusters },
    environments: { development: { branch: 'development', cluster: 'local' } },
    workflows: { deploy: { command: 'true' } }
  })
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}

describe('mlrun registry', () => {
  let mlrun: FakeMlrun
  beforeEach(async () => {
    mlrun = await startFakeMlrun({ requireAuth: 'Bearer mlrun-secret-token' })
  })
  afterEach(() => mlrun.close())
  const registry = () =>
    createRegistry(
      config(
        { kind: 'mlrun' },
        { cluster: { kind: 'mlrun', url: mlrun.url, tokenEnv: 'MLRUN_TOKEN' } }
      ),
      { MLRUN_TOKEN: 'mlrun-secret-token' },
      fast
    )

  itWithFixture(
    'reads iteration 0 of a hyper-parameter run as its best iteration, as MLRun exports it',
    async () => {
      mlrun.store(fixture!)
      mlrun.store(linkArtifact(fixture!))
      const resolved = await (await registry()).resolve('store://models/cicd-flow/model#0:latest')
      // The server adds metadata.uid and metadata.created; MLRun's export does not write them.
      expect(mlrun.artifacts[0]!.body.metadata).toHaveProperty('uid')
      expect(resolved.manifest).toEqual(fixture)
      expect(resolved.record).toMatchObject({
        name: 'model',
        iteration: 2,
        tree: '1e587e9e-f0e3-4ddd-9566-b7d7ff655841',
        artifactHash: 'e0cb19de85cd8c24c26befc714a2801a9df5f919'
      })
      expect(resolved.record.metrics.accuracy).toBeCloseTo(0.877, 3)
      // One request, with the parameters mlrun/db/httpdb.py read_artifact sends, in its order.
      const gets = mlrun.server.requests.filter(r => r.method === 'GET')
      expect(gets.map(r => [...r.query])).toEqual([
        [
          ['format', 'full'],
          ['tag', 'latest'],
          ['iter', '0']
        ]
      ])
      expect(gets[0]!.headers['x-mlrun-client-version']).toBe('1.7.0')
    }
  )

  itWithFixture('tags a version with PUT and the tag then resolves to it', async () => {
    mlrun.store(fixture!)
    const reg = await registry()
    const { record } = await reg.resolve('store://models/cicd-flow/model#2:latest')
    await reg.setTag(record, 'champion')
    const put = mlrun.server.requests.find(r => r.method === 'PUT')!
    expect(put.path).toBe('/api/v2/projects/cicd-flow/artifacts/model')
    expect(Object.fromEntries(put.query)).toEqual({
      tag: 'champion',
      iter: '2',
      tree: '1e587e9e-f0e3-4ddd-9566-b7d7ff655841'
    })
    expect((put.body as { spec: unknown }).spec).toEqual(fixture!.spec)
    const champion = await reg.resolve(reg.uriForTag('model', 'champion').replace('#0', '#2'))
    expect(champion.record.artifactHash).toBe('e0cb19de85cd8c24c26befc714a2801a9df5f919')
    expect(mlrun.artifacts.find(a => a.iter === 2)!.tags).toEqual(new Set(['latest', 'champion']))
  })

  it("refuses a URI that does not resolve with MLRun's own message", async () => {
    const error = await rejection(
      (await registry()).resolve('store://models/cicd-flow/nothing#0:latest')
    )
    expect(error.name).toBe('ConfigurationError')
    expect(error.message).toMatch(
      /model URI 'store:\/\/models\/cicd-flow\/nothing#0:latest' does not resolve: MLRun API: GET .* returned 404: MLRunNotFoundError\('Artifact cicd-flow\/nothing#0:latest not found'\)/
    )
  })

  it('refuses a URI of another registry and a malformed one', async () => {
    expect((await rejection((await registry()).resolve('models:/model/1'))).message).toMatch(
      /not an MLRun store URI/
    )
    expect(
      (await rejection((await registry()).resolve('store://models/Bad_Project/model'))).message
    ).toMatch(/project 'Bad_Project'/)
  })

  it('sends the token, says plainly when its variable is unset, and relays a refusal', async () => {
    // The config names MLRUN_TOKEN but the environment lacks it: said before any request.
    await expect(
      createRegistry(
        config(
          { kind: 'mlrun' },
          { cluster: { kind: 'mlrun', url: mlrun.url, tokenEnv: 'MLRUN_TOKEN' } }
        ),
        { MLRUN_TOKEN: '' },
        fast
      )
    ).rejects.toThrow(/clusters.cluster: environment variable MLRUN_TOKEN is empty or unset/)
    const anonymous = await createRegistry(
      config({ kind: 'mlrun' }, { cluster: { kind: 'mlrun', url: mlrun.url } }),
      {},
      fast
    )
    const error = await rejection(anonymous.resolve('store://models/cicd-flow/model#0:latest'))
    expect(error.message).toMatch(
      /returned 401: Unauthorized: missing or wrong credentials \(check the credentials/
    )
    expect(mlrun.server.requests[0]!.headers.authorization).toBeUndefined()
    const basic = await createRegistry(
      config(
        { kind: 'mlrun' },
        {
          cluster: {
            kind: 'mlrun',
            url: mlrun.url,
            usernameEnv: 'V3IO_USERNAME',
            accessKeyEnv: 'V3IO_ACCESS_KEY'
          }
        }
      ),
      { V3IO_USERNAME: 'nick', V3IO_ACCESS_KEY: 'key-123' },
      fast
    )
    await rejection(basic.resolve('store://models/cicd-flow/model#0:latest'))
    expect(mlrun.server.requests[1]!.headers.authorization).toBe(
      `Basic ${Buffer.from('nick:key-123').toString('base64')}`
    )
  })

  itWithFixture('retries a registry that is down, then gives a clear error', async () => {
    mlrun.store(fixture!)
    mlrun.failNext(2)
    const resolved = await (await registry()).resolve('store://models/cicd-flow/model#2:latest')
    expect(resolved.record.iteration).toBe(2)
    mlrun.failNext(10)
    const error = await rejection(
      (await registry()).resolve('store://models/cicd-flow/model#2:latest')
    )
    expect(error.message).toMatch(
      /the MLRun API at http:\/\/127\.0\.0\.1:\d+ is not answering .*returned 503: Service Unavailable/
    )
    const closed = mlrun.url
    await mlrun.close()
    const refused = await createRegistry(
      config({ kind: 'mlrun' }, { cluster: { kind: 'mlrun', url: closed } }),
      {},
      fast
    )
    expect(
      (await rejection(refused.resolve('store://models/cicd-flow/model#2:latest'))).message
    ).toMatch(/is not answering .*ECONNREFUSED/)
    mlrun = await startFakeMlrun()
  })
})

describe('mlflow registry', () => {
  let mlflow: FakeMlflow
  beforeEach(async () => {
    mlflow = await startFakeMlflow({
      requireAuth: `Basic ${Buffer.from('ds:pa55word').toString('base64')}`
    })
  })
  afterEach(() => mlflow.close())
  const mlflowConfig = () =>
    config({
      kind: 'mlflow',
      url: mlflow.url,
      usernameEnv: 'MLFLOW_TRACKING_USERNAME',
      passwordEnv: 'MLFLOW_TRACKING_PASSWORD',
      tokenEnv: 'MLFLOW_TRACKING_TOKEN'
    })
  const registry = () =>
    createRegistry(
      mlflowConfig(),
      {
        MLFLOW_TRACKING_USERNAME: 'ds',
        MLFLOW_TRACKING_PASSWORD: 'pa55word',
        MLFLOW_TRACKING_TOKEN: 'unused-token'
      },
      fast
    )

  it('resolves a version with its run metrics (last step) and params, in the MLRun manifest shape', async () => {
    mlflow.addVersion('model', {
      metrics: { accuracy: 0.91, f1_score: 0.88 },
      params: { n_estimators: '100' },
      runName: 'train'
    })
    const { record, manifest } = await (await registry()).resolve('models:/model/1')
    expect(record).toMatchObject({
      name: 'model',
      version: '1',
      uri: 'models:/model/1',
      metrics: { accuracy: 0.91, f1_score: 0.88 },
      parameters: { n_estimators: '100' }
    })
    expect(manifest).toMatchObject({
      kind: 'model',
      metadata: { key: 'model', project: 'cicd-flow', version: '1', uri: 'models:/model/1' },
      spec: { model_file: 'model', producer: { kind: 'mlflow-run', name: 'train' } },
      status: { state: 'READY' }
    })
    expect(mlflow.server.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET /api/2.0/mlflow/model-versions/get',
      'GET /api/2.0/mlflow/runs/get'
    ])
  })

  it('sets an alias (and a version tag) and resolves through it', async () => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 } })
    mlflow.addVersion('model', { metrics: { accuracy: 0.9 } })
    const reg = await registry()
    const { record } = await reg.resolve('models:/model/2')
    await reg.setTag(record, 'champion')
    const aliasPost = mlflow.server.requests.find(
      r => r.method === 'POST' && r.path.endsWith('/registered-models/alias')
    )!
    expect(aliasPost.body).toEqual({ name: 'model', alias: 'champion', version: '2' })
    const champion = await reg.resolve(reg.uriForTag('model', 'champion'))
    expect(champion.record).toMatchObject({
      version: '2',
      tag: 'champion',
      metrics: { accuracy: 0.9 }
    })
    expect(mlflow.versions[1]!.tags).toEqual([{ key: 'promote-actions.tag', value: 'champion' }])
  })

  it("reports MLflow's error code and message for a missing version or alias", async () => {
    const error = await rejection((await registry()).resolve('models:/model/7'))
    expect(error.message).toMatch(
      /model URI 'models:\/model\/7' does not resolve: MLflow: GET .* returned 404: RESOURCE_DOES_NOT_EXIST: Model Version \(name=model, version=7\) not found/
    )
    expect((await rejection((await registry()).resolve('models:/model@champion'))).message).toMatch(
      /400: INVALID_PARAMETER_VALUE: Registered model alias champion not found/
    )
  })

  it('uses Basic auth from username/password, else the Bearer token', async () => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 } })
    await (await registry()).resolve('models:/model/1')
    expect(mlflow.server.requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from('ds:pa55word').toString('base64')}`
    )
    mlflow.requireAuth = 'Bearer tok3n'
    const bearer = await createRegistry(
      config({ kind: 'mlflow', url: mlflow.url, tokenEnv: 'MLFLOW_TRACKING_TOKEN' }),
      { MLFLOW_TRACKING_TOKEN: 'tok3n' },
      fast
    )
    await bearer.resolve('models:/model/1')
    const wrong = await createRegistry(
      config({ kind: 'mlflow', url: mlflow.url, tokenEnv: 'MLFLOW_TRACKING_TOKEN' }),
      { MLFLOW_TRACKING_TOKEN: 'nope' },
      fast
    )
    expect((await rejection(wrong.resolve('models:/model/1'))).message).toMatch(
      /401: UNAUTHENTICATED.*check the credentials/
    )
    expect(
      registrySecrets(mlflowConfig(), {
        MLFLOW_TRACKING_PASSWORD: 'pa55word',
        MLFLOW_TRACKING_TOKEN: 'tok3n'
      })
    ).toEqual(['tok3n', 'pa55word'])
  })

  it('retries while MLflow is down, then says so', async () => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 } })
    mlflow.failNext(2)
    await expect((await registry()).resolve('models:/model/1')).resolves.toBeDefined()
    mlflow.failNext(100)
    expect((await rejection((await registry()).resolve('models:/model/1'))).message).toMatch(
      /the MLflow server at .* is not answering .*503: TEMPORARILY_UNAVAILABLE/
    )
  })
})

describe('file registry', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-registry-'))
    writeFileSync(join(dir, 'model.pkl'), 'pickled-model-bytes')
  })

  it('registers versions with the model file and manifest, and resolves by version and by tag', async () => {
    const first = await register({
      root: '.promote/registry',
      name: 'model',
      modelFile: 'model.pkl',
      metrics: { accuracy: 0.8 },
      parameters: { depth: 3 },
      tags: ['latest'],
      cwd: dir,
      project: 'demo',
      framework: 'sklearn'
    })
    writeFileSync(join(dir, 'model.pkl'), 'better-model-bytes')
    const second = await register({
      root: '.promote/registry',
      name: 'model',
      modelFile: 'model.pkl',
      metrics: { accuracy: 0.9 },
      tags: ['latest'],
      cwd: dir
    })
    expect([first.version, second.version]).toEqual([1, 2])
    expect(second.uri).toBe('models:/model/2')
    expect(readFileSync(join(dir, '.promote/registry/model/versions/2/model.pkl'), 'utf8')).toBe(
      'better-model-bytes'
    )
    expect(readFileSync(join(dir, '.promote/registry/model/tags/latest'), 'utf8')).toBe('2\n')
    const reg = await createRegistry(
      config({ kind: 'file', path: '.promote/registry' }),
      {},
      { cwd: dir }
    )
    const byVersion = await reg.resolve('models:/model/1')
    expect(byVersion.record).toMatchObject({
      name: 'model',
      version: '1',
      metrics: { accuracy: 0.8 },
      parameters: { depth: 3 },
      framework: 'sklearn',
      artifactHash: first.hash,
      location: '.promote/registry/model/versions/1/model.pkl'
    })
    const byTag = await reg.resolve('models:/model@latest')
    expect(byTag.record).toMatchObject({ version: '2', tag: 'latest', metrics: { accuracy: 0.9 } })
    await reg.setTag(byVersion.record, 'champion')
    expect((await reg.resolve(reg.uriForTag('model', 'champion'))).record.version).toBe('1')
    // No temporary files left behind.
    expect(readdirSync(join(dir, '.promote/registry/model/tags')).sort()).toEqual([
      'champion',
      'latest'
    ])
    expect(readdirSync(join(dir, '.promote/registry/model/versions/2')).sort()).toEqual([
      'model.pkl',
      'model.yaml'
    ])
  })

  it('resolves a path to a manifest as well', async () => {
    const registered = await register({
      root: 'reg',
      name: 'model',
      modelFile: 'model.pkl',
      metrics: { accuracy: 0.6 },
      cwd: dir
    })
    const reg = new FileRegistry({ root: 'reg', cwd: dir })
    const byPath = await reg.resolve('reg/model/versions/1/model.yaml')
    expect(byPath.record).toMatchObject({
      version: '1',
      artifactHash: registered.hash,
      metrics: { accuracy: 0.6 }
    })
    const absolute = await reg.resolve(`file://${registered.manifestPath}`)
    expect(absolute.record.contentHash).toBe(byPath.record.contentHash)
    expect((await rejection(reg.resolve('reg/model/versions/9/model.yaml'))).message).toMatch(
      /does not resolve: .*model.yaml does not exist/
    )
  })

  it('gives concurrent registrations distinct versions', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        register({
          root: 'reg',
          name: 'model',
          modelFile: 'model.pkl',
          metrics: { accuracy: i / 10 },
          cwd: dir
        })
      )
    )
    expect(results.map(r => r.version).sort()).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('says what exists when a version or tag does not', async () => {
    await register({
      root: 'reg',
      name: 'model',
      modelFile: 'model.pkl',
      cwd: dir,
      tags: ['latest']
    })
    const reg = new FileRegistry({ root: 'reg', cwd: dir })
    expect((await rejection(reg.resolve('models:/model/4'))).message).toMatch(
      /has no version 4 .*\(versions: 1\)/
    )
    expect((await rejection(reg.resolve('models:/model@champion'))).message).toMatch(
      /has no tag 'champion' .*\(tags: latest\)/
    )
    expect((await rejection(reg.resolve('store://models/p/model'))).message).toMatch(
      /not a file-registry URI/
    )
  })

  it('refuses non-numeric metrics and a missing model file, leaving nothing behind', async () => {
    await expect(
      register({
        root: 'reg',
        name: 'model',
        modelFile: 'model.pkl',
        cwd: dir,
        metrics: { accuracy: 'high' as unknown as number }
      })
    ).rejects.toThrow(/metric 'accuracy' must be a finite number, got "high"/)
    await expect(
      register({ root: 'reg', name: 'model', modelFile: 'missing.pkl', cwd: dir })
    ).rejects.toThrow(/cannot read model file missing.pkl: ENOENT/)
    expect(existsSync(join(dir, 'reg'))).toBe(false)
  })
})
