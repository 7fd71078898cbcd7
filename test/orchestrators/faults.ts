import type { ServerResponse } from 'node:http'
import type { RecordedRequest } from '../helpers/http-server.js'

/**
 * Faults the orchestrator fakes inject before (or instead of) answering a request: an error
 * status with headers (429 + Retry-After, a burst of 503s), a dropped connection, or the
 * treacherous ones: handle the request (the run is created) and then drop the connection, answer
 * an error status (a proxy such as Envoy answering 503 or 429 after the upstream accepted), or
 * never answer at all (the client is killed waiting), so the client cannot know whether its
 * submission arrived.
 */
export interface Fault {
  method: string
  /** Matched against the request path. */
  path: RegExp
  /** How many matching requests it hits (default 1). */
  times?: number
  /**
   * `reset` drops the connection unanswered; `accept-then-reset` handles the request, then drops
   * it; `accept-then-status` handles it, then answers `status`; `accept-then-hang` handles it and
   * never answers (until the server closes).
   */
  kind: 'status' | 'reset' | 'accept-then-reset' | 'accept-then-status' | 'accept-then-hang'
  status?: number
  headers?: Record<string, string>
  /** The reply's body, or a function of the request (a server that echoes it back). */
  body?: unknown | ((request: RecordedRequest) => unknown)
}

export class Faults {
  private readonly pending: Array<Fault & { left: number }> = []
  /** Faults that fired, in order: `METHOD path -> kind/status`. */
  readonly fired: string[] = []

  add(fault: Fault): void {
    this.pending.push({ ...fault, left: fault.times ?? 1 })
  }

  /** The fault for this request, if any (and counts it down). */
  take(request: RecordedRequest): Fault | undefined {
    const fault = this.pending.find(
      f => f.left > 0 && f.method === request.method && f.path.test(request.path)
    )
    if (!fault) return undefined
    fault.left--
    const what =
      fault.kind === 'status'
        ? String(fault.status)
        : fault.kind === 'accept-then-status'
          ? `accept-then-${fault.status}`
          : fault.kind
    this.fired.push(`${request.method} ${request.path} -> ${what}`)
    return fault
  }
}

export function dropConnection(response: ServerResponse): void {
  response.socket?.destroy()
  response.destroy()
}

/**
 * Applies a fault around a handler: returns the reply to send, or undefined when the connection
 * was dropped.
 */
export async function withFaults<R>(
  faults: Faults,
  request: RecordedRequest,
  response: ServerResponse,
  handle: () => Promise<R> | R
): Promise<R | { status: number; body?: unknown; headers?: Record<string, string> } | undefined> {
  const fault = faults.take(request)
  if (!fault) return handle()
  if (fault.kind === 'reset') {
    dropConnection(response)
    return undefined
  }
  if (fault.kind === 'accept-then-reset') {
    await handle()
    dropConnection(response)
    return undefined
  }
  if (fault.kind === 'accept-then-hang') {
    await handle()
    // The answer never comes: the server's close() drops the connection.
    return new Promise(() => {})
  }
  if (fault.kind === 'accept-then-status') await handle()
  return {
    status: fault.status ?? 500,
    body:
      typeof fault.body === 'function'
        ? (fault.body as (request: RecordedRequest) => unknown)(request)
        : (fault.body ?? { message: 'injected fault' }),
    ...(fault.headers && { headers: fault.headers })
  }
}
