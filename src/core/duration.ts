import { ConfigurationError } from './errors.js'

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g

/** Parses `90m`, `2h`, `1h30m`, `45s`, `500ms` (or a bare number of seconds) into milliseconds. */
export function parseDuration(text: string | number): number {
  if (typeof text === 'number') {
    if (!Number.isFinite(text) || text < 0)
      throw new ConfigurationError(
        `invalid duration ${text}: use a number of seconds or a number with a unit, e.g. 90s, 45m, 2h`
      )
    return text * 1000
  }
  const trimmed = text.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000
  let total = 0
  let consumed = 0
  for (const match of trimmed.matchAll(PART)) {
    if (match.index !== consumed) break
    total += Number(match[1]) * UNIT_MS[match[2]!]!
    consumed += match[0].length
  }
  if (consumed === 0 || consumed !== trimmed.length) {
    throw new ConfigurationError(
      `invalid duration '${text}': use a number with a unit, e.g. 90s, 45m, 2h, 1h30m`
    )
  }
  return total
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const seconds = Math.round(ms / 1000)
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('')
}
