import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/shared.js'

/**
 * A private copy of the built dist/ (the shared bundle and the CLI stub bin/promote.js loads),
 * taken under the build lock, so a rebuild by someone else in the same checkout cannot pull it
 * away mid-test. Returns the copy's CLI entry, <copy>/cli/index.js.
 */
export function cliSnapshot(): string {
  const dist = join(REPO_ROOT, 'dist')
  const copy = mkdtempSync(join(tmpdir(), 'promote-cli-'))
  const lock = '/tmp/promote-build.lock'
  const hasFlock = ['/usr/bin/flock', '/bin/flock'].some(existsSync)
  if (hasFlock) execFileSync('flock', [lock, 'cp', '-R', `${dist}/.`, copy])
  else cpSync(dist, copy, { recursive: true })
  const entry = join(copy, 'cli', 'index.js')
  if (!existsSync(entry)) throw new Error(`${dist}/cli/index.js is missing: run npm run build`)
  return entry
}
