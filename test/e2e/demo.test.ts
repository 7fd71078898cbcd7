/**
 * `promote demo` as a newcomer runs it (`npm run demo` is `node bin/promote.js demo`), on the
 * bundled CLI: the whole flow in a temporary repository, a final table of what is deployed where,
 * and no model server left behind, also when interrupted.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/shared.js'
import { isAlive } from '../examples/quickstart-helpers.js'
import { cliSnapshot } from '../export/cli-snapshot.js'

// A private copy of the CLI bundle: a rebuild of dist/cli by someone else cannot pull it away.
const CLI = cliSnapshot()
const PTY_DRIVER = join(REPO_ROOT, 'test', 'export', 'pty-driver.py')

interface DemoRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

function runDemo(
  args: string[],
  options: { interruptAt?: string; answers?: string[] } = {}
): Promise<DemoRun> {
  return new Promise(resolve => {
    const env = { ...process.env }
    for (const key of Object.keys(env))
      if (key.startsWith('GITHUB_') || key.startsWith('INPUT_')) delete env[key]
    // With answers: at a terminal (a pseudo-terminal that types them at each yes/no question).
    const command = options.answers
      ? [
          'python3',
          [
            PTY_DRIVER,
            '(yes/no) ',
            JSON.stringify(options.answers),
            process.execPath,
            CLI,
            'demo',
            ...args
          ]
        ]
      : [process.execPath, [CLI, 'demo', ...args]]
    const child = spawn(command[0] as string, command[1] as string[], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let interrupted = false
    child.stdout.on('data', chunk => {
      stdout += chunk
      if (options.interruptAt && !interrupted && stdout.includes(options.interruptAt)) {
        interrupted = true
        child.kill('SIGINT')
      }
    })
    child.stderr.on('data', chunk => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

function tableRow(stdout: string, environment: string): string {
  const section = stdout.slice(stdout.lastIndexOf('What is deployed where'))
  const row = section.split('\n').find(line => line.trim().startsWith(`${environment} `))
  if (!row) throw new Error(`no row for ${environment} in:\n${section}`)
  return row
}

function serverPids(dir: string): number[] {
  const serversDir = join(dir, '.promote', 'servers')
  if (!existsSync(serversDir)) return []
  return readdirSync(serversDir)
    .filter(name => name.endsWith('.json'))
    .map(name => (JSON.parse(readFileSync(join(serversDir, name), 'utf8')) as { pid: number }).pid)
}

describe('promote demo', () => {
  it('plays the whole flow with --yes and ends with what is deployed where', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'demo-test-')), 'repo')
    try {
      const run = await runDemo(['--yes', '--dir', dir])
      if (run.code !== 0)
        throw new Error(`exit ${run.code}\n${run.stdout.slice(-6000)}\n${run.stderr}`)
      expect(run.stdout).toContain('PASS  promote demo: the whole flow ran')
      expect(run.stdout).toContain('Check it: the gates stop it')
      expect(run.stdout).toMatch(/accuracy [\d.]+ is below the minimum 0\.75/)
      expect(run.stdout).toMatch(
        /✓ 15\/17 Check it: the gates stop it {2}stopped by the gates in [\d.]+ s/
      )
      // One line per step, and how long it took without think time.
      expect(run.stdout.split('\n').filter(line => /^✓ +\d+\/17 /.test(line))).toHaveLength(17)
      expect(run.stdout).toMatch(/Took\s+[\d.]+ s\n/)
      expect(tableRow(run.stdout, 'development')).toMatch(
        /development\s+#\d+\s+2 \([0-9a-f]{12}\)\s+0\.828\s+http:\/\/127\.0\.0\.1:\d+\s+yes: version 2/
      )
      expect(tableRow(run.stdout, 'staging')).toMatch(/staging\s+#\d+\s+2 \(/)
      expect(tableRow(run.stdout, 'production')).toMatch(
        /main\s+#\d+ \(rollback to #\d+\)\s+1 \([0-9a-f]{12}\)\s+0\.832\s+\S+\s+yes: version 1/
      )
      expect(run.stdout).toMatch(/Model servers stopped\s+3/)
      // The flow is in the repository's history: three exports, merges into staging and main.
      expect(existsSync(join(dir, 'artifacts', 'heart-classifier:challenger.yaml'))).toBe(true)
      expect(existsSync(join(dir, '.promote', 'deployments.json'))).toBe(true)
      for (const pid of serverPids(dir)) expect(isAlive(pid)).toBe(false)
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true })
    }
  }, 180_000)

  it('stops its model servers and says so when interrupted with Ctrl-C', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'demo-test-')), 'repo')
    try {
      const run = await runDemo(['--yes', '--dir', dir], { interruptAt: ' 5/17 ' })
      expect(run.code).toBe(130)
      expect(run.stdout).toContain('Interrupted: stopping the demo and its model servers')
      expect(run.stdout).toContain('FAIL  promote demo: stopped before the end')
      const pids = serverPids(dir)
      expect(pids.length).toBeGreaterThanOrEqual(2)
      for (const pid of pids) expect(isAlive(pid)).toBe(false)
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true })
    }
  }, 180_000)

  it('asks the person at the terminal to approve, and stops cleanly when they say no', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'demo-test-')), 'repo')
    try {
      const run = await runDemo(['--dir', dir], { answers: ['yes', 'no'] })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(
        /Deploy heart-classifier 1 \([0-9a-f]{12}\) to staging\? \(yes\/no\)/
      )
      expect(run.stdout).toMatch(/not counting [\d.]+ s at the approval questions/)
      expect(run.stdout).toMatch(
        /approval refused: the deploy to 'production' was not approved at the terminal/
      )
      expect(run.stdout).toContain('FAIL  promote demo: stopped before the end')
      expect(tableRow(run.stdout, 'staging')).toMatch(/yes: version 1/)
      expect(tableRow(run.stdout, 'production')).toMatch(/no server/)
      for (const pid of serverPids(dir)) expect(isAlive(pid)).toBe(false)
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true })
    }
  }, 180_000)

  it('refuses to run without a terminal to ask for approvals unless --yes is given', async () => {
    const run = await runDemo([])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('there is no terminal to ask: run it in a terminal, or pass --yes')
    expect(run.stdout).not.toContain('Step 1/')
  })
})
