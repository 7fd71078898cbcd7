import { afterEach, describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'
import { PassThrough } from 'node:stream'
import '../helpers/property.js'
import { runnerLog } from '../../src/actions/common/log.js'
import { terminalLog } from '../../src/cli/log.js'
import type { CliContext } from '../../src/cli/command.js'
import { describeValue } from '../../src/core/errors.js'
import { neutralizeWorkflowCommands, printable } from '../../src/core/log-safety.js'

/**
 * Whether the runner would act on `line`: actions/runner src/Runner.Common/ActionCommand.cs,
 * TryParseV2 (`::name ...::data` after leading white space) and TryParse (`##[` anywhere).
 */
function runnerReadsCommand(line: string): boolean {
  const trimmed = line.trimStart()
  if (trimmed.startsWith('::') && trimmed.indexOf('::', 2) >= 0) return true
  return line.includes('##[')
}

const INJECTED =
  'branch main\n::error file=README.md,line=1::INJECTED\n  ::add-mask::x\n##[error]old'

describe('workflow-command neutralising', () => {
  it('leaves no line the runner would read as a command, and reads the same once the breaks are removed', () => {
    const piece = fc.constantFrom('::', '##[', ' ', '\n', 'error', '=', ',', 'x', '\t', ':')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), pieces => {
        const text = pieces.join('')
        const safe = neutralizeWorkflowCommands(text)
        expect(safe.split('\n').filter(runnerReadsCommand)).toEqual([])
        expect(safe.replaceAll('\u200b', '')).toBe(text)
      }),
      { numRuns: 500 }
    )
  })

  it('keeps text without commands byte for byte', () => {
    expect(neutralizeWorkflowCommands('a: b\nc::d')).toBe('a: b\nc::d')
  })

  it('shows line breaks and control characters of quoted values as escapes', () => {
    expect(printable('a\nb\r\nc\u001b[31md\te')).toBe('a\\nb\\r\\nc\\u001b[31md\te')
    expect(describeValue('main\n::error::x')).toBe("'main\\n::error::x'")
  })
})

describe('log surfaces', () => {
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('the runner log prints outside text without commands', () => {
    const written: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      written.push(String(chunk))
      return true
    })
    runnerLog.info(`note: ${INJECTED}`)
    const lines = written.join('').split(/\r?\n/)
    expect(lines.filter(runnerReadsCommand)).toEqual([])
    expect(written.join('')).toContain('INJECTED')
  })

  it('the terminal log and report do the same (the CLI runs in workflow steps too)', async () => {
    const stdout = new PassThrough()
    const stderr = new PassThrough()
    let out = ''
    stdout.on('data', chunk => (out += String(chunk)))
    stderr.on('data', chunk => (out += String(chunk)))
    const log = terminalLog({ stdout, stderr, env: {} } as unknown as CliContext)
    log.info(INJECTED)
    log.warning(INJECTED)
    await log.group(INJECTED, async () => log.error(INJECTED))
    expect(out.split('\n').filter(runnerReadsCommand)).toEqual([])
    expect(out).toContain('INJECTED')
  })
})
