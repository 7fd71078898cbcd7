import { parseArgs } from 'node:util'
import { isConfigurationError } from '../core/errors.js'
import { scrubSecrets } from '../core/secrets.js'
import type { CliCommand, CliContext } from './command.js'
import { COMMANDS } from './commands/index.js'

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
    "Run 'promote <command> --help' for a command's options."
  ].join('\n')
}

function commandUsage(command: CliCommand): string {
  const lines = [
    `Usage: promote ${command.name} ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:'
  ]
  for (const [name, option] of Object.entries(command.options)) {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ' <value>' : ''}`
    const fallback =
      option.default !== undefined && option.type === 'string'
        ? ` (default: ${String(option.default)})`
        : ''
    lines.push(`  ${flag}${fallback}`)
  }
  lines.push('  -h, --help')
  return lines.join('\n')
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
    context.stdout.write('promote 1.0.0\n')
    return 0
  }
  const command = COMMANDS.find(c => c.name === name)
  if (!command) {
    context.stderr.write(`promote: unknown command '${name}'\n\n${usage()}\n`)
    return 2
  }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true
    })
  } catch (error) {
    context.stderr.write(
      `promote ${name}: ${(error as Error).message}\n\n${commandUsage(command)}\n`
    )
    return 2
  }
  if (parsed.values.help) {
    context.stdout.write(`${commandUsage(command)}\n`)
    return 0
  }
  try {
    return await command.run(parsed.values, parsed.positionals, context)
  } catch (error) {
    if (isConfigurationError(error)) {
      context.stderr.write(`promote ${name}: ${error.message}\n`)
      return 1
    }
    context.stderr.write(`promote ${name}: ${(error as Error)?.message ?? String(error)}\n`)
    if (context.env.PROMOTE_DEBUG) context.stderr.write(`${(error as Error)?.stack ?? ''}\n`)
    return 1
  }
}
