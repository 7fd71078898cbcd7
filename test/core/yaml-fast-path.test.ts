import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { ConfigurationError } from '../../src/core/errors.js'
import { MAX_MANIFEST_BYTES, parseYamlSource } from '../../src/core/yaml-source.js'
import '../helpers/property.js'
import { sharedFile } from '../helpers/shared.js'

/**
 * parseYamlSource reads with js-yaml first (10x faster) and falls back to the `yaml` library,
 * which keeps positions. Both must give the same data: the reference is `yaml`'s YAML 1.2 core
 * schema with merge keys, exactly as the fallback reads it.
 */
function reference(text: string): Outcome {
  return outcome(text, true)
}

type Outcome = { ok: true; data: unknown } | { ok: false; problems: string[] }

function outcome(text: string, referenceOnly: boolean): Outcome {
  try {
    return {
      ok: true,
      data: parseYamlSource('x.yaml', text, { maxBytes: MAX_MANIFEST_BYTES, referenceOnly }).data
    }
  } catch (error) {
    if (error instanceof ConfigurationError)
      return { ok: false, problems: error.problems.map(p => `${p.line}:${p.column} ${p.message}`) }
    throw error
  }
}

function ours(text: string): Outcome {
  return outcome(text, false)
}
/** Plain scalars whose type differs between YAML 1.1, YAML 1.2 core and js-yaml's defaults. */
const TRICKY_SCALARS = [
  '0x1F',
  '0X1F',
  '0o17',
  '0O17',
  '017',
  '0b101',
  '1_000',
  '1_000.5',
  '+12',
  '-0',
  '00',
  '.5',
  '5.',
  '-.5',
  '1e3',
  '1E-3',
  '1.5e+3',
  '.inf',
  '-.inf',
  '+.Inf',
  '.INF',
  '.nan',
  '.NaN',
  '.NAN',
  'nan',
  'inf',
  'NaN',
  'Infinity',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'yes',
  'Yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '12:30',
  '1:20:30',
  '2025-02-03',
  '2025-02-03 23:18:25.135809+00:00',
  '2001-12-14t21:59:43.10-05:00',
  '228.0',
  '228.10',
  '1.0e10',
  '123456789012345678901234567890',
  '0x',
  '0o',
  '+',
  '-',
  '.',
  'e3',
  '1e',
  '- a',
  'a b',
  'é',
  '"quoted"',
  "'single'",
  '"a\\tb"',
  "'it''s'",
  '"\\u00e9"',
  '12e03',
  '0.0',
  '-0.0'
]

const plainScalar = fc.oneof(
  fc.constantFrom(...TRICKY_SCALARS),
  fc.stringMatching(/^[a-z0-9][a-z0-9 ._-]{0,8}$/),
  fc.integer().map(String),
  // Quoted: escapes, quotes, colons, hashes and line breaks inside strings.
  fc.string({ unit: 'binary' }).map(text => JSON.stringify(text)),
  fc.string().map(text => `'${text.replaceAll("'", "''").replaceAll('\n', ' ')}'`),
  fc.constantFrom('a # comment', 'a: b', 'a:b', 'a #b', 'x-y', 'http://h:1/p?q#f', '"a" b'),
  fc.double({ noNaN: true }).map(String)
)

const key = fc.oneof(
  fc.constantFrom('1', '0x10', 'true', '1.5', 'a', 'b', 'c'),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/)
)

type Tree = string | Tree[] | Array<[string, Tree]>
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    plainScalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc
      .uniqueArray(fc.tuple(key, tie('node')), { maxLength: 4, selector: ([k]) => k })
      .map(pairs => pairs.map(([k, v]) => [k, v] as [string, Tree]) as Array<[string, Tree]>)
  )
})).node

const isPairs = (node: Tree): node is Array<[string, Tree]> =>
  Array.isArray(node) &&
  node.length > 0 &&
  Array.isArray(node[0]) &&
  node[0].length === 2 &&
  typeof node[0][0] === 'string' &&
  (node as unknown[]).every(
    item =>
      Array.isArray(item) &&
      (item as unknown[]).length === 2 &&
      typeof (item as unknown[])[0] === 'string'
  )

/** Block style, scalars written plain (so the resolver, not a quote, decides their type). */
function block(node: Tree, indent: string): string {
  if (typeof node === 'string') return ` ${node}\n`
  if (node.length === 0) return ' []\n'
  if (isPairs(node))
    return '\n' + node.map(([k, v]) => `${indent}${k}:${block(v, indent + '  ')}`).join('')
  return '\n' + (node as Tree[]).map(item => `${indent}-${block(item, indent + '  ')}`).join('')
}

/** Flow style. */
function flow(node: Tree): string {
  if (typeof node === 'string') return node
  if (isPairs(node)) return `{${node.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`
  return `[${(node as Tree[]).map(flow).join(', ')}]`
}

describe('the fast YAML reader agrees with the reference parse', () => {
  it('on every tricky plain scalar, as a value and as a key', () => {
    for (const scalar of TRICKY_SCALARS) {
      for (const text of [
        `value: ${scalar}\n`,
        `- ${scalar}\n`,
        `${scalar}: 1\n`,
        `[${scalar}]\n`
      ]) {
        const expected = reference(text)
        const got = ours(text)
        expect({ text, ...got }).toEqual({ text, ...expected })
      }
    }
  })

  it('on random documents in block and flow style (property)', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (node, useFlow) => {
        const text = useFlow ? `${flow(node)}\n` : `root:${block(node, '  ')}`
        expect(ours(text)).toEqual(reference(text))
      }),
      { numRuns: 500 }
    )
  })

  it('on the real MLRun export, byte for byte the same data', () => {
    const fixture = sharedFile('fixtures/mlrun-model-challenger.yaml')
    if (!fixture) return
    const text = readFileSync(fixture, 'utf8')
    expect(ours(text)).toEqual(reference(text))
  })

  it('refuses what the reference refuses, with its position, whichever reader ran first', () => {
    const duplicate = 'a: 1\nb: 2\na: 3\n'
    expect(() => parseYamlSource('d.yaml', duplicate)).toThrow(/duplicate key 'a'/)
    try {
      parseYamlSource('d.yaml', duplicate)
    } catch (error) {
      expect((error as ConfigurationError).problems[0]).toMatchObject({ line: 3, column: 1 })
    }
    expect(() => parseYamlSource('n.yaml', 'a:\n  null: 1\n')).toThrow(
      /key must not be empty or null/
    )
    expect(() => parseYamlSource('p.yaml', 'a:\n  __proto__: 1\n')).toThrow(/__proto__/)
    expect(ours('%YAML 1.1\n---\na: yes\n')).toEqual(reference('%YAML 1.1\n---\na: yes\n'))
  })

  it('reports positions of a document read by the fast reader', () => {
    const source = parseYamlSource('m.yaml', 'kind: model\nspec:\n  metrics:\n    accuracy: 0.9\n')
    expect(source.positionOf(['spec', 'metrics', 'accuracy'])).toEqual({ line: 4, column: 15 })
    expect(source.positionOf(['spec', 'metrics', 'accuracy'], 'key')).toEqual({
      line: 4,
      column: 5
    })
  })
})
