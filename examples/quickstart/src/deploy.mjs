// The deploy step: start a model server for the model URI on loopback, detached so it keeps
// serving after this step exits, smoke-test it with rows of the test set, and only then put it
// in place of the environment's previous server. If any test request fails, the new server is
// stopped, the previous one keeps serving, and the step fails.
//   node src/deploy.mjs --model_uri models:/heart-classifier/3 --environment staging
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, closeSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkModel } from './model.mjs'
import { DEFAULT_REGISTRY, resolveModelFile } from './registry.mjs'
import {
  SERVERS_DIR,
  readServer,
  stopServer,
  writeServer,
  isAlive,
  stopProcess
} from './servers.mjs'
import { testModelServer, testRows } from './tester.mjs'
import { readArguments, runMain, writeResults, isMain } from './args.mjs'

const SERVER_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'server.mjs')

async function waitForReady(file, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
    if (child.exitCode !== null || !isAlive(child.pid)) {
      const log = existsSync(logFile)
        ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n')
        : ''
      throw new Error(`the model server exited before it was ready${log ? `:\n${log}` : ''}`)
    }
    await new Promise(r => setTimeout(r, 20))
  }
  throw new Error(`the model server was not ready within ${timeoutMs} ms (log: ${logFile})`)
}

export async function deploy(
  args,
  { cwd = process.cwd(), env = process.env, log = console.log } = {}
) {
  const modelUri = args.model_uri
  if (!modelUri) throw new Error('model_uri is required (the deploy workflow passes it)')
  const environment = String(args.environment ?? env.PROMOTE_ENVIRONMENT ?? '')
  if (!environment)
    throw new Error(
      'environment is required (set it in promote.yaml environments.<env>.arguments.deploy)'
    )
  const serversDir = join(cwd, String(args.servers_dir ?? SERVERS_DIR))
  const resolved = resolveModelFile(
    String(modelUri),
    join(cwd, String(args.registry ?? DEFAULT_REGISTRY))
  )
  // Fail before starting anything when the file is not a model this server can load.
  checkModel(JSON.parse(readFileSync(resolved.modelPath, 'utf8')))
  const name = String(args.model_name ?? resolved.name)
  const version = String(resolved.version ?? '1')
  const strategy = String(args.strategy ?? 'blue-green')
  if (!['blue-green', 'in-place'].includes(strategy)) {
    throw new Error(`strategy must be blue-green or in-place, got '${strategy}'`)
  }
  log(`deploying ${modelUri} (${resolved.modelPath}) to ${environment} (${strategy})`)

  mkdirSync(serversDir, { recursive: true })
  let port = args.port ?? 0
  if (strategy === 'in-place') {
    // As a serving function is redeployed in place: the old server goes first, the new one takes
    // its port, and a failed smoke test leaves the environment without a model (roll back).
    const replaced = await stopServer(serversDir, environment)
    if (replaced?.stopped) {
      log(`stopped the server of ${environment} (${replaced.model_uri}, pid ${replaced.pid})`)
      if (args.port === undefined) port = replaced.port
    }
  }
  const stamp = `${Date.now()}-${process.pid}`
  const readyFile = join(serversDir, `${environment}.${stamp}.ready`)
  const logFile = join(serversDir, `${environment}.log`)
  const logFd = openSync(logFile, 'a')
  const child = spawn(
    process.execPath,
    [
      SERVER_SCRIPT,
      '--model',
      resolve(resolved.modelPath),
      '--name',
      name,
      '--version',
      version,
      '--port',
      String(port),
      '--ready_file',
      readyFile
    ],
    {
      cwd,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: { ...env, PROMOTE_ARGUMENTS: '', PROMOTE_RESULTS_FILE: '' }
    }
  )
  closeSync(logFd)
  child.unref()
  // The server is detached (its own process group), so a cancelled deploy must stop it itself
  // until it is recorded as the environment's server.
  let recorded = false
  const onCancel = signal => {
    if (!recorded) {
      try {
        process.kill(child.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
    }
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGTERM', onCancel)
  process.once('SIGINT', onCancel)
  let ready
  try {
    ready = await waitForReady(readyFile, child, logFile, Number(args.ready_timeout_ms ?? 10000))
  } catch (error) {
    await stopProcess(child.pid)
    throw error
  } finally {
    rmSync(readyFile, { force: true })
  }
  log(`model server up at ${ready.url} (pid ${ready.pid})`)

  const { rows, labels } = testRows(Number(args.num_tests ?? 50))
  const report = await testModelServer({ url: ready.url, name, rows, labels, log })
  log(
    `smoke test: total_tests=${report.total_tests} errors=${report.errors} match=${report.match} avg_latency=${report.avg_latency}us min_latency=${report.min_latency}us max_latency=${report.max_latency}us`
  )
  const results = { model_uri: String(modelUri), model_version: version, environment, ...report }
  if (report.errors > 0) {
    await stopProcess(ready.pid)
    const previous = readServer(serversDir, environment)
    log(
      `${report.errors} of ${report.total_tests} test requests failed: the new server is stopped${previous ? `; ${previous.model_uri} keeps serving at ${previous.url}` : `; ${environment} has no model server now (roll back to restore one)`}`
    )
    return { ok: false, results }
  }
  const previous = await stopServer(serversDir, environment)
  if (previous?.stopped)
    log(
      `stopped the previous server of ${environment} (${previous.model_uri}, pid ${previous.pid})`
    )
  writeServer(serversDir, environment, {
    pid: ready.pid,
    port: ready.port,
    url: ready.url,
    model_name: name,
    model_uri: String(modelUri),
    model_version: version,
    started_at: new Date().toISOString()
  })
  recorded = true
  return { ok: true, results: { ...results, endpoint_url: ready.url, server_pid: ready.pid } }
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    const outcome = await deploy(readArguments())
    writeResults(outcome.results)
    return outcome.ok ? 0 : 1
  })
}
