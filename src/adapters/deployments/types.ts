/**
 * Where deployments are recorded: GitHub deployments on the runner (github.ts), a local ledger
 * file for the CLI (ledger.ts). Both keep the same payload, so history and rollback read either.
 */
export type DeploymentState =
  'queued' | 'pending' | 'in_progress' | 'success' | 'failure' | 'error' | 'inactive'

export interface DeploymentPayload {
  modelUri: string
  modelName: string
  modelVersion?: string
  /** Manifest content hash (see core/manifest.ts manifestContentHash). */
  contentHash: string
  metrics: Record<string, number>
  /** Path of the manifest in the repository at `sha`. */
  manifestPath: string
  /** The manifest itself, so a rollback can redeploy it without the git history. */
  manifest?: Record<string, unknown>
  /** Set when this deployment rolls back to an earlier one. */
  rollbackOf?: string | number
  /** Set when the same-artifact rule was overridden. */
  overrideReason?: string
  approvers?: string[]
  runUrl?: string
  results?: Record<string, unknown>
}

export interface DeploymentRecord {
  id: number | string
  environment: string
  ref: string
  sha: string
  createdAt: string
  creator?: string
  description?: string
  payload: DeploymentPayload
  /** The latest status (queued when none). */
  state: DeploymentState
  environmentUrl?: string
  logUrl?: string
  url?: string
}

export interface StatusUpdate {
  environmentUrl?: string
  logUrl?: string
  description?: string
}

export interface CreateDeploymentInput {
  environment: string
  ref: string
  sha: string
  payload: DeploymentPayload
  description: string
}

export interface DeploymentStore {
  create(input: CreateDeploymentInput): Promise<DeploymentRecord>
  setStatus(
    id: DeploymentRecord['id'],
    state: DeploymentState,
    update?: StatusUpdate
  ): Promise<void>
  /** Newest first, each with its latest state. */
  list(environment: string, options?: { limit?: number }): Promise<DeploymentRecord[]>
}
