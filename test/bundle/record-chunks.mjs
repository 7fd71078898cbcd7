// Loader hook (node --import): appends the URL of every file of dist/bundle/ the process loads to
// the file named by PROMOTE_LOADED_CHUNKS, so a test can tell which chunks a step used. Chunks are
// ES modules (the load hook sees them); dist/bundle/yaml.cjs is required (src/core/yaml-library.ts),
// so it is found in require's cache when the process exits.
import { appendFileSync } from 'node:fs'
import { createRequire, register } from 'node:module'
import { pathToFileURL } from 'node:url'

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  if (url.includes('/dist/bundle/')) appendFileSync(process.env.PROMOTE_LOADED_CHUNKS, url + '\\n')
  return next(url, context)
}`)
)

const required = createRequire(import.meta.url).cache
process.on('exit', () => {
  for (const path of Object.keys(required)) {
    if (path.includes('/dist/bundle/'))
      appendFileSync(process.env.PROMOTE_LOADED_CHUNKS, `${pathToFileURL(path).href}\n`)
  }
})
