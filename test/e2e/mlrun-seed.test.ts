/**
 * A team on the MLRun CI/CD demo (igz-cicd-flow, "the seed") switches to promote-actions by the
 * steps of docs/migrating-from-mlrun-cicd.md and plays its flow: train → export → lint-test →
 * deploy to development, staging and master.
 *
 * The repository is seed-shaped: the seed's layout (project_setup.py, src/workflows with the seed's
 * pipeline signatures, tests/, a Makefile with the seed's targets, and
 * artifacts/model:challenger.yaml exactly as MLRun exported it, read from ../shared and never
 * copied into this repository), plus what the guide adds: examples/mlrun's promote.yaml (its URL
 * pointed at the test server) and its workflows. Every action runs as its bundled
 * dist/<name>/index.js does on a runner, with the inputs the example workflows pass; the checks
 * and the export run through the CLI with the guide's own command lines. MLRun is the MLRun test
 * server (its workflows API and artifacts API behind one URL, with Basic auth by each
 * environment's own service account, as the seed's environment secrets are); GitHub is the fake
 * GitHub API.
 */
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'
import { startServer, type RecordedRequest, type TestServer } from '../helpers/http-server.js'
import { describeWithShared, REPO_ROOT } from '../helpers/shared.js'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { startMlrunServer, type MlrunServer } from '../fakes/mlrun-server.js'
import { linkArtifact, startFakeMlrun, type FakeMlrun } from '../fakes/mlrun-artifacts-server.js'
import { cliSnapshot } from '../export/cli-snapshot.js'
import { pullRequestEvent, runnerEnv, workflowDispatchEvent } from './consumer.js'

const { file: FIXTURE, describe } = describeWithShared('fixtures/mlrun-model-challenger.yaml')

const EXAMPLE = join(REPO_ROOT, 'examples', 'mlrun')
const GUIDE = readFileSync(join(REPO_ROOT, 'docs', 'migrating-from-mlrun-cicd.md'), 'utf8')
const REPO = 'acme/ml-project'
const CHALLENGER = 'artifacts/model:challenger.yaml'
const HINT =
  "project.set_artifact(key='model', artifact='artifacts/model:challenger.yaml', tag='challenger')"

/** Each GitHub environment's own service account (its V3IO_USERNAME and V3IO_ACCESS_KEY secrets). */
const ACCOUNTS = {
  development: { V3IO_USERNAME: 'nick', V3IO_ACCESS_KEY: 'ak-dev-5f1c2e9a' },
  staging: { V3IO_USERNAME: 'svc-staging', V3IO_ACCESS_KEY: 'ak-stg-77b0d4c1' },
  master: { V3IO_USERNAME: 'svc-master', V3IO_ACCESS_KEY: 'ak-prd-0c93e8f2' }
} as const
type Environment = keyof typeof ACCOUNTS

/** The MLRun projects the seed's `--single-cluster-mode` makes: user projects for staging and master. */
const PROJECTS: Record<Environment, string> = {
  development: 'cicd-flow',
  staging: 'cicd-flow-svc-staging',
  master: 'cicd-flow-svc-master'
}

/** What the seed's config.py passes to each pipeline (get_workflow_config). */
const SEED_ARGUMENTS = {
  train: {
    source_url: './data/heart.csv',
    label_column: 'target',
    allow_validation_failure: true,
    ohe_columns: ['sex', 'cp', 'slope', 'thal', 'restecg'],
    test_size: 0.2
  },
  deploy: {
    challenger_model_tag: 'challenger',
    champion_model_tag: 'champion',
    label_column: 'target',
    deploy_model_name: 'model'
  }
}

// ---------------------------------------------------------------------------------------------
// The seed-shaped repository

const SEED_FILES: Record<string, string> = {
  '.gitignore': '__pycache__/\n*.py[cod]\n.pytest_cache/\n',
  'requirements.txt': 'PyGithub==1.59.0\ndeepchecks==0.18.1\npandera==0.20.3\n',
  'requirements-dev.txt': 'pytest~=8.2\nblack~=24.4\nisort~=5.7\nflake8~=5.0\n',
  // The seed's targets. Its lint is black/isort/flake8 and its tests pytest, which this offline
  // test cannot install: the recipes byte-compile and run the same files with plain Python.
  Makefile: [
    'PYTHON_INTERPRETER = python3',
    'SRC ?= src',
    'TESTS ?= tests',
    '',
    '.PHONY: install-requirements lint test',
    'install-requirements:',
    '\t$(PYTHON_INTERPRETER) -m pip install -r requirements.txt -r requirements-dev.txt',
    '',
    'lint:',
    '\t$(PYTHON_INTERPRETER) -m compileall -q $(SRC) $(TESTS) project_setup.py',
    '',
    'test:',
    `\t$(PYTHON_INTERPRETER) -c 'import glob, runpy; tests = [f for p in sorted(glob.glob("$(TESTS)/test_*.py")) for n, f in runpy.run_path(p).items() if n.startswith("test_")]; [t() for t in tests]; print(len(tests), "passed")'`,
    ''
  ].join('\n'),
  'tests/test_mock.py': 'def test_true():\n    assert True\n',
  'src/functions/__init__.py': '',
  'src/workflows/__init__.py': '',
  'src/workflows/train_workflow.py': [
    'import mlrun',
    'from kfp import dsl',
    '',
    '',
    '@dsl.pipeline(name="GitOps Training Pipeline", description="Train a model")',
    'def pipeline(',
    '    source_url: str,',
    '    label_column: str,',
    '    allow_validation_failure: bool,',
    '    ohe_columns: list,',
    '    test_size: float,',
    '):',
    '    project = mlrun.get_current_project()',
    '    project.run_function("data", handler="get_data", inputs={"data": source_url})',
    ''
  ].join('\n'),
  'src/workflows/deploy_workflow.py': [
    'import mlrun',
    'from kfp import dsl',
    '',
    '',
    '@dsl.pipeline(name="GitOps Deployment Pipeline", description="Deploy a model")',
    'def pipeline(',
    '    challenger_model_tag: str,',
    '    champion_model_tag: str,',
    '    label_column: str,',
    '    deploy_model_name: str,',
    '):',
    '    project = mlrun.get_current_project()',
    '    project.run_function(',
    '        "get-model-uri",',
    '        params={"model_name": "model", "model_tag": challenger_model_tag},',
    '    )',
    ''
  ].join('\n'),
  'project_setup.py': [
    'import mlrun',
    '',
    '',
    'def setup(project: mlrun.projects.MlrunProject) -> mlrun.projects.MlrunProject:',
    '    source = project.get_param("source")',
    '    if source:',
    '        project.set_source(source, pull_at_runtime=True)',
    '    project.set_workflow(name="train", workflow_path="src/workflows/train_workflow.py")',
    '    project.set_workflow(',
    '        name="deploy", workflow_path="src/workflows/deploy_workflow.py"',
    '    )',
    '    project.set_artifact(',
    '        key="model", artifact="artifacts/model:challenger.yaml", tag="challenger"',
    '    )',
    '    project.save()',
    '    return project',
    ''
  ].join('\n')
}

interface SeedRepo {
  dir: string
  git(...args: string[]): string
  sha(ref?: string): string
  /** `git merge --no-ff from` into `into`, as a merged pull request does; returns the merge commit. */
  merge(from: string, into: string): string
}

function createSeedRepo(mlrunUrl: string): SeedRepo {
  const dir = mkdtempSync(join(tmpdir(), 'mlrun-seed-'))
  for (const [path, text] of Object.entries(SEED_FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  mkdirSync(join(dir, 'artifacts'))
  copyFileSync(FIXTURE!, join(dir, CHALLENGER))
  // What the guide adds: examples/mlrun's promote.yaml, with this MLRun's URL, and its workflows.
  const config = readFileSync(join(EXAMPLE, 'promote.yaml'), 'utf8')
    .replace(/^(\s+url:) https:\/\/mlrun-api\.\S+$/m, `$1 ${mlrunUrl}`)
    .replace(/^(\s+uiUrl:) \S+$/m, `$1 ${mlrunUrl}/mlprojects`)
  expect(config).toContain(`url: ${mlrunUrl}`)
  writeFileSync(join(dir, 'promote.yaml'), config)
  cpSync(join(EXAMPLE, '.github'), join(dir, '.github'), { recursive: true })

  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Nick Scientist',
    GIT_AUTHOR_EMAIL: 'nick@acme.example',
    GIT_COMMITTER_NAME: 'Nick Scientist',
    GIT_COMMITTER_EMAIL: 'nick@acme.example'
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    }).trim()
  git('init', '-q')
  git('symbolic-ref', 'HEAD', 'refs/heads/master')
  git('config', 'commit.gpgsign', 'false')
  git('add', '-A')
  git('commit', '-q', '-m', 'The seed, with promote.yaml and the workflows of the migration guide')
  git('branch', 'staging')
  git('checkout', '-q', '-b', 'development')
  return {
    dir,
    git,
    sha: (ref = 'HEAD') => git('rev-parse', ref),
    merge(from, into) {
      git('checkout', '-q', into)
      git('merge', '-q', '--no-ff', '-m', `Merge ${from} into ${into}`, from)
      return git('rev-parse', 'HEAD')
    }
  }
}

/** The parameters of `def pipeline(...)` in one of the repository's workflow files. */
function pipelineParameters(dir: string, file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8')
  const signature = /def pipeline\(([\s\S]*?)\):/.exec(text)![1]!
  return [...signature.matchAll(/(\w+)\s*:/g)].map(m => m[1]!)
}

/** The keyword arguments of the repository's `project.set_artifact(...)` call. */
function setArtifactCall(text: string): Record<string, string> {
  const call = /set_artifact\(([\s\S]*?)\)/.exec(text)![1]!
  return Object.fromEntries([...call.matchAll(/(\w+)=["']([^"']*)["']/g)].map(m => [m[1]!, m[2]!]))
}

/** A `promote ...` command line of the guide's section 7 (the flow, step by step), as argv. */
function guideCommand(prefix: string): string[] {
  const flow = GUIDE.slice(GUIDE.indexOf('## 7. The flow, step by step'))
  const commands = [...flow.matchAll(/`(promote [^`]+)`/g)].map(m => m[1]!)
  const command = commands.find(c => c.startsWith(prefix))
  if (!command) throw new Error(`section 7 of the migration guide has no \`${prefix}...\` command`)
  expect(command).not.toMatch(/["']/)
  return command.split(/\s+/).slice(1)
}

/** The `with:` of the one job of an example workflow. */
function exampleWith(workflow: string): Record<string, unknown> {
  const parsed = parse(readFileSync(join(EXAMPLE, '.github', 'workflows', workflow), 'utf8')) as {
    jobs: Record<string, { with?: Record<string, unknown> }>
  }
  return Object.values(parsed.jobs)[0]!.with ?? {}
}

// ---------------------------------------------------------------------------------------------
// MLRun: the workflows API and the artifacts API on one URL, as one MLRun API serves both

const TREE = '1e587e9e-f0e3-4ddd-9566-b7d7ff655841'
const MODEL_URI = `store://models/cicd-flow/model#0:latest@${TREE}`

interface MlrunCluster {
  url: string
  workflows: MlrunServer
  artifacts: FakeMlrun
  /** Who called which project, from the Basic auth of each request. */
  callers: Array<{ user: string; project: string }>
  close(): Promise<void>
}

const basicHeader = (account: { V3IO_USERNAME: string; V3IO_ACCESS_KEY: string }) =>
  `Basic ${Buffer.from(`${account.V3IO_USERNAME}:${account.V3IO_ACCESS_KEY}`).toString('base64')}`

async function startMlrunCluster(): Promise<MlrunCluster> {
  const metrics = parse(readFileSync(FIXTURE!, 'utf8')).spec.metrics as Record<string, number>
  const trainWorkflow = {
    steps: [
      { name: 'data-get-data' },
      { name: 'validate-validate-data-integrity', results: { passed_suite: true } },
      { name: 'describe' },
      { name: 'data-process-data' },
      { name: 'validate-validate-train-test-split', results: { passed_suite: true } },
      {
        name: 'train',
        results: { best_iteration: 2, ...metrics },
        artifacts: { model: MODEL_URI }
      },
      { name: 'validate-validate-model', results: { passed_suite: true } }
    ]
  }
  // The seed's deploy pipeline: the challenger's URI, the serving function, the tester's numbers.
  const deployWorkflow = {
    steps: [
      { name: 'get-model-uri', results: { model_uri: MODEL_URI } },
      { name: 'deploy-serving', results: { endpoint: 'http://cicd-flow-serving.example:8080' } },
      {
        name: 'model-server-tester',
        results: {
          total_tests: 20,
          errors: 0,
          match: 20,
          avg_latency: 11,
          min_latency: 8,
          max_latency: 19
        }
      }
    ]
  }
  // A fresh MLRun: no project yet. The first submission creates it, as get_or_create_project did.
  const workflows = await startMlrunServer({
    projects: {},
    behaviours: { train: trainWorkflow, deploy: deployWorkflow }
  })
  const artifacts = await startFakeMlrun()
  // What the training run logged: the best iteration (the fixture, iteration 2) and the link
  // artifact at iteration 0 that store://models/cicd-flow/model#0:latest resolves through.
  const model = parse(readFileSync(FIXTURE!, 'utf8')) as Record<string, unknown>
  artifacts.store(model, 'latest')
  artifacts.store(linkArtifact(model), 'latest')

  const users = new Map(Object.values(ACCOUNTS).map(a => [basicHeader(a), a.V3IO_USERNAME]))
  const callers: MlrunCluster['callers'] = []
  const router: TestServer = await startServer(async (request: RecordedRequest) => {
    const user = users.get(String(request.headers.authorization))
    if (!user)
      return { status: 401, body: { detail: 'Unauthorized: invalid or missing credentials' } }
    const project = /^\/api\/v[12]\/projects\/([^/]+)/.exec(request.path)?.[1]
    if (project) callers.push({ user, project: decodeURIComponent(project) })
    const backend = request.path.startsWith('/api/v2/') ? artifacts.url : workflows.url
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(request.headers)) {
      if (
        typeof value === 'string' &&
        !['host', 'content-length', 'connection', 'authorization'].includes(name)
      )
        headers[name] = value
    }
    const query = request.query.toString()
    const response = await fetch(`${backend}${request.path}${query ? `?${query}` : ''}`, {
      method: request.method,
      headers,
      ...(request.rawBody && { body: request.rawBody })
    })
    const text = await response.text()
    let body: unknown = text
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      // not JSON: passed on as text
    }
    return { status: response.status, body }
  })
  return {
    url: router.url,
    workflows,
    artifacts,
    callers,
    close: async () => {
      await router.close()
      await workflows.close()
      await artifacts.close()
    }
  }
}

// ---------------------------------------------------------------------------------------------

describe('a seed-shaped repository on promote-actions, by the migration guide', () => {
  // Each step runs bundles one after another (two deploys in step 6); none waits on a clock.
  jest.setTimeout(240_000)
  let mlrun: MlrunCluster
  let github: GitHubServer
  let repo: SeedRepo
  let cli: string

  beforeAll(async () => {
    cli = cliSnapshot()
    mlrun = await startMlrunCluster()
    github = await startGitHubServer({
      repos: [{ owner: 'acme', repo: 'ml-project', visibility: 'public', defaultBranch: 'master' }]
    })
    // Section 6 of the guide: staging and master with required reviewers and no self-review.
    for (const name of ['staging', 'master'])
      github.addEnvironment(REPO, name, { requiredReviewers: ['lee'], preventSelfReview: true })
    repo = createSeedRepo(mlrun.url)
  })

  afterAll(async () => {
    await mlrun?.close()
    await github?.close()
    if (repo) rmSync(repo.dir, { recursive: true, force: true })
  })

  interface Trigger {
    environment: Environment
    runId: number
    attempt?: number
    eventName?: string
    event?: unknown
    /** GITHUB_REF / GITHUB_REF_NAME / GITHUB_SHA of a pull request event. */
    ref?: { ref: string; refName: string; sha: string }
  }

  /** One step of a job: the bundle, in the job's GitHub environment, with its secrets. */
  function action(
    name: string,
    inputs: Record<string, string>,
    trigger: Trigger
  ): Promise<ActionRun> {
    const branch = trigger.environment
    const sha = trigger.ref?.sha ?? repo.sha(branch)
    return runDistAction(name, {
      cwd: repo.dir,
      inputs: { 'github-token': github.token, ...inputs },
      env: {
        ...runnerEnv(branch, sha),
        ...(trigger.ref && { GITHUB_REF: trigger.ref.ref, GITHUB_REF_NAME: trigger.ref.refName }),
        GITHUB_RUN_ID: String(trigger.runId),
        GITHUB_RUN_ATTEMPT: String(trigger.attempt ?? 1),
        GITHUB_API_URL: github.url,
        // What the "Expose the secrets promote.yaml names" step exports from the environment's secrets.
        ...ACCOUNTS[trigger.environment],
        PROMOTE_POLL_SCALE: '0.01',
        PROMOTE_HTTP_RETRIES: '1'
      },
      eventName: trigger.eventName ?? 'workflow_dispatch',
      event: trigger.event ?? workflowDispatchEvent(branch),
      timeoutMs: 90_000
    })
  }

  function expectOk(run: ActionRun): void {
    if (run.exitCode !== 0)
      throw new Error(
        `exit ${run.exitCode}\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-2000)}`
      )
  }

  /** The CLI, as a developer runs it in the repository with development's credentials. */
  function promote(
    args: string[],
    input = ''
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise(resolve => {
      const child = execFile(
        process.execPath,
        [cli, ...args],
        {
          cwd: repo.dir,
          timeout: 60_000,
          env: {
            ...process.env,
            ...ACCOUNTS.development,
            PROMOTE_POLL_SCALE: '0.01',
            PROMOTE_HTTP_RETRIES: '1'
          }
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number((error as { code?: number }).code ?? 1) : 0,
            stdout,
            stderr
          })
      )
      child.stdin!.end(input)
    })
  }

  function mergePullRequest(
    number: number,
    head: string,
    base: Environment,
    runId: number
  ): Trigger {
    const headSha = repo.sha(head)
    const baseSha = repo.sha(base)
    const mergeSha = repo.merge(head, base)
    return {
      environment: base,
      runId,
      eventName: 'pull_request',
      event: pullRequestEvent({ number, head, base, headSha, baseSha, merged: true, mergeSha }),
      ref: { ref: `refs/pull/${number}/merge`, refName: `${number}/merge`, sha: mergeSha }
    }
  }

  const runnersOf = (project: string, workflow: string) =>
    mlrun.workflows.runners.filter(r => r.project === project && r.workflow === workflow)

  let trained: ActionRun

  it('1. configures: promote validate accepts the seed with the example promote.yaml', async () => {
    const validate = await promote(guideCommand('promote validate'))
    if (validate.code !== 0)
      throw new Error(`exit ${validate.code}\n${validate.stdout}${validate.stderr}`)
  })

  it("2. trains on development with the seed's arguments, and a re-run adopts the run instead of submitting again", async () => {
    const dispatch = parse(readFileSync(join(EXAMPLE, '.github', 'workflows', 'train.yml'), 'utf8'))
      .on.workflow_dispatch.inputs as Record<string, { default?: string }>
    expect(dispatch.environment!.default).toBe('development')
    trained = await action(
      'submit-train',
      { environment: 'development', arguments: dispatch.arguments!.default! },
      { environment: 'development', runId: 3001 }
    )
    expectOk(trained)
    expect(trained.outputs.status).toBe('succeeded')
    expect(trained.outputs['model-uri']).toBe(MODEL_URI)

    // The fresh MLRun got the project as get_or_create_project makes it: the environment's
    // source and artifact path, and the workflows project_setup.py registers.
    const project = mlrun.workflows.projects.get(PROJECTS.development)!
    expect(project.spec).toMatchObject({
      source: 'git://github.com/igz-us-sales/igz-cicd-flow#development',
      artifact_path: 's3://iguazio-demo/projects/{{run.project}}/artifacts'
    })
    expect(project.spec.workflows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'train', path: 'src/workflows/train_workflow.py' }),
        expect.objectContaining({ name: 'deploy', path: 'src/workflows/deploy_workflow.py' })
      ])
    )
    const [runner, ...others] = mlrun.workflows.runners
    expect(others).toEqual([])
    expect(runner).toMatchObject({ project: PROJECTS.development, workflow: 'train' })
    expect(runner!.spec).toMatchObject({ name: 'train' })
    // Exactly what config.py passed, typed, and exactly the parameters the repository's pipeline takes.
    expect(runner!.arguments).toEqual(SEED_ARGUMENTS.train)
    expect(Object.keys(runner!.arguments).sort()).toEqual(
      pipelineParameters(repo.dir, 'src/workflows/train_workflow.py').sort()
    )
    // `--source git --branch development`, and config.py's artifact_path.
    expect(runner!.body).toMatchObject({
      source: 'git://github.com/igz-us-sales/igz-cicd-flow#development',
      artifact_path: 's3://iguazio-demo/projects/{{run.project}}/artifacts'
    })
    expect(trained.summary).toContain('train on development: succeeded')

    // Re-run of the same GitHub run (attempt 2): it follows the run it already submitted.
    const rerun = await action(
      'submit-train',
      { environment: 'development', arguments: '{}' },
      { environment: 'development', runId: 3001, attempt: 2 }
    )
    expectOk(rerun)
    expect(rerun.stdout).toContain('following it instead of submitting again')
    expect(rerun.outputs['run-id']).toBe(trained.outputs['run-id'])
    expect(rerun.outputs.status).toBe('succeeded')
    expect(mlrun.workflows.runners).toHaveLength(1)
  })

  it("3. exports the model with the guide's command: `no` writes nothing, `yes` writes the seed's file and the import hint", async () => {
    const args = guideCommand('promote export --model-uri')
    expect(args).toEqual(['export', '--model-uri', 'store://models/cicd-flow/model#0:latest'])
    repo.git('checkout', '-q', '-b', 'export-challenger', 'development')
    const before = readFileSync(join(repo.dir, CHALLENGER), 'utf8')
    writeFileSync(join(repo.dir, CHALLENGER), 'stale\n')

    const declined = await promote(args, 'no\n')
    expect(declined.code).toBe(1)
    expect(readFileSync(join(repo.dir, CHALLENGER), 'utf8')).toBe('stale\n')

    const exported = await promote(args, 'yes\n')
    expect(exported.code).toBe(0)
    expect(exported.stdout).toContain(
      "Export model 'store://models/cicd-flow/model#0:latest' with tag 'challenger'? (yes/no)"
    )
    expect(exported.stdout).toContain(HINT)
    // The hint is the call project_setup.py already makes, so the deploy finds the challenger tag.
    expect(setArtifactCall(HINT)).toEqual(
      setArtifactCall(readFileSync(join(repo.dir, 'project_setup.py'), 'utf8'))
    )
    // The export of the unchanged artifact is the file MLRun exported, value for value, as
    // MLRun's PyYAML (YAML 1.1) reads it.
    const after = readFileSync(join(repo.dir, CHALLENGER), 'utf8')
    expect(parse(after, { version: '1.1' })).toEqual(parse(before, { version: '1.1' }))
    repo.git('add', CHALLENGER)
    repo.git('commit', '-q', '--allow-empty', '-m', 'Export model (iteration 2) as the challenger')
  })

  it("4. checks the pull request with ci.yml's commands: make lint, make test, the manifest and the gates", async () => {
    const ci = exampleWith('ci.yml')
    expect(ci).toMatchObject({
      install: 'make install-requirements',
      lint: 'make lint',
      test: 'make test'
    })
    const headSha = repo.sha('export-challenger')
    const check = await action(
      'lint-test',
      {
        lint: String(ci.lint),
        test: String(ci.test),
        'production-branch': String(ci['production-branch']),
        champion: String(ci.champion)
      },
      {
        environment: 'development',
        runId: 3101,
        eventName: 'pull_request',
        event: pullRequestEvent({
          number: 21,
          head: 'export-challenger',
          base: 'development',
          headSha,
          baseSha: repo.sha('development')
        }),
        ref: { ref: 'refs/pull/21/merge', refName: '21/merge', sha: headSha }
      }
    )
    expectOk(check)
    expect(check.outputs.result).toBe('pass')
    expect(check.stdout).toContain('1 passed')
    expect(check.summary).toMatch(
      /\| accuracy \| 0\.877193 \| 0\.877193 \| .* \| ≥ 0\.8 \| PASS \|/
    )
    expect(github.comments(REPO, 21)).toHaveLength(1)
  })

  it("5. deploys the merged pull request to development: the seed's deploy pipeline with config.py's arguments", async () => {
    const deployWith = exampleWith('deploy.yml')
    expect(deployWith.environment).toBe('${{ inputs.environment || github.base_ref }}')
    const trigger = mergePullRequest(21, 'export-challenger', 'development', 3201)
    const deploy = await action('submit-deploy', { environment: 'development' }, trigger)
    expectOk(deploy)
    expect(deploy.outputs.status).toBe('success')
    const [runner] = runnersOf(PROJECTS.development, 'deploy')
    expect(runner!.arguments).toMatchObject(SEED_ARGUMENTS.deploy)
    for (const name of pipelineParameters(repo.dir, 'src/workflows/deploy_workflow.py'))
      expect(runner!.arguments).toHaveProperty(name)
    const [deployment] = github.deployments(REPO, 'development')
    expect(deployment!.statuses[0]!.state).toBe('success')
    expect(deployment!.payload).toMatchObject({ manifestPath: CHALLENGER })
    expect(deploy.summary).toMatch(/\*\*errors\*\* \| 0 \|/)
  })

  it('6. promotes: staging and master, each approved, each in its service account’s user project; the champion tag follows master', async () => {
    const toStaging = mergePullRequest(22, 'development', 'staging', 3301)
    github.addApproval(REPO, 3301, { environments: ['staging'], user: 'lee', comment: 'ok' })
    // promote.yml: deploy, then the pull request from staging to master.
    const staging = await action(
      'submit-deploy',
      { environment: 'staging', 'open-promotion-pr': 'true' },
      toStaging
    )
    expectOk(staging)
    expect(staging.outputs.status).toBe('success')
    expect(runnersOf(PROJECTS.staging, 'deploy')).toHaveLength(1)
    expect(github.pulls(REPO)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ head: 'staging', base: 'master', state: 'open' })
      ])
    )

    const toMaster = mergePullRequest(23, 'staging', 'master', 3401)
    github.addApproval(REPO, 3401, { environments: ['master'], user: 'lee', comment: 'ship it' })
    const master = await action('submit-deploy', { environment: 'master' }, toMaster)
    expectOk(master)
    expect(master.outputs.status).toBe('success')
    expect(runnersOf(PROJECTS.master, 'deploy')).toHaveLength(1)
    const contentHash = (environment: string) =>
      (github.deployments(REPO, environment)[0]!.payload as { contentHash: string }).contentHash
    expect(contentHash('master')).toBe(contentHash('development'))

    // Each environment's project was only ever called with that environment's account.
    for (const environment of ['staging', 'master'] as const) {
      const users = new Set(
        mlrun.callers.filter(c => c.project === PROJECTS[environment]).map(c => c.user)
      )
      expect([...users]).toEqual([ACCOUNTS[environment].V3IO_USERNAME])
    }
    // updateChampion: the exported model now also carries the champion tag.
    const model = mlrun.artifacts.artifacts.find(a => a.key === 'model' && a.iter === 2)!
    expect([...model.tags]).toContain('champion')
  })

  it('7. asked MLRun nothing its code would refuse, and GitHub nothing its API describes differently', () => {
    expect(mlrun.workflows.violations).toEqual([])
    expect(github.violations).toEqual([])
  })
})
