import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { copyQuickstart, infer } from '../examples/quickstart-helpers.js'

/**
 * A consumer repository made from examples/quickstart, as it sits on a runner after
 * actions/checkout: a git repo with branches development, staging and main.
 */
export interface ConsumerRepo {
  dir: string
  git(...args: string[]): string
  sha(ref?: string): string
  commitAll(message: string): string
  /** `git merge --no-ff from` into `into`, as a merged PR does; returns the merge commit. */
  merge(from: string, into: string): string
  readJson<T = Record<string, unknown>>(path: string): T | undefined
}

export function createConsumerRepo(edit?: (promoteYaml: string) => string): ConsumerRepo {
  const dir = copyQuickstart('e2e-consumer-')
  if (edit)
    writeFileSync(join(dir, 'promote.yaml'), edit(readFileSync(join(dir, 'promote.yaml'), 'utf8')))
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Dana Scientist',
    GIT_AUTHOR_EMAIL: 'dana@acme.example',
    GIT_COMMITTER_NAME: 'Dana Scientist',
    GIT_COMMITTER_EMAIL: 'dana@acme.example'
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    }).trim()
  git('init', '-q')
  git('symbolic-ref', 'HEAD', 'refs/heads/main')
  git('config', 'commit.gpgsign', 'false')
  git('add', '-A')
  git('commit', '-q', '-m', 'Start from examples/quickstart')
  git('branch', 'staging')
  git('checkout', '-q', '-b', 'development')
  const repo: ConsumerRepo = {
    dir,
    git,
    sha: (ref = 'HEAD') => git('rev-parse', ref),
    commitAll(message) {
      git('add', '-A')
      git('commit', '-q', '-m', message)
      return git('rev-parse', 'HEAD')
    },
    merge(from, into) {
      git('checkout', '-q', into)
      git('merge', '-q', '--no-ff', '-m', `Merge ${from} into ${into}`, from)
      return git('rev-parse', 'HEAD')
    },
    readJson<T>(path: string) {
      const file = join(dir, path)
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined
    }
  }
  return repo
}

export interface ServerOfEnvironment {
  pid: number
  url: string
  model_version: string
  model_uri: string
}

/** What the environment's model server answers for one row (its version and prediction). */
export async function askServer(
  repo: ConsumerRepo,
  environment: string
): Promise<{ version: string; prediction: number }> {
  const server = repo.readJson<ServerOfEnvironment>(`.promote/servers/${environment}.json`)
  if (!server) throw new Error(`no server recorded for ${environment}`)
  const answer = await infer(server.url, 'heart-classifier', [
    [67, 1, 0, 160, 286, 0, 0, 108, 1, 1.5, 1, 3, 2]
  ])
  if (answer.status !== 200)
    throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body)}`)
  const outputs = answer.body.outputs as Array<{ name: string; data: number[] }>
  return {
    version: String(answer.body.model_version),
    prediction: outputs.find(o => o.name === 'predict')!.data[0]!
  }
}

const REPOSITORY = {
  id: 815,
  node_id: 'R_kgDOAcme815',
  name: 'ml-project',
  full_name: 'acme/ml-project',
  private: false,
  owner: { login: 'acme', id: 4242, type: 'Organization' },
  html_url: 'https://github.com/acme/ml-project',
  default_branch: 'main'
}
const DANA = { login: 'dana', id: 1001, type: 'User' }

/** The GITHUB_EVENT_PATH payload of `workflow_dispatch` on `ref`. */
export function workflowDispatchEvent(ref: string, inputs: Record<string, string> = {}) {
  return {
    inputs,
    ref: `refs/heads/${ref}`,
    repository: REPOSITORY,
    sender: DANA,
    workflow: '.github/workflows/train.yml'
  }
}

/** The payload of a `pull_request` event; `merged` makes it the `closed` event of a merged PR. */
export function pullRequestEvent(options: {
  number: number
  head: string
  base: string
  headSha: string
  baseSha: string
  action?: string
  merged?: boolean
  mergeSha?: string
  title?: string
}) {
  const merged = options.merged === true
  return {
    action: options.action ?? (merged ? 'closed' : 'opened'),
    number: options.number,
    pull_request: {
      number: options.number,
      state: merged ? 'closed' : 'open',
      title: options.title ?? `Promote ${options.head} to ${options.base}`,
      user: DANA,
      html_url: `https://github.com/acme/ml-project/pull/${options.number}`,
      head: {
        ref: options.head,
        sha: options.headSha,
        repo: REPOSITORY,
        label: `acme:${options.head}`
      },
      base: {
        ref: options.base,
        sha: options.baseSha,
        repo: REPOSITORY,
        label: `acme:${options.base}`
      },
      merged,
      merged_by: merged ? { login: 'lee', id: 1002, type: 'User' } : null,
      merge_commit_sha: merged ? options.mergeSha : null,
      draft: false
    },
    repository: REPOSITORY,
    sender: merged ? { login: 'lee', id: 1002, type: 'User' } : DANA
  }
}

/** The runner's GITHUB_* variables for a run on `branch` at `sha`. */
export function runnerEnv(
  branch: string,
  sha: string,
  extra: Record<string, string> = {}
): Record<string, string> {
  return { GITHUB_REF: `refs/heads/${branch}`, GITHUB_REF_NAME: branch, GITHUB_SHA: sha, ...extra }
}
