// The model servers this checkout started, one per environment, remembered in
// .promote/servers/<environment>.json ({pid, port, url, model_uri, model_version, started_at}).
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'

export const SERVERS_DIR = '.promote/servers'

export function serverFile(dir, environment) {
  if (!/^[A-Za-z0-9_.-]+$/.test(environment))
    throw new Error(`environment name '${environment}' cannot be a file name`)
  return join(dir, `${environment}.json`)
}

export function readServer(dir, environment) {
  const file = serverFile(dir, environment)
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

export function writeServer(dir, environment, record) {
  mkdirSync(dir, { recursive: true })
  const file = serverFile(dir, environment)
  writeFileSync(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`)
  renameSync(`${file}.tmp`, file)
}

export function listServers(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter(n => n.endsWith('.json'))
    .map(n => ({
      environment: n.slice(0, -'.json'.length),
      ...readServer(dir, n.slice(0, -'.json'.length))
    }))
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/** True when `url` answers as one of our model servers (so a reused pid is never killed). */
export async function isOurServer(url) {
  try {
    const response = await fetch(`${url}/v2`, { signal: AbortSignal.timeout(1000) })
    return response.ok && (await response.json()).name === 'promote-quickstart'
  } catch {
    return false
  }
}

/** Stops a server process and waits for it to exit (SIGKILL after 3 s). */
export async function stopProcess(pid) {
  if (!isAlive(pid)) return
  process.kill(pid, 'SIGTERM')
  for (let waited = 0; waited < 3000 && isAlive(pid); waited += 25)
    await new Promise(r => setTimeout(r, 25))
  if (isAlive(pid)) process.kill(pid, 'SIGKILL')
}

/** Stops the server of one environment, if it still runs; returns what it stopped. */
export async function stopServer(dir, environment) {
  const record = readServer(dir, environment)
  if (!record) return undefined
  let stopped = false
  if (record.pid && isAlive(record.pid) && (await isOurServer(record.url))) {
    await stopProcess(record.pid)
    stopped = true
  }
  rmSync(serverFile(dir, environment), { force: true })
  return { ...record, environment, stopped }
}
