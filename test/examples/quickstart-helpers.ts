import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { REPO_ROOT } from '../helpers/shared.js'

export const QUICKSTART = join(REPO_ROOT, 'examples', 'quickstart')

/** A fresh copy of examples/quickstart, as a consumer's checkout. */
export function copyQuickstart(prefix = 'quickstart-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cpSync(QUICKSTART, dir, {
    recursive: true,
    filter: source => !/\/(\.promote|out|data|node_modules)$/.test(source)
  })
  return dir
}

export interface ScriptRun {
  code: number
  stdout: string
  stderr: string
  results: Record<string, unknown> | undefined
}

/** Runs one of the example's scripts as the `command` orchestrator does: arguments as JSON, results through a file. */
export async function runScript(
  cwd: string,
  script: string,
  args: Record<string, unknown>,
  env: Record<string, string> = {}
): Promise<ScriptRun> {
  const resultsFile = join(cwd, `.results-${process.hrtime.bigint()}.json`)
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script], {
      cwd,
      env: {
        ...process.env,
        PROMOTE_ARGUMENTS: JSON.stringify(args),
        PROMOTE_RESULTS_FILE: resultsFile,
        ...env
      },
      timeout: 30_000
    })
    return { code: 0, stdout, stderr, results: readResults(resultsFile) }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
      results: readResults(resultsFile)
    }
  } finally {
    rmSync(resultsFile, { force: true })
  }
}

/** Runs node with `args` in `cwd`; never throws. */
export async function runCommand(
  cwd: string,
  args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, {
      cwd,
      timeout: 30_000
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? ''
    }
  }
}

function readResults(file: string): Record<string, unknown> | undefined {
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : undefined
}

export interface ServerRecord {
  pid: number
  port: number
  url: string
  model_uri: string
  model_version: string
  model_name: string
}

export function serverRecord(cwd: string, environment: string): ServerRecord | undefined {
  const file = join(cwd, '.promote', 'servers', `${environment}.json`)
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ServerRecord) : undefined
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Stops every server a test's checkout started (the example's own stop script), then removes it. */
export async function cleanUp(cwd: string): Promise<void> {
  if (existsSync(join(cwd, 'src', 'stop.mjs'))) await runScript(cwd, 'src/stop.mjs', {})
  rmSync(cwd, { recursive: true, force: true })
}

export async function infer(
  url: string,
  name: string,
  rows: number[][]
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/v2/models/${name}/infer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      inputs: [
        {
          name: 'input-0',
          shape: [rows.length, rows[0]?.length ?? 0],
          datatype: 'FP32',
          data: rows.flat()
        }
      ]
    })
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value))
}
