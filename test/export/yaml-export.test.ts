import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import { parse } from 'yaml'
import {
  dumpPyYaml,
  dumpPythonJson,
  parsePythonJson,
  pythonFloatRepr,
  pyyamlFloat,
  toJsValue,
  type PythonDict,
  type PythonValue
} from '../../src/core/yaml-export.js'
import { PyTimestamp, pyyamlLoad, resolvePlain } from '../helpers/pyyaml.js'

const dict = (entries: Record<string, PythonValue>): PythonDict => new Map(Object.entries(entries))

describe('the PyYAML (YAML 1.1) reader of the suite', () => {
  // Each row: what yaml.safe_load('k: <plain>')['k'] gives in PyYAML 6 (type and value).
  it.each([
    ['yes', true],
    ['No', false],
    ['ON', true],
    ['off', false],
    ['y', 'y'],
    ['12:30', 750n],
    ['190:20:30', 685230n],
    ['1:30.5', 90.5],
    ['017', 15n],
    ['0o17', '0o17'],
    ['08', '08'],
    ['0x1F', 31n],
    ['0b101', 5n],
    ['1_000', 1000n],
    ['+1', 1n],
    ['1e3', '1e3'],
    ['1.0e+3', 1000],
    ['1.', 1],
    ['.5', 0.5],
    ['228.0', 228],
    ['228', 228n],
    ['.inf', Infinity],
    ['-.Inf', -Infinity],
    ['~', null],
    ['null', null],
    ['', null],
    ['1:60', '1:60'],
    ['a b', 'a b']
  ])('reads the plain scalar %j as PyYAML does', (plain, value) => {
    expect(resolvePlain(plain)).toEqual(value)
    expect((pyyamlLoad(`k: ${plain}`) as Map<unknown, unknown>).get('k')).toEqual(value)
  })

  it('reads timestamps as datetimes, quoted scalars as strings, and refuses what SafeLoader refuses', () => {
    expect(resolvePlain('2025-02-03 23:18:25.135809+00:00')).toBeInstanceOf(PyTimestamp)
    expect(resolvePlain('2025-02-03')).toBeInstanceOf(PyTimestamp)
    expect(resolvePlain('.NaN')).toBeNaN()
    expect(pyyamlLoad('a: \'12:30\'\nb: "yes"\nc: |\n  yes\n')).toEqual(
      new Map([
        ['a', '12:30'],
        ['b', 'yes'],
        ['c', 'yes\n']
      ])
    )
    expect(pyyamlLoad('yes: 1')).toEqual(new Map([[true, 1n]]))
    expect(() => pyyamlLoad('k: =')).toThrow(/cannot construct .*tag:yaml.org,2002:value/)
  })
})

describe('Python floats and JSON', () => {
  it.each([
    [228, '228.0'],
    [0.05, '0.05'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [1.5e300, '1.5e+300'],
    [-0, '-0.0'],
    [0.15000000000000002, '0.15000000000000002'],
    [123456789012345680000, '1.2345678901234568e+20'],
    [5e-324, '5e-324']
  ])("writes %p as Python's repr does: %s", (value, repr) => {
    expect(pythonFloatRepr(value)).toBe(repr)
  })

  it('writes floats as PyYAML does: a dot before a bare exponent, .inf and .nan', () => {
    expect(pyyamlFloat(1e16)).toBe('1.0e+16')
    expect(pyyamlFloat(1e-5)).toBe('1.0e-05')
    expect(pyyamlFloat(1.5e-5)).toBe('1.5e-05')
    expect(pyyamlFloat(Infinity)).toBe('.inf')
    expect(pyyamlFloat(-Infinity)).toBe('-.inf')
    expect(pyyamlFloat(NaN)).toBe('.nan')
  })

  it('reads JSON as json.loads does: 228.0 is a float, 228 an int, NaN and Infinity accepted', () => {
    expect(
      parsePythonJson(
        '{"count": 228.0, "n": 228, "e": 1e-05, "big": 12345678901234567890, "x": [NaN, -Infinity], "s": "a\\"b"}'
      )
    ).toEqual(
      dict({
        count: 228,
        n: 228n,
        e: 0.00001,
        big: 12345678901234567890n,
        x: [NaN, -Infinity],
        s: 'a"b'
      })
    )
    const proto = parsePythonJson('{"__proto__": {"polluted": true}}') as PythonDict
    expect(proto.get('__proto__')).toEqual(dict({ polluted: true }))
    expect((toJsValue(proto) as { polluted?: unknown }).polluted).toBeUndefined()
    expect(() => parsePythonJson('{"a": 1,}')).toThrow(/invalid JSON: expected a string key/)
    expect(() => parsePythonJson('[1] x')).toThrow(/unexpected text after the value/)
    expect(() => parsePythonJson('"abc')).toThrow(/unterminated string/)
  })

  it('writes back the JSON it reads, value for value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), json => {
        const text = JSON.stringify(json)
        const python = parsePythonJson(text)
        expect(toJsValue(python)).toEqual(JSON.parse(text))
        expect(parsePythonJson(dumpPythonJson(python))).toEqual(python)
      }),
      { numRuns: 200 }
    )
  })
})

/** Python values that JSON can carry, the shapes a manifest has. */
const pythonString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(
    'yes',
    'No',
    'on',
    '12:30',
    '1:30.5',
    '0o17',
    '017',
    '08',
    '0x1F',
    '1e3',
    '1_000',
    '~',
    'null',
    '',
    ' ',
    'a: b',
    'a #b',
    '- x',
    '2025-02-03 23:18:25.135809+00:00',
    '.inf',
    '.5',
    '=',
    '<<',
    "it's",
    'café',
    'line\nbreak',
    'trailing ',
    '---',
    'word '.repeat(30),
    'k'.repeat(130)
  )
)
const pythonValue: fc.Arbitrary<PythonDict> = fc.letrec(tie => ({
  leaf: fc.oneof(
    pythonString,
    fc.double(),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    fc.boolean(),
    fc.constant(null)
  ),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('dict')),
  list: fc.array(tie('node') as fc.Arbitrary<PythonValue>, { maxLength: 4 }),
  dict: fc
    .array(fc.tuple(pythonString, tie('node') as fc.Arbitrary<PythonValue>), { maxLength: 4 })
    .map(entries => new Map(entries))
})).dict as fc.Arbitrary<PythonDict>

describe('dumpPyYaml', () => {
  it("writes what PyYAML's safe_dump(default_flow_style=False, sort_keys=False) writes", () => {
    // Expected text: PyYAML 6.0 on the same data, except the one deliberate difference below.
    const data = dict({
      labels: dict({
        approved: 'yes',
        shadow: 'no',
        window: '12:30',
        octal: '017',
        sci: '1e3',
        empty: '',
        'null-word': 'null',
        on: 'on'
      }),
      updated: '2025-02-03 23:18:25.135809+00:00',
      count: 228,
      iter: 2n,
      big: 1e16,
      small: 1e-5,
      neg: -0,
      inf: Infinity,
      nan: NaN,
      flag: true,
      none: null,
      hist: [
        [158n, 0n, 70n],
        [0, 0.05, 1]
      ],
      inputs: [dict({ value_type: 'float', name: 'sex_female' })],
      nested: dict({ list: [], map: new Map() }),
      unicode: 'café ☕ 😀',
      quote: "it's",
      text: 'a description that is long enough to be folded by PyYAML at eighty columns, as MLRun writes it',
      multi: 'line one\nline two\n'
    })
    const pyyaml =
      "labels:\n  approved: 'yes'\n  shadow: 'no'\n  window: '12:30'\n  octal: '017'\n  sci: 1e3\n  empty: ''\n  null-word: 'null'\n  'on': 'on'\nupdated: '2025-02-03 23:18:25.135809+00:00'\ncount: 228.0\niter: 2\nbig: 1.0e+16\nsmall: 1.0e-05\nneg: -0.0\ninf: .inf\nnan: .nan\nflag: true\nnone: null\nhist:\n- - 158\n  - 0\n  - 70\n- - 0.0\n  - 0.05\n  - 1.0\ninputs:\n- value_type: float\n  name: sex_female\nnested:\n  list: []\n  map: {}\nunicode: \"caf\\xE9 \\u2615 \\U0001F600\"\nquote: it's\ntext: a description that is long enough to be folded by PyYAML at eighty columns,\n  as MLRun writes it\nmulti: 'line one\n\n  line two\n\n  '\n"
    // PyYAML leaves `1e3` plain (a string in YAML 1.1, a float in YAML 1.2): we quote it so that
    // both readers, MLRun's and ours, read the string.
    expect(dumpPyYaml(data)).toBe(pyyaml.replace('sci: 1e3', "sci: '1e3'"))
  })

  it('is read back by PyYAML (YAML 1.1) and by our YAML 1.2 reader as exactly the values written', () => {
    fc.assert(
      fc.property(pythonValue, value => {
        const text = dumpPyYaml(value)
        expect(pyyamlLoad(text)).toEqual(value)
        expect(parse(text)).toEqual(toJsValue(value))
      }),
      { numRuns: 300 }
    )
  })
})

function hasPyYaml(): boolean {
  try {
    execFileSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const pyyamlInstalled = hasPyYaml()
if (!pyyamlInstalled)
  console.warn('skipping the comparison with PyYAML itself: python3 -c "import yaml" fails')

;(pyyamlInstalled ? describe : describe.skip)(
  'dumpPyYaml against PyYAML itself (python3 -c "import yaml")',
  () => {
    it('writes the same bytes as yaml.safe_dump for random documents', () => {
      const samples = fc.sample(pythonValue, 400)
      // Strings YAML 1.2 reads as something else (1e3, 0o17, 08) we quote, PyYAML leaves plain.
      const strings = (value: PythonValue): string[] =>
        typeof value === 'string'
          ? [value]
          : Array.isArray(value)
            ? value.flatMap(strings)
            : value instanceof Map
              ? [...value].flatMap(([k, v]) => [k, ...strings(v)])
              : []
      const differs = (text: string) => {
        try {
          return resolvePlain(text) === text && typeof parse(text) !== 'string'
        } catch {
          return false
        }
      }
      const comparable = samples.filter(sample => !strings(sample).some(differs))
      const script = [
        'import sys, json, yaml',
        'docs = json.loads(sys.stdin.read())',
        'print(json.dumps([yaml.safe_dump(d, default_flow_style=False, sort_keys=False) for d in docs]))'
      ].join('\n')
      const expected = JSON.parse(
        execFileSync('python3', ['-c', script], {
          input: `[${comparable.map(dumpPythonJson).join(', ')}]`,
          maxBuffer: 1 << 28
        }).toString()
      ) as string[]
      comparable.forEach((sample, index) => {
        expect({ json: dumpPythonJson(sample), yaml: dumpPyYaml(sample) }).toEqual({
          json: dumpPythonJson(sample),
          yaml: expected[index]
        })
      })
      expect(comparable.length).toBeGreaterThan(200)
    })
  }
)
