import * as core from '@actions/core'
import { fitMarkdown, SUMMARY_MAX_BYTES } from '../../core/limits.js'
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
    const markdown = renderMarkdown(report)
    const fitted = fitMarkdown(
      markdown,
      // Other steps' summaries are separate; the margin covers what this step may add later.
      SUMMARY_MAX_BYTES - 16 * 1024,
      'This summary was cut to fit the 1 MiB job summary limit: the whole report is in the log of this step.',
      'bytes'
    )
    // The full report goes to the log, which has no such limit.
    if (fitted !== markdown) core.info(neutralizeWorkflowCommands(markdown))
    await core.summary.addRaw(fitted, true).write()
  }
}
