import type { ParseArgsConfig } from 'node:util'

/** What a CLI command gets from the terminal; tests pass their own streams. */
export interface CliContext {
  cwd: string
  env: NodeJS.ProcessEnv
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream
}

export interface CliCommand {
  name: string
  summary: string
  /** Usage line after `promote <name>`. */
  usage: string
  options: NonNullable<ParseArgsConfig['options']>
  /** Whether positional arguments are accepted. */
  allowPositionals?: boolean
  /** Returns the process exit code. */
  run(
    values: Record<string, string | boolean | (string | boolean)[] | undefined>,
    positionals: string[],
    context: CliContext
  ): Promise<number>
}

export const CONFIG_OPTION = {
  config: { type: 'string', short: 'c', default: 'promote.yaml' }
} as const

export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`)
}
