import * as core from '@actions/core'
import { fitMarkdown, SUMMARY_MAX_BYTES } from '../../core/limits.js'
import { renderMarkdown } from '../../core/report.js'
import { registerSecret } from '../../core/secrets.js'
import type { Log, Reporter, Where } from '../../app/ports.js'
import { runner } from './surfaces.js'

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
 * Use-case logging on the runner: log groups, annotations, masking, every line scrubbed of
 * secrets. Plain lines may quote outside text, so none of them can act as a workflow command
 * (annotations, debug lines and group titles are escaped by @actions/core itself).
 */
export const runnerLog: Log = {
  info: message => runner.info(message),
  debug: message => runner.debug(message),
  warning: (message, where) => runner.warning(message, annotation(where)),
  error: (message, where) => runner.error(message, annotation(where)),
  group: (title, fn) => runner.group(title, fn),
  // The scrubber hands it (and its encoded forms) to the runner's masking: maskSecretsOnRunner.
  secret: value => registerSecret(value)
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
    if (fitted !== markdown) runner.info(markdown)
    await runner.summary(fitted)
  }
}
