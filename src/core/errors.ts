import { printable } from './log-safety.js'
/** One problem in a user's file: where it is and what is wrong. */
export interface Problem {
  file?: string
  line?: number
  column?: number
  /** Dotted field path inside the document, e.g. `environments.staging.cluster`. */
  path?: string
  message: string
}

export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter(v => v !== undefined).join(':')
  const field = problem.path ? `${problem.path}: ` : ''
  if (!where) return `${field}${problem.message}`
  // `promote.yaml:4:3 model.name: ...`, but `promote.yaml: file not found` without a position.
  return problem.line === undefined && !field
    ? `${where}: ${problem.message}`
    : `${where} ${field}${problem.message}`
}

/**
 * A mistake the user can fix (bad config, bad input, refused promotion), as opposed to a bug.
 * Entry points print its message without a stack trace.
 */
export class ConfigurationError extends Error {
  readonly problems: Problem[]

  constructor(problems: Problem[] | string, heading?: string) {
    const list = typeof problems === 'string' ? [{ message: problems }] : problems
    const lines = list.map(formatProblem)
    const text =
      lines.length === 1 && !heading
        ? lines[0]!
        : [heading ?? `${lines.length} problems`, ...lines.map(l => `  - ${l}`)].join('\n')
    super(text)
    this.name = 'ConfigurationError'
    this.problems = list
  }
}

/** Why a promotion was refused, for people: what happened, the rule that refused it, the fix. */
export interface Refusal {
  /** approval, same-artifact, ...: which rule family refused. */
  kind: string
  reason: string
  rule: string
  fix: string
}

/**
 * A deploy refused by a rule (approval, same artifact) before anything was recorded. Its message
 * is `<reason>. Rule: <rule>. Fix: <fix>`; `refusal` keeps the parts apart for notifications.
 */
export class RefusalError extends ConfigurationError {
  constructor(readonly refusal: Refusal) {
    super(`${refusal.reason}. Rule: ${refusal.rule}. Fix: ${refusal.fix}`)
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return (
    error instanceof ConfigurationError ||
    (error as Error | undefined)?.name === 'ConfigurationError'
  )
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A short description of a YAML value for messages: `'yes'`, `42`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (typeof value === 'string')
    return `'${printable(value.length > 40 ? `${value.slice(0, 37)}...` : value)}'`
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value)
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Uint8Array) return 'binary data'
  if (value instanceof Date) return 'a date'
  if (value instanceof Map || value instanceof Set) return 'a YAML collection with non-string keys'
  return typeof value === 'object' ? 'a mapping' : typeof value
}
