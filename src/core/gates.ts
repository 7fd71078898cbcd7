/**
 * Metric gates: the thresholds in promote.yaml and the challenger against the champion. Pure:
 * metrics in, one row per rule out, so the summary, the PR comment and the terminal show the
 * same table (metric, challenger, champion, delta, rule, verdict).
 */
import type { GateRule, GatesConfig } from './config/schema.js'
import { formatValue, type Verdict } from './report.js'

export type GateVerdict = Extract<Verdict, 'pass' | 'fail' | 'skip'>

export interface GateRow {
  metric: string
  challenger: string
  champion: string
  delta: string
  rule: string
  verdict: GateVerdict
  /** Why it failed or was skipped. */
  reason?: string
}

export interface GateResult {
  metric: string
  better: 'higher' | 'lower'
  verdict: GateVerdict
  rows: GateRow[]
}

export interface GateInputs {
  gates: GatesConfig
  /** The challenger's metrics as read (values may be anything: that is checked here). */
  challenger: Record<string, unknown> | undefined
  /** The champion's metrics, when there is a champion. */
  champion?: Record<string, unknown> | undefined
  /** Where the champion came from, for skip reasons (e.g. "main:artifacts/model:challenger.yaml"). */
  championSource?: string
}

export interface GateEvaluation {
  verdict: GateVerdict
  results: GateResult[]
  /** Failed rows, as sentences. */
  failures: string[]
}

/** Float noise (0.1 + 0.2) must not fail a gate that is met exactly. */
const EPSILON = 1e-9

type Read = { ok: true; value: number } | { ok: false; reason: string }

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}' (a string)`
  if (typeof value === 'number') return String(value)
  return `${JSON.stringify(value)} (${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value})`
}

function readMetric(
  metrics: Record<string, unknown> | undefined,
  metric: string,
  who: string
): Read {
  if (!metrics || !(metric in metrics) || metrics[metric] === undefined) {
    const present = Object.keys(metrics ?? {})
    return {
      ok: false,
      reason: `${who} has no metric '${metric}' (metrics: ${present.join(', ') || 'none'})`
    }
  }
  const value = metrics[metric]
  if (typeof value !== 'number')
    return { ok: false, reason: `${who}'s '${metric}' is ${describe(value)}, not a number` }
  if (!Number.isFinite(value))
    return { ok: false, reason: `${who}'s '${metric}' is ${value}, not a finite number` }
  return { ok: true, value }
}

function signed(value: number): string {
  const text = formatValue(value)
  return value > 0 ? `+${text}` : text
}

function percent(fraction: number): string {
  return `${formatValue(Number((fraction * 100).toPrecision(4)))}%`
}

export function describeRule(
  name: 'min' | 'max' | 'maxDrop' | 'maxRelativeDrop' | 'noWorse',
  rule: GateRule
): string {
  switch (name) {
    case 'min':
      return `≥ ${formatValue(rule.min)}`
    case 'max':
      return `≤ ${formatValue(rule.max)}`
    case 'maxDrop':
      return `drop ≤ ${formatValue(rule.maxDrop)} vs champion (${rule.better} is better)`
    case 'maxRelativeDrop':
      return `drop ≤ ${percent(rule.maxRelativeDrop ?? 0)} vs champion (${rule.better} is better)`
    case 'noWorse':
      return `not worse than champion (${rule.better} is better)`
  }
}

function evaluateGate(metric: string, rule: GateRule, inputs: GateInputs): GateResult {
  const challenger = readMetric(inputs.challenger, metric, 'the challenger')
  const hasChampion = inputs.champion !== undefined
  const champion = hasChampion ? readMetric(inputs.champion, metric, 'the champion') : undefined
  const challengerText = challenger.ok ? formatValue(challenger.value) : '—'
  const championText = champion?.ok ? formatValue(champion.value) : '—'
  const deltaText =
    challenger.ok && champion?.ok
      ? `${signed(challenger.value - champion.value)}${champion.value !== 0 ? ` (${signed(Number((((challenger.value - champion.value) / Math.abs(champion.value)) * 100).toPrecision(4)))}%)` : ''}`
      : '—'
  const row = (
    ruleName: Parameters<typeof describeRule>[0],
    verdict: GateVerdict,
    reason?: string
  ): GateRow => ({
    metric,
    challenger: challengerText,
    champion: championText,
    delta: deltaText,
    rule: describeRule(ruleName, rule),
    verdict,
    ...(reason !== undefined && { reason })
  })
  const rows: GateRow[] = []
  const absolute = (name: 'min' | 'max', bound: number) => {
    if (!challenger.ok) return rows.push(row(name, 'fail', challenger.reason))
    const ok =
      name === 'min' ? challenger.value >= bound - EPSILON : challenger.value <= bound + EPSILON
    rows.push(
      row(
        name,
        ok ? 'pass' : 'fail',
        ok
          ? undefined
          : `${metric} ${formatValue(challenger.value)} is ${name === 'min' ? 'below the minimum' : 'above the maximum'} ${formatValue(bound)}`
      )
    )
  }
  if (rule.min !== undefined) absolute('min', rule.min)
  if (rule.max !== undefined) absolute('max', rule.max)

  // A gate with only a direction means: no worse than the champion.
  const comparisons: Array<'maxDrop' | 'maxRelativeDrop' | 'noWorse'> = []
  if (rule.maxDrop !== undefined) comparisons.push('maxDrop')
  if (rule.maxRelativeDrop !== undefined) comparisons.push('maxRelativeDrop')
  if (comparisons.length === 0 && rule.min === undefined && rule.max === undefined)
    comparisons.push('noWorse')
  for (const name of comparisons) {
    if (!challenger.ok) {
      rows.push(row(name, 'fail', challenger.reason))
      continue
    }
    if (!champion) {
      rows.push(row(name, 'skip', 'no champion to compare with'))
      continue
    }
    if (!champion.ok) {
      rows.push(
        row(
          name,
          'skip',
          `${champion.reason}${inputs.championSource ? ` (${inputs.championSource})` : ''}`
        )
      )
      continue
    }
    const worsening =
      rule.better === 'higher'
        ? champion.value - challenger.value
        : challenger.value - champion.value
    const allowed =
      name === 'maxDrop'
        ? rule.maxDrop!
        : name === 'maxRelativeDrop'
          ? rule.maxRelativeDrop! * Math.abs(champion.value)
          : 0
    const ok = worsening <= allowed + EPSILON
    const by =
      name === 'maxRelativeDrop' && champion.value !== 0
        ? percent(worsening / Math.abs(champion.value))
        : formatValue(worsening)
    const limit = name === 'maxRelativeDrop' ? percent(rule.maxRelativeDrop!) : formatValue(allowed)
    rows.push(
      row(
        name,
        ok ? 'pass' : 'fail',
        ok
          ? undefined
          : `${metric} ${formatValue(challenger.value)} is worse than the champion's ${formatValue(champion.value)} by ${by}${name === 'noWorse' ? '' : `; allowed ${limit}`}`
      )
    )
  }
  const verdict: GateVerdict = rows.some(r => r.verdict === 'fail')
    ? 'fail'
    : rows.some(r => r.verdict === 'pass')
      ? 'pass'
      : 'skip'
  return { metric, better: rule.better, verdict, rows }
}

export function evaluateGates(inputs: GateInputs): GateEvaluation {
  const results = Object.entries(inputs.gates).map(([metric, rule]) =>
    evaluateGate(metric, rule, inputs)
  )
  const failures = results.flatMap(r =>
    r.rows
      .filter(row => row.verdict === 'fail')
      .map(row => `${row.metric} (${row.rule}): ${row.reason}`)
  )
  const verdict: GateVerdict = results.some(r => r.verdict === 'fail')
    ? 'fail'
    : results.some(r => r.verdict === 'pass')
      ? 'pass'
      : 'skip'
  return { verdict, results, failures }
}

export const GATE_COLUMNS = [
  'metric',
  'challenger',
  'champion',
  'delta',
  'rule',
  'verdict'
] as const

/** Table rows for a report: the verdict cell carries the reason when there is one. */
export function gateTableRows(result: GateResult): string[][] {
  return result.rows.map(r => [
    r.metric,
    r.challenger,
    r.champion,
    r.delta,
    r.rule,
    `${r.verdict.toUpperCase()}${r.reason ? `: ${r.reason}` : ''}`
  ])
}
