import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cliSnapshot } from '../export/cli-snapshot.js'

const CLI = cliSnapshot()

describe('promote output', () => {
  it('stops quietly when the reader of its output has gone (promote ... | head -1)', () => {
    // `true` exits without reading, long before node has started: every write meets EPIPE.
    const result = spawnSync(
      'bash',
      ['-c', '"$0" "$1" --help | true; exit "${PIPESTATUS[0]}"', process.execPath, CLI],
      { encoding: 'utf8' }
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
