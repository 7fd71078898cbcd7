/**
 * Manifests as MLRun itself reads and writes them.
 *
 * MLRun answers in JSON written by Python, where `228.0` is a float and `228` an int, and exports
 * artifacts with PyYAML (`mlrun/utils/helpers.py` `dict_to_yaml`:
 * `yaml.safe_dump(struct, default_flow_style=False, sort_keys=False)`, called by
 * `ModelObj.to_yaml` in `mlrun/model.py`, which `Artifact.export` in `mlrun/artifacts/base.py`
 * writes). PyYAML reads YAML 1.1, where a plain `yes` is a boolean, `12:30` the int 750 and
 * `2025-02-03 23:18:25+00:00` a datetime. JavaScript numbers cannot tell `228.0` from `228`, so
 * this module works on {@link PythonValue}s: Python's JSON data model with ints as `bigint` and
 * floats as `number`, and dicts as `Map`s (insertion order kept for every key, as Python keeps it).
 *
 * - {@link parsePythonJson} reads JSON as Python's `json.loads` does (a number with a fraction or
 *   an exponent is a float, NaN and Infinity accepted).
 * - {@link dumpPyYaml} writes what `yaml.safe_dump(default_flow_style=False, sort_keys=False)`
 *   writes, byte for byte: a port of PyYAML's emitter (`lib/yaml/emitter.py`: indentless sequences
 *   in mappings, 80-column folding, single quotes for strings that would resolve as something else,
 *   double quotes with escapes for non-ASCII) and float representer (`represent_float`).
 *   One deliberate difference: a string that YAML 1.2 (our own reader) would read as a number,
 *   such as `1e3` or `0o17`, is quoted too, so both readers see the same string.
 */

/** Python's JSON values: int is `bigint`, float is `number`, dict is a `Map`. */
export type PythonValue = null | boolean | bigint | number | string | PythonValue[] | PythonDict
export type PythonDict = Map<string, PythonValue>

export function isPythonDict(value: unknown): value is PythonDict {
  return value instanceof Map
}

// ---------------------------------------------------------------------------------------------
// JSON as Python reads and writes it

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y

/**
 * Parses JSON as Python's `json.loads` does: `228.0` and `1e-05` are floats (`number`), `228` is
 * an int (`bigint`), `NaN`, `Infinity` and `-Infinity` are floats. Objects become `Map`s.
 */
export function parsePythonJson(text: string): PythonValue {
  let i = 0
  const n = text.length
  const fail = (what: string): never => {
    throw new SyntaxError(`invalid JSON: ${what} at position ${i}`)
  }
  const skip = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return
    }
  }
  const literal = (word: string, value: PythonValue): PythonValue => {
    if (!text.startsWith(word, i)) fail('unexpected token')
    i += word.length
    return value
  }
  const string = (): string => {
    const start = i++
    let escaped = false
    for (; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1)
      }
      if (c === 92) {
        escaped = true
        i++
      } else if (c < 32) fail('control character in string')
    }
    return fail('unterminated string')
  }
  const value = (): PythonValue => {
    skip()
    const c = text.charCodeAt(i)
    if (c === 123) {
      i++
      const dict: PythonDict = new Map()
      skip()
      if (text.charCodeAt(i) === 125) {
        i++
        return dict
      }
      for (;;) {
        skip()
        if (text.charCodeAt(i) !== 34) fail('expected a string key')
        const key = string()
        skip()
        if (text.charCodeAt(i) !== 58) fail("expected ':'")
        i++
        dict.set(key, value())
        skip()
        const next = text.charCodeAt(i++)
        if (next === 125) return dict
        if (next !== 44) fail("expected ',' or '}'")
      }
    }
    if (c === 91) {
      i++
      const list: PythonValue[] = []
      skip()
      if (text.charCodeAt(i) === 93) {
        i++
        return list
      }
      for (;;) {
        list.push(value())
        skip()
        const next = text.charCodeAt(i++)
        if (next === 93) return list
        if (next !== 44) fail("expected ',' or ']'")
      }
    }
    if (c === 34) return string()
    if (c === 116) return literal('true', true)
    if (c === 102) return literal('false', false)
    if (c === 110) return literal('null', null)
    if (c === 78) return literal('NaN', NaN)
    if (c === 73) return literal('Infinity', Infinity)
    if (c === 45 && text.startsWith('-Infinity', i)) return literal('-Infinity', -Infinity)
    NUMBER.lastIndex = i
    const match = NUMBER.exec(text)
    if (!match) return fail('unexpected token')
    i += match[0].length
    return match[1] !== undefined || match[2] !== undefined ? Number(match[0]) : BigInt(match[0])
  }
  const result = value()
  skip()
  if (i < n) fail('unexpected text after the value')
  return result
}

/** Python's `repr(float)`: the shortest digits that round-trip, exponent below 1e-4 and from 1e16. */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const sign = value < 0 ? '-' : ''
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e') as [string, string]
  const digits = mantissa.replace('.', '')
  const exponent = Number(exponentText)
  const point = exponent + 1
  if (point > -4 && point <= 16) {
    if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
    if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
  }
  const shown = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
  const magnitude = String(Math.abs(exponent)).padStart(2, '0')
  return `${sign}${shown}e${exponent < 0 ? '-' : '+'}${magnitude}`
}

/** JSON as Python's `json.dumps` writes it (`228.0` stays a float, NaN as `NaN`). */
export function dumpPythonJson(value: PythonValue): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'bigint':
      return value.toString()
    case 'number':
      return Number.isNaN(value)
        ? 'NaN'
        : Number.isFinite(value)
          ? pythonFloatRepr(value)
          : value > 0
            ? 'Infinity'
            : '-Infinity'
    case 'string':
      return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(dumpPythonJson).join(', ')}]`
  return `{${[...value].map(([k, v]) => `${JSON.stringify(k)}: ${dumpPythonJson(v)}`).join(', ')}}`
}

/** The JavaScript view (ints and floats both `number`, dicts plain objects) for schemas and records. */
export function toJsValue(value: PythonValue): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(toJsValue)
  const object: Record<string, unknown> = {}
  for (const [key, item] of value) setOwn(object, key, toJsValue(item))
  return object
}

/**
 * Python values from JavaScript data that does not know ints from floats (MLflow, the file
 * registry, a manifest read with a YAML 1.2 reader): an integral number is an int.
 */
export function fromJsValue(value: unknown): PythonValue {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'boolean':
    case 'string':
    case 'bigint':
      return value
    case 'number':
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? BigInt(value) : value
  }
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(fromJsValue)
  if (typeof value === 'object') {
    const dict: PythonDict = new Map()
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) dict.set(key, fromJsValue(item))
    }
    return dict
  }
  throw new TypeError(`cannot write a ${typeof value} to a manifest`)
}

function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true
    })
  else object[key] = value
}

// ---------------------------------------------------------------------------------------------
// Implicit resolution: what a plain scalar means to each reader

/**
 * PyYAML's implicit resolvers for plain scalars, in registration order (yaml/pyyaml
 * `lib/yaml/resolver.py`, `Resolver.add_implicit_resolver`; the `re.X` patterns with their
 * insignificant whitespace removed). SafeLoader uses exactly these.
 */
export const PYYAML_IMPLICIT_RESOLVERS: readonly (readonly [string, RegExp])[] = [
  ['bool', /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/],
  [
    'float',
    /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
  ],
  [
    'int',
    /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/
  ],
  ['merge', /^(?:<<)$/],
  ['null', /^(?:~|null|Null|NULL|)$/],
  [
    'timestamp',
    /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/
  ],
  ['value', /^(?:=)$/],
  ['yaml', /^(?:!|&|\*)$/]
]

/** The tag PyYAML gives a plain scalar: `str` unless an implicit resolver matches. */
export function pyyamlPlainTag(text: string): string {
  for (const [tag, pattern] of PYYAML_IMPLICIT_RESOLVERS) if (pattern.test(text)) return tag
  return 'str'
}

/** The `yaml` package's core schema (YAML 1.2), which our own manifest reader uses. */
const YAML_12_CORE_NON_STRING =
  /^(?:(?:~|[Nn]ull|NULL)?|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/

/** Whether a string can be written plain: PyYAML and YAML 1.2 both read it back as that string. */
function plainIsString(text: string): boolean {
  return pyyamlPlainTag(text) === 'str' && !YAML_12_CORE_NON_STRING.test(text)
}

/** PyYAML's `represent_float`: `repr(value).lower()`, `.0` added before a bare exponent. */
export function pyyamlFloat(value: number): string {
  if (Number.isNaN(value)) return '.nan'
  if (value === Infinity) return '.inf'
  if (value === -Infinity) return '-.inf'
  const repr = pythonFloatRepr(value)
  return !repr.includes('.') && repr.includes('e') ? repr.replace('e', '.0e') : repr
}

// ---------------------------------------------------------------------------------------------
// The emitter: yaml.safe_dump(struct, default_flow_style=False, sort_keys=False)

const BEST_INDENT = 2
const BEST_WIDTH = 80
const BREAKS = '\n\x85\u2028\u2029'
const WHITESPACE_OR_END = '\0 \t\r\n\x85\u2028\u2029'
const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\x08': 'b',
  '\x09': 't',
  '\x0A': 'n',
  '\x0B': 'v',
  '\x0C': 'f',
  '\x0D': 'r',
  '\x1B': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xA0': '_',
  '\u2028': 'L',
  '\u2029': 'P'
}

interface Analysis {
  /** The scalar's code points (Python counts columns in code points). */
  chars: string[]
  empty: boolean
  multiline: boolean
  allowBlockPlain: boolean
  allowSingleQuoted: boolean
}

/** PyYAML's `Emitter.analyze_scalar` for a block context, with allow_unicode=False. */
function analyzeScalar(text: string): Analysis {
  const chars = Array.from(text)
  if (chars.length === 0) {
    return { chars, empty: true, multiline: false, allowBlockPlain: true, allowSingleQuoted: true }
  }
  let blockIndicators = false
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  if (text.startsWith('---') || text.startsWith('...')) blockIndicators = true
  let precededByWhitespace = true
  let followedByWhitespace = chars.length === 1 || WHITESPACE_OR_END.includes(chars[1]!)
  let previousSpace = false
  let previousBreak = false
  for (let index = 0; index < chars.length; index++) {
    const ch = chars[index]!
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true
      if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true
      if (ch === '-' && followedByWhitespace) blockIndicators = true
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true
      if (ch === '#' && precededByWhitespace) blockIndicators = true
    }
    const isBreak = BREAKS.includes(ch)
    if (isBreak) lineBreaks = true
    if (!(ch === '\n' || (ch >= '\x20' && ch <= '\x7E'))) special = true // allow_unicode=False
    if (ch === ' ') {
      if (index === 0) leadingSpace = true
      if (index === chars.length - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak) {
      if (index === 0) leadingBreak = true
      if (index === chars.length - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = WHITESPACE_OR_END.includes(ch)
    followedByWhitespace =
      index + 2 >= chars.length || WHITESPACE_OR_END.includes(chars[index + 2]!)
  }
  let allowBlockPlain = true
  let allowSingleQuoted = true
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowBlockPlain = false
  if (breakSpace) allowBlockPlain = allowSingleQuoted = false
  if (spaceBreak || special) allowBlockPlain = allowSingleQuoted = false
  if (lineBreaks) allowBlockPlain = false
  if (blockIndicators) allowBlockPlain = false
  return { chars, empty: false, multiline: lineBreaks, allowBlockPlain, allowSingleQuoted }
}

interface Context {
  mapping?: boolean
  simpleKey?: boolean
}

class PyYamlEmitter {
  private readonly out: string[] = []
  private column = 0
  private whitespace = true
  private indention = true
  private indent: number | undefined
  private readonly indents: (number | undefined)[] = []

  dump(root: PythonDict): string {
    this.node(root, {})
    // expect_document_end: write_indent() ends the last line.
    this.indent = undefined
    this.writeIndent()
    return this.out.join('')
  }

  private node(value: PythonValue, context: Context): void {
    if (Array.isArray(value)) {
      if (value.length === 0) this.emptyFlow('[', ']')
      else this.blockSequence(value, context)
    } else if (value instanceof Map) {
      if (value.size === 0) this.emptyFlow('{', '}')
      else this.blockMapping(value)
    } else {
      this.scalar(value, context)
    }
  }

  private increaseIndent(flow: boolean, indentless = false): void {
    this.indents.push(this.indent)
    if (this.indent === undefined) this.indent = flow ? BEST_INDENT : 0
    else if (!indentless) this.indent += BEST_INDENT
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true)
    this.writeIndicator(close, false)
  }

  private blockSequence(items: PythonValue[], context: Context): void {
    this.increaseIndent(false, context.mapping === true && !this.indention)
    for (const item of items) {
      this.writeIndent()
      this.writeIndicator('-', true, false, true)
      this.node(item, {})
    }
    this.indent = this.indents.pop()
  }

  private blockMapping(dict: PythonDict): void {
    this.increaseIndent(false)
    for (const [key, value] of dict) {
      this.writeIndent()
      const analysis = analyzeScalar(key)
      if (analysis.chars.length < 128 && !analysis.empty && !analysis.multiline) {
        this.scalar(key, { mapping: true, simpleKey: true }, analysis)
        this.writeIndicator(':', false)
      } else {
        this.writeIndicator('?', true, false, true)
        this.scalar(key, { mapping: true }, analysis)
        this.writeIndent()
        this.writeIndicator(':', true, false, true)
      }
      this.node(value, { mapping: true })
    }
    this.indent = this.indents.pop()
  }

  private scalar(value: PythonValue, context: Context, known?: Analysis): void {
    this.increaseIndent(true)
    const split = context.simpleKey !== true
    if (typeof value === 'string') {
      const analysis = known ?? analyzeScalar(value)
      const plain =
        plainIsString(value) &&
        analysis.allowBlockPlain &&
        !(context.simpleKey && (analysis.empty || analysis.multiline))
      if (plain) this.writePlain(analysis.chars, split)
      else if (analysis.allowSingleQuoted && !(context.simpleKey && analysis.multiline))
        this.writeSingleQuoted(analysis.chars, split)
      else this.writeDoubleQuoted(analysis.chars, split)
    } else {
      const text =
        value === null
          ? 'null'
          : typeof value === 'boolean'
            ? String(value)
            : typeof value === 'bigint'
              ? value.toString()
              : pyyamlFloat(value as number)
      this.writePlain([text], split)
    }
    this.indent = this.indents.pop()
  }

  private write(data: string, width: number): void {
    this.column += width
    this.out.push(data)
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    whitespace = false,
    indention = false
  ): void {
    const data = this.whitespace || !needWhitespace ? indicator : ` ${indicator}`
    this.whitespace = whitespace
    this.indention = this.indention && indention
    this.write(data, data.length)
  }

  private writeIndent(): void {
    const indent = this.indent ?? 0
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.writeLineBreak()
    }
    if (this.column < indent) {
      this.whitespace = true
      this.write(' '.repeat(indent - this.column), indent - this.column)
    }
  }

  private writeLineBreak(data = '\n'): void {
    this.whitespace = true
    this.indention = true
    this.column = 0
    this.out.push(data)
  }

  /** `write_plain`; never called with line breaks (PyYAML never emits multiline plain scalars). */
  private writePlain(text: string[], split: boolean): void {
    if (text.length === 0) return
    if (!this.whitespace) this.write(' ', 1)
    this.whitespace = false
    this.indention = false
    if (text.length === 1) {
      // One chunk (numbers, booleans, null): nothing to fold.
      this.write(text[0]!, Array.from(text[0]!).length)
      return
    }
    let spaces = false
    let start = 0
    for (let end = 0; end <= text.length; end++) {
      const ch = text[end]
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split) {
            this.writeIndent()
            this.whitespace = false
            this.indention = false
          } else {
            this.write(text.slice(start, end).join(''), end - start)
          }
          start = end
        }
      } else if (ch === undefined || ch === ' ') {
        this.write(text.slice(start, end).join(''), end - start)
        start = end
      }
      if (ch !== undefined) spaces = ch === ' '
    }
  }

  private writeSingleQuoted(text: string[], split: boolean): void {
    this.writeIndicator("'", true)
    let spaces = false
    let breaks = false
    let start = 0
    for (let end = 0; end <= text.length; end++) {
      const ch = text[end]
      if (spaces) {
        if (ch === undefined || ch !== ' ') {
          if (
            start + 1 === end &&
            this.column > BEST_WIDTH &&
            split &&
            start !== 0 &&
            end !== text.length
          ) {
            this.writeIndent()
          } else {
            this.write(text.slice(start, end).join(''), end - start)
          }
          start = end
        }
      } else if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          if (text[start] === '\n') this.writeLineBreak()
          for (const br of text.slice(start, end)) this.writeLineBreak(br === '\n' ? '\n' : br)
          this.writeIndent()
          start = end
        }
      } else if (ch === undefined || ch === ' ' || BREAKS.includes(ch) || ch === "'") {
        if (start < end) {
          this.write(text.slice(start, end).join(''), end - start)
          start = end
        }
      }
      if (ch === "'") {
        this.write("''", 2)
        start = end + 1
      }
      if (ch !== undefined) {
        spaces = ch === ' '
        breaks = BREAKS.includes(ch)
      }
    }
    this.writeIndicator("'", false)
  }

  private writeDoubleQuoted(text: string[], split: boolean): void {
    this.writeIndicator('"', true)
    let start = 0
    for (let end = 0; end <= text.length; end++) {
      const ch = text[end]
      if (
        ch === undefined ||
        '"\\\x85\u2028\u2029\uFEFF'.includes(ch) ||
        !(ch >= '\x20' && ch <= '\x7E')
      ) {
        if (start < end) {
          this.write(text.slice(start, end).join(''), end - start)
          start = end
        }
        if (ch !== undefined) {
          const code = ch.codePointAt(0)!
          const data =
            ESCAPES[ch] !== undefined
              ? `\\${ESCAPES[ch]}`
              : code <= 0xff
                ? `\\x${hex(code, 2)}`
                : code <= 0xffff
                  ? `\\u${hex(code, 4)}`
                  : `\\U${hex(code, 8)}`
          this.write(data, data.length)
          start = end + 1
        }
      }
      if (
        end > 0 &&
        end < text.length - 1 &&
        (ch === ' ' || start >= end) &&
        this.column + (end - start) > BEST_WIDTH &&
        split
      ) {
        const data = `${text.slice(start, end).join('')}\\`
        if (start < end) start = end
        this.write(data, Array.from(data).length)
        this.writeIndent()
        this.whitespace = false
        this.indention = false
        if (text[start] === ' ') this.write('\\', 1)
      }
    }
    this.writeIndicator('"', false)
  }
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0')
}

/**
 * YAML text of a dict as `yaml.safe_dump(value, default_flow_style=False, sort_keys=False)`
 * writes it (PyYAML 6, width 80, indent 2, allow_unicode False). Keys keep the Map's order.
 */
export function dumpPyYaml(root: PythonDict): string {
  return new PyYamlEmitter().dump(root)
}
