import { mkdtemp, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { DeploymentRecord, DeploymentStore } from '../adapters/deployments/types.js'
import { ConfigurationError } from '../core/errors.js'
import { writeFileAtomic } from '../core/fs.js'
import { manifestSchema, stringifyManifest, toModelRecord } from '../core/manifest.js'
import type { DeployManifest, RollbackTarget } from './deploy.js'
import { liveDeployment, shortHash, wasSuccessful } from './history.js'
import type { Log } from './ports.js'

/**
 * Rollback redeploys the manifest of an earlier successful deployment of the same environment,
 * read from that deployment's payload (so it needs neither the git history nor the registry's
 * old tag), and records a new deployment that says what it restored and what it replaced.
 */
export interface RollbackPlan extends RollbackTarget {
  raw: Record<string, unknown>
  record: DeployManifest['record']
}

export async function planRollback(
  store: DeploymentStore,
  environment: string,
  options: { to?: string | number; log: Log }
): Promise<RollbackPlan> {
  const records = await store.list(environment, { limit: 100 })
  const live = liveDeployment(records)
  let restores: DeploymentRecord | undefined
  if (options.to !== undefined && String(options.to) !== '') {
    const id = String(options.to).replace(/^#/, '')
    restores = records.find(r => String(r.id) === id)
    if (!restores) {
      throw new ConfigurationError(
        `rollback: no deployment #${id} in ${environment}; recent ones: ${
          records
            .slice(0, 10)
            .map(r => `#${r.id} ${r.state}`)
            .join(', ') || '(none)'
        } (see promote history --env ${environment})`
      )
    }
    if (!wasSuccessful(restores)) {
      throw new ConfigurationError(
        `rollback: deployment #${id} in ${environment} never succeeded (${restores.state}); roll back to one that did`
      )
    }
  } else {
    if (!live) {
      throw new ConfigurationError(
        `rollback: nothing was ever deployed successfully to ${environment}, so there is nothing to roll back to`
      )
    }
    // list() is newest first: what follows the live deployment is older.
    const older = records.slice(records.indexOf(live) + 1).filter(wasSuccessful)
    // A redeploy of the same manifest is not a rollback: skip to the last different artifact.
    restores = older.find(r => r.payload.contentHash !== live.payload.contentHash)
    if (!restores) {
      throw new ConfigurationError(
        `rollback: ${environment} has no earlier successful deployment of a different artifact than the live #${live.id} ` +
          `(hash ${shortHash(live.payload.contentHash)}); name one with --to <deployment-id> (input rollback-to)`
      )
    }
  }
  const raw = restores.payload.manifest
  if (!raw || typeof raw !== 'object') {
    throw new ConfigurationError(
      `rollback: deployment #${restores.id} has no manifest in its payload (it was recorded by another tool); ` +
        `deploy its manifest from git instead (${restores.payload.manifestPath} at ${restores.sha.slice(0, 12)})`
    )
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    throw new ConfigurationError(
      `rollback: the manifest recorded in deployment #${restores.id} is not a valid model manifest: ${parsed.error.issues[0]?.message}`
    )
  }
  const record = toModelRecord(parsed.data, raw)
  if (record.contentHash !== restores.payload.contentHash) {
    options.log.warning(
      `deployment #${restores.id}: its manifest hashes to ${shortHash(record.contentHash)}, its payload says ${shortHash(restores.payload.contentHash)}; deploying the manifest as recorded`
    )
  }
  return { restores, ...(live && live.id !== restores.id && { replaces: live }), raw, record }
}

/** Writes the recorded manifest to a file, so the deploy workflow can read it like a committed one. */
export async function writeRollbackManifest(
  plan: RollbackPlan,
  dir: string
): Promise<DeployManifest> {
  const name = basename(plan.restores.payload.manifestPath || `${plan.record.name}.yaml`)
  const path = join(dir, `rollback-${plan.restores.id}`, name)
  await writeFileAtomic(path, stringifyManifest(plan.raw))
  return { ...remoteRollbackManifest(plan), path }
}

/**
 * The restored manifest as a remote pipeline can read it: its path in the repository at the
 * commit the restored deployment was made from (the checkout's copy is the newer manifest).
 */
export function remoteRollbackManifest(plan: RollbackPlan): DeployManifest {
  const repositoryPath = plan.restores.payload.manifestPath
  return {
    path: repositoryPath ?? '',
    ...(repositoryPath && { repositoryPath }),
    commit: plan.restores.sha,
    raw: plan.raw,
    record: plan.record
  }
}

/**
 * The manifest a rollback deploys. A cluster that runs on this machine (`command`) reads a copy
 * written under a fresh `promote-rollback-*` directory of `tempRoot`; `cleanup` removes it (call
 * it once the deploy is over). A remote cluster gets the repository path and commit instead:
 * a runner's temp path means nothing there, and nothing is written.
 */
export async function prepareRollbackManifest(
  plan: RollbackPlan,
  runsOnThisMachine: boolean,
  tempRoot: string
): Promise<{ manifest: DeployManifest; cleanup: () => Promise<void> }> {
  if (!runsOnThisMachine) return { manifest: remoteRollbackManifest(plan), cleanup: async () => {} }
  const dir = await mkdtemp(join(tempRoot, 'promote-rollback-'))
  const cleanup = () => rm(dir, { recursive: true, force: true })
  try {
    return { manifest: await writeRollbackManifest(plan, dir), cleanup }
  } catch (error) {
    await cleanup()
    throw error
  }
}
