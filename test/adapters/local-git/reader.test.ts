import { afterAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import type { GitReader } from '../../../src/app/validate.js'
import { ConfigurationError } from '../../../src/core/errors.js'
import {
  commit,
  countingReader,
  git,
  initRepo,
  modelFile,
  put,
  removeTempDirs,
  standardRepo,
  tempDir
} from './helpers.js'

afterAll(removeTempDirs)

type Outcome = { text: string | undefined } | { problems: unknown } | { error: string }

async function outcome(reader: GitReader, revision: string, path: string): Promise<Outcome> {
  try {
    return { text: await reader.show(revision, path) }
  } catch (error) {
    return error instanceof ConfigurationError
      ? { problems: error.problems }
      : { error: String(error) }
  }
}

const PATHS = [
  'promote.yaml',
  'artifacts/model:v1.yaml',
  'artifacts/model:champion.yaml',
  'artifacts/model:challenger.yaml',
  'artifacts/model:none.yaml',
  'a/b/c/deep.txt',
  'a/b/../b/c/deep.txt',
  './promote.yaml',
  'a',
  'a/',
  '',
  '.',
  '..',
  '/promote.yaml',
  'bin/run.sh',
  'empty.txt',
  'spaces in name.txt',
  'ünïcödé.yaml',
  'link-to-dir',
  'link-to-dir/c/deep.txt',
  'absolute-link',
  'climbing-link',
  'vendor/submodule',
  'vendor/submodule/x',
  'a/b/c/deep.txt/x',
  '*.yaml',
  'artifacts/*'
]

describe('createGitReader, in process', () => {
  it('spawns no git for a loose or a packed repository', async () => {
    const repo = standardRepo()
    for (const packed of [false, true]) {
      if (packed) git(repo.dir, 'gc', '-q')
      const { reader, calls } = countingReader(repo.dir)
      expect(await reader.show('main', 'artifacts/model:champion.yaml')).toBe(modelFile(3))
      expect(await reader.show('main', 'artifacts/model:challenger.yaml')).toBe(modelFile(2))
      expect(await reader.show('v1', 'artifacts/model:challenger.yaml')).toBeUndefined()
      expect(await reader.show('no-such-branch', 'promote.yaml')).toBeUndefined()
      expect(await reader.show('origin/main', 'promote.yaml')).toBeUndefined()
      await expect(reader.show('main', 'a')).rejects.toThrow('is a directory, not a file')
      expect(calls).toEqual([])
    }
  })

  it('gives the results and errors the git CLI reader gives', async () => {
    const repo = standardRepo()
    // Every path at a few revisions, a few paths at the others.
    const everyPath = ['main', 'v1-outer', 'tree-tag', repo.first]
    const fewPaths = ['promote.yaml', 'artifacts/model:champion.yaml', 'a', 'no-such-file']
    const revisions = [
      ...everyPath,
      'HEAD',
      'v1',
      'light',
      repo.tree,
      'no-such-branch',
      'origin/main',
      // Left to the CLI: the answers must still be the CLI's.
      'HEAD~1',
      'main^{tree}',
      'main@{0}',
      '@',
      repo.last.slice(0, 10),
      '--output=x',
      'main:promote.yaml'
    ]
    for (const packed of [false, true]) {
      if (packed) git(repo.dir, 'gc', '-q')
      const inProcess = countingReader(repo.dir)
      const cli = countingReader(repo.dir, { inProcess: false })
      for (const revision of revisions) {
        for (const path of everyPath.includes(revision) ? PATHS : fewPaths) {
          const expected = await outcome(cli.reader, revision, path)
          expect({ revision, path, ...(await outcome(inProcess.reader, revision, path)) }).toEqual({
            revision,
            path,
            ...expected
          })
        }
      }
      expect(cli.calls.length).toBeGreaterThan(revisions.length * fewPaths.length)
      // Only what the in-process reader leaves to git went to git.
      expect(inProcess.calls.length).toBeLessThan(cli.calls.length / 2)
    }
  })

  it('fetches a missing origin/<branch> once, then reads it in process', async () => {
    const source = initRepo()
    put(source, 'promote.yaml', 'on: main\n')
    commit(source, 'main')
    git(source, 'checkout', '-q', '-b', 'production')
    put(source, 'artifacts/model:champion.yaml', 'champion: true\n')
    commit(source, 'production')
    git(source, 'checkout', '-q', 'main')
    const dir = join(tempDir(), 'clone')
    git(source, 'clone', '-q', '--depth', '1', '--single-branch', `file://${source}`, dir)
    const { reader, calls } = countingReader(dir, { fetchMissing: true })
    expect(await reader.show('origin/production', 'artifacts/model:champion.yaml')).toBe(
      'champion: true\n'
    )
    expect(await reader.show('origin/production', 'promote.yaml')).toBe('on: main\n')
    expect(await reader.show('origin/nothing', 'promote.yaml')).toBeUndefined()
    expect(await reader.show('origin/nothing', 'promote.yaml')).toBeUndefined()
    expect(calls.map(args => args[0])).toEqual(['fetch', 'fetch'])
  })
})
