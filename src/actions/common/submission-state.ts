import * as core from '@actions/core'
import type { LeftRun } from '../../app/left-run.js'
import type { SubmittingInfo } from '../../app/run-workflow.js'

/** The state names (GITHUB_STATE) both submitting actions keep a submission under. */
export interface SubmissionStateNames {
  cluster: string
  project: string
  workflow: string
  runId: string
  runKey: string
  submission: string
  attempt: string
}

/** What is about to be submitted, saved for the post step before the request leaves. */
export function saveSubmitting(info: SubmittingInfo, state: SubmissionStateNames): void {
  core.saveState(state.cluster, info.cluster)
  core.saveState(state.project, info.project)
  core.saveState(state.workflow, info.workflow)
  core.saveState(state.runKey, info.identity.key)
  core.saveState(state.submission, info.identity.submission)
  core.saveState(state.attempt, String(info.identity.attempt))
}

/** The run the main step left, as saved: its id, or the submission it was sending. */
export function leftRun(state: SubmissionStateNames): LeftRun {
  const runId = core.getState(state.runId)
  const key = core.getState(state.runKey)
  const submission = core.getState(state.submission)
  const attempt = Number(core.getState(state.attempt))
  const project = core.getState(state.project)
  const workflow = core.getState(state.workflow)
  return {
    ...(runId && { runId }),
    ...(key && submission && attempt > 0 && { submission: { key, submission, attempt } }),
    ...(project && workflow && { scope: { project, workflow } })
  }
}

/** The cluster refused the submission: nothing for the post step to look for. */
export function clearSubmitting(state: SubmissionStateNames): void {
  core.saveState(state.runKey, '')
  core.saveState(state.submission, '')
}
