import type { ServerResponse } from 'node:http'
import type { RecordedRequest } from '../helpers/http-server.js'

/**
 * Faults the orchestrator fakes inject before (or instead of) answering a request: an error
 * status with headers (429 + Retry-After, a burst of 503s), a dropped connection, or the
 * treacherous one: handle the request (the run is created) and then drop the connection, so
 * the client cannot know whether its submission arrived.
 */
export interface Fault {
  method: string
  /** Matched against the request path. */
  path: RegExp
  /** How many matching requests it hits (default 1). */
  times?: number
  /** `reset` drops the connection unanswered; `accept-then-reset` handles the request, then drops it. */
  kind: 'status' | 'reset' | 'accept-then-reset'
  status?: number
  headers?: Record<string, string>
  body?: unknown
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
    this.fired.push(
      `${request.method} ${request.path} -> ${fault.kind === 'status' ? fault.status : fault.kind}`
    )
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
  return {
    status: fault.status ?? 500,
    body: fault.body ?? { message: 'injected fault' },
    ...(fault.headers && { headers: fault.headers })
  }
}
