import { describe, expect, it } from '@jest/globals'
import { ConfigurationError } from '../../src/core/errors.js'
import { formatDuration, parseDuration } from '../../src/core/duration.js'
import { canonicalJson, sha256 } from '../../src/core/hash.js'

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1d', 86_400_000],
    ['500ms', 500],
    ['1.5h', 5_400_000],
    ['120', 120_000],
    [' 5m ', 300_000],
    [30, 30_000]
  ])('parses %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each(['', 'm', '90x', '1h 30m', '-5m', 'h1', '5mm', '1e3s'])('rejects %j', text => {
    expect(() => parseDuration(text)).toThrow(/invalid duration/)
    expect(() => parseDuration(text)).toThrow(ConfigurationError)
  })

  it('rejects negative and non-finite numbers', () => {
    expect(() => parseDuration(-1)).toThrow(
      'invalid duration -1: use a number of seconds or a number with a unit, e.g. 90s, 45m, 2h'
    )
    expect(() => parseDuration(Infinity)).toThrow()
  })

  it('formats for people', () => {
    expect(formatDuration(450)).toBe('450ms')
    expect(formatDuration(90_000)).toBe('1m30s')
    expect(formatDuration(5_400_000)).toBe('1h30m')
    expect(formatDuration(0)).toBe('0ms')
    expect(formatDuration(1000)).toBe('1s')
  })
})

describe('hashing', () => {
  it('hashes equal data equally, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}'
    )
    expect(sha256(canonicalJson({ x: 1, y: 2 }))).toBe(sha256(canonicalJson({ y: 2, x: 1 })))
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
