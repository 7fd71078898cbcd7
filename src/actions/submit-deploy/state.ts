/** What the main step leaves for the post step (GITHUB_STATE), so a cancelled deploy is recorded and stopped. */
export const STATE = {
  config: 'config',
  environment: 'environment',
  deploymentId: 'deployment-id',
  cluster: 'cluster',
  runId: 'run-id',
  project: 'project',
  workflow: 'workflow',
  /** The submission's identity, saved before it is sent: a step killed mid-submit leaves no orphan. */
  runKey: 'run-key',
  submission: 'submission',
  attempt: 'attempt',
  /** 'true' once the deployment has its final status: nothing left for the post step to do... */
  finished: 'finished',
  /** ...unless this is 'true': the orchestrator would not cancel the run, so the post step tries again. */
  cancelFailed: 'cancel-failed'
} as const
