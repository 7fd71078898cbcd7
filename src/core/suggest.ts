// Did-you-mean hints for names a user wrote (config keys, enum values, workflow arguments).

/** The closest known key within a small edit distance, for did-you-mean hints. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  // Short words allow one edit, longer ones two or three; a case-only difference always counts.
  const limit = word.length <= 4 ? 1 : word.length < 9 ? 2 : 3
  const lower = word.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const other = candidate.toLowerCase()
    // Lengths further apart than the limit mean more edits than the limit: skip the table.
    if (Math.abs(other.length - lower.length) > limit) continue
    const distance = editDistance(lower, other)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && best !== word && bestDistance <= limit ? best : undefined
}

/** Damerau (optimal string alignment): a swapped pair of letters counts as one edit. */
function editDistance(a: string, b: string): number {
  // Three rolling rows (i-2, i-1, i) instead of the whole table.
  let before = new Uint32Array(b.length + 1)
  let previous = new Uint32Array(b.length + 1)
  let current = new Uint32Array(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1)
      current[j] = value
    }
    ;[before, previous, current] = [previous, current, before]
  }
  return previous[b.length]!
}
