import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'

/**
 * A stateful stand-in for MLflow's REST API (/api/2.0/mlflow): registered model versions with
 * tags and aliases, and runs with metrics and params. GET reads the query string, POST a JSON
 * body; errors are {"error_code", "message"} as MLflow sends them.
 */
export interface FakeModelVersion {
  name: string
  version: string
  source: string
  run_id: string
  status: string
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
    }
  ): string
  failNext(count: number): void
  requireAuth?: string
  close(): Promise<void>
}

const API = '/api/2.0/mlflow'

export async function startFakeMlflow(options: { requireAuth?: string } = {}): Promise<FakeMlflow> {
  const versions: FakeModelVersion[] = []
  const runs = new Map<string, FakeRun>()
  let failures = 0
  let runCounter = 0

  const error = (status: number, code: string, message: string) => ({
    status,
    body: { error_code: code, message }
  })
  const withAliases = (v: FakeModelVersion) => structuredClone(v)
  const find = (name: string, version: string) =>
    versions.find(v => v.name === name && v.version === version)

  const handler = (request: RecordedRequest) => {
    if (failures > 0) {
      failures--
      return {
        status: 503,
        body: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'MLflow is starting' }
      }
    }
    if (fake.requireAuth && request.headers.authorization !== fake.requireAuth) {
      return error(
        401,
        'UNAUTHENTICATED',
        'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html'
      )
    }
    const route = `${request.method} ${request.path}`
    const q = (name: string) => request.query.get(name) ?? ''
    const body = (request.body ?? {}) as Record<string, string>
    switch (route) {
      case `GET ${API}/model-versions/get`: {
        if (!q('name') || !q('version'))
          return error(
            400,
            'INVALID_PARAMETER_VALUE',
            "Missing value for required parameter 'name' or 'version'."
          )
        const found = find(q('name'), q('version'))
        if (!found)
          return error(
            404,
            'RESOURCE_DOES_NOT_EXIST',
            `Model Version (name=${q('name')}, version=${q('version')}) not found`
          )
        return { status: 200, body: { model_version: withAliases(found) } }
      }
      case `GET ${API}/registered-models/alias`: {
        const found = versions.find(v => v.name === q('name') && v.aliases.includes(q('alias')))
        if (!found)
          return error(
            404,
            'RESOURCE_DOES_NOT_EXIST',
            `Registered model alias ${q('alias')} not found.`
          )
        return { status: 200, body: { model_version: withAliases(found) } }
      }
      case `POST ${API}/registered-models/alias`: {
        const found = find(body.name ?? '', String(body.version ?? ''))
        if (!found)
          return error(
            404,
            'RESOURCE_DOES_NOT_EXIST',
            `Model Version (name=${body.name}, version=${body.version}) not found`
          )
        for (const v of versions)
          if (v.name === found.name) v.aliases = v.aliases.filter(a => a !== body.alias)
        found.aliases.push(body.alias!)
        return { status: 200, body: {} }
      }
      case `POST ${API}/model-versions/set-tag`: {
        const found = find(body.name ?? '', String(body.version ?? ''))
        if (!found)
          return error(
            404,
            'RESOURCE_DOES_NOT_EXIST',
            `Model Version (name=${body.name}, version=${body.version}) not found`
          )
        found.tags = [
          ...found.tags.filter(t => t.key !== body.key),
          { key: body.key!, value: body.value! }
        ]
        return { status: 200, body: {} }
      }
      case `GET ${API}/runs/get`: {
        const run = runs.get(q('run_id'))
        if (!run) return error(404, 'RESOURCE_DOES_NOT_EXIST', `Run '${q('run_id')}' not found.`)
        return { status: 200, body: { run: structuredClone(run) } }
      }
      default:
        return error(404, 'ENDPOINT_NOT_FOUND', `No API route for ${route}`)
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
