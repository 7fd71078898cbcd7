/**
 * No secret on any surface, on the error paths where servers hand our own credentials back: the
 * bundled actions run as the runner runs them (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), and
 * the CLI as a user runs it, against fakes that echo the request in their error answers.
 *
 * The echo follows FastAPI's RequestValidationError answer (fastapi/exception_handlers.py
 * request_validation_exception_handler: 422 {"detail": errors}, pydantic v2 errors carrying the
 * offending `input`), with the Authorization header among the inputs, as an MLRun API behind a
 * header-validating gateway answers. Surfaces checked: stdout and stderr (except the runner's own
 * ::add-mask:: commands, which the runner consumes), the outputs file, the job summary file, and
 * what reached Slack, the SMTP server and the GitHub API (deployment statuses, comments).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { startGitHubServer } from '../fakes/github-server.js'
import { startFakeMlrun } from '../fakes/mlrun-artifacts-server.js'
import { startMlrunServer } from '../fakes/mlrun-server.js'
import { startSlackServer } from '../fakes/slack-server.js'
import { startSmtpServer } from '../fakes/smtp-server.js'
import { createFixture } from '../deploy/fixture.js'
import type { RecordedRequest } from '../helpers/http-server.js'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'
import { REPO_ROOT, sharedFile } from '../helpers/shared.js'
import { consumerRepo } from '../submit-train/kits.js'

const TOKEN = 'tok-Secret-1234-abcd'
const USER = 'svc-ml'
const ACCESS_KEY = 'ak-7f3e9b21c4d5'
const SLACK_TOKEN_LEAK = 'xoxb-4444-leaked-in-facts'
const b64 = (text: string) => Buffer.from(text).toString('base64')

/** A secret in every form this suite looks for: as is, base64, and Basic's base64 of user:key. */
const TOKEN_FORMS = [TOKEN, b64(TOKEN)]
const BASIC_FORMS = [ACCESS_KEY, b64(`${USER}:${ACCESS_KEY}`)]

/** FastAPI's 422 for a request whose header and body failed validation, echoing both. */
function echoValidationError(request: RecordedRequest) {
  return {
    detail: [
      {
        type: 'value_error',
        loc: ['header', 'authorization'],
        msg: 'Value error, token not accepted by the gateway',
        input: request.headers.authorization
      },
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: { ...(request.body as object), headers: request.headers }
      }
    ]
  }
}

/**
 * A gateway in front of the API refusing the request with a plain-text page that quotes it, as
 * debugging ingresses and WAFs do (the body is a JSON string: the fakes answer in JSON).
 */
function echoAsText(request: RecordedRequest) {
  return [
    'Request rejected by the gateway:',
    `${request.method} ${request.path}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${String(value)}`),
    '',
    request.rawBody
  ].join('\n')
}

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

/** The text of every surface a run writes to; the runner's ::add-mask:: commands excepted. */
function surfacesOf(run: ActionRun): Record<string, string> {
  return {
    stdout: run.stdout
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: run.stderr,
    outputs: readFileSync(join(run.workDir, 'output'), 'utf8'),
    summary: run.summary,
    env: readFileSync(join(run.workDir, 'env'), 'utf8')
  }
}

function expectNoSecret(surfaces: Record<string, string>, secrets: string[]): void {
  const leaks = Object.entries(surfaces).flatMap(([surface, text]) =>
    secrets.filter(secret => text.includes(secret)).map(secret => `${surface}: ${secret}`)
  )
  expect(leaks).toEqual([])
}

describe('an MLRun API that echoes the request in its error answer', () => {
  it('submit-train (Bearer): the token reaches no surface, and the error still says what happened', async () => {
    const mlrun = await startMlrunServer({
      token: TOKEN,
      projects: { heart: { train: { steps: [{ name: 'train', results: { accuracy: 0.9 } }] } } }
    })
    closers.push(() => mlrun.close())
    mlrun.faults.add({
      method: 'POST',
      path: /\/workflows\/[^/]+\/submit$/,
      kind: 'status',
      status: 400,
      body: echoAsText
    })
    const cwd = consumerRepo(`{kind: mlrun, url: '${mlrun.url}', tokenEnv: ORCH_TOKEN}`)
    const run = await runDistAction('submit-train', {
      cwd,
      env: { ORCH_TOKEN: TOKEN, PROMOTE_POLL_SCALE: '0.01' }
    })
    expect(mlrun.faults.fired).toEqual([expect.stringMatching(/-> 400$/)])
    expect(run.exitCode).toBe(1)
    const failure = run.commands.find(c => c.command === 'error')!.message
    expect(failure).toMatch(/Request rejected by the gateway/)
    // The echo was there, and was scrubbed rather than dropped.
    expect(failure).toContain('***')
    expectNoSecret(surfacesOf(run), TOKEN_FORMS)
  })

  it('submit-train (Basic): a run failing with the credentials in its error keeps them out of facts, outputs and summary; notify keeps them out of Slack and mail', async () => {
    const mlrun = await startMlrunServer({
      basic: { username: USER, accessKey: ACCESS_KEY },
      projects: {
        heart: {
          train: {
            outcome: 'Failed',
            // The runner pod printed the request it could not make (key and header value).
            error: `401 from the feature store with access key ${ACCESS_KEY}: credentials=${b64(`${USER}:${ACCESS_KEY}`)}`,
            steps: [{ name: 'train', results: {} }]
          }
        }
      }
    })
    closers.push(() => mlrun.close())
    const cwd = consumerRepo(
      `{kind: mlrun, url: '${mlrun.url}', usernameEnv: V3IO_USERNAME, accessKeyEnv: V3IO_ACCESS_KEY}`
    )
    const train = await runDistAction('submit-train', {
      cwd,
      env: { V3IO_USERNAME: USER, V3IO_ACCESS_KEY: ACCESS_KEY, PROMOTE_POLL_SCALE: '0.01' }
    })
    expect(train.exitCode).toBe(1)
    const facts = JSON.parse(train.outputs.facts!) as { state: string; error: string }
    expect(facts.state).toBe('failed')
    expect(facts.error).toContain('401 from the feature store with access key ***')
    expectNoSecret(surfacesOf(train), BASIC_FORMS)

    // A facts input that did not come through the scrubber (an older step, a user's script)
    // quoting the Slack token and the SMTP password: notify's own secrets stay out of its messages.
    const slack = await startSlackServer()
    const smtp = await startSmtpServer({ auth: { user: 'promote', pass: 'smtp-Pass-5521' } })
    closers.push(
      () => slack.close(),
      () => smtp.close()
    )
    writeFileSync(
      join(cwd, 'promote.yaml'),
      `${readFileSync(join(cwd, 'promote.yaml'), 'utf8')}notifications:
  slack: {channel: ml-ops, tokenEnv: SLACK_BOT_TOKEN}
  email: {to: [oncall@example.com], from: promote@example.com, smtpUrlEnv: PROMOTE_SMTP_URL, events: [failed]}
`
    )
    const leakyFacts = {
      ...facts,
      error: `${facts.error}; slack said invalid_auth for Bearer ${slack.token} (${slack.token}); smtp login smtp-Pass-5521 refused`
    }
    const notify = await runDistAction('notify', {
      cwd,
      inputs: { event: 'failed', facts: JSON.stringify(leakyFacts) },
      env: {
        PROMOTE_SLACK_API_URL: slack.apiUrl,
        PROMOTE_SLACK_RETRY_BASE_MS: '5',
        SLACK_BOT_TOKEN: slack.token,
        PROMOTE_SMTP_URL: smtp.url
      }
    })
    expect(notify.outputs.ok).toBe('true')
    const posted = JSON.stringify([...slack.channels.values()])
    expect(posted).toContain('slack said invalid_auth for Bearer ***')
    expect(smtp.mails).toHaveLength(1)
    const notifySecrets = [slack.token, b64(slack.token), 'smtp-Pass-5521', SLACK_TOKEN_LEAK]
    expectNoSecret(
      {
        ...surfacesOf(notify),
        slack: posted,
        mail: smtp.mails.map(m => m.raw).join('\n')
      },
      notifySecrets
    )
  })
})

describe('submit-deploy: a deploy run failing with the GitHub token in its error', () => {
  it('keeps it out of the deployment statuses, outputs, summary and log', async () => {
    const github = await startGitHubServer({
      repos: [{ owner: 'acme', repo: 'ml-project', defaultBranch: 'master' }]
    })
    closers.push(() => github.close())
    const fixture = await createFixture({ git: false })
    await fixture.newChallenger({ accuracy: 0.91 })
    // A deploy pipeline that fails printing the request it made with the token it was handed.
    writeFileSync(
      join(fixture.dir, 'deploy.mjs'),
      `console.error('GET /repos/acme/ml-project failed; sent Authorization: token ' + process.env.LEAKED + ' (' + Buffer.from(process.env.LEAKED).toString('base64') + ')')\nprocess.exit(3)\n`
    )
    // An approved deploy (require-approval can no longer be turned off by an input).
    github.addEnvironment('acme/ml-project', 'staging', { requiredReviewers: ['alice'] })
    github.addApproval('acme/ml-project', 1001, { environments: ['staging'], user: 'alice' })
    const run = await runDistAction('submit-deploy', {
      cwd: fixture.dir,
      eventName: 'workflow_dispatch',
      inputs: { 'github-token': github.token, environment: 'staging' },
      env: {
        GITHUB_API_URL: github.url,
        PROMOTE_POLL_SCALE: '0.01',
        PROMOTE_HTTP_RETRIES: '1',
        LEAKED: github.token
      }
    })
    expect(run.exitCode).toBe(1)
    const statuses = github.requests.filter(r => /\/deployments\/\d+\/statuses$/.test(r.path))
    expect(statuses.map(r => (r.body as { state: string }).state)).toContain('failure')
    const sent = JSON.stringify(github.requests.filter(r => r.method !== 'GET').map(r => r.body))
    expect(sent).toContain('sent Authorization: token ***')
    expectNoSecret({ ...surfacesOf(run), github: sent }, [github.token, b64(github.token)])
  })
})

const fixtureFile = sharedFile('fixtures/mlrun-model-challenger.yaml')
const describeWithFixture = fixtureFile ? describe : describe.skip

describeWithFixture('lint-test: a registry echoing the request during the drift check', () => {
  it('keeps the registry token out of the PR comment, summary, outputs and log', async () => {
    const github = await startGitHubServer({
      repos: [{ owner: 'acme', repo: 'ml-project', visibility: 'private' }]
    })
    const registry = await startFakeMlrun()
    closers.push(
      () => github.close(),
      () => registry.close()
    )
    const text = readFileSync(fixtureFile!, 'utf8')
    registry.store(parse(text) as Record<string, unknown>)
    registry.failNext(100, request => ({ status: 422, body: echoValidationError(request) }))
    const dir = mkdtempSync(join(tmpdir(), 'leak-lint-test-'))
    const write = (file: string, content: string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true })
      writeFileSync(join(dir, file), content)
    }
    write(
      'promote.yaml',
      `project: cicd-flow
model: {name: model, registry: {kind: mlrun}}
clusters:
  iguazio: {kind: mlrun, url: '${registry.url}', tokenEnv: MLRUN_TOKEN}
environments:
  production: {branch: main, cluster: iguazio}
workflows:
  deploy: {}
`
    )
    write('artifacts/model:challenger.yaml', text)
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: dir
      })
    git('init', '-q', '-b', 'development')
    git('add', '-A')
    git('commit', '-q', '-m', 'challenger')
    const run = await runDistAction('lint-test', {
      cwd: dir,
      eventName: 'pull_request',
      event: {
        number: 7,
        pull_request: {
          number: 7,
          base: { ref: 'main' },
          head: { repo: { full_name: 'acme/ml-project' } }
        },
        repository: { full_name: 'acme/ml-project', name: 'ml-project', owner: { login: 'acme' } }
      },
      inputs: {
        mode: 'validate',
        'command-results': '[]',
        'check-drift': 'true',
        'github-token': github.token
      },
      env: {
        GITHUB_API_URL: github.url,
        MLRUN_TOKEN: TOKEN,
        PROMOTE_HTTP_RETRIES: '1',
        PROMOTE_HTTP_RETRY_DELAY_MS: '1'
      }
    })
    expect(run.outputs['failed-checks']).toContain('drift')
    const comments = github.comments('acme/ml-project', 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toMatch(/422/)
    expect(comments[0]!.body).toContain('***')
    expectNoSecret({ ...surfacesOf(run), comment: comments[0]!.body }, TOKEN_FORMS)
  })
})

describe('the promote CLI against an MLRun API that echoes the request', () => {
  it('prints no token to the terminal', async () => {
    const mlrun = await startMlrunServer({
      token: TOKEN,
      projects: { heart: { train: { steps: [{ name: 'train', results: {} }] } } }
    })
    closers.push(() => mlrun.close())
    mlrun.faults.add({
      method: 'POST',
      path: /\/workflows\/[^/]+\/submit$/,
      kind: 'status',
      status: 400,
      body: echoAsText
    })
    const cwd = consumerRepo(`{kind: mlrun, url: '${mlrun.url}', tokenEnv: ORCH_TOKEN}`)
    // Asynchronously: the fake answers from this process.
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'promote.js'), 'run', '--env', 'development'],
      {
        cwd,
        env: { ...process.env, ORCH_TOKEN: TOKEN, PROMOTE_POLL_SCALE: '0.01' },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const code = await new Promise<number | null>(resolve => child.on('close', resolve))
    expect(mlrun.faults.fired).toHaveLength(1)
    expect(code).toBe(1)
    expect(stderr).toMatch(/Request rejected by the gateway/)
    expect(stderr).toContain('***')
    expectNoSecret({ stdout, stderr }, TOKEN_FORMS)
  })
})
