import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_modules__ = ({
8316: ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
__nccwpck_require__.d(__webpack_exports__, {
Fm: () => (proxyAwareFetch),
kA: () => (loadUndiciWhenProxied),
th: () => (proxyForUrl)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4296);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8198);
var _undici_deferred_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7384);
const DEFAULT_PORTS = { "http:": 80, "https:": 443 };
function read(env, name) {
for (const key of [name.toLowerCase(), name.toUpperCase()]) {
const value = env[key]?.trim();
if (value)
return { name: key, value };
}
return undefined;
}
function proxyUrl(variable) {
const text = variable.value.includes("://") ? variable.value : `http://${variable.value}`;
let url;
try {
url = new URL(text);
}
catch {
url = undefined;
}
if (!url || !/^https?:$/.test(url.protocol) || !url.hostname) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`the proxy in ${variable.name} is not an http:// or https:// URL (expected e.g. http://proxy.example.com:3128)`);
}
if (url.username || url.password)
(0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.cl)(url.href);
return url.href;
}
function proxySettings(env = process.env) {
const http = read(env, "http_proxy");
const https = read(env, "https_proxy");
if (!http && !https)
return undefined;
return {
...(http && { httpProxy: proxyUrl(http) }),
...(https && { httpsProxy: proxyUrl(https) }),
noProxy: read(env, "no_proxy")?.value ?? ""
};
}
function bypassesProxy(url, noProxy) {
const value = noProxy.trim();
if (value === "*")
return true;
const hostname = url.host.replace(/:\d*$/, "").toLowerCase();
const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
for (const entry of value.split(/[,\s]/)) {
if (!entry)
continue;
const parsed = /^(.+):(\d+)$/.exec(entry);
const host = (parsed ? parsed[1] : entry).toLowerCase();
const entryPort = parsed ? Number.parseInt(parsed[2], 10) : 0;
if (entryPort && entryPort !== port)
continue;
if (/^[.*]/.test(host) ? hostname.endsWith(host.replace(/^\*/, "")) : hostname === host)
return true;
}
return false;
}
function proxyForUrl(url, env = process.env) {
const settings = proxySettings(env);
if (!settings)
return undefined;
const target = new URL(url);
if (!/^https?:$/.test(target.protocol) || bypassesProxy(target, settings.noProxy))
return undefined;
return target.protocol === "https:"
? (settings.httpsProxy ?? settings.httpProxy)
: settings.httpProxy;
}
const proxiedFetches = new Map();
function proxyAwareFetch(env = process.env) {
const settings = proxySettings(env);
if (!settings)
return globalThis.fetch;
const key = JSON.stringify(settings);
let proxied = proxiedFetches.get(key);
if (!proxied) {
const client = (0, _undici_deferred_js__WEBPACK_IMPORTED_MODULE_2__.b7)().then(({ EnvHttpProxyAgent, fetch }) => ({
fetch,
dispatcher: new EnvHttpProxyAgent({
httpProxy: settings.httpProxy ?? "",
httpsProxy: settings.httpsProxy ?? "",
noProxy: settings.noProxy
})
}));
proxied = (async (input, init) => {
const { fetch, dispatcher } = await client;
return fetch(input, { ...init, dispatcher });
});
proxiedFetches.set(key, proxied);
}
return proxied;
}
async function loadUndiciWhenProxied(env = process.env) {
if (proxySettings(env))
await (0, _undici_deferred_js__WEBPACK_IMPORTED_MODULE_2__.b7)();
}
}),
7384: ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
__nccwpck_require__.d(__webpack_exports__, {
b7: () => (loadUndici),
hd: () => (fetch),
kT: () => (ProxyAgent)
});
let real;
let loading;
function loadUndici() {
loading ??= __nccwpck_require__.e(6752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19)).then(module => (real = module));
return loading;
}
function fetch(...args) {
return loadUndici().then(undici => undici.fetch(...args));
}
class ProxyAgent {
constructor(options) {
if (!real)
throw new Error("internal: a proxy agent was needed before undici was loaded (loadUndiciWhenProxied was not awaited at start-up)");
return new real.ProxyAgent(options);
}
}
}),
4296: ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
__nccwpck_require__.d(__webpack_exports__, {
ConfigurationError: () => (ConfigurationError),
Vw: () => (formatProblem),
XQ: () => (RefusalError),
bp: () => (describeValue),
gJ: () => (errorMessage),
p0: () => (isConfigurationError)
});
var _log_safety_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(276);
function formatProblem(problem) {
const where = [problem.file, problem.line, problem.column].filter(v => v !== undefined).join(":");
const field = problem.path ? `${problem.path}: ` : "";
if (!where)
return `${field}${problem.message}`;
return problem.line === undefined && !field
? `${where}: ${problem.message}`
: `${where} ${field}${problem.message}`;
}
class ConfigurationError extends Error {
problems;
constructor(problems, heading) {
const list = typeof problems === "string" ? [{ message: problems }] : problems;
const lines = list.map(formatProblem);
const text = lines.length === 1 && !heading
? lines[0]
: [heading ?? `${lines.length} problems`, ...lines.map(l => `  - ${l}`)].join("\n");
super(text);
this.name = "ConfigurationError";
this.problems = list;
}
}
class RefusalError extends ConfigurationError {
refusal;
constructor(refusal) {
super(`${refusal.reason}. Rule: ${refusal.rule}. Fix: ${refusal.fix}`);
this.refusal = refusal;
}
}
function isConfigurationError(error) {
return (error instanceof ConfigurationError ||
error?.name === "ConfigurationError");
}
function errorMessage(error) {
return error instanceof Error ? error.message : String(error);
}
function describeValue(value) {
if (value === null)
return "null";
if (value === undefined)
return "nothing";
if (typeof value === "string")
return `'${(0, _log_safety_js__WEBPACK_IMPORTED_MODULE_0__.g)(value.length > 40 ? `${value.slice(0, 37)}...` : value)}'`;
if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
return String(value);
if (Array.isArray(value))
return "a list";
if (value instanceof Uint8Array)
return "binary data";
if (value instanceof Date)
return "a date";
if (value instanceof Map || value instanceof Set)
return "a YAML collection with non-string keys";
return typeof value === "object" ? "a mapping" : typeof value;
}
}),
276: ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
__nccwpck_require__.d(__webpack_exports__, {
g: () => (printable),
t: () => (neutralizeWorkflowCommands)
});
const BREAK = "\u200B";
const COMMAND_START = /^(\s*)::/;
const LEGACY_COMMAND = /##\[/g;
function neutralizeWorkflowCommands(text) {
if (!text.includes("::") && !text.includes("##["))
return text;
return text
.split("\n")
.map(line => line.replace(COMMAND_START, `$1${BREAK}::`).replace(LEGACY_COMMAND, `##${BREAK}[`))
.join("\n");
}
const CONTROL = /\r\n?|\n|[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g;
const NAMED = { "\n": "\\n", "\r": "\\r", "\r\n": "\\r\\n" };
function printable(value) {
return value.replace(CONTROL, c => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
}),
8198: ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {
__nccwpck_require__.d(__webpack_exports__, {
O3: () => (secrets),
Zg: () => (scrubSecrets),
cl: () => (registerSecret)
});
const REDACTED = "***";
const MIN_SECRET_LENGTH = 4;
const AUTH_HEADER_VALUE = /\b(Bearer|Basic)(\s+|%20|\+)(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{8,}=*/gi;
const base64 = (text) => Buffer.from(text, "utf8").toString("base64");
const base64url = (text) => Buffer.from(text, "utf8").toString("base64url");
function safeDecode(text) {
try {
return decodeURIComponent(text);
}
catch {
return text;
}
}
function writtenForms(value) {
const forms = [value, value.trim(), JSON.stringify(value).slice(1, -1)];
forms.push(encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, "+"));
const encoded = base64(value);
forms.push(encoded, encoded.replace(/=+$/, ""), base64url(value));
return forms;
}
class SecretScrubber {
forms = new Set();
listeners = [];
pattern;
add(secret) {
if (!secret || secret.trim().length < MIN_SECRET_LENGTH)
return;
for (const form of writtenForms(secret))
this.addForm(form);
this.addUrlParts(secret.trim());
}
addBasic(username, password) {
this.add(password);
const pair = `${username}:${password}`;
if (pair.length < MIN_SECRET_LENGTH)
return;
const encoded = base64(pair);
for (const form of [
encoded,
encoded.replace(/=+$/, ""),
encodeURIComponent(encoded),
base64url(pair)
])
this.addForm(form);
}
addAuthorization(value) {
if (!value)
return;
const match = /^\s*(?:Bearer|Basic|token)\s+(.+)$/i.exec(value);
this.add(match ? match[1] : value);
if (match && /^Basic$/i.test(value.trim().split(/\s+/)[0] ?? "")) {
const decoded = Buffer.from(match[1].trim(), "base64").toString("utf8");
const colon = decoded.indexOf(":");
if (colon > 0)
this.add(decoded.slice(colon + 1));
}
}
onAdd(listener) {
for (const form of this.forms)
listener(form);
this.listeners.push(listener);
return () => {
const index = this.listeners.indexOf(listener);
if (index >= 0)
this.listeners.splice(index, 1);
};
}
scrub(text) {
if (!text)
return text;
let out = text;
if (this.forms.size) {
this.pattern ??= new RegExp([...this.forms]
.sort((a, b) => b.length - a.length)
.map(form => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
.join("|"), "g");
out = out.replace(this.pattern, REDACTED);
}
return out.replace(AUTH_HEADER_VALUE, `$1$2${REDACTED}`);
}
scrubValue(value) {
if (typeof value === "string")
return this.scrub(value);
if (Array.isArray(value))
return value.map(item => this.scrubValue(item));
if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.scrub(key), this.scrubValue(item)]));
}
return value;
}
leaks(text) {
return this.scrub(text) !== text;
}
addForm(form) {
if (form.length < MIN_SECRET_LENGTH || this.forms.has(form))
return;
this.forms.add(form);
this.pattern = undefined;
for (const listener of this.listeners)
listener(form);
}
addUrlParts(value) {
if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
return;
let url;
try {
url = new URL(value);
}
catch {
return;
}
if (url.password) {
for (const password of new Set([url.password, safeDecode(url.password)]))
this.add(password);
this.addBasic(safeDecode(url.username), safeDecode(url.password));
}
else if (url.username) {
this.add(safeDecode(url.username));
}
else if (url.pathname.length >= 16) {
this.add(url.pathname + url.search);
}
}
}
const secrets = new SecretScrubber();
const registerSecret = (value) => secrets.add(value);
const registerBasicCredentials = (username, password) => secrets.addBasic(username, password);
const scrubSecrets = (text) => secrets.scrub(text);
const scrubSecretsIn = (value) => secrets.scrubValue(value);
}),
2613: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
}),
5317: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
}),
6982: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
}),
2250: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");
}),
4434: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
}),
9896: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
}),
8611: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");
}),
5675: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");
}),
5692: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");
}),
9278: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");
}),
4589: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");
}),
6698: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");
}),
4573: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
}),
1421: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
}),
7540: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");
}),
7598: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
}),
3053: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");
}),
610: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");
}),
8474: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
}),
3024: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
}),
1455: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
}),
7067: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
}),
2467: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");
}),
8995: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
}),
7030: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
}),
8161: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
}),
6760: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
}),
643: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");
}),
1792: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");
}),
481: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
}),
7075: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
}),
1692: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
}),
3136: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
}),
7975: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
}),
3429: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");
}),
5919: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
}),
8522: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
}),
857: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
}),
6928: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
}),
2203: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");
}),
3193: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
}),
3557: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
}),
4756: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");
}),
2018: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");
}),
7016: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
}),
9023: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");
}),
3106: ((module) => {
module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");
})
});
var __webpack_module_cache__ = {};
function __nccwpck_require__(moduleId) {
var cachedModule = __webpack_module_cache__[moduleId];
if (cachedModule !== undefined) {
return cachedModule.exports;
}
var module = __webpack_module_cache__[moduleId] = {
exports: {}
};
var threw = true;
try {
__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
threw = false;
}
finally {
if (threw)
delete __webpack_module_cache__[moduleId];
}
return module.exports;
}
__nccwpck_require__.m = __webpack_modules__;
if (typeof __nccwpck_require__ !== "undefined")
__nccwpck_require__.ab = decodeURIComponent(new URL(".", import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
(() => {
var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
var resolveQueue = (queue) => {
if (queue && queue.d < 1) {
queue.d = 1;
queue.forEach((fn) => (fn.r--));
queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
}
};
var wrapDeps = (deps) => (deps.map((dep) => {
if (dep !== null && typeof dep === "object") {
if (dep[webpackQueues])
return dep;
if (dep.then) {
var queue = [];
queue.d = 0;
dep.then((r) => {
obj[webpackExports] = r;
resolveQueue(queue);
}, (e) => {
obj[webpackError] = e;
resolveQueue(queue);
});
var obj = {};
obj[webpackQueues] = (fn) => (fn(queue));
return obj;
}
}
var ret = {};
ret[webpackQueues] = x => { };
ret[webpackExports] = dep;
return ret;
}));
__nccwpck_require__.a = (module, body, hasAwait) => {
var queue;
hasAwait && ((queue = []).d = -1);
var depQueues = new Set();
var exports = module.exports;
var currentDeps;
var outerResolve;
var reject;
var promise = new Promise((resolve, rej) => {
reject = rej;
outerResolve = resolve;
});
promise[webpackExports] = exports;
promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => { }));
module.exports = promise;
body((deps) => {
currentDeps = wrapDeps(deps);
var fn;
var getResult = () => (currentDeps.map((d) => {
if (d[webpackError])
throw d[webpackError];
return d[webpackExports];
}));
var promise = new Promise((resolve) => {
fn = () => (resolve(getResult));
fn.r = 0;
var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
});
return fn.r ? promise : getResult();
}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
queue && queue.d < 0 && (queue.d = 0);
};
})();
(() => {
__nccwpck_require__.n = (module) => {
var getter = module && module.__esModule ?
() => (module["default"]) :
() => (module);
__nccwpck_require__.d(getter, { a: getter });
return getter;
};
})();
(() => {
var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
var leafPrototypes;
__nccwpck_require__.t = function (value, mode) {
if (mode & 1)
value = this(value);
if (mode & 8)
return value;
if (typeof value === "object" && value) {
if ((mode & 4) && value.__esModule)
return value;
if ((mode & 16) && typeof value.then === "function")
return value;
}
var ns = Object.create(null);
__nccwpck_require__.r(ns);
var def = {};
leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
for (var current = mode & 2 && value; typeof current == "object" && !~leafPrototypes.indexOf(current); current = getProto(current)) {
Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
}
def["default"] = () => (value);
__nccwpck_require__.d(ns, def);
return ns;
};
})();
(() => {
__nccwpck_require__.d = (exports, definition) => {
for (var key in definition) {
if (__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
}
}
};
})();
(() => {
__nccwpck_require__.f = {};
__nccwpck_require__.e = (chunkId) => {
return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
__nccwpck_require__.f[key](chunkId, promises);
return promises;
}, []));
};
})();
(() => {
__nccwpck_require__.u = (chunkId) => {
return "" + chunkId + ".index.js";
};
})();
(() => {
__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop));
})();
(() => {
__nccwpck_require__.r = (exports) => {
if (typeof Symbol !== "undefined" && Symbol.toStringTag) {
Object.defineProperty(exports, Symbol.toStringTag, { value: "Module" });
}
Object.defineProperty(exports, "__esModule", { value: true });
};
})();
(() => {
var installedChunks = {
8792: 0
};
var installChunk = (data) => {
var { ids, modules, runtime } = data;
var moduleId, chunkId, i = 0;
for (moduleId in modules) {
if (__nccwpck_require__.o(modules, moduleId)) {
__nccwpck_require__.m[moduleId] = modules[moduleId];
}
}
if (runtime)
runtime(__nccwpck_require__);
for (; i < ids.length; i++) {
chunkId = ids[i];
if (__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
installedChunks[chunkId][0]();
}
installedChunks[ids[i]] = 0;
}
};
__nccwpck_require__.f.j = (chunkId, promises) => {
var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
if (installedChunkData !== 0) {
if (installedChunkData) {
promises.push(installedChunkData[1]);
}
else {
if (true) {
var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
if (installedChunks[chunkId] !== 0)
installedChunks[chunkId] = undefined;
throw e;
});
var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))]);
promises.push(installedChunkData[1] = promise);
}
}
}
};
})();
var __webpack_exports__ = {};
__nccwpck_require__.d(__webpack_exports__, {
O: () => (ENTRY_NAMES),
n: () => (start)
});
var _adapters_proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8316);
const ENTRIES = {
"submit-train": async () => (await Promise.all([__nccwpck_require__.e(5842), __nccwpck_require__.e(3243), __nccwpck_require__.e(6058), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(1342), __nccwpck_require__.e(9018), __nccwpck_require__.e(3202)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3202))).run(),
"submit-train/post": async () => (await Promise.all([__nccwpck_require__.e(5842), __nccwpck_require__.e(3243), __nccwpck_require__.e(6058), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(1342), __nccwpck_require__.e(6050)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3669))).run(),
"submit-deploy": async () => (await Promise.all([__nccwpck_require__.e(5842), __nccwpck_require__.e(3243), __nccwpck_require__.e(6058), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(4414), __nccwpck_require__.e(1342), __nccwpck_require__.e(9018), __nccwpck_require__.e(7846), __nccwpck_require__.e(512), __nccwpck_require__.e(2885), __nccwpck_require__.e(8624)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8624))).run(),
"submit-deploy/post": async () => (await Promise.all([__nccwpck_require__.e(5842), __nccwpck_require__.e(3243), __nccwpck_require__.e(6058), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(1342), __nccwpck_require__.e(7846), __nccwpck_require__.e(5452)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5452))).run(),
"lint-test": async () => (await Promise.all([__nccwpck_require__.e(5842), __nccwpck_require__.e(3243), __nccwpck_require__.e(6058), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(4414), __nccwpck_require__.e(7846), __nccwpck_require__.e(7029), __nccwpck_require__.e(4869), __nccwpck_require__.e(6569)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7826))).run(),
notify: async () => (await Promise.all([__nccwpck_require__.e(5842), __nccwpck_require__.e(3243), __nccwpck_require__.e(6058), __nccwpck_require__.e(7967), __nccwpck_require__.e(9168), __nccwpck_require__.e(3660), __nccwpck_require__.e(1300), __nccwpck_require__.e(3256)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7759))).run(),
cli: async () => {
await __nccwpck_require__.e(486).then(__nccwpck_require__.bind(__nccwpck_require__, 486));
}
};
const ENTRY_NAMES = Object.keys(ENTRIES);
async function start(name) {
try {
await (0, _adapters_proxy_js__WEBPACK_IMPORTED_MODULE_0__.kA)();
}
catch {
}
return ENTRIES[name]();
}
var __webpack_exports__ENTRY_NAMES = __webpack_exports__.O;
var __webpack_exports__start = __webpack_exports__.n;
export { __webpack_exports__ENTRY_NAMES as ENTRY_NAMES, __webpack_exports__start as start };
