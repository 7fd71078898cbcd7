export const id = 9168;
export const ids = [9168, 668];
export const modules = {
9168: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
CW: () => (validateWithSchema),
E1: () => (readUserFile),
bp: () => (_errors_js__WEBPACK_IMPORTED_MODULE_0__.bp),
eB: () => (requireMapping),
loadConfig: () => (loadConfig),
o4: () => (parseConfig),
p5: () => (parseConfigSource)
});
var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _suggest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2085);
var _fs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8616);
var _yaml_source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(668);
var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7967);
var _parameters_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3184);
const DEFAULT_CONFIG_PATH = "promote.yaml";
async function loadConfig(file = DEFAULT_CONFIG_PATH) {
return parseConfig(file, await readUserFile(file, "config file not found (set the `config` input or --config)"));
}
async function readUserFile(file, notFound = "file not found", maxBytes = _yaml_source_js__WEBPACK_IMPORTED_MODULE_2__.jl) {
return (0, _fs_js__WEBPACK_IMPORTED_MODULE_1__.nD)(file, { shown: file, maxBytes, notFound });
}
function parseConfig(file, text) {
return parseConfigSource(file, text).config;
}
function parseConfigSource(file, text) {
const source = (0, _yaml_source_js__WEBPACK_IMPORTED_MODULE_2__.WF)(file, text);
requireMapping(source, "a promote.yaml mapping with project, model and environments");
const config = validateWithSchema(source, _schema_js__WEBPACK_IMPORTED_MODULE_3__.configSchema);
(0, _parameters_js__WEBPACK_IMPORTED_MODULE_4__.VX)(config, source);
return { config, source };
}
function requireMapping(source, expected) {
const data = source.data;
if (data !== null && typeof data === "object" && !Array.isArray(data) && !(data instanceof Map))
return;
const got = data === null || data === undefined ? "the document is empty" : `got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_0__.bp)(data)}`;
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError([
{ file: source.file, ...source.positionOf([]), message: `expected ${expected}; ${got}` }
]);
}
function validateWithSchema(source, schema) {
const result = schema.safeParse(source.data, { error: readableMessage });
if (result.success)
return result.data;
const problems = issuesToProblems(source, schema, result.error.issues);
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError((0, _yaml_source_js__WEBPACK_IMPORTED_MODULE_2__.uo)(problems), problems.length === 1 ? undefined : `${source.file}: ${problems.length} problems`);
}
function issuesToProblems(source, schema, issues) {
const problems = [];
const explained = new Set();
for (const issue of issues) {
if (issue.code !== "unrecognized_keys")
continue;
const known = knownKeysAt(schema, issue.path, source.data);
for (const key of issue.keys) {
const path = [...issue.path, key];
const hint = _suggest_js__WEBPACK_IMPORTED_MODULE_5__.Z(key, known);
if (hint)
explained.add(formatPath([...issue.path, hint]));
const secretHint = /^(token|password|secret|accessKey|webhook|webhookUrl|smtpUrl|apiKey|username)$/i.test(key)
? ` (secrets are never literal: use ${key}Env with the name of an environment variable)`
: "";
problems.push({
file: source.file,
...source.positionOf(path, "key"),
path: formatPath(path),
message: `unknown key '${key}'${hint ? `; did you mean '${hint}'?` : ""}${secretHint}${known.length && !hint && !secretHint ? ` (allowed: ${known.join(", ")})` : ""}`
});
}
}
for (const issue of issues) {
if (issue.code === "unrecognized_keys")
continue;
const path = formatPath(issue.path);
const missing = getAt(source.data, issue.path) === undefined && issue.path.length > 0;
if (missing && explained.has(path))
continue;
problems.push({
file: source.file,
...source.positionOf(missing ? issue.path.slice(0, -1) : issue.path),
...(path && { path }),
message: issue.message
});
}
return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
const TYPE_NAMES = {
object: "a mapping",
record: "a mapping",
array: "a list",
string: "a string",
number: "a number",
int: "a whole number",
boolean: "true or false",
null: "null",
date: "a date"
};
function readableMessage(issue) {
switch (issue.code) {
case "invalid_type": {
const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
return issue.input === undefined
? `required: ${expected}`
: `expected ${expected}, got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_0__.bp)(issue.input)}`;
}
case "invalid_value": {
const values = issue.values.map(v => (typeof v === "string" ? `'${v}'` : String(v)));
const hint = typeof issue.input === "string"
? _suggest_js__WEBPACK_IMPORTED_MODULE_5__.Z(issue.input, issue.values.filter(v => typeof v === "string"))
: undefined;
const choice = values.length === 1 ? values[0] : `one of ${values.join(", ")}`;
return `expected ${choice}, got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_0__.bp)(issue.input)}${hint ? `; did you mean '${hint}'?` : ""}`;
}
case "invalid_union": {
const discriminator = issue.discriminator;
const options = issue.options;
if (discriminator && options) {
const names = options.map(String);
const input = issue.input;
const value = input && typeof input === "object"
? input[discriminator]
: undefined;
if (value === undefined)
return `required: ${discriminator}, one of ${names.join(", ")}`;
const hint = typeof value === "string" ? _suggest_js__WEBPACK_IMPORTED_MODULE_5__.Z(value, names) : undefined;
return `unknown ${discriminator} ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_0__.bp)(value)}; expected one of ${names.join(", ")}${hint ? ` (did you mean '${hint}'?)` : ""}`;
}
const expected = [
...new Set(issue.errors.flatMap(branch => branch
.filter(i => i.code === "invalid_type" && i.path.length === 0)
.map(i => i.expected)))
].map(t => TYPE_NAMES[t] ?? t);
if (expected.length > 0 &&
issue.errors.every(branch => branch.some(i => i.code === "invalid_type" && i.path.length === 0))) {
return `expected ${expected.join(" or ")}, got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_0__.bp)(issue.input)}`;
}
return undefined;
}
case "invalid_format":
if (issue.format === "url")
return `must be a URL, got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_0__.bp)(issue.input)}`;
if (issue.format === "email")
return `must be an email address, got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_0__.bp)(issue.input)}`;
return undefined;
case "too_small":
if (issue.origin === "string" && Number(issue.minimum) === 1)
return "must not be empty";
if (issue.origin === "array")
return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? "" : "s"}`;
if (issue.origin === "number")
return `must be at least ${issue.minimum}, got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_0__.bp)(issue.input)}`;
return undefined;
case "too_big":
if (issue.origin === "number")
return `must be at most ${issue.maximum}, got ${(0, _errors_js__WEBPACK_IMPORTED_MODULE_0__.bp)(issue.input)}`;
return undefined;
default:
return undefined;
}
}
function formatPath(path) {
return path
.map((segment, i) => typeof segment === "number"
? `[${segment}]`
: i === 0
? String(segment)
: `.${String(segment)}`)
.join("");
}
function getAt(data, path) {
let value = data;
for (const segment of path) {
if (value === null ||
typeof value !== "object" ||
!Object.prototype.hasOwnProperty.call(value, segment))
return undefined;
value = value[segment];
}
return value;
}
const defOf = (schema) => schema?._zod.def;
function knownKeysAt(schema, path, data) {
let node = schema;
let value = data;
const unwrap = () => {
for (let guard = 0; guard < 50; guard++) {
const def = defOf(node);
if (!def)
return;
if ([
"optional",
"default",
"nullable",
"prefault",
"readonly",
"catch",
"nonoptional"
].includes(def.type))
node = def.innerType;
else if (def.type === "pipe")
node = def.in;
else if (def.type === "union" && def.options) {
const disc = def.discriminator;
const kind = disc && value && typeof value === "object"
? value[disc]
: undefined;
node =
def.options.find(o => {
const literal = disc ? defOf(defOf(o)?.shape?.[disc])?.values : undefined;
return literal?.includes(kind);
}) ?? def.options.find(o => defOf(o)?.type === "object");
}
else
return;
}
};
unwrap();
for (const segment of path) {
const def = defOf(node);
if (def?.type === "object")
node = def.shape?.[String(segment)];
else if (def?.type === "record")
node = def.valueType;
else if (def?.type === "array")
node = def.element;
else
return [];
value =
value && typeof value === "object"
? value[segment]
: undefined;
unwrap();
}
const def = defOf(node);
return def?.type === "object" && def.shape
? Object.keys(def.shape).filter(k => k !== "$schema")
: [];
}
}),
8616: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Cj: () => (readRepoText),
JJ: () => (listManifestFiles),
Zf: () => (writeFileAtomic),
nD: () => (readUserText),
zg: () => (requireDirectoryInside)
});
var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
var node_fs__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_2___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7598);
var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = __webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
var _paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6107);
var _yaml_source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(668);
async function writeFileAtomic(file, content) {
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0, node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file), { recursive: true });
const temp = (0, node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0, node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file), `.${(0, node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(file)}.${(0, node_crypto__WEBPACK_IMPORTED_MODULE_3__.randomBytes)(6).toString("hex")}.tmp`);
try {
const handle = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, "wx");
try {
await handle.writeFile(content);
await handle.sync();
}
finally {
await handle.close();
}
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, file);
}
catch (error) {
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
throw error;
}
}
const MAX_WALK_DEPTH = 32;
const MAX_WALK_ENTRIES = 10000;
function plainReason(error, notFound) {
const code = error.code;
switch (code) {
case "ENOENT":
case "ENOTDIR":
return notFound;
case "EISDIR":
return "is a directory, not a file";
case "EACCES":
case "EPERM":
return "cannot be read: permission denied";
case "ELOOP":
return "is a loop of symbolic links";
case "ENAMETOOLONG":
return "has a name too long for the file system";
default:
return `cannot be read (${code ?? (0, _errors_js__WEBPACK_IMPORTED_MODULE_4__.gJ)(error)})`;
}
}
const fail = (file, message) => {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__.ConfigurationError([{ file, message }]);
};
async function realPathInside(rootReal, file, shown, notFound) {
let real;
try {
real = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(file);
}
catch (error) {
const code = error.code;
const dangling = code === "ENOENT" &&
(await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(file).then(s => s.isSymbolicLink(), () => false));
return fail(shown, dangling ? "is a symbolic link to a file that does not exist" : plainReason(error, notFound));
}
if (!(0, _paths_js__WEBPACK_IMPORTED_MODULE_5__.FK)(rootReal, real)) {
const link = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(file).then(s => s.isSymbolicLink(), () => false);
fail(shown, `is ${link ? "a symbolic link to a file " : ""}outside the repository; it was not read`);
}
return real;
}
async function readRepoText(root, file, options) {
const rootReal = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root);
const notFound = options.notFound ?? "file not found";
return readUserText(await realPathInside(rootReal, file, options.shown, notFound), options);
}
async function readUserText(file, options) {
const { shown, maxBytes } = options;
const notFound = options.notFound ?? "file not found";
let handle;
try {
handle = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0));
}
catch (error) {
return fail(shown, plainReason(error, notFound));
}
try {
const stats = await handle.stat();
if (stats.isDirectory())
fail(shown, "is a directory, not a file");
if (!stats.isFile())
fail(shown, "is not a regular file (a device, FIFO or socket)");
if (stats.size > maxBytes)
fail(shown, `file is ${stats.size} bytes; the limit is ${maxBytes} bytes`);
const chunks = [];
let total = 0;
let wanted = stats.size + 1;
for (;;) {
const chunk = Buffer.allocUnsafe(Math.min(wanted, 1024 * 1024, maxBytes + 1 - total));
wanted = 64 * 1024;
const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
if (bytesRead === 0)
break;
chunks.push(chunk.subarray(0, bytesRead));
total += bytesRead;
if (total > maxBytes)
fail(shown, `file is over ${maxBytes} bytes, the limit`);
}
return (0, _yaml_source_js__WEBPACK_IMPORTED_MODULE_6__._6)(shown, Buffer.concat(chunks, total));
}
catch (error) {
if ((0, _errors_js__WEBPACK_IMPORTED_MODULE_4__.p0)(error))
throw error;
return fail(shown, plainReason(error, notFound));
}
finally {
await handle.close();
}
}
async function requireDirectoryInside(root, dir, shown) {
const rootReal = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root);
let existing = (0, node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir);
for (;;) {
try {
const real = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(existing);
if (!(0, _paths_js__WEBPACK_IMPORTED_MODULE_5__.FK)(rootReal, real))
fail(shown, "leads out of the repository through a symbolic link; nothing is written there");
if (!(await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(real)).isDirectory())
fail(shown, `cannot be a directory: ${(0, node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, existing) || "."} is a file`);
return;
}
catch (error) {
if ((0, _errors_js__WEBPACK_IMPORTED_MODULE_4__.p0)(error))
throw error;
const code = error.code;
const parent = (0, node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(existing);
if ((code !== "ENOENT" && code !== "ENOTDIR") || parent === existing)
fail(shown, plainReason(error, "cannot be created"));
if (await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(existing).then(s => s.isSymbolicLink(), () => false))
fail(shown, "is a symbolic link to a directory that does not exist; nothing is written there");
existing = parent;
}
}
}
async function listManifestFiles(root, dir) {
const files = [];
const problems = [];
const shown = (path) => (0, node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, path).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).join("/") || ".";
const report = (path, message) => problems.push({ file: shown(path), message });
const rootReal = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(root);
let startReal;
try {
startReal = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(dir);
}
catch (error) {
const code = error.code;
const dangling = code === "ENOENT" &&
(await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(dir).then(s => s.isSymbolicLink(), () => false));
if (code === "ENOENT" && !dangling)
return { files, problems };
report(dir, dangling
? "is a symbolic link to a directory that does not exist"
: plainReason(error, "not found"));
return { files, problems };
}
if (!(0, _paths_js__WEBPACK_IMPORTED_MODULE_5__.FK)(rootReal, startReal)) {
report(dir, "is a symbolic link out of the repository; nothing under it was read");
return { files, problems };
}
const start = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(startReal);
if (!start.isDirectory()) {
report(dir, "is not a directory");
return { files, problems };
}
const visited = new Set([startReal]);
let entries = 0;
const enter = async (path, real, depth) => {
let handle;
try {
handle = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.opendir)(real);
}
catch (error) {
report(path, plainReason(error, "not found"));
return;
}
const names = [];
for await (const entry of handle) {
if (++entries > MAX_WALK_ENTRIES)
break;
names.push(entry);
}
if (entries > MAX_WALK_ENTRIES) {
report(dir, `holds more than ${MAX_WALK_ENTRIES} entries; the rest were not searched (an export dir holds manifests only)`);
return;
}
for (const entry of names.sort((a, b) => a.name.localeCompare(b.name))) {
if ((0, _paths_js__WEBPACK_IMPORTED_MODULE_5__.sg)(entry.name))
continue;
const childPath = (0, node_path__WEBPACK_IMPORTED_MODULE_2__.join)(path, entry.name);
const childReal = (0, node_path__WEBPACK_IMPORTED_MODULE_2__.join)(real, entry.name);
if ((0, _paths_js__WEBPACK_IMPORTED_MODULE_5__.fd)(entry.name) && !entry.isDirectory()) {
files.push(childPath);
continue;
}
let target = childReal;
if (entry.isSymbolicLink()) {
try {
target = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(childReal);
}
catch {
continue;
}
}
else if (!entry.isDirectory())
continue;
const stats = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target).catch(() => undefined);
if (!stats?.isDirectory())
continue;
if (!(0, _paths_js__WEBPACK_IMPORTED_MODULE_5__.FK)(rootReal, target)) {
report(childPath, "is a symbolic link to a directory outside the repository; not searched");
}
else if (stats.dev !== start.dev) {
report(childPath, "is another file system (a mount point); not searched");
}
else if (visited.has(target)) {
}
else if (depth + 1 > MAX_WALK_DEPTH) {
report(childPath, `is more than ${MAX_WALK_DEPTH} directories deep; not searched`);
}
else {
visited.add(target);
await enter(childPath, target, depth + 1);
}
if (entries > MAX_WALK_ENTRIES)
return;
}
};
await enter(dir, startReal, 0);
return { files, problems };
}
}),
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
