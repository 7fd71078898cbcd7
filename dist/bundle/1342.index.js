export const id = 1342;
export const ids = [1342, 3618];
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
9314: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
hc: () => (createOrchestrator)
});
var _options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7276);
var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5203);
var _poll_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6313);
async function createOrchestrator(cluster, options = {}) {
const resolved = (0, _options_js__WEBPACK_IMPORTED_MODULE_0__.$i)(options);
switch (cluster.kind) {
case "command":
return new (await __webpack_require__.e(6043).then(__webpack_require__.bind(__webpack_require__, 6043))).CommandOrchestrator(cluster, resolved);
case "mlrun":
return new (await __webpack_require__.e(818).then(__webpack_require__.bind(__webpack_require__, 818))).MlrunOrchestrator(cluster, resolved);
case "kfp":
return new (await __webpack_require__.e(6797).then(__webpack_require__.bind(__webpack_require__, 6797))).KfpOrchestrator(cluster, resolved);
case "argo":
return new (await __webpack_require__.e(4068).then(__webpack_require__.bind(__webpack_require__, 4068))).ArgoOrchestrator(cluster, resolved);
}
}
}),
7276: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
$i: () => (resolveOptions),
n5: () => (readSecret)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _poll_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6313);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
const silentLog = {
info: () => { },
debug: () => { },
warning: () => { },
error: () => { },
group: (_title, fn) => fn(),
secret: () => { }
};
function resolveOptions(options = {}) {
const env = options.env ?? process.env;
const fromEnv = Number(env.PROMOTE_POLL_SCALE);
const scale = options.pollScale ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 1);
const timerClock = options.clock ?? _poll_js__WEBPACK_IMPORTED_MODULE_1__.dQ;
const clock = (0, _poll_js__WEBPACK_IMPORTED_MODULE_1__.vs)(timerClock, scale);
const secrets = new Set();
const baseLog = options.log ?? silentLog;
const log = {
info: message => baseLog.info(message),
debug: message => baseLog.debug(message),
warning: (message, where) => baseLog.warning(message, where),
error: (message, where) => baseLog.error(message, where),
group: (title, fn) => baseLog.group(title, fn),
secret: value => {
if (value)
secrets.add(value);
baseLog.secret(value);
}
};
return {
env,
cwd: options.cwd ?? process.cwd(),
log,
scrub: text => [...secrets].reduce((out, secret) => out.split(secret).join("***"), text),
clock,
timerClock,
schedule: options.schedule ?? (0, _poll_js__WEBPACK_IMPORTED_MODULE_1__.g4)(),
sleep: ms => clock.sleep(ms),
...(options.fetch && { fetch: options.fetch }),
requestTimeoutMs: options.requestTimeoutMs ?? 30000,
...(options.scope && { scope: options.scope })
};
}
function readSecret(env, name, log, what) {
if (!name)
return undefined;
const value = env[name];
if (!value) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`${what}: the environment variable ${name} is empty or unset (pass the secret to the step as env: ${name}: \${{ secrets.${name} }})`);
}
(0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.cl)(value);
log.secret(value);
return value;
}
}),
6313: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Ar: () => (pollUntilDone),
Hd: () => (isTerminal),
KV: () => (stopRun),
Un: () => (cancelAndConfirm),
dQ: () => (realClock),
g4: () => (adaptiveSchedule),
vs: () => (scaledClock)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _core_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8571);
var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3618);
var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5203);
function adaptiveSchedule(options = {}) {
const { minMs = 1000, growth = 0.5, settleMs = 10000, ratio = 0.05, maxMs = 30000, jitter = 0.05, random = Math.random } = options;
return elapsedMs => {
const share = elapsedMs * ratio;
const base = share >= settleMs
? Math.min(maxMs, share)
: Math.min(settleMs, Math.max(minMs, elapsedMs * growth));
return Math.floor(base * (1 - jitter * random()));
};
}
function fixedSchedule(intervalMs) {
return () => intervalMs;
}
const MAX_TIMER_MS = 2 ** 31 - 1;
const realClock = {
now: () => Date.now(),
sleep: (ms, signal) => new Promise((resolve, reject) => {
if (signal?.aborted)
return reject(abortReason(signal));
let left = Math.max(0, ms);
let timer;
const next = () => {
const chunk = Math.min(left, MAX_TIMER_MS);
left -= chunk;
timer = setTimeout(() => {
if (left > 0)
return next();
signal?.removeEventListener("abort", onAbort);
resolve();
}, chunk);
};
const onAbort = () => {
clearTimeout(timer);
reject(abortReason(signal));
};
signal?.addEventListener("abort", onAbort, { once: true });
next();
})
};
function abortReason(signal) {
return signal.reason ?? new Error("aborted");
}
function scaledClock(clock, scale) {
if (scale === 1)
return clock;
return { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms * scale, signal) };
}
function isTerminal(status) {
return _types_js__WEBPACK_IMPORTED_MODULE_3__.kl.includes(status.state);
}
const MAX_CONSECUTIVE_POLL_FAILURES = 4;
const CANCEL_CONFIRM_MS = 60000;
const CANCEL_CHECK_EVERY_MS = 2000;
async function cancelAndConfirm(options) {
const { runId, clock } = options;
const scrub = options.scrub ?? (text => text);
try {
await options.requestCancel();
}
catch (error) {
const now = await options.getStatus().catch(() => undefined);
if (now && isTerminal(now))
return now;
throw new _types_js__WEBPACK_IMPORTED_MODULE_3__.O8(runId, `the orchestrator refused: ${scrub((0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(error))}`, now);
}
const windowMs = options.confirmWithinMs ?? CANCEL_CONFIRM_MS;
const checks = Math.max(1, Math.ceil(windowMs / CANCEL_CHECK_EVERY_MS));
let last;
let lastError;
for (let check = 0;; check++) {
try {
last = await options.getStatus();
lastError = undefined;
if (isTerminal(last))
return last;
}
catch (error) {
lastError = error;
}
if (check >= checks)
break;
await clock.sleep(CANCEL_CHECK_EVERY_MS);
}
throw new _types_js__WEBPACK_IMPORTED_MODULE_3__.O8(runId, lastError !== undefined
? `its status could not be read after the cancel request: ${scrub((0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(lastError))}`
: `the cancel request was accepted, but the run is still ${last?.rawState ?? "going"} ${(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_1__.a)(windowMs)} later`, last);
}
function transient(error) {
if (!(error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__.j$))
return false;
return error.status === undefined || error.status >= 500 || error.status === 429;
}
async function stopRun(kind, cancel, last, timeoutMs) {
let final;
let cancelError;
try {
const confirmed = await cancel();
const finishedFirst = confirmed.state === "succeeded" || confirmed.state === "skipped";
final = finishedFirst ? confirmed : { ...confirmed, state: "cancelled" };
}
catch (error) {
cancelError = (0, _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.gJ)(error);
final = (error instanceof _types_js__WEBPACK_IMPORTED_MODULE_3__.O8 && error.status) || last;
}
if (kind === "timeout")
throw new _types_js__WEBPACK_IMPORTED_MODULE_3__.NE(final, timeoutMs, cancelError);
throw new _types_js__WEBPACK_IMPORTED_MODULE_3__.$H(final, cancelError);
}
async function pollUntilDone(options) {
const { clock, schedule, signal } = options;
const started = clock.now() - (options.elapsedMs ?? 0);
const deadline = started + options.timeoutMs;
let last = {
runId: options.runId,
state: "pending",
rawState: "unknown",
steps: [],
results: {}
};
let failures = 0;
const stop = (kind) => stopRun(kind, () => options.cancel(), last, options.timeoutMs);
for (;;) {
if (signal?.aborted)
return stop("abort");
try {
last = await options.getStatus();
failures = 0;
options.onStatus?.(last);
if (isTerminal(last))
return last;
}
catch (error) {
if (signal?.aborted)
return stop("abort");
if (!transient(error) || ++failures >= MAX_CONSECUTIVE_POLL_FAILURES)
throw error;
options.onRetry?.(error);
}
const now = clock.now();
if (now >= deadline)
return stop("timeout");
try {
await clock.sleep(Math.min(schedule(now - started), deadline - now), signal);
}
catch {
if (signal?.aborted)
return stop("abort");
throw new Error("poll sleep failed");
}
}
}
}),
5203: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
$H: () => (RunAbortedError),
Bt: () => (LABEL_RUN),
NE: () => (RunTimeoutError),
O8: () => (CancelFailedError),
Op: () => (LABEL_REPOSITORY),
bP: () => (LABEL_MODE),
kY: () => (LABEL_SUBMISSION),
kl: () => (TERMINAL_STATES),
zq: () => (LABEL_ATTEMPT)
});
const TERMINAL_STATES = ["succeeded", "failed", "cancelled", "skipped"];
const LABEL_RUN = "promote-actions/run";
const LABEL_ATTEMPT = "promote-actions/attempt";
const LABEL_SUBMISSION = "promote-actions/submission";
const LABEL_REPOSITORY = "promote-actions/repository";
const LABEL_MODE = "promote-actions/mode";
class RunTimeoutError extends Error {
status;
timeoutMs;
cancelError;
constructor(status, timeoutMs, cancelError) {
super(cancelError
? `run ${status.runId} did not finish within the timeout, and cancelling it failed: ${cancelError}`
: `run ${status.runId} did not finish within the timeout; it was cancelled`);
this.status = status;
this.timeoutMs = timeoutMs;
this.cancelError = cancelError;
this.name = "RunTimeoutError";
}
}
class RunAbortedError extends Error {
status;
cancelError;
constructor(status, cancelError) {
super(cancelError
? `the job was cancelled, and cancelling run ${status.runId} failed: ${cancelError}`
: `run ${status.runId} was cancelled because the job was cancelled`);
this.status = status;
this.cancelError = cancelError;
this.name = "RunAbortedError";
}
}
class CancelFailedError extends Error {
runId;
reason;
status;
constructor(runId, reason, status) {
super(`could not cancel run ${runId}: ${reason}`);
this.runId = runId;
this.reason = reason;
this.status = status;
this.name = "CancelFailedError";
}
}
}),
8557: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Fl: () => (formatValue),
Gc: () => (renderMarkdown),
S5: () => (renderText)
});
const ICON = { pass: "\u2705", fail: "\u274C", warn: "\u26A0\uFE0F", skip: "\u23ED\uFE0F", info: "\u2139\uFE0F" };
const WORD = {
pass: "PASS",
fail: "FAIL",
warn: "WARN",
skip: "SKIP",
info: "INFO"
};
function verdictIcon(verdict) {
return ICON[verdict];
}
function escapeCell(text) {
return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}
function markdownTable(table) {
const lines = [];
if (table.title)
lines.push(`**${table.title}**`, "");
lines.push(`| ${table.columns.map(escapeCell).join(" | ")} |`);
lines.push(`| ${table.columns.map(() => "---").join(" | ")} |`);
for (const row of table.rows)
lines.push(`| ${row.map(escapeCell).join(" | ")} |`);
lines.push("");
return lines;
}
function renderMarkdown(report) {
const lines = [`## ${ICON[report.verdict]} ${report.title}`, ""];
if (report.facts?.length)
lines.push(...markdownTable({ columns: ["", ""], rows: report.facts.map(([k, v]) => [`**${k}**`, v]) }));
for (const section of report.sections) {
lines.push(`### ${section.verdict ? `${ICON[section.verdict]} ` : ""}${section.title}`, "");
for (const paragraph of section.text ?? [])
lines.push(paragraph, "");
if (section.facts?.length)
lines.push(...markdownTable({
columns: ["", ""],
rows: section.facts.map(([k, v]) => [`**${k}**`, v])
}));
for (const table of section.tables ?? [])
lines.push(...markdownTable(table));
if (section.items?.length)
lines.push(...section.items.map(item => `- ${item}`), "");
}
if (report.links?.length)
lines.push(report.links.map(link => `[${link.label}](${link.url})`).join(" \u00B7 "), "");
return lines.join("\n");
}
function pad(text, width) {
return text + " ".repeat(Math.max(0, width - [...text].length));
}
function textTable(table, indent) {
const widths = table.columns.map((c, i) => Math.max([...c].length, ...table.rows.map(r => [...(r[i] ?? "")].length)));
const line = (cells) => indent +
cells
.map((c, i) => pad(c, widths[i]))
.join("  ")
.trimEnd();
const out = [];
if (table.title)
out.push(`${indent}${table.title}`);
out.push(line(table.columns), indent + widths.map(w => "-".repeat(w)).join("  "));
for (const row of table.rows)
out.push(line(row));
return out;
}
function renderText(report) {
const out = [`${WORD[report.verdict]}  ${report.title}`];
const factLines = (facts, indent) => {
const width = Math.max(...facts.map(([k]) => k.length));
return facts.map(([k, v]) => `${indent}${pad(k, width)}  ${v}`);
};
if (report.facts?.length)
out.push(...factLines(report.facts, "  "));
for (const section of report.sections) {
out.push("", `  ${section.verdict ? `[${WORD[section.verdict]}] ` : ""}${section.title}`);
for (const paragraph of section.text ?? [])
out.push(`    ${paragraph}`);
if (section.facts?.length)
out.push(...factLines(section.facts, "    "));
for (const table of section.tables ?? [])
out.push(...textTable(table, "    "));
for (const item of section.items ?? [])
out.push(`    - ${item}`);
}
for (const link of report.links ?? [])
out.push(`  ${link.label}: ${link.url}`);
return out.join("\n");
}
function formatValue(value) {
if (value === undefined || value === null)
return "\u2014";
if (typeof value === "number")
return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
if (typeof value === "string")
return value;
return JSON.stringify(value);
}
})
};
