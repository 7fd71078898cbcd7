import { lstat } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { manifestFileName } from '../core/config/resolve.js'
import { ConfigurationError } from '../core/errors.js'
import { readRepoText, requireDirectoryInside, writeFileAtomic } from '../core/fs.js'
import {
  mlrunArtifactExport,
  mlrunKeyOrder,
  parseManifest,
  stringifyManifest,
  type ModelRecord
} from '../core/manifest.js'
import { printable } from '../core/log-safety.js'
import { modelKeyProblem, outsideRepositoryProblem } from '../core/paths.js'
import { formatValue } from '../core/report.js'
import { parseModelUri } from '../core/uri.js'
import { fromJsValue, type PythonDict } from '../core/yaml-export.js'
import { MAX_MANIFEST_BYTES } from '../core/yaml-source.js'
import type { ModelRegistry } from '../adapters/registries/types.js'
import type { Log } from './ports.js'

export interface ExportRequest {
  uri: string
  /** Tag in the file name (`<key>:<tag>.yaml`), e.g. challenger. */
  tag: string
  /** Export directory, relative to cwd. */
  dir: string
  cwd: string
  registry: ModelRegistry
  /** Asks the user; undefined means do not ask (--yes). */
  confirm?: (question: string) => Promise<boolean>
  log: Log
  /** The branch the PR should go to, for the next-steps hint. */
  targetBranch?: string
}

export type ExportResult =
  { exported: true; file: string; record: ModelRecord } | { exported: false; reason: 'declined' }

/** The seed's question, word for word. */
export function exportQuestion(uri: string, tag: string): string {
  return `Export model '${uri}' with tag '${tag}'? (yes/no): `
}

/** A Python string literal, for the import hint. */
function pythonString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/**
 * Resolves a model in its registry and writes its manifest to `<dir>/<key>:<tag>.yaml`.
 *
 * MLRun's artifact is written as MLRun's own `artifact.export()` writes it: the fields `to_dict`
 * keeps (mlrunArtifactExport), as PyYAML's `safe_dump` writes them (stringifyManifest), so MLRun's
 * YAML 1.1 reader gets exactly the values the API answered with, floats included; a re-export
 * keeps the key order of the file it replaces (MLRun's own order is random per process), so the
 * diff shows only what changed. `project.set_artifact(key, artifact="artifacts/<key>:<tag>.yaml",
 * tag="<tag>")` imports it back under the export tag. The other registries write the same shape
 * with metadata.tag set to the export tag.
 */
export async function exportModel(request: ExportRequest): Promise<ExportResult> {
  const { uri, tag, log } = request
  try {
    parseModelUri(uri)
  } catch (error) {
    throw new ConfigurationError((error as Error).message)
  }
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(tag))
    throw new ConfigurationError(`tag '${tag}' must be letters, digits, '.', '-' or '_'`)
  // Where lint-test looks: inside the repository (cwd), also through symbolic links.
  const dirProblem = outsideRepositoryProblem(request.dir)
  if (dirProblem)
    throw new ConfigurationError(`export dir '${printable(request.dir)}' ${dirProblem}`)
  await requireDirectoryInside(request.cwd, resolve(request.cwd, request.dir), request.dir)

  // Resolve before asking: nobody should agree to export a model that is not there.
  const resolved = await request.registry.resolve(uri)
  const rawKey = (resolved.manifest.metadata as { key?: unknown } | undefined)?.key
  const key = typeof rawKey === 'string' ? rawKey : ''
  // The key names the file: one that validation would skip (`.hidden`) or refuse (`a b`), or
  // that would put it elsewhere (`../x`), is refused before anything is written.
  const keyProblem = modelKeyProblem(key)
  if (keyProblem)
    throw new ConfigurationError(
      `the registry's model key ${rawKey === undefined ? '(none)' : `'${printable(String(rawKey))}'`} ${keyProblem}; nothing was written`
    )
  const fileName = manifestFileName(key, tag)
  const file = resolve(request.cwd, request.dir, fileName)
  const shown = relative(request.cwd, file) || fileName
  // The file this export replaces, read like any manifest (never through a link out of the
  // repository); anything there that is not a readable manifest is the user's to remove.
  const exists = await lstat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT'
  )
  const previous = exists
    ? await readRepoText(request.cwd, file, { shown, maxBytes: MAX_MANIFEST_BYTES })
    : undefined
  let manifest: PythonDict
  if (request.registry.kind === 'mlrun') {
    const python = resolved.python ?? (fromJsValue(resolved.manifest) as PythonDict)
    manifest = mlrunArtifactExport(python, previous === undefined ? {} : mlrunKeyOrder(previous))
  } else {
    manifest = fromJsValue(resolved.manifest) as PythonDict
    const metadata = manifest.get('metadata')
    if (metadata instanceof Map) metadata.set('tag', tag)
  }
  const text = stringifyManifest(manifest)
  // What we write must pass the same checks lint-test runs on it (the one parse of the manifest).
  const checked = parseManifest(join(request.dir, fileName), text, { knownTags: [tag] })

  const record = checked.record
  log.info(
    `Model ${record.name}${record.version ? ` version ${record.version}` : ''} (${record.uri})`
  )
  const metrics = Object.entries(record.metrics)
  if (metrics.length)
    log.info(`  metrics: ${metrics.map(([k, v]) => `${k}=${formatValue(v)}`).join(', ')}`)
  if (record.location) log.info(`  location: ${record.location}`)

  if (request.confirm && !(await request.confirm(exportQuestion(uri, tag)))) {
    log.info('Export cancelled: nothing was written.')
    return { exported: false, reason: 'declined' }
  }
  if (previous === text) {
    log.info(`${shown} already holds this export: nothing changed.`)
    return { exported: true, file, record }
  }
  await writeFileAtomic(file, text)
  log.info(`${previous === undefined ? 'Wrote' : 'Updated'} ${shown}`)
  log.info('')
  log.info('Next steps:')
  log.info(`  git add '${shown}'`)
  log.info(`  git commit -m 'Export ${key} (${record.version ?? record.uri}) as ${tag}'`)
  if (request.registry.kind === 'mlrun') {
    log.info(
      `  (MLRun imports it with project.set_artifact(key=${pythonString(key)}, artifact=${pythonString(shown)}, tag=${pythonString(tag)}))`
    )
  }
  log.info(
    `  git push, then open a pull request${request.targetBranch ? ` into ${request.targetBranch}` : ''}: lint-test checks it and compares it with the champion`
  )
  return { exported: true, file, record }
}
