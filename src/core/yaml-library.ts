import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as YamlLibrary from 'yaml'

/**
 * The `yaml` library, loaded the first time it is needed. It keeps every node's position, so it
 * reads any file js-yaml's fast path declines and tells where each problem is; but at 190 KB it
 * cost every step ~10 ms to load when most never call it (a valid promote.yaml is read by the
 * fast path). Its callers are synchronous (a parameter's `declaredAt` getter, problem builders),
 * so this is a synchronous `require`, not a dynamic import.
 *
 * In dist/ the library is its own CommonJS file beside the bundle (scripts/build.mjs writes
 * dist/bundle/yaml.cjs); run from source, it is the package itself.
 */
let library: typeof YamlLibrary | undefined

export function yamlLibrary(): typeof YamlLibrary {
  if (library) return library
  const bundled = join(dirname(fileURLToPath(import.meta.url)), 'yaml.cjs')
  // Both resolved at run time on purpose: the bundler must not pull the library back into a chunk.
  const load = createRequire(import.meta.url)
  const specifier = existsSync(bundled) ? bundled : 'yaml'
  library = load(specifier) as typeof YamlLibrary
  return library
}
