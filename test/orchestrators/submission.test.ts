import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import '../helpers/property.js'
import { HttpClient, HttpError } from '../../src/adapters/http.js'
import { submitOptsPairs } from '../../src/adapters/orchestrators/argo.js'
import { runDescription, runDescriptionEntries } from '../../src/adapters/orchestrators/kfp.js'
import type { RunContext } from '../../src/app/ports.js'
import {
  isLabelValue,
  submissionIdentity,
  type SubmissionTarget
} from '../../src/app/submission.js'
import { startServer } from '../helpers/http-server.js'

const context: RunContext = {
  sha: 'a'.repeat(40),
  ref: 'refs/heads/main',
  actor: 'octocat',
  runId: '123456',
  runAttempt: '1',
  job: 'train'
}
const target: SubmissionTarget = { workflow: 'train', project: 'heart', arguments: { epochs: 3 } }
const identity = (c: Partial<RunContext> = {}, t: Partial<SubmissionTarget> = {}) =>
  submissionIdentity({
    context: { ...context, ...c },
    workflowKey: 'train',
    environment: 'development',
    cluster: 'dev',
    target: { ...target, ...t }
  })

describe('submissionIdentity', () => {
  test('the same job submitting the same thing keeps its identity across attempts', () => {
    const first = identity()
    const again = identity({ runAttempt: '3' })
    expect(again.key).toBe(first.key)
    expect(again.submission).toBe(first.submission)
    expect(again.attempt).toBe(3)
    expect(first.key).toMatch(/^gh123456-train-development-[0-9a-f]{8}$/)
    expect(first.key.endsWith(first.submission.slice(0, 8))).toBe(true)
  })

  test('another job, matrix value, template, pipeline, project, source or argument is another submission', () => {
    const base = identity().submission
    const others = [
      identity({ job: 'train-gpu' }),
      identity({ matrix: '{"python": "3.10"}' }),
      identity({}, { workflow: 'train-v2' }),
      identity({}, { pipelineId: 'p-1' }),
      identity({}, { pipelineVersionId: 'v-2' }),
      identity({}, { project: 'heart-stg' }),
      identity({}, { source: 'git://x#dev' }),
      identity({}, { command: 'python train.py' }),
      identity({}, { arguments: { epochs: 4 } }),
      identity({ runId: '123457' })
    ].map(i => i.submission)
    expect(new Set([base, ...others]).size).toBe(others.length + 1)
  })

  test("the matrix's key order and layout do not matter; an unevaluated default is no matrix", () => {
    expect(identity({ matrix: '{"os": "linux", "py": 3}' }).submission).toBe(
      identity({ matrix: '{\n  "py": 3,\n  "os": "linux"\n}' }).submission
    )
    expect(identity({ matrix: '${{ toJSON(matrix) }}' }).submission).toBe(
      identity({ matrix: 'null' }).submission
    )
    expect(identity({ matrix: 'null' }).submission).toBe(identity().submission)
  })

  test('property: labels are Kubernetes label values; keys name MLRun runs with any attempt', () => {
    fc.assert(
      fc.property(
        fc.record({
          runId: fc.option(fc.stringMatching(/^[0-9]{1,20}$/), { nil: undefined }),
          attempt: fc.integer({ min: 1, max: 999 }),
          actor: fc.string({ maxLength: 60 }),
          sha: fc.oneof(fc.stringMatching(/^[0-9a-f]{40}$/), fc.string()),
          job: fc.string({ maxLength: 100 }),
          workflowKey: fc.string({ minLength: 1, maxLength: 120 }),
          environment: fc.string({ minLength: 1, maxLength: 120 })
        }),
        input => {
          const made = submissionIdentity({
            context: {
              sha: input.sha,
              ref: '',
              actor: input.actor,
              job: input.job,
              ...(input.runId && { runId: input.runId, runAttempt: String(input.attempt) })
            },
            workflowKey: input.workflowKey,
            environment: input.environment,
            cluster: 'c',
            target
          })
          for (const value of Object.values(made.labels)) expect(isLabelValue(value)).toBe(true)
          expect(`${made.key}-a${made.attempt}`.length).toBeLessThanOrEqual(63)
          expect(made.key.endsWith(made.submission.slice(0, 8))).toBe(true)
        }
      )
    )
  })
})

describe('where the identity travels', () => {
  test("Argo SubmitOpts pairs survive ParseLabels's ',' and '=' splits", () => {
    const text = submitOptsPairs({ a: 'x,y=z%', b: 'https://h/p?q=1' })
    // util/cmd/cmd.go ParseLabels: split on ',', then each on '=' into exactly two parts.
    const pairs = text.split(',').map(pair => pair.split('='))
    expect(pairs.every(parts => parts.length === 2)).toBe(true)
    expect(pairs.map(([k, v]) => [k, decodeURIComponent(v!)])).toEqual([
      ['a', 'x,y=z%'],
      ['b', 'https://h/p?q=1']
    ])
  })

  test('a KFP description round-trips its entries, spaces included', () => {
    const request = {
      workflow: 'train',
      arguments: {},
      project: 'p',
      displayName: 'k-a1',
      labels: { 'promote-actions/run': 'k', 'promote-actions/submission': 'abc' },
      annotations: { 'promote-actions/actor': 'Ana Lopez 100%' }
    }
    expect(runDescriptionEntries(runDescription(request))).toEqual({
      'promote-actions/run': 'k',
      'promote-actions/submission': 'abc',
      'promote-actions/actor': 'Ana Lopez 100%'
    })
    expect(runDescriptionEntries('a run somebody described')).toEqual({})
  })
})

describe('HttpClient and requests that are not idempotent', () => {
  async function serverAnswering(statuses: number[]) {
    const server = await startServer(() => ({ status: statuses.shift() ?? 200, body: {} }))
    return server
  }
  const client = (url: string, fetchImpl?: typeof fetch) =>
    new HttpClient({
      baseUrl: url,
      service: 'Test API',
      sleep: async () => {},
      ...(fetchImpl && { fetch: fetchImpl })
    })

  test.each([503, 429, 500, 504])(
    'a POST answered %i is sent once and ambiguous; a GET is retried',
    async status => {
      const server = await serverAnswering([status, status])
      try {
        const error = await client(server.url)
          .post('/runs', { body: {} })
          .catch((e: unknown) => e)
        expect(error).toBeInstanceOf(HttpError)
        expect((error as HttpError).ambiguous).toBe(true)
        expect(server.requests).toHaveLength(1)
        await client(server.url).get('/runs')
        expect(server.requests).toHaveLength(3)
      } finally {
        await server.close()
      }
    }
  )

  test('a POST refused with 400 is not ambiguous', async () => {
    const server = await serverAnswering([400])
    try {
      const error = (await client(server.url)
        .post('/runs', { body: {} })
        .catch((e: unknown) => e)) as HttpError
      expect(error.ambiguous).toBe(false)
    } finally {
      await server.close()
    }
  })

  test('a POST whose connection was never made is sent again; one reset after sending is not', async () => {
    const server = await serverAnswering([])
    try {
      let calls = 0
      const refusedOnce: typeof fetch = async (input, init) => {
        if (calls++ === 0)
          throw new TypeError('fetch failed', {
            cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
          })
        return fetch(input, init)
      }
      await client(server.url, refusedOnce).post('/runs', { body: {} })
      expect(server.requests).toHaveLength(1)

      const reset: typeof fetch = async () => {
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
        })
      }
      const error = (await client(server.url, reset)
        .post('/runs', { body: {} })
        .catch((e: unknown) => e)) as HttpError
      expect(error.ambiguous).toBe(true)
    } finally {
      await server.close()
    }
  })
})
