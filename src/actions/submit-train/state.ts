/** What the main step leaves for the post step (GITHUB_STATE), so a cancelled job's run is stopped. */
export const STATE = {
  config: 'config',
  cluster: 'cluster',
  runId: 'run-id',
  project: 'project',
  workflow: 'workflow',
  /** The submission's identity, saved before it is sent: a step killed mid-submit leaves no orphan. */
  runKey: 'run-key',
  submission: 'submission',
  attempt: 'attempt',
  /** 'true' for a detached submission: the post step leaves its run alone, whatever happened. */
  detached: 'detached',
  /** 'true' once the run is finished or cancelled: nothing left for the post step to do. */
  finished: 'finished'
} as const
