import { ConfigurationError } from '../../core/errors.js'
import { manifestSchema, toModelRecord, type ModelRecord } from '../../core/manifest.js'
import { formatModelUri, parseModelUri, type ModelUri } from '../../core/uri.js'
import { HttpClient, HttpError, type HttpClientOptions } from '../http.js'
import { resolutionError } from './errors.js'
import type { ModelRegistry, ResolvedModel } from './types.js'

export interface MlflowRegistryOptions {
  url: string
  /** Written into manifests as metadata.project. */
  project?: string
  headers?: Record<string, string>
  http?: Partial<Pick<HttpClientOptions, 'retry' | 'sleep' | 'fetch' | 'timeoutMs'>>
}

interface ModelVersion {
  name: string
  version: string
  source?: string
  run_id?: string
  status?: string
  current_stage?: string
  description?: string
  creation_timestamp?: number | string
  last_updated_timestamp?: number | string
  tags?: Array<{ key: string; value: string }>
  aliases?: string[]
}

interface Run {
  info?: {
    run_id?: string
    run_name?: string
    user_id?: string
    experiment_id?: string
    artifact_uri?: string
  }
  data?: {
    metrics?: Array<{ key: string; value: number; timestamp?: number; step?: number }>
    params?: Array<{ key: string; value: string }>
    tags?: Array<{ key: string; value: string }>
  }
}

export function describeMlflowError(body: unknown): string | undefined {
  const error = body as { error_code?: string; message?: string } | undefined
  if (error?.message)
    return error.error_code ? `${error.error_code}: ${error.message}` : error.message
  return undefined
}

/**
 * MLflow's model registry over its REST API. MLflow publishes no spec: each request is the one
 * its own REST client sends (`mlflow/store/model_registry/rest_store.py`) to the route and method
 * of `mlflow/protos/model_registry.proto`, with the parameters its handler reads
 * (`mlflow/server/handlers.py`: GET from the query string, POST as a JSON body, every version a
 * string). The manifest has the MLRun shape (kind: model, metadata, spec with metrics and
 * parameters) so gates and deploys read every registry alike.
 */
export class MlflowRegistry implements ModelRegistry {
  readonly kind = 'mlflow' as const
  private readonly http: HttpClient

  constructor(private readonly options: MlflowRegistryOptions) {
    this.http = new HttpClient({
      baseUrl: options.url.replace(/\/+$/, '') + '/api/2.0/mlflow',
      service: 'MLflow',
      headers: options.headers ?? {},
      describeError: describeMlflowError,
      ...options.http
    })
  }

  /** `latest` is no alias in MLflow (the name is reserved) but the newest version: models:/<name>/latest. */
  uriForTag(name: string, tag: string): string {
    return tag.toLowerCase() === 'latest'
      ? formatModelUri({ scheme: 'models', name, version: 'latest' })
      : formatModelUri({ scheme: 'models', name, alias: tag })
  }

  pinnedUri(record: ModelRecord): string {
    return record.version
      ? formatModelUri({ scheme: 'models', name: record.name, version: record.version })
      : record.uri
  }

  private async call<T>(uri: string, run: () => Promise<{ body: T }>): Promise<T> {
    try {
      return (await run()).body
    } catch (error) {
      throw resolutionError(error, uri, `the MLflow server at ${this.options.url}`)
    }
  }

  async resolve(uri: string): Promise<ResolvedModel> {
    const parsed = parseMlflowUri(uri)
    const version = await this.modelVersion(uri, parsed)
    if (!version?.version)
      throw new ConfigurationError(`model URI '${uri}': MLflow returned no model_version`)
    const run = version.run_id
      ? (
          await this.call<{ run: Run }>(uri, () =>
            this.http.get('/runs/get', { query: { run_id: version.run_id } })
          )
        ).run
      : undefined
    const manifest = mlflowManifest(version, run, {
      project: this.options.project,
      tag: 'alias' in parsed ? parsed.alias : undefined
    })
    return { record: toModelRecord(manifestSchema.parse(manifest), manifest), manifest }
  }

  /**
   * The model version a models:/ URI names, asked the way MLflow's own client asks
   * (`mlflow/store/artifact/utils/models.py` `get_model_name_and_version`): an alias through
   * GET registered-models/alias, a number through GET model-versions/get, and `latest` as the
   * highest version number of `get_latest_versions(name)` (POST
   * registered-models/get-latest-versions, the newest version of each stage), then read in full:
   * MLflow refuses `version=latest` with 400 INVALID_PARAMETER_VALUE.
   */
  private async modelVersion(
    uri: string,
    parsed: Extract<ModelUri, { scheme: 'models' }>
  ): Promise<ModelVersion | undefined> {
    // `latest` is reserved as an alias name (validation.py `_validate_model_alias_name`): older
    // servers refuse models:/<name>@latest, newer ones read it as the newest version. Ask for
    // the newest version on every server.
    if ('alias' in parsed && parsed.alias.toLowerCase() !== 'latest') {
      return (
        await this.call<{ model_version?: ModelVersion }>(uri, () =>
          this.http.get('/registered-models/alias', {
            query: { name: parsed.name, alias: parsed.alias }
          })
        )
      ).model_version
    }
    let number = 'alias' in parsed ? 'latest' : parsed.version
    if (number.toLowerCase() === 'latest') {
      const { model_versions: latest = [] } = await this.call<{ model_versions?: ModelVersion[] }>(
        uri,
        () =>
          this.http.post('/registered-models/get-latest-versions', {
            body: { name: parsed.name },
            // A read: sending it again is harmless.
            idempotent: true
          })
      )
      const numbers = latest.map(v => Number(v.version)).filter(n => Number.isSafeInteger(n))
      if (numbers.length === 0)
        throw new ConfigurationError(
          `model URI '${uri}' does not resolve: MLflow has no versions of model '${parsed.name}'`
        )
      number = String(Math.max(...numbers))
    }
    return (
      await this.call<{ model_version?: ModelVersion }>(uri, () =>
        this.http.get('/model-versions/get', { query: { name: parsed.name, version: number } })
      )
    ).model_version
  }

  async setTag(record: ModelRecord, tag: string): Promise<void> {
    if (!record.version)
      throw new ConfigurationError(
        `cannot set alias '${tag}' on ${record.uri}: it names no MLflow version`
      )
    const problem = aliasProblem(tag)
    if (problem)
      throw new ConfigurationError(`cannot set MLflow alias '${tag}' on ${record.uri}: ${problem}`)
    try {
      // Setting an alias or a tag to the same value twice changes nothing: safe to resend.
      await this.http.post('/registered-models/alias', {
        body: { name: record.name, alias: tag, version: record.version },
        idempotent: true
      })
      // A model-version tag as well, so the promotion shows on the version page of MLflows without aliases in the UI.
      await this.http.post('/model-versions/set-tag', {
        body: {
          name: record.name,
          version: record.version,
          key: 'promote-actions.tag',
          value: tag
        },
        idempotent: true
      })
    } catch (error) {
      if (error instanceof HttpError)
        throw new ConfigurationError(
          `cannot set MLflow alias '${tag}' on ${record.uri}: ${error.message}`
        )
      throw error
    }
  }
}

/**
 * Why MLflow would refuse `alias` as an alias name (`mlflow/utils/validation.py`
 * `_validate_model_alias_name`), so the refusal comes before any request.
 */
export function aliasProblem(alias: string): string | undefined {
  if (alias === '') return 'an alias name cannot be empty'
  if (!/^[\w-]+$/.test(alias)) return "alias names may only contain letters, digits, '_' and '-'"
  if (alias.length > 255) return 'alias names are at most 255 characters'
  if (alias.toLowerCase() === 'latest')
    return "'latest' is reserved by MLflow (models:/<name>/latest is the newest version); choose another tag"
  if (/^v\d+$/i.test(alias))
    return `'${alias}' is reserved by MLflow for version ${alias.slice(1)}; choose another tag`
  return undefined
}

function parseMlflowUri(uri: string): Extract<ModelUri, { scheme: 'models' }> {
  let parsed: ModelUri
  try {
    parsed = parseModelUri(uri)
  } catch (error) {
    throw new ConfigurationError((error as Error).message)
  }
  if (parsed.scheme !== 'models') {
    throw new ConfigurationError(
      `'${uri}' is not an MLflow model URI (models:/<name>/<version> or models:/<name>@<alias>); the configured registry is mlflow`
    )
  }
  return parsed
}

function isoTime(value: number | string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  const ms = Number(value)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined
}

/** The MLRun-shaped manifest of an MLflow model version and its run. */
export function mlflowManifest(
  version: ModelVersion,
  run: Run | undefined,
  options: { project?: string | undefined; tag?: string | undefined } = {}
): Record<string, unknown> {
  // A run logs a metric many times; the registry shows the last value of each.
  const metrics: Record<string, number> = {}
  const seen: Record<string, { step: number; timestamp: number }> = {}
  for (const metric of run?.data?.metrics ?? []) {
    const order = { step: metric.step ?? 0, timestamp: metric.timestamp ?? 0 }
    const previous = seen[metric.key]
    if (
      !previous ||
      order.step > previous.step ||
      (order.step === previous.step && order.timestamp >= previous.timestamp)
    ) {
      metrics[metric.key] = metric.value
      seen[metric.key] = order
    }
  }
  const parameters = Object.fromEntries((run?.data?.params ?? []).map(p => [p.key, p.value]))
  const labels = Object.fromEntries((version.tags ?? []).map(t => [t.key, t.value]))
  const source = version.source
  const slash = source ? source.replace(/\/+$/, '').lastIndexOf('/') : -1
  const created = isoTime(version.creation_timestamp)
  const updated = isoTime(version.last_updated_timestamp)
  return {
    kind: 'model',
    metadata: {
      key: version.name,
      ...(options.project !== undefined && { project: options.project }),
      ...(options.tag !== undefined && { tag: options.tag }),
      version: String(version.version),
      uri: formatModelUri({
        scheme: 'models',
        name: version.name,
        version: String(version.version)
      }),
      ...(created !== undefined && { created }),
      ...(updated !== undefined && { updated }),
      ...(Object.keys(labels).length > 0 && { labels }),
      ...(version.aliases?.length ? { aliases: version.aliases } : {})
    },
    spec: {
      ...(source !== undefined && { target_path: source }),
      ...(source !== undefined &&
        slash >= 0 && { model_file: source.replace(/\/+$/, '').slice(slash + 1) }),
      metrics,
      parameters,
      ...(version.run_id !== undefined && {
        producer: {
          kind: 'mlflow-run',
          ...(run?.info?.run_name !== undefined && { name: run.info.run_name }),
          uri: version.run_id,
          ...(run?.info?.user_id !== undefined && { owner: run.info.user_id })
        }
      }),
      ...(version.description ? { description: version.description } : {})
    },
    status: { state: version.status ?? 'READY' }
  }
}
