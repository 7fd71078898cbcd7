export const id = 4414;
export const ids = [4414];
export const modules = {
4414: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
A5: () => (toModelRecord),
EK: () => (parseManifestYaml),
K7: () => (checkManifest),
Ng: () => (parseManifest),
Tc: () => (stringifyManifest),
eY: () => (loadManifest),
fJ: () => (mlrunArtifactExport),
qK: () => (mlrunKeyOrder),
rc: () => (manifestSchema)
});
var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
var _zod_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2158);
var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _hash_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(299);
var _yaml_source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(668);
var _config_load_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9168);
var _uri_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2129);
var _yaml_export_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8863);
const labelValue = _zod_js__WEBPACK_IMPORTED_MODULE_1__.KCZ([_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), _zod_js__WEBPACK_IMPORTED_MODULE_1__.aig(), _zod_js__WEBPACK_IMPORTED_MODULE_1__.zMY(), _zod_js__WEBPACK_IMPORTED_MODULE_1__.chJ()]);
const manifestSchema = _zod_js__WEBPACK_IMPORTED_MODULE_1__._H3({
kind: _zod_js__WEBPACK_IMPORTED_MODULE_1__.BA7(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_1__.BpQ(1)), "Artifact kind; models are `model`"),
metadata: _zod_js__WEBPACK_IMPORTED_MODULE_1__._H3({
key: _zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP().check(_zod_js__WEBPACK_IMPORTED_MODULE_1__.BpQ(1)),
project: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
iter: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.aig().check(_zod_js__WEBPACK_IMPORTED_MODULE_1__.Whr(), _zod_js__WEBPACK_IMPORTED_MODULE_1__.ZnW())),
tree: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
tag: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
hash: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
uid: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
created: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.KCZ([_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), _zod_js__WEBPACK_IMPORTED_MODULE_1__.p6U()])),
updated: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.KCZ([_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), _zod_js__WEBPACK_IMPORTED_MODULE_1__.p6U()])),
labels: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), labelValue)),
uri: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
version: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.KCZ([_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), _zod_js__WEBPACK_IMPORTED_MODULE_1__.aig()]))
}),
spec: _zod_js__WEBPACK_IMPORTED_MODULE_1__.Rvf(_zod_js__WEBPACK_IMPORTED_MODULE_1__._H3({
target_path: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
model_file: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
metrics: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), _zod_js__WEBPACK_IMPORTED_MODULE_1__.aig({
error: issue => `a metric must be a number (gates compare them), got ${(0, _config_load_js__WEBPACK_IMPORTED_MODULE_5__.bp)(issue.input)}`
}))),
parameters: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.g1P(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), _zod_js__WEBPACK_IMPORTED_MODULE_1__.L5J())),
framework: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
algorithm: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
producer: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__._H3({
kind: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
name: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
uri: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
owner: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()),
workflow: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP())
}))
}), {}),
status: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__._H3({ state: _zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()) }))
});
function manifestContentHash(raw) {
const isMapping = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
let hashed = raw;
if (isMapping(raw) && isMapping(raw.metadata)) {
const { tag: _tag, ...metadata } = raw.metadata;
hashed = { ...raw, metadata };
}
return (0, _hash_js__WEBPACK_IMPORTED_MODULE_3__.s)((0, _hash_js__WEBPACK_IMPORTED_MODULE_3__.d)(hashed));
}
function toModelRecord(manifest, raw = manifest) {
const { metadata, spec } = manifest;
const uri = metadata.uri ??
(0, _uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({
scheme: "store",
kind: manifest.kind === "model"
? "models"
: manifest.kind === "dataset"
? "datasets"
: "artifacts",
project: metadata.project ?? "default",
key: metadata.key,
iter: metadata.iter ?? 0,
...(metadata.tag !== undefined && { tag: metadata.tag }),
...(metadata.tree !== undefined && { tree: metadata.tree })
});
const location = spec.target_path
? spec.model_file && !spec.target_path.endsWith(spec.model_file)
? `${spec.target_path.replace(/\/?$/, "/")}${spec.model_file}`
: spec.target_path
: undefined;
const time = (value) => value instanceof Date ? value.toISOString() : value;
return {
name: metadata.key,
...(metadata.project !== undefined && { project: metadata.project }),
...(metadata.version !== undefined
? { version: String(metadata.version) }
: metadata.iter !== undefined || metadata.tree !== undefined
? { version: `${metadata.tree ?? ""}#${metadata.iter ?? 0}`.replace(/^#/, "") }
: {}),
...(metadata.tag !== undefined && { tag: metadata.tag }),
...(metadata.iter !== undefined && { iteration: metadata.iter }),
...(metadata.tree !== undefined && { tree: metadata.tree }),
uri,
...(location !== undefined && { location }),
metrics: { ...(spec.metrics ?? {}) },
parameters: { ...(spec.parameters ?? {}) },
...(spec.framework !== undefined && { framework: spec.framework }),
...(spec.algorithm !== undefined && { algorithm: spec.algorithm }),
...(spec.producer !== undefined && { producerRun: spec.producer }),
...(metadata.hash !== undefined && { artifactHash: metadata.hash }),
contentHash: manifestContentHash(raw),
...(metadata.created !== undefined && { created: time(metadata.created) }),
...(metadata.updated !== undefined && { updated: time(metadata.updated) }),
labels: Object.fromEntries(Object.entries(metadata.labels ?? {}).map(([k, v]) => [k, String(v)])),
...(manifest.status?.state !== undefined && { state: manifest.status.state })
};
}
function parseManifestFileName(file) {
const match = /^(.+):([^:]+)\.ya?ml$/.exec((0, node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(file));
return match ? { key: match[1], tag: match[2] } : undefined;
}
function parseManifest(file, text, options = {}) {
return checkManifest(parseManifestYaml(file, text), options);
}
function parseManifestYaml(file, text) {
return (0, _yaml_source_js__WEBPACK_IMPORTED_MODULE_4__.WF)(file, text, { maxBytes: _yaml_source_js__WEBPACK_IMPORTED_MODULE_4__.ZJ, maxKeys: _yaml_source_js__WEBPACK_IMPORTED_MODULE_4__.us });
}
function checkManifest(source, options = {}) {
const file = source.file;
(0, _config_load_js__WEBPACK_IMPORTED_MODULE_5__.eB)(source, "a model manifest mapping (kind, metadata, spec)");
const manifest = (0, _config_load_js__WEBPACK_IMPORTED_MODULE_5__.CW)(source, manifestSchema);
const named = parseManifestFileName(file);
if (named) {
const problems = [];
if (named.key !== manifest.metadata.key) {
problems.push({
file,
...source.positionOf(["metadata", "key"]),
path: "metadata.key",
message: `key '${manifest.metadata.key}' disagrees with the file name, which says '${named.key}'`
});
}
const allowedTags = new Set([
...(options.knownTags ?? []),
...(manifest.metadata.tag ? [manifest.metadata.tag] : [])
]);
if (!allowedTags.has(named.tag)) {
problems.push({
file,
...source.positionOf(["metadata", "tag"]),
path: "metadata.tag",
message: `the file name's tag '${named.tag}' is neither the manifest's tag '${manifest.metadata.tag ?? "(none)"}' nor one of ${[...(options.knownTags ?? [])].join(", ") || "(none configured)"}`
});
}
if (problems.length)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(problems, `${file}: file name disagrees with the manifest`);
}
if (manifest.metadata.uri !== undefined) {
try {
(0, _uri_js__WEBPACK_IMPORTED_MODULE_6__.hY)(manifest.metadata.uri);
}
catch (error) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError([
{
file,
...source.positionOf(["metadata", "uri"]),
path: "metadata.uri",
message: error.message
}
]);
}
}
const raw = source.data;
return { file, raw, manifest, record: toModelRecord(manifest, raw), source };
}
async function loadManifest(file, options = {}) {
return parseManifest(file, await (0, _config_load_js__WEBPACK_IMPORTED_MODULE_5__.E1)(file, "manifest not found", _yaml_source_js__WEBPACK_IMPORTED_MODULE_4__.ZJ), options);
}
function stringifyManifest(raw) {
const value = raw instanceof Map ? raw : (0, _yaml_export_js__WEBPACK_IMPORTED_MODULE_7__.tX)(raw);
if (!(value instanceof Map))
throw new TypeError("a manifest must be a mapping");
return (0, _yaml_export_js__WEBPACK_IMPORTED_MODULE_7__.VV)(value);
}
const MLRUN_EXPORT_FIELDS = {
artifact: ["kind", "metadata", "spec", "status"],
metadata: ["key", "project", "iter", "tree", "description", "hash", "tag", "updated", "labels"],
modelSpec: [
"src_path",
"target_path",
"viewer",
"inline",
"format",
"size",
"db_key",
"extra_data",
"unpackaging_instructions",
"producer",
"model_file",
"metrics",
"parameters",
"inputs",
"outputs",
"framework",
"algorithm",
"feature_vector",
"feature_weights",
"feature_stats",
"model_target_file",
"annotations",
"sources",
"license",
"encoding"
],
status: ["state", "stats", "preview", "header_original_length"],
feature: [
"name",
"description",
"value_type",
"dims",
"default",
"labels",
"aggregate",
"validator",
"origin"
]
};
function mlrunKeyOrder(text) {
const order = {
artifact: [],
metadata: [],
spec: [],
status: [],
feature: []
};
const add = (list, key) => {
if (!list.includes(key))
list.push(key);
};
let section;
let featureIndent;
const line = /( *)(- +)?([A-Za-z_][A-Za-z0-9_]*):(?: |\n|$)/y;
for (let start = 0; start < text.length;) {
let end = text.indexOf("\n", start);
if (end === -1)
end = text.length;
line.lastIndex = start;
const match = text.startsWith("       ", start) ? null : line.exec(text);
if (match) {
const indent = match[1].length;
const dash = match[2];
const key = match[3];
if (indent === 0 && !dash) {
add(order.artifact, key);
section = key === "metadata" || key === "spec" || key === "status" ? key : undefined;
featureIndent = undefined;
}
else if (section && indent === 2 && !dash) {
add(order[section], key);
featureIndent =
section === "spec" && (key === "inputs" || key === "outputs") ? 2 : undefined;
}
else if (featureIndent !== undefined && dash && indent >= featureIndent) {
add(order.feature, key);
featureIndent = indent;
}
else if (featureIndent !== undefined && !dash && indent === featureIndent + 2) {
add(order.feature, key);
}
}
start = end + 1;
}
return order;
}
const isEmpty = (value) => value === undefined ||
value === null ||
(Array.isArray(value) && value.length === 0) ||
(value instanceof Map && value.size === 0);
function modelObj(source, fields, order, defaults = {}, objects = {}) {
const struct = source instanceof Map ? source : new Map();
const result = new Map();
for (const field of [...(order ?? []).filter(key => fields.includes(key)), ...fields]) {
if (result.has(field))
continue;
let value = struct.has(field) ? struct.get(field) : defaults[field];
const build = objects[field];
if (build)
value = build(value);
if (!isEmpty(value))
result.set(field, value);
}
return result;
}
function mlrunArtifactExport(artifact, order = {}) {
const fields = MLRUN_EXPORT_FIELDS;
const kind = artifact.get("kind") ?? "artifact";
const features = (value) => {
if (!Array.isArray(value))
return value;
const byName = new Map();
for (const feature of value) {
if (!(feature instanceof Map))
return value;
byName.set(feature.get("name") ?? null, modelObj(feature, fields.feature, order.feature, { value_type: "str" }));
}
return [...byName.values()];
};
return modelObj(artifact, fields.artifact, order.artifact, { kind }, {
metadata: value => modelObj(value, fields.metadata, order.metadata),
spec: value => kind === "model"
? modelObj(value, fields.modelSpec, order.spec, { license: "" }, {
inputs: features,
outputs: features
})
: (value ?? null),
status: value => modelObj(value, fields.status, order.status, { state: "created" })
});
}
}),
2129: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Ps: () => (formatModelUri),
hY: () => (parseModelUri)
});
var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
class UriError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError {
uri;
reason;
constructor(uri, reason) {
super([{ message: `invalid model URI '${withoutUserinfo(uri)}': ${reason}` }]);
this.name = "UriError";
this.uri = uri;
this.reason = reason;
}
}
function withoutUserinfo(uri) {
return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/i, "$1***@");
}
const STORE_KINDS = ["models", "artifacts", "datasets"];
const PROJECT = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const TREE = /^[A-Za-z0-9_-]+$/;
const UID = /^[A-Za-z0-9_-]+$/;
const MLFLOW_NAME = /^[^/@\s](?:[^/@]*[^/@\s])?$/;
const MLFLOW_ALIAS = /^[A-Za-z0-9_-]+$/;
const MLFLOW_STAGES = ["production", "staging", "archived", "none"];
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
function parseModelUri(uri) {
if (uri === "")
throw new UriError(uri, "empty");
if (uri.trim() !== uri)
throw new UriError(uri, "surrounded by spaces");
if (uri.startsWith("store://"))
return parseStore(uri);
if (uri.startsWith("store:"))
throw new UriError(uri, "MLRun store URIs start with store:// (store://models/<project>/<key>)");
if (uri.startsWith("models:/"))
return parseMlflow(uri);
if (uri.startsWith("models:"))
throw new UriError(uri, "MLflow model URIs start with models:/ (models:/<name>/<version>)");
if (uri.startsWith("file:"))
return parseFile(uri);
const scheme = SCHEME.exec(uri);
if (scheme) {
throw new UriError(uri, `unsupported scheme '${scheme[1]}:'; use store://, models:/, file:// or a path`);
}
return { scheme: "file", path: uri };
}
function parseFile(uri) {
let rest = uri.slice("file:".length);
if (rest.startsWith("//")) {
rest = rest.slice(2);
const slash = rest.indexOf("/");
const host = slash < 0 ? rest : rest.slice(0, slash);
if (host !== "" && host !== "localhost") {
throw new UriError(uri, `file URIs on another host ('${host}') are not supported; use file:///abs/path`);
}
rest = slash < 0 ? "" : rest.slice(slash);
}
if (!rest.startsWith("/"))
throw new UriError(uri, "file URIs need an absolute path (file:///dir/model.pkl); write relative paths without file:");
if (/[?#]/.test(rest))
throw new UriError(uri, "file URIs take no query or fragment; encode '?' as %3F and '#' as %23");
let path;
try {
path = decodeURIComponent(rest);
}
catch {
throw new UriError(uri, "has a malformed %-escape");
}
if (path.includes("\0"))
throw new UriError(uri, "the path contains a NUL character");
return { scheme: "file", path };
}
function parseStore(uri) {
const rest = uri.slice("store://".length);
const slash = rest.indexOf("/");
const kind = (slash < 0 ? rest : rest.slice(0, slash));
if (!STORE_KINDS.includes(kind)) {
throw new UriError(uri, `unknown store kind '${kind}'; expected store://models/<project>/<key>, store://artifacts/... or store://datasets/...`);
}
const body = slash < 0 ? "" : rest.slice(slash + 1);
const projectEnd = body.indexOf("/");
if (projectEnd <= 0)
throw new UriError(uri, `expected store://${kind}/<project>/<key>`);
const project = body.slice(0, projectEnd);
if (!PROJECT.test(project)) {
throw new UriError(uri, `project '${project}' must be lowercase letters, digits and inner dashes`);
}
let spec = body.slice(projectEnd + 1);
const take = (marker, what, pattern, rule) => {
const at = spec.indexOf(marker);
if (at < 0)
return undefined;
const value = spec.slice(at + 1);
spec = spec.slice(0, at);
if (value === "")
throw new UriError(uri, `empty ${what} after '${marker}'`);
if (!pattern.test(value))
throw new UriError(uri, `${what} '${value}' must be ${rule}`);
return value;
};
const uid = take("^", "uid", UID, "letters, digits, '-' or '_'");
const tree = take("@", "tree", TREE, "letters, digits, '-' or '_'");
const tag = take(":", "tag", TAG, "letters, digits, '.', '-' or '_' (not starting with '.' or '-')");
const iterText = take("#", "iteration", /^\d+$/, "a whole number");
const iter = iterText === undefined ? 0 : Number(iterText);
if (!Number.isSafeInteger(iter))
throw new UriError(uri, `iteration '${iterText}' is too large`);
if (spec === "")
throw new UriError(uri, "missing key after the project");
if (spec.includes("/"))
throw new UriError(uri, `key '${spec}' must not contain '/'`);
if (!KEY.test(spec)) {
throw new UriError(uri, `key '${spec}' must be letters, digits, '.', '-' or '_' (not starting with '.' or '-')`);
}
return {
scheme: "store",
kind,
project,
key: spec,
iter,
...(tag !== undefined && { tag }),
...(tree !== undefined && { tree }),
...(uid !== undefined && { uid })
};
}
function parseMlflow(uri) {
const body = uri.slice("models:/".length);
if (body === "")
throw new UriError(uri, "expected models:/<name>/<version> or models:/<name>@<alias>");
const at = body.lastIndexOf("@");
if (at >= 0) {
const name = body.slice(0, at);
const alias = body.slice(at + 1);
if (!MLFLOW_NAME.test(name))
throw new UriError(uri, `invalid model name '${name}' before '@'`);
if (alias === "")
throw new UriError(uri, "empty alias after '@'");
if (!MLFLOW_ALIAS.test(alias))
throw new UriError(uri, `alias '${alias}' must be letters, digits, '-' or '_'`);
return { scheme: "models", name, alias };
}
const slash = body.lastIndexOf("/");
if (slash < 0)
throw new UriError(uri, `missing version: models:/${body}/<version> or models:/${body}@<alias>`);
const name = body.slice(0, slash);
const version = body.slice(slash + 1);
if (!MLFLOW_NAME.test(name))
throw new UriError(uri, `invalid model name '${name}' (no '/', '@' or outer spaces)`);
if (version === "")
throw new UriError(uri, "empty version after '/'");
if (MLFLOW_STAGES.includes(version.toLowerCase())) {
throw new UriError(uri, `stage '${version}' is deprecated in MLflow; use an alias: models:/${name}@<alias>`);
}
if (version !== "latest" && !/^[1-9]\d*$/.test(version)) {
throw new UriError(uri, `version '${version}' must be a positive whole number or 'latest' (use models:/${name}@<alias> for aliases)`);
}
return { scheme: "models", name, version };
}
function formatModelUri(uri) {
switch (uri.scheme) {
case "store":
return (`store://${uri.kind}/${uri.project}/${uri.key}#${uri.iter}` +
`${uri.tag !== undefined ? `:${uri.tag}` : ""}${uri.tree !== undefined ? `@${uri.tree}` : ""}${uri.uid !== undefined ? `^${uri.uid}` : ""}`);
case "models":
return "alias" in uri
? `models:/${uri.name}@${uri.alias}`
: `models:/${uri.name}/${uri.version}`;
case "file": {
if (uri.path.startsWith("/")) {
if (uri.path.includes("\0"))
throw new UriError(uri.path, "the path contains a NUL character");
try {
return `file://${uri.path.split("/").map(encodeURIComponent).join("/")}`;
}
catch {
throw new UriError(uri.path, "the path is not well-formed Unicode");
}
}
const text = uri.path;
const parsed = text === "" || text.trim() !== text ? undefined : safeParse(text);
if (parsed?.scheme !== "file" || parsed.path !== text) {
throw new UriError(text, "this relative path cannot be written as a model URI (prefix it with ./)");
}
return text;
}
}
}
function safeParse(text) {
try {
return parseModelUri(text);
}
catch {
return undefined;
}
}
function describeModelUri(uri) {
switch (uri.scheme) {
case "store":
return `${uri.key}${uri.tag !== undefined ? `:${uri.tag}` : ""}${uri.iter ? ` #${uri.iter}` : ""}`;
case "models":
return "alias" in uri ? `${uri.name}@${uri.alias}` : `${uri.name} v${uri.version}`;
case "file":
return uri.path;
}
}
}),
8863: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
S6: () => (parsePythonJson),
VV: () => (dumpPyYaml),
tX: () => (fromJsValue),
yq: () => (toJsValue)
});
function isPythonDict(value) {
return value instanceof Map;
}
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
function parsePythonJson(text) {
let i = 0;
const n = text.length;
const fail = (what) => {
throw new SyntaxError(`invalid JSON: ${what} at position ${i}`);
};
const skip = () => {
for (; i < n; i++) {
const c = text.charCodeAt(i);
if (c !== 32 && c !== 10 && c !== 13 && c !== 9)
return;
}
};
const literal = (word, value) => {
if (!text.startsWith(word, i))
fail("unexpected token");
i += word.length;
return value;
};
const string = () => {
const start = i++;
let escaped = false;
for (; i < n; i++) {
const c = text.charCodeAt(i);
if (c === 34) {
i++;
return escaped ? JSON.parse(text.slice(start, i)) : text.slice(start + 1, i - 1);
}
if (c === 92) {
escaped = true;
i++;
}
else if (c < 32)
fail("control character in string");
}
return fail("unterminated string");
};
const value = () => {
skip();
const c = text.charCodeAt(i);
if (c === 123) {
i++;
const dict = new Map();
skip();
if (text.charCodeAt(i) === 125) {
i++;
return dict;
}
for (;;) {
skip();
if (text.charCodeAt(i) !== 34)
fail("expected a string key");
const key = string();
skip();
if (text.charCodeAt(i) !== 58)
fail("expected ':'");
i++;
dict.set(key, value());
skip();
const next = text.charCodeAt(i++);
if (next === 125)
return dict;
if (next !== 44)
fail("expected ',' or '}'");
}
}
if (c === 91) {
i++;
const list = [];
skip();
if (text.charCodeAt(i) === 93) {
i++;
return list;
}
for (;;) {
list.push(value());
skip();
const next = text.charCodeAt(i++);
if (next === 93)
return list;
if (next !== 44)
fail("expected ',' or ']'");
}
}
if (c === 34)
return string();
if (c === 116)
return literal("true", true);
if (c === 102)
return literal("false", false);
if (c === 110)
return literal("null", null);
if (c === 78)
return literal("NaN", NaN);
if (c === 73)
return literal("Infinity", Infinity);
if (c === 45 && text.startsWith("-Infinity", i))
return literal("-Infinity", -Infinity);
NUMBER.lastIndex = i;
const match = NUMBER.exec(text);
if (!match)
return fail("unexpected token");
i += match[0].length;
return match[1] !== undefined || match[2] !== undefined ? Number(match[0]) : BigInt(match[0]);
};
const result = value();
skip();
if (i < n)
fail("unexpected text after the value");
return result;
}
function pythonFloatRepr(value) {
if (Number.isNaN(value))
return "nan";
if (!Number.isFinite(value))
return value > 0 ? "inf" : "-inf";
if (value === 0)
return Object.is(value, -0) ? "-0.0" : "0.0";
const sign = value < 0 ? "-" : "";
const [mantissa, exponentText] = Math.abs(value).toExponential().split("e");
const digits = mantissa.replace(".", "");
const exponent = Number(exponentText);
const point = exponent + 1;
if (point > -4 && point <= 16) {
if (point <= 0)
return `${sign}0.${"0".repeat(-point)}${digits}`;
if (point >= digits.length)
return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
const shown = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
const magnitude = String(Math.abs(exponent)).padStart(2, "0");
return `${sign}${shown}e${exponent < 0 ? "-" : "+"}${magnitude}`;
}
function dumpPythonJson(value) {
if (value === null)
return "null";
switch (typeof value) {
case "boolean":
return value ? "true" : "false";
case "bigint":
return value.toString();
case "number":
return Number.isNaN(value)
? "NaN"
: Number.isFinite(value)
? pythonFloatRepr(value)
: value > 0
? "Infinity"
: "-Infinity";
case "string":
return JSON.stringify(value);
}
if (Array.isArray(value))
return `[${value.map(dumpPythonJson).join(", ")}]`;
return `{${[...value].map(([k, v]) => `${JSON.stringify(k)}: ${dumpPythonJson(v)}`).join(", ")}}`;
}
function toJsValue(value) {
if (typeof value === "bigint")
return Number(value);
if (value === null || typeof value !== "object")
return value;
if (Array.isArray(value))
return value.map(toJsValue);
const object = {};
for (const [key, item] of value)
setOwn(object, key, toJsValue(item));
return object;
}
function fromJsValue(value) {
if (value === null || value === undefined)
return null;
switch (typeof value) {
case "boolean":
case "string":
case "bigint":
return value;
case "number":
return Number.isSafeInteger(value) && !Object.is(value, -0) ? BigInt(value) : value;
}
if (value instanceof Date)
return value.toISOString();
if (Array.isArray(value))
return value.map(fromJsValue);
if (typeof value === "object") {
const dict = new Map();
for (const [key, item] of Object.entries(value)) {
if (item !== undefined)
dict.set(key, fromJsValue(item));
}
return dict;
}
throw new TypeError(`cannot write a ${typeof value} to a manifest`);
}
function setOwn(object, key, value) {
if (key === "__proto__")
Object.defineProperty(object, key, {
value,
enumerable: true,
writable: true,
configurable: true
});
else
object[key] = value;
}
const PYYAML_IMPLICIT_RESOLVERS = [
["bool", /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/],
[
"float",
/^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/
],
[
"int",
/^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/
],
["merge", /^(?:<<)$/],
["null", /^(?:~|null|Null|NULL|)$/],
[
"timestamp",
/^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/
],
["value", /^(?:=)$/],
["yaml", /^(?:!|&|\*)$/]
];
function pyyamlPlainTag(text) {
for (const [tag, pattern] of PYYAML_IMPLICIT_RESOLVERS)
if (pattern.test(text))
return tag;
return "str";
}
const YAML_12_CORE_NON_STRING = /^(?:(?:~|[Nn]ull|NULL)?|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
function plainIsString(text) {
return pyyamlPlainTag(text) === "str" && !YAML_12_CORE_NON_STRING.test(text);
}
function pyyamlFloat(value) {
if (Number.isNaN(value))
return ".nan";
if (value === Infinity)
return ".inf";
if (value === -Infinity)
return "-.inf";
const repr = pythonFloatRepr(value);
return !repr.includes(".") && repr.includes("e") ? repr.replace("e", ".0e") : repr;
}
const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const BREAKS = "\n\u0085\u2028\u2029";
const WHITESPACE_OR_END = "\0 \t\r\n\u0085\u2028\u2029";
const ESCAPES = {
"\0": "0",
"\u0007": "a",
"\b": "b",
"\t": "t",
"\n": "n",
"\v": "v",
"\f": "f",
"\r": "r",
"\u001B": "e",
"\"": "\"",
"\\": "\\",
"\u0085": "N",
"\u00A0": "_",
"\u2028": "L",
"\u2029": "P"
};
function analyzeScalar(text) {
const chars = Array.from(text);
if (chars.length === 0) {
return { chars, empty: true, multiline: false, allowBlockPlain: true, allowSingleQuoted: true };
}
let blockIndicators = false;
let lineBreaks = false;
let special = false;
let leadingSpace = false;
let leadingBreak = false;
let trailingSpace = false;
let trailingBreak = false;
let breakSpace = false;
let spaceBreak = false;
if (text.startsWith("---") || text.startsWith("..."))
blockIndicators = true;
let precededByWhitespace = true;
let followedByWhitespace = chars.length === 1 || WHITESPACE_OR_END.includes(chars[1]);
let previousSpace = false;
let previousBreak = false;
for (let index = 0; index < chars.length; index++) {
const ch = chars[index];
if (index === 0) {
if ("#,[]{}&*!|>'\"%@`".includes(ch))
blockIndicators = true;
if ((ch === "?" || ch === ":") && followedByWhitespace)
blockIndicators = true;
if (ch === "-" && followedByWhitespace)
blockIndicators = true;
}
else {
if (ch === ":" && followedByWhitespace)
blockIndicators = true;
if (ch === "#" && precededByWhitespace)
blockIndicators = true;
}
const isBreak = BREAKS.includes(ch);
if (isBreak)
lineBreaks = true;
if (!(ch === "\n" || (ch >= " " && ch <= "~")))
special = true;
if (ch === " ") {
if (index === 0)
leadingSpace = true;
if (index === chars.length - 1)
trailingSpace = true;
if (previousBreak)
breakSpace = true;
previousSpace = true;
previousBreak = false;
}
else if (isBreak) {
if (index === 0)
leadingBreak = true;
if (index === chars.length - 1)
trailingBreak = true;
if (previousSpace)
spaceBreak = true;
previousSpace = false;
previousBreak = true;
}
else {
previousSpace = false;
previousBreak = false;
}
precededByWhitespace = WHITESPACE_OR_END.includes(ch);
followedByWhitespace =
index + 2 >= chars.length || WHITESPACE_OR_END.includes(chars[index + 2]);
}
let allowBlockPlain = true;
let allowSingleQuoted = true;
if (leadingSpace || leadingBreak || trailingSpace || trailingBreak)
allowBlockPlain = false;
if (breakSpace)
allowBlockPlain = allowSingleQuoted = false;
if (spaceBreak || special)
allowBlockPlain = allowSingleQuoted = false;
if (lineBreaks)
allowBlockPlain = false;
if (blockIndicators)
allowBlockPlain = false;
return { chars, empty: false, multiline: lineBreaks, allowBlockPlain, allowSingleQuoted };
}
class PyYamlEmitter {
out = [];
column = 0;
whitespace = true;
indention = true;
indent;
indents = [];
dump(root) {
this.node(root, {});
this.indent = undefined;
this.writeIndent();
return this.out.join("");
}
node(value, context) {
if (Array.isArray(value)) {
if (value.length === 0)
this.emptyFlow("[", "]");
else
this.blockSequence(value, context);
}
else if (value instanceof Map) {
if (value.size === 0)
this.emptyFlow("{", "}");
else
this.blockMapping(value);
}
else {
this.scalar(value, context);
}
}
increaseIndent(flow, indentless = false) {
this.indents.push(this.indent);
if (this.indent === undefined)
this.indent = flow ? BEST_INDENT : 0;
else if (!indentless)
this.indent += BEST_INDENT;
}
emptyFlow(open, close) {
this.writeIndicator(open, true, true);
this.writeIndicator(close, false);
}
blockSequence(items, context) {
this.increaseIndent(false, context.mapping === true && !this.indention);
for (const item of items) {
this.writeIndent();
this.writeIndicator("-", true, false, true);
this.node(item, {});
}
this.indent = this.indents.pop();
}
blockMapping(dict) {
this.increaseIndent(false);
for (const [key, value] of dict) {
this.writeIndent();
const analysis = analyzeScalar(key);
if (analysis.chars.length < 128 && !analysis.empty && !analysis.multiline) {
this.scalar(key, { mapping: true, simpleKey: true }, analysis);
this.writeIndicator(":", false);
}
else {
this.writeIndicator("?", true, false, true);
this.scalar(key, { mapping: true }, analysis);
this.writeIndent();
this.writeIndicator(":", true, false, true);
}
this.node(value, { mapping: true });
}
this.indent = this.indents.pop();
}
scalar(value, context, known) {
this.increaseIndent(true);
const split = context.simpleKey !== true;
if (typeof value === "string") {
const analysis = known ?? analyzeScalar(value);
const plain = plainIsString(value) &&
analysis.allowBlockPlain &&
!(context.simpleKey && (analysis.empty || analysis.multiline));
if (plain)
this.writePlain(analysis.chars, split);
else if (analysis.allowSingleQuoted && !(context.simpleKey && analysis.multiline))
this.writeSingleQuoted(analysis.chars, split);
else
this.writeDoubleQuoted(analysis.chars, split);
}
else {
const text = value === null
? "null"
: typeof value === "boolean"
? String(value)
: typeof value === "bigint"
? value.toString()
: pyyamlFloat(value);
this.writePlain([text], split);
}
this.indent = this.indents.pop();
}
write(data, width) {
this.column += width;
this.out.push(data);
}
writeIndicator(indicator, needWhitespace, whitespace = false, indention = false) {
const data = this.whitespace || !needWhitespace ? indicator : ` ${indicator}`;
this.whitespace = whitespace;
this.indention = this.indention && indention;
this.write(data, data.length);
}
writeIndent() {
const indent = this.indent ?? 0;
if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
this.writeLineBreak();
}
if (this.column < indent) {
this.whitespace = true;
this.write(" ".repeat(indent - this.column), indent - this.column);
}
}
writeLineBreak(data = "\n") {
this.whitespace = true;
this.indention = true;
this.column = 0;
this.out.push(data);
}
writePlain(text, split) {
if (text.length === 0)
return;
if (!this.whitespace)
this.write(" ", 1);
this.whitespace = false;
this.indention = false;
if (text.length === 1) {
this.write(text[0], Array.from(text[0]).length);
return;
}
let spaces = false;
let start = 0;
for (let end = 0; end <= text.length; end++) {
const ch = text[end];
if (spaces) {
if (ch !== " ") {
if (start + 1 === end && this.column > BEST_WIDTH && split) {
this.writeIndent();
this.whitespace = false;
this.indention = false;
}
else {
this.write(text.slice(start, end).join(""), end - start);
}
start = end;
}
}
else if (ch === undefined || ch === " ") {
this.write(text.slice(start, end).join(""), end - start);
start = end;
}
if (ch !== undefined)
spaces = ch === " ";
}
}
writeSingleQuoted(text, split) {
this.writeIndicator("'", true);
let spaces = false;
let breaks = false;
let start = 0;
for (let end = 0; end <= text.length; end++) {
const ch = text[end];
if (spaces) {
if (ch === undefined || ch !== " ") {
if (start + 1 === end &&
this.column > BEST_WIDTH &&
split &&
start !== 0 &&
end !== text.length) {
this.writeIndent();
}
else {
this.write(text.slice(start, end).join(""), end - start);
}
start = end;
}
}
else if (breaks) {
if (ch === undefined || !BREAKS.includes(ch)) {
if (text[start] === "\n")
this.writeLineBreak();
for (const br of text.slice(start, end))
this.writeLineBreak(br === "\n" ? "\n" : br);
this.writeIndent();
start = end;
}
}
else if (ch === undefined || ch === " " || BREAKS.includes(ch) || ch === "'") {
if (start < end) {
this.write(text.slice(start, end).join(""), end - start);
start = end;
}
}
if (ch === "'") {
this.write("''", 2);
start = end + 1;
}
if (ch !== undefined) {
spaces = ch === " ";
breaks = BREAKS.includes(ch);
}
}
this.writeIndicator("'", false);
}
writeDoubleQuoted(text, split) {
this.writeIndicator("\"", true);
let start = 0;
for (let end = 0; end <= text.length; end++) {
const ch = text[end];
if (ch === undefined ||
"\"\\\u0085\u2028\u2029\uFEFF".includes(ch) ||
!(ch >= " " && ch <= "~")) {
if (start < end) {
this.write(text.slice(start, end).join(""), end - start);
start = end;
}
if (ch !== undefined) {
const code = ch.codePointAt(0);
const data = ESCAPES[ch] !== undefined
? `\\${ESCAPES[ch]}`
: code <= 255
? `\\x${hex(code, 2)}`
: code <= 65535
? `\\u${hex(code, 4)}`
: `\\U${hex(code, 8)}`;
this.write(data, data.length);
start = end + 1;
}
}
if (end > 0 &&
end < text.length - 1 &&
(ch === " " || start >= end) &&
this.column + (end - start) > BEST_WIDTH &&
split) {
const data = `${text.slice(start, end).join("")}\\`;
if (start < end)
start = end;
this.write(data, Array.from(data).length);
this.writeIndent();
this.whitespace = false;
this.indention = false;
if (text[start] === " ")
this.write("\\", 1);
}
}
this.writeIndicator("\"", false);
}
}
function hex(code, width) {
return code.toString(16).toUpperCase().padStart(width, "0");
}
function dumpPyYaml(root) {
return new PyYamlEmitter().dump(root);
}
})
};
