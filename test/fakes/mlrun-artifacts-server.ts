import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'

/**
 * A stateful stand-in for MLRun's artifacts API v2: artifacts keyed by project, key, tree and
 * iteration, each with tags; GET reads one (by tag, tree, iter), PUT stores one and moves its tag.
 * Errors are FastAPI-shaped ({"detail": ...}) as MLRun sends them.
 */
export interface StoredArtifact {
  project: string
  key: string
  tree: string
  iter: number
  tags: Set<string>
  body: Record<string, unknown>
  updated: number
}

export interface FakeMlrun {
  url: string
  server: TestServer
  artifacts: StoredArtifact[]
  /** Stores an artifact as MLRun's store_artifact does; its tag (metadata.tag) moves to it. */
  store(body: Record<string, unknown>, tag?: string): void
  /** Answers the next `count` requests with 503, as an MLRun API that is restarting does. */
  failNext(count: number): void
  /** Requests must carry this Authorization header. */
  requireAuth?: string
  close(): Promise<void>
}

type Metadata = { key?: string; project?: string; tree?: string; iter?: number; tag?: string }

export async function startFakeMlrun(options: { requireAuth?: string } = {}): Promise<FakeMlrun> {
  const artifacts: StoredArtifact[] = []
  let clock = 0
  let failures = 0

  const store = (body: Record<string, unknown>, tag?: string) => {
    const metadata = (body.metadata ?? {}) as Metadata
    const project = metadata.project ?? (body.project as string | undefined) ?? 'default'
    const key = metadata.key!
    const tree = metadata.tree ?? ''
    const iter = metadata.iter ?? 0
    const effectiveTag = tag ?? metadata.tag ?? 'latest'
    // A tag names one artifact per iteration (a hyper-parameter run tags every iteration alike).
    for (const other of artifacts) {
      if (other.project === project && other.key === key && other.iter === iter)
        other.tags.delete(effectiveTag)
    }
    let existing = artifacts.find(
      a => a.project === project && a.key === key && a.tree === tree && a.iter === iter
    )
    const copy = structuredClone(body)
    if (!existing) {
      existing = { project, key, tree, iter, tags: new Set(), body: copy, updated: 0 }
      artifacts.push(existing)
    }
    existing.body = copy
    existing.tags.add(effectiveTag)
    existing.updated = ++clock
  }

  const notFound = (detail: string) => ({ status: 404, body: { detail } })

  const handler = (request: RecordedRequest) => {
    if (failures > 0) {
      failures--
      return { status: 503, body: { detail: 'Service Unavailable: MLRun API is starting' } }
    }
    if (fake.requireAuth && request.headers.authorization !== fake.requireAuth) {
      return { status: 401, body: { detail: 'Unauthorized: missing or wrong credentials' } }
    }
    const match = /^\/api\/v2\/projects\/([^/]+)\/artifacts\/([^/]+)$/.exec(request.path)
    if (!match) return { status: 404, body: { detail: 'Not Found' } }
    const project = decodeURIComponent(match[1]!)
    const key = decodeURIComponent(match[2]!)
    const tag = request.query.get('tag') || undefined
    const tree = request.query.get('tree') || undefined
    const iterText = request.query.get('iter')
    if (iterText && !/^\d+$/.test(iterText)) {
      return {
        status: 422,
        body: {
          detail: [
            {
              loc: ['query', 'iter'],
              msg: 'value is not a valid integer',
              type: 'type_error.integer'
            }
          ]
        }
      }
    }
    const iter = iterText ? Number(iterText) : 0
    if (request.method === 'GET') {
      const found = artifacts
        .filter(
          a =>
            a.project === project &&
            a.key === key &&
            a.iter === iter &&
            (!tree || a.tree === tree) &&
            (!tag || a.tags.has(tag))
        )
        .sort((a, b) => b.updated - a.updated)[0]
      if (!found) {
        return notFound(
          `MLRunNotFoundError('Artifact not found: project=${project}, key=${key}, tag=${tag ?? ''}, iter=${iter}, tree=${tree ?? ''}')`
        )
      }
      const body = structuredClone(found.body)
      const metadata = body.metadata as Metadata
      if (tag) metadata.tag = tag
      return { status: 200, body }
    }
    if (request.method === 'PUT') {
      const body = request.body as Record<string, unknown>
      if (!body || typeof body !== 'object')
        return { status: 400, body: { detail: 'artifact body required' } }
      const metadata = (body.metadata ?? {}) as Metadata
      if (metadata.key !== key)
        return {
          status: 400,
          body: { detail: `artifact key '${metadata.key}' does not match '${key}'` }
        }
      store({ ...body, metadata: { ...metadata, project, ...(tree && { tree }), iter } }, tag)
      return { status: 200, body: {} }
    }
    return { status: 405, body: { detail: 'Method Not Allowed' } }
  }

  const server = await startServer(handler)
  const fake: FakeMlrun = {
    url: server.url,
    server,
    artifacts,
    store,
    failNext: count => {
      failures = count
    },
    ...(options.requireAuth !== undefined && { requireAuth: options.requireAuth }),
    close: () => server.close()
  }
  return fake
}

/** The link artifact MLRun writes at iteration 0 of a hyper-parameter run, pointing at the best iteration. */
export function linkArtifact(best: Record<string, unknown>): Record<string, unknown> {
  const metadata = best.metadata as Metadata
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
