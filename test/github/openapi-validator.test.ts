import { describe, expect, it } from '@jest/globals'
import { loadSpecValidator } from '../helpers/openapi.js'
import { GITHUB_SPEC_FILE } from '../fakes/github-server.js'

// The shared validator must read GitHub's OpenAPI 3.0 description the way GitHub means it.
describe('spec validator on GitHub’s OpenAPI description', () => {
  const spec = loadSpecValidator(GITHUB_SPEC_FILE)

  it('accepts null where the description says nullable, and only there', () => {
    const body = { ref: 'main', description: null }
    expect(spec.validateRequest('POST', '/repos/o/r/deployments', body)).toEqual([])
    expect(spec.validateRequest('POST', '/repos/o/r/deployments', { ref: null })).not.toEqual([])
    // nullable-simple-user (no `type` beside allOf/$ref) admits null; simple-user does not.
    expect(spec.validateSchema('nullable-simple-user', null)).toEqual([])
    expect(spec.validateSchema('simple-user', null)).not.toEqual([])
  })

  it('adds null to nullable enums', () => {
    // code-scanning-alert-rule-summary.severity: {type: string, nullable: true, enum: [...]}
    expect(spec.validateSchema('code-scanning-alert-rule-summary', { severity: null })).toEqual([])
    expect(spec.validateSchema('code-scanning-alert-rule-summary', { severity: 'error' })).toEqual(
      []
    )
    expect(
      spec.validateSchema('code-scanning-alert-rule-summary', { severity: 'loud' })
    ).not.toEqual([])
    // A plain enum still refuses null.
    expect(
      spec.validateRequest('POST', '/repos/o/r/deployments/1/statuses', { state: null })
    ).not.toEqual([])
  })

  it('resolves $ref parameters: required, typed and enumerated values', () => {
    expect(
      spec.validateRequest(
        'GET',
        '/repos/o/r/actions/runs/12/approvals',
        undefined,
        new URLSearchParams()
      )
    ).toEqual([])
    expect(
      spec.validateRequest(
        'GET',
        '/repos/o/r/actions/runs/twelve/approvals',
        undefined,
        new URLSearchParams()
      )
    ).toEqual(['path parameter \'run_id\'/ must be integer {"type":"integer"}'])
    expect(
      spec.validateRequest(
        'GET',
        '/repos/o/r/deployments',
        undefined,
        new URLSearchParams('per_page=ten')
      )
    ).toHaveLength(1)
  })

  it('prefers literal path segments, then fewer parameters', () => {
    expect(spec.match('PATCH', '/repos/o/r/issues/comments/5')?.template).toBe(
      '/repos/{owner}/{repo}/issues/comments/{comment_id}'
    )
    expect(spec.match('GET', '/repos/o/r/issues/comments')?.template).toBe(
      '/repos/{owner}/{repo}/issues/comments'
    )
    expect(spec.match('GET', '/repos/o/r/issues/5/comments')?.template).toBe(
      '/repos/{owner}/{repo}/issues/{issue_number}/comments'
    )
  })

  it('validates responses, following $ref responses (403 forbidden -> basic-error)', () => {
    expect(
      spec.validateResponse('GET', '/repos/o/r/environments/prod', 200, { id: 1 })
    ).toContainEqual(expect.stringContaining("must have required property 'name'"))
    expect(
      spec.validateResponse('POST', '/repos/o/r/issues/1/comments', 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'x'
      })
    ).toEqual([])
    expect(
      spec.validateResponse('POST', '/repos/o/r/issues/1/comments', 403, { message: 42 })
    ).not.toEqual([])
  })
})
