import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startGitHubServer, type GitHubServer } from '../fakes/github-server.js'
import { runDistAction, type ActionRun } from '../helpers/run-dist.js'

/**
 * Files lint-test must not read, or cannot: links out of the repository, to directories, to
 * nothing, text that is not UTF-8. Each is one problem naming it; the rest is still validated;
 * nothing of a file outside the repository reaches the PR comment, the summary or the log.
 */

const REPO = 'acme/ml-project'
/** The first line of the file outside the repository: it must appear nowhere. */
const OUTSIDE_LINE = 'root:x:0:0:OUTSIDE-SECRET-LINE:/root:/bin/bash'
const LEAK = 'OUTSIDE-SECRET-LINE'

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com'
    }
  })
}

function write(dir: string, file: string, text: string | Buffer): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true })
  writeFileSync(join(dir, file), text)
}

const manifest = (accuracy: number, tag = 'challenger') =>
  `kind: model\nmetadata:\n  key: model\n  project: cicd-flow\n  tag: ${tag}\n  version: 3\nspec:\n  metrics:\n    accuracy: ${accuracy}\n`

const CONFIG = `project: cicd-flow
model:
  name: model
environments:
  development: {branch: development, cluster: local}
  production: {branch: main, cluster: local}
workflows:
  deploy: {command: 'true'}
gates:
  accuracy: {min: 0.8, maxDrop: 0.02}
`

/**
 * A consumer checkout beside a directory outside it (holding a file whose first line must never
 * be quoted). `main` gets `onMain`; the PR branch `development` then gets `onBranch`.
 */
function consumerRepo(
  onMain: (dir: string, outside: string) => void,
  onBranch: (dir: string, outside: string) => void = () => {}
): string {
  const base = mkdtempSync(join(tmpdir(), 'lint-test-files-'))
  const dir = join(base, 'repo')
  const outside = join(base, 'outside')
  mkdirSync(dir)
  write(outside, 'passwd.yaml', `${OUTSIDE_LINE}\n`)
  git(dir, 'init', '-q', '-b', 'main')
  onMain(dir, outside)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'main')
  git(dir, 'checkout', '-q', '-b', 'development')
  onBranch(dir, outside)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'pull request')
  return dir
}

/** The problems annotated, without the step's closing failure message (`schema: ...`). */
const errorsOf = (run: ActionRun) =>
  run.commands
    .filter(c => c.command === 'error' && !/^(lint|tests|schema|gates|drift): /.test(c.message))
    .map(c => ({ file: c.properties.file, line: c.properties.line, message: c.message }))

const checksOf = (run: ActionRun) =>
  Object.fromEntries(
    (JSON.parse(run.outputs.checks!) as Array<{ name: string; verdict: string }>).map(c => [
      c.name,
      c.verdict
    ])
  )

describe('lint-test on files it must not or cannot read (dist bundle, as the runner runs it)', () => {
  let github: GitHubServer
  beforeAll(async () => {
    github = await startGitHubServer({
      repos: [{ owner: 'acme', repo: 'ml-project', visibility: 'private' }]
    })
  })
  afterAll(() => github.close())

  let pullNumber = 100
  /** Runs the action on its own pull request; returns the run and the sticky comment's body. */
  const run = async (cwd: string, inputs: Record<string, string> = {}) => {
    const number = ++pullNumber
    const result = await runDistAction('lint-test', {
      cwd,
      eventName: 'pull_request',
      event: {
        action: 'synchronize',
        number,
        pull_request: {
          number,
          base: { ref: 'main' },
          head: { ref: 'development', repo: { full_name: REPO } }
        },
        repository: { full_name: REPO, name: 'ml-project', owner: { login: 'acme' } }
      },
      inputs: { 'github-token': github.token, ...inputs },
      env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: REPO }
    })
    const comments = github.comments(REPO, number)
    expect(comments).toHaveLength(1)
    return { result, comment: comments[0]!.body }
  }

  it('reports each unreadable manifest as one problem naming it, validates the rest, and quotes nothing from outside', async () => {
    const dir = consumerRepo((dir, outside) => {
      write(dir, 'promote.yaml', CONFIG)
      write(dir, 'artifacts/model:challenger.yaml', manifest(0.86))
      write(dir, 'src/train.py', 'print(1)\n')
      symlinkSync(join(outside, 'passwd.yaml'), join(dir, 'artifacts', 'passwd.yaml'))
      symlinkSync('../../outside/passwd.yaml', join(dir, 'artifacts', 'relative.yaml'))
      symlinkSync('../src', join(dir, 'artifacts', 'dir.yaml'))
      symlinkSync('gone.yaml', join(dir, 'artifacts', 'dangling.yaml'))
      symlinkSync(outside, join(dir, 'artifacts', 'etc'))
      symlinkSync('.', join(dir, 'artifacts', 'loop'))
      write(dir, 'artifacts/latin1.yaml', Buffer.from('kind: model\n# caf\xe9\n', 'latin1'))
    })
    const { result, comment } = await run(dir)
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([
      {
        file: 'artifacts/etc',
        line: undefined,
        message: 'is a symbolic link to a directory outside the repository; not searched'
      },
      {
        file: 'artifacts/dangling.yaml',
        line: undefined,
        message: 'is a symbolic link to a file that does not exist'
      },
      { file: 'artifacts/dir.yaml', line: undefined, message: 'is a directory, not a file' },
      {
        file: 'artifacts/latin1.yaml',
        line: '2',
        message: expect.stringMatching(/^not valid UTF-8 \(byte 0xe9/)
      },
      {
        file: 'artifacts/passwd.yaml',
        line: undefined,
        message: 'is a symbolic link to a file outside the repository; it was not read'
      },
      {
        file: 'artifacts/relative.yaml',
        line: undefined,
        message: 'is a symbolic link to a file outside the repository; it was not read'
      }
    ])
    // The readable challenger was still validated and gated against the champion on main.
    expect(checksOf(result)).toMatchObject({ schema: 'fail', gates: 'pass' })
    expect(comment).toContain('Challenger artifacts/model:challenger.yaml against the champion')
    expect(comment).toContain(
      '- artifacts/passwd.yaml: is a symbolic link to a file outside the repository; it was not read'
    )
    for (const surface of [comment, result.summary, result.stdout, result.outputs.checks!])
      expect(surface).not.toContain(LEAK)
  })

  it('refuses a promote.yaml that links out of the repository without quoting it', async () => {
    const dir = consumerRepo((dir, outside) => {
      symlinkSync(join(outside, 'passwd.yaml'), join(dir, 'promote.yaml'))
      write(dir, 'artifacts/model:challenger.yaml', manifest(0.86))
    })
    const { result, comment } = await run(dir)
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([
      {
        file: 'promote.yaml',
        line: undefined,
        message: 'is a symbolic link to a file outside the repository; it was not read'
      }
    ])
    for (const surface of [comment, result.summary, result.stdout]) {
      expect(surface).not.toContain(LEAK)
      expect(surface).not.toContain('root:x')
    }
  })

  it('refuses an exportDir outside the repository at its line in promote.yaml, reading nothing there', async () => {
    const dir = consumerRepo(dir => {
      write(
        dir,
        'promote.yaml',
        CONFIG.replace('  name: model\n', '  name: model\n  exportDir: ../outside\n')
      )
    })
    const { result, comment } = await run(dir)
    expect(result.exitCode).toBe(1)
    expect(errorsOf(result)).toEqual([
      {
        file: 'promote.yaml',
        line: '4',
        message: "model.exportDir: must stay inside the repository ('..' leads out of it)"
      }
    ])
    for (const surface of [comment, result.summary, result.stdout])
      expect(surface).not.toContain(LEAK)

    // The export-dir input is held to the same rule.
    const input = consumerRepo(dir => {
      write(dir, 'promote.yaml', CONFIG)
      write(dir, 'artifacts/model:challenger.yaml', manifest(0.86))
    })
    const byInput = await run(input, { 'export-dir': '/' })
    expect(byInput.result.exitCode).toBe(1)
    expect(errorsOf(byInput.result)).toEqual([
      {
        file: undefined,
        line: undefined,
        message:
          "export-dir '/' must be a path relative to the repository root, not an absolute path"
      }
    ])
  })

  it('resolves no file-registry URI outside the repository when checking drift', async () => {
    const dir = consumerRepo((dir, outside) => {
      write(dir, 'promote.yaml', CONFIG)
      write(
        dir,
        'artifacts/model:challenger.yaml',
        `kind: model\nmetadata:\n  key: model\n  tag: challenger\n  uri: file://${join(outside, 'passwd.yaml')}\nspec:\n  metrics:\n    accuracy: 0.9\n`
      )
    })
    const { result, comment } = await run(dir, { 'check-drift': 'true', champion: 'none' })
    expect(result.stderr).toBe('')
    expect(checksOf(result)).toMatchObject({ schema: 'pass', drift: 'fail' })
    expect(errorsOf(result)).toContainEqual({
      file: 'artifacts/model:challenger.yaml',
      line: '3',
      message: expect.stringMatching(
        /^drift check: \/.*\/outside\/passwd\.yaml: is outside the repository; it was not read$/
      )
    })
    for (const surface of [comment, result.summary, result.stdout])
      expect(surface).not.toContain(LEAK)
  })

  it('follows a champion link inside the production branch, and refuses one that leads out', async () => {
    const inside = consumerRepo(
      dir => {
        write(dir, 'promote.yaml', CONFIG)
        write(dir, 'artifacts/model:v3.yaml', manifest(0.95, 'v3'))
        symlinkSync('model:v3.yaml', join(dir, 'artifacts', 'model:champion.yaml'))
      },
      dir => write(dir, 'artifacts/model:challenger.yaml', manifest(0.9))
    )
    const followed = await run(inside, { 'fail-on': 'never' })
    expect(followed.result.exitCode).toBe(0)
    expect(checksOf(followed.result)).toMatchObject({ schema: 'pass', gates: 'fail' })
    expect(followed.comment).toContain(
      'Challenger artifacts/model:challenger.yaml against the champion main:artifacts/model:champion.yaml'
    )
    expect(errorsOf(followed.result)).toContainEqual({
      file: 'artifacts/model:challenger.yaml',
      line: '9',
      message: expect.stringMatching(/^spec\.metrics\.accuracy: gate drop ≤ 0\.02/)
    })

    const out = consumerRepo(
      (dir, outside) => {
        write(dir, 'promote.yaml', CONFIG)
        mkdirSync(join(dir, 'artifacts'))
        symlinkSync(join(outside, 'passwd.yaml'), join(dir, 'artifacts', 'model:champion.yaml'))
      },
      dir => {
        // The PR's own tree no longer has the link; the production branch still does.
        git(dir, 'rm', '-q', 'artifacts/model:champion.yaml')
        write(dir, 'artifacts/model:challenger.yaml', manifest(0.9))
      }
    )
    const refused = await run(out)
    expect(refused.result.stderr).toBe('')
    expect(refused.comment).toContain(
      'champion main:artifacts/model:champion.yaml: is a symbolic link to a file outside the repository; it was not read'
    )
    for (const surface of [refused.comment, refused.result.summary, refused.result.stdout])
      expect(surface).not.toContain(LEAK)
  })
})
