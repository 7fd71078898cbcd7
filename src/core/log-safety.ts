/**
 * Text from outside (a pull request's promote.yaml, manifests, server answers) must not become a
 * GitHub workflow command when it reaches the log. The runner reads a line as a command when it
 * starts with `::` after leading white space, or contains `##[` (legacy form); see
 * actions/runner src/Runner.Common/ActionCommand.cs (TryParseV2 and TryParse).
 */

/** A zero-width space: not white space to the runner's TrimStart, invisible to a reader. */
const BREAK = '\u200b'
const COMMAND_START = /^(\s*)::/
const LEGACY_COMMAND = /##\[/g

/** The text with every line that the runner would read as a command made inert. */
export function neutralizeWorkflowCommands(text: string): string {
  if (!text.includes('::') && !text.includes('##[')) return text
  return text
    .split('\n')
    .map(line => line.replace(COMMAND_START, `$1${BREAK}::`).replace(LEGACY_COMMAND, `##${BREAK}[`))
    .join('\n')
}

// Control characters are the point of this pattern; tab stays as it is.
// eslint-disable-next-line no-control-regex
const CONTROL = /\r\n?|\n|[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\r\n': '\\r\\n' }

/**
 * One line of printable text for an outside value quoted in a message: line breaks and control
 * characters (terminal escape sequences among them) become visible escapes, so a value cannot
 * start a new log line of its own.
 */
export function printable(value: string): string {
  return value.replace(
    CONTROL,
    c => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}
