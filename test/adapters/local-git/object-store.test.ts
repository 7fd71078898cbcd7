import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openObjectStore } from '../../../src/adapters/local-git/object-store.js'
import {
  commit,
  expectSameAsCli,
  git,
  initRepo,
  modelFile,
  put,
  removeTempDirs,
  STANDARD_ABSENT,
  standardRepo,
  standardRevisions,
  tempDir
} from './helpers.js'

afterAll(removeTempDirs)

/** A history of many similar versions of a large-ish file: what git stores as delta chains. */
function historyRepo(versions = 40): { dir: string; commits: string[] } {
  const dir = initRepo()
  const commits: string[] = []
  put(dir, 'promote.yaml', 'model:\n  name: model\n')
  for (let version = 0; version < versions; version++) {
    put(dir, 'artifacts/model:challenger.yaml', modelFile(version))
    if (version % 5 === 0) put(dir, `artifacts/model:v${version}.yaml`, modelFile(version, 300))
    commits.push(commit(dir, `version ${version}`))
  }
  return { dir, commits }
}

/**
 * The pack's deltified blobs (from `git verify-pack -v`), with the entry type byte read at each
 * one's offset: 6 for OFS_DELTA, 7 for REF_DELTA.
 */
function packedDeltas(dir: string): Array<{ depth: number; entryType: number }> {
  const packDir = join(dir, '.git', 'objects', 'pack')
  const idx = readdirSync(packDir).filter(name => name.endsWith('.idx'))
  expect(idx).toHaveLength(1)
  const pack = readFileSync(join(packDir, idx[0]!.replace(/\.idx$/, '.pack')))
  return git(dir, 'verify-pack', '-v', join(packDir, idx[0]!))
    .split('\n')
    .map(line => /^[0-9a-f]{40} blob +\d+ \d+ (\d+) (\d+) [0-9a-f]{40}$/.exec(line))
    .filter(match => match !== null)
    .map(match => ({ depth: Number(match[2]), entryType: (pack[Number(match[1])]! >> 4) & 7 }))
}

describe('the in-process object store answers as git ls-tree --long and git cat-file', () => {
  it('reads loose objects and loose refs', () => {
    const repo = standardRepo()
    expect(readdirSync(join(repo.dir, '.git', 'objects', 'pack'))).toEqual([])
    expect(existsSync(join(repo.dir, '.git', 'refs', 'heads', 'main'))).toBe(true)
    expect(expectSameAsCli(repo.dir, standardRevisions(repo), STANDARD_ABSENT)).toBeGreaterThan(100)
  })

  it('reads packed objects and packed-refs after git gc', () => {
    const repo = standardRepo()
    git(repo.dir, 'gc', '-q')
    expect(existsSync(join(repo.dir, '.git', 'packed-refs'))).toBe(true)
    expect(existsSync(join(repo.dir, '.git', 'refs', 'heads', 'main'))).toBe(false)
    expect(git(repo.dir, 'count-objects', '-v')).toMatch(/^count: 0$/m)
    expect(expectSameAsCli(repo.dir, standardRevisions(repo), STANDARD_ABSENT)).toBeGreaterThan(100)
  })

  it('applies OFS_DELTA chains (git repack -adf --depth=50 --window=250)', () => {
    const { dir, commits } = historyRepo()
    git(dir, 'repack', '-adfq', '--depth=50', '--window=250')
    const deltas = packedDeltas(dir)
    expect(deltas.length).toBeGreaterThan(20)
    expect(new Set(deltas.map(d => d.entryType))).toEqual(new Set([6]))
    expect(Math.max(...deltas.map(d => d.depth))).toBeGreaterThan(1)
    expect(expectSameAsCli(dir, ['main', ...commits])).toBeGreaterThan(200)
  })

  it('applies REF_DELTA chains (repack.useDeltaBaseOffset=false)', () => {
    const { dir, commits } = historyRepo(25)
    git(dir, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-adfq', '--depth=50')
    const deltas = packedDeltas(dir)
    expect(deltas.length).toBeGreaterThan(10)
    expect(new Set(deltas.map(d => d.entryType))).toEqual(new Set([7]))
    expect(Math.max(...deltas.map(d => d.depth))).toBeGreaterThan(1)
    expect(expectSameAsCli(dir, ['main', ...commits])).toBeGreaterThan(100)
  })

  it('reads loose objects beside packed ones, and a loose ref over its packed-refs line', () => {
    const { dir, commits } = historyRepo(10)
    git(dir, 'gc', '-q')
    put(dir, 'artifacts/model:challenger.yaml', modelFile(99))
    const newest = commit(dir, 'after gc')
    expect(git(dir, 'count-objects', '-v')).toMatch(/^count: [1-9]/m)
    expect(readFileSync(join(dir, '.git', 'packed-refs'), 'utf8')).toContain('refs/heads/main')
    expect(readFileSync(join(dir, '.git', 'refs', 'heads', 'main'), 'utf8').trim()).toBe(newest)
    expect(expectSameAsCli(dir, ['main', newest, ...commits])).toBeGreaterThan(50)
  })

  it('resolves remote-tracking branches and the symbolic origin/HEAD', () => {
    const source = standardRepo()
    const dir = join(tempDir(), 'clone')
    git(source.dir, 'clone', '-q', `file://${source.dir}`, dir)
    expect(git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD')).toBe('refs/remotes/origin/main')
    const revisions = [
      'origin/main',
      'origin',
      'origin/HEAD',
      'remotes/origin/main',
      'refs/remotes/origin/main',
      'origin/no-such-branch',
      'main',
      'v1'
    ]
    expect(expectSameAsCli(dir, revisions, STANDARD_ABSENT)).toBeGreaterThan(50)
    // A fetched commit: the remote-tracking branch is now a loose ref.
    put(source.dir, 'promote.yaml', 'model:\n  name: renamed\n')
    commit(source.dir, 'renamed')
    git(dir, 'fetch', '-q')
    expect(existsSync(join(dir, '.git', 'refs', 'remotes', 'origin', 'main'))).toBe(true)
    expect(openObjectStore(dir).entry('origin/main', 'promote.yaml')).toEqual(
      openObjectStore(source.dir).entry('main', 'promote.yaml')
    )
    expect(expectSameAsCli(dir, revisions, STANDARD_ABSENT)).toBeGreaterThan(50)
  })

  it('reads a worktree through its .git file and commondir, from a subdirectory too', () => {
    const repo = standardRepo()
    git(repo.dir, 'gc', '-q')
    const worktree = join(tempDir(), 'worktree')
    git(repo.dir, 'worktree', 'add', '-q', '-b', 'feature', worktree)
    expect(lstatSync(join(worktree, '.git')).isFile()).toBe(true)
    put(worktree, 'promote.yaml', 'model:\n  name: feature\n')
    const feature = commit(worktree, 'feature')
    const revisions = ['HEAD', 'feature', 'main', 'v1', feature, 'no-such-branch']
    expect(expectSameAsCli(worktree, revisions, STANDARD_ABSENT)).toBeGreaterThan(50)
    expect(expectSameAsCli(join(worktree, 'a', 'b'), revisions)).toBeGreaterThan(50)
    // HEAD is the worktree's own.
    expect(openObjectStore(worktree).entry('HEAD', 'promote.yaml')?.object).toBe(
      git(worktree, 'rev-parse', 'feature:promote.yaml')
    )
    expect(openObjectStore(repo.dir).entry('HEAD', 'promote.yaml')?.object).toBe(
      git(repo.dir, 'rev-parse', 'main:promote.yaml')
    )
  })

  it('reads a shallow clone', () => {
    const { dir: source } = historyRepo(5)
    const dir = join(tempDir(), 'shallow')
    git(source, 'clone', '-q', '--depth', '1', `file://${source}`, dir)
    expect(existsSync(join(dir, '.git', 'shallow'))).toBe(true)
    expect(expectSameAsCli(dir, ['HEAD', 'main', 'origin/main', 'origin'])).toBeGreaterThan(10)
  })

  it('gives symbolic links and gitlinks as ls-tree does', () => {
    const repo = standardRepo()
    const store = openObjectStore(repo.dir)
    expect(store.entry('main', 'artifacts/model:champion.yaml')).toMatchObject({
      mode: '120000',
      type: 'blob',
      size: 'model:v1.yaml'.length
    })
    expect(store.entry('main', 'vendor/submodule')).toEqual({
      mode: '160000',
      type: 'commit',
      object: repo.first
    })
    expect(store.entry('main', 'a/b')).toMatchObject({ mode: '040000', type: 'tree' })
    expect(store.entry('main', 'bin/run.sh')).toMatchObject({ mode: '100755', type: 'blob' })
  })
})
