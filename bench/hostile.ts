/**
 * `npx tsx bench/hostile.ts`: time and peak memory of `promote validate` (the bundled CLI) on every
 * case of the hostile corpus (test/hostile/corpus.ts). Goal (issue 12): under 10 s and 1 GB each.
 */
import { join } from 'node:path'
import { hostileCorpus } from '../test/hostile/corpus.js'
import { runValidate } from '../test/hostile/run-validate.js'

const cli = join(import.meta.dirname, '..', 'dist', 'cli', 'index.js')
console.log('promote validate on pathological input (bundled CLI, one run each)\n')
console.log('| case | exit | seconds | peak MiB | first line of stderr |')
console.log('|---|---:|---:|---:|---|')
for (const hostile of hostileCorpus()) {
  const run = runValidate(cli, hostile)
  const first = run.stderr.split('\n').find(line => line.trim()) ?? ''
  console.log(
    `| ${hostile.name} | ${run.status ?? run.signal} | ${run.seconds.toFixed(2)} | ${run.peakMiB.toFixed(0)} | ${first.slice(0, 110).replaceAll('|', '\\|')} |`
  )
}
