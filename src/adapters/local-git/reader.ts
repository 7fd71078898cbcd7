/**
 * The GitReader port (src/app/validate.ts) over a local repository: files at a revision, read
 * from the object database, never from the work tree. It answers as `git ls-tree --long` and
 * `git cat-file blob` (git-ls-tree(1), git-cat-file(1)) do: in process through object-store.ts
 * for the common layouts, and through the git CLI for every call that reader leaves to it.
 */
import { execFile } from 'node:child_process'
import { posix } from 'node:path'
import type { GitReader } from '../../app/validate.js'
import { ConfigurationError } from '../../core/errors.js'
import { decodeUtf8, MAX_MANIFEST_BYTES } from '../../core/yaml-source.js'
import { openObjectStore, type ObjectStore, type TreeEntry } from './object-store.js'

/** Symbolic links followed, one after another, when reading a file at a revision. */
const MAX_GIT_LINK_HOPS = 8

/** Runs `git <args>` in `cwd`: its exit code (0 on success) and standard output. */
export type GitCommand = (args: string[], cwd: string) => Promise<{ code: number; stdout: Buffer }>

export interface GitReaderOptions {
  /** Fetch a missing `origin/<branch>` once, shallowly (a shallow checkout lacks it). */
  fetchMissing?: boolean
  /** The environment git runs in, and the in-process reader checks (default: process.env). */
  env?: NodeJS.ProcessEnv
  /** How git is run (tests count the calls); default: execFile. */
  runGit?: GitCommand
  /** false: every call through the git CLI, as before the in-process reader (tests compare). */
  inProcess?: boolean
}

/** Runs the git CLI with execFile, in `env` (default: this process's environment). */
export function execGit(env?: NodeJS.ProcessEnv): GitCommand {
  return (args, cwd) =>
    new Promise(resolvePromise => {
      execFile(
        'git',
        args,
        // Room for the biggest manifest: its size is checked from ls-tree before cat-file.
        {
          cwd,
          maxBuffer: MAX_MANIFEST_BYTES + 1024 * 1024,
          encoding: 'buffer',
          ...(env && { env })
        },
        (error, stdout) => {
          resolvePromise({
            code: error ? Number((error as { code?: unknown }).code ?? 1) || 1 : 0,
            stdout
          })
        }
      )
    })
}

/** What the in-process reader returns when a call is the git CLI's to answer. */
const ASK_GIT = Symbol('ask the git CLI')

/**
 * Reads files at git revisions from the object database, never from the work tree. A symbolic
 * link (mode 120000, its blob the target's path) is followed inside the revision's tree only: a
 * target that is absolute or climbs out of the repository is refused, not read. A shallow
 * checkout (actions/checkout's default) lacks the production branch, so a missing
 * `origin/<branch>` is fetched once, shallowly.
 */
export function createGitReader(cwd: string, options: GitReaderOptions = {}): GitReader {
  const fetched = new Set<string>()
  const runGit = options.runGit ?? execGit(options.env)
  const git = (args: string[]) => runGit(args, cwd)

  // Opened on the first call and kept: its packs and packed-refs are read once per reader.
  let store: ObjectStore | undefined
  let storeUnusable = options.inProcess === false
  const inProcess = <T>(read: (store: ObjectStore) => T): T | typeof ASK_GIT => {
    if (storeUnusable) return ASK_GIT
    try {
      store ??= openObjectStore(cwd, options.env ?? process.env)
    } catch {
      // A layout the in-process reader leaves to git (see object-store.ts), for every call.
      storeUnusable = true
      return ASK_GIT
    }
    try {
      return read(store)
    } catch {
      // GitCliFallback, or a repository file it could not read: git's answer is the answer.
      return ASK_GIT
    }
  }

  /** The tree entry at `path` (root-relative), or undefined when the revision or path is missing. */
  const entryAt = async (revision: string, path: string): Promise<TreeEntry | undefined> => {
    const answer = inProcess(opened => opened.entry(revision, path))
    if (answer !== ASK_GIT) return answer
    // --end-of-options: a revision can never be read as an option (`--output=<file>` writes
    // files); --literal-pathspecs: the path is a path, not a pattern; --full-tree: from the root.
    const listed = await git([
      '--literal-pathspecs',
      'ls-tree',
      '-z',
      '--long',
      '--full-tree',
      '--end-of-options',
      revision,
      '--',
      path
    ])
    if (listed.code !== 0) return undefined
    // `<mode> <type> <object> <size>\t<path>\0`
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([^\0]*)\0/.exec(
      listed.stdout.toString('utf8')
    )
    if (!match || match[5] !== path) return undefined
    return {
      mode: match[1]!,
      type: match[2]! as TreeEntry['type'],
      object: match[3]!,
      ...(match[4] !== '-' && { size: Number(match[4]) })
    }
  }
  /** A blob's bytes; `ok` false (and no bytes) when git could not read it. */
  const blob = async (object: string): Promise<{ ok: boolean; bytes: Buffer }> => {
    const answer = inProcess(opened => opened.readBlob(object))
    if (answer !== ASK_GIT) return { ok: true, bytes: answer }
    const read = await git(['cat-file', 'blob', object])
    return { ok: read.code === 0, bytes: read.stdout }
  }
  const lookup = async (revision: string, path: string) => {
    const entry = await entryAt(revision, path)
    if (entry) return entry
    const remoteBranch = /^origin\/(.+)$/.exec(revision)?.[1]
    if (!options.fetchMissing || !remoteBranch || fetched.has(remoteBranch)) return undefined
    fetched.add(remoteBranch)
    const fetch = await git([
      'fetch',
      '--no-tags',
      '--depth=1',
      '--end-of-options',
      'origin',
      `+refs/heads/${remoteBranch}:refs/remotes/origin/${remoteBranch}`
    ])
    // New packs, new refs and perhaps a new shallow file: open the repository afresh.
    store = undefined
    storeUnusable = options.inProcess === false
    return fetch.code === 0 ? entryAt(revision, path) : undefined
  }
  return {
    async show(revision, path) {
      const shown = `${revision}:${path}`
      const refuse = (message: string): never => {
        throw new ConfigurationError([{ file: shown, message }])
      }
      let current = posix.normalize(path)
      for (let hop = 0; hop <= MAX_GIT_LINK_HOPS; hop++) {
        const entry = await lookup(revision, current)
        if (!entry) return undefined
        if (entry.mode === '120000') {
          const target = (await blob(entry.object)).bytes.toString('utf8')
          const next = posix.normalize(posix.join(posix.dirname(current), target))
          if (posix.isAbsolute(target) || next === '..' || next.startsWith('../'))
            refuse('is a symbolic link to a file outside the repository; it was not read')
          current = next
          continue
        }
        if (entry.type === 'tree') refuse('is a directory, not a file')
        if (entry.type !== 'blob') refuse(`is not a file (a ${entry.type})`)
        if (entry.size !== undefined && entry.size > MAX_MANIFEST_BYTES)
          refuse(`file is ${entry.size} bytes; the limit is ${MAX_MANIFEST_BYTES} bytes`)
        const read = await blob(entry.object)
        if (!read.ok) return undefined
        return decodeUtf8(shown, read.bytes)
      }
      return refuse(`is a chain of more than ${MAX_GIT_LINK_HOPS} symbolic links`)
    }
  }
}
