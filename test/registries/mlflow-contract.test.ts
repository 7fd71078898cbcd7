import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { configSchema } from '../../src/core/config/schema.js'
import { createRegistry } from '../../src/adapters/registries/index.js'
import { aliasProblem } from '../../src/adapters/registries/mlflow.js'
import { startFakeMlflow, type FakeMlflow } from '../fakes/mlflow-server.js'

/**
 * The MLflow adapter against a server that answers as MLflow's own code does. MLflow publishes no
 * REST spec: each test names the MLflow file (github.com/mlflow/mlflow) whose behaviour it holds
 * the adapter or the test server to.
 */
const fast = { http: { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } } }
const API = '/api/2.0/mlflow'

let mlflow: FakeMlflow
beforeEach(async () => {
  mlflow = await startFakeMlflow()
})
afterEach(() => mlflow.close())

const registry = () =>
  createRegistry(
    configSchema.parse({
      project: 'cicd-flow',
      model: { name: 'model', registry: { kind: 'mlflow', url: mlflow.url } },
      clusters: { local: { kind: 'command' } },
      environments: { development: { branch: 'development', cluster: 'local' } },
      workflows: { deploy: { command: 'true' } }
    }),
    {},
    fast
  )

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}

/** A request straight to the test server, as any client could send it. */
async function send(
  method: string,
  path: string,
  options: { query?: Record<string, string>; body?: unknown; contentType?: string } = {}
) {
  const url = new URL(`${mlflow.url}${API}${path}`)
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v)
  const response = await fetch(url, {
    method,
    ...(options.body !== undefined && {
      body: JSON.stringify(options.body),
      headers: { 'content-type': options.contentType ?? 'application/json' }
    })
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Flask's HTML pages
  }
  return { status: response.status, body }
}

const route = (r: { method: string; path: string }) => `${r.method} ${r.path.slice(API.length)}`

describe('models:/<name>/latest', () => {
  // mlflow/store/artifact/utils/models.py: `_parse_model_uri` reads the suffix `latest` (any
  // case) as "the latest of all versions", and `_get_latest_model_version` takes
  // max(int(v.version)) over `client.get_latest_versions(name, None)`: the newest version of
  // every stage (sqlalchemy_store.py `get_latest_versions`). The version is then read with
  // GetModelVersion, as for a number.
  it("resolves to the highest version over every stage, as MLflow's client does", async () => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.7 }, stage: 'Production' })
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 }, stage: 'Staging' })
    mlflow.addVersion('model', { metrics: { accuracy: 0.9 } })
    mlflow.addVersion('model', { metrics: { accuracy: 0.6 }, stage: 'Staging' })
    mlflow.addVersion('other', { metrics: { accuracy: 0.99 } })
    mlflow.versions[2]!.aliases.push('candidate')

    const { record, manifest } = await (await registry()).resolve('models:/model/latest')

    expect(record).toMatchObject({ name: 'model', version: '4', uri: 'models:/model/4' })
    expect(record.metrics.accuracy).toBe(0.6)
    expect(manifest).toMatchObject({ metadata: { version: '4', uri: 'models:/model/4' } })
    expect(mlflow.server.requests.map(route)).toEqual([
      'POST /registered-models/get-latest-versions',
      'GET /model-versions/get',
      'GET /runs/get'
    ])
    const [latest, get] = mlflow.server.requests
    // model_registry.proto GetLatestVersions: name (required), stages (none: every stage).
    expect(latest!.body).toEqual({ name: 'model' })
    expect(latest!.headers['content-type']).toMatch(/^application\/json/)
    expect(Object.fromEntries(get!.query)).toEqual({ name: 'model', version: '4' })
  })

  it('reads models:/<name>@latest as the newest version, never as an alias name MLflow reserves', async () => {
    // validation.py `_validate_model_alias_name`: "'latest' alias name (case insensitive) is
    // reserved." on sqlalchemy stores that check it before reading an alias.
    mlflow.addVersion('model', { metrics: { accuracy: 0.7 } })
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 } })
    expect(
      await send('GET', '/registered-models/alias', { query: { name: 'model', alias: 'latest' } })
    ).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } })
    mlflow.server.requests.length = 0
    const { record } = await (await registry()).resolve('models:/model@Latest')
    expect(record).toMatchObject({ version: '2', uri: 'models:/model/2' })
    expect(mlflow.server.requests.map(route)).toEqual([
      'POST /registered-models/get-latest-versions',
      'GET /model-versions/get',
      'GET /runs/get'
    ])
  })

  it('reads the aliases of the version it resolves to from GetModelVersion', async () => {
    // sqlalchemy_store.py: older servers' get_latest_versions returns versions without their
    // aliases (dbmodels/models.py SqlModelVersion.to_mlflow_entity passes []).
    mlflow.addVersion('model', { metrics: { accuracy: 0.7 } })
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 } })
    mlflow.versions[1]!.aliases.push('challenger')
    const { manifest } = await (await registry()).resolve('models:/model/latest')
    expect(manifest).toMatchObject({ metadata: { version: '2', aliases: ['challenger'] } })
  })

  it('never sends version=latest: MLflow refuses it with 400 INVALID_PARAMETER_VALUE', async () => {
    // mlflow/utils/validation.py `_validate_model_version`: int(version) or
    // "Model version must be an integer, got '<version>'" (INVALID_PARAMETER_VALUE → 400).
    mlflow.addVersion('model', { metrics: { accuracy: 0.7 } })
    expect(
      await send('GET', '/model-versions/get', { query: { name: 'model', version: 'latest' } })
    ).toEqual({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: "Model version must be an integer, got 'latest'"
      }
    })
    mlflow.server.requests.length = 0
    await (await registry()).resolve('models:/model/latest')
    expect(mlflow.server.requests.some(r => r.query.get('version') === 'latest')).toBe(false)
  })

  it('says which model has no versions (RESOURCE_DOES_NOT_EXIST from get-latest-versions)', async () => {
    // sqlalchemy_store.py `_get_registered_model`: "Registered Model with name=<name> not found".
    const error = await rejection((await registry()).resolve('models:/nothing/latest'))
    expect(error.name).toBe('ConfigurationError')
    expect(error.message).toMatch(
      /model URI 'models:\/nothing\/latest' does not resolve: MLflow: POST .*\/registered-models\/get-latest-versions returned 404: RESOURCE_DOES_NOT_EXIST: Registered Model with name=nothing not found/
    )
  })

  it('a model whose versions are all deleted has no latest: a clear refusal', async () => {
    // dbmodels/models.py SqlRegisteredModel.to_mlflow_entity skips STAGE_DELETED_INTERNAL, so
    // get-latest-versions answers no versions; models.py `_get_latest_model_version` then says
    // "No versions of model with name '<name>' found".
    mlflow.addVersion('model', { metrics: { accuracy: 0.7 } })
    mlflow.versions[0]!.current_stage = 'Deleted_Internal'
    expect(
      await send('POST', '/registered-models/get-latest-versions', { body: { name: 'model' } })
    ).toEqual({ status: 200, body: { model_versions: [] } })
    const error = await rejection((await registry()).resolve('models:/model/latest'))
    expect(error.name).toBe('ConfigurationError')
    expect(error.message).toBe(
      "model URI 'models:/model/latest' does not resolve: MLflow has no versions of model 'model'"
    )
  })
})

describe('every request the adapter sends is one MLflow accepts', () => {
  // model_registry.proto (ModelRegistryService endpoints) and service.proto (GetRun) give each
  // route its methods; handlers.py `_get_request_message` reads GET parameters from the query
  // string and the others from a JSON body; validation.py `_validate_content_type` wants
  // application/json on POST.
  it('resolve by number, alias and latest, and set an alias', async () => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 }, runName: 'train' })
    mlflow.addVersion('model', { metrics: { accuracy: 0.9 } })
    const reg = await registry()
    const { record } = await reg.resolve('models:/model/2')
    await reg.setTag(record, 'champion')
    await reg.resolve(reg.uriForTag('model', 'champion'))
    await reg.resolve(reg.uriForTag('model', 'latest'))

    expect(mlflow.server.requests.map(route)).toEqual([
      'GET /model-versions/get',
      'GET /runs/get',
      'POST /registered-models/alias',
      'POST /model-versions/set-tag',
      'GET /registered-models/alias',
      'GET /runs/get',
      'POST /registered-models/get-latest-versions',
      'GET /model-versions/get',
      'GET /runs/get'
    ])
    for (const request of mlflow.server.requests) {
      if (request.method === 'GET') expect(request.rawBody).toBe('')
      else expect(request.headers['content-type']).toMatch(/^application\/json/)
    }
    // SetRegisteredModelAlias and SetModelVersionTag: every field a string, as the proto types them.
    const posts = mlflow.server.requests.filter(r => r.method === 'POST').map(r => r.body)
    expect(posts).toEqual([
      { name: 'model', alias: 'champion', version: '2' },
      { name: 'model', version: '2', key: 'promote-actions.tag', value: 'champion' },
      { name: 'model' }
    ])
    expect(mlflow.versions[1]!.aliases).toEqual(['champion'])
  })

  it('refuses an alias MLflow reserves before sending anything (validation.py _validate_model_alias_name)', async () => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 } })
    const reg = await registry()
    const { record } = await reg.resolve('models:/model/1')
    mlflow.server.requests.length = 0
    expect((await rejection(reg.setTag(record, 'latest'))).message).toMatch(
      /cannot set MLflow alias 'latest' on models:\/model\/1: 'latest' is reserved by MLflow/
    )
    expect((await rejection(reg.setTag(record, 'v2'))).message).toMatch(
      /'v2' is reserved by MLflow for version 2/
    )
    expect(mlflow.server.requests).toEqual([])
    // ...which the test server, like MLflow, would have refused.
    expect(
      await send('POST', '/registered-models/alias', {
        body: { name: 'model', alias: 'latest', version: '1' }
      })
    ).toEqual({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: "'latest' alias name (case insensitive) is reserved."
      }
    })
    expect(aliasProblem('champion')).toBeUndefined()
    expect(aliasProblem('V12')).toMatch(/reserved/)
    expect(aliasProblem('has space')).toMatch(/only contain/)
  })

  it('a missing alias is 400 INVALID_PARAMETER_VALUE, reported as a URI that does not resolve', async () => {
    // sqlalchemy_store.py `get_model_version_by_alias`:
    // MlflowException("Registered model alias <alias> not found.", INVALID_PARAMETER_VALUE).
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 } })
    const error = await rejection((await registry()).resolve('models:/model@champion'))
    expect(error.name).toBe('ConfigurationError')
    expect(error.message).toMatch(
      /does not resolve: MLflow: GET .* returned 400: INVALID_PARAMETER_VALUE: Registered model alias champion not found\./
    )
  })
})

describe('the test server answers malformed requests as MLflow does', () => {
  beforeEach(() => {
    mlflow.addVersion('model', { metrics: { accuracy: 0.8 } })
  })

  it('a missing required parameter (handlers.py _assert_required)', async () => {
    expect(await send('GET', '/model-versions/get', { query: { name: 'model' } })).toEqual({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message:
          "Missing value for required parameter 'version'. See the API docs for more information about request parameters."
      }
    })
    expect(
      (await send('POST', '/registered-models/alias', { body: { name: 'model' } })).body
    ).toMatchObject({ message: expect.stringMatching(/required parameter 'alias'/) })
  })

  it('a non-integer version (validation.py _validate_model_version)', async () => {
    for (const version of ['latest', '1.5', 'v1']) {
      const answer = await send('GET', '/model-versions/get', {
        query: { name: 'model', version }
      })
      expect(answer).toEqual({
        status: 400,
        body: {
          error_code: 'INVALID_PARAMETER_VALUE',
          message: `Model version must be an integer, got '${version}'`
        }
      })
    }
    expect(
      (await send('GET', '/model-versions/get', { query: { name: 'model', version: '1' } })).status
    ).toBe(200)
  })

  it('a number where the proto has a string (handlers.py _assert_string after ParseError)', async () => {
    const answer = await send('POST', '/registered-models/alias', {
      body: { name: 'model', alias: 'champion', version: 1 }
    })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringMatching(/Invalid value 1 for parameter 'version' supplied/)
    })
  })

  it('a POST without a JSON content type (server/validation.py _validate_content_type)', async () => {
    const answer = await send('POST', '/model-versions/set-tag', {
      body: { name: 'model', version: '1', key: 'k', value: 'v' },
      contentType: 'text/plain'
    })
    expect(answer).toEqual({
      status: 400,
      body: {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: "Bad Request. Content-Type must be one of [application/json]. Got 'text/plain'."
      }
    })
  })

  it('a method the proto does not serve the route with, and an unknown route (Flask 405 / 404)', async () => {
    expect((await send('POST', '/model-versions/get', { body: { name: 'model' } })).status).toBe(
      405
    )
    expect((await send('GET', '/model-versions/set-tag')).status).toBe(405)
    expect((await send('GET', '/model-versions/latest')).status).toBe(404)
  })

  it('an unknown version or run (sqlalchemy stores: RESOURCE_DOES_NOT_EXIST, 404)', async () => {
    expect(
      await send('GET', '/model-versions/get', { query: { name: 'model', version: '9' } })
    ).toEqual({
      status: 404,
      body: {
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: 'Model Version (name=model, version=9) not found'
      }
    })
    expect(await send('GET', '/runs/get', { query: { run_id: 'nope' } })).toEqual({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=nope not found' }
    })
  })
})
