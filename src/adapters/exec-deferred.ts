/**
 * `@actions/exec` as the bundle sees it: tsconfig.json maps the module name here, as it maps
 * undici and @actions/http-client. @actions/core imports exec for `platform.getDetails()` alone,
 * which no step of ours calls, yet that import put exec and child_process (with net, dgram, the
 * stream modules and assert behind it) on every step's start. Both functions are async, so the
 * real module loads on the first call, for lint-test's commands or anyone else's.
 */
import type * as ExecModule from '../../node_modules/@actions/exec/lib/exec.js'

export type {
  ExecListeners,
  ExecOptions,
  ExecOutput
} from '../../node_modules/@actions/exec/lib/exec.js'

let loading: Promise<typeof ExecModule> | undefined

// A path, not the package name: the name is what tsconfig maps to this very file.
const loadExec = () => (loading ??= import('../../node_modules/@actions/exec/lib/exec.js'))

export async function exec(...args: Parameters<typeof ExecModule.exec>): Promise<number> {
  return (await loadExec()).exec(...args)
}

export async function getExecOutput(
  ...args: Parameters<typeof ExecModule.getExecOutput>
): Promise<ExecModule.ExecOutput> {
  return (await loadExec()).getExecOutput(...args)
}
