import { isAbsolute, posix, relative, sep, win32 } from 'node:path'

/**
 * Names and paths inside the consumer's repository: which files the manifest walk reads, which
 * model keys can name a manifest, and whether a configured path stays inside the repository.
 * Pure (no file-system access): the schema, the walk and `promote export` share these rules.
 */

/** Names starting with '.' are hidden: the manifest walk skips them (and .git with them). */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.')
}

/** Files the manifest walk reads as manifests. */
export function isYamlName(name: string): boolean {
  return /\.ya?ml$/.test(name)
}

/**
 * A model key names its manifest `<key>:<tag>.yaml` inside the export dir, so it must be one
 * visible file name: not hidden (the walk would skip it), no path separator (it would land in
 * another directory, or outside the repository), no ':' (it ends the key in the file name), no
 * spaces or control characters (they break shells, annotations and git paths).
 */
// Control characters are exactly what is refused, so the regex names them.
// eslint-disable-next-line no-control-regex
export const MODEL_KEY_PATTERN = /^(?!\.)[^/\\:\s\x00-\x1f\x7f]+$/
export const MODEL_KEY_RULE =
  "must not start with '.' or contain '/', '\\', ':', spaces or control characters (it names the exported file <name>:<tag>.yaml)"

/** Why `key` cannot name a manifest file, or undefined when it can. */
export function modelKeyProblem(key: string): string | undefined {
  if (key === '') return 'must not be empty'
  return MODEL_KEY_PATTERN.test(key) ? undefined : MODEL_KEY_RULE
}

/**
 * Why a configured directory (exportDir, --export-dir, --dir) leaves the repository, judged by
 * its text alone (symbolic links are checked where the directory is read): absolute paths and
 * paths whose '..' climb above the repository root. Undefined when it stays inside.
 */
export function outsideRepositoryProblem(path: string): string | undefined {
  if (path.includes('\0')) return 'must not contain NUL characters'
  if (posix.isAbsolute(path) || win32.isAbsolute(path))
    return 'must be a path relative to the repository root, not an absolute path'
  const normal = posix.normalize(path.replace(/\\/g, '/'))
  if (normal === '..' || normal.startsWith('../'))
    return "must stay inside the repository ('..' leads out of it)"
  return undefined
}

/** Whether `path` is `root` or lies under it (both absolute, symbolic links already resolved). */
export function isInside(root: string, path: string): boolean {
  const rest = relative(root, path)
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest))
}
