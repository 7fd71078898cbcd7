/**
 * Problems actionlint 1.7.7 reports for keys GitHub added after it: each one narrow, documented.
 *
 * - `concurrency.queue: max` (https://github.blog/changelog/2026-05-07-github-actions-concurrency-groups-now-allow-larger-queues):
 *   up to 100 runs wait in a concurrency group instead of the pending one being cancelled. Only
 *   the exact line `queue: max` is accepted; any other value or key is still reported.
 */
export function isKnownNewKey(problem, text) {
  if (!/^unexpected key "queue" for "concurrency" section/.test(problem.message)) return false
  const line = text.split(/\r?\n/)[problem.line - 1] ?? ''
  return /^\s*queue:\s*max\s*(#.*)?$/.test(line)
}
