// A deterministic synthetic dataset shaped like the UCI Cleveland heart-disease table: the same
// 13 features, plausible ranges, and a label drawn from a noisy logistic model of them. The data
// seed is fixed (not the training seed), so every challenger is scored on the same test set.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isMain } from './args.mjs'

export const FEATURES = [
  'age',
  'sex',
  'cp',
  'trestbps',
  'chol',
  'fbs',
  'restecg',
  'thalach',
  'exang',
  'oldpeak',
  'slope',
  'ca',
  'thal'
]
export const LABEL = 'target'
export const DATA_SEED = 20240607
export const DEFAULT_ROWS = 1000
export const TEST_FRACTION = 0.25

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; same seed, same numbers everywhere. */
export function createRandom(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const normal = () => {
    // Box-Muller; 1 - u keeps log() away from 0.
    const u = 1 - next()
    const v = next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
  const int = (min, max) => min + Math.floor(next() * (max - min + 1))
  const pick = weights => {
    let r = next() * weights.reduce((a, b) => a + b, 0)
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i
    return weights.length - 1
  }
  return { next, normal, int, pick }
}

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x))
const round = (x, digits = 0) => Number(x.toFixed(digits))

function sampleRow(random) {
  const age = round(clamp(54 + 9 * random.normal(), 29, 77))
  const sex = random.next() < 0.68 ? 1 : 0
  const cp = random.pick([0.47, 0.17, 0.28, 0.08])
  const trestbps = round(clamp(131 + 17 * random.normal() + 0.3 * (age - 54), 94, 200))
  const chol = round(clamp(246 + 50 * random.normal(), 126, 564))
  const fbs = random.next() < 0.15 ? 1 : 0
  const restecg = random.pick([0.49, 0.49, 0.02])
  const thalach = round(clamp(150 + 22 * random.normal() - 0.9 * (age - 54), 71, 202))
  const exang = random.next() < 0.33 ? 1 : 0
  const oldpeak = round(clamp(1 + 1.1 * Math.abs(random.normal()) - 0.5 + exang * 0.6, 0, 6.2), 1)
  const slope = random.pick([0.07, 0.46, 0.47])
  const ca = random.pick([0.58, 0.22, 0.13, 0.07])
  const thal = random.pick([0.01, 0.06, 0.55, 0.38])
  return [age, sex, cp, trestbps, chol, fbs, restecg, thalach, exang, oldpeak, slope, ca, thal]
}

/** The generating model: heart disease is likelier with age, male sex, ca, oldpeak, exang, thal. */
function diseaseProbability([
  age,
  sex,
  cp,
  trestbps,
  chol,
  ,
  ,
  thalach,
  exang,
  oldpeak,
  slope,
  ca,
  thal
]) {
  const z =
    -1.1 +
    0.045 * (age - 54) +
    0.9 * sex -
    0.75 * cp +
    0.012 * (trestbps - 131) +
    0.004 * (chol - 246) -
    0.035 * (thalach - 150) +
    1.0 * exang +
    0.6 * (oldpeak - 1) -
    0.5 * (slope - 1.4) +
    0.95 * ca +
    0.8 * (thal - 2.3)
  return 1 / (1 + Math.exp(-1.6 * z))
}

/**
 * Rows and labels, split into train and test. Same arguments, same data, on any machine.
 * @returns {{features: string[], train: {x: number[][], y: number[]}, test: {x: number[][], y: number[]}}}
 */
export function generateDataset({
  rows = DEFAULT_ROWS,
  seed = DATA_SEED,
  testFraction = TEST_FRACTION
} = {}) {
  const random = createRandom(seed)
  const x = []
  const y = []
  for (let i = 0; i < rows; i++) {
    const row = sampleRow(random)
    x.push(row)
    y.push(random.next() < diseaseProbability(row) ? 1 : 0)
  }
  const testRows = Math.round(rows * testFraction)
  const cut = rows - testRows
  return {
    features: [...FEATURES],
    train: { x: x.slice(0, cut), y: y.slice(0, cut) },
    test: { x: x.slice(cut), y: y.slice(cut) }
  }
}

function toCsv(split) {
  const lines = [[...FEATURES, LABEL].join(',')]
  split.x.forEach((row, i) => lines.push([...row, split.y[i]].join(',')))
  return `${lines.join('\n')}\n`
}

/** Writes data/train.csv and data/test.csv so people can look at what the model learns from. */
export function writeDataset(dir, dataset = generateDataset()) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'train.csv'), toCsv(dataset.train))
  writeFileSync(join(dir, 'test.csv'), toCsv(dataset.test))
  return dataset
}

if (isMain(import.meta.url)) {
  const dataset = writeDataset(process.argv[2] ?? 'data')
  console.log(`wrote ${dataset.train.y.length} training and ${dataset.test.y.length} test rows`)
}
