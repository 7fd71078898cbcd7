/**
 * `npx tsx bench/export.ts [features...]`: time of each step of `promote export` from MLRun and of
 * validating the result, for a model artifact with many feature_stats entries (each feature is
 * the fixture's shape: count, mean, std, min, quartiles, max and a 20-bin histogram, 50 values).
 * Tests never time anything; this prints the figures.
 */
import { mlrunArtifactExport, mlrunKeyOrder, parseManifest } from '../src/core/manifest.js'
import {
  dumpPyYaml,
  dumpPythonJson,
  parsePythonJson,
  type PythonDict,
  type PythonValue
} from '../src/core/yaml-export.js'

function artifact(features: number): PythonDict {
  const stats: PythonDict = new Map()
  const inputs: PythonValue[] = []
  for (let i = 0; i < features; i++) {
    const bins = Array.from({ length: 20 }, (_, b) => BigInt((i * 7 + b * 13) % 97))
    const edges = Array.from({ length: 21 }, (_, b) => b * 0.05)
    stats.set(
      `feature_${i}`,
      new Map<string, PythonValue>([
        ['count', 228],
        ['mean', 0.30701754385964913 + i],
        ['std', 0.46227159822755876],
        ['min', 0],
        ['25%', 0],
        ['50%', 0.5],
        ['75%', 1],
        ['max', 1],
        ['hist', [bins, edges]]
      ])
    )
    inputs.push(
      new Map<string, PythonValue>([
        ['value_type', 'float'],
        ['name', `feature_${i}`]
      ])
    )
  }
  return new Map<string, PythonValue>([
    [
      'metadata',
      new Map<string, PythonValue>([
        ['key', 'model'],
        ['project', 'cicd-flow'],
        ['iter', 2n],
        ['tree', '1e587e9e-f0e3-4ddd-9566-b7d7ff655841'],
        ['tag', 'latest'],
        ['uid', 'f'.repeat(40)],
        ['created', '2025-02-03 23:18:25.135809+00:00'],
        ['updated', '2025-02-03 23:18:25.135809+00:00']
      ])
    ],
    ['kind', 'model'],
    [
      'spec',
      new Map<string, PythonValue>([
        ['model_file', 'model.pkl'],
        ['target_path', 's3://bucket/model/'],
        ['db_key', 'model'],
        ['inputs', inputs],
        ['feature_stats', stats],
        ['metrics', new Map<string, PythonValue>([['accuracy', 0.877]])]
      ])
    ],
    ['status', new Map<string, PythonValue>([['state', 'created']])]
  ])
}

function timed<T>(step: () => T): [T, number] {
  const start = performance.now()
  const result = step()
  return [result, performance.now() - start]
}

const sizes = process.argv.slice(2).map(Number)
console.log('promote export from MLRun, then promote validate (ms; one run after a warm-up)\n')
console.log(
  '| features | feature_stats values | YAML | read JSON | to export | write YAML | key order | validate (parse) |'
)
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const features of sizes.length ? sizes : [23, 600, 2000]) {
  const json = dumpPythonJson(artifact(features))
  for (const round of [0, 1]) {
    const [answer, read] = timed(() => parsePythonJson(json) as PythonDict)
    const [exported, project] = timed(() => mlrunArtifactExport(answer))
    const [text, write] = timed(() => dumpPyYaml(exported))
    const [, order] = timed(() => mlrunKeyOrder(text))
    const [, validate] = timed(() =>
      parseManifest('artifacts/model:challenger.yaml', text, { knownTags: ['challenger'] })
    )
    if (round === 1)
      console.log(
        `| ${features} | ${features * 50} | ${(text.length / 1024).toFixed(0)} KiB | ${read.toFixed(0)} | ${project.toFixed(0)} | ${write.toFixed(0)} | ${order.toFixed(0)} | ${validate.toFixed(0)} |`
      )
  }
}
