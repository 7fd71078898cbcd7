// Stops the model servers that deploy started: one environment, or all of them.
//   node src/stop.mjs --environment staging     node src/stop.mjs
import { SERVERS_DIR, listServers, stopServer } from './servers.mjs'
import { readArguments, runMain, isMain } from './args.mjs'

export async function stopServers(dir = SERVERS_DIR, environment) {
  const environments = environment ? [environment] : listServers(dir).map(s => s.environment)
  const stopped = []
  for (const env of environments) {
    const record = await stopServer(dir, env)
    if (record) stopped.push(record)
  }
  return stopped
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    const args = readArguments()
    const stopped = await stopServers(
      String(args.servers_dir ?? SERVERS_DIR),
      args.environment && String(args.environment)
    )
    for (const s of stopped)
      console.log(
        `${s.environment}: ${s.stopped ? `stopped pid ${s.pid}` : 'was not running'} (${s.model_uri})`
      )
    if (stopped.length === 0) console.log('no model servers recorded')
    return 0
  })
}
