import { describe, expect, it } from '@jest/globals'
import { ConfigurationError, type Problem } from '../../src/core/errors.js'
import {
  decodeUtf8,
  MAX_ALIAS_COUNT,
  MAX_YAML_BYTES,
  parseYamlSource
} from '../../src/core/yaml-source.js'
import { problemsOf, VALID } from './config-helpers.js'

function yamlProblems(text: string, maxBytes?: number): { heading: string; problems: Problem[] } {
  try {
    parseYamlSource('f.yaml', text, maxBytes === undefined ? {} : { maxBytes })
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError)
    return {
      heading: (error as Error).message.split('\n')[0]!,
      problems: (error as ConfigurationError).problems
    }
  }
  throw new Error('expected the YAML to be rejected')
}

describe('YAML with positions', () => {
  it('locates keys and values by path, falling back to the nearest parent', () => {
    const source = parseYamlSource('f.yaml', 'a:\n  b: [x, {c: 1}]\n  d: 2\n')
    expect(source.positionOf(['a', 'b', 1, 'c'])).toEqual({ line: 2, column: 14 })
    expect(source.positionOf(['a', 'd'], 'key')).toEqual({ line: 3, column: 3 })
    expect(source.positionOf(['a', 'd'])).toEqual({ line: 3, column: 6 })
    expect(source.positionOf(['a', 'missing'])).toEqual({ line: 2, column: 3 })
    expect(source.positionOf([])).toEqual({ line: 1, column: 1 })
  })

  it('reports malformed YAML with line and column, every error at once', () => {
    const { heading, problems } = yamlProblems('a: [1, 2\nb: }\n')
    expect(heading).toBe('f.yaml: invalid YAML')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every(p => p.file === 'f.yaml' && p.line! >= 1 && p.column! >= 1)).toBe(true)
  })

  it('reports duplicate keys, several documents and unknown tags', () => {
    expect(yamlProblems('a: 1\na: 2\n').problems[0]).toMatchObject({
      line: 2,
      column: 1,
      message: "duplicate key 'a'"
    })
    expect(yamlProblems('a: 1\n---\nb: 2\n').problems[0]!.message).toMatch(/multiple documents/)
    expect(yamlProblems('token: !vault secret/x\n').problems[0]).toMatchObject({
      line: 1,
      column: 8,
      message: 'Unresolved tag: !vault'
    })
  })

  it('refuses an alias bomb at its first alias, before expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level <= 8; level++) {
      const previous = String.fromCharCode(96 + level)
      const name = String.fromCharCode(97 + level)
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`)
    }
    const { problems } = yamlProblems(bomb.join('\n'))
    expect(problems).toEqual([
      {
        file: 'f.yaml',
        line: 2,
        column: 8,
        message: `cannot expand YAML aliases: Excessive alias count indicates a resource exhaustion attack (at most ${MAX_ALIAS_COUNT} alias expansions)`
      }
    ])
  })

  it('refuses __proto__ keys at any depth, at the key', () => {
    expect(yamlProblems('a:\n  b: {__proto__: {polluted: true}}\n').problems).toEqual([
      { file: 'f.yaml', line: 2, column: 7, message: "the key '__proto__' is not allowed" }
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('allows a few aliases', () => {
    expect(parseYamlSource('f.yaml', 'base: &b {x: 1}\nother: *b\n').data).toEqual({
      base: { x: 1 },
      other: { x: 1 }
    })
  })

  it('refuses a file over the size cap without parsing it', () => {
    const big = `a: '${'x'.repeat(MAX_YAML_BYTES)}'\n`
    expect(yamlProblems(big).problems).toEqual([
      {
        file: 'f.yaml',
        message: `file is ${MAX_YAML_BYTES + 6} bytes; the limit is ${MAX_YAML_BYTES} bytes`
      }
    ])
    expect(yamlProblems('a: 12345\n', 4).problems[0]!.message).toBe(
      'file is 9 bytes; the limit is 4 bytes'
    )
  })

  it('turns the same failures into ConfigurationErrors when loading promote.yaml', () => {
    expect(problemsOf(`${VALID}project: again\n`)[0]!.message).toBe("duplicate key 'project'")
    expect(problemsOf(`x: '${'y'.repeat(MAX_YAML_BYTES)}'`)[0]!.message).toMatch(
      /the limit is 1048576 bytes/
    )
  })
})

describe('problem messages', () => {
  it('read file:line:column path: message, or file: message without a position', async () => {
    const { formatProblem } = await import('../../src/core/errors.js')
    expect(
      formatProblem({ file: 'p.yaml', line: 4, column: 3, path: 'model.name', message: 'required' })
    ).toBe('p.yaml:4:3 model.name: required')
    expect(formatProblem({ file: 'p.yaml', message: 'file not found' })).toBe(
      'p.yaml: file not found'
    )
    expect(formatProblem({ path: "input 'wait'", message: 'expected true or false' })).toBe(
      "input 'wait': expected true or false"
    )
    expect(formatProblem({ message: 'plain' })).toBe('plain')
  })
})

describe('YAML budgets and accepted-but-wrong input', () => {
  it('merges `<<: *anchor` instead of keeping a key named <<', () => {
    const source = parseYamlSource(
      'f.yaml',
      'base: &base {epochs: 10, lr: 0.1}\narguments:\n  <<: *base\n  epochs: 3\n'
    )
    expect(source.data).toEqual({
      base: { epochs: 10, lr: 0.1 },
      arguments: { epochs: 3, lr: 0.1 }
    })
  })

  it('reports null and collection keys at their own position, not at 1:1', () => {
    const { problems } = yamlProblems('a: 1\nb:\n  ? [x, y]\n  : 2\n  ~: 3\n')
    expect(problems).toEqual([
      {
        file: 'f.yaml',
        line: 3,
        column: 5,
        message: 'a key must be a plain value, not a list or mapping'
      },
      { file: 'f.yaml', line: 5, column: 3, message: 'a key must not be empty or null' }
    ])
  })

  it('finds duplicates by the name they get (1 and "1" are the same property)', () => {
    expect(yamlProblems('x:\n  1: a\n  "1": b\n').problems).toEqual([
      { file: 'f.yaml', line: 3, column: 3, message: "duplicate key '1'" }
    ])
  })

  it('caps nesting depth and key count, with the position where the budget ran out', () => {
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`
    expect(yamlProblems(deep).problems).toEqual([
      { file: 'f.yaml', line: 1, column: 65, message: 'nested more than 64 levels deep' }
    ])
    // So deep that the parser itself runs out of stack: the same problem, once.
    for (const text of [
      `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      `x: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}`
    ]) {
      const { problems } = yamlProblems(text)
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatchObject({
        file: 'f.yaml',
        line: 1,
        message: 'nested more than 64 levels deep'
      })
    }
    const wide = Array.from({ length: 30 }, (_, i) => `k${i}: ${i}`).join('\n')
    expect(() => parseYamlSource('f.yaml', wide, { maxKeys: 30 })).not.toThrow()
    expect(
      (() => {
        try {
          parseYamlSource('f.yaml', wide, { maxKeys: 29 })
        } catch (error) {
          return (error as ConfigurationError).problems
        }
      })()
    ).toEqual([
      {
        file: 'f.yaml',
        line: 30,
        column: 1,
        message: 'more than 29 keys; the limit keeps validation fast'
      }
    ])
  })

  it('lists at most 50 problems, then says how many more there were', () => {
    const text = Array.from({ length: 200 }, () => 'a: 1').join('\n')
    const { heading, problems } = yamlProblems(text)
    expect(problems).toHaveLength(50)
    expect(problems[48]).toMatchObject({ line: 50, message: "duplicate key 'a'" })
    expect(problems[49]).toEqual({
      file: 'f.yaml',
      message: '...and 150 more problems (fix the ones above first)'
    })
    expect(heading).toBe('f.yaml: 199 problems')
  })

  it('refuses invalid UTF-8 with the position of the first bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('a: ok\nb: caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n')
    ])
    expect(() => decodeUtf8('f.yaml', bytes)).toThrow(ConfigurationError)
    try {
      decodeUtf8('f.yaml', bytes)
    } catch (error) {
      expect((error as ConfigurationError).problems).toEqual([
        {
          file: 'f.yaml',
          line: 2,
          column: 7,
          message: 'not valid UTF-8 (byte 0xc3 at offset 12); save the file as UTF-8'
        }
      ])
    }
    expect(decodeUtf8('f.yaml', Buffer.from('é: 1\n'))).toBe('é: 1\n')
  })
})
