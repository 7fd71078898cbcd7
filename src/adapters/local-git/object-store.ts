/**
 * Reads a local git repository's refs and objects in process (SHA-1 repositories only), for the
 * common layouts; everything else is left to the git CLI. It follows git's documentation:
 * gitrepository-layout(5) for where the git dir, refs, packed-refs and objects live (worktrees'
 * `.git` files and `commondir`), gitrevisions(7) for how a name becomes a ref, gitformat-pack(5)
 * (Documentation/gitformat-pack.txt) for pack and version 2 idx files and deltas, and
 * git-ls-tree(1) for what an entry's mode, type and size mean.
 *
 * Whenever the layout is one this reader does not handle, or its answer would not be certain (an
 * object that may be fetched lazily, a name that could be an abbreviated object name, a
 * replace ref, ...), it throws GitCliFallback: the caller then asks the git CLI. Only two answers
 * are "absent": no ref of that name exists, or the path is not in the tree. A corrupt object or
 * pack is an Error naming the repository file, never a wrong answer.
 */
import { createHash } from 'node:crypto'
import {
  closeSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { constants as zlibConstants, inflateSync } from 'node:zlib'

/** The in-process reader cannot answer this call with certainty: ask the git CLI. */
export class GitCliFallback extends Error {
  constructor(reason: string) {
    super(`the git CLI is needed: ${reason}`)
    this.name = 'GitCliFallback'
  }
}

/** A tree entry as `git ls-tree --long` shows it; `size` only for blobs (`-` otherwise). */
export interface TreeEntry {
  mode: string
  type: 'blob' | 'tree' | 'commit'
  object: string
  size?: number
}

export interface ObjectStore {
  /**
   * The entry at `path` (from the root) in the tree of `revision`; undefined when no ref of
   * that name exists or the path is not in the tree. Throws GitCliFallback when unsure.
   */
  entry(revision: string, path: string): TreeEntry | undefined
  /** A blob's bytes. Throws GitCliFallback when the object is missing or not a blob. */
  readBlob(object: string): Buffer
}

/** Variables that move the repository, its objects or its refs, or change pathspecs. */
const LAYOUT_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
  'GIT_REPLACE_REF_BASE',
  // With --literal-pathspecs these make the CLI fail: its answer, not ours.
  'GIT_GLOB_PATHSPECS',
  'GIT_NOGLOB_PATHSPECS',
  'GIT_ICASE_PATHSPECS'
]

/** Repository extensions that change nothing this reader reads. */
const HARMLESS_EXTENSIONS = new Set(['noop', 'preciousobjects', 'partialclone', 'worktreeconfig'])

/** gitrevisions(7): where `<name>` is looked for, in this order. */
const REF_RULES = [
  (name: string) => name,
  (name: string) => `refs/${name}`,
  (name: string) => `refs/tags/${name}`,
  (name: string) => `refs/heads/${name}`,
  (name: string) => `refs/remotes/${name}`,
  (name: string) => `refs/remotes/${name}/HEAD`
]

/** git's own limit on symbolic refs pointing at symbolic refs. */
const MAX_SYMREF_DEPTH = 5
/** Tags of tags; far beyond anything real. */
const MAX_PEEL_DEPTH = 16
/** `git repack --depth` is capped at 4095; a longer chain is a loop. */
const MAX_DELTA_CHAIN = 5000
/** A pack entry's header: type and size (at most 10 bytes) and an OFS_DELTA offset or REF_DELTA id. */
const ENTRY_HEADER_MAX = 32
/** Read with the entry header, so most small objects take one read. */
const FIRST_READ = 8192
/** Compressed bytes read to learn a loose object's header or a delta's sizes. */
const PREFIX_READ = 512

const PACK_TYPES = [undefined, 'commit', 'tree', 'blob', 'tag'] as const
type ObjectType = 'commit' | 'tree' | 'blob' | 'tag'
const OFS_DELTA = 6
const REF_DELTA = 7

interface GitObject {
  type: ObjectType
  data: Buffer
  /** The repository file it was read from, for errors. */
  file: string
}

function corrupt(file: string, what: string): Error {
  return new Error(`corrupt git repository file ${file}: ${what}`)
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
function readAt(file: string, position: number, length: number): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(length)
    let done = 0
    while (done < length) {
      const read = readSync(fd, buffer, done, length - done, position + done)
      if (read === 0) break
      done += read
    }
    return buffer.subarray(0, done)
  } finally {
    closeSync(fd)
  }
}

/** A file's text, or undefined when it does not exist. */
function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return undefined
    throw new GitCliFallback(`cannot read ${file}: ${String(error)}`)
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return false
    throw new GitCliFallback(`cannot inspect ${path}: ${String(error)}`)
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** The size a zlib stream may take for `size` bytes of output, stored blocks included. */
function deflatedBound(size: number): number {
  return size + 5 * Math.ceil(size / 16384) + 64
}

/** Inflates a whole zlib stream that must give exactly `size` bytes. */
function inflateExactly(compressed: Buffer, size: number, file: string, what: string): Buffer {
  let data: Buffer
  try {
    data = inflateSync(compressed, { maxOutputLength: Math.max(size, 1) })
  } catch (error) {
    throw corrupt(file, `${what} does not inflate to its ${size} bytes (${String(error)})`)
  }
  if (data.length !== size)
    throw corrupt(file, `${what} inflates to ${data.length} bytes, its header says ${size}`)
  return data
}

/** The start of a zlib stream's output, from the start of the stream (whatever decodes). */
function inflatePrefix(compressed: Buffer): Buffer {
  try {
    return inflateSync(compressed, { finishFlush: zlibConstants.Z_SYNC_FLUSH })
  } catch {
    return Buffer.alloc(0)
  }
}

/** A git varint as deltas write it (little-endian groups of 7 bits); undefined when cut short. */
function deltaVarint(bytes: Buffer, start: number): { value: number; next: number } | undefined {
  let value = 0
  let shift = 0
  let position = start
  for (;;) {
    if (position >= bytes.length || shift > 49) return undefined
    const byte = bytes[position++]!
    value += (byte & 0x7f) * 2 ** shift
    shift += 7
    if (!(byte & 0x80)) return { value, next: position }
  }
}

/** Applies a delta (gitformat-pack(5), "Deltified representation") to its base. */
function applyDelta(base: Buffer, delta: Buffer, file: string): Buffer {
  const baseSize = deltaVarint(delta, 0)
  const resultSize = baseSize && deltaVarint(delta, baseSize.next)
  if (!baseSize || !resultSize) throw corrupt(file, 'a delta is cut short')
  if (baseSize.value !== base.length)
    throw corrupt(file, `a delta expects a ${baseSize.value}-byte base, found ${base.length}`)
  const result = Buffer.allocUnsafe(resultSize.value)
  let written = 0
  let position = resultSize.next
  const next = (): number => {
    if (position >= delta.length) throw corrupt(file, 'a delta instruction is cut short')
    return delta[position++]!
  }
  while (position < delta.length) {
    const op = next()
    if (op & 0x80) {
      // Copy from the base: bits 0-3 say which offset bytes follow, bits 4-6 which size bytes.
      let offset = 0
      let size = 0
      for (let bit = 0; bit < 4; bit++) if (op & (1 << bit)) offset += next() * 2 ** (8 * bit)
      for (let bit = 0; bit < 3; bit++) if (op & (0x10 << bit)) size += next() * 2 ** (8 * bit)
      if (size === 0) size = 0x10000
      if (offset + size > base.length || written + size > result.length)
        throw corrupt(file, 'a delta copies beyond its base or its result')
      base.copy(result, written, offset, offset + size)
      written += size
    } else if (op) {
      // Insert the next `op` bytes of the delta.
      if (position + op > delta.length || written + op > result.length)
        throw corrupt(file, 'a delta inserts beyond its end or its result')
      delta.copy(result, written, position, position + op)
      written += op
      position += op
    } else {
      throw corrupt(file, 'a delta holds the reserved instruction 0')
    }
  }
  if (written !== result.length)
    throw corrupt(file, `a delta gives ${written} bytes, its header says ${result.length}`)
  return result
}

interface EntryHeader {
  typeNumber: number
  /** Inflated size of the entry's data (for a delta: of the delta, not of the object). */
  size: number
  dataStart: number
  baseOffset?: number
  baseId?: string
}

/** One `pack-*.pack` with its version 2 `.idx` (gitformat-pack(5)). */
class Pack {
  private fanout?: Buffer
  private count = 0
  private largeOffsets = 0
  /** Where the pack's entries end: its trailing checksum follows. */
  private dataEnd = 0
  private checkedPack = false

  constructor(
    readonly idxFile: string,
    readonly packFile: string
  ) {}

  private openIndex(): Buffer {
    if (this.fanout) return this.fanout
    const size = statSync(this.idxFile).size
    const head = readAt(this.idxFile, 0, 8 + 256 * 4)
    if (head.length < 8 || head.readUInt32BE(0) !== 0xff744f63)
      throw new GitCliFallback(`${this.idxFile} is not a version 2 pack index`)
    if (head.readUInt32BE(4) !== 2)
      throw new GitCliFallback(`${this.idxFile} is a version ${head.readUInt32BE(4)} pack index`)
    if (head.length < 8 + 1024) throw corrupt(this.idxFile, 'the fan-out table is cut short')
    const fanout = head.subarray(8)
    for (let i = 1; i < 256; i++)
      if (fanout.readUInt32BE(i * 4) < fanout.readUInt32BE((i - 1) * 4))
        throw corrupt(this.idxFile, 'the fan-out table is not sorted')
    this.count = fanout.readUInt32BE(255 * 4)
    // Names, CRCs and 4-byte offsets per object, then 8-byte offsets, then two checksums.
    const extra = size - (8 + 1024 + this.count * 28 + 40)
    if (extra < 0 || extra % 8 !== 0)
      throw corrupt(this.idxFile, `its size ${size} does not fit ${this.count} objects`)
    this.largeOffsets = extra / 8
    this.fanout = fanout
    return fanout
  }

  private checkPack(): void {
    if (this.checkedPack) return
    const size = statSync(this.packFile).size
    const head = readAt(this.packFile, 0, 12)
    if (head.length < 12 || head.toString('latin1', 0, 4) !== 'PACK')
      throw corrupt(this.packFile, 'no PACK signature')
    const version = head.readUInt32BE(4)
    if (version !== 2 && version !== 3)
      throw new GitCliFallback(`${this.packFile} is a version ${version} pack`)
    if (head.readUInt32BE(8) !== this.count)
      throw corrupt(
        this.packFile,
        `it holds ${head.readUInt32BE(8)} objects, its index ${this.count}`
      )
    this.dataEnd = size - 20
    this.checkedPack = true
  }

  /** The object's offset in the pack, or undefined when this pack does not hold it. */
  find(id: Buffer): number | undefined {
    const fanout = this.openIndex()
    const first = id[0]!
    const low = first === 0 ? 0 : fanout.readUInt32BE((first - 1) * 4)
    const high = fanout.readUInt32BE(first * 4)
    if (low === high) return undefined
    const names = readAt(this.idxFile, 1032 + low * 20, (high - low) * 20)
    if (names.length !== (high - low) * 20) throw corrupt(this.idxFile, 'the names are cut short')
    let lo = 0
    let hi = high - low
    while (lo < hi) {
      const middle = (lo + hi) >>> 1
      const order = names.compare(id, 0, 20, middle * 20, middle * 20 + 20)
      if (order === 0) return this.offsetAt(low + middle)
      if (order > 0) hi = middle
      else lo = middle + 1
    }
    return undefined
  }

  private offsetAt(index: number): number {
    this.checkPack()
    const small = readAt(this.idxFile, 1032 + this.count * 24 + index * 4, 4)
    if (small.length !== 4) throw corrupt(this.idxFile, 'the offsets are cut short')
    let offset = small.readUInt32BE(0)
    if (offset & 0x80000000) {
      const large = offset & 0x7fffffff
      if (large >= this.largeOffsets) throw corrupt(this.idxFile, 'a large offset is missing')
      const bytes = readAt(this.idxFile, 1032 + this.count * 28 + large * 8, 8)
      offset = Number(bytes.readBigUInt64BE(0))
    }
    if (offset < 12 || offset >= this.dataEnd)
      throw corrupt(this.idxFile, `offset ${offset} lies outside ${this.packFile}`)
    return offset
  }

  /** The entry's header, and the bytes read from `offset` on (often the whole entry). */
  header(offset: number): { header: EntryHeader; bytes: Buffer } {
    this.checkPack()
    if (offset < 12 || offset >= this.dataEnd)
      throw corrupt(this.packFile, `no entry can start at offset ${offset}`)
    const bytes = readAt(this.packFile, offset, Math.min(FIRST_READ, this.dataEnd - offset))
    let position = 0
    const next = (): number => {
      if (position >= bytes.length || position >= ENTRY_HEADER_MAX)
        throw corrupt(this.packFile, `the entry at offset ${offset} has a bad header`)
      return bytes[position++]!
    }
    let byte = next()
    const typeNumber = (byte >> 4) & 7
    let size = byte & 0x0f
    let shift = 4
    while (byte & 0x80) {
      byte = next()
      size += (byte & 0x7f) * 2 ** shift
      shift += 7
      if (shift > 53) throw corrupt(this.packFile, `the entry at offset ${offset} is too large`)
    }
    const header: EntryHeader = { typeNumber, size, dataStart: 0 }
    if (typeNumber === OFS_DELTA) {
      // Big-endian groups of 7 bits, each continuation adding one (gitformat-pack(5)).
      byte = next()
      let distance = byte & 0x7f
      while (byte & 0x80) {
        byte = next()
        distance = (distance + 1) * 128 + (byte & 0x7f)
      }
      header.baseOffset = offset - distance
      if (distance === 0 || header.baseOffset < 12)
        throw corrupt(this.packFile, `the delta at offset ${offset} has a bad base offset`)
    } else if (typeNumber === REF_DELTA) {
      if (position + 20 > bytes.length)
        throw corrupt(this.packFile, `the delta at offset ${offset} is cut short`)
      header.baseId = bytes.toString('hex', position, position + 20)
      position += 20
    } else if (!PACK_TYPES[typeNumber]) {
      throw corrupt(this.packFile, `the entry at offset ${offset} has type ${typeNumber}`)
    }
    header.dataStart = offset + position
    return { header, bytes }
  }

  /** The compressed data of an entry: no more than its size allows, never past the pack's end. */
  compressed(offset: number, header: EntryHeader, bytes: Buffer, limit?: number): Buffer {
    const length = Math.min(
      deflatedBound(header.size),
      this.dataEnd - header.dataStart,
      limit ?? Infinity
    )
    const start = header.dataStart - offset
    if (start + length <= bytes.length) return bytes.subarray(start, start + length)
    return readAt(this.packFile, header.dataStart, length)
  }

  /** The entry's inflated data (a delta's instructions, for a delta). */
  data(offset: number, header: EntryHeader, bytes: Buffer): Buffer {
    return inflateExactly(
      this.compressed(offset, header, bytes),
      header.size,
      this.packFile,
      `the entry at offset ${offset}`
    )
  }
}

type Location = { pack: Pack; offset: number } | { loose: string }

/** Repository paths, found as git finds them from a directory. */
interface Layout {
  /** The directory holding `.git` (the work tree's top). */
  top: string
  /** The `.git` file of a worktree or submodule, if that is how the git dir was reached. */
  gitFile?: string
  /** HEAD and per-worktree refs. */
  gitDir: string
  /** Objects, shared refs, packed-refs and config (the git dir itself outside worktrees). */
  commonDir: string
}

/** gitrepository-layout(5): walk up from `cwd` to the first directory holding `.git`. */
function discover(cwd: string): Layout {
  const start = resolve(cwd)
  let device: number
  try {
    const stats = statSync(start)
    if (!stats.isDirectory()) throw new GitCliFallback(`${start} is not a directory`)
    device = stats.dev
  } catch (error) {
    if (error instanceof GitCliFallback) throw error
    throw new GitCliFallback(`cannot inspect ${start}: ${String(error)}`)
  }
  for (let dir = start; ;) {
    // git stops at a file system boundary unless told otherwise.
    if (statSync(dir).dev !== device)
      throw new GitCliFallback(`no .git below the file system boundary at ${dir}`)
    const dotGit = join(dir, '.git')
    let kind: 'dir' | 'file' | undefined
    try {
      const stats = statSync(dotGit)
      kind = stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : undefined
      if (!kind) throw new GitCliFallback(`${dotGit} is neither a directory nor a file`)
    } catch (error) {
      if (error instanceof GitCliFallback) throw error
      if (errnoOf(error) !== 'ENOENT' && errnoOf(error) !== 'ENOTDIR')
        throw new GitCliFallback(`cannot inspect ${dotGit}: ${String(error)}`)
    }
    if (kind === 'dir') return withCommonDir({ top: dir, gitDir: dotGit })
    if (kind === 'file') {
      // `gitdir: <path>`, relative to the file's directory (worktrees, submodules).
      const match = /^gitdir: (.+?)[\r\n]*$/.exec(readFileSync(dotGit, 'utf8'))
      if (!match) throw new GitCliFallback(`${dotGit} is not a "gitdir: <path>" file`)
      const gitDir = resolve(dir, match[1]!)
      return withCommonDir({ top: dir, gitFile: dotGit, gitDir })
    }
    // A bare repository (or a git dir entered directly) is found here by git: not handled.
    if (exists(join(dir, 'HEAD')) && isDirectory(join(dir, 'objects')))
      throw new GitCliFallback(`${dir} may be a bare repository`)
    const parent = dirname(dir)
    if (parent === dir) throw new GitCliFallback(`no git repository above ${start}`)
    dir = parent
  }
}

function withCommonDir(layout: Omit<Layout, 'commonDir'>): Layout {
  const commonDir = readIfPresent(join(layout.gitDir, 'commondir'))
  const common = commonDir === undefined ? undefined : commonDir.replace(/[\r\n]+$/, '')
  if (common === '') throw new GitCliFallback(`${layout.gitDir}/commondir is empty`)
  return {
    ...layout,
    commonDir: common === undefined ? layout.gitDir : resolve(layout.gitDir, common)
  }
}

/** A loose ref file: an object name or `ref: <target>`; undefined when absent. */
type RawRef = { object: string } | { target: string }

function parseRefText(text: string, file: string): RawRef {
  const object = /^([0-9a-fA-F]{40})(?:\s|$)/.exec(text)
  if (object) return { object: object[1]!.toLowerCase() }
  const symbolic = /^ref:\s*(\S+)\s*$/.exec(text)
  if (symbolic) return { target: symbolic[1]! }
  throw new GitCliFallback(`${file} is not a ref git would read the same way`)
}

/** A name gitrevisions(7) resolves as a ref, with nothing that could mean more (`~`, `@{`, `:`...). */
function isPlainRefName(name: string): boolean {
  return (
    /^[A-Za-z0-9_][A-Za-z0-9_./+-]*$/.test(name) &&
    !name.includes('..') &&
    !name.includes('//') &&
    !name.endsWith('/') &&
    !name.endsWith('.') &&
    name.split('/').every(part => !part.startsWith('.') && !part.endsWith('.lock'))
  )
}

/** The components of a plain root-relative path; odd paths go to the CLI, which decides. */
function pathComponents(path: string): Buffer[] {
  const parts = path.split('/')
  if (
    parts.some(part => part === '' || part === '.' || part === '..' || part.includes('\0')) ||
    Buffer.from(path, 'utf8').toString('utf8') !== path ||
    // macOS git precomposes Unicode in its arguments.
    (process.platform === 'darwin' && /[^\x20-\x7e]/.test(path))
  )
    throw new GitCliFallback(`the path '${path}' is not a plain path`)
  return parts.map(part => Buffer.from(part, 'utf8'))
}

/** git's tree order: a tree's name sorts as if it ended with '/'. */
function compareTreeNames(a: Buffer, aIsTree: boolean, b: Buffer, bIsTree: boolean): number {
  const common = Math.min(a.length, b.length)
  const order = a.compare(b, 0, common, 0, common)
  if (order !== 0) return order
  const aNext = a.length > common ? a[common]! : aIsTree ? 0x2f : 0
  const bNext = b.length > common ? b[common]! : bIsTree ? 0x2f : 0
  return aNext - bNext
}

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFLNK = 0o120000
const S_IFDIR = 0o040000
const S_IFGITLINK = 0o160000

/** git's canon_mode: what ls-tree prints for a tree entry's mode. */
function canonicalMode(mode: number): number {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return S_IFREG | (mode & 0o100 ? 0o755 : 0o644)
    case S_IFLNK:
      return S_IFLNK
    case S_IFDIR:
      return S_IFDIR
    default:
      return S_IFGITLINK
  }
}

function objectHash(type: ObjectType, data: Buffer): string {
  return createHash('sha1').update(`${type} ${data.length}\0`).update(data).digest('hex')
}

class LocalObjectStore implements ObjectStore {
  private readonly objectsDir: string
  private packs?: Pack[]
  private packedRefs?: Map<string, string>
  /** Commits, tags and trees already read: named by their content, they never change. */
  private readonly parsed = new Map<string, GitObject>()

  constructor(
    private readonly layout: Layout,
    private readonly env: NodeJS.ProcessEnv
  ) {
    this.objectsDir = join(layout.commonDir, 'objects')
  }

  /** The repository-wide checks: ownership, format, alternates, grafts, replace refs. */
  check(): this {
    const { top, gitFile, gitDir, commonDir } = this.layout
    // git refuses a repository another user owns (safe.directory): the CLI's answer then.
    const user = process.geteuid?.()
    if (user === undefined) throw new GitCliFallback('file ownership cannot be compared here')
    for (const path of [top, gitFile, gitDir]) {
      if (path !== undefined && lstatSync(path).uid !== user)
        throw new GitCliFallback(`${path} belongs to another user`)
    }
    // What git checks to call it a git directory.
    if (!isDirectory(this.objectsDir) || !isDirectory(join(commonDir, 'refs')))
      throw new GitCliFallback(`${gitDir} does not look like a git directory`)
    const head = readIfPresent(join(gitDir, 'HEAD'))
    if (head === undefined || lstatSync(join(gitDir, 'HEAD')).isSymbolicLink())
      throw new GitCliFallback(`${gitDir}/HEAD is missing or a symbolic link`)
    const parsedHead = parseRefText(head, join(gitDir, 'HEAD'))
    if ('target' in parsedHead && !parsedHead.target.startsWith('refs/'))
      throw new GitCliFallback(`${gitDir}/HEAD points outside refs/`)
    this.checkFormat(join(commonDir, 'config'))
    for (const path of [
      join(this.objectsDir, 'info', 'alternates'),
      join(commonDir, 'info', 'grafts')
    ])
      if (exists(path)) throw new GitCliFallback(`${path} exists`)
    if (this.env.GIT_NO_REPLACE_OBJECTS === undefined) {
      const replaceDir = join(commonDir, 'refs', 'replace')
      let replaced = false
      try {
        replaced = readdirSync(replaceDir).length > 0
      } catch (error) {
        if (errnoOf(error) !== 'ENOENT' && errnoOf(error) !== 'ENOTDIR')
          throw new GitCliFallback(`cannot list ${replaceDir}`)
      }
      if (replaced || [...this.packed().keys()].some(ref => ref.startsWith('refs/replace/')))
        throw new GitCliFallback('replace refs exist')
    }
    return this
  }

  /** core.repositoryformatversion and extensions.* (gitrepository-layout(5), "config"). */
  private checkFormat(configFile: string): void {
    const text = readIfPresent(configFile)
    if (text === undefined) return
    let section = ''
    for (const rawLine of text.split('\n')) {
      let line = rawLine.trim()
      if (line.endsWith('\\')) throw new GitCliFallback(`${configFile} has continued lines`)
      const header = /^\[\s*([A-Za-z0-9.-]+)\s*(?:"((?:[^"\\]|\\.)*)")?\s*\](.*)$/.exec(line)
      if (header) {
        section = header[2] === undefined ? header[1]!.toLowerCase() : '(subsection)'
        line = header[3]!.trim()
      } else if (line.startsWith('[')) {
        throw new GitCliFallback(`${configFile} has a section header this reader does not parse`)
      }
      if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
      if (section !== 'core' && section !== 'extensions') continue
      const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line)
      if (!entry) throw new GitCliFallback(`${configFile} has a line this reader does not parse`)
      const key = entry[1]!.toLowerCase()
      if (section === 'core' && key !== 'repositoryformatversion') continue
      const raw = entry[2] ?? 'true'
      if (/["\\]/.test(raw)) throw new GitCliFallback(`${configFile}: ${section}.${key} is quoted`)
      const value = raw.replace(/\s*[#;].*$/, '').trim()
      if (section === 'core') {
        if (!/^\d+$/.test(value) || Number(value) > 1)
          throw new GitCliFallback(`repository format version ${value}`)
      } else if (key === 'objectformat') {
        if (value !== 'sha1') throw new GitCliFallback(`object format ${value}`)
      } else if (!HARMLESS_EXTENSIONS.has(key)) {
        throw new GitCliFallback(`repository extension ${key}`)
      }
    }
  }

  private packed(): Map<string, string> {
    if (this.packedRefs) return this.packedRefs
    const file = join(this.layout.commonDir, 'packed-refs')
    const refs = new Map<string, string>()
    const text = readIfPresent(file) ?? ''
    const lines = text.split('\n')
    lines.forEach((line, index) => {
      if (line === '' && index === lines.length - 1) return
      if (index === 0 && line.startsWith('# pack-refs with:')) return
      const ref = /^([0-9a-f]{40}) (refs\/\S+)$/.exec(line)
      if (ref) refs.set(ref[2]!, ref[1]!)
      else if (!/^\^[0-9a-f]{40}$/.test(line))
        throw new GitCliFallback(`${file} line ${index + 1} is not one this reader parses`)
    })
    this.packedRefs = refs
    return refs
  }

  /** A ref's own value (loose file first, then packed-refs); undefined when it does not exist. */
  private rawRef(refname: string): RawRef | undefined {
    const { gitDir, commonDir } = this.layout
    if (refname !== 'HEAD' && !refname.startsWith('refs/')) {
      // Other names at the top of the git dir (FETCH_HEAD, ORIG_HEAD...) are git's business.
      if (
        exists(join(gitDir, refname)) ||
        (commonDir !== gitDir && exists(join(commonDir, refname)))
      )
        throw new GitCliFallback(`${refname} names a file in the git directory`)
      return undefined
    }
    if (!isPlainRefName(refname)) throw new GitCliFallback(`'${refname}' is not a plain ref name`)
    if (/^refs\/(bisect|worktree|rewritten)\//.test(refname))
      throw new GitCliFallback(`${refname} is a per-worktree ref`)
    const file = join(refname === 'HEAD' ? gitDir : commonDir, refname)
    let stats
    try {
      stats = lstatSync(file)
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT' && errnoOf(error) !== 'ENOTDIR')
        throw new GitCliFallback(`cannot inspect ${file}: ${String(error)}`)
    }
    if (stats?.isSymbolicLink()) throw new GitCliFallback(`${file} is a symbolic link`)
    if (stats?.isFile()) return parseRefText(readFileSync(file, 'utf8'), file)
    // A directory where the loose ref would be still leaves a packed one.
    if (stats && !stats.isDirectory()) throw new GitCliFallback(`${file} is not a file`)
    if (refname === 'HEAD') return undefined
    const packed = this.packed().get(refname)
    return packed === undefined ? undefined : { object: packed }
  }

  /** The object a ref points to, symbolic refs followed; undefined when it does not exist. */
  private resolveRef(refname: string): string | undefined {
    let name = refname
    for (let depth = 0; depth <= MAX_SYMREF_DEPTH; depth++) {
      const raw = this.rawRef(name)
      if (!raw) return undefined
      if ('object' in raw) return raw.object
      if (!raw.target.startsWith('refs/'))
        throw new GitCliFallback(`${name} points to ${raw.target}, outside refs/`)
      name = raw.target
    }
    throw new GitCliFallback(`${refname} is a chain of more than ${MAX_SYMREF_DEPTH} symbolic refs`)
  }

  /** gitrevisions(7) `<refname>` and a full object name; undefined when no such ref exists. */
  private resolveRevision(revision: string): string | undefined {
    if (/^[0-9a-fA-F]{40}$/.test(revision)) return revision.toLowerCase()
    if (!isPlainRefName(revision)) throw new GitCliFallback(`'${revision}' is not a plain ref name`)
    for (const rule of REF_RULES) {
      const object = this.resolveRef(rule(revision))
      if (object !== undefined) return object
    }
    // Without a ref, git tries the name as an abbreviated object name or `git describe` output.
    if (/^[0-9a-fA-F]{4,}$/.test(revision) || /-g[0-9a-fA-F]+$/.test(revision))
      throw new GitCliFallback(`'${revision}' may be an abbreviated object name`)
    return undefined
  }

  private listPacks(): Pack[] {
    const dir = join(this.objectsDir, 'pack')
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw new GitCliFallback(`cannot list ${dir}`)
      names = []
    }
    const present = new Set(names)
    return names
      .filter(name => name.endsWith('.idx') && present.has(`${name.slice(0, -4)}.pack`))
      .sort()
      .map(name => new Pack(join(dir, name), join(dir, `${name.slice(0, -4)}.pack`)))
  }

  /** Where an object is; a missing one (a partial clone's, fetched lazily by git) falls back. */
  private locate(object: string): Location {
    const id = Buffer.from(object, 'hex')
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt === 1 || !this.packs) this.packs = this.listPacks()
      for (const pack of this.packs) {
        const offset = pack.find(id)
        if (offset !== undefined) return { pack, offset }
      }
      const loose = join(this.objectsDir, object.slice(0, 2), object.slice(2))
      if (exists(loose)) return { loose }
    }
    throw new GitCliFallback(`object ${object} is in no pack and no loose file`)
  }

  private looseHeader(
    file: string,
    data: Buffer
  ): { type: ObjectType; size: number; start: number } {
    const end = data.indexOf(0)
    const match =
      end > 0 ? /^(commit|tree|blob|tag) (\d+)$/.exec(data.toString('latin1', 0, end)) : null
    if (!match) throw corrupt(file, 'no loose object header')
    return { type: match[1] as ObjectType, size: Number(match[2]), start: end + 1 }
  }

  private readLoose(file: string): GitObject {
    const raw = readFileSync(file)
    let inflated: Buffer
    try {
      inflated = inflateSync(raw)
    } catch (error) {
      throw corrupt(file, `does not inflate (${String(error)})`)
    }
    const { type, size, start } = this.looseHeader(file, inflated)
    if (inflated.length - start !== size)
      throw corrupt(file, `holds ${inflated.length - start} bytes, its header says ${size}`)
    return { type, data: inflated.subarray(start), file }
  }

  /** An object's type and size without inflating all of it (ls-tree --long's size). */
  private info(object: string): { type: ObjectType; size: number } {
    let location = this.locate(object)
    let size: number | undefined
    for (let depth = 0; depth <= MAX_DELTA_CHAIN; depth++) {
      if ('loose' in location) {
        const prefix = inflatePrefix(readAt(location.loose, 0, PREFIX_READ))
        if (prefix.indexOf(0) > 0) {
          const header = this.looseHeader(location.loose, prefix)
          return { type: header.type, size: size ?? header.size }
        }
        // A header not in the first bytes: odd, but the whole object tells.
        const whole = this.readLoose(location.loose)
        return { type: whole.type, size: size ?? whole.data.length }
      }
      const { pack, offset } = location
      const { header, bytes } = pack.header(offset)
      const type = PACK_TYPES[header.typeNumber]
      if (type) return { type, size: size ?? header.size }
      if (size === undefined) {
        // A delta starts with its base's size and its result's.
        let instructions = inflatePrefix(pack.compressed(offset, header, bytes, PREFIX_READ))
        let sizes = deltaVarint(instructions, 0)
        let result = sizes && deltaVarint(instructions, sizes.next)
        if (!result) {
          instructions = pack.data(offset, header, bytes)
          sizes = deltaVarint(instructions, 0)
          result = sizes && deltaVarint(instructions, sizes.next)
          if (!result) throw corrupt(pack.packFile, `the delta at offset ${offset} is cut short`)
        }
        size = result.value
      }
      location =
        header.baseOffset !== undefined
          ? { pack, offset: header.baseOffset }
          : this.locate(header.baseId!)
    }
    throw corrupt(object, `a delta chain longer than ${MAX_DELTA_CHAIN}`)
  }

  /** A commit, tag or tree, kept for the next call (a blob is read once, and may be big). */
  private readStructure(object: string): GitObject {
    const cached = this.parsed.get(object)
    if (cached) return cached
    const found = this.read(object)
    if (found.type !== 'blob') {
      if (this.parsed.size >= 256) this.parsed.clear()
      this.parsed.set(object, found)
    }
    return found
  }

  private read(object: string): GitObject {
    let location = this.locate(object)
    const deltas: Array<{ delta: Buffer; file: string }> = []
    let base: GitObject | undefined
    for (let depth = 0; !base; depth++) {
      if (depth > MAX_DELTA_CHAIN)
        throw corrupt(
          deltas[0]!.file,
          `object ${object} has a delta chain longer than ${MAX_DELTA_CHAIN}`
        )
      if ('loose' in location) {
        base = this.readLoose(location.loose)
        break
      }
      const { pack, offset } = location
      const { header, bytes } = pack.header(offset)
      const data = pack.data(offset, header, bytes)
      const type = PACK_TYPES[header.typeNumber]
      if (type) {
        base = { type, data, file: pack.packFile }
        break
      }
      deltas.push({ delta: data, file: pack.packFile })
      location =
        header.baseOffset !== undefined
          ? { pack, offset: header.baseOffset }
          : this.locate(header.baseId!)
    }
    let data = base.data
    for (let i = deltas.length - 1; i >= 0; i--)
      data = applyDelta(data, deltas[i]!.delta, deltas[i]!.file)
    return { type: base.type, data, file: deltas[0]?.file ?? base.file }
  }

  /** An object git parses (and so checks against its name) while peeling a revision. */
  private readChecked(object: string): GitObject {
    const found = this.readStructure(object)
    if (objectHash(found.type, found.data) !== object)
      throw corrupt(found.file, `object ${object} does not match its name`)
    return found
  }

  /** The tree a revision names: tags peeled, a commit's tree (its first line). */
  private treeOf(object: string): { id: string; tree: GitObject } {
    let current = object
    for (let depth = 0; depth <= MAX_PEEL_DEPTH; depth++) {
      if (this.info(current).type === 'blob')
        throw new GitCliFallback(`${current} is a blob, not a tree-ish`)
      const found = this.readChecked(current)
      if (found.type === 'tree') return { id: current, tree: found }
      const pointer = found.type === 'commit' ? 'tree' : 'object'
      const match = new RegExp(`^${pointer} ([0-9a-f]{40})\n`).exec(
        found.data.toString('latin1', 0, 100)
      )
      if (!match) throw corrupt(found.file, `${found.type} ${current} names no ${pointer}`)
      current = match[1]!
    }
    throw new GitCliFallback(`${object} is a chain of more than ${MAX_PEEL_DEPTH} tags`)
  }

  entry(revision: string, path: string): TreeEntry | undefined {
    const components = pathComponents(path)
    const start = this.resolveRevision(revision)
    if (start === undefined) return undefined
    let { id: treeId, tree } = this.treeOf(start)
    for (let i = 0; i < components.length; i++) {
      if (tree.type !== 'tree') throw corrupt(tree.file, `${treeId} is a ${tree.type}, not a tree`)
      const found = findInTree(tree, treeId, components[i]!)
      if (!found) return undefined
      const mode = canonicalMode(found.mode)
      const type = mode === S_IFDIR ? 'tree' : mode === S_IFGITLINK ? 'commit' : 'blob'
      if (i === components.length - 1) {
        const entry: TreeEntry = {
          mode: mode.toString(8).padStart(6, '0'),
          type,
          object: found.object
        }
        if (type === 'blob') {
          const info = this.info(found.object)
          if (info.type !== 'blob') throw new GitCliFallback(`${found.object} is not a blob`)
          entry.size = info.size
        }
        return entry
      }
      // ls-tree finds nothing below a file, a link or a submodule.
      if (type !== 'tree') return undefined
      treeId = found.object
      tree = this.readStructure(treeId)
    }
    return undefined
  }

  readBlob(object: string): Buffer {
    if (!/^[0-9a-f]{40}$/.test(object))
      throw new GitCliFallback(`'${object}' is not an object name`)
    const found = this.read(object)
    if (found.type !== 'blob') throw new GitCliFallback(`${object} is a ${found.type}, not a blob`)
    return found.data
  }
}

/**
 * The tree entry named `name`, checking the entries up to it are in git's order (git stops
 * looking once it passes the name's place; an unsorted tree is the CLI's to answer).
 */
function findInTree(
  tree: GitObject,
  treeId: string,
  name: Buffer
): { mode: number; object: string } | undefined {
  const data = tree.data
  let previous: { name: Buffer; isTree: boolean } | undefined
  for (let position = 0; position < data.length;) {
    const space = data.indexOf(0x20, position)
    const nul = space < 0 ? -1 : data.indexOf(0, space + 1)
    if (space <= position || nul <= space + 1 || nul + 21 > data.length)
      throw corrupt(tree.file, `tree ${treeId} has a malformed entry`)
    const modeText = data.toString('latin1', position, space)
    if (!/^[0-7]+$/.test(modeText))
      throw corrupt(tree.file, `tree ${treeId} has mode '${modeText}'`)
    const mode = parseInt(modeText, 8)
    const entryName = data.subarray(space + 1, nul)
    const isTree = (mode & S_IFMT) === S_IFDIR
    if (previous && compareTreeNames(previous.name, previous.isTree, entryName, isTree) >= 0)
      throw new GitCliFallback(`tree ${treeId} is not in git's order`)
    previous = { name: entryName, isTree }
    if (entryName.equals(name)) return { mode, object: data.toString('hex', nul + 1, nul + 21) }
    position = nul + 21
  }
  return undefined
}

/**
 * Opens the repository `cwd` is in, as git would find it. Throws GitCliFallback when the layout
 * is one this reader leaves to the git CLI (see the file's comment).
 */
export function openObjectStore(cwd: string, env: NodeJS.ProcessEnv = process.env): ObjectStore {
  const moved = LAYOUT_VARIABLES.filter(name => env[name] !== undefined)
  if (moved.length) throw new GitCliFallback(`${moved.join(', ')} set`)
  return new LocalObjectStore(discover(cwd), env).check()
}
