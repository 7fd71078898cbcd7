import { createHash } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'
import {
  dumpPythonJson,
  fromJsValue,
  parsePythonJson,
  toJsValue,
  type PythonDict,
  type PythonValue
} from '../../src/core/yaml-export.js'

/**
 * A stateful stand-in for MLRun's artifacts API v2, answering as MLRun's server code does:
 *
 * - server/api/api/endpoints/artifacts_v2.py: `GET /api/v2/projects/{project}/artifacts/{key}`
 *   (`tree`, `tag`, `iter`, `object-uid`/`uid`, `format`), `GET /api/v2/projects/{project}/artifacts`
 *   (`name`, `tag`, `kind`, `category`, `label`, `iter`, `tree`, `producer_uri`, `best-iteration`,
 *   `format`, `limit`; answers `{"artifacts": [...]}`, one entry per tag), `PUT .../artifacts/{key}`
 *   (`tree`, `tag`, `iter`, `object-uid`; the body must be an `mlrun.common.schemas.Artifact`:
 *   kind, metadata.key, metadata.project, spec and status, else 422).
 * - server/api/db/sqldb/db.py `read_artifact`: filters by tag (and then sets `metadata.tag` to it),
 *   tree and iteration; iteration 0 not found falls back to the key's best iteration (a
 *   hyper-parameter run's link). `store_artifact`: a `link` artifact is not stored but marks the
 *   best iteration (`_mark_best_iteration_artifact`); other artifacts get `metadata.uid` (a sha1
 *   as `fill_artifact_object_hash` computes it), `metadata.updated`/`created` (`str(datetime)`),
 *   `kind`, `spec.db_key`, lose `metadata.tag` (tags live in their own table), and a new artifact
 *   is tagged `latest` too. An iteration-0 artifact is its own best iteration.
 * - server/api/main.py `http_status_error_handler`: errors are `{"detail": repr(exc)}`, e.g.
 *   `MLRunNotFoundError('Artifact cicd-flow/model#0:nope not found')` with the URI from
 *   mlrun/utils/helpers.py `generate_artifact_uri(project, key, tag, iter)`.
 *
 * Deviation: where MLRun would fail with MultipleResultsFound, the newest artifact answers.
 *
 * Answers are JSON as Python writes it (`228.0` stays a float): store Python values (e.g. the
 * fixture read with test/helpers/pyyaml.ts) to keep floats; plain JavaScript data stores integral
 * numbers as ints.
 */
export interface StoredArtifact {
  project: string
  key: string
  tree: string
  iter: number
  tags: Set<string>
  uid: string
  bestIteration: boolean
  /** The stored object (Python values), as `full_object` holds it. */
  python: PythonDict
  /** Its JavaScript view. */
  body: Record<string, unknown>
  updated: number
}

export interface FakeMlrun {
  url: string
  server: TestServer
  artifacts: StoredArtifact[]
  /**
   * Seeds an artifact as MLRun's store_artifact stores it (its tag, metadata.tag or `latest`,
   * moves to it; a link marks the best iteration), keeping a given metadata.updated as if it had
   * been stored then.
   */
  store(body: Record<string, unknown> | PythonDict, tag?: string): void
  /** Answers the next `count` requests with 503, as an MLRun API that is restarting does. */
  /** The next `count` requests get 503, or `reply(request)` (e.g. an error echoing the request). */
  failNext(
    count: number,
    reply?: (request: RecordedRequest) => { status: number; body: unknown }
  ): void
  /** Requests must carry this Authorization header. */
  requireAuth?: string
  close(): Promise<void>
}

const dict = (value: PythonValue | undefined): PythonDict =>
  value instanceof Map ? value : new Map<string, PythonValue>()
const text = (value: PythonValue | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined
const int = (value: PythonValue | undefined): number | undefined =>
  typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : undefined

/** Python's `str(datetime)` of an aware UTC datetime: `2025-02-03 23:18:25.135809+00:00`. */
function pythonNow(clock: number): string {
  const at = new Date(Date.UTC(2025, 1, 3, 23, 18, 25) + clock * 1000)
  return `${at.toISOString().slice(0, 19).replace('T', ' ')}.135809+00:00`
}

/** JSON with sorted keys, as `json.dumps(sort_keys=True)` hashes objects in fill_object_hash. */
function sortedJson(value: PythonValue): string {
  if (value instanceof Map)
    return dumpPythonJson(new Map([...value].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
  return dumpPythonJson(value)
}

const MODEL_SPEC_EXCLUDED_FROM_UID = [
  'db_key',
  'extra_data',
  'metrics',
  'parameters',
  'inputs',
  'outputs',
  'feature_vector',
  'feature_weights',
  'feature_stats'
]

/** mlrun/artifacts/base.py `fill_artifact_object_hash` + mlrun/utils/helpers.py `fill_object_hash`. */
function artifactUid(artifact: PythonDict, iter: number, tree: string): string {
  const copy = parsePythonJson(dumpPythonJson(artifact)) as PythonDict
  const metadata = dict(copy.get('metadata'))
  for (const field of ['labels', 'updated', 'created', 'tag', 'uid']) metadata.delete(field)
  metadata.set('iter', BigInt(iter))
  metadata.set('tree', tree)
  copy.set('metadata', new Map([...metadata, ['tag', ''], ['uid', ''], ['updated', null]]))
  copy.set('status', null)
  const spec = dict(copy.get('spec'))
  for (const field of MODEL_SPEC_EXCLUDED_FROM_UID) spec.delete(field)
  const sorted = (value: PythonValue): PythonValue =>
    value instanceof Map
      ? new Map(
          [...value]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, sorted(v)])
        )
      : Array.isArray(value)
        ? value.map(sorted)
        : value
  return createHash('sha1')
    .update(sortedJson(sorted(copy)))
    .digest('hex')
}

/** The `detail` of an MLRun error as the server's error handler writes it: repr(exc). */
function detail(error: string, message: string) {
  return { detail: `${error}(${message.includes("'") ? JSON.stringify(message) : `'${message}'`})` }
}

/** mlrun/utils/helpers.py `generate_artifact_uri(project, key, tag, iter)`. */
function artifactUri(project: string, key: string, tag?: string, iter?: number): string {
  return `${project}/${key}${iter !== undefined ? `#${iter}` : ''}${tag !== undefined ? `:${tag}` : ''}`
}

/** mlrun/common/formatters/artifact.py `ArtifactFormat.minimal`. */
const MINIMAL = {
  top: ['kind', 'metadata', 'status', 'project'],
  spec: ['producer', 'db_key', 'size', 'framework', 'algorithm', 'metrics', 'target_path']
}

function formatted(artifact: PythonDict, format: string): PythonDict {
  if (format !== 'minimal') return artifact
  const result: PythonDict = new Map()
  for (const [field, value] of artifact) {
    if (MINIMAL.top.includes(field)) result.set(field, value)
    if (field === 'spec')
      result.set('spec', new Map([...dict(value)].filter(([name]) => MINIMAL.spec.includes(name))))
  }
  return result
}

function validationError(loc: string[], msg: string, type: string) {
  return { status: 422, body: { detail: [{ loc, msg, type }] } }
}

export async function startFakeMlrun(options: { requireAuth?: string } = {}): Promise<FakeMlrun> {
  const artifacts: StoredArtifact[] = []
  let clock = 0
  let failures = 0
  let failureReply: ((request: RecordedRequest) => { status: number; body: unknown }) | undefined

  const tagArtifact = (artifact: StoredArtifact, tag: string) => {
    // A tag names one artifact per key and iteration.
    for (const other of artifacts) {
      if (
        other.project === artifact.project &&
        other.key === artifact.key &&
        other.iter === artifact.iter
      )
        other.tags.delete(tag)
    }
    artifact.tags.add(tag)
  }

  /** db.py store_artifact (with _update_artifact_record_from_dict and create_artifact). */
  const storeArtifact = (
    input: PythonDict,
    options: {
      project?: string
      key?: string
      tag?: string
      iter?: number
      tree?: string
      /** Seeding what MLRun already holds: its metadata.updated/created are kept when given. */
      seed?: boolean
    } = {}
  ): StoredArtifact | undefined => {
    const body = parsePythonJson(dumpPythonJson(input)) as PythonDict
    const metadata = dict(body.get('metadata'))
    body.set('metadata', metadata)
    const project = options.project ?? text(metadata.get('project')) ?? 'default'
    const key = options.key ?? text(metadata.get('key'))!
    const tag = options.tag ?? text(metadata.get('tag')) ?? 'latest'
    if (body.get('kind') === 'link') {
      const spec = dict(body.get('spec'))
      const iteration = int(spec.get('link_iteration'))
      const linkKey = text(spec.get('link_key')) ?? key
      const tree = text(spec.get('link_tree')) ?? text(metadata.get('tree'))
      const best = artifacts.find(
        a =>
          a.project === project &&
          a.key === linkKey &&
          a.iter === iteration &&
          (!tree || a.tree === tree)
      )
      if (!best)
        throw new Error(`Best iteration artifact not found - ${project}/${linkKey}:${iteration}`)
      for (const other of artifacts) {
        if (other.project === project && other.key === linkKey && (!tree || other.tree === tree))
          other.bestIteration = false
      }
      best.bestIteration = true
      return undefined
    }
    if (!metadata.get('key')) metadata.set('key', key)
    if (!metadata.get('project')) metadata.set('project', project)
    const iter = options.iter ?? int(metadata.get('iter')) ?? 0
    const tree = options.tree ?? text(metadata.get('tree')) ?? ''
    const uid = artifactUid(body, iter, tree)
    clock++
    let stored = artifacts.find(
      a => a.project === project && a.key === key && a.uid === uid && a.iter === iter
    )
    const created = stored ? text(dict(stored.python.get('metadata')).get('created')) : undefined
    const updated = (options.seed && text(metadata.get('updated'))) || pythonNow(clock)
    metadata.set('updated', updated)
    metadata.set('created', created ?? text(metadata.get('created')) ?? updated)
    metadata.set('uid', uid)
    metadata.delete('tag')
    body.set('kind', body.get('kind') ?? 'artifact')
    const spec = dict(body.get('spec'))
    body.set('spec', spec)
    if (!spec.get('db_key')) spec.set('db_key', key)
    if (stored) {
      stored.python = body
      stored.body = toJsValue(body) as Record<string, unknown>
      stored.updated = clock
    } else {
      stored = {
        project,
        key,
        tree,
        iter,
        tags: new Set(),
        uid,
        bestIteration: iter === 0,
        python: body,
        body: toJsValue(body) as Record<string, unknown>,
        updated: clock
      }
      artifacts.push(stored)
      if (tag !== 'latest') tagArtifact(stored, 'latest')
    }
    tagArtifact(stored, tag)
    return stored
  }

  const send = (response: ServerResponse, status: number, value: PythonValue) => {
    response.writeHead(status, { 'content-type': 'application/json' })
    response.end(dumpPythonJson(value))
  }

  const handler = (request: RecordedRequest, response: ServerResponse) => {
    if (failures > 0) {
      failures--
      if (failureReply) return failureReply(request)
      return { status: 503, body: { detail: 'Service Unavailable: MLRun API is starting' } }
    }
    if (fake.requireAuth && request.headers.authorization !== fake.requireAuth) {
      return { status: 401, body: { detail: 'Unauthorized: missing or wrong credentials' } }
    }
    const match = /^\/api\/v2\/projects\/([^/]+)\/artifacts(?:\/(.+))?$/.exec(request.path)
    if (!match) return { status: 404, body: { detail: 'Not Found' } }
    const project = decodeURIComponent(match[1]!)
    const key = match[2] === undefined ? undefined : decodeURIComponent(match[2])
    const query = request.query
    const tag = query.get('tag') || undefined
    const tree = query.get('tree') || undefined
    const uid = query.get('object-uid') || query.get('uid') || undefined
    const format = query.get('format') || 'full'
    const iterText = query.get('iter')
    if (iterText && !/^\d+$/.test(iterText))
      return validationError(
        ['query', 'iter'],
        'value is not a valid integer',
        'type_error.integer'
      )
    const iter = iterText ? Number(iterText) : undefined
    if (format !== 'full' && format !== 'minimal')
      return validationError(
        ['query', 'format'],
        "value is not a valid enumeration member; permitted: 'full', 'minimal'",
        'type_error.enum'
      )

    if (request.method === 'GET' && key === undefined) {
      // list_artifacts: one entry per (artifact, tag); untagged artifacts only without a tag filter.
      const name = query.get('name') || undefined
      const labels = query.getAll('label')
      const best = query.get('best-iteration') === 'true'
      if (best && iter !== undefined)
        return {
          status: 400,
          body: detail(
            'MLRunInvalidArgumentError',
            'Best iteration cannot be used when iter is specified'
          )
        }
      const entries: PythonDict[] = []
      for (const artifact of artifacts) {
        if (artifact.project !== project) continue
        if (
          name &&
          !(name.startsWith('~')
            ? artifact.key.toLowerCase().includes(name.slice(1).toLowerCase())
            : artifact.key === name)
        )
          continue
        if (iter !== undefined && artifact.iter !== iter) continue
        if (best && !artifact.bestIteration) continue
        if (tree && artifact.tree !== tree) continue
        if (query.get('kind') && artifact.python.get('kind') !== query.get('kind')) continue
        const artifactLabels = dict(dict(artifact.python.get('metadata')).get('labels'))
        const labelled = labels.every(label => {
          const [labelKey, value] = label.split('=', 2) as [string, string | undefined]
          return value === undefined
            ? artifactLabels.has(labelKey)
            : String(artifactLabels.get(labelKey)) === value
        })
        if (!labelled) continue
        const tags =
          tag && tag !== '*' ? [...artifact.tags].filter(t => t === tag) : [...artifact.tags]
        for (const each of tags.length || (tag && tag !== '*') ? tags : [null]) {
          const copy = parsePythonJson(dumpPythonJson(artifact.python)) as PythonDict
          dict(copy.get('metadata')).set('tag', each)
          entries.push(formatted(copy, format))
        }
      }
      const limit = Number(query.get('limit')) || undefined
      send(response, 200, new Map([['artifacts', entries.slice(0, limit)]]))
      return
    }

    if (request.method === 'GET') {
      // read_artifact
      let candidates = artifacts.filter(
        a =>
          a.project === project &&
          a.key === key &&
          (!uid || a.uid === uid) &&
          (!tree || a.tree === tree)
      )
      const filterByTag = tag !== undefined && !(tag === 'latest' && uid)
      if (filterByTag) candidates = candidates.filter(a => a.tags.has(tag!))
      const enrichTag =
        filterByTag || (tag === 'latest' && candidates.some(a => a.tags.has('latest')))
      let found = candidates.filter(a => iter === undefined || a.iter === iter)
      if (found.length === 0 && iter === 0) found = candidates.filter(a => a.bestIteration)
      // Two uids under one tree and iteration (an artifact logged again with other content) make
      // MLRun's one_or_none() fail with MultipleResultsFound; the newest answers here, which is how
      // tests play a registry that changed under a committed manifest.
      found.sort((x, y) => y.updated - x.updated)
      if (found.length === 0)
        return {
          status: 404,
          body: detail(
            'MLRunNotFoundError',
            `Artifact ${artifactUri(project, key!, tag, iter)} not found`
          )
        }
      const answer = parsePythonJson(dumpPythonJson(found[0]!.python)) as PythonDict
      if (enrichTag) dict(answer.get('metadata')).set('tag', tag!)
      send(response, 200, formatted(answer, format))
      return
    }

    if (request.method === 'PUT' && key !== undefined) {
      // store_artifact: the body is validated as mlrun.common.schemas.Artifact first.
      let body: PythonValue
      try {
        body = parsePythonJson(request.rawBody)
      } catch {
        return validationError(['body'], 'value is not a valid dict', 'type_error.dict')
      }
      if (!(body instanceof Map))
        return validationError(['body'], 'value is not a valid dict', 'type_error.dict')
      for (const field of ['kind', 'metadata', 'spec', 'status']) {
        if (!body.has(field))
          return validationError(['body', field], 'field required', 'value_error.missing')
      }
      const metadata = dict(body.get('metadata'))
      for (const field of ['key', 'project']) {
        if (typeof metadata.get(field) !== 'string')
          return validationError(
            ['body', 'metadata', field],
            'field required',
            'value_error.missing'
          )
      }
      const stored = storeArtifact(body, {
        project,
        key,
        ...(tag !== undefined && { tag }),
        iter: iter ?? int(metadata.get('iter')) ?? 0,
        ...(tree !== undefined && { tree })
      })
      const answer = parsePythonJson(dumpPythonJson(stored!.python)) as PythonDict
      if (tag) dict(answer.get('metadata')).set('tag', tag)
      send(response, 200, answer)
      return
    }
    return { status: 405, body: { detail: 'Method Not Allowed' } }
  }

  const server = await startServer(handler)
  const fake: FakeMlrun = {
    url: server.url,
    server,
    artifacts,
    store: (body, tag) => {
      const python = body instanceof Map ? body : (fromJsValue(body) as PythonDict)
      storeArtifact(python, { seed: true, ...(tag !== undefined && { tag }) })
    },
    failNext: (count, reply) => {
      failures = count
      failureReply = reply
    },
    ...(options.requireAuth !== undefined && { requireAuth: options.requireAuth }),
    close: () => server.close()
  }
  return fake
}

/** The link artifact MLRun logs at iteration 0 of a hyper-parameter run, pointing at the best iteration. */
export function linkArtifact(best: Record<string, unknown> | PythonDict): Record<string, unknown> {
  const metadata = (
    best instanceof Map ? toJsValue(best.get('metadata') ?? null) : best.metadata
  ) as { key?: string; project?: string; tree?: string; iter?: number; tag?: string }
  return {
    kind: 'link',
    metadata: {
      key: metadata.key,
      project: metadata.project,
      tree: metadata.tree,
      iter: 0,
      tag: metadata.tag ?? 'latest'
    },
    spec: {
      link_iteration: metadata.iter,
      link_key: metadata.key,
      link_tree: metadata.tree,
      db_key: metadata.key
    },
    status: { state: 'created' }
  }
}
