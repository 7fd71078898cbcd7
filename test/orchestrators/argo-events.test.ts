/**
 * Argo's event stream (GET /api/v1/workflow-events/{ns}, server-sent events) against the fake
 * Argo Server, which follows server/workflow/workflow_server.go WatchWorkflows and argoproj/pkg
 * grpc/http/forwarders.go (see test/fakes/argo-server.ts). No assertion on time: what shows
 * how the end was noticed is the count of status requests and streams.
 */
import { afterEach, expect, test } from '@jest/globals'
import { createOrchestrator, fixedSchedule } from '../../src/adapters/orchestrators/index.js'
import {
  RunTimeoutError,
  type RunStatus,
  type SubmitRequest
} from '../../src/adapters/orchestrators/types.js'
import { sseParser } from '../../src/adapters/sse.js'
import { startArgoServer, type ArgoServer } from '../fakes/argo-server.js'
import { describeWithShared } from '../helpers/shared.js'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

const request: SubmitRequest = {
  workflow: 'train',
  arguments: { epochs: 3 },
  project: 'heart',
  labels: { 'promote-actions/run': 'gh9-train-development', 'promote-actions/attempt': '1' },
  displayName: 'gh9-train-development-a1'
}

const lines: string[] = []
const log = {
  info: (m: string) => lines.push(m),
  debug: () => {},
  warning: (m: string) => lines.push(`warning: ${m}`),
  error: (m: string) => lines.push(`error: ${m}`),
  group: <T>(_t: string, fn: () => Promise<T>) => fn(),
  secret: () => {}
}

test('SSE parsing: data lines joined, comments (keepalives) skipped, events at blank lines, any line ending', () => {
  const parser = sseParser()
  expect(parser.push(':\n')).toEqual([])
  expect(parser.push('data: {"a":')).toEqual([])
  expect(parser.push('1} \n\ndata: x\r\ndata:y\r\n\r\n:\n')).toEqual(['{"a":1} ', 'x\ny'])
  expect(parser.push('event: ping\nid: 4\n\n')).toEqual([])
})

const shared = describeWithShared('specs/argo-workflows.swagger.json')
shared.describe('Argo client following the event stream', () => {
  const specFile = shared.file!

  async function setup(
    server: Partial<Parameters<typeof startArgoServer>[0]> = {},
    pollScale = 1
  ): Promise<{ argo: ArgoServer; wait: (timeoutMs?: number) => Promise<RunStatus> }> {
    const argo = await startArgoServer({
      specFile,
      token: 't0ken',
      keepaliveMs: 50,
      streamTickMs: 10,
      templates: {
        train: {
          runningPolls: 5,
          steps: [{ name: 'prep' }, { name: 'fit', outputs: { auc: '0.9' } }],
          outputs: { model_uri: 's3://m/3' }
        }
      },
      ...server
    })
    closers.push(() => argo.close())
    const client = await createOrchestrator(
      { kind: 'argo', url: argo.url, namespace: 'ml', tokenEnv: 'ARGO_TOKEN' },
      // Polling, when it happens, is quick: the counts tell it apart from the stream.
      { env: { ARGO_TOKEN: 't0ken' }, log, pollScale, schedule: fixedSchedule(5) }
    )
    const { runId } = await client.submit(request)
    return { argo, wait: (timeoutMs = 60_000) => client.wait(runId, { timeoutMs }) }
  }

  test('the end is noticed from the stream: one request, no status request', async () => {
    const { argo, wait } = await setup()
    const status = await wait()
    expect(status.state).toBe('succeeded')
    expect(status.results).toEqual({ auc: '0.9', model_uri: 's3://m/3' })
    expect(status.steps.map(s => s.name)).toEqual(['prep', 'fit'])
    expect(argo.streams()).toBe(1)
    expect(argo.statusRequests()).toBe(0)
    const watch = argo.requests.find(r => r.path === '/api/v1/workflow-events/ml')!
    expect(watch.query.get('listOptions.fieldSelector')).toBe(
      `metadata.name=${argo.workflows[0]!.name}`
    )
    expect(watch.headers.authorization).toBe('Bearer t0ken')
    expect(argo.violations).toEqual([])
  })

  test('a workflow already finished when the wait starts: the first event says so', async () => {
    const { argo, wait } = await setup({ templates: { train: { runningPolls: 0 } } })
    argo.workflows[0]!.polls = 5
    expect((await wait()).state).toBe('succeeded')
    expect(argo.statusRequests()).toBe(0)
  })

  test('the stream breaks mid-run: polling finishes the job', async () => {
    lines.length = 0
    const { argo, wait } = await setup({
      breakStreamAfter: 2,
      templates: { train: { runningPolls: 8 } }
    })
    const status = await wait()
    expect(status.state).toBe('succeeded')
    expect(argo.streams()).toBe(1)
    expect(argo.statusRequests()).toBeGreaterThan(0)
    expect(
      lines.some(l => /^Argo event stream: .*; polling the workflow's status instead/.test(l))
    ).toBe(true)
    expect(argo.violations).toEqual([])
  })

  test.each([
    ['a server or proxy without the route (404)', 404],
    ['a server that does not implement it (501)', 501],
    ['a proxy that drops the Accept header (JSON, not an event stream)', 'json' as const]
  ])('%s: polling from the start', async (_name, events) => {
    lines.length = 0
    const { argo, wait } = await setup({ events })
    expect((await wait()).state).toBe('succeeded')
    expect(argo.streams()).toBe(0)
    expect(argo.statusRequests()).toBeGreaterThan(0)
    expect(lines.join('\n')).toMatch(/Argo event stream: .*(404|501|not an event stream)/)
  })

  test('a stream that falls silent (a buffering proxy) hands over to polling', async () => {
    // No ticks and no keepalives after the first event; 45 s of silence, scaled by 0.001.
    const { argo, wait } = await setup({ keepaliveMs: 3_600_000, streamTickMs: 3_600_000 }, 0.001)
    expect((await wait()).state).toBe('succeeded')
    expect(argo.streams()).toBe(1)
    expect(argo.statusRequests()).toBeGreaterThan(0)
    expect(lines.join('\n')).toMatch(/Argo event stream: the stream fell silent/)
  })

  test('a timeout while following the stream terminates the workflow and confirms it', async () => {
    const { argo, wait } = await setup({ templates: { train: { hang: true } } }, 0.01)
    const error = await wait(300).catch(e => e)
    expect(error).toBeInstanceOf(RunTimeoutError)
    expect((error as RunTimeoutError).status.state).toBe('cancelled')
    expect(argo.terminated).toEqual([argo.workflows[0]!.name])
    expect(argo.violations).toEqual([])
  })
})
