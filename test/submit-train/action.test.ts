import { afterEach, describe, expect, test } from '@jest/globals'
import { dirname } from 'node:path'
import { runDistAction, type ActionRun, type RunActionOptions } from '../helpers/run-dist.js'
import { sharedFile } from '../helpers/shared.js'
import {
  consumerRepo,
  startFake,
  TOKEN,
  TOKEN_ENV,
  until,
  visibleOutput,
  type Behaviour,
  type FakeCluster
} from './kits.js'

// Polls, retry backoff and Retry-After a hundred times faster; timeouts stay real.
const FAST = { PROMOTE_POLL_SCALE: '0.01' }

const kfpSpec = sharedFile('specs/kfp-v2beta1.swagger.json')
const argoSpec = sharedFile('specs/argo-workflows.swagger.json')
const specDir = dirname(kfpSpec ?? argoSpec ?? '/nonexistent/specs/x')
const kinds = (['mlrun', 'kfp', 'argo'] as const).filter(kind =>
  kind === 'mlrun' ? true : kind === 'kfp' ? !!kfpSpec : !!argoSpec
)

let fake: FakeCluster | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function setup(kind: FakeCluster['kind'], behaviour: Behaviour = {}, workflows?: string) {
  fake = await startFake(kind, specDir, behaviour)
  return { fake, cwd: consumerRepo(fake.clusterYaml(), workflows) }
}

function train(
  cwd: string,
  extra: {
    inputs?: Record<string, string>
    env?: Record<string, string>
    onSpawn?: RunActionOptions['onSpawn']
  } = {}
) {
  return runDistAction('submit-train', {
    cwd,
    inputs: { arguments: '{"epochs": 5, "lr": 0.01}', ...extra.inputs },
    env: { ...FAST, [TOKEN_ENV]: TOKEN, ...extra.env },
    ...(extra.onSpawn && { onSpawn: extra.onSpawn })
  })
}

function failure(run: ActionRun): string {
  return run.commands
    .filter(c => c.command === 'error')
    .map(c => c.message)
    .join('\n')
}

describe.each(kinds)('submit-train bundle against a fake %s', kind => {
  test('success: outputs, results, model URI, job summary with steps and results', async () => {
    const { fake, cwd } = await setup(kind)
    const run = await train(cwd)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.outputs['run-id']).toBeTruthy()
    expect(run.outputs['run-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    if (kind === 'kfp')
      expect(run.outputs['run-url']).toBe(`${fake.url}/#/runs/details/${run.outputs['run-id']}`)
    const facts = JSON.parse(run.outputs.facts!)
    expect(facts).toMatchObject({
      kind: 'train',
      project: 'heart',
      environment: 'development',
      state: 'succeeded',
      runId: run.outputs['run-id']
    })
    expect(run.summary).toContain('train on development: succeeded')
    expect(run.summary).toContain('| Step | State | Duration | Error |')
    expect(run.summary).toMatch(/\| train \| succeeded/)
    if (kind !== 'kfp') {
      // KFP's v2beta1 API carries no output values (they live in ML Metadata).
      expect(JSON.parse(run.outputs.results!)).toMatchObject({
        accuracy: kind === 'mlrun' ? 0.91 : '0.91'
      })
      expect(run.outputs['model-uri']).toBe(
        kind === 'mlrun' ? 'store://models/heart/model#0:latest' : 's3://models/heart/model/3'
      )
      expect(run.summary).toContain('| accuracy | 0.91 |')
    }
    expect(run.state.finished).toBe('true')
    expect(fake.runCount()).toBe(1)
    expect(fake.violations).toEqual([])
  })

  test('failure: the orchestrator error is surfaced and the step fails', async () => {
    const { fake, cwd } = await setup(kind, {
      outcome: 'failed',
      error: 'OOMKilled: train used 9Gi of 8Gi'
    })
    const run = await train(cwd)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(failure(run)).toContain('OOMKilled: train used 9Gi of 8Gi')
    expect(run.summary).toContain('OOMKilled')
    expect(JSON.parse(run.outputs.facts!)).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('OOMKilled')
    })
    expect(fake.violations).toEqual([])
  })

  test('429 with Retry-After on status polls is waited out', async () => {
    const { fake, cwd } = await setup(kind, { stream: false })
    fake.faults.add({
      method: 'GET',
      path: fake.statusPath,
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '2' },
      body: { message: 'slow down' },
      times: 2
    })
    const run = await train(cwd)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(fake.faults.fired.filter(f => f.endsWith('429'))).toHaveLength(2)
    expect(fake.violations).toEqual([])
  })

  test('a burst of 5xx on status polls is retried with backoff', async () => {
    const { fake, cwd } = await setup(kind, { stream: false })
    fake.faults.add({ method: 'GET', path: fake.statusPath, kind: 'status', status: 503, times: 3 })
    fake.faults.add({ method: 'GET', path: fake.statusPath, kind: 'status', status: 502, times: 3 })
    const run = await train(cwd)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(fake.faults.fired).toHaveLength(6)
  })

  test('a connection reset after the server accepted the submission: the run is found, not submitted twice', async () => {
    const { fake, cwd } = await setup(kind)
    fake.faults.add({ method: 'POST', path: fake.submitPath, kind: 'accept-then-reset' })
    const run = await train(cwd)
    expect(fake.faults.fired).toHaveLength(1)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(fake.runCount()).toBe(1)
    expect(run.stdout).toContain('The first submission did arrive')
  })

  test('a connection reset before the server saw the submission: it is submitted again, once', async () => {
    const { fake, cwd } = await setup(kind)
    fake.faults.add({ method: 'POST', path: fake.submitPath, kind: 'reset' })
    const run = await train(cwd)
    expect(run.exitCode).toBe(0)
    expect(fake.runCount()).toBe(1)
  })

  test('a re-run of the same GitHub run follows the run already submitted', async () => {
    const { fake, cwd } = await setup(kind)
    const first = await train(cwd)
    expect(first.exitCode).toBe(0)
    const again = await train(cwd, { env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(again.exitCode).toBe(0)
    expect(again.outputs['run-id']).toBe(first.outputs['run-id'])
    expect(again.summary).toContain('not submitted twice')
    expect(fake.runCount()).toBe(1)
  })

  test('timeout: the wait ends and the remote run is cancelled', async () => {
    const { fake, cwd } = await setup(kind, { hang: true })
    const run = await train(cwd, { inputs: { timeout: '1s' } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('cancelled')
    expect(failure(run)).toMatch(/timed out after 1s: the run was cancelled/)
    expect(fake.cancelCalls()).toBeGreaterThan(0)
    expect(fake.violations).toEqual([])
  })

  test('SIGINT (job cancelled) cancels the remote run', async () => {
    const { fake, cwd } = await setup(kind, { hang: true })
    const run = await train(cwd, {
      onSpawn: child => {
        void until(() => fake.runCount() > 0 && child.stdout !== null).then(() =>
          setTimeout(() => child.kill('SIGINT'), 100)
        )
      }
    })
    expect(fake.cancelCalls()).toBeGreaterThan(0)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('cancelled')
    expect(run.state.finished).toBe('true')
    expect(fake.violations).toEqual([])
  })

  test('the post step cancels a run the main step left unfinished', async () => {
    const { fake, cwd } = await setup(kind, { hang: true })
    // The main step is killed outright (SIGKILL: no chance to cancel), as a runner may do.
    const main = await train(cwd, {
      onSpawn: child => {
        // Once the run id is in the saved state ("Submitted run" comes right after).
        let out = ''
        child.stdout!.on('data', chunk => (out += chunk))
        void until(() => fake.runCount() > 0 && out.includes('Submitted run')).then(() =>
          child.kill('SIGKILL')
        )
      }
    })
    expect(main.signal).toBe('SIGKILL')
    expect(main.state['run-id']).toBeTruthy()
    expect(main.state.finished).toBeUndefined()
    const post = await runDistAction('submit-train', {
      entry: 'post.js',
      cwd,
      state: main.state,
      env: { ...FAST, [TOKEN_ENV]: TOKEN }
    })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain(`Cancelled run ${main.state['run-id']}`)
    expect(fake.cancelCalls()).toBeGreaterThan(0)
  })

  test('a step killed during the submit round trip: the post step finds the run by its identity and cancels it', async () => {
    const { fake, cwd } = await setup(kind, { hang: true })
    // The server creates the run, but its answer never comes: the step dies waiting for it.
    fake.faults.add({ method: 'POST', path: fake.submitPath, kind: 'accept-then-hang' })
    const main = await train(cwd, {
      onSpawn: child => {
        void until(() => fake.runCount() > 0).then(() => child.kill('SIGKILL'))
      }
    })
    expect(main.signal).toBe('SIGKILL')
    expect(main.state['run-id']).toBeUndefined()
    expect(main.state['run-key']).toMatch(/^gh1001-train-development-[0-9a-f]{8}$/)
    expect(main.state.submission).toMatch(/^[0-9a-f]{16}$/)
    const post = await runDistAction('submit-train', {
      entry: 'post.js',
      cwd,
      state: main.state,
      env: { ...FAST, [TOKEN_ENV]: TOKEN }
    })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('stopped while submitting')
    expect(post.stdout).toMatch(/Cancelled run \S+/)
    expect(fake.cancelCalls()).toBeGreaterThan(0)
    expect(fake.runCount()).toBe(1)
    expect(fake.violations).toEqual([])
  })

  test('a submission the cluster refused leaves the post step nothing to look for', async () => {
    const { fake, cwd } = await setup(kind, {}, '  train: {name: trian}\n')
    const main = await train(cwd)
    expect(main.exitCode).toBe(1)
    // MLRun accepts any workflow name; its runner fails later (a run exists, and ended).
    if (kind !== 'mlrun') expect(main.state.submission ?? '').toBe('')
    const post = await runDistAction('submit-train', {
      entry: 'post.js',
      cwd,
      state: main.state,
      env: { ...FAST, [TOKEN_ENV]: TOKEN }
    })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).not.toContain('looking for the run')
    if (kind !== 'mlrun') expect(fake.cancelCalls()).toBe(0)
  })

  test('a refused cancel is reported as a failure with the reason (no secret), and the post step cancels', async () => {
    const { fake, cwd } = await setup(kind, { hang: true })
    // RBAC lets the token read runs but not stop them; the server quotes the token back.
    fake.faults.add({
      method: fake.cancelMethod,
      path: fake.cancelPath,
      kind: 'status',
      status: 403,
      body: fake.errorBody(`forbidden: token ${TOKEN} may read runs but not stop them`)
    })
    const main = await train(cwd, { inputs: { timeout: '1s' } })
    expect(fake.faults.fired).toHaveLength(1)
    expect(main.exitCode).toBe(1)
    // Not `cancelled`: the orchestrator never said the run ended.
    expect(main.outputs.status).toBe('running')
    expect(failure(main)).toMatch(
      /timed out after 1s, and cancelling the run failed: .*403.*may read runs but not stop them.*It may still be running/s
    )
    expect(main.summary).toContain('cancelling the run failed')
    expect(JSON.parse(main.outputs.facts!).error).toContain('may read runs but not stop them')
    for (const surface of [
      visibleOutput(main.stdout, main.stderr),
      main.summary,
      main.outputs.facts!
    ])
      expect(surface).not.toContain(TOKEN)
    expect(main.stdout).not.toContain('status request failed')
    // Not finished: the post step must try again.
    expect(main.state.finished).toBeUndefined()
    expect(main.state['run-id']).toBeTruthy()

    const post = await runDistAction('submit-train', {
      entry: 'post.js',
      cwd,
      state: main.state,
      env: { ...FAST, [TOKEN_ENV]: TOKEN }
    })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain(`Cancelled run ${main.state['run-id']}`)
    expect(fake.cancelCalls()).toBeGreaterThan(0)
    expect(fake.violations).toEqual([])
  })

  test('a cancel refused by the main step and the post step fails the post step', async () => {
    const { fake, cwd } = await setup(kind, { hang: true })
    fake.faults.add({
      method: fake.cancelMethod,
      path: fake.cancelPath,
      kind: 'status',
      status: 403,
      body: fake.errorBody('runs may not be stopped by this token'),
      times: 2
    })
    const main = await train(cwd, { inputs: { timeout: '1s' } })
    expect(main.exitCode).toBe(1)
    expect(main.state.finished).toBeUndefined()
    const post = await runDistAction('submit-train', {
      entry: 'post.js',
      cwd,
      state: main.state,
      env: { ...FAST, [TOKEN_ENV]: TOKEN }
    })
    expect(fake.faults.fired).toHaveLength(2)
    expect(post.exitCode).toBe(1)
    expect(failure(post)).toMatch(
      new RegExp(
        `Could not cancel run ${main.state['run-id']} on dev: .*403.*runs may not be stopped by this token.*It may still be running`,
        's'
      )
    )
    expect(post.stdout).not.toContain('Cancelled run')
  })

  test('unknown workflow name: one clear error, nothing submitted', async () => {
    const { fake, cwd } = await setup(kind, {}, '  train: {name: trian}\n')
    const run = await train(cwd)
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toMatch(/trian/)
    if (kind === 'mlrun') {
      // MLRun accepts any spec.name (endpoints/workflows.py); its runner then cannot find it.
      expect(failure(run)).toMatch(/Workflow trian does not exist/)
    } else {
      expect(failure(run)).toMatch(/not found/)
      expect(fake.runCount()).toBe(0)
    }
  })

  test('bad credentials: a clear error and the token is never printed', async () => {
    const { fake, cwd } = await setup(kind)
    const wrong = 'wrong-Token-987654-zyx'
    const run = await train(cwd, { env: { [TOKEN_ENV]: wrong } })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toMatch(/401.*check the credentials/s)
    // A clean link to the endpoint, not the encoded list filter.
    expect(failure(run)).toMatch(new RegExp(`GET ${fake.url}/[^ ?]+ returned 401`))
    expect(failure(run)).not.toMatch(/[?&](filter|label|fields|listOptions)/)
    expect(visibleOutput(run.stdout, run.stderr)).not.toContain(wrong)
    expect(run.stdout).toContain(`::add-mask::${wrong}`)
    expect(fake.runCount()).toBe(0)
  })

  test('a credentials variable named by the config but unset: says which one', async () => {
    const { cwd } = await setup(kind)
    const run = await train(cwd, { env: { [TOKEN_ENV]: '' } })
    expect(run.exitCode).toBe(1)
    expect(failure(run)).toContain(`the environment variable ${TOKEN_ENV} is empty or unset`)
  })

  test('wait: false returns once submitted', async () => {
    const { fake, cwd } = await setup(kind, { hang: true })
    const run = await train(cwd, { inputs: { wait: 'false' } })
    expect(run.exitCode).toBe(0)
    expect(['pending', 'running']).toContain(run.outputs.status)
    expect(JSON.parse(run.outputs.facts!).state).toBe('submitted')
    expect(fake.cancelCalls()).toBe(0)
  })
})

describe('submit-train bundle against MLRun specifics', () => {
  test('412 from the runner: fatal, with its message', async () => {
    fake = await startFake('mlrun', specDir)
    const { startMlrunServer } = await import('../fakes/mlrun-server.js')
    await fake.close()
    const mlrun = await startMlrunServer({
      token: TOKEN,
      projects: {
        heart: {
          train: {
            runnerError: 'could not clone git://github.com/acme/heart#staging',
            runnerPolls: 0
          }
        }
      }
    })
    fake = { ...fake, close: () => mlrun.close() }
    const cwd = consumerRepo(`{kind: mlrun, url: '${mlrun.url}', tokenEnv: ${TOKEN_ENV}}`)
    const run = await train(cwd)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(failure(run)).toContain(
      'Failed to run workflow train, state: error, state_text: could not clone git://github.com/acme/heart#staging'
    )
    // Fatal: looked up once, not polled until the timeout.
    expect(mlrun.requests.filter(r => /\/workflows\/train\/runs\//.test(r.path)).length).toBe(1)
    expect(mlrun.violations).toEqual([])
  })

  test('Basic auth (Iguazio username + access key) and the client version header', async () => {
    const { startMlrunServer } = await import('../fakes/mlrun-server.js')
    const mlrun = await startMlrunServer({
      basic: { username: 'iguazio', accessKey: 'ak-Secret-42' },
      projects: { heart: { train: {} } }
    })
    fake = { close: () => mlrun.close() } as FakeCluster
    const cwd = consumerRepo(
      `{kind: mlrun, url: '${mlrun.url}', usernameEnv: V3IO_USERNAME, accessKeyEnv: V3IO_ACCESS_KEY, source: 'git://github.com/acme/heart#development'}`
    )
    const run = await train(cwd, {
      env: { V3IO_USERNAME: 'iguazio', V3IO_ACCESS_KEY: 'ak-Secret-42' }
    })
    expect(run.exitCode).toBe(0)
    expect(mlrun.requests.every(r => r.headers['x-mlrun-client-version'] === '1.7.0')).toBe(true)
    expect(mlrun.runners[0]!.body).toMatchObject({
      source: 'git://github.com/acme/heart#development',
      arguments: { epochs: 5, lr: 0.01 }
    })
    expect(visibleOutput(run.stdout, run.stderr)).not.toContain('ak-Secret-42')
  })
})
