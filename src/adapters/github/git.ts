/**
 * Git data through GitHub's REST API (no checkout, no push credentials in a remote URL): refs as
 * atomic claims, commits of a few files on top of a branch, files at a ref, and the jobs of a
 * workflow run with their steps' times.
 */
import { GitHubApiError, type GitHubClient } from './client.js'

export interface Repository {
  owner: string
  repo: string
}

/** `refs/heads/x`, `refs/promote/collected/y`: a fully qualified ref. */
function qualified(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/heads/${ref}`
}

/** The ref without `refs/`, as GET /git/ref/{ref} and /git/matching-refs/{ref} take it. */
function short(ref: string): string {
  return qualified(ref).slice('refs/'.length)
}

/**
 * Creates a ref pointing at `sha`: the atomic claim GitHub offers. POST /git/refs answers 422
 * "Reference already exists" when another job created it first: `exists`, never an error.
 */
export async function createRef(
  client: GitHubClient,
  where: Repository,
  ref: string,
  sha: string
): Promise<'created' | 'exists'> {
  try {
    await client.rest.git.createRef({ ...where, ref: qualified(ref), sha })
    return 'created'
  } catch (error) {
    if (
      error instanceof GitHubApiError &&
      error.status === 422 &&
      /already exists/i.test(error.githubMessage)
    )
      return 'exists'
    throw error
  }
}

/** The sha a ref points at; undefined when there is no such ref. */
export async function getRef(
  client: GitHubClient,
  where: Repository,
  ref: string
): Promise<string | undefined> {
  try {
    const { data } = await client.rest.git.getRef({ ...where, ref: short(ref) })
    return data.object.sha
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return undefined
    throw error
  }
}

/** Every ref under a prefix (e.g. `refs/promote/collected/`), fully qualified. */
export async function listRefs(
  client: GitHubClient,
  where: Repository,
  prefix: string
): Promise<string[]> {
  const refs = await client.paginate(client.rest.git.listMatchingRefs, {
    ...where,
    ref: short(prefix),
    per_page: 100
  })
  return refs.map(r => r.ref)
}

export interface FileChange {
  /** Repository-relative, forward slashes. */
  path: string
  content: string
}

/**
 * A commit of `files` on top of `parent` (blobs, a tree over the parent's, the commit): nothing
 * points at it until a ref does, so a collector that dies here leaves nothing behind but an
 * unreachable object.
 */
export async function commitFiles(
  client: GitHubClient,
  where: Repository,
  input: { parent: string; files: FileChange[]; message: string }
): Promise<string> {
  const { data: parent } = await client.rest.git.getCommit({ ...where, commit_sha: input.parent })
  const tree = await Promise.all(
    input.files.map(async file => {
      const { data: blob } = await client.rest.git.createBlob({
        ...where,
        content: Buffer.from(file.content, 'utf8').toString('base64'),
        encoding: 'base64'
      })
      return { path: file.path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha }
    })
  )
  const { data: created } = await client.rest.git.createTree({
    ...where,
    base_tree: parent.tree.sha,
    tree
  })
  const { data: commit } = await client.rest.git.createCommit({
    ...where,
    message: input.message,
    tree: created.sha,
    parents: [input.parent]
  })
  return commit.sha
}

/** A text file at a ref; undefined when the ref or the path does not exist. */
export async function readFileAt(
  client: GitHubClient,
  where: Repository,
  ref: string,
  path: string
): Promise<string | undefined> {
  try {
    const { data } = await client.rest.repos.getContent({ ...where, path, ref })
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined
    return Buffer.from(data.content, 'base64').toString('utf8')
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return undefined
    throw error
  }
}

export interface JobTiming {
  id: number
  name: string
  runnerName?: string
  status: string
  startedAt?: string
  completedAt?: string
  steps: Array<{ name: string; number: number; startedAt?: string; completedAt?: string }>
}

/** The jobs of one attempt of a workflow run, with their steps' times. */
export async function listRunJobs(
  client: GitHubClient,
  where: Repository,
  runId: number,
  attempt: number
): Promise<JobTiming[]> {
  const jobs = await client.paginate(client.rest.actions.listJobsForWorkflowRunAttempt, {
    ...where,
    run_id: runId,
    attempt_number: attempt,
    per_page: 100
  })
  return jobs.map(job => ({
    id: job.id,
    name: job.name,
    ...(job.runner_name && { runnerName: job.runner_name }),
    status: job.status,
    ...(job.started_at && { startedAt: job.started_at }),
    ...(job.completed_at && { completedAt: job.completed_at }),
    steps: (job.steps ?? []).map(step => ({
      name: step.name,
      number: step.number,
      ...(step.started_at && { startedAt: step.started_at }),
      ...(step.completed_at && { completedAt: step.completed_at })
    }))
  }))
}
