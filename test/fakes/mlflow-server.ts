import type { ServerResponse } from 'node:http'
import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'

/**
 * A stateful stand-in for MLflow's model registry REST API (/api/2.0/mlflow), written from
 * MLflow's own code rather than from our expectations of it:
 *
 * - routes and methods: `mlflow/protos/model_registry.proto` (ModelRegistryService: each rpc's
 *   `endpoints`) and `mlflow/protos/service.proto` (GetRun: GET /mlflow/runs/get); another method
 *   on a known path is Flask's 405;
 * - request parsing: `mlflow/server/handlers.py` `_get_request_message` (GET reads the query
 *   string, every other method a JSON body) and `mlflow/server/validation.py`
 *   `_validate_content_type` (POST must be `Content-Type: application/json`);
 * - parameter checks: each handler's `schema` in handlers.py (`_assert_required` → "Missing value
 *   for required parameter '<name>'.", `_assert_string` on a body that does not parse into the
 *   proto);
 * - store checks: `mlflow/utils/validation.py` `_validate_model_version` (a version that is not an
 *   integer, such as `latest`, is 400 INVALID_PARAMETER_VALUE) and `_validate_model_alias_name`
 *   (`latest` and `v<N>` are reserved alias names), and
 *   `mlflow/store/model_registry/sqlalchemy_store.py` (`Model Version (name=…, version=…) not
 *   found` is 404 RESOURCE_DOES_NOT_EXIST; a missing alias is 400 INVALID_PARAMETER_VALUE
 *   `Registered model alias <alias> not found.`; `get_latest_versions` returns the newest version
 *   of each stage, without the aliases of older servers);
 * - errors: `catch_mlflow_exception` answers `MlflowException.serialize_as_json()`, a JSON object
 *   `{"error_code", "message"}`, with the code's HTTP status.
 */
export interface FakeModelVersion {
  name: string
  version: string
  source: string
  run_id: string
  status: string
  current_stage: string
  creation_timestamp: number
  last_updated_timestamp: number
  tags: Array<{ key: string; value: string }>
  aliases: string[]
}

export interface FakeRun {
  info: {
    run_id: string
    run_name?: string
    user_id?: string
    experiment_id: string
    status: string
  }
  data: {
    metrics: Array<{ key: string; value: number; timestamp: number; step: number }>
    params: Array<{ key: string; value: string }>
    tags: Array<{ key: string; value: string }>
  }
}

export interface FakeMlflow {
  url: string
  server: TestServer
  versions: FakeModelVersion[]
  runs: Map<string, FakeRun>
  /** Registers a version with its run's metrics and params; returns its version number. */
  addVersion(
    name: string,
    run: {
      metrics: Record<string, number>
      params?: Record<string, string>
      source?: string
      runName?: string
      /** MLflow stage (None, Staging, Production, Archived); default None. */
      stage?: string
    }
  ): string
  failNext(count: number): void
  requireAuth?: string
  close(): Promise<void>
}

const API = '/api/2.0/mlflow'
const INVALID = 'INVALID_PARAMETER_VALUE'
const MISSING = 'RESOURCE_DOES_NOT_EXIST'
/** model_version_stages.py STAGE_DELETED_INTERNAL: a deleted version, kept as a row. */
const DELETED = 'Deleted_Internal'
const SEE_DOCS = ' See the API docs for more information about request parameters.'

/** Each route of the proto and the methods it is served with (model_registry.proto, service.proto). */
const ROUTES: Record<string, string[]> = {
  '/model-versions/get': ['GET'],
  '/model-versions/search': ['GET'],
  '/model-versions/set-tag': ['POST'],
  '/registered-models/get': ['GET'],
  '/registered-models/get-latest-versions': ['POST', 'GET'],
  '/registered-models/alias': ['POST', 'DELETE', 'GET'],
  '/runs/get': ['GET']
}

/** Thrown by a handler; answered as MLflow's catch_mlflow_exception does. */
class MlflowError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

const fail = (status: number, code: string, message: string): never => {
  throw new MlflowError(status, code, message)
}

/** mlflow/utils/validation.py `_validate_model_version`. */
function validateVersion(version: string): void {
  if (!/^\s*[-+]?\d+\s*$/.test(version))
    fail(400, INVALID, `Model version must be an integer, got '${version}'`)
}

/** mlflow/utils/validation.py `_validate_model_alias_name`. */
function validateAlias(alias: string): void {
  if (!/^[\w-]*$/.test(alias))
    fail(
      400,
      INVALID,
      `Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`
    )
  if (alias.length > 255)
    fail(
      400,
      INVALID,
      `Registered model alias name '${alias.slice(0, 250)}' had length ${alias.length}, which exceeded length limit of 255`
    )
  if (alias.toLowerCase() === 'latest')
    fail(400, INVALID, "'latest' alias name (case insensitive) is reserved.")
  if (/^[vV]\d+$/.test(alias)) fail(400, INVALID, `Version alias name '${alias}' is reserved.`)
}

export async function startFakeMlflow(options: { requireAuth?: string } = {}): Promise<FakeMlflow> {
  const versions: FakeModelVersion[] = []
  const runs = new Map<string, FakeRun>()
  let failures = 0
  let runCounter = 0

  const registered = (name: string) => {
    const all = versions.filter(v => v.name === name)
    if (all.length === 0) fail(404, MISSING, `Registered Model with name=${name} not found`)
    return all
  }
  const find = (name: string, version: string) => {
    validateVersion(version)
    const found = versions.find(
      v => v.name === name && Number(v.version) === Number(version) && v.current_stage !== DELETED
    )
    return found ?? fail(404, MISSING, `Model Version (name=${name}, version=${version}) not found`)
  }

  type Answer = { html: number; title: string } | { status: number; body: unknown }
  const handle = (request: RecordedRequest): Answer => {
    const route = request.path.startsWith(API) ? request.path.slice(API.length) : undefined
    const methods = route === undefined ? undefined : ROUTES[route]
    // Flask's own pages, not MLflow JSON: no handler ran.
    if (!methods) return { html: 404, title: 'Not Found' }
    if (!methods.includes(request.method)) return { html: 405, title: 'Method Not Allowed' }

    // handlers.py `_get_request_message`: GET reads the query string, the rest a JSON body.
    let params: Record<string, unknown>
    if (request.method === 'GET') {
      params = Object.fromEntries(request.query)
    } else {
      const type = String(request.headers['content-type'] ?? '').split(';')[0]!
      if (request.method === 'POST' && type !== 'application/json')
        fail(
          400,
          INVALID,
          `Bad Request. Content-Type must be one of [application/json].${type ? ` Got '${type}'.` : ''}`
        )
      let parsed: unknown = {}
      try {
        parsed = request.rawBody ? JSON.parse(request.rawBody) : {}
      } catch {
        parsed = {}
      }
      params = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {}
    }
    /** `_assert_required` and `_assert_string` of a handler's schema. */
    const str = (name: string, required = true): string => {
      const value = params[name]
      if (value === undefined || value === null || value === '') {
        if (required)
          fail(400, INVALID, `Missing value for required parameter '${name}'.${SEE_DOCS}`)
        return ''
      }
      if (typeof value !== 'string')
        fail(
          400,
          INVALID,
          `Invalid value ${JSON.stringify(value)} for parameter '${name}' supplied. Hint: Value was of type '${typeof value === 'number' ? 'int' : typeof value}'.${SEE_DOCS}`
        )
      return value as string
    }

    switch (`${request.method} ${route}`) {
      // handlers.py `_get_model_version`: schema name, version (required strings).
      case 'GET /model-versions/get': {
        const name = str('name')
        const found = find(name, str('version'))
        return { status: 200, body: { model_version: structuredClone(found) } }
      }
      // handlers.py `_get_latest_versions`; sqlalchemy_store `get_latest_versions`: per stage, the
      // highest version number (what `models:/<name>/latest` resolves through).
      case 'POST /registered-models/get-latest-versions':
      case 'GET /registered-models/get-latest-versions': {
        const all = registered(str('name'))
        const stages = params.stages
        const wanted = Array.isArray(stages)
          ? stages.map(s => String(s).toLowerCase())
          : typeof stages === 'string'
            ? [stages.toLowerCase()]
            : undefined
        const latest = new Map<string, FakeModelVersion>()
        for (const v of all) {
          if (v.current_stage === DELETED) continue
          const seen = latest.get(v.current_stage)
          if (!seen || Number(seen.version) < Number(v.version)) latest.set(v.current_stage, v)
        }
        const chosen = [...latest.values()].filter(
          v => !wanted?.length || wanted.includes(v.current_stage.toLowerCase())
        )
        return {
          status: 200,
          body: { model_versions: chosen.map(v => ({ ...structuredClone(v), aliases: [] })) }
        }
      }
      // handlers.py `_get_model_version_by_alias`; sqlalchemy_store `get_model_version_by_alias`.
      case 'GET /registered-models/alias': {
        const name = str('name')
        const alias = str('alias')
        validateAlias(alias)
        const found = versions.find(v => v.name === name && v.aliases.includes(alias))
        if (!found) fail(400, INVALID, `Registered model alias ${alias} not found.`)
        return { status: 200, body: { model_version: structuredClone(found) } }
      }
      // handlers.py `_set_registered_model_alias`: name, alias, version (required strings).
      case 'POST /registered-models/alias': {
        const name = str('name')
        const alias = str('alias')
        const version = str('version')
        validateAlias(alias)
        const found = find(name, version)
        for (const v of versions)
          if (v.name === found.name) v.aliases = v.aliases.filter(a => a !== alias)
        found.aliases.push(alias)
        return { status: 200, body: {} }
      }
      case 'DELETE /registered-models/alias': {
        const name = str('name')
        const alias = str('alias')
        validateAlias(alias)
        for (const v of registered(name)) v.aliases = v.aliases.filter(a => a !== alias)
        return { status: 200, body: {} }
      }
      // handlers.py `_set_model_version_tag`: name, version, key required; value a string.
      case 'POST /model-versions/set-tag': {
        const name = str('name')
        const version = str('version')
        const key = str('key')
        const value = str('value', false)
        const found = find(name, version)
        found.tags = [...found.tags.filter(t => t.key !== key), { key, value }]
        return { status: 200, body: {} }
      }
      // handlers.py `_get_run`: run_id (or the older run_uuid) required.
      case 'GET /runs/get': {
        const runId = typeof params.run_id === 'string' ? str('run_id') : str('run_uuid', false)
        if (!runId) fail(400, INVALID, `Missing value for required parameter 'run_id'.${SEE_DOCS}`)
        const run = runs.get(runId) ?? fail(404, MISSING, `Run with id=${runId} not found`)
        return { status: 200, body: { run: structuredClone(run) } }
      }
      default:
        return fail(
          501,
          'NOT_IMPLEMENTED',
          `${request.method} ${request.path} is served by MLflow but not by this test server`
        )
    }
  }

  const handler = (request: RecordedRequest, response: ServerResponse) => {
    if (failures > 0) {
      failures--
      return {
        status: 503,
        body: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'MLflow is starting' }
      }
    }
    if (fake.requireAuth && request.headers.authorization !== fake.requireAuth) {
      return {
        status: 401,
        body: {
          error_code: 'UNAUTHENTICATED',
          message:
            'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html'
        }
      }
    }
    try {
      const result = handle(request)
      if ('html' in result) {
        response.writeHead(result.html, { 'content-type': 'text/html; charset=utf-8' })
        response.end(`<!doctype html>\n<title>${result.html} ${result.title}</title>\n`)
        return
      }
      return result
    } catch (error) {
      if (!(error instanceof MlflowError)) throw error
      return { status: error.status, body: { error_code: error.code, message: error.message } }
    }
  }

  const server = await startServer(handler)
  const fake: FakeMlflow = {
    url: server.url,
    server,
    versions,
    runs,
    addVersion(name, run) {
      const runId = `run${String(++runCounter).padStart(29, '0')}`
      const now = 1_738_600_000_000 + runCounter * 1000
      runs.set(runId, {
        info: {
          run_id: runId,
          ...(run.runName !== undefined && { run_name: run.runName }),
          user_id: 'nick',
          experiment_id: '1',
          status: 'FINISHED'
        },
        data: {
          // A metric logged at two steps: the registry view is the last one.
          metrics: Object.entries(run.metrics).flatMap(([key, value]) => [
            { key, value: value / 2, timestamp: now - 500, step: 0 },
            { key, value, timestamp: now, step: 1 }
          ]),
          params: Object.entries(run.params ?? {}).map(([key, value]) => ({ key, value })),
          tags: []
        }
      })
      const version = String(versions.filter(v => v.name === name).length + 1)
      versions.push({
        name,
        version,
        source: run.source ?? `mlflow-artifacts:/1/${runId}/artifacts/model`,
        run_id: runId,
        status: 'READY',
        current_stage: run.stage ?? 'None',
        creation_timestamp: now,
        last_updated_timestamp: now,
        tags: [],
        aliases: []
      })
      return version
    },
    failNext: count => {
      failures = count
    },
    ...(options.requireAuth !== undefined && { requireAuth: options.requireAuth }),
    close: () => server.close()
  }
  return fake
}
