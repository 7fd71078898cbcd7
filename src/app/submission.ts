import { randomBytes } from 'node:crypto'
import {
  LABEL_ATTEMPT,
  LABEL_MODE,
  LABEL_REPOSITORY,
  LABEL_RUN,
  LABEL_SUBMISSION,
  type RunIdentity,
  type SubmitRequest
} from '../adapters/orchestrators/types.js'
import { MODE_DETACHED, parseSlackMessageRef, type SlackMessageRef } from '../core/detached.js'
import { canonicalJson, sha256 } from '../core/hash.js'
import type { RunContext } from './ports.js'

/** Labels and annotations that trace a remote run back to the GitHub run that started it. */
export const LABEL_COMMIT = 'promote-actions/commit'
export const LABEL_ACTOR = 'promote-actions/actor'
export const LABEL_GITHUB_RUN = 'promote-actions/github-run'
/*
 * The repository that submitted, as a label value: labelValue(`<owner>-<repo>`) (lowercase,
 * [a-z0-9-], 63 at most), on every submission, so `promote collect` can list the runs this
 * repository started (with LABEL_MODE `detached` for the ones nobody waits for); it is lossy
 * (`a-b/c` and `a/b-c` give the same value), so the collector checks the annotation (`owner/repo`)
 * too. One definition, where the orchestrators read it.
 */
export { LABEL_MODE, LABEL_REPOSITORY }

/*
 * Where the labels go, and what identifies a run where they cannot:
 * - Argo: Workflow labels and annotations, as written here (selectable with
 *   `listOptions.labelSelector`).
 * - Kubeflow Pipelines: the run's description holds `key=value` lines of the labels and
 *   annotations (kfp.ts), no server-side selection: list runs of the experiment and read them.
 * - MLRun: the workflow submit API takes no labels (mlrun/common/schemas/workflow.py
 *   WorkflowRequest: spec, arguments, artifact_path, source, run_name, namespace, notifications).
 *   The workflow runner run (job-type=workflow-runner, in the environment's project) carries
 *   instead: its name `<key>-a<attempt>` (the key ends with the first 8 characters of the
 *   submission hash and starts with `gh<GitHub run id>`; GitHub run ids are unique across
 *   repositories, so GET /repos/{owner}/{repo}/actions/runs/{id} tells whether it is this
 *   repository's), spec.parameters.workflow_name / workflow_arguments (the arguments sent, checked
 *   by findRuns), and, for a detached submission with a callback, the notification named
 *   DETACHED_NOTIFICATION (mlrun.ts) whose params hold the dispatch URL (the repository) and
 *   override_body.client_payload (submission, cluster, run name); runs list it with
 *   `with-notifications=true`, and status.notifications[name].status says whether it was sent.
 */
export const ANNOTATION_REPOSITORY = 'promote-actions/repository'
export const ANNOTATION_COMMIT = 'promote-actions/commit'
export const ANNOTATION_ACTOR = 'promote-actions/actor'
export const ANNOTATION_RUN_URL = 'promote-actions/run-url'
export const ANNOTATION_JOB = 'promote-actions/job'
/** The Slack message the run was announced in (`<channel ID>/<ts>`): the collector updates it. */
export const ANNOTATION_SLACK_MESSAGE = 'promote-actions/slack-message'

/** Characters of the submission hash the run key carries (32 bits: apart within one GitHub run). */
const KEY_HASH_LENGTH = 8
/** The whole hash, as a label / description entry (64 bits). */
const SUBMISSION_HASH_LENGTH = 16
/** With '-a<attempt>' (up to 3 digits) a key still names an MLRun run: 63 at most (mlrun/utils/regex.py run_name). */
const KEY_LENGTH = 58

/** Lowercase, [a-z0-9-], at most 63 characters: valid as a Kubernetes label value and a run name. */
export function labelValue(text: string): string {
  const clean = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return clean.slice(0, 63).replace(/-$/, '') || 'x'
}

/** A Kubernetes label value (RFC 1123-ish: 63 at most, [A-Za-z0-9._-], alphanumeric at both ends). */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)
}

/**
 * The readable start of a run key: run id (`gh<id>`), workflow key, environment, cut to leave
 * room for the hash (truncation eats the end of the environment).
 */
export function keyReadablePart(run: string, workflowKey: string, environment: string): string {
  return labelValue(`${run}-${workflowKey}-${environment}`)
    .slice(0, KEY_LENGTH - KEY_HASH_LENGTH - 1)
    .replace(/-+$/, '')
}

/**
 * Which workflow and environment of promote.yaml a run key was made for: the pair whose readable
 * part it starts with, followed by the 8-hex hash. Undefined when none (or more than one) fits.
 */
export function keyOrigin(
  key: string,
  workflowKeys: string[],
  environments: string[]
): { githubRun: string; workflowKey: string; environment: string } | undefined {
  const match = /^gh(\d+)-(.*)-[0-9a-f]{8}$/.exec(key)
  if (!match) return undefined
  const githubRun = match[1]!
  const fits = workflowKeys.flatMap(workflowKey =>
    environments
      .filter(
        environment =>
          `${keyReadablePart(`gh${githubRun}`, workflowKey, environment)}-${key.slice(-KEY_HASH_LENGTH)}` ===
          key
      )
      .map(environment => ({ githubRun, workflowKey, environment }))
  )
  return fits.length === 1 ? fits[0] : undefined
}

/** What a submission is: the target and the arguments, as the orchestrator receives them. */
export type SubmissionTarget = Pick<
  SubmitRequest,
  | 'workflow'
  | 'command'
  | 'arguments'
  | 'project'
  | 'source'
  | 'workflowPath'
  | 'pipelineId'
  | 'pipelineVersionId'
>

export interface SubmissionIdentity extends RunIdentity {
  attempt: number
  labels: Record<string, string>
  annotations: Record<string, string>
}

/** The matrix input as canonical JSON (key order does not matter); none for `null` or empty. */
function matrixValue(matrix: string | undefined): unknown {
  const text = matrix?.trim()
  if (!text || text.startsWith('${{')) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/**
 * The identity of one submission: the GitHub run, the job (GITHUB_JOB and its matrix values),
 * the workflow key, environment and cluster, and what is submitted (target and arguments), hashed.
 * Every attempt of one job submitting the same thing shares it (a re-run adopts its own run);
 * two matrix jobs, or two steps with other templates or arguments, do not. Local runs (no GitHub
 * run id) get a random one, so they never adopt each other.
 */
export function submissionIdentity(input: {
  context: RunContext
  workflowKey: string
  environment: string
  cluster: string
  target: SubmissionTarget
  /** A detached submission: labelled `promote-actions/mode=detached` (not part of the hash). */
  detached?: boolean
  /** The Slack message that announced it (not part of the hash: a re-run posts another). */
  message?: SlackMessageRef | undefined
}): SubmissionIdentity {
  const { context, target } = input
  const run = context.runId ? `gh${context.runId}` : `local-${randomBytes(4).toString('hex')}`
  const attempt = context.runId ? Number(context.runAttempt || '1') || 1 : 1
  const hash = sha256(
    canonicalJson({
      run,
      job: context.job ?? null,
      matrix: matrixValue(context.matrix),
      workflowKey: input.workflowKey,
      environment: input.environment,
      cluster: input.cluster,
      target: {
        workflow: target.workflow,
        project: target.project,
        command: target.command ?? null,
        source: target.source ?? null,
        workflowPath: target.workflowPath ?? null,
        pipelineId: target.pipelineId ?? null,
        pipelineVersionId: target.pipelineVersionId ?? null
      },
      arguments: target.arguments
    })
  )
  const submission = hash.slice(0, SUBMISSION_HASH_LENGTH)
  const key = `${keyReadablePart(run, input.workflowKey, input.environment)}-${hash.slice(0, KEY_HASH_LENGTH)}`

  const labels: Record<string, string> = {
    [LABEL_RUN]: key,
    [LABEL_ATTEMPT]: String(attempt),
    [LABEL_SUBMISSION]: submission
  }
  const actor = context.triggeringActor ?? context.actor
  if (context.runId && /^\d+$/.test(context.runId)) labels[LABEL_GITHUB_RUN] = context.runId
  if (context.repository)
    labels[LABEL_REPOSITORY] = labelValue(`${context.repository.owner}-${context.repository.repo}`)
  if (input.detached) labels[LABEL_MODE] = MODE_DETACHED
  if (/^[0-9a-f]{40}$/i.test(context.sha)) labels[LABEL_COMMIT] = context.sha.toLowerCase()
  // Bots are `name[bot]`: the label keeps what a label value may hold, the annotation the login.
  const actorLabel = actor
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
  if (actorLabel && isLabelValue(actorLabel)) labels[LABEL_ACTOR] = actorLabel

  const annotations: Record<string, string> = {}
  if (context.repository)
    annotations[ANNOTATION_REPOSITORY] = `${context.repository.owner}/${context.repository.repo}`
  if (context.sha) annotations[ANNOTATION_COMMIT] = context.sha
  if (actor) annotations[ANNOTATION_ACTOR] = actor
  if (context.runUrl) annotations[ANNOTATION_RUN_URL] = context.runUrl
  if (context.job) annotations[ANNOTATION_JOB] = context.job
  if (input.message)
    annotations[ANNOTATION_SLACK_MESSAGE] = `${input.message.channel}/${input.message.ts}`

  return { key, submission, attempt, labels, annotations, arguments: target.arguments }
}

/**
 * Labels of one GitHub run of one workflow in one environment, with nothing submitted yet
 * (`target` empty): for callers that only need the key's shape.
 */
export function runLabels(
  context: RunContext,
  workflowKey: string,
  environment: string,
  target: SubmissionTarget = { workflow: workflowKey, project: '', arguments: {} }
): Record<string, string> {
  return submissionIdentity({ context, workflowKey, environment, cluster: '', target }).labels
}

/** The Slack message an annotated run was announced in; undefined when it names none (or garbage). */
export function slackMessageOf(annotations: Record<string, string>): SlackMessageRef | undefined {
  const [channel, ts, ...rest] = (annotations[ANNOTATION_SLACK_MESSAGE] ?? '').split('/')
  return rest.length ? undefined : parseSlackMessageRef({ channel, ts })
}
