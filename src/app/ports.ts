/**
 * What use cases need from wherever they run: the action (runner logs, annotations, job
 * summary) or the CLI (a terminal). Each entry point passes its own implementation.
 */
import type { Report } from '../core/report.js'

export interface Where {
  file?: string
  line?: number
  column?: number
  title?: string
}

export interface Log {
  info(message: string): void
  debug(message: string): void
  warning(message: string, where?: Where): void
  error(message: string, where?: Where): void
  /** A collapsible log group on the runner, an indented block in the terminal. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
  /** Masks a secret in everything logged afterwards. */
  secret(value: string): void
}

export interface Reporter {
  /** Job summary on the runner; printed text in the terminal. */
  summary(report: Report): Promise<void>
}

/** The facts of the run that triggered us (GitHub context, or the local git checkout). */
export interface RunContext {
  repository?: { owner: string; repo: string }
  sha: string
  ref: string
  branch?: string
  actor: string
  triggeringActor?: string
  runId?: string
  runAttempt?: string
  serverUrl?: string
  eventName?: string
  /** Link to the run's logs (the Actions run page). */
  runUrl?: string
  /** The job's id in the workflow (GITHUB_JOB): two jobs of one run submit apart. */
  job?: string
  /** The job's matrix values as JSON (the actions' `matrix` input, `toJSON(matrix)` by default). */
  matrix?: string
}
