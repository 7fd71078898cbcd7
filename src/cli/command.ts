/**
 * The command registry's vocabulary. Everything here (and every file under commands/) is loaded
 * for `promote --version` and `--help`: it imports nothing but types. A command's dependencies
 * (zod, yaml, adapters, use cases) are imported inside its `run`, so a command loads only what it
 * uses (test/cli/startup.test.ts walks the static imports to keep it so). They are awaited one
 * after another, not in a Promise.all: jest's ESM loader fails ("request for ... is not in
 * cache") on concurrent dynamic imports that share a dependency.
 */

/** What a CLI command gets from the terminal; tests pass their own streams. */
export interface CliContext {
  cwd: string
  env: NodeJS.ProcessEnv
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream
}

interface OptionBase {
  /** One line for `--help`. */
  description: string
}

export type CliOption = OptionBase &
  (
    | {
        type: 'string'
        /** The value's name in `--help` (`--timeout <duration>`); default `value`. */
        value?: string
        default?: string
        multiple?: boolean
      }
    | { type: 'boolean'; default?: boolean }
  )

export type CliValues = Record<string, string | boolean | (string | boolean)[] | undefined>

export interface CliCommand {
  name: string
  /** One line for `promote --help`. */
  summary: string
  /** Usage line after `promote <name>`. */
  usage: string
  /**
   * The command's options, by long name. Short flags are not declared here: they come from
   * SHORT_FLAGS, so a letter means the same thing in every command.
   */
  options: Record<string, CliOption>
  /** Whether positional arguments are accepted. */
  allowPositionals?: boolean
  /** Returns the process exit code. Imports the command's dependencies itself (dynamic import). */
  run(values: CliValues, positionals: string[], context: CliContext): Promise<number>
}

/**
 * The one meaning of each short flag, in every command that has the long option. A letter that
 * used to mean something else somewhere is listed in RETIRED_SHORT_FLAGS instead of kept as an
 * alias, since an alias would give the letter two meanings again.
 */
export const SHORT_FLAGS: Readonly<Record<string, string>> = {
  a: 'arg',
  c: 'config',
  d: 'dir',
  e: 'env',
  f: 'facts-file',
  j: 'json',
  m: 'model-uri',
  t: 'timeout',
  w: 'workflow',
  y: 'yes'
}

/** Letters whose meaning changed in one command: `promote <command> -x` says what to type now. */
export const RETIRED_SHORT_FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  export: { t: 'tag' },
  deploy: { m: 'manifest' },
  plan: { m: 'manifest' },
  notify: { e: 'event' }
}

/** The short flag of a long option, if it has one. */
export function shortFlagOf(longName: string): string | undefined {
  return Object.keys(SHORT_FLAGS).find(letter => SHORT_FLAGS[letter] === longName)
}

export const CONFIG_OPTION = {
  config: {
    type: 'string',
    value: 'file',
    default: 'promote.yaml',
    description: 'the promote.yaml to read, relative to the current directory'
  }
} as const satisfies Record<string, CliOption>

export const JSON_OPTION = {
  json: {
    type: 'boolean',
    description:
      'print one JSON document on stdout (docs/cli.md describes its keys); logs and reports go to stderr'
  }
} as const satisfies Record<string, CliOption>

export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`)
}

/**
 * With --json, stdout carries only the JSON document: the human output (logs, reports, questions)
 * goes to stderr.
 */
export function humanContext(values: CliValues, context: CliContext): CliContext {
  return values.json === true ? { ...context, stdout: context.stderr } : context
}

/** Writes the --json document: one line, so `| jq` and line readers both work. */
export function writeJson(context: CliContext, document: unknown): void {
  write(context.stdout, JSON.stringify(document))
}

/**
 * A failure as the one last line of stderr: its first line (what failed) and, when it has more
 * (a pipeline's stderr tail), its last (usually the error itself).
 */
export function causeLine(text: string): string {
  const lines = text
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
  return lines.length > 1 ? `${lines[0]}: ${lines.at(-1)}` : (lines[0] ?? text)
}

export function stringValue(values: CliValues, key: string): string | undefined {
  const value = values[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function listValue(values: CliValues, key: string): string[] {
  const value = values[key]
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}
