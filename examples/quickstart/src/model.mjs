// Logistic regression fitted by mini-batch gradient descent, with standardised features and L2
// regularisation. Plain numbers in, a JSON model file out: no native code, no dependencies.
import { createRandom } from './dataset.mjs'

export const MODEL_FORMAT = 'promote-quickstart/logistic-regression@1'

export const DEFAULT_HYPERPARAMETERS = {
  seed: 7,
  learning_rate: 0.1,
  epochs: 60,
  batch_size: 32,
  l2: 0.001,
  threshold: 0.5
}

const sigmoid = z => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))

function standardisation(x) {
  const columns = x[0].length
  const mean = new Array(columns).fill(0)
  const std = new Array(columns).fill(0)
  for (const row of x) row.forEach((v, j) => (mean[j] += v / x.length))
  for (const row of x) row.forEach((v, j) => (std[j] += (v - mean[j]) ** 2 / x.length))
  return { mean, std: std.map(s => Math.sqrt(s) || 1) }
}

/** Checks the hyperparameters and fills in defaults; throws a message naming the bad one. */
export function hyperparameters(input = {}) {
  const known = Object.keys(DEFAULT_HYPERPARAMETERS)
  const params = { ...DEFAULT_HYPERPARAMETERS }
  for (const [key, value] of Object.entries(input)) {
    if (!known.includes(key)) continue
    const number = typeof value === 'string' ? Number(value) : value
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      throw new Error(`hyperparameter ${key} must be a number, got ${JSON.stringify(value)}`)
    }
    params[key] = number
  }
  const whole = ['seed', 'epochs', 'batch_size']
  for (const key of whole) {
    if (!Number.isInteger(params[key]) || params[key] < (key === 'seed' ? 0 : 1)) {
      throw new Error(
        `hyperparameter ${key} must be a whole number${key === 'seed' ? '' : ' >= 1'}, got ${params[key]}`
      )
    }
  }
  if (params.learning_rate <= 0)
    throw new Error(`hyperparameter learning_rate must be > 0, got ${params.learning_rate}`)
  if (params.l2 < 0) throw new Error(`hyperparameter l2 must be >= 0, got ${params.l2}`)
  if (params.threshold <= 0 || params.threshold >= 1) {
    throw new Error(`hyperparameter threshold must be between 0 and 1, got ${params.threshold}`)
  }
  return params
}

/**
 * Fits the model. The seed drives the initial weights and the order of the mini-batches, so a
 * different seed (or fewer epochs, or a tiny learning rate) gives a different model.
 */
export function fit(features, x, y, input = {}) {
  const params = hyperparameters(input)
  const random = createRandom(params.seed)
  const { mean, std } = standardisation(x)
  const scaled = x.map(row => row.map((v, j) => (v - mean[j]) / std[j]))
  let weights = features.map(() => 0.5 * random.normal())
  let bias = 0
  const order = scaled.map((_, i) => i)
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    for (let start = 0; start < order.length; start += params.batch_size) {
      const batch = order.slice(start, start + params.batch_size)
      const gradient = new Array(weights.length).fill(0)
      let gradientBias = 0
      for (const i of batch) {
        const error = sigmoid(dot(weights, scaled[i]) + bias) - y[i]
        scaled[i].forEach((v, j) => (gradient[j] += (error * v) / batch.length))
        gradientBias += error / batch.length
      }
      weights = weights.map((w, j) => w - params.learning_rate * (gradient[j] + params.l2 * w))
      bias -= params.learning_rate * gradientBias
    }
  }
  return {
    format: MODEL_FORMAT,
    features: [...features],
    mean,
    std,
    weights,
    bias,
    threshold: params.threshold,
    hyperparameters: params
  }
}

function dot(a, b) {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i]
  return sum
}

/** Checks that a parsed model file is one this code can serve; throws what is wrong. */
export function checkModel(model) {
  if (!model || model.format !== MODEL_FORMAT) {
    throw new Error(`not a ${MODEL_FORMAT} model (format: ${model?.format ?? 'missing'})`)
  }
  const n = model.features?.length
  for (const key of ['mean', 'std', 'weights']) {
    if (
      !Array.isArray(model[key]) ||
      model[key].length !== n ||
      !model[key].every(Number.isFinite)
    ) {
      throw new Error(`model ${key} must be ${n} numbers, one per feature`)
    }
  }
  if (!Number.isFinite(model.bias)) throw new Error('model bias must be a number')
  return model
}

export function predictProbability(model, row) {
  return sigmoid(
    dot(
      model.weights,
      row.map((v, j) => (v - model.mean[j]) / model.std[j])
    ) + model.bias
  )
}

export function predict(model, row) {
  return predictProbability(model, row) >= model.threshold ? 1 : 0
}

/** accuracy, precision, recall and f1 of the positive class, rounded to 4 digits. */
export function evaluate(model, x, y) {
  let tp = 0
  let fp = 0
  let tn = 0
  let fn = 0
  x.forEach((row, i) => {
    const p = predict(model, row)
    if (p === 1 && y[i] === 1) tp++
    else if (p === 1) fp++
    else if (y[i] === 1) fn++
    else tn++
  })
  const precision = tp + fp ? tp / (tp + fp) : 0
  const recall = tp + fn ? tp / (tp + fn) : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  const r = v => Number(v.toFixed(4))
  return {
    accuracy: r((tp + tn) / x.length),
    f1: r(f1),
    precision: r(precision),
    recall: r(recall)
  }
}
