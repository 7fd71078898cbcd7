import * as core from '@actions/core'
import { neutralizeWorkflowCommands } from '../../core/log-safety.js'
import { secrets } from '../../core/secrets.js'

let masking = false

/**
 * Hands every secret registered with the process's scrubber (and each form it is written in:
 * base64, URL-encoded, ...) to the runner, which then masks it in the log. Idempotent.
 */
export function maskSecretsOnRunner(): void {
  if (masking) return
  masking = true
  secrets.onAdd(form => core.setSecret(form))
}

/**
 * What an action writes to the runner, scrubbed of secrets. The runner's masking covers the log
 * alone: outputs (and from there `facts`, Slack and email in later steps), the failure message and
 * annotations would carry a token a server echoed back. Actions write through these, never
 * through @actions/core directly (ESLint enforces it).
 */
export const runner = {
  info: (message: string) => core.info(neutralizeWorkflowCommands(secrets.scrub(message))),
  debug: (message: string) => core.debug(secrets.scrub(message)),
  warning: (message: string, properties?: core.AnnotationProperties) =>
    core.warning(secrets.scrub(message), scrubProperties(properties)),
  error: (message: string, properties?: core.AnnotationProperties) =>
    core.error(secrets.scrub(message), scrubProperties(properties)),
  setFailed: (message: string) => core.setFailed(secrets.scrub(message)),
  setOutput: (name: string, value: string) => core.setOutput(name, secrets.scrub(value)),
  exportVariable: (name: string, value: string) => core.exportVariable(name, secrets.scrub(value)),
  group: <T>(title: string, fn: () => Promise<T>) => core.group(secrets.scrub(title), fn),
  /** Appends Markdown to the job summary. */
  summary: async (markdown: string) => {
    await core.summary.addRaw(secrets.scrub(markdown), true).write()
  }
}

function scrubProperties(
  properties: core.AnnotationProperties | undefined
): core.AnnotationProperties | undefined {
  if (!properties?.title) return properties
  return { ...properties, title: secrets.scrub(properties.title) }
}
