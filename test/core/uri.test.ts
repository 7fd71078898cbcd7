import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import '../helpers/property.js'
import { ConfigurationError } from '../../src/core/errors.js'
import {
  describeModelUri,
  formatModelUri,
  parseModelUri,
  STORE_KINDS,
  UriError,
  type ModelUri
} from '../../src/core/uri.js'

function errorOf(uri: string): string {
  try {
    parseModelUri(uri)
  } catch (error) {
    expect(error).toBeInstanceOf(UriError)
    // A user mistake: entry points print it without a stack trace.
    expect(error).toBeInstanceOf(ConfigurationError)
    return (error as Error).message
  }
  throw new Error(`expected '${uri}' to be rejected`)
}

describe('MLRun store URIs', () => {
  it('parses every part and defaults the iteration to 0', () => {
    expect(parseModelUri('store://models/cicd-flow/model')).toEqual({
      scheme: 'store',
      kind: 'models',
      project: 'cicd-flow',
      key: 'model',
      iter: 0
    })
    expect(
      parseModelUri('store://models/cicd-flow/model#2:latest@1e587e9e-f0e3-4ddd-9566-b7d7ff655841')
    ).toEqual({
      scheme: 'store',
      kind: 'models',
      project: 'cicd-flow',
      key: 'model',
      iter: 2,
      tag: 'latest',
      tree: '1e587e9e-f0e3-4ddd-9566-b7d7ff655841'
    })
    expect(parseModelUri('store://models/p/k:challenger')).toMatchObject({
      iter: 0,
      tag: 'challenger'
    })
    expect(parseModelUri('store://models/p/k@tree1')).toMatchObject({ iter: 0, tree: 'tree1' })
    expect(parseModelUri('store://models/p/k#3')).toMatchObject({ iter: 3 })
    expect(parseModelUri('store://artifacts/p/k#0:v1@t^abc123')).toMatchObject({
      kind: 'artifacts',
      tag: 'v1',
      tree: 't',
      uid: 'abc123'
    })
  })

  it('parses artifacts and datasets, as in the MLRun export', () => {
    expect(
      parseModelUri(
        'store://datasets/cicd-flow/data-process-data_train:latest@1e587e9e-f0e3-4ddd-9566-b7d7ff655841'
      )
    ).toEqual({
      scheme: 'store',
      kind: 'datasets',
      project: 'cicd-flow',
      key: 'data-process-data_train',
      iter: 0,
      tag: 'latest',
      tree: '1e587e9e-f0e3-4ddd-9566-b7d7ff655841'
    })
    expect(parseModelUri('store://artifacts/p/report.html')).toMatchObject({
      kind: 'artifacts',
      key: 'report.html'
    })
  })

  it('formats with an explicit iteration', () => {
    expect(
      formatModelUri({ scheme: 'store', kind: 'models', project: 'p', key: 'k', iter: 0 })
    ).toBe('store://models/p/k#0')
    expect(formatModelUri(parseModelUri('store://models/p/k:challenger@t'))).toBe(
      'store://models/p/k#0:challenger@t'
    )
  })

  it.each([
    [
      'store://',
      "unknown store kind ''; expected store://models/<project>/<key>, store://artifacts/... or store://datasets/..."
    ],
    [
      'store://model/p/k',
      "unknown store kind 'model'; expected store://models/<project>/<key>, store://artifacts/... or store://datasets/..."
    ],
    ['store://models', 'expected store://models/<project>/<key>'],
    ['store://models/p', 'expected store://models/<project>/<key>'],
    ['store://models//k', 'expected store://models/<project>/<key>'],
    ['store://models/Cicd/k', "project 'Cicd' must be lowercase letters, digits and inner dashes"],
    ['store://models/-p/k', "project '-p' must be lowercase letters, digits and inner dashes"],
    ['store://models/p/', 'missing key after the project'],
    ['store://models/p/#1', 'missing key after the project'],
    ['store://models/p/a/b', "key 'a/b' must not contain '/'"],
    [
      'store://models/p/.k',
      "key '.k' must be letters, digits, '.', '-' or '_' (not starting with '.' or '-')"
    ],
    ['store://models/p/k#', "empty iteration after '#'"],
    ['store://models/p/k#x', "iteration 'x' must be a whole number"],
    ['store://models/p/k#-1', "iteration '-1' must be a whole number"],
    ['store://models/p/k#99999999999999999999', "iteration '99999999999999999999' is too large"],
    ['store://models/p/k:', "empty tag after ':'"],
    [
      'store://models/p/k:-x',
      "tag '-x' must be letters, digits, '.', '-' or '_' (not starting with '.' or '-')"
    ],
    ['store://models/p/k@', "empty tree after '@'"],
    ['store://models/p/k@a.b', "tree 'a.b' must be letters, digits, '-' or '_'"],
    ['store://models/p/k^', "empty uid after '^'"],
    ['store://models/p/k^a.b', "uid 'a.b' must be letters, digits, '-' or '_'"],
    ['store:models/p/k', 'MLRun store URIs start with store:// (store://models/<project>/<key>)']
  ])('rejects %s', (uri, reason) => {
    expect(errorOf(uri)).toBe(`invalid model URI '${uri}': ${reason}`)
  })
})

describe('MLflow URIs', () => {
  it('parses versions, latest and aliases', () => {
    expect(parseModelUri('models:/churn/3')).toEqual({
      scheme: 'models',
      name: 'churn',
      version: '3'
    })
    expect(parseModelUri('models:/churn/latest')).toEqual({
      scheme: 'models',
      name: 'churn',
      version: 'latest'
    })
    expect(parseModelUri('models:/churn@champion')).toEqual({
      scheme: 'models',
      name: 'churn',
      alias: 'champion'
    })
    expect(parseModelUri('models:/Churn Model v2@prod-1')).toEqual({
      scheme: 'models',
      name: 'Churn Model v2',
      alias: 'prod-1'
    })
    expect(formatModelUri({ scheme: 'models', name: 'churn', version: '3' })).toBe(
      'models:/churn/3'
    )
    expect(formatModelUri({ scheme: 'models', name: 'churn', alias: 'champion' })).toBe(
      'models:/churn@champion'
    )
  })

  it.each([
    ['models:/', 'expected models:/<name>/<version> or models:/<name>@<alias>'],
    ['models:/churn', 'missing version: models:/churn/<version> or models:/churn@<alias>'],
    ['models:/churn/', "empty version after '/'"],
    [
      'models:/churn/0',
      "version '0' must be a positive whole number or 'latest' (use models:/churn@<alias> for aliases)"
    ],
    [
      'models:/churn/v1',
      "version 'v1' must be a positive whole number or 'latest' (use models:/churn@<alias> for aliases)"
    ],
    [
      'models:/churn/Production',
      "stage 'Production' is deprecated in MLflow; use an alias: models:/churn@<alias>"
    ],
    ['models:/a/b/1', "invalid model name 'a/b' (no '/', '@' or outer spaces)"],
    ['models://churn/1', "invalid model name '/churn' (no '/', '@' or outer spaces)"],
    ['models:/churn@', "empty alias after '@'"],
    ['models:/@champion', "invalid model name '' before '@'"],
    ['models:/churn@champ.ion', "alias 'champ.ion' must be letters, digits, '-' or '_'"],
    ['models:churn/1', 'MLflow model URIs start with models:/ (models:/<name>/<version>)']
  ])('rejects %s', (uri, reason) => {
    expect(errorOf(uri)).toBe(`invalid model URI '${uri}': ${reason}`)
  })
})

describe('local paths and file URIs', () => {
  it('parses paths, file:///, file:/ and file://localhost/', () => {
    expect(parseModelUri('artifacts/model:challenger.yaml')).toEqual({
      scheme: 'file',
      path: 'artifacts/model:challenger.yaml'
    })
    expect(parseModelUri('model:challenger.yaml')).toEqual({
      scheme: 'file',
      path: 'model:challenger.yaml'
    })
    expect(parseModelUri('./model.pkl')).toEqual({ scheme: 'file', path: './model.pkl' })
    expect(parseModelUri('/srv/models/model.pkl')).toEqual({
      scheme: 'file',
      path: '/srv/models/model.pkl'
    })
    expect(parseModelUri('file:///srv/my%20models/m%23.pkl')).toEqual({
      scheme: 'file',
      path: '/srv/my models/m#.pkl'
    })
    expect(parseModelUri('file:/srv/m.pkl')).toEqual({ scheme: 'file', path: '/srv/m.pkl' })
    expect(parseModelUri('file://localhost/srv/m.pkl')).toEqual({
      scheme: 'file',
      path: '/srv/m.pkl'
    })
  })

  it('formats absolute paths as file URIs, escaping what URIs reserve', () => {
    expect(formatModelUri({ scheme: 'file', path: '/srv/my models/m#1?.pkl' })).toBe(
      'file:///srv/my%20models/m%231%3F.pkl'
    )
    expect(formatModelUri({ scheme: 'file', path: 'artifacts/model:challenger.yaml' })).toBe(
      'artifacts/model:challenger.yaml'
    )
  })

  it.each([
    ['', 'empty'],
    [' ./m.pkl', 'surrounded by spaces'],
    [
      'file:m.pkl',
      'file URIs need an absolute path (file:///dir/model.pkl); write relative paths without file:'
    ],
    [
      'file://server/share/m.pkl',
      "file URIs on another host ('server') are not supported; use file:///abs/path"
    ],
    ['file:///m.pkl?x=1', "file URIs take no query or fragment; encode '?' as %3F and '#' as %23"],
    ['file:///m%zz.pkl', 'has a malformed %-escape'],
    ['file:///m%00.pkl', 'the path contains a NUL character'],
    [
      's3://bucket/model.pkl',
      "unsupported scheme 's3:'; use store://, models:/, file:// or a path"
    ],
    [
      'https://example.com/m.pkl',
      "unsupported scheme 'https:'; use store://, models:/, file:// or a path"
    ]
  ])('rejects %j', (uri, reason) => {
    expect(errorOf(uri)).toBe(`invalid model URI '${uri}': ${reason}`)
  })

  it('refuses to format a relative path that would read back as something else', () => {
    expect(() => formatModelUri({ scheme: 'file', path: 'models:/x/1' })).toThrow(UriError)
    expect(() => formatModelUri({ scheme: 'file', path: '' })).toThrow(UriError)
    expect(() => formatModelUri({ scheme: 'file', path: '/bad\ud800' })).toThrow(UriError)
  })
})

describe('describeModelUri', () => {
  it('gives short labels', () => {
    expect(describeModelUri(parseModelUri('store://models/p/model#2:challenger'))).toBe(
      'model:challenger #2'
    )
    expect(describeModelUri(parseModelUri('models:/churn@champion'))).toBe('churn@champion')
    expect(describeModelUri(parseModelUri('models:/churn/3'))).toBe('churn v3')
  })
})

/** Generators of valid URIs of every form. */
const storeUri: fc.Arbitrary<ModelUri> = fc.record(
  {
    scheme: fc.constant('store' as const),
    kind: fc.constantFrom(...STORE_KINDS),
    project: fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/),
    key: fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/),
    iter: fc.nat(),
    tag: fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,12}$/),
    tree: fc.stringMatching(/^[A-Za-z0-9_-]{1,36}$/),
    uid: fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/)
  },
  { requiredKeys: ['scheme', 'kind', 'project', 'key', 'iter'] }
)
const mlflowName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .filter(name => !/[/@]/.test(name) && name.trim() === name && name !== '')
const mlflowUri: fc.Arbitrary<ModelUri> = fc.oneof(
  fc.record({
    scheme: fc.constant('models' as const),
    name: mlflowName,
    version: fc.oneof(fc.integer({ min: 1, max: 1e9 }).map(String), fc.constant('latest'))
  }),
  fc.record({
    scheme: fc.constant('models' as const),
    name: mlflowName,
    alias: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/)
  })
)
const absoluteFile: fc.Arbitrary<ModelUri> = fc
  .array(
    fc
      .string({ unit: 'grapheme', maxLength: 12 })
      .filter(s => !s.includes('/') && !s.includes('\0')),
    { maxLength: 6 }
  )
  .map(segments => ({ scheme: 'file' as const, path: `/${segments.join('/')}` }))
const relativeFile: fc.Arbitrary<ModelUri> = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.stringMatching(/^[A-Za-z0-9._: -]{1,12}$/), { minLength: 1, maxLength: 4 })
  )
  .map(([dot, segments]) => `${dot ? './' : ''}${segments.join('/')}`)
  .filter(path => path.trim() === path && !/^(store|models|file):/.test(path))
  .map(path => ({ scheme: 'file' as const, path }))

describe('round trip (property)', () => {
  it('parse(format(uri)) equals uri for every valid URI', () => {
    fc.assert(
      fc.property(fc.oneof(storeUri, mlflowUri, absoluteFile, relativeFile), uri => {
        expect(parseModelUri(formatModelUri(uri))).toEqual(uri)
      }),
      { numRuns: 2000 }
    )
  })

  it('format(parse(text)) is a fixed point for any text the parser accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), text => {
        let parsed: ModelUri
        try {
          parsed = parseModelUri(text)
        } catch (error) {
          expect(error).toBeInstanceOf(UriError)
          return
        }
        const formatted = (() => {
          try {
            return formatModelUri(parsed)
          } catch (error) {
            expect(error).toBeInstanceOf(UriError)
            return undefined
          }
        })()
        if (formatted !== undefined) expect(parseModelUri(formatted)).toEqual(parsed)
      }),
      { numRuns: 2000 }
    )
  })
})
