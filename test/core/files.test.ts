import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import fc from 'fast-check'
import '../helpers/property.js'
import { createGitReader } from '../../src/adapters/local-git/reader.js'
import { parseConfig } from '../../src/core/config/load.js'
import { ConfigurationError, type Problem } from '../../src/core/errors.js'
import {
  listManifestFiles,
  MAX_WALK_DEPTH,
  readRepoText,
  requireDirectoryInside
} from '../../src/core/fs.js'
import { parseManifestFileName } from '../../src/core/manifest.js'
import { isInside, modelKeyProblem, outsideRepositoryProblem } from '../../src/core/paths.js'
import { problemsOf, VALID } from './config-helpers.js'

/** parseConfig's problems, none for a valid config. */
function configProblemsOf(text: string): Problem[] {
  try {
    parseConfig('promote.yaml', text)
    return []
  } catch (error) {
    return (error as ConfigurationError).problems
  }
}

const SECRET_LINE = 'root:x:0:0:OUTSIDE-SECRET-LINE:/root:/bin/bash'

/** A repository directory and, beside it (outside), a file and a directory it must never read. */
function layout(): { repo: string; outsideFile: string; outsideDir: string } {
  const base = mkdtempSync(join(tmpdir(), 'files-'))
  const repo = join(base, 'repo')
  const outsideDir = join(base, 'outside')
  mkdirSync(repo)
  mkdirSync(outsideDir)
  const outsideFile = join(outsideDir, 'passwd.yaml')
  writeFileSync(outsideFile, `${SECRET_LINE}\n`)
  return { repo, outsideFile, outsideDir }
}

function put(dir: string, file: string, text: string | Buffer): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true })
  writeFileSync(join(dir, file), text)
}

async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ConfigurationError)
  const problems = (error as ConfigurationError).problems
  expect(problems).toHaveLength(1)
  return problems[0]!
}

describe('readRepoText', () => {
  const read = (repo: string, file: string, maxBytes = 1024) =>
    readRepoText(repo, join(repo, file), { shown: file, maxBytes })

  it('reads files and links that stay inside the repository', async () => {
    const { repo } = layout()
    put(repo, 'manifests/model.yaml', 'kind: model\n')
    symlinkSync('manifests/model.yaml', join(repo, 'link.yaml'))
    expect(await read(repo, 'manifests/model.yaml')).toBe('kind: model\n')
    expect(await read(repo, 'link.yaml')).toBe('kind: model\n')
  })

  it('refuses, naming the file in plain words, what it cannot or must not read', async () => {
    const { repo, outsideFile, outsideDir } = layout()
    symlinkSync(outsideFile, join(repo, 'absolute.yaml'))
    symlinkSync('../outside/passwd.yaml', join(repo, 'relative.yaml'))
    symlinkSync(outsideDir, join(repo, 'dir-out'))
    mkdirSync(join(repo, 'subdir'))
    symlinkSync('subdir', join(repo, 'dir.yaml'))
    symlinkSync('missing.yaml', join(repo, 'dangling.yaml'))
    symlinkSync('loop-b.yaml', join(repo, 'loop-a.yaml'))
    symlinkSync('loop-a.yaml', join(repo, 'loop-b.yaml'))
    put(repo, 'latin1.yaml', Buffer.from('a: 1\nname: caf\xe9\n', 'latin1'))
    put(repo, 'big.yaml', 'x'.repeat(2000))
    execFileSync('mkfifo', [join(repo, 'fifo.yaml')])

    const outside = 'is a symbolic link to a file outside the repository; it was not read'
    expect(await problemOf(read(repo, 'absolute.yaml'))).toEqual({
      file: 'absolute.yaml',
      message: outside
    })
    expect((await problemOf(read(repo, 'relative.yaml'))).message).toBe(outside)
    // Through a linked directory that leads out: still outside.
    expect((await problemOf(read(repo, 'dir-out/passwd.yaml'))).message).toBe(
      'is outside the repository; it was not read'
    )
    expect(await problemOf(read(repo, 'dir.yaml'))).toEqual({
      file: 'dir.yaml',
      message: 'is a directory, not a file'
    })
    expect((await problemOf(read(repo, 'dangling.yaml'))).message).toBe(
      'is a symbolic link to a file that does not exist'
    )
    expect((await problemOf(read(repo, 'nothing.yaml'))).message).toBe('file not found')
    expect((await problemOf(read(repo, 'loop-a.yaml'))).message).toBe('is a loop of symbolic links')
    expect(await problemOf(read(repo, 'latin1.yaml'))).toMatchObject({
      file: 'latin1.yaml',
      line: 2,
      column: 10,
      message: expect.stringMatching(/^not valid UTF-8/)
    })
    expect((await problemOf(read(repo, 'big.yaml'))).message).toBe(
      'file is 2000 bytes; the limit is 1024 bytes'
    )
    // A FIFO would block a plain read forever: refused at once.
    expect((await problemOf(read(repo, 'fifo.yaml'))).message).toBe(
      'is not a regular file (a device, FIFO or socket)'
    )
  })

  it('says permission denied for a file it may not read', async () => {
    if (process.getuid?.() === 0) return // root reads anything: nothing to check
    const { repo } = layout()
    put(repo, 'secret.yaml', 'a: 1\n')
    chmodSync(join(repo, 'secret.yaml'), 0o000)
    expect((await problemOf(read(repo, 'secret.yaml'))).message).toBe(
      'cannot be read: permission denied'
    )
  })
})

describe('listManifestFiles', () => {
  it('lists YAML files in name order, skips hidden ones, follows links inside the repository', async () => {
    const { repo } = layout()
    put(repo, 'artifacts/b:challenger.yaml', '')
    put(repo, 'artifacts/a:challenger.yml', '')
    put(repo, 'artifacts/.hidden:challenger.yaml', '')
    put(repo, 'artifacts/README.md', '')
    put(repo, 'artifacts/old/v1/c:champion.yaml', '')
    put(repo, 'models/d:challenger.yaml', '')
    symlinkSync('../models', join(repo, 'artifacts', 'linked'))
    const walk = await listManifestFiles(repo, join(repo, 'artifacts'))
    expect(walk.problems).toEqual([])
    expect(walk.files.map(f => f.slice(repo.length + 1))).toEqual([
      'artifacts/a:challenger.yml',
      'artifacts/b:challenger.yaml',
      'artifacts/linked/d:challenger.yaml',
      'artifacts/old/v1/c:champion.yaml'
    ])
  })

  it('is nothing for a missing export dir', async () => {
    const { repo } = layout()
    expect(await listManifestFiles(repo, join(repo, 'artifacts'))).toEqual({
      files: [],
      problems: []
    })
  })

  it('lists links named like manifests as they are (reading them reports each), and never follows a directory out', async () => {
    const { repo, outsideFile, outsideDir } = layout()
    put(repo, 'artifacts/model:challenger.yaml', '')
    symlinkSync(outsideFile, join(repo, 'artifacts', 'passwd.yaml'))
    symlinkSync('nowhere.yaml', join(repo, 'artifacts', 'dangling.yaml'))
    symlinkSync(outsideDir, join(repo, 'artifacts', 'etc'))
    symlinkSync('/', join(repo, 'artifacts', 'root'))
    const walk = await listManifestFiles(repo, join(repo, 'artifacts'))
    expect(walk.files.map(f => basename(f))).toEqual([
      'dangling.yaml',
      'model:challenger.yaml',
      'passwd.yaml'
    ])
    expect(walk.problems).toEqual([
      {
        file: 'artifacts/etc',
        message: 'is a symbolic link to a directory outside the repository; not searched'
      },
      {
        file: 'artifacts/root',
        message: 'is a symbolic link to a directory outside the repository; not searched'
      }
    ])
  })

  it('refuses an export dir that links out of the repository (to / it would reach /proc)', async () => {
    const { repo } = layout()
    symlinkSync('/', join(repo, 'artifacts'))
    expect(await listManifestFiles(repo, join(repo, 'artifacts'))).toEqual({
      files: [],
      problems: [
        {
          file: 'artifacts',
          message: 'is a symbolic link out of the repository; nothing under it was read'
        }
      ]
    })
    const dangling = layout().repo
    symlinkSync('gone', join(dangling, 'artifacts'))
    expect((await listManifestFiles(dangling, join(dangling, 'artifacts'))).problems).toEqual([
      { file: 'artifacts', message: 'is a symbolic link to a directory that does not exist' }
    ])
  })

  it('searches a directory reached through a link cycle once', async () => {
    const { repo } = layout()
    put(repo, 'artifacts/a/model:challenger.yaml', '')
    symlinkSync('..', join(repo, 'artifacts', 'a', 'up'))
    symlinkSync('.', join(repo, 'artifacts', 'self'))
    const walk = await listManifestFiles(repo, join(repo, 'artifacts'))
    expect(walk.problems).toEqual([])
    expect(walk.files.map(f => f.slice(repo.length + 1))).toEqual([
      'artifacts/a/model:challenger.yaml'
    ])
  })

  it(`stops ${MAX_WALK_DEPTH} directories deep`, async () => {
    const { repo } = layout()
    const deep = Array.from({ length: MAX_WALK_DEPTH + 2 }, (_, i) => `d${i}`).join('/')
    put(repo, `artifacts/${deep}/model:challenger.yaml`, '')
    const walk = await listManifestFiles(repo, join(repo, 'artifacts'))
    expect(walk.files).toEqual([])
    expect(walk.problems).toHaveLength(1)
    expect(walk.problems[0]!.message).toBe(
      `is more than ${MAX_WALK_DEPTH} directories deep; not searched`
    )
  })

  it('does not enter another file system (a mount point such as /proc or /dev/shm)', async () => {
    // Mount points directly under /dev on this machine (a container or runner has /dev/shm and
    // /dev/pts); without one there is nothing to check here.
    const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map(line => line.split(' ')[4])
      .filter((m): m is string => m !== undefined && dirname(m) === '/dev')
      .filter(m => statSync(m).dev !== statSync('/dev').dev)
    if (mounts.length === 0) return
    const walk = await listManifestFiles('/', '/dev')
    for (const mount of mounts) {
      expect(walk.problems).toContainEqual({
        file: mount.slice(1),
        message: 'is another file system (a mount point); not searched'
      })
    }
  })
})

describe('requireDirectoryInside', () => {
  it('accepts directories inside (existing or not) and refuses ones that lead out through a link', async () => {
    const { repo, outsideDir } = layout()
    await requireDirectoryInside(repo, join(repo, 'artifacts/new'), 'artifacts/new')
    symlinkSync(outsideDir, join(repo, 'out'))
    expect(
      await problemOf(requireDirectoryInside(repo, join(repo, 'out', 'sub'), 'out/sub'))
    ).toEqual({
      file: 'out/sub',
      message: 'leads out of the repository through a symbolic link; nothing is written there'
    })
    symlinkSync('gone', join(repo, 'dangling'))
    expect(
      (await problemOf(requireDirectoryInside(repo, join(repo, 'dangling'), 'dangling'))).message
    ).toBe('is a symbolic link to a directory that does not exist; nothing is written there')
    put(repo, 'file', '')
    expect(
      (await problemOf(requireDirectoryInside(repo, join(repo, 'file', 'sub'), 'file/sub'))).message
    ).toBe('cannot be a directory: file is a file')
  })
})

describe('paths', () => {
  it('keeps configured directories inside the repository', () => {
    for (const inside of ['artifacts', './artifacts', 'a/../b', 'models/exports', 'a\\b'])
      expect(outsideRepositoryProblem(inside)).toBeUndefined()
    for (const outside of ['/', '/etc', '..', '../x', 'a/../../x', 'C:\\x', '\\\\server\\s'])
      expect(outsideRepositoryProblem(outside)).toBeDefined()
    expect(isInside('/repo', '/repo')).toBe(true)
    expect(isInside('/repo', '/repo/a')).toBe(true)
    expect(isInside('/repo', '/repository')).toBe(false)
    expect(isInside('/repo', '/')).toBe(false)
    expect(isInside('/', '/anything')).toBe(true)
  })

  it('refuses exportDir outside the repository in promote.yaml, at its line', () => {
    for (const dir of ['/', '../shared', '/etc/promote']) {
      const problems = problemsOf(
        VALID.replace('  name: model\n', `  name: model\n  exportDir: '${dir}'\n`)
      )
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatchObject({
        file: 'promote.yaml',
        line: 4,
        path: 'model.exportDir'
      })
    }
  })

  it('accepts exactly the model keys whose manifests validation lists and reads back', async () => {
    const { repo } = layout()
    const dir = join(repo, 'artifacts')
    mkdirSync(dir)
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 0, maxLength: 12 }),
          fc.constantFrom('a b', '.hidden', 'a/b', '../x', 'a\\b', 'a:b', 'tab\t', 'model', 'm.v2')
        ),
        async key => {
          const problem = modelKeyProblem(key)
          // The config accepts the same names (model.name builds the challenger's path).
          const configProblems = configProblemsOf(
            // A function, not a string: a key such as `$&` would be read as a replacement pattern.
            VALID.replace('  name: model\n', () => `  name: ${JSON.stringify(key)}\n`)
          ).filter(p => p.path === 'model.name')
          expect(configProblems.length > 0).toBe(problem !== undefined)
          if (problem !== undefined) return
          const sub = join(dir, String(n++))
          mkdirSync(sub)
          writeFileSync(join(sub, `${key}:challenger.yaml`), '')
          const walk = await listManifestFiles(repo, sub)
          expect(walk.files.map(f => parseManifestFileName(f))).toEqual([
            { key, tag: 'challenger' }
          ])
        }
      ),
      { numRuns: 200 }
    )
  })
})

describe('createGitReader', () => {
  function gitRepo(): { dir: string; outsideFile: string } {
    const { repo, outsideFile } = layout()
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e.x',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e.x'
        }
      })
    git('init', '-q', '-b', 'main')
    put(repo, 'artifacts/model:v3.yaml', 'spec: {metrics: {accuracy: 0.9}}\n')
    symlinkSync('model:v3.yaml', join(repo, 'artifacts', 'model:champion.yaml'))
    symlinkSync(outsideFile, join(repo, 'artifacts', 'absolute.yaml'))
    symlinkSync('../../outside/passwd.yaml', join(repo, 'artifacts', 'relative.yaml'))
    put(repo, 'artifacts/latin1.yaml', Buffer.from('a: caf\xe9\n', 'latin1'))
    git('add', '-A')
    git('commit', '-q', '-m', 'links')
    return { dir: repo, outsideFile }
  }

  it('follows a symbolic link inside the revision and refuses one that leads out', async () => {
    const { dir } = gitRepo()
    const reader = createGitReader(dir)
    expect(await reader.show('main', 'artifacts/model:champion.yaml')).toBe(
      'spec: {metrics: {accuracy: 0.9}}\n'
    )
    for (const link of ['absolute.yaml', 'relative.yaml']) {
      expect(await problemOf(reader.show('main', `artifacts/${link}`))).toEqual({
        file: `main:artifacts/${link}`,
        message: 'is a symbolic link to a file outside the repository; it was not read'
      })
    }
    expect((await problemOf(reader.show('main', 'artifacts'))).message).toBe(
      'is a directory, not a file'
    )
    expect(await problemOf(reader.show('main', 'artifacts/latin1.yaml'))).toMatchObject({
      file: 'main:artifacts/latin1.yaml',
      line: 1,
      column: 7
    })
    expect(await reader.show('main', 'artifacts/none.yaml')).toBeUndefined()
    expect(await reader.show('no-such-branch', 'artifacts/model:v3.yaml')).toBeUndefined()
  })
})
