import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GitCliFallback, openObjectStore } from '../../../src/adapters/local-git/object-store.js'
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

const PROMOTE = 'model:\n  name: model\n'

/** The store refuses the layout; the reader still gives the file's content, through git. */
async function expectReadThroughGit(
  dir: string,
  options: { env?: NodeJS.ProcessEnv; revision?: string; expected?: string } = {}
): Promise<void> {
  const { env = process.env, revision = 'main' } = options
  const expected = 'expected' in options ? options.expected : PROMOTE
  expect(() => openObjectStore(dir, env).entry(revision, 'promote.yaml')).toThrow(GitCliFallback)
  const { reader, calls } = countingReader(dir, { env })
  expect(await reader.show(revision, 'promote.yaml')).toBe(expected)
  expect(calls.length).toBeGreaterThan(0)
  const cli = countingReader(dir, { env, inProcess: false })
  expect(await cli.reader.show(revision, 'promote.yaml')).toBe(expected)
}

describe('layouts the object store leaves to the git CLI', () => {
  it('a sha256 repository', async () => {
    const dir = initRepo(tempDir(), '--object-format=sha256')
    put(dir, 'promote.yaml', PROMOTE)
    commit(dir, 'sha256')
    expect(() => openObjectStore(dir)).toThrow(/object format sha256/)
    await expectReadThroughGit(dir)
  })

  it('alternates (git clone --shared)', async () => {
    const source = standardRepo().dir
    const dir = join(tempDir(), 'shared')
    git(source, 'clone', '-q', '--shared', source, dir)
    expect(existsSync(join(dir, '.git', 'objects', 'info', 'alternates'))).toBe(true)
    await expectReadThroughGit(dir)
  })

  it('a blobless partial clone: a missing blob is never "not found"', async () => {
    const source = standardRepo().dir
    git(source, 'config', 'uploadpack.allowFilter', 'true')
    const dir = join(tempDir(), 'partial')
    git(source, 'clone', '-q', '--filter=blob:none', '--no-checkout', `file://${source}`, dir)
    const store = openObjectStore(dir)
    // The trees are there: an absent path is certain.
    expect(store.entry('main', 'no-such-file')).toBeUndefined()
    expect(() => store.entry('main', 'artifacts/model:challenger.yaml')).toThrow(
      /is in no pack and no loose file/
    )
    const { reader, calls } = countingReader(dir)
    expect(await reader.show('main', 'artifacts/model:challenger.yaml')).toBe(modelFile(2))
    expect(calls.length).toBeGreaterThan(0)
    expect(await reader.show('main', 'artifacts/model:champion.yaml')).toBe(modelFile(3))
  })

  it('GIT_DIR and the other variables that move the repository', async () => {
    const dir = standardRepo().dir
    await expectReadThroughGit(dir, { env: { ...process.env, GIT_DIR: join(dir, '.git') } })
    await expectReadThroughGit(dir, {
      env: { ...process.env, GIT_CEILING_DIRECTORIES: '/nowhere' }
    })
  })

  it('replace refs, unless GIT_NO_REPLACE_OBJECTS is set', async () => {
    const dir = standardRepo().dir
    const original = git(dir, 'rev-parse', 'main:promote.yaml')
    const replacement = git(dir, 'rev-parse', 'main:a/b/c/deep.txt')
    git(dir, 'replace', original, replacement)
    await expectReadThroughGit(dir, { expected: 'deep\n' })
    const env = { ...process.env, GIT_NO_REPLACE_OBJECTS: '1' }
    expect(openObjectStore(dir, env).entry('main', 'promote.yaml')?.object).toBe(original)
    const { reader, calls } = countingReader(dir, { env })
    expect(await reader.show('main', 'promote.yaml')).toBe(PROMOTE)
    expect(calls).toEqual([])
  })

  it('grafts, a reftable or unknown extension, a newer repository format', async () => {
    const grafts = standardRepo().dir
    writeFileSync(join(grafts, '.git', 'info', 'grafts'), '')
    await expectReadThroughGit(grafts)
    const reftable = standardRepo().dir
    git(reftable, 'config', 'core.repositoryformatversion', '1')
    git(reftable, 'config', 'extensions.refStorage', 'reftable')
    // git 2.39 refuses the repository (unknown extension): the reader says what the CLI says.
    const cliAnswer = await countingReader(reftable, { inProcess: false }).reader.show(
      'main',
      'promote.yaml'
    )
    expect(cliAnswer).toBeUndefined()
    await expectReadThroughGit(reftable, { expected: cliAnswer })
  })

  it('revisions that are more than a ref name', async () => {
    const repo = standardRepo()
    const store = openObjectStore(repo.dir)
    for (const revision of ['HEAD~1', 'main^{tree}', 'main@{0}', '@', repo.last.slice(0, 7)])
      expect(() => store.entry(revision, 'promote.yaml')).toThrow(GitCliFallback)
    const { reader } = countingReader(repo.dir)
    expect(await reader.show(repo.last.slice(0, 7), 'promote.yaml')).toBe(PROMOTE)
    expect(await reader.show('HEAD~1', 'artifacts/model:challenger.yaml')).toBeUndefined()
    expect(await reader.show('HEAD~0', 'artifacts/model:challenger.yaml')).toBe(modelFile(2))
  })

  it('a version 1 pack index', async () => {
    const dir = standardRepo().dir
    git(dir, '-c', 'pack.indexVersion=1', 'repack', '-adq')
    expect(() => openObjectStore(dir).entry('main', 'promote.yaml')).toThrow(
      /version 1|not a version 2/
    )
    await expectReadThroughGit(dir)
  })

  it('outside any repository', async () => {
    const dir = tempDir()
    expect(() => openObjectStore(dir)).toThrow(GitCliFallback)
    const { reader, calls } = countingReader(dir)
    expect(await reader.show('main', 'promote.yaml')).toBeUndefined()
    expect(calls.length).toBe(1)
  })
})

describe('a corrupt repository', () => {
  it('is an error naming the pack file, and the reader answers as git does', async () => {
    const dir = initRepo()
    put(dir, 'promote.yaml', PROMOTE)
    put(dir, 'big.yaml', modelFile(1))
    commit(dir, 'one')
    git(dir, 'repack', '-adq')
    const blob = git(dir, 'rev-parse', 'main:big.yaml')
    const packDir = join(dir, '.git', 'objects', 'pack')
    const idx = readdirSync(packDir).find(name => name.endsWith('.idx'))!
    const line = git(dir, 'verify-pack', '-v', join(packDir, idx))
      .split('\n')
      .find(l => l.startsWith(blob))!
    const offset = Number(line.split(/ +/)[4])
    const packFile = join(packDir, idx.replace(/\.idx$/, '.pack'))
    const bytes = readFileSync(packFile)
    for (let i = offset + 20; i < offset + 60; i++) bytes[i] = bytes[i]! ^ 0x5a
    writeFileSync(packFile, bytes)
    const store = openObjectStore(dir)
    expect(() => store.readBlob(blob)).toThrow(
      new RegExp(`corrupt git repository file ${packFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
    )
    const cliAnswer = await countingReader(dir, { inProcess: false })
      .reader.show('main', 'big.yaml')
      .catch((error: unknown) => String(error))
    const answer = await countingReader(dir)
      .reader.show('main', 'big.yaml')
      .catch((error: unknown) => String(error))
    expect(answer).toEqual(cliAnswer)
  })
})
