/** Real repositories made with the git CLI, and the CLI's answers to compare the reader with. */
import { expect } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { openObjectStore, type TreeEntry } from '../../../src/adapters/local-git/object-store.js'
import { createGitReader, execGit } from '../../../src/adapters/local-git/reader.js'

const made: string[] = []

export function tempDir(prefix = 'promote-local-git-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@e.x',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@e.x',
  GIT_CONFIG_NOSYSTEM: '1'
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: 'pipe' }).trim()
}

export function initRepo(dir = tempDir(), ...options: string[]): string {
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q', ...options)
  return dir
}

/** Writes a file (parents made); a `{ link }` is a symbolic link to that target. */
export function put(dir: string, path: string, content: string | Buffer | { link: string }): void {
  const file = join(dir, path)
  mkdirSync(dirname(file), { recursive: true })
  if (typeof content === 'object' && 'link' in content) symlinkSync(content.link, file)
  else writeFileSync(file, content)
}

export function commit(dir: string, message: string): string {
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--allow-empty', '-m', message)
  return git(dir, 'rev-parse', 'HEAD')
}

/** What the reader's CLI path asks: `git ls-tree --long` for one path; undefined when it fails. */
export function cliEntry(dir: string, revision: string, path: string): TreeEntry | undefined {
  const listed = spawnSync(
    'git',
    [
      '--literal-pathspecs',
      'ls-tree',
      '-z',
      '--long',
      '--full-tree',
      '--end-of-options',
      revision,
      '--',
      path
    ],
    { cwd: dir, env: process.env }
  )
  if (listed.status !== 0) return undefined
  const entry = parseLsTree(listed.stdout.toString('utf8'))[0]
  return entry?.path === path ? entry.entry : undefined
}

function parseLsTree(output: string): Array<{ path: string; entry: TreeEntry }> {
  return output
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t(.*)$/s.exec(line)
      if (!match) throw new Error(`unexpected ls-tree line ${line}`)
      return {
        path: match[5]!,
        entry: {
          mode: match[1]!,
          type: match[2] as TreeEntry['type'],
          object: match[3]!,
          ...(match[4] !== '-' && { size: Number(match[4]) })
        }
      }
    })
}

/** Every entry of a revision (trees too), as `git ls-tree -r -t --long` lists them. */
export function cliTree(dir: string, revision: string): Map<string, TreeEntry> | undefined {
  const listed = spawnSync(
    'git',
    ['ls-tree', '-r', '-t', '-z', '--long', '--full-tree', '--end-of-options', revision],
    { cwd: dir, env: process.env, maxBuffer: 1 << 28 }
  )
  if (listed.status !== 0) return undefined
  return new Map(parseLsTree(listed.stdout.toString('utf8')).map(e => [e.path, e.entry]))
}

/** Blobs' bytes as `git cat-file` gives them (one `--batch` for all). */
export function cliBlobs(dir: string, objects: string[]): Map<string, Buffer> {
  const unique = [...new Set(objects)]
  const out = execFileSync('git', ['cat-file', '--batch'], {
    cwd: dir,
    input: unique.map(o => `${o}\n`).join(''),
    maxBuffer: 1 << 28
  })
  const blobs = new Map<string, Buffer>()
  let position = 0
  for (const object of unique) {
    const end = out.indexOf(10, position)
    const header = out.toString('latin1', position, end).split(' ')
    if (header[0] !== object || header[1] !== 'blob') throw new Error(`cat-file: ${header}`)
    const size = Number(header[2])
    blobs.set(object, out.subarray(end + 1, end + 1 + size))
    position = end + 1 + size + 1
  }
  return blobs
}

/**
 * The in-process store answers like the CLI for every entry of every revision, and for the
 * absent paths; the revisions that do not resolve give undefined for every path. Returns how many
 * entries were compared.
 */
export function expectSameAsCli(
  dir: string,
  revisions: string[],
  absentPaths: string[] = ['no-such-file', 'no/such/dir/file']
): number {
  const store = openObjectStore(dir)
  let compared = 0
  for (const revision of revisions) {
    const tree = cliTree(dir, revision)
    if (!tree) {
      for (const path of ['promote.yaml', ...absentPaths])
        expect({ revision, path, entry: store.entry(revision, path) }).toEqual({
          revision,
          path,
          entry: cliEntry(dir, revision, path)
        })
      continue
    }
    const blobs = cliBlobs(
      dir,
      [...tree.values()].filter(e => e.type === 'blob').map(e => e.object)
    )
    for (const [path, entry] of tree) {
      expect({ revision, path, entry: store.entry(revision, path) }).toEqual({
        revision,
        path,
        entry
      })
      if (entry.type === 'blob')
        expect(store.readBlob(entry.object)).toEqual(blobs.get(entry.object))
      compared++
    }
    for (const path of absentPaths) {
      expect(tree.has(path)).toBe(false)
      expect({ revision, path, entry: store.entry(revision, path) }).toEqual({
        revision,
        path,
        entry: undefined
      })
    }
  }
  return compared
}

/** A reader whose git CLI calls are counted. */
export function countingReader(
  dir: string,
  options: { fetchMissing?: boolean; inProcess?: boolean; env?: NodeJS.ProcessEnv } = {}
) {
  const calls: string[][] = []
  const run = execGit(options.env)
  const reader = createGitReader(dir, {
    ...options,
    runGit: (args, cwd) => {
      calls.push(args)
      return run(args, cwd)
    }
  })
  return { reader, calls }
}

/** A file like an MLRun export, big enough for git to store its versions as deltas. */
export function modelFile(version: number, lines = 800): string {
  const rows = []
  for (let i = 0; i < lines; i++)
    rows.push(`  metric_${i}: ${i % 7 === version % 7 ? version * 1000 + i : i * 3.25}`)
  return `kind: model\nmetadata:\n  version: ${version}\nspec:\n  metrics:\n${rows.join('\n')}\n`
}

/**
 * A repository with what a champion lookup meets: nested files, an executable, an empty file,
 * names with spaces and non-ASCII, symbolic links (inside, to a directory, absolute, climbing
 * out), a gitlink, an annotated tag, a tag of that tag, a tag of a tree and a lightweight tag.
 */
export function standardRepo(): { dir: string; first: string; last: string; tree: string } {
  const dir = initRepo()
  put(dir, 'promote.yaml', 'model:\n  name: model\n')
  put(dir, 'artifacts/model:v1.yaml', modelFile(1))
  put(dir, 'artifacts/model:champion.yaml', { link: 'model:v1.yaml' })
  put(dir, 'a/b/c/deep.txt', 'deep\n')
  put(dir, 'bin/run.sh', '#!/bin/sh\necho run\n')
  chmodSync(join(dir, 'bin/run.sh'), 0o755)
  put(dir, 'empty.txt', '')
  put(dir, 'spaces in name.txt', 'spaces\n')
  put(dir, 'ünïcödé.yaml', 'unicode: true\n')
  put(dir, 'link-to-dir', { link: 'a/b' })
  put(dir, 'absolute-link', { link: '/etc/passwd' })
  put(dir, 'climbing-link', { link: '../../outside.yaml' })
  const first = commit(dir, 'first')
  put(dir, 'artifacts/model:challenger.yaml', modelFile(2))
  put(dir, 'artifacts/model:v1.yaml', modelFile(3))
  git(dir, 'add', '-A')
  // A gitlink (a submodule's entry) without a submodule: only the index knows it.
  git(dir, 'update-index', '--add', '--cacheinfo', `160000,${first},vendor/submodule`)
  git(dir, 'commit', '-q', '-m', 'second')
  const last = git(dir, 'rev-parse', 'HEAD')
  git(dir, 'tag', '-a', 'v1', '-m', 'annotated', first)
  git(dir, 'tag', '-a', 'v1-outer', '-m', 'tag of a tag', 'v1')
  git(dir, 'tag', 'light')
  const tree = git(dir, 'rev-parse', 'HEAD^{tree}')
  git(dir, 'tag', '-a', 'tree-tag', '-m', 'a tree', tree)
  return { dir, first, last, tree }
}

export const STANDARD_ABSENT = [
  'no-such-file',
  'a/nope',
  'a/b/c/deep.txt/below-a-file',
  'vendor/submodule/below-a-gitlink',
  'link-to-dir/c/deep.txt',
  'A/b/c/deep.txt',
  'artifacts/model:champion.yaml/x'
]

export function standardRevisions(repo: { first: string; last: string; tree: string }): string[] {
  return [
    'main',
    'HEAD',
    'refs/heads/main',
    'heads/main',
    'v1',
    'tags/v1',
    'v1-outer',
    'light',
    'tree-tag',
    repo.first,
    repo.last,
    repo.tree,
    repo.first.toUpperCase(),
    'no-such-branch',
    'origin/main',
    'refs/heads/no-such-branch'
  ]
}
