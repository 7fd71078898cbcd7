import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { main } from '../../src/cli/main.js'
import { startServer, type TestServer } from '../helpers/http-server.js'
import { createFixture, type Fixture } from './fixture.js'

/**
 * Typed workflow arguments through the CLI: a missing or misspelled argument is refused before
 * anything is submitted, whichever cluster would have run it.
 */
async function promote(cwd: string, args: string[]) {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', c => (out += c))
  stderr.on('data', c => (err += c))
  const stdin = new PassThrough()
  stdin.end('')
  const code = await main(args, {
    cwd,
    env: { ...process.env, PROMOTE_POLL_SCALE: '0.01', PROMOTE_USER: 'dev@example.com' },
    stdin,
    stdout,
    stderr
  } as unknown as Parameters<typeof main>[1])
  return { code, out, err }
}

describe('promote run: nothing reaches the cluster when an argument is missing or misspelled', () => {
  let server: TestServer
  let dir: string
  beforeEach(async () => {
    // Records every request and refuses it: the only question is whether one was sent.
    server = await startServer(() => ({ status: 400, body: { error: 'recorded' } }))
    dir = mkdtempSync(join(tmpdir(), 'promote-params-'))
    writeFileSync(
      join(dir, 'promote.yaml'),
      [
        'project: heart',
        'model: {name: model}',
        'clusters:',
        `  kfp: {kind: kfp, url: '${server.url}', experimentId: exp-1}`,
        'environments:',
        '  development: {branch: development, cluster: kfp}',
        'deployment: {workflow: train}',
        'workflows:',
        '  train:',
        '    parameters:',
        '      source_url: {type: string, required: true}',
        '      test_size: {type: number, default: 0.2}',
        '    arguments: {test_size: 0.25}',
        ''
      ].join('\n')
    )
  })
  afterEach(() => server.close())

  const run = (...args: string[]) =>
    promote(dir, ['run', '--workflow', 'train', '--env', 'development', ...args])

  it('a missing required argument: refused with where it is declared, no request', async () => {
    const result = await run()
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      "promote.yaml:11:7 workflows.train.parameters.source_url: required argument 'source_url' of workflow 'train' is not set"
    )
    expect(server.requests).toEqual([])
  })

  it('a misspelled argument: refused with a did-you-mean, no request', async () => {
    const result = await run('--arg', 'sorce_url=s3://bucket/heart.csv')
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      "argument 'sorce_url' is not a parameter of workflow 'train'; did you mean 'source_url'?"
    )
    expect(server.requests).toEqual([])
  })

  it('a value of the wrong type: refused, no request', async () => {
    const result = await run('--arg', 'source_url=s3://b/h.csv', '--arg', 'test_size=big')
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      "argument 'test_size' from the `arguments` input / --arg: expected a number, got 'big'"
    )
    expect(server.requests).toEqual([])
  })

  it('with the argument given, the run goes to the cluster (the control)', async () => {
    await run('--arg', 'source_url=s3://bucket/heart.csv')
    expect(server.requests.length).toBeGreaterThan(0)
  })
})

describe('promote deploy: a deploy workflow with parameters', () => {
  let fixture: Fixture
  beforeEach(async () => {
    fixture = await createFixture()
    fixture.config(config => {
      const workflows = config.workflows as Record<string, Record<string, unknown>>
      workflows.deploy!.parameters = {
        replicas: { type: 'integer', default: 1 },
        champion_model_tag: { type: 'string', required: true }
      }
    })
    await fixture.newChallenger({ accuracy: 0.9 })
  })

  it('refuses a missing required argument before any deployment is recorded or run', async () => {
    const result = await promote(fixture.dir, ['deploy', '--env', 'staging', '--yes'])
    expect(result.code).toBe(1)
    expect(result.err).toMatch(
      /promote\.yaml:\d+:\d+ workflows\.deploy\.parameters\.champion_model_tag: required argument 'champion_model_tag' of workflow 'deploy' is not set/
    )
    expect(fixture.calls()).toEqual([])
    expect(existsSync(join(fixture.dir, '.promote', 'deployments.json'))).toBe(false)
  })

  it("passes promote-actions' own model_uri and manifest_path beside the declared ones", async () => {
    const result = await promote(fixture.dir, [
      'deploy',
      '--env',
      'staging',
      '--yes',
      '--arg',
      'champion_model_tag=champion'
    ])
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(fixture.calls().map(c => c.args)).toEqual([
      {
        replicas: 1,
        champion_model_tag: 'champion',
        model_uri: expect.stringMatching(/^models:\/model\/\d+$/),
        manifest_path: 'artifacts/model:challenger.yaml'
      }
    ])
  })
})
