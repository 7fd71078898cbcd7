// Third-party actions in our workflows and the examples' are pinned by full commit SHA with the
// version in a comment (`uses: actions/checkout@<40 hex> # v4.4.0`), the form Dependabot updates.
// Only promote-actions' own actions and reusable workflows are referenced by tag (@v1).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { REPO_ROOT } from '../helpers/shared.js'

function workflowFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap(name => {
    if (name === 'node_modules' || name === '.git') return []
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return workflowFiles(path)
    return /\.ya?ml$/.test(name) && /[/\\]\.github[/\\]workflows$/.test(dir) ? [path] : []
  })
}

const FILES = [
  ...workflowFiles(join(REPO_ROOT, '.github')),
  ...workflowFiles(join(REPO_ROOT, 'examples'))
]
const OURS = /^promote-actions\/promote-actions\/[^@\s]+@v1$/
const PINNED = /^[\w.-]+\/[\w.-]+(\/[^@\s]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/

/** Every `uses:` value of a file (steps and jobs), with its trailing comment. */
function usesOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => !/^\s*#/.test(line))
    .map(line => /^\s*(?:- )?uses:\s*(.+?)\s*$/.exec(line)?.[1])
    .filter((uses): uses is string => uses !== undefined)
}

describe('pinned actions', () => {
  it('finds the workflows', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10)
  })

  it.each(FILES.map(file => [relative(REPO_ROOT, file), file]))(
    '%s pins every third-party action by commit SHA with its version',
    (_, file) => {
      const unpinned = usesOf(file).filter(
        uses => !uses.startsWith('./') && !OURS.test(uses) && !PINNED.test(uses)
      )
      expect(unpinned).toEqual([])
    }
  )

  it('a pin without its version comment, or by tag, is caught', () => {
    const ok = 'actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0'
    expect(PINNED.test(ok)).toBe(true)
    expect(PINNED.test('actions/checkout@11d5960a326750d5838078e36cf38b85af677262')).toBe(false)
    expect(PINNED.test('actions/checkout@v4')).toBe(false)
    expect(PINNED.test('actions/checkout@11d5960 # v4.4.0')).toBe(false)
  })
})
