/**
 * The contract between a detached submission (`submit-train` with `detach: true`, `promote run
 * --detach`) and the side that collects its result (`promote collect`): the GitHub
 * `repository_dispatch` event an orchestrator sends when the run ends. Both sides import it from
 * here, so they cannot drift.
 *
 * The callback is a wake-up call, not a source of truth: a repository_dispatch can be sent by
 * anyone holding a token for the repository, so the receiver looks the run up on the orchestrator
 * (by `cluster` and `runId`, checked against `submission`) and never trusts the payload's word
 * about how the run ended.
 */

/** `event_type` of the dispatch (POST /repos/{owner}/{repo}/dispatches), and the `types:` to listen to. */
export const TRAINING_FINISHED_EVENT = 'promote-training-finished'

/** `client_payload` of the dispatch. */
export interface TrainingFinishedPayload {
  /** The submission label value (`promote-actions/submission`: 16 hex characters). */
  submission: string
  /** The cluster's name under `clusters` in promote.yaml. */
  cluster: string
  /**
   * The run as the orchestrator names it. Argo: the Workflow's name. MLRun: the workflow
   * runner's run *name* (`<run key>-a<attempt>`, the submission's display name as MLRun
   * normalizes it), not its uid: the notification is fixed when the run is submitted, before the
   * uid exists. Listing the runs of project `*` (every project) with `name=<runId>` and
   * `label=job-type=workflow-runner` finds it (its uid, project, and spec.parameters.workflow_name); the name ends with `-a<attempt>`, and
   * the first 8 characters of `submission` end the part before it.
   */
  runId: string
  /**
   * The Slack message the training announced itself in (train.yml's `started` notify step), so
   * the collector updates that message in place instead of posting another. Where the run keeps
   * annotations (Argo, KFP) the collector reads it from there; MLRun keeps none, so its callback
   * carries it.
   */
  message?: SlackMessageRef
}

/** A Slack message: the channel ID Slack answered with, and its `ts`. */
export interface SlackMessageRef {
  channel: string
  ts: string
}

/** A Slack channel ID and a message ts as Slack writes them; anything else is not taken. */
export function parseSlackMessageRef(value: unknown): SlackMessageRef | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const { channel, ts } = value as Record<string, unknown>
  if (typeof channel !== 'string' || !/^[A-Z0-9]{2,32}$/.test(channel)) return undefined
  if (typeof ts !== 'string' || !/^\d{1,12}\.\d{1,8}$/.test(ts)) return undefined
  return { channel, ts }
}

/** The JSON body of POST /repos/{owner}/{repo}/dispatches (octokit/openapi: repos/create-dispatch-event). */
export interface TrainingFinishedDispatch {
  event_type: typeof TRAINING_FINISHED_EVENT
  client_payload: TrainingFinishedPayload
}

export function trainingFinishedDispatch(
  payload: TrainingFinishedPayload
): TrainingFinishedDispatch {
  return {
    event_type: TRAINING_FINISHED_EVENT,
    client_payload: {
      submission: payload.submission,
      cluster: payload.cluster,
      runId: payload.runId,
      ...(payload.message && {
        message: { channel: payload.message.channel, ts: payload.message.ts }
      })
    }
  }
}

/**
 * Reads a dispatch's client_payload (`github.event.client_payload`); undefined when it is not
 * ours. Only the shape is checked: what the run did is read from the orchestrator.
 */
export function parseTrainingFinishedPayload(value: unknown): TrainingFinishedPayload | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const { submission, cluster, runId, message } = value as Record<string, unknown>
  if (typeof submission !== 'string' || !/^[0-9a-f]{16}$/.test(submission)) return undefined
  if (typeof cluster !== 'string' || !cluster) return undefined
  if (typeof runId !== 'string' || !runId || runId.length > 253) return undefined
  const slack = parseSlackMessageRef(message)
  return { submission, cluster, runId, ...(slack && { message: slack }) }
}

/** Where the dispatch goes: `<api>/repos/<owner>/<repo>/dispatches` (api: GITHUB_API_URL). */
export function dispatchUrl(apiUrl: string, repository: { owner: string; repo: string }): string {
  return `${apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}/dispatches`
}

/** Headers GitHub asks for on REST calls; the Authorization header comes from the orchestrator's secret. */
export const DISPATCH_HEADERS = {
  Accept: 'application/vnd.github+json',
  'X-GitHub-Api-Version': '2022-11-28'
} as const

/** The value of the `promote-actions/mode` label of a detached submission. */
export const MODE_DETACHED = 'detached'
