import { ConfigurationError } from '../../core/errors.js'
import { HttpError } from '../http.js'

/**
 * What a failed registry read means to the user: a 4xx is a URI that does not resolve (with the
 * registry's own message); anything else from HTTP is a registry that is not answering.
 */
export function resolutionError(error: unknown, uri: string, registry: string): unknown {
  if (!(error instanceof HttpError)) return error
  if (error.status !== undefined && error.status >= 400 && error.status < 500) {
    return new ConfigurationError(`model URI '${uri}' does not resolve: ${error.message}`)
  }
  return new ConfigurationError(
    `model URI '${uri}': ${registry} is not answering (${error.message})`
  )
}
