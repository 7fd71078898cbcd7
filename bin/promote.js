#!/usr/bin/env node
// The CLI runs the same shared bundle as the actions: dist/cli/index.js is its entry stub.
import module from 'node:module'
import { homedir } from 'node:os'
import { join } from 'node:path'

// Node 22.1 and later keep V8's compiled code between runs: a second `promote validate` starts
// ~12 ms sooner on Node 24. The cache is a cache, so it lives with the user's caches, not in the
// temp directory a command's files come and go in (NODE_COMPILE_CACHE still wins, and
// NODE_DISABLE_COMPILE_CACHE turns it off). Not in the actions: a hosted runner's first step
// would pay to write a cache that its job, on a fresh machine, seldom reads.
module.enableCompileCache?.(
  join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'promote-actions', 'node')
)
await import('../dist/cli/index.js')
