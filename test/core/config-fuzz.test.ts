import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import '../helpers/property.js'
import { stringify } from 'yaml'
import { parseConfig } from '../../src/core/config/load.js'
import { ConfigurationError } from '../../src/core/errors.js'
import { VALID } from './config-helpers.js'

/** parseConfig either returns or throws a well-formed ConfigurationError; anything else is a bug. */
function loadsOrExplains(text: string): void {
  try {
    parseConfig('promote.yaml', text)
  } catch (error) {
    if (!(error instanceof ConfigurationError)) {
      throw new Error(`threw ${(error as Error)?.name}: ${(error as Error)?.message} for:\n${text}`)
    }
    expect(error.problems.length).toBeGreaterThan(0)
    for (const problem of error.problems) {
      expect(problem.file).toBe('promote.yaml')
      expect(problem.message.length).toBeGreaterThan(0)
      if (problem.line !== undefined) expect(problem.line).toBeGreaterThanOrEqual(1)
    }
  }
}

const YAMLISH = [
  'project:',
  'model:',
  'name:',
  'environments:',
  'clusters:',
  'workflows:',
  'gates:',
  'notifications:',
  'kind: mlrun',
  'kind: command',
  'url:',
  'tokenEnv:',
  'branch:',
  'cluster:',
  'timeout:',
  'slack:',
  'events:',
  'min:',
  'max:',
  '__proto__:',
  'constructor:',
  '$schema:',
  ' ',
  '  ',
  '\n',
  '\n  ',
  '\n    ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '? ',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '!!binary ',
  '!!set ',
  '!tag ',
  '!!str ',
  '!!int ',
  '!!float ',
  '"',
  "'",
  '#',
  '|',
  '>',
  '---',
  '...',
  '%YAML 1.2',
  'null',
  '~',
  'true',
  'yes',
  '0x1F',
  '.nan',
  '-.inf',
  '1e400',
  '90m',
  'xoxb-123456789',
  'https://x',
  'local',
  'MLRUN_TOKEN',
  '\t',
  '\u00e9',
  '\ud83d\ude00',
  '\\',
  '<<: *a'
]

describe('the config loader on random input (property)', () => {
  it('throws only ConfigurationError for random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), loadsOrExplains), {
      numRuns: 300
    })
  })

  it('throws only ConfigurationError for YAML-ish token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...YAMLISH), { maxLength: 60 }), tokens =>
        loadsOrExplains(tokens.join(''))
      ),
      { numRuns: 800 }
    )
  })

  it('throws only ConfigurationError for random JSON values, as JSON and as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), value => {
        loadsOrExplains(JSON.stringify(value) ?? 'null')
        loadsOrExplains(stringify(value))
      }),
      { numRuns: 300 }
    )
  })

  it('throws only ConfigurationError for random values placed in a valid config', () => {
    const lines = VALID.split('\n')
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map(v => JSON.stringify(v) ?? 'null'),
      fc.constantFrom(...YAMLISH),
      fc.string({ maxLength: 20 })
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: lines.length - 1 }), value, fc.boolean()), {
          maxLength: 4
        }),
        edits => {
          const edited = [...lines]
          for (const [index, text, replaceValue] of edits) {
            const line = edited[index]!
            const colon = line.indexOf(':')
            edited[index] =
              replaceValue && colon >= 0 ? `${line.slice(0, colon + 1)} ${text}` : text
          }
          loadsOrExplains(edited.join('\n'))
        }
      ),
      { numRuns: 600 }
    )
  })
})
