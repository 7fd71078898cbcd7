import { describe, expect, it } from '@jest/globals'
import {
  dispatchUrl,
  parseTrainingFinishedPayload,
  trainingFinishedDispatch,
  TRAINING_FINISHED_EVENT
} from '../../src/core/detached.js'

describe('the promote-training-finished dispatch', () => {
  const payload = {
    submission: '0123456789abcdef',
    cluster: 'iguazio',
    runId: 'gh1-train-dev-01234567-a1'
  }

  it('is the body of POST /repos/{owner}/{repo}/dispatches, and reads back', () => {
    const body = trainingFinishedDispatch({ ...payload, extra: 'dropped' } as typeof payload)
    expect(body).toEqual({ event_type: TRAINING_FINISHED_EVENT, client_payload: payload })
    expect(parseTrainingFinishedPayload(JSON.parse(JSON.stringify(body.client_payload)))).toEqual(
      payload
    )
  })

  it.each([
    ['nothing', undefined],
    ['a list', [payload]],
    ['a short submission', { ...payload, submission: 'abc' }],
    ['an upper-case submission', { ...payload, submission: '0123456789ABCDEF' }],
    ['no cluster', { ...payload, cluster: '' }],
    ['a numeric run id', { ...payload, runId: 42 }]
  ])('is not ours with %s', (_what, value) => {
    expect(parseTrainingFinishedPayload(value)).toBeUndefined()
  })

  it('goes to the repository under the API URL (GitHub Enterprise Server too)', () => {
    expect(dispatchUrl('https://api.github.com', { owner: 'acme', repo: 'models' })).toBe(
      'https://api.github.com/repos/acme/models/dispatches'
    )
    expect(dispatchUrl('https://ghe.example.com/api/v3/', { owner: 'a', repo: 'b' })).toBe(
      'https://ghe.example.com/api/v3/repos/a/b/dispatches'
    )
  })
})
