export const id = 3618;
export const ids = [3618, 4296];
export const modules = {
3618: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BO: () => (redactUrl),
CM: () => (bearer),
EY: () => (backoffDelay),
HX: () => (basic),
Qq: () => (HttpClient),
j$: () => (HttpError),
mu: () => (parseRetryAfter),
uk: () => (realSleep),
vI: () => (DEFAULT_RETRY)
});
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);
var _proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8316);
const realSleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const DEFAULT_RETRY = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30000 };
class HttpError extends Error {
status;
body;
ambiguous;
retryAfterMs;
constructor(message, status, body, ambiguous = false, retryAfterMs) {
super(message);
this.status = status;
this.body = body;
this.ambiguous = ambiguous;
this.retryAfterMs = retryAfterMs;
this.name = "HttpError";
}
}
function parseRetryAfter(value, now = Date.now()) {
if (!value)
return undefined;
if (/^\d+(\.\d+)?$/.test(value.trim()))
return Number(value) * 1000;
const date = Date.parse(value);
return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function backoffDelay(attempt, policy, random = Math.random) {
const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
class HttpClient {
options;
retry;
sleep;
fetchImpl;
constructor(options) {
this.options = options;
this.retry = { ...DEFAULT_RETRY, ...options.retry };
this.sleep = options.sleep ?? realSleep;
this.fetchImpl = options.fetch ?? (0, _proxy_js__WEBPACK_IMPORTED_MODULE_1__.Fm)(options.env ?? process.env);
for (const [name, value] of Object.entries(options.headers ?? {})) {
if (CREDENTIAL_HEADERS.test(name))
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.addAuthorization(value);
}
}
url(path, query) {
const url = new URL(this.options.baseUrl.replace(/\/+$/, "") + path);
for (const [key, value] of Object.entries(query ?? {})) {
if (value !== undefined)
url.searchParams.set(key, String(value));
}
return url.toString();
}
get(path, options = {}) {
return this.request("GET", path, { idempotent: true, ...options });
}
post(path, options = {}) {
return this.request("POST", path, options);
}
put(path, options = {}) {
return this.request("PUT", path, { idempotent: true, ...options });
}
async request(method, path, options = {}) {
const url = this.url(path, options.query);
const headers = {
accept: "application/json",
"user-agent": "promote-actions",
...this.options.headers,
...options.headers
};
let payload;
if (options.body !== undefined) {
payload = JSON.stringify(options.body);
headers["content-type"] = "application/json";
}
const idempotent = options.idempotent ?? false;
for (let attempt = 0;; attempt++) {
const last = attempt + 1 >= this.retry.attempts;
const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30000);
const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
let response;
try {
response = await this.fetchImpl(url, { method, headers, body: payload, signal });
}
catch (error) {
if (options.signal?.aborted)
throw error;
const reason = _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrub(describeNetworkError(error));
const neverSent = CONNECTION_NEVER_MADE.has(networkErrorCode(error) ?? "");
if ((!idempotent && !neverSent) || last) {
throw new HttpError(`${this.options.service}: ${method} ${linkOf(url)} failed: ${reason}`, undefined, undefined, !neverSent);
}
await this.sleep(backoffDelay(attempt, this.retry));
continue;
}
const body = await readBody(response, response.ok ? options.parse : undefined);
if (response.ok || options.acceptStatus?.includes(response.status)) {
return { status: response.status, body: body, headers: response.headers };
}
const transient = response.status === 429 || response.status >= 500;
const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
if (transient && idempotent && !last) {
await this.sleep(Math.min(retryAfter ?? backoffDelay(attempt, this.retry), this.retry.maxDelayMs * 4));
continue;
}
throw new HttpError(this.describe(method, url, response.status, body), response.status, _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrubValue(body), transient && !idempotent, retryAfter);
}
}
describe(method, url, status, body) {
const detail = this.options.describeError?.(body, status) ??
(typeof body === "string"
? body.slice(0, 500)
: body
? JSON.stringify(body).slice(0, 500)
: "");
const hint = status === 401 || status === 403
? " (check the credentials: the token is missing, wrong or lacks permission)"
: "";
return _core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.scrub(`${this.options.service}: ${method} ${linkOf(url)} returned ${status}${detail ? `: ${detail}` : ""}${hint}`);
}
}
async function readBody(response, parse = JSON.parse) {
const text = await response.text();
if (!text)
return undefined;
try {
return parse(text);
}
catch {
return text;
}
}
const CONNECTION_NEVER_MADE = new Set([
"ECONNREFUSED",
"ENOTFOUND",
"EAI_AGAIN",
"ENETUNREACH",
"EHOSTUNREACH"
]);
function networkErrorCode(error) {
let current = error;
for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
const code = current.code;
if (typeof code === "string")
return code;
current = current.cause;
}
return undefined;
}
function describeNetworkError(error) {
if (error.name === "TimeoutError")
return "timed out";
const causes = [];
for (let cause = error.cause; cause && typeof cause === "object" && causes.length < 5; cause = cause.cause)
causes.push(cause);
const refusal = causes
.map(cause => /^Proxy response \((\d+)\)/.exec(cause.message ?? "")?.[1])
.find(Boolean);
if (refusal) {
return refusal === "407"
? "the proxy wants credentials (407): check the user and password in the proxy URL (http://user:password@host:port)"
: `the proxy refused the connection (${refusal})`;
}
const cause = causes[0];
return ((typeof cause?.code === "string" && cause.code) || cause?.message || error.message);
}
function linkOf(url) {
try {
const parsed = new URL(redactUrl(url));
parsed.search = "";
parsed.hash = "";
return parsed.toString();
}
catch {
return redactUrl(url);
}
}
function redactUrl(url) {
try {
const parsed = new URL(url);
if (parsed.username || parsed.password) {
parsed.username = "***";
parsed.password = "";
}
return parsed.toString();
}
catch {
return url;
}
}
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|x-api-key|private-token|x-v3io-session-key)$/i;
function bearer(token) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.add(token);
return token ? { authorization: `Bearer ${token}` } : {};
}
function basic(username, password) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_0__.O3.addBasic(username, password);
return { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` };
}
}),
8316: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Fm: () => (proxyAwareFetch),
th: () => (proxyForUrl)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
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
const client = __webpack_require__.e(6752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19)).then(({ EnvHttpProxyAgent, fetch }) => ({
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
}),
4296: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
ConfigurationError: () => (ConfigurationError),
Vw: () => (formatProblem),
XQ: () => (RefusalError),
bp: () => (describeValue),
gJ: () => (errorMessage),
p0: () => (isConfigurationError)
});
var _log_safety_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(276);
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
276: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
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
})
};
