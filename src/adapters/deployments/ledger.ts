import { mkdir, open, readFile, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as z from '../../core/zod.js'
import { ConfigurationError } from '../../core/errors.js'
import { writeFileAtomic } from '../../core/fs.js'
import type {
  CreateDeploymentInput,
  DeploymentPayload,
  DeploymentRecord,
  DeploymentState,
  DeploymentStore,
  StatusUpdate
} from './types.js'

/**
 * The CLI's deployment records: a JSON file (default .promote/deployments.json) with the same
 * semantics as GitHub deployments, so `promote history` and `promote rollback` work on a laptop.
 *   - ids increase and are never reused;
 *   - every status is kept, the latest is the deployment's state;
 *   - a `success` status marks the environment's earlier successful deployments `inactive`
 *     (GitHub's auto_inactive), so exactly one deployment per environment is live.
 * Every change is a read-modify-write under a lock file, written atomically.
 */
export const DEFAULT_LEDGER_PATH = '.promote/deployments.json'

const DEPLOYMENT_STATES = [
  'queued',
  'pending',
  'in_progress',
  'success',
  'failure',
  'error',
  'inactive'
] as const satisfies readonly DeploymentState[]

const ledgerStatus = z.object({
  state: z.enum(DEPLOYMENT_STATES),
  createdAt: z.string(),
  environmentUrl: z.optional(z.string()),
  logUrl: z.optional(z.string()),
  description: z.optional(z.string())
})

// The payload is what deploy wrote; fields added by later versions are kept (looseObject).
const ledgerPayload = z.looseObject({
  modelUri: z.string(),
  modelName: z.string(),
  modelVersion: z.optional(z.string()),
  contentHash: z.string(),
  metrics: z.record(z.string(), z.number()),
  manifestPath: z.string(),
  manifest: z.optional(z.record(z.string(), z.unknown())),
  rollbackOf: z.optional(z.union([z.string(), z.number()])),
  overrideReason: z.optional(z.string()),
  approvers: z.optional(z.array(z.string())),
  runUrl: z.optional(z.string()),
  results: z.optional(z.record(z.string(), z.unknown()))
})

const ledgerDeployment = z.object({
  id: z.number().check(z.int(), z.positive()),
  environment: z.string().check(z.minLength(1)),
  ref: z.string(),
  sha: z.string(),
  createdAt: z.string(),
  creator: z.optional(z.string()),
  description: z.optional(z.string()),
  payload: ledgerPayload,
  statuses: z.array(ledgerStatus)
})

const ledgerFile = z.object({
  version: z.literal(1),
  nextId: z.number().check(z.int(), z.positive()),
  deployments: z.array(ledgerDeployment)
})

type LedgerDeployment = Omit<z.infer<typeof ledgerDeployment>, 'payload'> & {
  payload: DeploymentPayload
}
type LedgerFile = Omit<z.infer<typeof ledgerFile>, 'deployments'> & {
  deployments: LedgerDeployment[]
}

/** The ledger's problems, each naming the entry (deployments[2].payload.modelUri) and, when it has one, its id. */
function ledgerProblems(file: string, data: unknown, error: z.core.$ZodError): string {
  const lines = error.issues.slice(0, 10).map(issue => {
    const path = issue.path.map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
    const index = issue.path[0] === 'deployments' ? issue.path[1] : undefined
    const id =
      typeof index === 'number'
        ? (data as { deployments?: Array<{ id?: unknown }> }).deployments?.[index]?.id
        : undefined
    const which = typeof id === 'number' ? ` (deployment #${id})` : ''
    return `  ${path.replace(/^\./, '') || '(top level)'}${which}: ${issue.message}`
  })
  const more = error.issues.length > 10 ? `\n  ...and ${error.issues.length - 10} more` : ''
  return `${file}: not a valid promote deployment ledger (fix or remove the entries named, or move the file away to start a new one):\n${lines.join('\n')}${more}`
}

export interface LedgerOptions {
  /** Who creates deployments (the local user). */
  creator?: string
  now?: () => Date
  /** How long to wait for another process's lock before giving up. */
  lockTimeoutMs?: number
}

export class LocalLedger implements DeploymentStore {
  private readonly now: () => Date

  constructor(
    readonly file: string = DEFAULT_LEDGER_PATH,
    private readonly options: LedgerOptions = {}
  ) {
    this.now = options.now ?? (() => new Date())
  }

  async create(input: CreateDeploymentInput): Promise<DeploymentRecord> {
    return this.update(ledger => {
      const deployment: LedgerDeployment = {
        id: ledger.nextId++,
        environment: input.environment,
        ref: input.ref,
        sha: input.sha,
        createdAt: this.now().toISOString(),
        ...(this.options.creator !== undefined && { creator: this.options.creator }),
        description: input.description,
        payload: input.payload,
        statuses: []
      }
      ledger.deployments.push(deployment)
      return this.toRecord(deployment)
    })
  }

  async setStatus(
    id: DeploymentRecord['id'],
    state: DeploymentState,
    update: StatusUpdate = {}
  ): Promise<void> {
    await this.update(ledger => {
      const deployment = ledger.deployments.find(d => String(d.id) === String(id))
      if (!deployment) throw new ConfigurationError(`${this.file}: no deployment #${id}`)
      const createdAt = this.now().toISOString()
      const previous = deployment.statuses.at(-1)
      deployment.statuses.push({
        state,
        createdAt,
        // GitHub keeps the environment URL of the latest status that set one.
        ...((update.environmentUrl ?? previous?.environmentUrl) !== undefined && {
          environmentUrl: update.environmentUrl ?? previous?.environmentUrl
        }),
        ...((update.logUrl ?? previous?.logUrl) !== undefined && {
          logUrl: update.logUrl ?? previous?.logUrl
        }),
        ...(update.description !== undefined && { description: update.description })
      })
      if (state === 'success') {
        for (const other of ledger.deployments) {
          if (
            other.id !== deployment.id &&
            other.environment === deployment.environment &&
            latestState(other) === 'success'
          ) {
            other.statuses.push({
              state: 'inactive',
              createdAt,
              description: `superseded by #${deployment.id}`
            })
          }
        }
      }
    })
  }

  async list(environment: string, options: { limit?: number } = {}): Promise<DeploymentRecord[]> {
    const ledger = await this.read()
    const records = ledger.deployments
      .filter(d => d.environment === environment)
      .sort((a, b) => b.id - a.id)
      .map(d => this.toRecord(d))
    return options.limit !== undefined ? records.slice(0, options.limit) : records
  }

  /** Every environment that has deployments (for `promote history` without --env). */
  async environments(): Promise<string[]> {
    const ledger = await this.read()
    return [...new Set(ledger.deployments.map(d => d.environment))]
  }

  private toRecord(deployment: LedgerDeployment): DeploymentRecord {
    const latest = deployment.statuses.at(-1)
    // As GitHub does: the newest status that carries a URL (an inactive status carries none).
    const newest = [...deployment.statuses].reverse()
    const environmentUrl = newest.find(s => s.environmentUrl)?.environmentUrl
    const logUrl = newest.find(s => s.logUrl)?.logUrl
    return {
      id: deployment.id,
      environment: deployment.environment,
      ref: deployment.ref,
      sha: deployment.sha,
      createdAt: deployment.createdAt,
      ...(deployment.creator !== undefined && { creator: deployment.creator }),
      ...(deployment.description !== undefined && { description: deployment.description }),
      payload: deployment.payload,
      state: latest?.state ?? 'queued',
      ...(environmentUrl !== undefined && { environmentUrl }),
      ...(logUrl !== undefined && { logUrl }),
      url: `${this.file}#${deployment.id}`
    }
  }

  private async read(): Promise<LedgerFile> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { version: 1, nextId: 1, deployments: [] }
      throw new ConfigurationError(
        `${this.file}: cannot read the deployment ledger: ${(error as NodeJS.ErrnoException).code}`
      )
    }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (error) {
      throw new ConfigurationError(
        `${this.file}: the deployment ledger is not valid JSON (${(error as Error).message})`
      )
    }
    const parsed = ledgerFile.safeParse(data)
    if (!parsed.success) throw new ConfigurationError(ledgerProblems(this.file, data, parsed.error))
    const ids = new Set<number>()
    for (const deployment of parsed.data.deployments) {
      if (ids.has(deployment.id) || deployment.id >= parsed.data.nextId)
        throw new ConfigurationError(
          `${this.file}: deployment #${deployment.id} ${ids.has(deployment.id) ? 'appears twice' : `is not below nextId ${parsed.data.nextId}`} (ids must be unique and below nextId)`
        )
      ids.add(deployment.id)
    }
    return parsed.data
  }

  private async update<T>(change: (ledger: LedgerFile) => T): Promise<T> {
    const release = await this.lock()
    try {
      const ledger = await this.read()
      const result = change(ledger)
      await writeFileAtomic(this.file, `${JSON.stringify(ledger, null, 2)}\n`)
      return result
    } finally {
      await release()
    }
  }

  /** An exclusive lock file beside the ledger; one left by a crashed process goes stale after 30s. */
  private async lock(): Promise<() => Promise<void>> {
    const lockFile = `${this.file}.lock`
    const deadline = Date.now() + (this.options.lockTimeoutMs ?? 10_000)
    await mkdir(dirname(lockFile), { recursive: true })
    for (;;) {
      try {
        const handle = await open(lockFile, 'wx')
        await handle.writeFile(String(process.pid))
        await handle.close()
        return () => rm(lockFile, { force: true })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const age = await stat(lockFile).then(
          s => Date.now() - s.mtimeMs,
          () => 0
        )
        if (age > 30_000) {
          await rm(lockFile, { force: true })
          continue
        }
        if (Date.now() > deadline) {
          throw new ConfigurationError(
            `${lockFile}: another promote command holds the ledger lock (delete the file if none is running)`
          )
        }
        await new Promise(resolve => setTimeout(resolve, 25))
      }
    }
  }
}

function latestState(deployment: LedgerDeployment): DeploymentState {
  return deployment.statuses.at(-1)?.state ?? 'queued'
}
