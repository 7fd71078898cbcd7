import { isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml'
import { pyyamlPlainTag, type PythonDict, type PythonValue } from '../../src/core/yaml-export.js'

/**
 * A YAML 1.1 reader that gives what PyYAML's `yaml.safe_load` gives (MLRun reads exported
 * artifacts with it), as Python values: int → bigint, float → number, bool, None → null, str,
 * datetime/date → {@link PyTimestamp}, dict → Map (keys may be any of these), list → array.
 *
 * The `yaml` package parses the text with every scalar kept as a string node (failsafe schema);
 * quoted and block scalars are str, and a plain scalar is resolved with PyYAML's implicit
 * resolvers: yaml/pyyaml `lib/yaml/resolver.py` `Resolver.add_implicit_resolver` (bool
 * yes/no/on/off/true/false in three cases, float with a required dot or sexagesimal `1:30.5` or
 * `.inf`/`.nan` — `1e3` is a str —, int with `0b`, `0x`, 0-prefixed octal `017` and sexagesimal
 * `1:30`, merge `<<`, null `~`/null/empty, timestamp, value `=`), which src/core/yaml-export.ts
 * holds as PYYAML_IMPLICIT_RESOLVERS. The values are constructed as `SafeConstructor`
 * (`lib/yaml/constructor.py`: `construct_yaml_bool`, `construct_yaml_int`, `construct_yaml_float`)
 * does; `=` has no constructor in SafeLoader (an error there, and here), `<<` merges are refused.
 */
export class PyTimestamp {
  constructor(readonly text: string) {}
}

export type PyYamlValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | PyTimestamp
  | PyYamlValue[]
  | Map<PyYamlValue, PyYamlValue>

/** SafeConstructor.construct_yaml_int: `_` dropped, 0b/0x/0-octal/base-60. */
function constructInt(source: string): bigint {
  let value = source.replace(/_/g, '')
  let sign = 1n
  if (value[0] === '-') sign = -1n
  if (value[0] === '-' || value[0] === '+') value = value.slice(1)
  if (value === '0') return 0n
  if (value.startsWith('0b')) return sign * BigInt(`0b${value.slice(2)}`)
  if (value.startsWith('0x')) return sign * BigInt(`0x${value.slice(2)}`)
  if (value[0] === '0') return sign * BigInt(`0o${value.slice(1)}`)
  if (value.includes(':')) {
    let result = 0n
    for (const digit of value.split(':')) result = result * 60n + BigInt(digit)
    return sign * result
  }
  return sign * BigInt(value)
}

/** SafeConstructor.construct_yaml_float: `_` dropped, lower-cased, .inf/.nan, base 60. */
function constructFloat(source: string): number {
  let value = source.replace(/_/g, '').toLowerCase()
  let sign = 1
  if (value[0] === '-') sign = -1
  if (value[0] === '-' || value[0] === '+') value = value.slice(1)
  if (value === '.inf') return sign * Infinity
  if (value === '.nan') return NaN
  if (value.includes(':')) {
    let result = 0
    for (const digit of value.split(':')) result = result * 60 + Number(digit)
    return sign * result
  }
  return sign * Number(value)
}

/** What PyYAML's SafeLoader makes of a plain scalar. */
export function resolvePlain(text: string): PyYamlValue {
  const tag = pyyamlPlainTag(text)
  switch (tag) {
    case 'bool':
      return ['yes', 'true', 'on'].includes(text.toLowerCase())
    case 'int':
      return constructInt(text)
    case 'float':
      return constructFloat(text)
    case 'null':
      return null
    case 'timestamp':
      return new PyTimestamp(text)
    case 'str':
      return text
    default:
      throw new Error(
        `PyYAML's SafeLoader cannot construct the plain scalar '${text}' (tag:yaml.org,2002:${tag})`
      )
  }
}

function construct(node: Node | null): PyYamlValue {
  if (node === null) return null
  if (isMap(node)) {
    const result = new Map<PyYamlValue, PyYamlValue>()
    for (const pair of node.items) {
      const key = construct(pair.key as Node | null)
      if (key === '<<' && isScalar(pair.key) && pair.key.type === Scalar.PLAIN)
        throw new Error('merge keys (<<) are not supported by this reader')
      result.set(key, construct(pair.value as Node | null))
    }
    return result
  }
  if (isSeq(node)) return node.items.map(item => construct(item as Node | null))
  if (isScalar(node)) {
    if (node.tag) throw new Error(`explicit tags (${node.tag}) are not supported by this reader`)
    const text = node.value === null ? '' : String(node.value)
    return node.type === Scalar.PLAIN || node.type === undefined ? resolvePlain(text) : text
  }
  throw new Error(`aliases are not supported by this reader`)
}

/** `yaml.safe_load(text)`. */
export function pyyamlLoad(text: string): PyYamlValue {
  const document = parseDocument(text, { schema: 'failsafe', version: '1.1', uniqueKeys: false })
  if (document.errors.length) throw document.errors[0]!
  return construct(document.contents as Node | null)
}

/**
 * The Python values of a PyYAML load as our manifests hold them (str keys, no timestamps), e.g.
 * to seed the MLRun test server with the fixture exactly as MLRun holds it.
 */
export function asPythonValue(value: PyYamlValue): PythonValue {
  if (value instanceof PyTimestamp)
    throw new Error(`a timestamp (${value.text}) is not a JSON value`)
  if (Array.isArray(value)) return value.map(asPythonValue)
  if (value instanceof Map) {
    const dict: PythonDict = new Map()
    for (const [key, item] of value) {
      if (typeof key !== 'string') throw new Error(`a ${typeof key} key is not a JSON key`)
      dict.set(key, asPythonValue(item))
    }
    return dict
  }
  return value
}
