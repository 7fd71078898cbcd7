import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { HostileCase } from './corpus.js'

export interface ValidateRun {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  seconds: number
  /** Peak resident memory of the process, in MiB. */
  peakMiB: number
}

/** Reports the process's peak memory on stderr at exit, where the runner can read it. */
const PEAK_REPORTER = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\npeak-rss-kib '+process.resourceUsage().maxRSS+'\\n'))`

/** Writes the case into a fresh git repository and runs `promote validate` there, as a user would. */
export function runValidate(cli: string, hostile: HostileCase): ValidateRun {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'))
  try {
    execFileSync('git', ['init', '-q', '-b', 'feature'], { cwd: dir })
    for (const [file, content] of Object.entries(hostile.files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true })
      writeFileSync(join(dir, file), content)
    }
    const start = performance.now()
    const run = spawnSync(
      process.execPath,
      ['--import', PEAK_REPORTER, cli, 'validate', '--champion', 'none'],
      {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1' }
      }
    )
    const seconds = (performance.now() - start) / 1000
    const peak = /\npeak-rss-kib (\d+)\n$/.exec(run.stderr)
    return {
      status: run.status,
      signal: run.signal,
      stdout: run.stdout,
      stderr: peak ? run.stderr.slice(0, peak.index) : run.stderr,
      seconds,
      peakMiB: peak ? Number(peak[1]) / 1024 : NaN
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
