/**
 * Detached training (issue 14, item 1): the bundled submit-train run as the runner runs it,
 * against the MLRun, Argo and KFP fakes, then the orchestrator's callback fired at the run's end
 * to the GitHub fake, which checks POST /repos/{owner}/{repo}/dispatches against octokit/openapi.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { TRAINING_FINISHED_EVENT } from '../../src/core/detached.js'
import {
  startArgoServer,
  type ArgoServer,
  type WorkflowTemplateManifest
} from '../fakes/argo-server.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { startKfpServer } from '../fakes/kfp-server.js'
import { startMlrunServer, type MlrunServer } from '../fakes/mlrun-server.js'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'
import { REPO_ROOT, sharedFile } from '../helpers/shared.js'
import { runCli } from '../deploy/fixture.js'
import { consumerRepo, TOKEN, TOKEN_ENV } from './kits.js'

const FAST = { PROMOTE_POLL_SCALE: '0.01' }
const REPO = 'acme/ml-project'
/** The token the orchestrator holds for the callback; the action never sees it. */
const argoSpec = sharedFile('specs/argo-workflows.swagger.json')
const kfpSpec = sharedFile('specs/kfp-v2beta1.swagger.json')

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function github(): Promise<GitHubServer> {
  const server = await startGitHubServer({ repos: [{ owner: 'acme', repo: 'ml-project' }] })
  closers.push(() => server.close())
  return server
}

function train(cwd: string, api: string, inputs: Record<string, string> = {}) {
  return runDistAction('submit-train', {
    cwd,
    inputs: { arguments: '{"epochs": 5}', detach: 'true', ...inputs },
    env: { ...FAST, [TOKEN_ENV]: TOKEN, GITHUB_API_URL: api }
  })
}

/** Everything the step showed or handed on: log, outputs, summary, saved state. */
function everything(run: ActionRun): string {
  return [
    run.stdout,
    run.stderr,
    JSON.stringify(run.outputs),
    run.summary,
    JSON.stringify(run.state)
  ].join('\n')
}

function errors(run: ActionRun): string {
  return run.commands
    .filter(c => c.command === 'error')
    .map(c => c.message)
    .join('\n')
}

describe('detached on MLRun: a webhook run notification, its token in a project secret', () => {
  async function mlrun(
    behaviour: { outcome?: 'Failed'; hang?: boolean } = {}
  ): Promise<MlrunServer> {
    const server = await startMlrunServer({
      token: TOKEN,
      projects: {
        heart: {
          train: {
            runningPolls: 2,
            ...behaviour,
            steps: [{ name: 'train', results: { accuracy: 0.91 } }]
          }
        }
      }
    })
    closers.push(() => server.close())
    return server
  }
  const cluster = (url: string) =>
    `{kind: mlrun, url: '${url}', tokenEnv: ${TOKEN_ENV}, callback: {tokenSecret: PROMOTE_GITHUB_DISPATCH}}`

  test('submits with the notification, ends at once, the post step leaves the run, and the end dispatches', async () => {
    const gh = await github()
    const server = await mlrun({ hang: true })
    server.setProjectSecret(
      'heart',
      'PROMOTE_GITHUB_DISPATCH',
      JSON.stringify({ headers: { Authorization: `Bearer ${gh.token}` } })
    )
    const cwd = consumerRepo(cluster(server.url))
    const run = await train(cwd, gh.url)

    expect(errors(run)).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('submitted')
    expect(run.outputs.submission).toMatch(/^[0-9a-f]{16}$/)
    expect(run.outputs['run-id']).toBe(server.runners[0]!.uid)
    expect(JSON.parse(run.outputs.facts!)).toMatchObject({ state: 'submitted' })
    expect(run.summary).toContain('train on development: submitted, detached')
    expect(run.summary).toContain('MLRun sends the repository_dispatch')
    expect(run.summary).toContain(run.outputs.submission)
    expect(run.state.detached).toBe('true')
    // Not waited for: no pipeline status was read.
    expect(server.requests.filter(r => /\/pipelines\//.test(r.path))).toHaveLength(0)

    const runner = server.runners[0]!
    const submit = server.requests.find(r => r.path.endsWith('/submit'))!
    const notifications = (submit.body as { notifications: unknown[] }).notifications
    expect(notifications).toEqual([
      {
        kind: 'webhook',
        name: 'promote-training-finished',
        message: expect.any(String),
        severity: 'info',
        when: ['completed', 'error', 'aborted'],
        params: {
          url: `${gh.url}/repos/${REPO}/dispatches`,
          method: 'POST',
          override_body: {
            event_type: TRAINING_FINISHED_EVENT,
            client_payload: {
              submission: run.outputs.submission,
              cluster: 'dev',
              runId: runner.name
            }
          }
        },
        // Only the project secret's name: MLRun stores nothing in clear.
        secret_params: { secret: 'PROMOTE_GITHUB_DISPATCH' }
      }
    ])
    expect(server.concealed).toEqual([])

    // The post step (the job ends, say cancelled before `finished` was saved) leaves the run alone.
    const { finished: _, ...killedState } = run.state
    const post = await runDistAction('submit-train', {
      cwd,
      entry: 'post.js',
      state: killedState,
      env: { ...FAST, [TOKEN_ENV]: TOKEN }
    })
    expect(post.exitCode).toBe(0)
    expect(server.terminated).toEqual([])
    expect(server.aborted).toEqual([])

    await server.finish(runner.uid)
    expect(runner.notificationStatus['promote-training-finished']).toEqual({
      status: 'sent',
      sent_time: expect.any(String)
    })
    const [dispatch, ...more] = gh.dispatches(REPO)
    expect(more).toEqual([])
    expect(dispatch).toMatchObject({
      eventType: TRAINING_FINISHED_EVENT,
      clientPayload: { submission: run.outputs.submission, cluster: 'dev', runId: runner.name }
    })
    expect(dispatch!.headers.authorization).toBe(`Bearer ${gh.token}`)
    // The token went from MLRun's secret to GitHub, and nowhere else.
    expect(everything(run)).not.toContain(gh.token)
    expect(JSON.stringify(server.requests)).not.toContain(gh.token)
    expect(gh.violations).toEqual([])
    expect(server.violations).toEqual([])
  })

  test('a failed run dispatches too (the collector reports the failure)', async () => {
    const gh = await github()
    const server = await mlrun({ outcome: 'Failed' })
    server.setProjectSecret(
      'heart',
      'PROMOTE_GITHUB_DISPATCH',
      JSON.stringify({ headers: { Authorization: `Bearer ${gh.token}` } })
    )
    const run = await train(consumerRepo(cluster(server.url)), gh.url)
    expect(run.exitCode).toBe(0)
    await server.finish(server.runners[0]!.uid)
    expect(server.runners[0]!.state).toBe('error')
    expect(gh.dispatches(REPO)).toHaveLength(1)
    expect(gh.violations).toEqual([])
  })

  test('without a callback configured it only submits, and says the reconcile collects it', async () => {
    const gh = await github()
    const server = await mlrun({ hang: true })
    const run = await train(
      consumerRepo(`{kind: mlrun, url: '${server.url}', tokenEnv: ${TOKEN_ENV}}`),
      gh.url
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('submitted')
    const submit = server.requests.find(r => r.path.endsWith('/submit'))!
    expect(submit.body).not.toHaveProperty('notifications')
    expect(run.summary).toContain('the scheduled reconcile')
    expect(server.violations).toEqual([])
  })

  test("the start message's channel and ts ride in the callback, so the collector updates that message", async () => {
    const gh = await github()
    const server = await mlrun()
    server.setProjectSecret(
      'heart',
      'PROMOTE_GITHUB_DISPATCH',
      JSON.stringify({ headers: { Authorization: `Bearer ${gh.token}` } })
    )
    const run = await train(consumerRepo(cluster(server.url)), gh.url, {
      'slack-channel': 'C0MLOPS001',
      'slack-ts': '1733400000.123456'
    })
    expect(errors(run)).toBe('')
    await server.finish(server.runners[0]!.uid)
    expect(gh.dispatches(REPO).map(d => d.clientPayload)).toEqual([
      expect.objectContaining({ message: { channel: 'C0MLOPS001', ts: '1733400000.123456' } })
    ])
    expect(server.violations).toEqual([])
  })

  test.each([
    [{ 'slack-ts': '1733400000.123456' }, "only 'slack-ts' is set"],
    [{ 'slack-channel': '#ml-ops', 'slack-ts': '1733400000.123456' }, 'not a #name']
  ])(
    'a half or malformed start message is refused before anything is sent: %j',
    async (inputs, says) => {
      const gh = await github()
      const server = await mlrun()
      const run = await train(consumerRepo(cluster(server.url)), gh.url, inputs)
      expect(run.exitCode).toBe(1)
      expect(errors(run)).toContain(says)
      expect(server.runners).toHaveLength(0)
    }
  )

  test('detach with wait: true is refused before anything is sent', async () => {
    const gh = await github()
    const server = await mlrun()
    const run = await train(consumerRepo(cluster(server.url)), gh.url, { wait: 'true' })
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toContain("'detach: true' and 'wait: true' exclude each other")
    expect(server.runners).toHaveLength(0)
  })

  test('wait: false with detach is fine; wait left unset still waits without detach', async () => {
    const gh = await github()
    const server = await mlrun()
    const cwd = consumerRepo(cluster(server.url))
    const detached = await train(cwd, gh.url, { wait: 'false' })
    expect(detached.outputs.status).toBe('submitted')
    const attached = await train(cwd, gh.url, { detach: 'false', arguments: '{"epochs": 6}' })
    expect(errors(attached)).toBe('')
    expect(attached.outputs.status).toBe('succeeded')
    const bodies = server.requests.filter(r => r.path.endsWith('/submit')).map(r => r.body)
    expect(bodies[1]).not.toHaveProperty('notifications')
  })
})

describe('promote run --detach', () => {
  test('submits with the callback to the repository GITHUB_REPOSITORY names, and returns', async () => {
    const gh = await github()
    const server = await startMlrunServer({
      token: TOKEN,
      projects: { heart: { train: { hang: true } } }
    })
    closers.push(() => server.close())
    server.setProjectSecret(
      'heart',
      'PROMOTE_GITHUB_DISPATCH',
      JSON.stringify({ headers: { Authorization: `Bearer ${gh.token}` } })
    )
    const cwd = consumerRepo(
      `{kind: mlrun, url: '${server.url}', tokenEnv: ${TOKEN_ENV}, callback: {tokenSecret: PROMOTE_GITHUB_DISPATCH}}`
    )
    const result = await runCli(cwd, ['run', '--env', 'development', '--detach'], {
      env: { [TOKEN_ENV]: TOKEN, GITHUB_REPOSITORY: REPO, GITHUB_API_URL: gh.url }
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Detached: run')
    expect(result.stdout).toContain(`${gh.url}/repos/${REPO}/dispatches`)
    const runner = server.runners[0]!
    await server.finish(runner.uid)
    expect(gh.dispatches(REPO)).toEqual([
      expect.objectContaining({
        eventType: TRAINING_FINISHED_EVENT,
        clientPayload: expect.objectContaining({ cluster: 'dev', runId: runner.name })
      })
    ])
    expect(result.stdout + result.stderr).not.toContain(gh.token)
    expect(server.violations).toEqual([])
    expect(gh.violations).toEqual([])
  })
})

describe('detached on a command cluster', () => {
  test('is refused with the reason: the run is a process of the runner', async () => {
    const gh = await github()
    const cwd = consumerRepo(`{kind: command}`, `  train: {command: 'echo hi'}\n`)
    const run = await train(cwd, gh.url)
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toContain('command cluster')
    expect(errors(run)).toContain('cannot be detached')
    expect(run.stdout).not.toContain('Submitted run')
  })
})

describe.each(kfpSpec ? ['kfp'] : [])('detached on %s', () => {
  test('submits with the detached label, no callback, the reconcile named as the only path', async () => {
    const gh = await github()
    const server = await startKfpServer({
      specFile: kfpSpec!,
      token: TOKEN,
      pipelines: { train: { hang: true, steps: ['train'] } }
    })
    closers.push(() => server.close())
    const run = await train(
      consumerRepo(
        `{kind: kfp, url: '${server.url}', tokenEnv: ${TOKEN_ENV}, experimentId: exp-1}`
      ),
      gh.url
    )
    expect(errors(run)).toBe('')
    expect(run.outputs.status).toBe('submitted')
    expect(server.runs[0]!.description).toContain('promote-actions/mode=detached')
    expect(run.summary).toContain('the scheduled reconcile')
    expect(server.terminated).toEqual([])
    expect(server.violations).toEqual([])
  })
})

const callbackTemplate = parseYaml(
  readFileSync(join(REPO_ROOT, 'docs', 'argo-callback.yaml'), 'utf8')
) as WorkflowTemplateManifest

describe.each(argoSpec ? ['argo'] : [])(
  'detached on %s: an exit hook reads the token from a Secret',
  () => {
    async function argo(
      options: {
        outcome?: 'Failed'
        secrets?: Record<string, Record<string, string>>
        callback?: boolean
      } = {}
    ): Promise<ArgoServer> {
      const server = await startArgoServer({
        specFile: argoSpec!,
        token: TOKEN,
        templates: { train: { hang: true, ...(options.outcome && { outcome: options.outcome }) } },
        workflowTemplates: options.callback === false ? [] : [callbackTemplate],
        ...(options.secrets && { secrets: options.secrets })
      })
      closers.push(() => server.close())
      return server
    }
    const cluster = (url: string) =>
      `{kind: argo, url: '${url}', namespace: ml, tokenEnv: ${TOKEN_ENV}, callback: {tokenSecret: github-dispatch}}`

    test('creates the Workflow from the template with the hook, ends at once, the end dispatches', async () => {
      const gh = await github()
      const server = await argo({ secrets: { 'github-dispatch': { token: gh.token } } })
      const cwd = consumerRepo(cluster(server.url))
      const run = await train(cwd, gh.url)

      expect(errors(run)).toBe('')
      expect(run.exitCode).toBe(0)
      expect(run.outputs.status).toBe('submitted')
      const wf = server.workflows[0]!
      expect(run.outputs['run-id']).toBe(wf.name)
      expect(wf.labels).toMatchObject({
        'promote-actions/repository': 'acme-ml-project',
        'promote-actions/mode': 'detached',
        'promote-actions/submission': run.outputs.submission
      })
      expect(wf.parameters).toEqual({ epochs: '5' })
      expect(wf.hooks?.exit?.templateRef).toEqual({
        name: 'promote-callback',
        template: 'dispatch'
      })
      // No token in the Workflow: the hook names the Secret.
      const created = server.requests.find(
        r => r.method === 'POST' && r.path === '/api/v1/workflows/ml'
      )!
      expect(JSON.stringify(created.body)).toContain('"github-dispatch"')
      expect(JSON.stringify(created.body)).not.toContain(gh.token)
      expect(server.requests.some(r => r.path.endsWith('/submit'))).toBe(false)
      expect(run.summary).toContain('exit hook sends the repository_dispatch')

      const { finished: _, ...killedState } = run.state
      const post = await runDistAction('submit-train', {
        cwd,
        entry: 'post.js',
        state: killedState,
        env: { ...FAST, [TOKEN_ENV]: TOKEN }
      })
      expect(post.exitCode).toBe(0)
      expect(server.terminated).toEqual([])

      await server.finish(wf.name)
      expect(server.exitHooks).toEqual([
        expect.objectContaining({ workflow: wf.name, phase: 'Succeeded' })
      ])
      const [dispatch, ...more] = gh.dispatches(REPO)
      expect(more).toEqual([])
      expect(dispatch).toMatchObject({
        eventType: TRAINING_FINISHED_EVENT,
        clientPayload: { submission: run.outputs.submission, cluster: 'dev', runId: wf.name }
      })
      expect(dispatch!.headers.authorization).toBe(`Bearer ${gh.token}`)
      expect(dispatch!.headers.accept).toBe('application/vnd.github+json')
      expect(everything(run)).not.toContain(gh.token)
      expect(gh.violations).toEqual([])
      expect(server.violations).toEqual([])
    })

    test('a failed workflow runs its exit hook too', async () => {
      const gh = await github()
      const server = await argo({
        outcome: 'Failed',
        secrets: { 'github-dispatch': { token: gh.token } }
      })
      const run = await train(consumerRepo(cluster(server.url)), gh.url)
      expect(run.exitCode).toBe(0)
      await server.finish(server.workflows[0]!.name)
      expect(gh.dispatches(REPO)).toHaveLength(1)
      expect(gh.violations).toEqual([])
    })

    test('a missing callback template is refused before the Workflow is created', async () => {
      const gh = await github()
      const server = await argo({ callback: false })
      const run = await train(consumerRepo(cluster(server.url)), gh.url)
      expect(run.exitCode).toBe(1)
      expect(errors(run)).toContain(
        "WorkflowTemplate 'promote-callback' in namespace 'ml' does not exist"
      )
      expect(errors(run)).toContain('docs/argo-callback.yaml')
      expect(server.workflows).toHaveLength(0)
      expect(server.violations).toEqual([])
    })
  }
)
