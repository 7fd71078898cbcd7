import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { describe as plainDescribe, expect, it } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import { ConfigurationError, type Problem } from '../../src/core/errors.js'
import {
  loadManifest,
  manifestContentHash,
  parseManifest,
  parseManifestFileName,
  stringifyManifest,
  toModelRecord,
  type ModelManifest
} from '../../src/core/manifest.js'
import { describeWithShared } from '../helpers/shared.js'
import { lineOf } from './config-helpers.js'

const { file: FIXTURE, describe } = describeWithShared('fixtures/mlrun-model-challenger.yaml')
const KNOWN_TAGS = { knownTags: ['challenger', 'champion'] }
/** The name the export gives the file in a consumer repo. */
const EXPORTED = 'artifacts/model:challenger.yaml'

function problemsOf(run: () => unknown): Problem[] {
  try {
    run()
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error
    return error.problems
  }
  throw new Error('expected a ConfigurationError')
}

describe('the real MLRun model export', () => {
  const text = FIXTURE ? readFileSync(FIXTURE, 'utf8') : ''

  it('loads unchanged and normalises into a ModelRecord', () => {
    const { record } = parseManifest(EXPORTED, text, KNOWN_TAGS)
    expect(record).toEqual({
      name: 'model',
      project: 'cicd-flow',
      version: '1e587e9e-f0e3-4ddd-9566-b7d7ff655841#2',
      tag: 'latest',
      iteration: 2,
      tree: '1e587e9e-f0e3-4ddd-9566-b7d7ff655841',
      uri: 'store://models/cicd-flow/model#2:latest@1e587e9e-f0e3-4ddd-9566-b7d7ff655841',
      location:
        's3://iguazio-demo/projects/cicd-flow/artifacts/1e587e9e-f0e3-4ddd-9566-b7d7ff655841/train/2/model/model.pkl',
      metrics: {
        accuracy: 0.8771929824561403,
        f1_score: 0.8771929824561403,
        precision_score: 0.8333333333333334,
        recall_score: 0.9259259259259259
      },
      parameters: {},
      framework: 'sklearn',
      algorithm: 'RandomForestClassifier',
      producerRun: {
        kind: 'run',
        name: 'train',
        uri: 'cicd-flow/9e1535b2de19433cad833825f19ac1da-2',
        owner: 'nick',
        workflow: '1e587e9e-f0e3-4ddd-9566-b7d7ff655841'
      },
      artifactHash: 'e0cb19de85cd8c24c26befc714a2801a9df5f919',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      updated: '2025-02-03 23:18:25.135809+00:00',
      labels: { 'workflow-id': '1e587e9e-f0e3-4ddd-9566-b7d7ff655841', framework: 'sklearn' },
      state: 'created'
    })
  })

  it('keeps every field, known or not, in the raw data and the parsed manifest', () => {
    const loaded = parseManifest(EXPORTED, text, KNOWN_TAGS)
    expect(loaded.raw).toEqual(parseYaml(text))
    const spec = loaded.manifest.spec as Record<string, unknown>
    expect(Object.keys(spec)).toEqual(
      expect.arrayContaining([
        'size',
        'extra_data',
        'license',
        'inputs',
        'outputs',
        'sources',
        'feature_stats',
        'db_key'
      ])
    )
    expect((spec.inputs as unknown[]).length).toBe(23)
    expect((spec.feature_stats as Record<string, { hist: unknown[] }>).age!.hist).toHaveLength(2)
  })

  it('round-trips: load, write back, load again gives identical data', () => {
    const first = parseManifest(EXPORTED, text, KNOWN_TAGS)
    const written = stringifyManifest(first.raw)
    const second = parseManifest(EXPORTED, written, KNOWN_TAGS)
    expect(isDeepStrictEqual(second.raw, first.raw)).toBe(true)
    expect(second.manifest).toEqual(first.manifest)
    expect(second.record).toEqual(first.record)
    // Writing is stable: a second round gives the same text.
    expect(stringifyManifest(second.raw)).toBe(written)
    // Keys keep their order.
    expect(Object.keys(second.raw)).toEqual(['metadata', 'status', 'spec', 'kind'])
  })

  it('keeps unknown fields through a round trip, at any depth', () => {
    const data = parseYaml(text) as {
      metadata: Record<string, unknown>
      spec: Record<string, unknown>
      [k: string]: unknown
    }
    data.metadata.custom_owner = 'team-ml'
    data.spec.new_mlrun_field = { nested: [1, { deep: true }] }
    data.top_level_extra = 'kept'
    const loaded = parseManifest(EXPORTED, stringifyManifest(data), KNOWN_TAGS)
    const again = parseManifest(EXPORTED, stringifyManifest(loaded.raw), KNOWN_TAGS)
    expect(again.raw).toEqual(data)
    expect((again.manifest as Record<string, unknown>).top_level_extra).toBe('kept')
    expect((again.manifest.spec as Record<string, unknown>).new_mlrun_field).toEqual({
      nested: [1, { deep: true }]
    })
  })

  it('gives the same content hash under any tag, and a different one for a different model', () => {
    const data = parseYaml(text) as {
      metadata: Record<string, unknown>
      spec: { metrics: Record<string, number> }
    }
    const original = manifestContentHash(data)
    expect(manifestContentHash({ ...data, metadata: { ...data.metadata, tag: 'champion' } })).toBe(
      original
    )
    expect(
      manifestContentHash({ ...data, spec: { ...data.spec, metrics: { accuracy: 0.5 } } })
    ).not.toBe(original)
    expect(parseManifest(EXPORTED, text, KNOWN_TAGS).record.contentHash).toBe(original)
  })

  it('accepts the file name tag when it is a configured tag, and refuses it otherwise', () => {
    expect(parseManifest(EXPORTED, text, KNOWN_TAGS).record.name).toBe('model')
    expect(parseManifest('artifacts/model:latest.yaml', text).record.tag).toBe('latest')
    const problems = problemsOf(() => parseManifest(EXPORTED, text))
    expect(problems).toEqual([
      {
        file: EXPORTED,
        line: lineOf(text, 'tag: latest'),
        column: 8,
        path: 'metadata.tag',
        message:
          "the file name's tag 'challenger' is neither the manifest's tag 'latest' nor one of (none configured)"
      }
    ])
  })

  it('refuses a file name whose key disagrees with metadata.key, at the key line', () => {
    const problems = problemsOf(() =>
      parseManifest('artifacts/churn:challenger.yaml', text, KNOWN_TAGS)
    )
    expect(problems).toEqual([
      {
        file: 'artifacts/churn:challenger.yaml',
        line: lineOf(text, 'key: model'),
        column: 8,
        path: 'metadata.key',
        message: "key 'model' disagrees with the file name, which says 'churn'"
      }
    ])
  })

  it('rejects a non-numeric metric at the metric line', () => {
    const bad = text.replace('precision_score: 0.8333333333333334', 'precision_score: high')
    const problems = problemsOf(() => parseManifest(EXPORTED, bad, KNOWN_TAGS))
    expect(problems).toEqual([
      {
        file: EXPORTED,
        line: lineOf(bad, 'precision_score: high'),
        column: 22,
        path: 'spec.metrics.precision_score',
        message: "a metric must be a number (gates compare them), got 'high'"
      }
    ])
  })

  it('loads from disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'promote-manifest-'))
    await writeFile(join(dir, 'model:challenger.yaml'), text)
    const loaded = await loadManifest(join(dir, 'model:challenger.yaml'), KNOWN_TAGS)
    expect(loaded.record.uri).toBe(
      'store://models/cicd-flow/model#2:latest@1e587e9e-f0e3-4ddd-9566-b7d7ff655841'
    )
  })
})

plainDescribe('manifests in general', () => {
  it('parses <key>:<tag>.yaml file names', () => {
    expect(parseManifestFileName('artifacts/model:challenger.yaml')).toEqual({
      key: 'model',
      tag: 'challenger'
    })
    expect(parseManifestFileName('my-model:v2.yml')).toEqual({ key: 'my-model', tag: 'v2' })
    expect(parseManifestFileName('artifacts/model.yaml')).toBeUndefined()
  })

  it('normalises a minimal manifest and one from another registry', () => {
    const minimal = parseManifest('m.yaml', 'kind: model\nmetadata: {key: m}\n')
    expect(minimal.record).toEqual({
      name: 'm',
      uri: 'store://models/default/m#0',
      metrics: {},
      parameters: {},
      contentHash: manifestContentHash({ kind: 'model', metadata: { key: 'm' } }),
      labels: {}
    })
    const mlflow = parseManifest(
      'churn:champion.yaml',
      'kind: model\nmetadata: {key: churn, tag: champion, version: 7, uri: "models:/churn/7", labels: {stage: 2}}\nspec: {metrics: {auc: 0.91}, parameters: {depth: 4}}\n'
    )
    expect(mlflow.record).toMatchObject({
      name: 'churn',
      version: '7',
      uri: 'models:/churn/7',
      metrics: { auc: 0.91 },
      parameters: { depth: 4 },
      labels: { stage: '2' }
    })
  })

  it('joins target_path and model_file once', () => {
    const record = (spec: Record<string, string>) =>
      toModelRecord({ kind: 'model', metadata: { key: 'm' }, spec } as ModelManifest)
    expect(record({ target_path: 's3://b/m/', model_file: 'model.pkl' }).location).toBe(
      's3://b/m/model.pkl'
    )
    expect(record({ target_path: 's3://b/m', model_file: 'model.pkl' }).location).toBe(
      's3://b/m/model.pkl'
    )
    expect(record({ target_path: 's3://b/m/model.pkl', model_file: 'model.pkl' }).location).toBe(
      's3://b/m/model.pkl'
    )
  })

  it('reports a bad metadata.uri, missing fields and wrong types with positions', () => {
    const text = 'kind: model\nmetadata:\n  key: m\n  uri: s3://x/y\nspec:\n  metrics: {auc: [1]}\n'
    expect(problemsOf(() => parseManifest('m.yaml', text))).toEqual([
      {
        file: 'm.yaml',
        line: 6,
        column: 18,
        path: 'spec.metrics.auc',
        message: 'a metric must be a number (gates compare them), got a list'
      }
    ])
    expect(
      problemsOf(() => parseManifest('m.yaml', text.replace('{auc: [1]}', '{auc: 1}')))
    ).toEqual([
      {
        file: 'm.yaml',
        line: 4,
        column: 8,
        path: 'metadata.uri',
        message:
          "invalid model URI 's3://x/y': unsupported scheme 's3:'; use store://, models:/, file:// or a path"
      }
    ])
    expect(
      problemsOf(() => parseManifest('m.yaml', 'metadata: {iter: -1}\n')).map(
        p => `${p.path}: ${p.message}`
      )
    ).toEqual([
      'kind: required: a string',
      'metadata.key: required: a string',
      'metadata.iter: must be at least 0, got -1'
    ])
  })

  it('rejects documents that are not manifests', () => {
    expect(problemsOf(() => parseManifest('m.yaml', '- 1\n'))[0]!.message).toBe(
      'expected a model manifest mapping (kind, metadata, spec); got a list'
    )
    expect(problemsOf(() => parseManifest('m.yaml', ''))[0]!.message).toContain(
      'the document is empty'
    )
  })

  it('names a missing manifest file', async () => {
    await expect(loadManifest('/nonexistent/model:challenger.yaml')).rejects.toThrow(
      '/nonexistent/model:challenger.yaml: manifest not found'
    )
  })
})

plainDescribe('manifestContentHash', () => {
  const manifest = () => ({
    kind: 'model',
    metadata: { key: 'm', tag: 'challenger', project: 'p', labels: { b: '1', a: '2' } },
    spec: { metrics: { f1: 0.9 }, z: [3, { y: 1, x: 2 }] },
    status: { state: 'created' }
  })

  it('is the hash deployment records already hold (computed before the copy-free rewrite)', () => {
    expect(manifestContentHash(manifest())).toBe(
      '2d250fd1b4793ac90eda966ad433c9512950274319e1b934c1e1debaf65070ff'
    )
  })

  it('changes nothing it reads', () => {
    const raw = manifest()
    manifestContentHash(raw)
    expect(raw).toEqual(manifest())
  })
})
