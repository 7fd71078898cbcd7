/** What the main step leaves for the post step (GITHUB_STATE), so a cancelled deploy is recorded and stopped. */
export const STATE = {
  isPost: 'isPost',
  config: 'config',
  environment: 'environment',
  deploymentId: 'deployment-id',
  cluster: 'cluster',
  runId: 'run-id',
  /** 'true' once the deployment has its final status: nothing left for the post step to do. */
  finished: 'finished'
} as const
