import { ConfigurationError } from '../../core/errors.js'
import type { HttpClient, Sleep } from '../http.js'

/** A workflow as MLRun's `project.set_workflow(name, workflow_path)` records it in the project spec. */
export interface ProjectWorkflow {
  name: string
  path: string
}

export interface ProjectBootstrap {
  project: string
  /** The environment's source (git://...#branch), as project_setup.py's `set_source`. */
  source?: string | undefined
  artifactPath?: string | undefined
  workflows: ProjectWorkflow[]
  /** clusters.<name>.createProject (default true). */
  create: boolean
  /** Where the project was looked for, for messages. */
  url: string
}

/** mlrun/common/schemas/project.py ProjectState.terminal_states(). */
const TERMINAL = ['online', 'offline', 'archived']
/** httpdb.py _wait_for_project_to_reach_terminal_state waits 180 s. */
const WAIT_MS = 180_000
const POLL_MS = 2_000

interface ProjectOut {
  metadata?: { name?: string }
  status?: { state?: string }
}

/**
 * The project dict MLRun's client sends to create a project (mlrun/projects/project.py
 * MlrunProject.to_dict after get_or_create_project ran project_setup.py): the source the runner
 * loads, the artifact path, and each workflow as set_workflow records it ({name, path}; engine and
 * schedule are None and to_dict leaves them out).
 */
export function projectDict(bootstrap: ProjectBootstrap): Record<string, unknown> {
  return {
    kind: 'project',
    metadata: { name: bootstrap.project },
    spec: {
      description: 'Created by promote-actions on its first run (as mlrun.get_or_create_project)',
      ...(bootstrap.source && { source: bootstrap.source }),
      ...(bootstrap.artifactPath && { artifact_path: bootstrap.artifactPath }),
      workflows: bootstrap.workflows.map(w => ({ name: w.name, path: w.path })),
      desired_state: 'online'
    },
    status: { state: 'online' }
  }
}

/**
 * Makes sure the environment's project exists, as `mlrun.get_or_create_project` does before the
 * seed's `project.run`: GET /api/v1/projects/{name}; on 404 create it the way mlrun/db/httpdb.py
 * create_project does (POST /api/v1/projects?wait-for-completion=false, then wait while a 202's
 * project is not in a terminal state). Returns whether it created the project.
 */
export async function ensureProject(
  http: HttpClient,
  bootstrap: ProjectBootstrap,
  sleep: Sleep,
  signal?: AbortSignal
): Promise<boolean> {
  const path = `/api/v1/projects/${encodeURIComponent(bootstrap.project)}`
  const found = await http.get<ProjectOut>(path, {
    acceptStatus: [404],
    ...(signal && { signal })
  })
  if (found.status !== 404) {
    await waitUntilReady(http, path, found.body, sleep, bootstrap.project, signal)
    return false
  }
  if (!bootstrap.create) {
    throw new ConfigurationError(
      `MLRun project '${bootstrap.project}' does not exist on ${bootstrap.url}, and the cluster has createProject: false. ` +
        `Create it once (python project_run.py --workflow-name train, or mlrun.get_or_create_project('${bootstrap.project}', user_project=False) and project.save()), ` +
        `or remove createProject: false from the cluster in promote.yaml so promote-actions creates it with the source, artifact path and workflows of promote.yaml`
    )
  }
  const created = await http.post<ProjectOut>('/api/v1/projects', {
    query: { 'wait-for-completion': 'false' },
    body: projectDict(bootstrap),
    // Someone else created it meanwhile (or a retried request landed twice): use that one.
    acceptStatus: [409],
    idempotent: true,
    ...(signal && { signal })
  })
  if (created.status === 201) return true
  await waitUntilReady(http, path, undefined, sleep, bootstrap.project, signal)
  return created.status !== 409
}

async function waitUntilReady(
  http: HttpClient,
  path: string,
  first: ProjectOut | undefined,
  sleep: Sleep,
  project: string,
  signal?: AbortSignal
): Promise<void> {
  let body = first
  for (let waited = 0; ; waited += POLL_MS) {
    const state = body?.status?.state
    // Servers before 1.x status fields answer without a state: such a project is usable.
    if (body && (state === undefined || TERMINAL.includes(state))) return
    if (waited >= WAIT_MS)
      throw new Error(
        `MLRun project '${project}' is still '${state ?? 'unknown'}' after ${WAIT_MS / 1000}s`
      )
    if (body) await sleep(POLL_MS)
    signal?.throwIfAborted()
    body = (await http.get<ProjectOut>(path, { ...(signal && { signal }) })).body
  }
}
