import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The team's shared material, beside the clone. */
export const SHARED_DIR = process.env.PROMOTE_SHARED_DIR ?? resolve(REPO_ROOT, '..', 'shared')

/**
 * Path of a file under ../shared, or undefined when it is absent. Absent is a skip with a printed
 * reason on a clone elsewhere, and a failure under CI (REQUIRE_SHARED=1).
 */
export function sharedFile(relative: string): string | undefined {
  const file = join(SHARED_DIR, relative)
  if (existsSync(file)) return file
  const reason = `../shared/${relative} is not present at ${file}`
  if (process.env.REQUIRE_SHARED === '1')
    throw new Error(`${reason}, and REQUIRE_SHARED=1 requires it`)
  console.warn(
    `skipping: ${reason} (tests that need the team's shared specs and fixtures are skipped)`
  )
  return undefined
}

/** `describe` when the shared file exists, `describe.skip` otherwise (throws under REQUIRE_SHARED=1). */
export function describeWithShared(relative: string): {
  file: string | undefined
  describe: jest.Describe
} {
  const file = sharedFile(relative)
  return { file, describe: file ? describe : describe.skip }
}
