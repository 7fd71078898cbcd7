import {
  LineCounter,
  parseDocument,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Document,
  type Node
} from 'yaml'
import { ConfigurationError, type Problem } from './errors.js'

/** Config files are small; anything bigger is a mistake or an attack. */
export const MAX_YAML_BYTES = 1024 * 1024
/** Model manifests carry feature statistics, so they may be larger (a wide model: a few MiB). */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024
/** Caps alias expansion (billion-laughs bombs). */
export const MAX_ALIAS_COUNT = 100

/** A parsed YAML file that can say where each value came from. */
export interface YamlSource {
  file: string
  text: string
  document: Document.Parsed
  data: unknown
  /** Line and column (1-based) of the node at `path`, or of its nearest existing parent. */
  positionOf(
    path: readonly PropertyKey[],
    which?: 'key' | 'value'
  ): { line: number; column: number }
}

export interface YamlSourceOptions {
  /** Size cap in bytes (default MAX_YAML_BYTES). */
  maxBytes?: number
}

export function parseYamlSource(
  file: string,
  text: string,
  options: YamlSourceOptions = {}
): YamlSource {
  const maxBytes = options.maxBytes ?? MAX_YAML_BYTES
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > maxBytes) {
    throw new ConfigurationError([
      { file, message: `file is ${bytes} bytes; the limit is ${maxBytes} bytes` }
    ])
  }
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  // Warnings (unknown tags such as `!secret`) are errors here: a value would silently change type.
  const problems: Problem[] = [...document.errors, ...document.warnings].map(error => ({
    file,
    ...at(error.pos[0]),
    message: firstLine(error.message)
  }))
  if (problems.length > 0) throw new ConfigurationError(problems, `${file}: invalid YAML`)

  // Validation drops `__proto__` keys silently (prototype pollution guard); refuse them instead.
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        problems.push({
          file,
          ...at(pair.key.range?.[0] ?? 0),
          message: "the key '__proto__' is not allowed"
        })
      }
    }
  })
  if (problems.length > 0) {
    const heading = problems.length === 1 ? undefined : `${file}: ${problems.length} problems`
    throw new ConfigurationError(problems, heading)
  }

  let data: unknown
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    let firstAlias: number | undefined
    visit(document, {
      Alias(_, node) {
        firstAlias = node.range?.[0]
        return visit.BREAK
      }
    })
    throw new ConfigurationError([
      {
        file,
        ...(firstAlias !== undefined && at(firstAlias)),
        message: `cannot expand YAML aliases: ${firstLine((error as Error).message)} (at most ${MAX_ALIAS_COUNT} alias expansions)`
      }
    ])
  }

  const positionOf = (path: readonly PropertyKey[], which: 'key' | 'value' = 'value') =>
    at(locate(document.contents, path, which))
  return { file, text, document, data, positionOf }
}

function locate(root: unknown, path: readonly PropertyKey[], which: 'key' | 'value'): number {
  let node = root as Node | null | undefined
  let offset = node?.range?.[0] ?? 0
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    const last = i === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find(
        p => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment)
      )
      if (!pair) return offset
      const keyNode = pair.key as Node
      if (last && which === 'key') return keyNode.range?.[0] ?? offset
      node = pair.value as Node | null
      offset = node?.range?.[0] ?? keyNode.range?.[0] ?? offset
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined
      if (!item) return offset
      node = item
      offset = item.range?.[0] ?? offset
    } else {
      return offset
    }
  }
  return offset
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim()
}
