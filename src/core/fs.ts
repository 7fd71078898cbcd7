import { constants, type Dirent } from 'node:fs'
import { lstat, mkdir, open, opendir, realpath, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, basename, relative, resolve, sep } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ConfigurationError, errorMessage, isConfigurationError, type Problem } from './errors.js'
import { isHiddenName, isInside, isYamlName } from './paths.js'
import { decodeUtf8 } from './yaml-source.js'

/**
 * Writes a file so readers see the old content or the new, never a part: write a temporary file
 * beside it, flush it, then rename it over the target.
 */
export async function writeFileAtomic(file: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(content)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** Directory levels the manifest walk descends below the export dir. */
export const MAX_WALK_DEPTH = 32
/** Directory entries the manifest walk looks at in all; an export dir holds manifests only. */
export const MAX_WALK_ENTRIES = 10_000

/** A failed file-system call in plain words, for a problem that names the file. */
function plainReason(error: unknown, notFound: string): string {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return notFound
    case 'EISDIR':
      return 'is a directory, not a file'
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied'
    case 'ELOOP':
      return 'is a loop of symbolic links'
    case 'ENAMETOOLONG':
      return 'has a name too long for the file system'
    default:
      return `cannot be read (${code ?? errorMessage(error)})`
  }
}

const fail = (file: string, message: string): never => {
  throw new ConfigurationError([{ file, message }])
}

/**
 * The real path of `file` (every symbolic link resolved) if it lies inside the repository whose
 * real root is `rootReal`; otherwise a ConfigurationError naming `shown` and saying why.
 */
async function realPathInside(
  rootReal: string,
  file: string,
  shown: string,
  notFound: string
): Promise<string> {
  let real: string
  try {
    real = await realpath(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // A link whose target is missing still exists itself.
    const dangling =
      code === 'ENOENT' &&
      (await lstat(file).then(
        s => s.isSymbolicLink(),
        () => false
      ))
    return fail(
      shown,
      dangling ? 'is a symbolic link to a file that does not exist' : plainReason(error, notFound)
    )
  }
  if (!isInside(rootReal, real)) {
    const link = await lstat(file).then(
      s => s.isSymbolicLink(),
      () => false
    )
    fail(
      shown,
      `is ${link ? 'a symbolic link to a file ' : ''}outside the repository; it was not read`
    )
  }
  return real
}

/**
 * Reads a text file of the repository at `root` (promote.yaml, a manifest) so that nothing
 * outside the repository is ever opened: its real path must lie inside the root's real path
 * (symbolic links within the repository are fine). Otherwise as readUserText.
 */
export async function readRepoText(
  root: string,
  file: string,
  options: { shown: string; maxBytes: number; notFound?: string }
): Promise<string> {
  const rootReal = await realpath(root)
  const notFound = options.notFound ?? 'file not found'
  return readUserText(await realPathInside(rootReal, file, options.shown, notFound), options)
}

/**
 * Reads a text file the user named: it must be a regular file no bigger than `maxBytes`
 * (checked before reading, and never read past) and its bytes valid UTF-8. Every failure is a
 * ConfigurationError naming `shown` with the reason in plain words.
 */
export async function readUserText(
  file: string,
  options: { shown: string; maxBytes: number; notFound?: string }
): Promise<string> {
  const { shown, maxBytes } = options
  const notFound = options.notFound ?? 'file not found'
  let handle
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below).
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return fail(shown, plainReason(error, notFound))
  }
  try {
    const stats = await handle.stat()
    if (stats.isDirectory()) fail(shown, 'is a directory, not a file')
    if (!stats.isFile()) fail(shown, 'is not a regular file (a device, FIFO or socket)')
    if (stats.size > maxBytes)
      fail(shown, `file is ${stats.size} bytes; the limit is ${maxBytes} bytes`)
    // Read to the end but never past the limit: a file may grow after fstat. The first read asks
    // for the size fstat gave plus one byte (growth shows), later ones for 64 KiB: zero-filling
    // a megabyte per read cost more than the parse of a small manifest. Only the bytes read are kept.
    const chunks: Buffer[] = []
    let total = 0
    let wanted = stats.size + 1
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(wanted, 1024 * 1024, maxBytes + 1 - total))
      wanted = 64 * 1024
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > maxBytes) fail(shown, `file is over ${maxBytes} bytes, the limit`)
    }
    return decodeUtf8(shown, Buffer.concat(chunks, total))
  } catch (error) {
    if (isConfigurationError(error)) throw error
    return fail(shown, plainReason(error, notFound))
  } finally {
    await handle.close()
  }
}

/**
 * Throws unless the directory `dir` (which need not exist yet) would be inside the repository at
 * `root` once created: the deepest part of it that exists must resolve inside the root.
 */
export async function requireDirectoryInside(
  root: string,
  dir: string,
  shown: string
): Promise<void> {
  const rootReal = await realpath(root)
  let existing = resolve(dir)
  for (;;) {
    try {
      const real = await realpath(existing)
      if (!isInside(rootReal, real))
        fail(shown, 'leads out of the repository through a symbolic link; nothing is written there')
      if (!(await stat(real)).isDirectory())
        fail(shown, `cannot be a directory: ${relative(root, existing) || '.'} is a file`)
      return
    } catch (error) {
      if (isConfigurationError(error)) throw error
      const code = (error as NodeJS.ErrnoException).code
      const parent = dirname(existing)
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === existing)
        fail(shown, plainReason(error, 'cannot be created'))
      // A dangling link would be created through: refuse it like one that leads out.
      if (
        await lstat(existing).then(
          s => s.isSymbolicLink(),
          () => false
        )
      )
        fail(
          shown,
          'is a symbolic link to a directory that does not exist; nothing is written there'
        )
      existing = parent
    }
  }
}

export interface ManifestWalk {
  /** Paths of the YAML files found (under `dir` as given, links not resolved), in name order. */
  files: string[]
  /** Directories and links that were not searched, each naming the path and why. */
  problems: Problem[]
}

/**
 * The YAML files under `dir` (the export dir), for validation. Hidden names are skipped. It
 * never leaves the repository at `root`: a link to a directory outside is reported, not
 * followed; and it stays bounded on any tree: directories on another file system (a /proc, a
 * mount) are not entered, a directory reached twice (a link cycle) is searched once, at most
 * MAX_WALK_DEPTH levels and MAX_WALK_ENTRIES entries. Links named like manifests are listed
 * as they are: readRepoText reports the ones that cannot be read.
 */
export async function listManifestFiles(root: string, dir: string): Promise<ManifestWalk> {
  const files: string[] = []
  const problems: Problem[] = []
  const shown = (path: string) => relative(root, path).split(sep).join('/') || '.'
  const report = (path: string, message: string) => problems.push({ file: shown(path), message })
  const rootReal = await realpath(root)
  let startReal: string
  try {
    startReal = await realpath(dir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const dangling =
      code === 'ENOENT' &&
      (await lstat(dir).then(
        s => s.isSymbolicLink(),
        () => false
      ))
    // No export dir yet: nothing to validate.
    if (code === 'ENOENT' && !dangling) return { files, problems }
    report(
      dir,
      dangling
        ? 'is a symbolic link to a directory that does not exist'
        : plainReason(error, 'not found')
    )
    return { files, problems }
  }
  if (!isInside(rootReal, startReal)) {
    report(dir, 'is a symbolic link out of the repository; nothing under it was read')
    return { files, problems }
  }
  const start = await stat(startReal)
  if (!start.isDirectory()) {
    report(dir, 'is not a directory')
    return { files, problems }
  }
  const visited = new Set<string>([startReal])
  let entries = 0

  const enter = async (path: string, real: string, depth: number): Promise<void> => {
    let handle
    try {
      handle = await opendir(real)
    } catch (error) {
      report(path, plainReason(error, 'not found'))
      return
    }
    const names: Dirent[] = []
    for await (const entry of handle) {
      if (++entries > MAX_WALK_ENTRIES) break
      names.push(entry)
    }
    if (entries > MAX_WALK_ENTRIES) {
      report(
        dir,
        `holds more than ${MAX_WALK_ENTRIES} entries; the rest were not searched (an export dir holds manifests only)`
      )
      // opendir's iterator closes the handle when the loop ends, early or not.
      return
    }
    for (const entry of names.sort((a, b) => a.name.localeCompare(b.name))) {
      if (isHiddenName(entry.name)) continue
      const childPath = join(path, entry.name)
      const childReal = join(real, entry.name)
      if (isYamlName(entry.name) && !entry.isDirectory()) {
        files.push(childPath)
        continue
      }
      let target = childReal
      if (entry.isSymbolicLink()) {
        try {
          target = await realpath(childReal)
        } catch {
          continue // a dangling link that is no manifest: nothing to search
        }
      } else if (!entry.isDirectory()) continue
      const stats = await stat(target).catch(() => undefined)
      if (!stats?.isDirectory()) continue
      if (!isInside(rootReal, target)) {
        report(childPath, 'is a symbolic link to a directory outside the repository; not searched')
      } else if (stats.dev !== start.dev) {
        report(childPath, 'is another file system (a mount point); not searched')
      } else if (visited.has(target)) {
        // A link cycle, or a second name for a directory already searched.
      } else if (depth + 1 > MAX_WALK_DEPTH) {
        report(childPath, `is more than ${MAX_WALK_DEPTH} directories deep; not searched`)
      } else {
        visited.add(target)
        await enter(childPath, target, depth + 1)
      }
      if (entries > MAX_WALK_ENTRIES) return
    }
  }
  await enter(dir, startReal, 0)
  return { files, problems }
}
