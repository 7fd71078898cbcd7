// The training step: generate the data, fit the classifier with the given seed and
// hyperparameters, score it on the held-out test set, register it in the file registry, and
// hand the model URI and metrics back to the orchestrator.
//   node src/train.mjs --seed 7 --epochs 60 --learning_rate 0.1
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generateDataset, writeDataset } from './dataset.mjs'
import { evaluate, fit } from './model.mjs'
import { DEFAULT_REGISTRY, registerModel } from './registry.mjs'
import { readArguments, runMain, writeResults, isMain } from './args.mjs'

/** Trains, evaluates and registers one model; returns the step's results. */
export function train(args = {}, { cwd = process.cwd(), log = console.log } = {}) {
  const name = String(args.model_name ?? 'heart-classifier')
  const project = String(args.project ?? process.env.PROMOTE_PROJECT ?? 'quickstart')
  const outputDir = join(cwd, String(args.output_dir ?? 'out'))
  const dataset = args.write_data === false ? generateDataset() : writeDataset(join(cwd, 'data'))
  log(
    `dataset: ${dataset.train.y.length} training rows, ${dataset.test.y.length} test rows, ${dataset.features.length} features`
  )

  const model = fit(dataset.features, dataset.train.x, dataset.train.y, args)
  const params = model.hyperparameters
  log(
    `hyperparameters: ${Object.entries(params)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`
  )
  const metrics = evaluate(model, dataset.test.x, dataset.test.y)
  const trainMetrics = evaluate(model, dataset.train.x, dataset.train.y)
  for (const [metric, value] of Object.entries(metrics)) log(`metric ${metric}: ${value}`)
  log(`metric train_accuracy: ${trainMetrics.accuracy}`)

  mkdirSync(outputDir, { recursive: true })
  const modelFile = join(outputDir, 'model.json')
  writeFileSync(modelFile, `${JSON.stringify(model, null, 2)}\n`)
  writeFileSync(
    join(outputDir, 'metrics.json'),
    `${JSON.stringify({ ...metrics, train_accuracy: trainMetrics.accuracy }, null, 2)}\n`
  )
  log(`model written to ${modelFile}`)

  const registered = registerModel({
    root: String(args.registry ?? DEFAULT_REGISTRY),
    cwd,
    name,
    project,
    modelFile,
    metrics,
    parameters: params,
    labels: { framework: 'javascript', dataset: 'synthetic-heart' },
    producer: {
      kind: 'command',
      name: 'train',
      ...(process.env.PROMOTE_RUN_ID && { uri: process.env.PROMOTE_RUN_ID })
    }
  })
  log(`registered ${registered.uri} (version ${registered.version})`)
  return {
    model_uri: registered.uri,
    model_version: registered.version,
    ...metrics,
    train_accuracy: trainMetrics.accuracy
  }
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    const results = train(readArguments())
    writeResults(results)
    return 0
  })
}
