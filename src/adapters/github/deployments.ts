/**
 * Deployment records as GitHub deployments: the promotion history GitHub shows on the
 * environment's page, and what `promote history` / rollback read back.
 */
import type {
  CreateDeploymentInput,
  DeploymentPayload,
  DeploymentRecord,
  DeploymentState,
  DeploymentStore,
  StatusUpdate
} from '../deployments/types.js'
import { GitHubApiError, type GitHubClient } from './client.js'

export interface GitHubDeploymentStoreOptions {
  owner: string
  repo: string
  /** Environments end users reach (GitHub's production_environment flag). Default: 'production'. */
  productionEnvironments?: string[]
  /** Environments that will be torn down (transient_environment, e.g. per-PR previews). */
  transientEnvironments?: string[]
  /** GitHub's web root for links; default GITHUB_SERVER_URL or https://github.com. */
  webUrl?: string
  /** Parallel status reads while listing. */
  concurrency?: number
}

/** GitHub caps status descriptions at 140 characters. */
const MAX_DESCRIPTION = 140
const LIST_STATUSES_PAGE = 100

type GitHubDeployment = {
  id: number
  ref: string
  sha: string
  environment: string
  created_at: string
  description: string | null
  creator: { login: string } | null
  payload: Record<string, unknown> | string
}

function truncate(text: string | undefined, max = MAX_DESCRIPTION): string | undefined {
  if (text === undefined) return undefined
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Payloads may come back as a JSON string (when written as one): parse, and keep only ours. */
export function parsePayload(
  payload: unknown
): (DeploymentPayload & { gitRef?: string }) | undefined {
  let value = payload
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return undefined
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const candidate = value as Record<string, unknown>
  if (typeof candidate.modelUri !== 'string' || typeof candidate.contentHash !== 'string')
    return undefined
  return candidate as unknown as DeploymentPayload & { gitRef?: string }
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  })
  await Promise.all(workers)
  return results
}

export class GitHubDeploymentStore implements DeploymentStore {
  private readonly production: Set<string>
  private readonly transient: Set<string>
  private readonly webUrl: string

  constructor(
    private readonly client: GitHubClient,
    private readonly options: GitHubDeploymentStoreOptions
  ) {
    this.production = new Set(options.productionEnvironments ?? ['production'])
    this.transient = new Set(options.transientEnvironments ?? [])
    this.webUrl = (options.webUrl ?? process.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(
      /\/$/,
      ''
    )
  }

  private get where() {
    return { owner: this.options.owner, repo: this.options.repo }
  }

  /** The environment's deployment log on GitHub. */
  environmentPage(environment: string): string {
    return `${this.webUrl}/${this.options.owner}/${this.options.repo}/deployments/activity_log?environments_filter=${encodeURIComponent(environment)}`
  }

  async create(input: CreateDeploymentInput): Promise<DeploymentRecord> {
    // Deploy the exact commit (a branch could move meanwhile); keep the branch in the payload.
    const ref = input.sha || input.ref
    const payload = {
      ...input.payload,
      ...(input.ref && input.ref !== ref ? { gitRef: input.ref } : {})
    }
    const response = await this.client.rest.repos.createDeployment({
      ...this.where,
      ref,
      environment: input.environment,
      payload: payload as unknown as Record<string, unknown>,
      description: input.description,
      auto_merge: false,
      required_contexts: [],
      transient_environment: this.transient.has(input.environment),
      production_environment: this.production.has(input.environment)
    })
    const data = response.data as GitHubDeployment | { message?: string }
    if (!('id' in data)) {
      throw new GitHubApiError(
        `GitHub API POST /repos/{owner}/{repo}/deployments did not create a deployment (${response.status}): ${data.message ?? 'no message'}.`,
        response.status,
        'POST /repos/{owner}/{repo}/deployments',
        data.message ?? ''
      )
    }
    return this.toRecord(data, [])
  }

  async setStatus(
    id: DeploymentRecord['id'],
    state: DeploymentState,
    update: StatusUpdate = {}
  ): Promise<void> {
    await this.client.rest.repos.createDeploymentStatus({
      ...this.where,
      deployment_id: Number(id),
      state,
      ...(update.environmentUrl ? { environment_url: update.environmentUrl } : {}),
      ...(update.logUrl ? { log_url: update.logUrl } : {}),
      ...(update.description !== undefined ? { description: truncate(update.description) } : {}),
      auto_inactive: true
    })
  }

  /** One deployment with its latest status; undefined when it does not exist or is not ours. */
  async get(id: DeploymentRecord['id']): Promise<DeploymentRecord | undefined> {
    try {
      const { data } = await this.client.rest.repos.getDeployment({
        ...this.where,
        deployment_id: Number(id)
      })
      if (!parsePayload(data.payload)) return undefined
      return this.toRecord(data as GitHubDeployment, await this.statuses(data.id))
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return undefined
      throw error
    }
  }

  async list(environment: string, options: { limit?: number } = {}): Promise<DeploymentRecord[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY
    const found: GitHubDeployment[] = []
    // GitHub lists deployments newest first; stop paging once enough of ours are in hand.
    for await (const page of this.client.paginate.iterator(this.client.rest.repos.listDeployments, {
      ...this.where,
      environment,
      per_page: 100
    })) {
      for (const deployment of page.data as GitHubDeployment[]) {
        if (found.length < limit && parsePayload(deployment.payload)) found.push(deployment)
      }
      if (found.length >= limit) break
    }
    return mapLimit(found, this.options.concurrency ?? 4, async deployment =>
      this.toRecord(deployment, await this.statuses(deployment.id))
    )
  }

  private async statuses(deploymentId: number) {
    const { data } = await this.client.rest.repos.listDeploymentStatuses({
      ...this.where,
      deployment_id: deploymentId,
      per_page: LIST_STATUSES_PAGE
    })
    return data
  }

  private toRecord(
    deployment: GitHubDeployment,
    statuses: Array<{
      state: string
      environment_url?: string
      log_url?: string
      target_url: string
    }>
  ): DeploymentRecord {
    const payload = parsePayload(deployment.payload)
    if (!payload)
      throw new Error(
        `deployment ${deployment.id} was not recorded by promote-actions (its payload has no modelUri/contentHash)`
      )
    const { gitRef, ...rest } = payload
    const environmentUrl = statuses.find(s => s.environment_url)?.environment_url
    const logUrl = statuses.map(s => s.log_url || s.target_url).find(Boolean)
    return {
      id: deployment.id,
      environment: deployment.environment,
      ref: gitRef ?? deployment.ref,
      sha: deployment.sha,
      createdAt: deployment.created_at,
      ...(deployment.creator ? { creator: deployment.creator.login } : {}),
      ...(deployment.description ? { description: deployment.description } : {}),
      payload: rest,
      state: (statuses[0]?.state as DeploymentState | undefined) ?? 'queued',
      ...(environmentUrl ? { environmentUrl } : {}),
      ...(logUrl ? { logUrl } : {}),
      url: this.environmentPage(deployment.environment)
    }
  }
}
