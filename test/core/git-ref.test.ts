import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGitReader } from '../../src/adapters/local-git/reader.js'
import { branchNameProblem } from '../../src/core/git-ref.js'
import { problemsOf, VALID } from './config-helpers.js'

const NAMES = [
  'main',
  'development',
  'feature/new-model',
  'release-1.0',
  'a.b',
  'user@host',
  'x_y',
  '--output=pwned',
  '-x',
  'a..b',
  'a b',
  'a:b',
  'a~1',
  'a^',
  'a?',
  'a*',
  'a[b',
  'a\\b',
  'x.lock',
  'dir/x.lock/y',
  '.hidden',
  'dir/.hidden',
  'a/',
  '/a',
  'a//b',
  'a@{b',
  'trailing.',
  'tab\tname',
  'new\nline'
]

/** What git itself says: `git check-ref-format --branch` exits 0 for a valid branch name. */
function gitAccepts(name: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('branch names', () => {
  it.each(NAMES)('%j is accepted exactly when git accepts it', name => {
    expect(branchNameProblem(name) === undefined).toBe(gitAccepts(name))
  })

  it("refuses '@', which git reads as HEAD", () => {
    expect(branchNameProblem('@')).toBeDefined()
  })

  it('a promote.yaml branch that git would read as an option is a file:line error', () => {
    const problems = problemsOf(VALID.replace('branch: staging', 'branch: "--output=pwned"'))
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'promote.yaml',
        line: 14,
        column: 13,
        path: 'environments.staging.branch',
        message: expect.stringContaining("must not start with '-'")
      })
    ])
  })
})

describe('git reader', () => {
  it('never reads a revision as an option (--end-of-options)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promote-git-ref-'))
    try {
      execFileSync('git', ['init', '-q', dir])
      const target = join(dir, 'pwned')
      const text = await createGitReader(dir).show(`--output=${target}`, 'promote.yaml')
      expect(text).toBeUndefined()
      // `git show --output=<file>` would have written <target>:promote.yaml into the directory.
      expect(readdirSync(dir)).toEqual(['.git'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
