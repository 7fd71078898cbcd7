// Sends rows of the test set to a V2 model server one request at a time, as MLRun's
// model-server tester does, and reports total_tests, errors, match (predictions equal to the
// label) and latencies in microseconds.
//   node src/tester.mjs --url http://127.0.0.1:8080 --name heart-classifier --num_tests 50
import { generateDataset } from './dataset.mjs'
import { readArguments, runMain, writeResults, isMain } from './args.mjs'

export async function testModelServer({
  url,
  name,
  rows,
  labels,
  timeoutMs = 5000,
  log = () => {}
}) {
  const latencies = []
  let errors = 0
  let match = 0
  const failures = []
  for (let i = 0; i < rows.length; i++) {
    const started = process.hrtime.bigint()
    try {
      const response = await fetch(`${url}/v2/models/${encodeURIComponent(name)}/infer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: `test-${i}`,
          inputs: [{ name: 'input-0', shape: [1, rows[i].length], datatype: 'FP32', data: rows[i] }]
        }),
        signal: AbortSignal.timeout(timeoutMs)
      })
      const body = await response.json().catch(() => ({}))
      latencies.push(Number(process.hrtime.bigint() - started) / 1000)
      if (!response.ok)
        throw new Error(`HTTP ${response.status}: ${body.error ?? 'no error message'}`)
      const predicted = body.outputs?.find(o => o.name === 'predict')?.data?.[0]
      if (predicted === undefined) throw new Error('response has no predict output')
      if (predicted === labels[i]) match++
    } catch (error) {
      errors++
      if (failures.length < 5) failures.push(`row ${i}: ${error.message}`)
      log(`request ${i} failed: ${error.message}`)
    }
  }
  const round = v => Math.round(v)
  return {
    total_tests: rows.length,
    errors,
    match,
    avg_latency: latencies.length
      ? round(latencies.reduce((a, b) => a + b, 0) / latencies.length)
      : 0,
    min_latency: latencies.length ? round(Math.min(...latencies)) : 0,
    max_latency: latencies.length ? round(Math.max(...latencies)) : 0,
    ...(failures.length && { failures })
  }
}

/** The first `count` rows of the test set and their labels. */
export function testRows(count) {
  const { test } = generateDataset()
  const n = Math.min(count, test.x.length)
  return { rows: test.x.slice(0, n), labels: test.y.slice(0, n) }
}

if (isMain(import.meta.url)) {
  runMain(async () => {
    const args = readArguments()
    if (!args.url) throw new Error('--url <server> is required')
    const { rows, labels } = testRows(Number(args.num_tests ?? 50))
    const report = await testModelServer({
      url: String(args.url).replace(/\/$/, ''),
      name: String(args.name ?? 'model'),
      rows,
      labels,
      log: console.error
    })
    console.log(
      `total_tests=${report.total_tests} errors=${report.errors} match=${report.match} avg_latency=${report.avg_latency}us min_latency=${report.min_latency}us max_latency=${report.max_latency}us`
    )
    writeResults(report)
    return report.errors ? 1 : 0
  })
}
