import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { parseConfig } from '../../src/core/config/load.js'
import { ConfigurationError } from '../../src/core/errors.js'
import { parseManifest, stringifyManifest } from '../../src/core/manifest.js'
import { acceptedJsonValue, hasNoRefusedKeys } from '../helpers/property.js'

const envName = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/)

describe('config properties', () => {
  it('approval defaults to required for every environment but the first, in any number of environments', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(envName, { minLength: 1, maxLength: 6 }),
        fc.array(fc.option(fc.boolean(), { nil: undefined }), { minLength: 6, maxLength: 6 }),
        (names, explicit) => {
          const environments = Object.fromEntries(
            names.map((name, i) => [
              name,
              {
                branch: `branch-${i}`,
                cluster: 'local',
                ...(explicit[i] !== undefined && { requireApproval: explicit[i] })
              }
            ])
          )
          const config = parseConfig(
            'promote.yaml',
            stringify({ project: 'p', model: { name: 'm' }, environments })
          )
          expect(Object.keys(config.environments)).toEqual(names)
          names.forEach((name, i) => {
            expect(config.environments[name]!.requireApproval).toBe(explicit[i] ?? i > 0)
          })
        }
      ),
      { numRuns: 200 }
    )
  })
})

/** Extra fields an MLRun export might carry; keys avoid the ones the schema types. */
const extraKey = fc.stringMatching(/^x_[a-z_]{1,10}$/)
const extraValue = acceptedJsonValue({ maxDepth: 3 }).filter(v => v !== null)

describe('property generators', () => {
  it('never generate keys the loaders refuse', () => {
    fc.assert(
      fc.property(acceptedJsonValue({ maxDepth: 4 }), value => hasNoRefusedKeys(value)),
      { numRuns: 1000 }
    )
    expect(hasNoRefusedKeys(JSON.parse('{"a": [{"__proto__": 1}]}'))).toBe(false)
  })
})

describe('manifest properties', () => {
  // Seed 317671337 once generated a `__proto__` key, which the loader rightly refuses.
  it.each([
    ['a fresh seed', {}],
    ['seed 317671337', { seed: 317671337 }],
    ['seed -1508066491', { seed: -1508066491 }]
  ])('round-trips any extra fields, at any level, unchanged (%s)', (_label, replay) => {
    fc.assert(
      fc.property(
        fc.dictionary(extraKey, extraValue, { maxKeys: 4 }),
        fc.dictionary(extraKey, extraValue, { maxKeys: 4 }),
        fc.dictionary(extraKey, extraValue, { maxKeys: 4 }),
        fc.dictionary(
          // `__proto__` matches the pattern; the loader rightly refuses it (seed -1508066491).
          fc.stringMatching(/^[a-z_]{1,12}$/).filter(name => name !== '__proto__'),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          { maxKeys: 5 }
        ),
        (top, metadata, spec, metrics) => {
          const data = {
            kind: 'model',
            metadata: { key: 'model', tag: 'challenger', project: 'p', iter: 0, ...metadata },
            spec: { model_file: 'model.pkl', metrics, ...spec },
            ...top
          }
          const first = parseManifest('model:challenger.yaml', stringifyManifest(data))
          expect(first.raw).toEqual(data)
          const second = parseManifest('model:challenger.yaml', stringifyManifest(first.raw))
          expect(second.raw).toEqual(first.raw)
          expect(second.record).toEqual(first.record)
          expect(second.record.metrics).toEqual(metrics)
        }
      ),
      { numRuns: 200, ...replay }
    )
  })

  it('the manifest loader throws only ConfigurationError on random input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.jsonValue().map(v => stringify(v))
        ),
        text => {
          try {
            parseManifest('model:challenger.yaml', text, { knownTags: ['challenger'] })
          } catch (error) {
            if (!(error instanceof ConfigurationError)) throw error
          }
        }
      ),
      { numRuns: 400 }
    )
  })
})
