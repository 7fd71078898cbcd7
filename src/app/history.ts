import type { DeploymentRecord, DeploymentStore } from '../adapters/deployments/types.js'
import type { Report } from '../core/report.js'

/**
 * The promotion history: every deployment of an environment, newest first, from GitHub
 * deployments (on the runner, or the CLI with a token) or the CLI's local ledger.
 */

/** A deployment that went live at some point: success, or inactive (which only follows success). */
export function wasSuccessful(record: Pick<DeploymentRecord, 'state'>): boolean {
  return record.state === 'success' || record.state === 'inactive'
}

/** The deployment serving the environment now: the newest success (auto_inactive retires the rest). */
export function liveDeployment(records: DeploymentRecord[]): DeploymentRecord | undefined {
  return records.find(r => r.state === 'success') ?? records.find(wasSuccessful)
}

export function shortHash(hash: string | undefined): string {
  return hash ? hash.slice(0, 12) : '—'
}

export interface HistoryRow {
  id: string
  time: string
  state: string
  model: string
  version: string
  hash: string
  creator: string
  note: string
}

export function historyRows(records: DeploymentRecord[]): HistoryRow[] {
  return records.map(record => {
    const notes: string[] = []
    if (record.payload.rollbackOf !== undefined)
      notes.push(`rollback to #${record.payload.rollbackOf}`)
    if (record.payload.overrideReason)
      notes.push(`same-artifact override: ${record.payload.overrideReason}`)
    return {
      id: String(record.id),
      time: record.createdAt,
      state: record.state,
      model: record.payload.modelName ?? '—',
      version: record.payload.modelVersion ?? '—',
      hash: shortHash(record.payload.contentHash),
      creator: record.creator ?? '—',
      note: notes.join('; ')
    }
  })
}

export async function loadHistory(
  store: DeploymentStore,
  environment: string,
  limit = 30
): Promise<DeploymentRecord[]> {
  return store.list(environment, { limit })
}

export function historyReport(
  environment: string,
  records: DeploymentRecord[],
  source: string
): Report {
  const live = liveDeployment(records)
  const rows = historyRows(records)
  return {
    title: `Deployments of ${environment}`,
    verdict: 'info',
    facts: [
      ['Environment', environment],
      ['Source', source],
      [
        'Live',
        live
          ? `#${live.id} ${live.payload.modelName} ${live.payload.modelVersion ?? ''}`.trim()
          : 'nothing deployed successfully'
      ]
    ],
    sections: [
      rows.length
        ? {
            title: `${rows.length} deployment${rows.length === 1 ? '' : 's'}, newest first`,
            tables: [
              {
                columns: ['id', 'time', 'state', 'model', 'version', 'hash', 'creator', 'note'],
                rows: rows.map(r => [
                  r.id,
                  r.time,
                  r.state,
                  r.model,
                  r.version,
                  r.hash,
                  r.creator,
                  r.note
                ])
              }
            ]
          }
        : {
            title: 'No deployments recorded',
            text: [`Nothing has been deployed to ${environment} yet.`]
          }
    ]
  }
}
