import * as core from '@actions/core'
import { neutralizeWorkflowCommands } from '../../core/log-safety.js'
import { renderMarkdown } from '../../core/report.js'
import type { Log, Reporter, Where } from '../../app/ports.js'

function annotation(where?: Where): core.AnnotationProperties | undefined {
  if (!where) return undefined
  return {
    ...(where.title !== undefined && { title: where.title }),
    ...(where.file !== undefined && { file: where.file }),
    ...(where.line !== undefined && { startLine: where.line }),
    ...(where.column !== undefined && { startColumn: where.column })
  }
}

/**
 * Use-case logging on the runner: log groups, annotations, masking. Plain lines may quote outside
 * text, so none of them can act as a workflow command (annotations, debug lines and group titles
 * are escaped by @actions/core itself).
 */
export const runnerLog: Log = {
  info: message => core.info(neutralizeWorkflowCommands(message)),
  debug: message => core.debug(message),
  warning: (message, where) => core.warning(message, annotation(where)),
  error: (message, where) => core.error(message, annotation(where)),
  group: (title, fn) => core.group(title, fn),
  secret: value => core.setSecret(value)
}

export const jobSummary: Reporter = {
  async summary(report) {
    await core.summary.addRaw(renderMarkdown(report), true).write()
  }
}
