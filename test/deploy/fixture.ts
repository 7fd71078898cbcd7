import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { register } from '../../src/adapters/registries/index.js'
import { REPO_ROOT } from '../helpers/shared.js'

/**
 * A consumer repository on disk: promote.yaml with three environments on a command cluster, a
 * file registry, and a deploy "pipeline" (a node script) that records the arguments it got and
 * writes smoke-test results like the seed's tester. Its behaviour is set per call through the
 * DEPLOY_MODE environment variable: ok (default), fail, errors, slow.
 */
export const DEPLOY_SCRIPT = `
import { appendFileSync, writeFileSync } from 'node:fs'
const args = JSON.parse(process.env.PROMOTE_ARGUMENTS)
appendFileSync(process.env.DEPLOY_LOG ?? 'deploy-calls.jsonl', JSON.stringify({ args, argEnv: process.env.PROMOTE_ARG_MODEL_URI }) + '\\n')
const mode = process.env.DEPLOY_MODE ?? 'ok'
if (mode === 'slow') {
  process.on('SIGTERM', () => { appendFileSync(process.env.DEPLOY_LOG ?? 'deploy-calls.jsonl', JSON.stringify({ signal: 'SIGTERM' }) + '\\n'); process.exit(143) })
  console.log('deploying slowly')
  setInterval(() => {}, 1000)
} else if (mode === 'fail') {
  console.error('serving endpoint did not become ready')
  process.exit(3)
} else {
  const errors = mode === 'errors' ? 2 : 0
  writeFileSync(process.env.PROMOTE_RESULTS_FILE, JSON.stringify({
    steps: [
      { name: 'deploy', state: 'succeeded', results: { endpoint: 'https://serving.example.com/model' } },
      { name: 'tester', state: 'succeeded', results: { total_tests: 20, errors, match: errors === 0, avg_latency: 12.5, min_latency: 8, max_latency: 31 } }
    ]
  }))
  console.log('deployed ' + args.model_uri)
}
`

export interface Fixture {
  dir: string
  manifestPath: string
  /** Registers a new model version and makes it the committed challenger; returns its version. */
  newChallenger(metrics?: Record<string, number>): Promise<string>
  calls(): Array<{ args: Record<string, unknown>; argEnv?: string; signal?: string }>
  config(patch?: (config: Record<string, unknown>) => void): void
}

export async function createFixture(options: { git?: boolean } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'promote-deploy-'))
  writeFileSync(join(dir, 'deploy.mjs'), DEPLOY_SCRIPT)
  writeFileSync(join(dir, 'model.pkl'), 'weights-v0')
  mkdirSync(join(dir, 'artifacts'))
  const baseConfig = {
    project: 'demo',
    model: { name: 'model', registry: { kind: 'file', path: '.promote/registry' } },
    clusters: { local: { kind: 'command' } },
    environments: {
      development: { branch: 'development', cluster: 'local' },
      staging: { branch: 'staging', cluster: 'local', url: 'https://staging.example.com' },
      production: { branch: 'master', cluster: 'local', url: 'https://prod.example.com' }
    },
    workflows: {
      deploy: { command: ['node', 'deploy.mjs'], arguments: { replicas: 1 }, timeout: '2m' }
    },
    deployment: { updateChampion: true }
  }
  const fixture: Fixture = {
    dir,
    manifestPath: join(dir, 'artifacts', 'model:challenger.yaml'),
    config(patch) {
      const config = structuredClone(baseConfig) as Record<string, unknown>
      patch?.(config)
      writeFileSync(join(dir, 'promote.yaml'), stringify(config))
    },
    async newChallenger(metrics = { accuracy: 0.9 }) {
      writeFileSync(join(dir, 'model.pkl'), `weights-${Math.random()}`)
      const version = await register({
        root: '.promote/registry',
        name: 'model',
        modelFile: 'model.pkl',
        metrics,
        project: 'demo',
        cwd: dir
      })
      const manifest = parse(readFileSync(version.manifestPath, 'utf8')) as {
        metadata: Record<string, unknown>
      }
      manifest.metadata.tag = 'challenger'
      writeFileSync(fixture.manifestPath, stringify(manifest))
      return String(version.version)
    },
    calls() {
      try {
        return readFileSync(join(dir, 'deploy-calls.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map(line => JSON.parse(line))
      } catch {
        return []
      }
    }
  }
  fixture.config()
  if (options.git !== false) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' })
    git('init', '-q', '-b', 'staging')
    git('config', 'user.email', 'dev@example.com')
    git('config', 'user.name', 'Dev')
    git('add', '.')
    git('commit', '-q', '-m', 'init')
  }
  return fixture
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the bundled CLI (bin/promote.js -> dist/cli) in the fixture, as a user would. */
export function runCli(
  dir: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {}
): Promise<CliResult> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'promote.js'), ...args], {
      cwd: dir,
      env: {
        ...process.env,
        PROMOTE_POLL_SCALE: '0.01',
        PROMOTE_USER: 'dev@example.com',
        ...options.env
      },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', c => (stdout += c))
    child.stderr.on('data', c => (stderr += c))
    child.stdin.end(options.input ?? '')
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}
