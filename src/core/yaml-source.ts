import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml'
import { FAILSAFE_SCHEMA, Type as FastType, load as fastLoad } from 'js-yaml'
import { ConfigurationError, type Problem } from './errors.js'
import { yamlLibrary } from './yaml-library.js'

/** Config files are small; anything bigger is a mistake or an attack. */
export const MAX_YAML_BYTES = 1024 * 1024
/** Model manifests carry feature statistics, so they may be larger (a wide model: a few MiB). */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024
/** Caps alias expansion (billion-laughs bombs). */
export const MAX_ALIAS_COUNT = 100
/** Nesting deeper than this is no config or manifest anyone writes (an MLRun export is ~8 deep). */
export const MAX_YAML_DEPTH = 64
/** Keys in a config file: a real one has a few hundred. */
export const MAX_YAML_KEYS = 20_000
/** Keys in a manifest: tens of thousands of feature statistics, ~10 keys each, fit. */
export const MAX_MANIFEST_KEYS = 2_000_000
/** Problems reported from one file; past this the rest are counted, not listed. */
export const MAX_YAML_PROBLEMS = 50

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
  /** Cap on the number of keys (default MAX_YAML_KEYS). */
  maxKeys?: number
  /** Read with the reference parser only (tests compare it with the fast reader). */
  referenceOnly?: boolean
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
  const maxKeys = options.maxKeys ?? MAX_YAML_KEYS
  const fast = options.referenceOnly ? { ok: false as const } : fastParse(text, maxKeys)
  if (fast.ok) {
    // Positions are needed only to report a problem: build the full document then, not before.
    let parsed: ParsedDocument | undefined
    const full = () => (parsed ??= parseFully(file, text, maxKeys))
    return {
      file,
      text,
      data: fast.data,
      get document() {
        return full().document
      },
      positionOf: (path, which) => full().positionOf(path, which)
    }
  }
  const { document, positionOf } = parseFully(file, text, maxKeys)
  let data: unknown
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    let firstAlias: number | undefined
    const { visit } = yamlLibrary()
    visit(document, {
      Alias(_, node) {
        firstAlias = node.range?.[0]
        return visit.BREAK
      }
    })
    throw new ConfigurationError([
      {
        file,
        ...(firstAlias !== undefined && positionAt(document, firstAlias)),
        message: `cannot expand YAML aliases: ${firstLine((error as Error).message)} (at most ${MAX_ALIAS_COUNT} alias expansions)`
      }
    ])
  }
  return { file, text, document, data, positionOf }
}

interface ParsedDocument {
  document: Document.Parsed
  positionOf: YamlSource['positionOf']
}

const lineCounters = new WeakMap<Document.Parsed, LineCounter>()
function positionAt(document: Document.Parsed, offset: number) {
  const pos = lineCounters.get(document)!.linePos(offset)
  return { line: pos.line, column: pos.col }
}

/**
 * The reference parse: every node with its position, and every problem the budgets and checks
 * find, thrown as one ConfigurationError.
 */
function parseFully(file: string, text: string, maxKeys: number): ParsedDocument {
  const { LineCounter, parseDocument } = yamlLibrary()
  const lineCounter = new LineCounter()
  // uniqueKeys: false because the parser's own check compares every key with every earlier one
  // (quadratic: minutes on a manifest with 60k feature statistics); checkTree does it in one pass.
  // merge: true so `<<: *defaults` merges as YAML users expect instead of becoming a key '<<'.
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    merge: true
  })
  lineCounters.set(document, lineCounter)
  const at = (offset: number) => positionAt(document, offset)
  // Warnings (unknown tags such as `!secret`) are errors here: a value would silently change type.
  const problems: Problem[] = [...document.errors, ...document.warnings].map(error => ({
    file,
    ...at(error.pos[0]),
    // The parser recurses per level: nesting deep enough to exhaust the stack is our depth limit.
    message: /Maximum call stack size exceeded/.test(error.message)
      ? `nested more than ${MAX_YAML_DEPTH} levels deep`
      : firstLine(error.message)
  }))
  if (problems.length > 0) {
    // A stack overflow surfaces once per level being unwound: say it once.
    const seen = new Set<string>()
    const unique = problems.filter(
      problem =>
        !/^nested more than/.test(problem.message) ||
        (!seen.has(problem.message) && !!seen.add(problem.message))
    )
    throw new ConfigurationError(capped(unique), `${file}: invalid YAML`)
  }

  const found: Array<{ offset: number; message: string }> = []
  checkTree(document.contents, maxKeys, (offset, message) => found.push({ offset, message }))
  // The walk uses a stack, so problems come out of order: report them in reading order.
  for (const { offset, message } of found.sort((a, b) => a.offset - b.offset))
    problems.push({ file, ...at(offset), message })
  if (problems.length > 0) {
    const heading = problems.length === 1 ? undefined : `${file}: ${problems.length} problems`
    throw new ConfigurationError(capped(problems), heading)
  }
  const positionOf = (path: readonly PropertyKey[], which: 'key' | 'value' = 'value') =>
    at(locate(document.contents, path, which))
  return { document, positionOf }
}

// ---------------------------------------------------------------------------------------------
// The fast path
//
// The `yaml` library keeps every node's position, which costs ~0.6 ms per KiB: seconds for an MLRun
// export with tens of thousands of feature statistics. js-yaml reads the same text 10x faster, so
// it reads first, with a schema that resolves plain scalars exactly as `yaml`'s YAML 1.2 core
// schema does. Anything it might read differently (tags, anchors and aliases, merge keys, complex
// or null keys) or that breaks a rule (duplicates, budgets, `__proto__`) goes to the reference
// parse above, which reports problems with their positions; test/core/yaml-source.test.ts checks
// that both paths give the same data.

const YAML_CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/
const YAML_CORE_FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/

const fastSchema = FAILSAFE_SCHEMA.extend({
  implicit: [
    new FastType('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:~|[Nn]ull|NULL)?$/.test(text),
      construct: () => null
    }),
    new FastType('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (text: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
      construct: (text: string) => text[0] === 't' || text[0] === 'T'
    }),
    new FastType('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (text: string) => YAML_CORE_INT.test(text),
      construct: (text: string) =>
        text.startsWith('0o')
          ? parseInt(text.slice(2), 8)
          : text.startsWith('0x')
            ? parseInt(text.slice(2), 16)
            : parseInt(text, 10)
    }),
    new FastType('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (text: string) => YAML_CORE_FLOAT.test(text),
      construct: (text: string) =>
        /nan$/i.test(text)
          ? NaN
          : /inf$/i.test(text)
            ? text.startsWith('-')
              ? -Infinity
              : Infinity
            : parseFloat(text)
    })
  ]
})

/**
 * Text the fast reader might read differently from the reference: directives (`%YAML 1.1`), `?`
 * keys, flow collections as keys, tags, anchors, aliases, merge keys, and `- -` ending a line
 * (js-yaml 4 puts the next item of the outer sequence into the inner one). A false alarm only
 * costs time.
 */
const NEEDS_REFERENCE_PARSE =
  /^%|-[ \t]+-[ \t]*(?:#.*)?$|(?:^|[\s[{,])(?:[!&*]\S|\?(?:\s|$))|[\]}]\s*:|<</m
/** Keys that are null in YAML (the fast reader turns them into strings). */
const NULL_KEYS = new Set(['', '~', 'null', 'Null', 'NULL'])

function fastParse(text: string, maxKeys: number): { ok: true; data: unknown } | { ok: false } {
  if (NEEDS_REFERENCE_PARSE.test(text)) return { ok: false }
  let data: unknown
  try {
    data = fastLoad(text, { schema: fastSchema })
  } catch {
    // Invalid YAML, a duplicate key, nesting deep enough to overflow the stack: the reference
    // parse says where.
    return { ok: false }
  }
  // An empty document is null, as the reference parse has it.
  if (data === undefined) data = null
  return withinBudgets(data, maxKeys) ? { ok: true, data } : { ok: false }
}

/** The checks checkTree makes, on plain data; false sends the text to the reference parse. */
function withinBudgets(root: unknown, maxKeys: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 1 }]
  let keys = 0
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth > MAX_YAML_DEPTH) return false
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 })
      continue
    }
    for (const key of Object.keys(value)) {
      if (++keys > maxKeys || key === '__proto__' || NULL_KEYS.has(key)) return false
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 })
    }
  }
  return true
}

/** At most MAX_YAML_PROBLEMS problems, the last one saying how many more there were. */
export function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_YAML_PROBLEMS) return problems
  const shown = problems.slice(0, MAX_YAML_PROBLEMS - 1)
  const { file } = problems[0]!
  return [
    ...shown,
    {
      ...(file !== undefined && { file }),
      message: `...and ${problems.length - shown.length} more problems (fix the ones above first)`
    }
  ]
}

/**
 * One pass over the tree, with an explicit stack (no recursion, whatever the depth), checking
 * what the parser does not: nesting depth and key count budgets, duplicate keys (by their string
 * form, as they become JSON/JS property names), keys that are null or collections (they have no
 * name a problem could point at), and `__proto__` (validation would drop it silently: a
 * prototype-pollution guard). Stops early once a budget is exceeded.
 */
function checkTree(
  root: unknown,
  maxKeys: number,
  report: (offset: number, message: string) => void
): void {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary()
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }]
  let keys = 0
  let reported = 0
  const problem = (offset: number, message: string) => {
    reported++
    report(offset, message)
  }
  while (stack.length > 0 && reported <= MAX_YAML_PROBLEMS) {
    const { node, depth } = stack.pop()!
    if (!isMap(node) && !isSeq(node)) continue
    const start = (node as Node).range?.[0] ?? 0
    if (depth > MAX_YAML_DEPTH) {
      problem(start, `nested more than ${MAX_YAML_DEPTH} levels deep`)
      return
    }
    if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 })
      continue
    }
    const seen = new Set<string>()
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const key = pair.key as Node | null
      const offset = key?.range?.[0] ?? start
      if (++keys > maxKeys) {
        problem(offset, `more than ${maxKeys} keys; the limit keeps validation fast`)
        return
      }
      if (!isScalar(key) || key.value === null || key.value === undefined) {
        problem(
          offset,
          isScalar(key) || !key
            ? 'a key must not be empty or null'
            : 'a key must be a plain value, not a list or mapping'
        )
        continue
      }
      const name = String(key.value)
      if (name === '<<' && key.type === 'PLAIN') {
        // A merge key: its value is merged by the parser (several `<<` may appear).
      } else if (name === '__proto__') {
        problem(offset, "the key '__proto__' is not allowed")
      } else if (seen.has(name)) {
        problem(offset, `duplicate key '${name}'`)
      } else {
        seen.add(name)
      }
      stack.push({ node: pair.value, depth: depth + 1 })
    }
  }
}

/** Each mapping's pairs by key name, built on first lookup: locating N problems stays linear. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>()
function pairsByKey(node: YAMLMap): Map<string, Pair> {
  const { isPair, isScalar } = yamlLibrary()
  let index = pairIndex.get(node)
  if (!index) {
    index = new Map()
    for (const pair of node.items) {
      // The first occurrence wins, as it did with a linear search.
      if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value)))
        index.set(String(pair.key.value), pair)
    }
    pairIndex.set(node, index)
  }
  return index
}

function locate(root: unknown, path: readonly PropertyKey[], which: 'key' | 'value'): number {
  const { isMap, isSeq } = yamlLibrary()
  let node = root as Node | null | undefined
  let offset = node?.range?.[0] ?? 0
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    const last = i === path.length - 1
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(segment))
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

/**
 * A file's bytes as text, refusing invalid UTF-8 with the line and column of the first bad byte
 * (reading with 'utf8' would silently turn it into U+FFFD and change the value).
 */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    // The shortest prefix that fails to decode ends at the first invalid byte.
    let low = 0
    let high = bytes.length
    while (low < high) {
      const middle = (low + high) >>> 1
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle + 1), {
          stream: true
        })
        low = middle + 1
      } catch {
        high = middle
      }
    }
    // The byte that failed may end a sequence begun earlier: point at the sequence's lead byte.
    for (let back = 1; back <= 3 && low - back >= 0; back++) {
      const byte = bytes[low - back]!
      if (byte >= 0xc0) {
        low -= back
        break
      }
      if ((byte & 0xc0) !== 0x80) break
    }
    const before = bytes.subarray(0, low)
    const lineStart = before.lastIndexOf(0x0a) + 1
    const line = before.filter(b => b === 0x0a).length + 1
    const column = new TextDecoder('utf-8').decode(before.subarray(lineStart)).length + 1
    throw new ConfigurationError([
      {
        file,
        line,
        column,
        message: `not valid UTF-8 (byte 0x${bytes[low]?.toString(16).padStart(2, '0')} at offset ${low}); save the file as UTF-8`
      }
    ])
  }
}
