import { loadUndiciWhenProxied } from './adapters/proxy.js'

/**
 * The one bundle behind every entry point: dist/bundle/index.js. Each action step and the CLI is
 * a tiny stub (dist/<action>/main.js, post.js, dist/cli/index.js) that calls start() with its
 * name; the step's code is imported here, dynamically, so ncc puts it in chunks that load only
 * when that step runs, and code two steps share sits in one chunk instead of one copy per action.
 */
const ENTRIES = {
  'submit-train': async () => (await import('./actions/submit-train/main.js')).run(),
  'submit-train/post': async () => (await import('./actions/submit-train/post.js')).run(),
  'submit-deploy': async () => (await import('./actions/submit-deploy/main.js')).run(),
  'submit-deploy/post': async () => (await import('./actions/submit-deploy/post.js')).run(),
  'lint-test': async () => (await import('./actions/lint-test/main.js')).run(),
  notify: async () => (await import('./actions/notify/main.js')).run(),
  cli: async () => {
    await import('./cli/index.js')
  }
} satisfies Record<string, () => Promise<void>>

export type EntryName = keyof typeof ENTRIES

export const ENTRY_NAMES = Object.keys(ENTRIES) as EntryName[]

/** Runs one entry point; an action's run() never throws (runAction), the CLI sets the exit code. */
export async function start(name: EntryName): Promise<void> {
  try {
    await loadUndiciWhenProxied()
  } catch {
    // A malformed proxy variable: the step or command says so where it reads it.
  }
  return ENTRIES[name]()
}
