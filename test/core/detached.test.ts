import { describe, expect, it } from '@jest/globals'
import {
  dispatchUrl,
  parseTrainingFinishedPayload,
  parseSlackMessageRef,
  trainingFinishedDispatch,
  TRAINING_FINISHED_EVENT
} from '../../src/core/detached.js'
import {
  ANNOTATION_SLACK_MESSAGE,
  slackMessageOf,
  submissionIdentity
} from '../../src/app/submission.js'

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

  it('carries the announcing Slack message when there is one, and drops one that is not a message', () => {
    const message = { channel: 'C0MLOPS001', ts: '1733400000.123456' }
    const body = trainingFinishedDispatch({ ...payload, message })
    expect(body.client_payload).toEqual({ ...payload, message })
    expect(parseTrainingFinishedPayload(body.client_payload)).toEqual({ ...payload, message })
    for (const bad of [
      { channel: '#ml-ops', ts: message.ts },
      { channel: message.channel, ts: 'yesterday' },
      { channel: message.channel },
      'C0MLOPS001/1733400000.123456'
    ])
      expect(parseTrainingFinishedPayload({ ...payload, message: bad })).toEqual(payload)
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

describe('the Slack message a detached run keeps', () => {
  it('round-trips through the run annotation, and garbage there names none', () => {
    const message = { channel: 'C0MLOPS001', ts: '1733400000.123456' }
    const { annotations } = submissionIdentity({
      context: { sha: 'abc', ref: 'refs/heads/development', actor: 'alice', runId: '7' },
      workflowKey: 'train',
      environment: 'development',
      cluster: 'dev',
      target: { workflow: 'train', project: 'heart', arguments: {} },
      detached: true,
      message
    })
    expect(annotations[ANNOTATION_SLACK_MESSAGE]).toBe('C0MLOPS001/1733400000.123456')
    expect(slackMessageOf(annotations)).toEqual(message)
    for (const bad of ['', 'C0MLOPS001', 'C0MLOPS001/1.2/3', '#ml-ops/1733400000.1'])
      expect(slackMessageOf({ [ANNOTATION_SLACK_MESSAGE]: bad })).toBeUndefined()
    expect(parseSlackMessageRef(message)).toEqual(message)
  })
})
