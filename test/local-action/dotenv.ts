/**
 * Reads a .env file as the dotenv package (which @github/local-action uses) reads the lines our
 * .env.example files use: KEY=VALUE, `#` comments and blank lines, values in single, double or
 * no quotes (unquoted values end at ` #`), `export ` prefixes. Keys keep their hyphens
 * (INPUT_GITHUB-TOKEN), as dotenv's [\w.-]+ does.
 */
export function parseDotenv(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const match = /^(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(line)
    if (!match) throw new Error(`line ${index + 1}: expected KEY=VALUE, got ${JSON.stringify(raw)}`)
    const [, key, rest] = match as unknown as [string, string, string]
    const quoted = /^(['"])(.*)\1(\s+#.*)?$/.exec(rest)
    values[key] = quoted ? quoted[2]! : rest.replace(/\s+#.*$/, '').trim()
  }
  return values
}
