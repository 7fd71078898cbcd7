import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import '../helpers/property.js'
import { evaluateGates, gateTableRows } from '../../src/core/gates.js'
import { gatesSchema } from '../../src/core/config/schema.js'

const gates = (input: unknown) => gatesSchema.parse(input)

describe('metric gates', () => {
  it('passes thresholds and the champion comparison, one row per rule', () => {
    const result = evaluateGates({
      gates: gates({
        accuracy: { min: 0.8, maxDrop: 0.01 },
        latency_ms: { better: 'lower', max: 50, maxRelativeDrop: 0.1 }
      }),
      challenger: { accuracy: 0.877, latency_ms: 42 },
      champion: { accuracy: 0.88, latency_ms: 40 }
    })
    expect(result.verdict).toBe('pass')
    expect(result.results.map(r => r.rows.map(row => [row.rule, row.verdict]))).toEqual([
      [
        ['≥ 0.8', 'pass'],
        ['drop ≤ 0.01 vs champion (higher is better)', 'pass']
      ],
      [
        ['≤ 50', 'pass'],
        ['drop ≤ 10% vs champion (lower is better)', 'pass']
      ]
    ])
    expect(gateTableRows(result.results[0]!)[0]).toEqual([
      'accuracy',
      '0.877',
      '0.88',
      '-0.003 (-0.3409%)',
      '≥ 0.8',
      'PASS'
    ])
  })

  it('fails a challenger worse than the champion beyond the allowed drop, saying by how much', () => {
    // A direction alone (an environment override for a metric without a global gate) means: no worse.
    const result = evaluateGates({
      gates: { ...gates({ accuracy: { maxDrop: 0.01 } }), f1: { better: 'higher' } },
      challenger: { accuracy: 0.85, f1: 0.7 },
      champion: { accuracy: 0.88, f1: 0.71 }
    })
    expect(result.verdict).toBe('fail')
    expect(result.failures).toEqual([
      "accuracy (drop ≤ 0.01 vs champion (higher is better)): accuracy 0.85 is worse than the champion's 0.88 by 0.03; allowed 0.01",
      "f1 (not worse than champion (higher is better)): f1 0.7 is worse than the champion's 0.71 by 0.01"
    ])
  })

  it('fails below a minimum and above a maximum', () => {
    const result = evaluateGates({
      gates: gates({ accuracy: { min: 0.9 }, loss: { better: 'lower', max: 0.2 } }),
      challenger: { accuracy: 0.877, loss: 0.3 }
    })
    expect(result.failures).toEqual([
      'accuracy (≥ 0.9): accuracy 0.877 is below the minimum 0.9',
      'loss (≤ 0.2): loss 0.3 is above the maximum 0.2'
    ])
  })

  it('treats a missing or non-numeric metric that a gate needs as a failure with the reason', () => {
    const result = evaluateGates({
      gates: gates({ accuracy: { min: 0.5 }, auc: { min: 0.5 }, f1: { min: 0.5 }, r2: { min: 0 } }),
      challenger: { accuracy: 'high', f1: null, r2: Number.NaN, recall: 0.9 }
    })
    expect(result.verdict).toBe('fail')
    expect(result.failures).toEqual([
      "accuracy (≥ 0.5): the challenger's 'accuracy' is 'high' (a string), not a number",
      "auc (≥ 0.5): the challenger has no metric 'auc' (metrics: accuracy, f1, r2, recall)",
      "f1 (≥ 0.5): the challenger's 'f1' is null (null), not a number",
      "r2 (≥ 0): the challenger's 'r2' is NaN, not a finite number"
    ])
    expect(
      evaluateGates({ gates: gates({ accuracy: { min: 0.5 } }), challenger: undefined }).failures[0]
    ).toMatch(/no metric 'accuracy' \(metrics: none\)/)
  })

  it('skips champion comparisons without a champion, or when the champion lacks the metric', () => {
    const none = evaluateGates({
      gates: gates({ accuracy: { maxDrop: 0.01 } }),
      challenger: { accuracy: 0.8 }
    })
    expect(none.verdict).toBe('skip')
    expect(none.results[0]!.rows[0]).toMatchObject({
      verdict: 'skip',
      reason: 'no champion to compare with',
      champion: '—',
      delta: '—'
    })
    const lacking = evaluateGates({
      gates: gates({ accuracy: { min: 0.5, maxDrop: 0.01 } }),
      challenger: { accuracy: 0.8 },
      champion: { f1: 1 },
      championSource: 'main:artifacts/model:challenger.yaml'
    })
    expect(lacking.verdict).toBe('pass')
    expect(lacking.results[0]!.rows[1]!.reason).toBe(
      "the champion has no metric 'accuracy' (metrics: f1) (main:artifacts/model:challenger.yaml)"
    )
  })

  it('does not fail on float noise at the exact bound', () => {
    expect(
      evaluateGates({ gates: gates({ a: { min: 0.3 } }), challenger: { a: 0.1 + 0.2 } }).verdict
    ).toBe('pass')
    expect(
      evaluateGates({
        gates: gates({ a: { maxDrop: 0.1 } }),
        challenger: { a: 0.7 },
        champion: { a: 0.8 }
      }).verdict
    ).toBe('pass')
  })

  it('is symmetric in direction: lower-is-better mirrors higher-is-better', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (a, b, drop) => {
          const higher = evaluateGates({
            gates: gates({ m: { better: 'higher', maxDrop: drop } }),
            challenger: { m: a },
            champion: { m: b }
          })
          const lower = evaluateGates({
            gates: gates({ m: { better: 'lower', maxDrop: drop } }),
            challenger: { m: -a },
            champion: { m: -b }
          })
          return higher.verdict === lower.verdict
        }
      )
    )
  })
})
