// Loader hook (node --import): appends the URL of every file of dist/bundle/ the process loads to
// the file named by PROMOTE_LOADED_CHUNKS, so a test can tell which chunks a step used.
import { register } from 'node:module'

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  if (url.includes('/dist/bundle/')) appendFileSync(process.env.PROMOTE_LOADED_CHUNKS, url + '\\n')
  return next(url, context)
}`)
)
