/**
 * `promote --help` and `promote <command> --help` explain every command and option, and a short
 * flag means one thing across all commands. In process: main() with captured streams.
 */
import { describe, expect, it } from '@jest/globals'
import { PassThrough } from 'node:stream'
import { RETIRED_SHORT_FLAGS, type CliContext } from '../../src/cli/command.js'
import { COMMANDS } from '../../src/cli/commands/index.js'
import { main } from '../../src/cli/main.js'

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', chunk => (out += chunk))
  stderr.on('data', chunk => (err += chunk))
  const context: CliContext = {
    cwd: process.cwd(),
    env: {},
    stdin: new PassThrough(),
    stdout,
    stderr
  }
  const code = await main(args, context)
  return { code, stdout: out, stderr: err }
}

/** `-t, --timeout <duration>  description` or `    --no-wait  description`, as printed. */
const OPTION_LINE =
  /^ {2}(?:-([a-zA-Z]), | {4})--([a-z][a-z-]*)(?: <[^>]+>)?(?: \.\.\.)? {2,}(\S.*)$/

async function helpOptions(name: string) {
  const help = await cli([name, '--help'])
  expect(help.code).toBe(0)
  const options = new Map<string, { short?: string; description: string }>()
  for (const line of help.stdout.split('\n')) {
    const match = OPTION_LINE.exec(line)
    if (match) options.set(match[2]!, { short: match[1], description: match[3]! })
  }
  return { help: help.stdout, options }
}

describe('promote --help', () => {
  it('lists every command with a one-line summary', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    for (const command of COMMANDS) {
      const line = help.stdout.split('\n').find(l => l.startsWith(`  ${command.name} `))
      expect(line?.trim()).toMatch(new RegExp(`^${command.name}\\s+\\S.{10,}$`))
      expect(command.summary).not.toContain('\n')
    }
  })

  it.each(COMMANDS.map(c => [c.name]))('promote %s --help describes every option', async name => {
    const command = COMMANDS.find(c => c.name === name)!
    const { options } = await helpOptions(name)
    for (const option of [...Object.keys(command.options), 'help', 'debug']) {
      const shown = options.get(option)
      if (!shown) throw new Error(`promote ${name} --help does not show --${option}`)
      // A description is words, not a bare default or a placeholder.
      expect(shown.description).toMatch(/[a-z]{3,} [a-z]{2,}/)
    }
    for (const [option, spec] of Object.entries(command.options)) {
      expect(spec.description.trim().length).toBeGreaterThan(10)
      // Markdown does not render in a terminal.
      expect(`${option}: ${spec.description}`).not.toContain('`')
    }
  })
})

describe('short flags', () => {
  it('mean one thing across all commands', async () => {
    const meanings = new Map<string, Set<string>>()
    for (const command of COMMANDS) {
      const { options } = await helpOptions(command.name)
      for (const [long, { short }] of options) {
        if (!short) continue
        const longs = meanings.get(short) ?? new Set()
        longs.add(long)
        meanings.set(short, longs)
      }
    }
    const ambiguous = [...meanings].filter(([, longs]) => longs.size > 1)
    expect(ambiguous).toEqual([])
    expect(meanings.get('t')).toEqual(new Set(['timeout']))
    expect(meanings.get('e')).toEqual(new Set(['env']))
  })

  it('is the same flag wherever the long option exists (-t is --timeout in run, deploy, plan, rollback)', async () => {
    for (const name of ['run', 'deploy', 'plan', 'rollback']) {
      const { options } = await helpOptions(name)
      expect(options.get('timeout')?.short).toBe('t')
    }
    const exportHelp = await helpOptions('export')
    expect(exportHelp.options.get('tag')?.short).toBeUndefined()
  })

  it('says what to type when a retired letter is used (export -t, deploy -m, notify -e)', async () => {
    const tag = await cli(['export', '-t', 'challenger', '-m', 'models:/model@latest'])
    expect(tag.code).toBe(2)
    expect(tag.stderr.trimEnd().split('\n').at(-1)).toBe(
      'promote export: -t no longer means --tag (-t is --timeout in every command): use --tag'
    )
    const manifest = await cli(['deploy', '-m', 'artifacts/model:challenger.yaml'])
    expect(manifest.stderr).toContain('-m no longer means --manifest')
    const event = await cli(['notify', '-e', 'failed'])
    expect(event.stderr).toContain('use --event')
    // Every retired letter names an option the command still has under its long name.
    for (const [name, letters] of Object.entries(RETIRED_SHORT_FLAGS)) {
      const command = COMMANDS.find(c => c.name === name)!
      for (const long of Object.values(letters))
        expect(Object.keys(command.options)).toContain(long)
    }
  })
})

describe('a failed command', () => {
  it('ends stderr with the line naming the cause, after the usage', async () => {
    const unknown = await cli(['validate', '--no-such-option'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^promote validate: Unknown option '--no-such-option'/
    )
  })

  it('with --json, still writes one JSON document on stdout', async () => {
    const result = await cli(['validate', '--json', '--fail-on', 'nonsense'])
    expect(result.code).toBe(1)
    const document = JSON.parse(result.stdout) as { ok: boolean; error: string }
    expect(document.ok).toBe(false)
    expect(document.error).toContain("unknown check 'nonsense'")
    expect(result.stderr.trimEnd().split('\n').at(-1)).toContain("unknown check 'nonsense'")
  })
})
