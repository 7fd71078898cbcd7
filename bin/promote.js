#!/usr/bin/env node
// The CLI runs the same shared bundle as the actions: dist/cli/index.js is its entry stub.
import module from 'node:module'
import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'

// Node 22.1 and later keep V8's compiled code between runs: a second `promote validate` starts
// ~12 ms sooner on Node 24. The cache is a cache, so it lives with the user's caches, not in the
// temp directory a command's files come and go in (NODE_COMPILE_CACHE still wins, and
// NODE_DISABLE_COMPILE_CACHE turns it off); with no absolute cache directory there is none. Not in
// the actions: a hosted runner's first step would pay to write a cache that its job, on a fresh
// machine, seldom reads.
function userCacheDir() {
  try {
    return [process.env.XDG_CACHE_HOME, join(homedir(), '.cache')].find(
      dir => dir && isAbsolute(dir)
    )
  } catch {
    return undefined // no home directory (a user without a passwd entry)
  }
}
const caches = userCacheDir()
if (caches) module.enableCompileCache?.(join(caches, 'promote-actions', 'node'))
await import('../dist/cli/index.js')
