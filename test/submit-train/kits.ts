import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startArgoServer } from '../fakes/argo-server.js'
import { startKfpServer } from '../fakes/kfp-server.js'
import { startMlrunServer } from '../fakes/mlrun-server.js'
import type { Faults } from '../orchestrators/faults.js'

/** What a test needs from the fake of one orchestrator, whichever it is. */
export interface FakeCluster {
  kind: 'mlrun' | 'kfp' | 'argo'
  url: string
  faults: Faults
  violations: string[]
  /** Runs the fake holds (MLRun: runner runs). */
  runCount(): number
  /** Whether the fake was asked to stop a run (terminate / abort). */
  cancelCalls(): number
  /** The cluster entry of promote.yaml, credentials from TOKEN_ENV. */
  clusterYaml(): string
  submitPath: RegExp
  statusPath: RegExp
  /** The request that stops a run (MLRun: the pipeline terminate, sent before the runner abort). */
  cancelMethod: string
  cancelPath: RegExp
  /** An error body as this server words it. */
  errorBody(message: string): unknown
  close(): Promise<void>
}

export const TOKEN = 'tok-Secret-1234-abcd'
export const TOKEN_ENV = 'ORCH_TOKEN'

export interface Behaviour {
  outcome?: 'succeeded' | 'failed'
  error?: string
  hang?: boolean
  runningPolls?: number
  /** false: Argo offers no event stream (404), so the wait polls. */
  stream?: boolean
}

export async function startFake(
  kind: FakeCluster['kind'],
  specDir: string,
  behaviour: Behaviour = {}
): Promise<FakeCluster> {
  const failed = behaviour.outcome === 'failed'
  const common = {
    ...(behaviour.hang && { hang: true }),
    ...(behaviour.runningPolls !== undefined && { runningPolls: behaviour.runningPolls }),
    ...(behaviour.error && { error: behaviour.error })
  }
  if (kind === 'mlrun') {
    const fake = await startMlrunServer({
      token: TOKEN,
      projects: {
        heart: {
          train: {
            ...common,
            ...(failed && { outcome: 'Failed' }),
            steps: [
              { name: 'prep-data', results: { rows: 303 } },
              {
                name: 'train',
                results: { accuracy: 0.91, f1: 0.88 },
                artifacts: { model: 'store://models/heart/model#0:latest' }
              }
            ]
          }
        }
      }
    })
    return {
      kind,
      url: fake.url,
      faults: fake.faults,
      violations: fake.violations,
      runCount: () => fake.runners.length,
      cancelCalls: () => fake.terminated.length + fake.aborted.length,
      clusterYaml: () => `{kind: mlrun, url: '${fake.url}', tokenEnv: ${TOKEN_ENV}}`,
      submitPath: /\/workflows\/[^/]+\/submit$/,
      statusPath: /\/pipelines\/[^/]+$/,
      cancelMethod: 'POST',
      cancelPath: /\/pipelines\/[^/]+\/terminate$/,
      // FastAPI's {"detail": ...} (server/api/main.py http_status_error_handler)
      errorBody: message => ({ detail: message }),
      close: () => fake.close()
    }
  }
  if (kind === 'kfp') {
    const fake = await startKfpServer({
      specFile: join(specDir, 'kfp-v2beta1.swagger.json'),
      token: TOKEN,
      pipelines: {
        train: { ...common, ...(failed && { outcome: 'FAILED' }), steps: ['prep-data', 'train'] }
      }
    })
    return {
      kind,
      url: fake.url,
      faults: fake.faults,
      violations: fake.violations,
      runCount: () => fake.runs.length,
      cancelCalls: () => fake.terminated.length,
      clusterYaml: () =>
        `{kind: kfp, url: '${fake.url}', tokenEnv: ${TOKEN_ENV}, experimentId: exp-1}`,
      submitPath: /^\/apis\/v2beta1\/runs$/,
      statusPath: /^\/apis\/v2beta1\/runs\/[^/:]+$/,
      cancelMethod: 'POST',
      cancelPath: /^\/apis\/v2beta1\/runs\/[^/:]+:terminate$/,
      errorBody: message => ({ code: 7, message }),
      close: () => fake.close()
    }
  }
  const fake = await startArgoServer({
    specFile: join(specDir, 'argo-workflows.swagger.json'),
    token: TOKEN,
    ...(behaviour.stream === false && { events: 404 }),
    templates: {
      train: {
        ...common,
        ...(failed && { outcome: 'Failed' }),
        steps: [{ name: 'prep-data' }, { name: 'train', outputs: { accuracy: '0.91' } }],
        outputs: { accuracy: '0.91', model_uri: 's3://models/heart/model/3' }
      }
    }
  })
  return {
    kind,
    url: fake.url,
    faults: fake.faults,
    violations: fake.violations,
    runCount: () => fake.workflows.length,
    cancelCalls: () => fake.terminated.length,
    clusterYaml: () => `{kind: argo, url: '${fake.url}', namespace: ml, tokenEnv: ${TOKEN_ENV}}`,
    submitPath: /\/submit$/,
    statusPath: /^\/api\/v1\/workflows\/ml\/[^/]+$/,
    cancelMethod: 'PUT',
    cancelPath: /^\/api\/v1\/workflows\/ml\/[^/]+\/terminate$/,
    errorBody: message => ({ code: 7, message }),
    close: () => fake.close()
  }
}

/** A consumer checkout with promote.yaml: development runs on `cluster`. */
export function consumerRepo(
  clusterYaml: string,
  workflows = `  train: {arguments: {epochs: 3}}\n`
): string {
  const dir = mkdtempSync(join(tmpdir(), 'promote-train-'))
  writeFileSync(
    join(dir, 'promote.yaml'),
    [
      'project: heart',
      'model: {name: model}',
      'clusters:',
      `  dev: ${clusterYaml}`,
      'environments:',
      '  development: {branch: development, cluster: dev}',
      'deployment: {workflow: train}',
      'workflows:',
      workflows
    ].join('\n')
  )
  return dir
}

export async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time')
    await new Promise(done => setTimeout(done, 20))
  }
}

/** stdout without the runner's ::add-mask:: lines (the runner consumes those, they are never shown). */
export function visibleOutput(stdout: string, stderr: string): string {
  return (stdout + stderr)
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
}
