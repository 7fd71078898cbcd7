// The consumer's own tests, run by the lint-test action (`npm test`): node's built-in runner.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateDataset } from '../src/dataset.mjs'
import { checkModel, evaluate, fit, hyperparameters } from '../src/model.mjs'
import { startModelServer } from '../src/server.mjs'
import { testModelServer } from '../src/tester.mjs'

const dataset = generateDataset()

test('the dataset is the same on every call', () => {
  assert.deepEqual(generateDataset(), dataset)
  assert.equal(dataset.train.x.length, 750)
  assert.equal(dataset.test.x.length, 250)
})

test('the default hyperparameters learn the data', () => {
  const model = checkModel(fit(dataset.features, dataset.train.x, dataset.train.y))
  const metrics = evaluate(model, dataset.test.x, dataset.test.y)
  assert.ok(metrics.accuracy > 0.8, `accuracy ${metrics.accuracy}`)
  assert.ok(metrics.f1 > 0.8, `f1 ${metrics.f1}`)
})

test('bad hyperparameters are refused by name', () => {
  assert.throws(() => hyperparameters({ epochs: 0 }), /epochs/)
  assert.throws(() => hyperparameters({ learning_rate: 'fast' }), /learning_rate/)
})

test('the model server answers the V2 protocol', async () => {
  const model = fit(dataset.features, dataset.train.x, dataset.train.y, { epochs: 5 })
  const server = await startModelServer({ model, name: 'heart-classifier' })
  try {
    const report = await testModelServer({
      url: server.url,
      name: 'heart-classifier',
      rows: dataset.test.x.slice(0, 10),
      labels: dataset.test.y.slice(0, 10)
    })
    assert.equal(report.errors, 0)
    assert.equal(report.total_tests, 10)
  } finally {
    await server.close()
  }
})
