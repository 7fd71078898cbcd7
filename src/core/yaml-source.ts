import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml'
import { ConfigurationError, type Problem } from './errors.js'

/** Config and manifests are small; anything bigger is a mistake or an attack. */
export const MAX_YAML_BYTES = 1024 * 1024
/** Caps alias expansion (billion-laughs bombs). */
export const MAX_ALIAS_COUNT = 100

/** A parsed YAML file that can say where each value came from. */
export interface YamlSource {
  file: string
  text: string
  document: Document.Parsed
  data: unknown
  /** Line and column (1-based) of the node at `path`, or of its nearest existing parent. */
  positionOf(path: readonly PropertyKey[], which?: 'key' | 'value'): { line: number; column: number }
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_YAML_BYTES) {
    throw new ConfigurationError([
      { file, message: `file is ${bytes} bytes; the limit is ${MAX_YAML_BYTES} bytes` }
    ])
  }
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const problems: Problem[] = document.errors.map(error => {
    const pos = lineCounter.linePos(error.pos[0])
    return { file, line: pos.line, column: pos.col, message: firstLine(error.message) }
  })
  if (problems.length > 0) throw new ConfigurationError(problems, `${file}: invalid YAML`)

  let data: unknown
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    throw new ConfigurationError([
      { file, message: `cannot expand YAML: ${firstLine((error as Error).message)}` }
    ])
  }

  const positionOf = (path: readonly PropertyKey[], which: 'key' | 'value' = 'value') => {
    const offset = locate(document.contents, path, which)
    const pos = lineCounter.linePos(offset)
    return { line: pos.line, column: pos.col }
  }
  return { file, text, document, data, positionOf }
}

function locate(root: unknown, path: readonly PropertyKey[], which: 'key' | 'value'): number {
  let node = root as Node | null | undefined
  let offset = node?.range?.[0] ?? 0
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    const last = i === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find(p => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment))
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
