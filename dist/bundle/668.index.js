export const id = 668;
export const ids = [668];
export const modules = {
5650: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
T: () => (yamlLibrary)
});
var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
var node_fs__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
var node_module__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8995);
var node_module__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_1__);
var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_2___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3136);
var node_url__WEBPACK_IMPORTED_MODULE_3___default = __webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
let library;
function yamlLibrary() {
if (library)
return library;
const bundled = (0, node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0, node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0, node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url)), "yaml.cjs");
const load = (0, node_module__WEBPACK_IMPORTED_MODULE_1__.createRequire)(import.meta.url);
const specifier = (0, node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(bundled) ? bundled : "yaml";
library = load(specifier);
return library;
}
}),
668: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
WF: () => (parseYamlSource),
ZJ: () => (MAX_MANIFEST_BYTES),
_6: () => (decodeUtf8),
jl: () => (MAX_YAML_BYTES),
uo: () => (capped),
us: () => (MAX_MANIFEST_KEYS)
});
var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);
var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
var _yaml_library_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5650);
const MAX_YAML_BYTES = 1024 * 1024;
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
const MAX_ALIAS_COUNT = 100;
const MAX_YAML_DEPTH = 64;
const MAX_YAML_KEYS = 20000;
const MAX_MANIFEST_KEYS = 2000000;
const MAX_YAML_PROBLEMS = 50;
function parseYamlSource(file, text, options = {}) {
const maxBytes = options.maxBytes ?? MAX_YAML_BYTES;
const bytes = Buffer.byteLength(text, "utf8");
if (bytes > maxBytes) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.ConfigurationError([
{ file, message: `file is ${bytes} bytes; the limit is ${maxBytes} bytes` }
]);
}
const maxKeys = options.maxKeys ?? MAX_YAML_KEYS;
const fast = options.referenceOnly ? { ok: false } : fastParse(text, maxKeys);
if (fast.ok) {
let parsed;
const full = () => (parsed ??= parseFully(file, text, maxKeys));
return {
file,
text,
data: fast.data,
get document() {
return full().document;
},
positionOf: (path, which) => full().positionOf(path, which)
};
}
const { document, positionOf } = parseFully(file, text, maxKeys);
let data;
try {
data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}
catch (error) {
let firstAlias;
const { visit } = (0, _yaml_library_js__WEBPACK_IMPORTED_MODULE_2__.T)();
visit(document, {
Alias(_, node) {
firstAlias = node.range?.[0];
return visit.BREAK;
}
});
throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.ConfigurationError([
{
file,
...(firstAlias !== undefined && positionAt(document, firstAlias)),
message: `cannot expand YAML aliases: ${firstLine(error.message)} (at most ${MAX_ALIAS_COUNT} alias expansions)`
}
]);
}
return { file, text, document, data, positionOf };
}
const lineCounters = new WeakMap();
function positionAt(document, offset) {
const pos = lineCounters.get(document).linePos(offset);
return { line: pos.line, column: pos.col };
}
function parseFully(file, text, maxKeys) {
const { LineCounter, parseDocument } = (0, _yaml_library_js__WEBPACK_IMPORTED_MODULE_2__.T)();
const lineCounter = new LineCounter();
const document = parseDocument(text, {
lineCounter,
prettyErrors: false,
uniqueKeys: false,
merge: true
});
lineCounters.set(document, lineCounter);
const at = (offset) => positionAt(document, offset);
const problems = [...document.errors, ...document.warnings].map(error => ({
file,
...at(error.pos[0]),
message: /Maximum call stack size exceeded/.test(error.message)
? `nested more than ${MAX_YAML_DEPTH} levels deep`
: firstLine(error.message)
}));
if (problems.length > 0) {
const seen = new Set();
const unique = problems.filter(problem => !/^nested more than/.test(problem.message) ||
(!seen.has(problem.message) && !!seen.add(problem.message)));
throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.ConfigurationError(capped(unique), `${file}: invalid YAML`);
}
const found = [];
checkTree(document.contents, maxKeys, (offset, message) => found.push({ offset, message }));
for (const { offset, message } of found.sort((a, b) => a.offset - b.offset))
problems.push({ file, ...at(offset), message });
if (problems.length > 0) {
const heading = problems.length === 1 ? undefined : `${file}: ${problems.length} problems`;
throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.ConfigurationError(capped(problems), heading);
}
const positionOf = (path, which = "value") => at(locate(document.contents, path, which));
return { document, positionOf };
}
const YAML_CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const YAML_CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const fastSchema = js_yaml__WEBPACK_IMPORTED_MODULE_0__.uH.extend({
implicit: [
new js_yaml__WEBPACK_IMPORTED_MODULE_0__.ZU("tag:yaml.org,2002:null", {
kind: "scalar",
resolve: (text) => /^(?:~|[Nn]ull|NULL)?$/.test(text),
construct: () => null
}),
new js_yaml__WEBPACK_IMPORTED_MODULE_0__.ZU("tag:yaml.org,2002:bool", {
kind: "scalar",
resolve: (text) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
construct: (text) => text[0] === "t" || text[0] === "T"
}),
new js_yaml__WEBPACK_IMPORTED_MODULE_0__.ZU("tag:yaml.org,2002:int", {
kind: "scalar",
resolve: (text) => YAML_CORE_INT.test(text),
construct: (text) => text.startsWith("0o")
? parseInt(text.slice(2), 8)
: text.startsWith("0x")
? parseInt(text.slice(2), 16)
: parseInt(text, 10)
}),
new js_yaml__WEBPACK_IMPORTED_MODULE_0__.ZU("tag:yaml.org,2002:float", {
kind: "scalar",
resolve: (text) => YAML_CORE_FLOAT.test(text),
construct: (text) => /nan$/i.test(text)
? NaN
: /inf$/i.test(text)
? text.startsWith("-")
? -Infinity
: Infinity
: parseFloat(text)
})
]
});
const NEEDS_REFERENCE_PARSE = /^%|-[ \t]+-[ \t]*(?:#.*)?$|(?:^|[\s[{,])(?:[!&*]\S|\?(?:\s|$))|[\]}]\s*:|<</m;
const NULL_KEYS = new Set(["", "~", "null", "Null", "NULL"]);
function fastParse(text, maxKeys) {
if (NEEDS_REFERENCE_PARSE.test(text))
return { ok: false };
let data;
try {
data = (0, js_yaml__WEBPACK_IMPORTED_MODULE_0__.Hh)(text, { schema: fastSchema });
}
catch {
return { ok: false };
}
if (data === undefined)
data = null;
return withinBudgets(data, maxKeys) ? { ok: true, data } : { ok: false };
}
function withinBudgets(root, maxKeys) {
const stack = [{ value: root, depth: 1 }];
let keys = 0;
while (stack.length > 0) {
const { value, depth } = stack.pop();
if (value === null || typeof value !== "object")
continue;
if (depth > MAX_YAML_DEPTH)
return false;
if (Array.isArray(value)) {
for (const item of value)
stack.push({ value: item, depth: depth + 1 });
continue;
}
for (const key of Object.keys(value)) {
if (++keys > maxKeys || key === "__proto__" || NULL_KEYS.has(key))
return false;
stack.push({ value: value[key], depth: depth + 1 });
}
}
return true;
}
function capped(problems) {
if (problems.length <= MAX_YAML_PROBLEMS)
return problems;
const shown = problems.slice(0, MAX_YAML_PROBLEMS - 1);
const { file } = problems[0];
return [
...shown,
{
...(file !== undefined && { file }),
message: `...and ${problems.length - shown.length} more problems (fix the ones above first)`
}
];
}
function checkTree(root, maxKeys, report) {
const { isMap, isPair, isScalar, isSeq } = (0, _yaml_library_js__WEBPACK_IMPORTED_MODULE_2__.T)();
const stack = [{ node: root, depth: 1 }];
let keys = 0;
let reported = 0;
const problem = (offset, message) => {
reported++;
report(offset, message);
};
while (stack.length > 0 && reported <= MAX_YAML_PROBLEMS) {
const { node, depth } = stack.pop();
if (!isMap(node) && !isSeq(node))
continue;
const start = node.range?.[0] ?? 0;
if (depth > MAX_YAML_DEPTH) {
problem(start, `nested more than ${MAX_YAML_DEPTH} levels deep`);
return;
}
if (isSeq(node)) {
for (const item of node.items)
stack.push({ node: item, depth: depth + 1 });
continue;
}
const seen = new Set();
for (const pair of node.items) {
if (!isPair(pair))
continue;
const key = pair.key;
const offset = key?.range?.[0] ?? start;
if (++keys > maxKeys) {
problem(offset, `more than ${maxKeys} keys; the limit keeps validation fast`);
return;
}
if (!isScalar(key) || key.value === null || key.value === undefined) {
problem(offset, isScalar(key) || !key
? "a key must not be empty or null"
: "a key must be a plain value, not a list or mapping");
continue;
}
const name = String(key.value);
if (name === "<<" && key.type === "PLAIN") {
}
else if (name === "__proto__") {
problem(offset, "the key '__proto__' is not allowed");
}
else if (seen.has(name)) {
problem(offset, `duplicate key '${name}'`);
}
else {
seen.add(name);
}
stack.push({ node: pair.value, depth: depth + 1 });
}
}
}
const pairIndex = new WeakMap();
function pairsByKey(node) {
const { isPair, isScalar } = (0, _yaml_library_js__WEBPACK_IMPORTED_MODULE_2__.T)();
let index = pairIndex.get(node);
if (!index) {
index = new Map();
for (const pair of node.items) {
if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value)))
index.set(String(pair.key.value), pair);
}
pairIndex.set(node, index);
}
return index;
}
function locate(root, path, which) {
const { isMap, isSeq } = (0, _yaml_library_js__WEBPACK_IMPORTED_MODULE_2__.T)();
let node = root;
let offset = node?.range?.[0] ?? 0;
for (let i = 0; i < path.length; i++) {
const segment = path[i];
const last = i === path.length - 1;
if (isMap(node)) {
const pair = pairsByKey(node).get(String(segment));
if (!pair)
return offset;
const keyNode = pair.key;
if (last && which === "key")
return keyNode.range?.[0] ?? offset;
node = pair.value;
offset = node?.range?.[0] ?? keyNode.range?.[0] ?? offset;
}
else if (isSeq(node)) {
const item = node.items[Number(segment)];
if (!item)
return offset;
node = item;
offset = item.range?.[0] ?? offset;
}
else {
return offset;
}
}
return offset;
}
function firstLine(message) {
return message.split("\n")[0].trim();
}
function decodeUtf8(file, bytes) {
try {
return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
}
catch {
let low = 0;
let high = bytes.length;
while (low < high) {
const middle = (low + high) >>> 1;
try {
new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, middle + 1), {
stream: true
});
low = middle + 1;
}
catch {
high = middle;
}
}
for (let back = 1; back <= 3 && low - back >= 0; back++) {
const byte = bytes[low - back];
if (byte >= 192) {
low -= back;
break;
}
if ((byte & 192) !== 128)
break;
}
const before = bytes.subarray(0, low);
const lineStart = before.lastIndexOf(10) + 1;
const line = before.filter(b => b === 10).length + 1;
const column = new TextDecoder("utf-8").decode(before.subarray(lineStart)).length + 1;
throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.ConfigurationError([
{
file,
line,
column,
message: `not valid UTF-8 (byte 0x${bytes[low]?.toString(16).padStart(2, "0")} at offset ${low}); save the file as UTF-8`
}
]);
}
}
})
};
