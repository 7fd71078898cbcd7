import { parseArgs, type ParseArgsConfig } from 'node:util'
import { scrubSecrets } from '../core/secrets.js'
import {
  RETIRED_SHORT_FLAGS,
  SHORT_FLAGS,
  shortFlagOf,
  writeJson,
  type CliCommand,
  type CliContext,
  type CliOption
} from './command.js'
import { COMMANDS } from './commands/index.js'
import { exitCodeFor, interruption } from './signals.js'

export const VERSION = '1.0.0'

/** Options every command takes, after its own in `--help`. */
const COMMON_OPTIONS: Record<string, CliOption> = {
  debug: {
    type: 'boolean',
    description: 'print debug logs and the stack of an unexpected error (as PROMOTE_DEBUG=1 does)'
  },
  help: { type: 'boolean', description: "show this command's options" }
}
const COMMON_SHORT: Record<string, string> = { help: 'h' }

function usage(): string {
  const width = Math.max(...COMMANDS.map(c => c.name.length))
  return [
    'promote: train, export, check, deploy and promote ML models (the CLI twin of promote-actions)',
    '',
    'Usage: promote <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help',
    '  -V, --version  print the version',
    '',
    "Run 'promote <command> --help' for a command's options."
  ].join('\n')
}

function shortOf(name: string): string | undefined {
  return COMMON_SHORT[name] ?? shortFlagOf(name)
}

export function commandUsage(command: CliCommand): string {
  const options = { ...command.options, ...COMMON_OPTIONS }
  const flags = Object.entries(options).map(([name, option]) => {
    const short = shortOf(name)
    const value = option.type === 'string' ? ` <${option.value ?? 'value'}>` : ''
    const repeat = option.type === 'string' && option.multiple ? ' ...' : ''
    return `${short ? `-${short}, ` : '    '}--${name}${value}${repeat}`
  })
  const width = Math.max(...flags.map(f => f.length))
  const lines = [
    `Usage: promote ${command.name} ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:'
  ]
  Object.values(options).forEach((option, i) => {
    const fallback =
      option.type === 'string' && option.default !== undefined
        ? ` (default: ${option.default})`
        : ''
    lines.push(`  ${flags[i]!.padEnd(width)}  ${option.description}${fallback}`)
  })
  return lines.join('\n')
}

function parseOptions(command: CliCommand): NonNullable<ParseArgsConfig['options']> {
  const parsed: NonNullable<ParseArgsConfig['options']> = {}
  for (const [name, option] of Object.entries({ ...command.options, ...COMMON_OPTIONS })) {
    const short = shortOf(name)
    parsed[name] =
      option.type === 'string'
        ? {
            type: 'string',
            ...(short && { short }),
            ...(option.multiple && { multiple: true }),
            ...(option.default !== undefined && { default: option.default })
          }
        : { type: 'boolean', ...(short && { short }) }
  }
  return parsed
}

/** A short flag this command used to take: say what to type now. */
function retiredFlagHint(command: CliCommand, args: string[]): string | undefined {
  const retired = RETIRED_SHORT_FLAGS[command.name] ?? {}
  for (const arg of args) {
    if (arg === '--') break
    const letter = /^-([a-zA-Z])/.exec(arg)?.[1]
    const long = letter && retired[letter]
    const now = letter ? SHORT_FLAGS[letter] : undefined
    if (long && !(now && now in command.options)) {
      return `-${letter} no longer means --${long} (${now ? `-${letter} is --${now} in every command` : 'it was retired'}): use --${long}`
    }
  }
  return undefined
}

/** The error's message and its causes on one line: the reason is on the last line of stderr. */
export function describeError(error: unknown): string {
  const parts: string[] = []
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; depth++) {
    const message = e instanceof Error ? e.message : String(e)
    if (message && !parts.some(p => p.includes(message))) parts.push(message)
    e = e instanceof Error ? e.cause : undefined
  }
  return parts.join(': ') || String(error)
}

/**
 * The stream with every text written to it scrubbed of the secrets this process read: commands
 * print server answers and errors, which may echo a token, in many places besides the log.
 */
export function scrubbingStream<S extends NodeJS.WritableStream>(stream: S): S {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(
            typeof chunk === 'string'
              ? scrubSecrets(chunk)
              : Buffer.isBuffer(chunk)
                ? scrubSecrets(chunk.toString('utf8'))
                : chunk,
            ...rest
          )
      }
      const value = Reflect.get(target, property, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

export async function main(argv: string[], unscrubbed: CliContext): Promise<number> {
  const context: CliContext = {
    ...unscrubbed,
    stdout: scrubbingStream(unscrubbed.stdout),
    stderr: scrubbingStream(unscrubbed.stderr)
  }
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(`${usage()}\n`)
    return name ? 0 : 2
  }
  if (name === '--version' || name === '-V') {
    context.stdout.write(`promote ${VERSION}\n`)
    return 0
  }
  const command = COMMANDS.find(c => c.name === name)
  if (!command) {
    context.stderr.write(`${usage()}\n\npromote: unknown command '${name}'\n`)
    return 2
  }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: rest,
      options: parseOptions(command),
      allowPositionals: command.allowPositionals ?? false,
      strict: true
    })
  } catch (error) {
    const hint = retiredFlagHint(command, rest)
    // The usage first, the reason last: the line people (and CI logs) see.
    context.stderr.write(
      `${commandUsage(command)}\n\npromote ${name}: ${hint ?? (error as Error).message}\n`
    )
    return 2
  }
  if (parsed.values.help) {
    context.stdout.write(`${commandUsage(command)}\n`)
    return 0
  }
  const debug = parsed.values.debug === true || Boolean(context.env.PROMOTE_DEBUG)
  const commandContext = debug
    ? { ...context, env: { ...context.env, PROMOTE_DEBUG: context.env.PROMOTE_DEBUG || '1' } }
    : context
  let code: number
  try {
    code = await command.run(parsed.values, parsed.positionals, commandContext)
  } catch (error) {
    const reason = describeError(error)
    if (debug && error instanceof Error && error.stack) context.stderr.write(`${error.stack}\n`)
    if (parsed.values.json === true && 'json' in command.options) {
      const problems = (error as { problems?: unknown }).problems
      writeJson(context, { ok: false, error: reason, ...(Array.isArray(problems) && { problems }) })
    }
    context.stderr.write(`promote ${name}: ${reason}\n`)
    code = 1
  }
  const signal = interruption()
  return signal ? exitCodeFor(signal) : code
}
