import { ConfigurationError } from '../../core/errors.js'
import {
  mlrunArtifactExport,
  toModelRecord,
  manifestSchema,
  type ModelRecord
} from '../../core/manifest.js'
import { formatModelUri, parseModelUri, type ModelUri } from '../../core/uri.js'
import { parsePythonJson, toJsValue, type PythonDict } from '../../core/yaml-export.js'
import { HttpClient, HttpError, type HttpClientOptions } from '../http.js'
import { resolutionError } from './errors.js'
import type { ModelRegistry, ResolvedModel } from './types.js'

export interface MlrunRegistryOptions {
  url: string
  /** Default project for URIs built by uriForTag. */
  project: string
  headers?: Record<string, string>
  http?: Partial<Pick<HttpClientOptions, 'retry' | 'sleep' | 'fetch' | 'timeoutMs'>>
}

type Artifact = Record<string, unknown> & {
  kind?: string
  metadata?: Record<string, unknown>
  spec?: Record<string, unknown>
}

/** An artifact as the API answered it: Python values (228.0 stays a float) and their JS view. */
interface ArtifactAnswer {
  python: PythonDict
  artifact: Artifact
}

/** FastAPI errors: {"detail": "..."} or MLRun's {"detail": {"reason": "..."}}. */
export function describeMlrunError(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | undefined)?.detail
  if (typeof detail === 'string') return detail
  if (detail && typeof detail === 'object') {
    const reason = (detail as { reason?: unknown }).reason
    if (typeof reason === 'string') return reason
    return JSON.stringify(detail)
  }
  return undefined
}

/**
 * MLRun's artifact store (API v2, server/api/api/endpoints/artifacts_v2.py), read as MLRun's client
 * reads it (mlrun/db/httpdb.py `read_artifact`: GET /api/v2/projects/<project>/artifacts/<key>
 * with `format`, `tag`, `tree` and `iter`). A v2 server answers iteration 0 of a hyper-parameter
 * run with its best iteration; an older server's link artifact (spec.link_iteration) is followed.
 * The manifest is the artifact as MLRun's own `artifact.export()` writes it (mlrunArtifactExport),
 * with Python's floats kept (parsePythonJson): the server's own fields (metadata.uid,
 * metadata.created) are not part of it.
 */
export class MlrunRegistry implements ModelRegistry {
  readonly kind = 'mlrun' as const
  private readonly http: HttpClient

  constructor(private readonly options: MlrunRegistryOptions) {
    this.http = new HttpClient({
      baseUrl: options.url,
      service: 'MLRun API',
      headers: options.headers ?? {},
      describeError: describeMlrunError,
      ...options.http
    })
  }

  uriForTag(name: string, tag: string, project?: string): string {
    return formatModelUri({
      scheme: 'store',
      kind: 'models',
      project: project ?? this.options.project,
      key: name,
      iter: 0,
      tag
    })
  }

  pinnedUri(record: ModelRecord): string {
    const parsed = parseModelUri(record.uri)
    if (parsed.scheme !== 'store') return record.uri
    // A tree and an iteration name one artifact; the tag may have moved on since.
    if (record.tree)
      return formatModelUri({
        ...parsed,
        iter: record.iteration ?? parsed.iter,
        tree: record.tree,
        tag: undefined
      })
    return record.uri
  }

  private path(project: string, key: string): string {
    return `/api/v2/projects/${encodeURIComponent(project)}/artifacts/${encodeURIComponent(key)}`
  }

  private async read(
    uri: string,
    project: string,
    key: string,
    query: { tag?: string; tree?: string; iter?: number }
  ): Promise<ArtifactAnswer> {
    try {
      const response = await this.http.get<unknown>(this.path(project, key), {
        // The parameters in the order httpdb.py's read_artifact builds them.
        query: { format: 'full', tag: query.tag, tree: query.tree, iter: query.iter },
        parse: parsePythonJson
      })
      const python = response.body
      if (!(python instanceof Map)) {
        throw new ConfigurationError(`model URI '${uri}': MLRun API returned no artifact`)
      }
      return { python, artifact: toJsValue(python) as Artifact }
    } catch (error) {
      throw resolutionError(error, uri, `the MLRun API at ${this.options.url}`)
    }
  }

  async resolve(uri: string): Promise<ResolvedModel> {
    const parsed = parseStoreUri(uri)
    // Without a tree, the tag picks the version; with a tree and no tag, the tree does.
    const tag = parsed.tag ?? (parsed.tree ? undefined : 'latest')
    let answer = await this.read(uri, parsed.project, parsed.key, {
      tag,
      iter: parsed.iter,
      tree: parsed.tree
    })
    if (answer.artifact.kind === 'link') {
      const spec = answer.artifact.spec ?? {}
      const iteration = spec.link_iteration
      if (typeof iteration !== 'number') {
        throw new ConfigurationError(
          `model URI '${uri}' is a link artifact without spec.link_iteration`
        )
      }
      const tree =
        (spec.link_tree as string | undefined) ??
        (answer.artifact.metadata?.tree as string | undefined) ??
        parsed.tree
      answer = await this.read(
        uri,
        parsed.project,
        (spec.link_key as string | undefined) ?? parsed.key,
        { tag, iter: iteration, tree }
      )
    }
    const python = mlrunArtifactExport(answer.python)
    const manifest = toJsValue(python) as Artifact
    return { record: recordOf(uri, manifest), manifest, python }
  }

  async setTag(record: ModelRecord, tag: string): Promise<void> {
    const { manifest } = await this.resolve(this.pinnedUri(record))
    const metadata = (manifest.metadata ?? {}) as Record<string, unknown>
    const project = String(metadata.project ?? record.project ?? this.options.project)
    const key = String(metadata.key ?? record.name)
    const body = { ...manifest, metadata: { ...metadata, tag } }
    try {
      await this.http.put(this.path(project, key), {
        query: {
          tag,
          iter: (metadata.iter as number | undefined) ?? 0,
          tree: metadata.tree as string | undefined
        },
        body
      })
    } catch (error) {
      if (error instanceof HttpError)
        throw new ConfigurationError(`cannot tag ${record.uri} as '${tag}': ${error.message}`)
      throw error
    }
  }
}

function parseStoreUri(uri: string): Extract<ModelUri, { scheme: 'store' }> {
  let parsed: ModelUri
  try {
    parsed = parseModelUri(uri)
  } catch (error) {
    throw new ConfigurationError((error as Error).message)
  }
  if (parsed.scheme !== 'store') {
    throw new ConfigurationError(
      `'${uri}' is not an MLRun store URI (store://models/<project>/<key>:<tag>); the configured registry is mlrun`
    )
  }
  return parsed
}

function recordOf(uri: string, artifact: Artifact): ModelRecord {
  const result = manifestSchema.safeParse(artifact)
  if (!result.success) {
    const issues = result.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new ConfigurationError(
      `model URI '${uri}': MLRun returned an artifact that is not a model manifest (${issues})`
    )
  }
  return toModelRecord(result.data, artifact)
}
