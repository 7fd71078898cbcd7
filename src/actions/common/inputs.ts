import * as core from '@actions/core'
import * as z from '../../core/zod.js'
import { ConfigurationError } from '../../core/errors.js'
import { parseDuration } from '../../core/duration.js'
import { registerSecret } from '../../core/secrets.js'
import { maskSecretsOnRunner } from './surfaces.js'
import { yamlLibrary } from '../../core/yaml-library.js'

/**
 * Each action declares its inputs once, as a zod object whose keys are the action.yml input
 * names. A metadata test checks that action.yml declares exactly these keys (and the same
 * defaults), so the two cannot drift.
 */
export type InputSchema = z.ZodMiniObject<Record<string, z.ZodMiniType>>

/**
 * Fails a transform with `message`, as classic zod's `ctx.addIssue` did: zod/mini hands a
 * transform the parse payload itself, whose issues list is where the message goes.
 */
function failTransform(payload: z.core.ParsePayload, message: string): never {
  payload.issues.push({ code: 'custom', message, input: payload.value })
  return z.NEVER
}

export const booleanInput = (defaultValue: boolean) =>
  z.pipe(
    z._default(z.string(), String(defaultValue)),
    z.transform((value, payload) => {
      const normal = value.trim().toLowerCase()
      if (['true', 'yes', 'on', '1'].includes(normal)) return true
      if (['false', 'no', 'off', '0'].includes(normal)) return false
      return failTransform(payload, `expected true or false, got '${value}'`)
    })
  )

/** A boolean with no default: undefined when the input is empty (so a caller can tell "not set"). */
export const optionalBooleanInput = () =>
  z.pipe(
    z.optional(z.string()),
    z.transform((value, payload) => {
      const normal = (value ?? '').trim().toLowerCase()
      if (normal === '') return undefined
      if (['true', 'yes', 'on', '1'].includes(normal)) return true
      if (['false', 'no', 'off', '0'].includes(normal)) return false
      return failTransform(payload, `expected true or false, got '${value}'`)
    })
  )

/** A YAML or JSON object (`{"a": 1}` or `a: 1`), for arguments and facts. */
export const objectInput = () =>
  z.pipe(
    z._default(z.string(), '{}'),
    z.transform((value, payload) => {
      // The defaults ('{}', and `null` from toJSON(matrix) outside a matrix) need no parser.
      const text = value.trim()
      if (text === '' || text === '{}' || text === 'null') return {}
      let parsed: unknown
      try {
        parsed = yamlLibrary().parse(value, { maxAliasCount: 50 })
      } catch (error) {
        return failTransform(
          payload,
          `not valid YAML/JSON: ${(error as Error).message.split('\n')[0]}`
        )
      }
      if (parsed === null || parsed === undefined) return {}
      if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        return failTransform(payload, 'expected an object, e.g. {"epochs": 10} or epochs: 10')
      }
      return parsed as Record<string, unknown>
    })
  )

/**
 * The job's matrix values, part of a submission's identity so that matrix jobs never adopt each
 * other's runs. action.yml defaults it to `${{ toJSON(matrix) }}` (input defaults may read the
 * matrix context: actions/runner action_yaml.json input-default-context); outside a runner the
 * expression stays unevaluated and counts as no matrix.
 */
export const matrixInput = () =>
  z.pipe(
    z._default(z.string(), '${{ toJSON(matrix) }}'),
    z.transform(value => (value.trim().startsWith('${{') ? '' : value.trim()))
  )

export const durationInput = () =>
  z.optional(z.string()).check(
    z.refine(
      value => {
        if (value === undefined) return true
        try {
          parseDuration(value)
          return true
        } catch {
          return false
        }
      },
      { message: 'expected a duration such as 90s, 45m, 2h or 1h30m' }
    )
  )

/**
 * Inputs whose values are secrets: registered with the scrubber (and so masked by the runner)
 * before anything can print them.
 */
export function readInputs<S extends InputSchema>(
  schema: S,
  secretKeys: readonly string[] = []
): z.output<S> {
  maskSecretsOnRunner()
  const raw: Record<string, string | undefined> = {}
  for (const key of Object.keys(schema.shape)) {
    const value = core.getInput(key)
    // An unexpanded `${{ github.token }}` default (as @github/local-action passes it) is no secret.
    if (secretKeys.includes(key) && !value.startsWith('${{')) registerSecret(value)
    raw[key] = value === '' ? undefined : value
  }
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  throw new ConfigurationError(
    result.error.issues.map(issue => ({
      path: `input '${String(issue.path[0] ?? '')}'`,
      message: issue.message
    })),
    'invalid action inputs'
  )
}
