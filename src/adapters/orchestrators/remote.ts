import { HttpClient } from '../http.js'
import type { ResolvedOptions } from './options.js'
import { cancelAndConfirm, pollUntilDone } from './poll.js'
import type { RunStatus, WaitOptions } from './types.js'

/** An HTTP client for an orchestrator API, with the caller's retry sleep and timeout. */
export function apiClient(
  options: ResolvedOptions,
  service: string,
  baseUrl: string,
  headers: Record<string, string>,
  describeError: (body: unknown, status: number) => string | undefined
): HttpClient {
  return new HttpClient({
    baseUrl,
    service,
    headers,
    describeError,
    sleep: options.sleep,
    timeoutMs: options.requestTimeoutMs,
    ...(options.fetch && { fetch: options.fetch })
  })
}

/** Waits with the shared adaptive schedule; a timeout or abort cancels the remote run. */
export function waitRemote(
  options: ResolvedOptions,
  runId: string,
  wait: WaitOptions,
  getStatus: () => Promise<RunStatus>,
  cancel: () => Promise<RunStatus>,
  /** Time already spent waiting another way (Argo's event stream). */
  elapsedMs = 0
): Promise<RunStatus> {
  return pollUntilDone({
    ...wait,
    elapsedMs,
    runId,
    schedule: options.schedule,
    clock: options.clock,
    getStatus,
    cancel,
    onRetry: error =>
      options.log.warning(`status request failed, retrying: ${(error as Error).message}`)
  })
}

/** Sends the stop request, then waits for the orchestrator to report the run ended (poll.ts). */
export function confirmCancel(
  options: ResolvedOptions,
  runId: string,
  requestCancel: () => Promise<void>,
  getStatus: () => Promise<RunStatus>
): Promise<RunStatus> {
  return cancelAndConfirm({
    runId,
    clock: options.clock,
    requestCancel,
    getStatus,
    scrub: options.scrub
  })
}

/** Google RPC status bodies (KFP, Argo): {code, message, details} or {error}. */
export function rpcErrorMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object')
    return typeof body === 'string' && body ? body.slice(0, 500) : undefined
  const record = body as { message?: unknown; error?: unknown }
  if (typeof record.message === 'string' && record.message) return record.message
  if (typeof record.error === 'string' && record.error) return record.error
  return undefined
}

/** A workflow argument as a string parameter: strings as they are, anything else as JSON. */
export function parameterString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
