import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import '../helpers/property.js'
import { jobSummary } from '../../src/actions/common/log.js'
import { fitMarkdown } from '../../src/core/limits.js'

const bytes = (text: string) => new TextEncoder().encode(text).length

describe('fitMarkdown', () => {
  it('returns what fits unchanged', () => {
    expect(fitMarkdown('short', 10, 'cut')).toBe('short')
  })

  it('cuts at a line end, within the limit, closing an open code fence, with the notice last', () => {
    const line = fc.stringMatching(/^[a-zé€😀|` -]{0,40}$/u)
    fc.assert(
      fc.property(
        fc.array(fc.oneof(line, fc.constant('```')), { maxLength: 200 }),
        fc.integer({ min: 120, max: 3000 }),
        fc.constantFrom<'chars' | 'bytes'>('chars', 'bytes'),
        (lines, max, unit) => {
          const text = lines.join('\n')
          const fitted = fitMarkdown(text, max, 'See the log.', unit)
          const size = unit === 'bytes' ? bytes(fitted) : fitted.length
          expect(size).toBeLessThanOrEqual(
            Math.max(max, unit === 'bytes' ? bytes(text) : text.length)
          )
          if (fitted === text) return
          expect(size).toBeLessThanOrEqual(max)
          expect(fitted.endsWith('\n\n> [!WARNING]\n> See the log.\n')).toBe(true)
          const kept = fitted.slice(0, fitted.indexOf('\n\n> [!WARNING]'))
          expect((kept.match(/^```/gm)?.length ?? 0) % 2).toBe(0)
          const withoutClosing = kept.replace(/\n```$/, '')
          expect(text.startsWith(withoutClosing)).toBe(true)
          expect(text[withoutClosing.length] ?? '\n').toBe('\n')
          expect(fitted).not.toContain('\ufffd')
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('job summary', () => {
  const saved = process.env.GITHUB_STEP_SUMMARY
  afterEach(() => {
    jest.restoreAllMocks()
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY
    else process.env.GITHUB_STEP_SUMMARY = saved
  })

  it('stays within 1 MiB and puts the whole report in the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'))
    const file = join(dir, 'summary.md')
    writeFileSync(file, '')
    process.env.GITHUB_STEP_SUMMARY = file
    const logged: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      logged.push(String(chunk))
      return true
    })
    const items = Array.from({ length: 30_000 }, (_, i) => `feature_${i} drifted by ${i / 7} €`)
    await jobSummary.summary({
      title: 'Checks',
      verdict: 'fail',
      sections: [{ title: 'Drift', verdict: 'fail', items }]
    })
    const written = readFileSync(file)
    expect(written.length).toBeGreaterThan(900 * 1024)
    expect(written.length).toBeLessThanOrEqual(1024 * 1024)
    expect(written.toString('utf8')).toContain('cut to fit the 1 MiB job summary limit')
    expect(logged.join('')).toContain('feature_29999 drifted')
  })
})
