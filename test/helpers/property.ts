/**
 * Shared setup for property tests.
 *
 * fast-check prints `{ seed, path }` with every failure; to replay one, run the same file with
 * `FC_SEED=<seed> FC_PATH=<path> npm test -- <file> -t '<test name>'`. Importing this module is
 * what makes those variables take effect.
 */
import fc from 'fast-check'

const seed = process.env.FC_SEED
if (seed) {
  if (!/^-?\d+$/.test(seed)) throw new Error(`FC_SEED must be an integer, got '${seed}'`)
  fc.configureGlobal({
    seed: Number(seed),
    ...(process.env.FC_PATH && { path: process.env.FC_PATH })
  })
}

/** Keys the YAML loaders rightly refuse (prototype-pollution guard in src/core/yaml-source.ts). */
const REFUSED_KEYS = new Set(['__proto__'])

/** True when no object at any depth has a key the loaders refuse. */
export function hasNoRefusedKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(hasNoRefusedKeys)
  if (value && typeof value === 'object')
    return Object.entries(value).every(([k, v]) => !REFUSED_KEYS.has(k) && hasNoRefusedKeys(v))
  return true
}

/**
 * JSON values a manifest or config may legitimately hold: `fc.jsonValue` also generates
 * `__proto__` keys, which the loader refuses by design, so a round-trip property must not get them.
 */
export function acceptedJsonValue(constraints: fc.JsonSharedConstraints = {}) {
  return fc.jsonValue(constraints).filter(hasNoRefusedKeys)
}
