import { afterAll, describe, it } from '@jest/globals'
import fc from 'fast-check'
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { commit, expectSameAsCli, git, initRepo, put, removeTempDirs } from './helpers.js'

afterAll(removeTempDirs)

// fast-check prints the seed and the counterexample when a run fails; FC_SEED replays one.
const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31

const NAMES = ['a', 'b', 'a.b', 'a-b', 'b c', 'é', 'model:x.yaml', 'z', 'a0']
const name = fc.constantFrom(...NAMES)
const content = fc.oneof(
  fc.string({ maxLength: 40 }),
  // Versions of one larger text: similar enough for git to delta them against each other.
  fc.tuple(fc.nat(50), fc.nat(199)).map(([edit, at]) => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}: ${'x'.repeat(i % 30)}`)
    lines[at] = `edited ${edit}`
    return lines.join('\n')
  })
)
const file = fc.record({
  path: fc.array(name, { minLength: 1, maxLength: 3 }),
  content: fc.oneof(
    { weight: 5, arbitrary: content.map(text => ({ text })) },
    {
      weight: 1,
      arbitrary: fc.array(name, { minLength: 1, maxLength: 3 }).map(p => ({ link: p.join('/') }))
    }
  )
})
/** A tree: files whose paths never make a file a directory of another. */
const tree = fc.array(file, { maxLength: 12 }).map(files => {
  const kept: typeof files = []
  for (const candidate of files) {
    const path = candidate.path.join('/')
    const clash = kept.some(f => {
      const other = f.path.join('/')
      return other === path || other.startsWith(`${path}/`) || path.startsWith(`${other}/`)
    })
    if (!clash) kept.push(candidate)
  }
  return kept
})
const packing = fc.constantFrom('none', 'gc', 'ofs', 'ref')
const history = fc.array(fc.record({ tree, packing }), { minLength: 1, maxLength: 4 })

describe('the in-process store on random histories', () => {
  it(`answers as git ls-tree --long / cat-file for every path of every revision (seed ${seed})`, () => {
    fc.assert(
      fc.property(history, commits => {
        const dir = initRepo()
        const revisions = ['main', 'HEAD']
        for (const [index, step] of commits.entries()) {
          for (const entry of readdirSync(dir))
            if (entry !== '.git') rmSync(join(dir, entry), { recursive: true, force: true })
          for (const f of step.tree)
            put(dir, f.path.join('/'), 'text' in f.content ? f.content.text : f.content)
          revisions.push(commit(dir, `commit ${index}`))
          if (step.packing === 'gc') git(dir, 'gc', '-q')
          if (step.packing === 'ofs') git(dir, 'repack', '-adfq', '--depth=50', '--window=50')
          if (step.packing === 'ref')
            git(dir, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-adq')
        }
        // 'c' is no generated name: these paths are absent.
        expectSameAsCli(dir, revisions, ['c', 'a/c', 'b c/a/c', 'z/z/c'])
        rmSync(dir, { recursive: true, force: true })
      }),
      { seed, numRuns: 25 }
    )
  })
})
