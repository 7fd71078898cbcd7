/**
 * A reader of server-sent events (text/event-stream, the WHATWG HTML "event stream
 * interpretation"): lines of `field: value`, an event dispatched at each blank line, comment
 * lines (`:`, Argo's keepalive) ignored. Only the `data` field matters to us.
 */

export interface SseParser {
  /** Feeds decoded text; returns the data of every event it completed. */
  push(text: string): string[]
}

export function sseParser(): SseParser {
  let buffer = ''
  let data: string[] = []
  return {
    push(text) {
      buffer += text
      const events: string[] = []
      for (;;) {
        const end = buffer.search(/\r\n|\r|\n/)
        if (end < 0) break
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1))
        if (line === '') {
          if (data.length) events.push(data.join('\n'))
          data = []
          continue
        }
        if (line.startsWith(':')) continue
        const colon = line.indexOf(':')
        const field = colon < 0 ? line : line.slice(0, colon)
        let value = colon < 0 ? '' : line.slice(colon + 1)
        if (value.startsWith(' ')) value = value.slice(1)
        if (field === 'data') data.push(value)
      }
      return events
    }
  }
}

export type StreamEnd =
  /** onEvent returned true: the caller has what it waited for. */
  | { kind: 'done' }
  /** The stream could not be opened, or broke, or fell silent: `reason` says which. */
  | { kind: 'broken'; reason: string; opened: boolean }
  /** The caller's signal aborted. */
  | { kind: 'aborted' }

export interface FollowStreamOptions {
  fetch: typeof fetch
  url: string
  headers: Record<string, string>
  /** Called with each event's data; true ends the stream. */
  onEvent(data: string): boolean
  signal: AbortSignal
  /** Resolves when the stream has been silent too long (re-armed at every chunk), rejects on abort. */
  idle(signal: AbortSignal): Promise<void>
}

/**
 * Opens one long GET of an event stream and reads it until onEvent is satisfied, the signal
 * aborts, or the stream breaks (a non-200 answer, a body that is not an event stream as when a
 * proxy strips it, a dropped connection, or silence past `idle`).
 */
export async function followEventStream(options: FollowStreamOptions): Promise<StreamEnd> {
  const connection = new AbortController()
  const onAbort = () => connection.abort()
  options.signal.addEventListener('abort', onAbort, { once: true })
  let silent: AbortController | undefined
  let fellSilent = false
  const rearm = () => {
    silent?.abort()
    const current = new AbortController()
    silent = current
    options.idle(current.signal).then(
      () => {
        if (current.signal.aborted) return
        fellSilent = true
        connection.abort()
      },
      () => undefined
    )
  }
  let opened = false
  try {
    if (options.signal.aborted) return { kind: 'aborted' }
    rearm()
    const response = await options.fetch(options.url, {
      headers: { ...options.headers, accept: 'text/event-stream' },
      signal: connection.signal
    })
    const type = response.headers.get('content-type') ?? ''
    if (!response.ok || !type.startsWith('text/event-stream')) {
      await response.body?.cancel().catch(() => undefined)
      return {
        kind: 'broken',
        opened,
        reason: response.ok
          ? `answered ${type || 'no content type'}, not an event stream (a proxy in between?)`
          : `answered ${response.status}`
      }
    }
    opened = true
    const parser = sseParser()
    const decoder = new TextDecoder()
    const reader = response.body!.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return { kind: 'broken', opened, reason: 'the server ended the stream' }
      rearm()
      for (const data of parser.push(decoder.decode(value, { stream: true }))) {
        let satisfied: boolean
        try {
          satisfied = options.onEvent(data)
        } catch (error) {
          await reader.cancel().catch(() => undefined)
          return { kind: 'broken', opened, reason: (error as Error).message }
        }
        if (satisfied) {
          await reader.cancel().catch(() => undefined)
          return { kind: 'done' }
        }
      }
    }
  } catch (error) {
    if (options.signal.aborted) return { kind: 'aborted' }
    if (fellSilent) return { kind: 'broken', opened, reason: 'the stream fell silent' }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return {
      kind: 'broken',
      opened,
      reason: `the connection failed (${cause?.code ?? cause?.message ?? (error as Error).message})`
    }
  } finally {
    silent?.abort()
    options.signal.removeEventListener('abort', onAbort)
    connection.abort()
  }
}
