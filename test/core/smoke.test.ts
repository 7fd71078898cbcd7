import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/core/config/load.js'
import { ConfigurationError } from '../../src/core/errors.js'

describe('config loader', () => {
  it('reports an unknown key with its line and a suggestion', () => {
    const text =
      'project: demo\nmodel:\n  name: model\n  exportDri: out\nenvironments:\n  dev: {branch: development, cluster: local}\n'
    let error: unknown
    try {
      parseConfig('promote.yaml', text)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toContain(
      "promote.yaml:4:3 model.exportDri: unknown key 'exportDri'; did you mean 'exportDir'?"
    )
  })
})
