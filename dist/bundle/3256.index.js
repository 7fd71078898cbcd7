export const id = 3256;
export const ids = [3256, 3618, 3271, 7852, 6990];
export const modules = {
9990: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Z: () => (eventPayload),
o: () => (githubRunContext)
});
var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
var node_fs__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
function githubRunContext(env) {
const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
const attempt = env.GITHUB_RUN_ATTEMPT;
return {
...(owner && repo && { repository: { owner, repo } }),
sha: env.GITHUB_SHA ?? "",
ref: env.GITHUB_REF ?? "",
...(env.GITHUB_REF_NAME && { branch: env.GITHUB_REF_NAME }),
actor: env.GITHUB_ACTOR ?? "",
...(env.GITHUB_TRIGGERING_ACTOR && { triggeringActor: env.GITHUB_TRIGGERING_ACTOR }),
...(env.GITHUB_RUN_ID && { runId: env.GITHUB_RUN_ID }),
...(attempt && { runAttempt: attempt }),
serverUrl,
...(env.GITHUB_EVENT_NAME && { eventName: env.GITHUB_EVENT_NAME }),
...(env.GITHUB_JOB && { job: env.GITHUB_JOB }),
...(owner &&
repo &&
env.GITHUB_RUN_ID && {
runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}`
})
};
}
function eventPayload(env, warn) {
const path = env.GITHUB_EVENT_PATH;
if (!path)
return {};
let text;
try {
text = (0, node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, "utf8");
}
catch (error) {
warn(`GITHUB_EVENT_PATH ${path} cannot be read (${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_1__.gJ)(error)}): no event payload`);
return {};
}
try {
const payload = JSON.parse(text);
if (payload && typeof payload === "object" && !Array.isArray(payload))
return payload;
warn(`GITHUB_EVENT_PATH ${path} holds no JSON object: no event payload`);
}
catch (error) {
warn(`GITHUB_EVENT_PATH ${path} is not JSON (${(0, _core_errors_js__WEBPACK_IMPORTED_MODULE_1__.gJ)(error)}): no event payload`);
}
return {};
}
}),
9120: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Gi: () => (matrixInput),
Ko: () => (readInputs),
Ts: () => (durationInput),
VE: () => (optionalBooleanInput),
gE: () => (objectInput),
tE: () => (booleanInput)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
var _core_zod_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2158);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _core_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8571);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8198);
var _surfaces_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6845);
var _core_yaml_library_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5650);
function failTransform(payload, message) {
payload.issues.push({ code: "custom", message, input: payload.value });
return _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.tmp;
}
const booleanInput = (defaultValue) => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.FsL(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), String(defaultValue)), _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.pdi((value, payload) => {
const normal = value.trim().toLowerCase();
if (["true", "yes", "on", "1"].includes(normal))
return true;
if (["false", "no", "off", "0"].includes(normal))
return false;
return failTransform(payload, `expected true or false, got '${value}'`);
}));
const optionalBooleanInput = () => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.FsL(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()), _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.pdi((value, payload) => {
const normal = (value ?? "").trim().toLowerCase();
if (normal === "")
return undefined;
if (["true", "yes", "on", "1"].includes(normal))
return true;
if (["false", "no", "off", "0"].includes(normal))
return false;
return failTransform(payload, `expected true or false, got '${value}'`);
}));
const objectInput = () => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.FsL(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), "{}"), _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.pdi((value, payload) => {
const text = value.trim();
if (text === "" || text === "{}" || text === "null")
return {};
let parsed;
try {
parsed = (0, _core_yaml_library_js__WEBPACK_IMPORTED_MODULE_6__.T)().parse(value, { maxAliasCount: 50 });
}
catch (error) {
return failTransform(payload, `not valid YAML/JSON: ${error.message.split("\n")[0]}`);
}
if (parsed === null || parsed === undefined)
return {};
if (typeof parsed !== "object" || Array.isArray(parsed)) {
return failTransform(payload, "expected an object, e.g. {\"epochs\": 10} or epochs: 10");
}
return parsed;
}));
const matrixInput = () => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.FsL(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.Rvf(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP(), "${{ toJSON(matrix) }}"), _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.pdi(value => (value.trim().startsWith("${{") ? "" : value.trim())));
const durationInput = () => _core_zod_js__WEBPACK_IMPORTED_MODULE_1__.lqM(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YjP()).check(_core_zod_js__WEBPACK_IMPORTED_MODULE_1__.YPB(value => {
if (value === undefined)
return true;
try {
(0, _core_duration_js__WEBPACK_IMPORTED_MODULE_3__.parseDuration)(value);
return true;
}
catch {
return false;
}
}, { message: "expected a duration such as 90s, 45m, 2h or 1h30m" }));
function readInputs(schema, secretKeys = []) {
(0, _surfaces_js__WEBPACK_IMPORTED_MODULE_5__.R)();
const raw = {};
for (const key of Object.keys(schema.shape)) {
const value = _actions_core__WEBPACK_IMPORTED_MODULE_0__.V4(key);
if (secretKeys.includes(key) && !value.startsWith("${{"))
(0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_4__.cl)(value);
raw[key] = value === "" ? undefined : value;
}
const result = schema.safeParse(raw);
if (result.success)
return result.data;
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(result.error.issues.map(issue => ({
path: `input '${String(issue.path[0] ?? "")}'`,
message: issue.message
})), "invalid action inputs");
}
}),
7127: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
s: () => (jobSummary),
t: () => (runnerLog)
});
var _core_limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6419);
var _core_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8557);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
var _surfaces_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6845);
function annotation(where) {
if (!where)
return undefined;
return {
...(where.title !== undefined && { title: where.title }),
...(where.file !== undefined && { file: where.file }),
...(where.line !== undefined && { startLine: where.line }),
...(where.column !== undefined && { startColumn: where.column })
};
}
const runnerLog = {
info: message => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.info(message),
debug: message => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.debug(message),
warning: (message, where) => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.warning(message, annotation(where)),
error: (message, where) => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.error(message, annotation(where)),
group: (title, fn) => _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.group(title, fn),
secret: value => (0, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.cl)(value)
};
const jobSummary = {
async summary(report) {
const markdown = (0, _core_report_js__WEBPACK_IMPORTED_MODULE_1__.Gc)(report);
const fitted = (0, _core_limits_js__WEBPACK_IMPORTED_MODULE_0__.DJ)(markdown, _core_limits_js__WEBPACK_IMPORTED_MODULE_0__.eR - 16 * 1024, "This summary was cut to fit the 1 MiB job summary limit: the whole report is in the log of this step.", "bytes");
if (fitted !== markdown)
_surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.info(markdown);
await _surfaces_js__WEBPACK_IMPORTED_MODULE_3__.l.summary(fitted);
}
};
}),
9040: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
C: () => (runAction),
z: () => (workspaceDir)
});
var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
var _surfaces_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6845);
async function runAction(main) {
(0, _surfaces_js__WEBPACK_IMPORTED_MODULE_2__.R)();
try {
await main();
}
catch (error) {
if ((0, _core_errors_js__WEBPACK_IMPORTED_MODULE_1__.p0)(error)) {
for (const problem of error.problems) {
if (problem.file && problem.line) {
_surfaces_js__WEBPACK_IMPORTED_MODULE_2__.l.error(problem.path ? `${problem.path}: ${problem.message}` : problem.message, {
file: problem.file,
startLine: problem.line,
...(problem.column !== undefined && { startColumn: problem.column })
});
}
}
_surfaces_js__WEBPACK_IMPORTED_MODULE_2__.l.setFailed(error.message);
}
else {
const err = error;
if (err?.stack)
_surfaces_js__WEBPACK_IMPORTED_MODULE_2__.l.debug(err.stack);
_surfaces_js__WEBPACK_IMPORTED_MODULE_2__.l.setFailed(err?.message ?? String(error));
}
}
}
function workspaceDir(env = process.env) {
return (0, node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(env.GITHUB_WORKSPACE || process.cwd());
}
}),
6845: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
R: () => (maskSecretsOnRunner),
l: () => (runner)
});
var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
var _core_log_safety_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(276);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
let masking = false;
function maskSecretsOnRunner() {
if (masking)
return;
masking = true;
_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.onAdd(form => _actions_core__WEBPACK_IMPORTED_MODULE_0__.Pq(form));
}
const runner = {
info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.pq((0, _core_log_safety_js__WEBPACK_IMPORTED_MODULE_1__.t)(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message))),
debug: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.Yz(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message)),
warning: (message, properties) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.$e(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message), scrubProperties(properties)),
error: (message, properties) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.z3(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message), scrubProperties(properties)),
setFailed: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.C1(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message)),
setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.uH(name, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(value)),
exportVariable: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.dN(name, _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(value)),
group: (title, fn) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.Os(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(title), fn),
summary: async (markdown) => {
await _actions_core__WEBPACK_IMPORTED_MODULE_0__.z.addRaw(_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(markdown), true).write();
}
};
function scrubProperties(properties) {
if (!properties?.title)
return properties;
return { ...properties, title: _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(properties.title) };
}
}),
7759: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
CHANNEL_ENV: () => (CHANNEL_ENV),
STAGES_ENV: () => (STAGES_ENV),
TS_ENV: () => (TS_ENV),
run: () => (main_run)
});
var external_node_fs_ = __webpack_require__(3024);
var external_node_path_ = __webpack_require__(6760);
var smtp = __webpack_require__(3271);
var web_api = __webpack_require__(7852);
var webhook = __webpack_require__(6990);
var notify = __webpack_require__(1300);
var load = __webpack_require__(9168);
var notification = __webpack_require__(3660);
var promotion_thread = __webpack_require__(9955);
var common_inputs = __webpack_require__(9120);
var run = __webpack_require__(9040);
var log = __webpack_require__(7127);
var zod = __webpack_require__(2158);
;
const inputSchema = zod.Ikc({
event: zod.Rvf(zod.k5n(notification.NOTIFY_EVENTS), "auto"),
"job-status": zod.lqM(zod.YjP()),
config: zod.Rvf(zod.YjP(), "promote.yaml"),
facts: zod.lqM(zod.YjP()),
channel: zod.lqM(zod.YjP()),
ts: zod.lqM(zod.YjP()),
"thread-ts": zod.lqM(zod.YjP()),
stages: zod.lqM(zod.YjP()),
"slack-token": zod.lqM(zod.YjP()),
"slack-webhook": zod.lqM(zod.YjP()),
"summary-url": zod.lqM(zod.YjP()),
"fail-on-error": (0, common_inputs.tE)(false),
"dry-run": (0, common_inputs.tE)(false)
});
const SECRET_INPUTS = ["slack-token", "slack-webhook"];
var context = __webpack_require__(9990);
var surfaces = __webpack_require__(6845);
;
const TS_ENV = "PROMOTE_NOTIFY_TS";
const CHANNEL_ENV = "PROMOTE_NOTIFY_CHANNEL";
const STAGES_ENV = "PROMOTE_NOTIFY_STAGES";
const main_run = () => (0, run.C)(notifyStep);
async function notifyStep() {
const inputs = (0, common_inputs.Ko)(inputSchema, SECRET_INPUTS);
const env = process.env;
const warn = (message) => surfaces.l.warning(message, { title: "promote notify" });
const facts = (0, notify.parseFactsInput)(inputs.facts, warn);
const event = (0, notification.resolveEvent)(inputs.event, inputs["job-status"], facts.state);
let config;
const configPath = (0, external_node_path_.resolve)((0, run.z)(), inputs.config);
if ((0, external_node_fs_.existsSync)(configPath))
config = await (0, load.loadConfig)(configPath);
else
log.t.info(`${inputs.config} not found: using the inputs only`);
const ts = inputs.ts ?? env[TS_ENV];
const channel = inputs.channel ?? (inputs.ts ? undefined : env[CHANNEL_ENV]);
const stages = (0, promotion_thread.lj)(inputs.stages ?? (inputs.ts ? undefined : env[STAGES_ENV]), warn);
const result = await (0, notify.notify)({
event,
facts,
...(config && { config }),
...(channel && { channel }),
...(ts && { ts }),
...(inputs["thread-ts"] && { threadTs: inputs["thread-ts"] }),
stages,
...(inputs["slack-token"] && { slackToken: inputs["slack-token"] }),
...(inputs["slack-webhook"] && { slackWebhook: inputs["slack-webhook"] }),
...(inputs["summary-url"] && { summaryUrl: inputs["summary-url"] }),
context: (0, context.o)(env),
env,
dryRun: inputs["dry-run"]
}, {
log: log.t,
reporter: log.s,
slack: token => (0, web_api.createSlackClient)(token, {
...(0, web_api.slackOptionsFromEnv)(env),
debug: message => surfaces.l.debug(message)
}),
webhook: (url, message) => (0, webhook.postWebhook)(url, message, {
...((0, web_api.slackOptionsFromEnv)(env).retry && { retry: (0, web_api.slackOptionsFromEnv)(env).retry })
}),
mailer: url => (0, smtp.createSmtpMailer)(url)
});
surfaces.l.setOutput("ok", String(result.ok));
surfaces.l.setOutput("ts", result.ts ?? "");
surfaces.l.setOutput("channel", result.channel ?? "");
surfaces.l.setOutput("thread-ts", result.threadTs ?? "");
surfaces.l.setOutput("stages", JSON.stringify(result.stages));
if (result.ts && result.channel) {
surfaces.l.exportVariable(TS_ENV, result.ts);
surfaces.l.exportVariable(CHANNEL_ENV, result.channel);
}
surfaces.l.exportVariable(STAGES_ENV, JSON.stringify(result.stages));
for (const delivery of result.deliveries) {
log.t.info(`${delivery.via}: ${delivery.ok ? (delivery.skipped ? "skipped" : "ok") : "FAILED"}: ${delivery.detail}`);
}
if (!result.ok && inputs["fail-on-error"]) {
const failed = result.deliveries.filter(d => !d.ok).map(d => d.via);
surfaces.l.setFailed(`notification failed (${failed.join(", ")}) and fail-on-error is true`);
}
}
}),
3271: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
createSmtpMailer: () => (createSmtpMailer)
});
var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3618);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
class EmailDeliveryError extends Error {
code;
fix;
constructor(message, code, fix) {
super(fix ? `${message}. Fix: ${fix}` : message);
this.code = code;
this.fix = fix;
this.name = "EmailDeliveryError";
}
}
const FIXES = {
EAUTH: "the SMTP server refused the credentials: check the user and password in the SMTP URL secret (URL-encode special characters)",
ENOAUTH: "the SMTP server requires a login: put it in the URL, smtp://user:password@host:587",
ECONNECTION: "the SMTP server could not be reached: check the host and port in the SMTP URL and that the runner may connect to it",
ETIMEDOUT: "the SMTP server did not answer in time: check the host and port (465 is smtps://, 587 and 25 are smtp://)",
ESOCKET: "the connection to the SMTP server broke: check the port and TLS mode (465 is smtps://, 587 and 25 are smtp://)",
EDNS: "the SMTP host name does not resolve: check the host in the SMTP URL",
ETLS: "TLS to the SMTP server failed: use smtps:// for port 465 and smtp:// (STARTTLS) for 587",
EENVELOPE: "the server refused the sender or every recipient: check notifications.email.from and notifications.email.to",
EMESSAGE: "the server refused the message: check its size limits and the sender address"
};
function parseSmtpUrl(url) {
let parsed;
try {
parsed = new URL(url);
}
catch {
throw new EmailDeliveryError("the SMTP URL is not a URL", "EURL", "the secret must hold a URL such as smtps://user:password@smtp.example.com:465");
}
if (!/^smtps?:$/.test(parsed.protocol)) {
throw new EmailDeliveryError(`the SMTP URL must start with smtp:// or smtps://, not ${parsed.protocol}//`, "EURL", "use smtps://user:password@host:465 or smtp://user:password@host:587");
}
return parsed;
}
function createSmtpMailer(url, options = {}) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.add(url);
const parsed = parseSmtpUrl(url);
const timeout = options.timeoutMs ?? 30000;
return {
async send(mail) {
const { default: nodemailer } = await __webpack_require__.e(6002).then(__webpack_require__.t.bind(__webpack_require__, 6002, 19));
const transport = nodemailer.createTransport(url, {
connectionTimeout: timeout,
greetingTimeout: timeout,
socketTimeout: timeout
});
try {
const info = (await transport.sendMail({
from: mail.from,
to: mail.to,
subject: _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrub(mail.subject),
text: _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrub(mail.text),
html: _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrub(mail.html)
}));
return {
messageId: info.messageId,
accepted: info.accepted.map(String),
rejected: info.rejected.map(String)
};
}
catch (raw) {
const error = raw;
const code = error.code ?? "ESMTP";
const server = error.response
? `: ${error.response}`
: error.message
? `: ${error.message}`
: "";
throw new EmailDeliveryError(_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrub(`sending mail through ${(0, _http_js__WEBPACK_IMPORTED_MODULE_0__.BO)(parsed.toString())} failed (${code})${server}`.replace(url, (0, _http_js__WEBPACK_IMPORTED_MODULE_0__.BO)(url))), code, FIXES[code]);
}
finally {
transport.close();
}
}
};
}
}),
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
2984: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
GZ: () => (webApiFix),
l$: () => (SlackDeliveryError),
ly: () => (webhookFix)
});
class SlackDeliveryError extends Error {
code;
fix;
constructor(message, code, fix) {
super(fix ? `${message}. Fix: ${fix}` : message);
this.code = code;
this.fix = fix;
this.name = "SlackDeliveryError";
}
}
const BUG = "this is a promote-actions bug (messages are kept within Slack limits): please report it with the facts input";
const WEB_API_FIXES = {
channel_not_found: "the channel does not exist or the bot cannot see it: set notifications.slack.channel (or the channel input) to the channel ID (C0123ABCD, in the channel details), and invite the bot to private channels (/invite @your-app)",
not_in_channel: "invite the bot to the channel (/invite @your-app), or add the chat:write.public scope to post in public channels without joining",
is_archived: "the channel is archived: unarchive it or point notifications.slack.channel at another channel",
invalid_auth: "the token is not valid: the secret must hold the app's Bot User OAuth Token (xoxb-..., under OAuth & Permissions) for this workspace",
not_authed: "no token reached Slack: pass the secret to the step (env: SLACK_BOT_TOKEN: ${{ secrets.SLACK_BOT_TOKEN }}) or the slack-token input",
token_revoked: "the token was revoked (the app was uninstalled or the token rotated): reinstall the app and update the secret",
token_expired: "the token expired (token rotation is on): use a non-expiring bot token or refresh it before the run",
account_inactive: "the token belongs to a deactivated user or a removed app: reinstall the app and update the secret",
missing_scope: "add the chat:write scope to the app (OAuth & Permissions), reinstall it to the workspace and update the secret",
no_permission: "the token lacks permission for this channel: invite the bot, or check the workspace posting restrictions",
restricted_action: "a workspace admin restricts posting in this channel: ask them to allow the app, or use another channel",
ratelimited: "Slack kept rate-limiting these calls: notify fewer events (notifications.slack.events) or share fewer steps per workflow",
rate_limited: "Slack kept rate-limiting these calls: notify fewer events (notifications.slack.events) or share fewer steps per workflow",
message_not_found: "the ts input does not name a message in this channel: pass both the ts and channel outputs of the step that posted it",
cant_update_message: "the message was not posted by this bot token: pass the ts output of a notify step that used the same token",
edit_window_closed: "the workspace no longer lets this message be edited: post a new one (leave the ts input empty)",
msg_too_long: BUG,
no_text: BUG,
invalid_blocks: BUG,
invalid_blocks_format: BUG,
invalid_arguments: BUG,
team_access_not_granted: "the token is not granted access to the workspace of this channel: install the app there",
ekm_access_denied: "your workspace administrators have suspended the ability to post a message",
fatal_error: "Slack failed on its side: retry the job later"
};
function webApiFix(code, data) {
const fix = WEB_API_FIXES[code];
if (code === "missing_scope" && data?.needed)
return `${fix} (needed: ${data.needed}; the token has: ${data.provided ?? "none"})`;
return fix ?? "see https://api.slack.com/methods/chat.postMessage#errors";
}
const WEBHOOK_FIXES = {
invalid_payload: BUG,
invalid_token: "the webhook URL is wrong or was regenerated: copy it again from the app (Incoming Webhooks) into the secret",
no_service: "the webhook was removed or disabled: create a new one (Incoming Webhooks) and update the secret",
no_service_id: "the webhook URL is incomplete: copy the whole https://hooks.slack.com/services/T.../B.../... URL into the secret",
no_team: "the workspace of this webhook no longer exists: create a webhook in the right workspace",
team_disabled: "the workspace of this webhook is disabled",
channel_not_found: "the webhook's channel was deleted: create a new webhook for an existing channel",
channel_is_archived: "the webhook's channel is archived: unarchive it or create a webhook for another channel",
action_prohibited: "a workspace admin restricts this webhook or channel: ask them, or use another channel",
posting_to_general_channel_denied: "only admins may post to #general: create the webhook for another channel",
too_many_attachments: BUG,
no_text: BUG,
invalid_blocks: BUG,
rollup_error: "Slack failed on its side: retry the job later"
};
function webhookFix(code, status) {
if (WEBHOOK_FIXES[code])
return WEBHOOK_FIXES[code];
if (status === 404)
return WEBHOOK_FIXES.no_service;
if (status === 403)
return WEBHOOK_FIXES.action_prohibited;
if (status === 429)
return WEB_API_FIXES.ratelimited;
return undefined;
}
}),
7852: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
createSlackClient: () => (createSlackClient),
slackOptionsFromEnv: () => (slackOptionsFromEnv)
});
var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3618);
var _proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8316);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2984);
const SLACK_API_URL_ENV = "PROMOTE_SLACK_API_URL";
const SLACK_RETRY_BASE_ENV = "PROMOTE_SLACK_RETRY_BASE_MS";
const SLACK_RETRY = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 20000 };
function slackOptionsFromEnv(env) {
const base = Number(env[SLACK_RETRY_BASE_ENV]);
return {
...(env[SLACK_API_URL_ENV] && { apiUrl: env[SLACK_API_URL_ENV] }),
...(Number.isFinite(base) &&
base >= 0 &&
env[SLACK_RETRY_BASE_ENV] && { retry: { baseDelayMs: base } })
};
}
async function proxyAgent(proxy) {
const { default: createHttpsProxyAgent } = await __webpack_require__.e(3669).then(__webpack_require__.t.bind(__webpack_require__, 6050, 23));
const parsed = new URL(proxy);
const auth = parsed.username && parsed.password
? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`
: undefined;
return createHttpsProxyAgent({
protocol: parsed.protocol,
host: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
port: parsed.port || (parsed.protocol === "https:" ? 443 : 80),
...(auth && { auth })
});
}
function quietLogger(debug, initial) {
let level = initial;
const write = (...parts) => debug(`slack: ${parts.map(String).join(" ")}`);
return {
debug: () => undefined,
info: () => undefined,
warn: write,
error: write,
setLevel: l => (level = l),
getLevel: () => level,
setName: () => undefined
};
}
function createSlackClient(token, options = {}) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.add(token);
const policy = { ...SLACK_RETRY, ...options.retry };
const sleep = options.sleep ?? _http_js__WEBPACK_IMPORTED_MODULE_0__.uk;
const maxRetryAfterMs = options.maxRetryAfterMs ?? 120000;
const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/*$/, "/") : undefined;
const proxy = (0, _proxy_js__WEBPACK_IMPORTED_MODULE_1__.th)(apiUrl ?? "https://slack.com/api/", options.env ?? process.env);
let loading;
let client;
const load = () => (loading ??= Promise.all([__webpack_require__.e(3669), __webpack_require__.e(5105)]).then(__webpack_require__.t.bind(__webpack_require__, 5105, 23)).then(async (slack) => {
const agent = proxy ? await proxyAgent(proxy) : undefined;
client = new slack.WebClient(token, {
...(apiUrl && { slackApiUrl: apiUrl }),
...(agent && { agent }),
retryConfig: { retries: 0 },
rejectRateLimitedCalls: true,
timeout: options.timeoutMs ?? 30000,
logger: quietLogger(options.debug ?? (() => undefined), slack.LogLevel.DEBUG)
});
return slack;
}));
async function call(method, request) {
const { ErrorCode } = await load();
const send = () => request(client);
for (let attempt = 0;; attempt++) {
const last = attempt + 1 >= policy.attempts;
try {
return await send();
}
catch (raw) {
const error = raw;
if (error.code === ErrorCode.PlatformError) {
const code = error.data?.error ?? "unknown_error";
const details = error.data?.response_metadata?.messages?.join("; ");
throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.l$(`Slack ${method} failed: ${code}${details ? ` (${details})` : ""}`, code, (0, _errors_js__WEBPACK_IMPORTED_MODULE_3__.GZ)(code, error.data));
}
if (error.code === ErrorCode.RateLimitedError) {
const waitMs = (error.retryAfter ?? 1) * 1000;
if (last || waitMs > maxRetryAfterMs) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.l$(`Slack ${method} was rate-limited (Retry-After ${error.retryAfter ?? "?"}s) after ${attempt + 1} attempts`, "ratelimited", (0, _errors_js__WEBPACK_IMPORTED_MODULE_3__.GZ)("ratelimited"));
}
options.debug?.(`slack: ${method} rate-limited; retrying in ${waitMs} ms as Retry-After asks`);
await sleep(waitMs);
continue;
}
if (error.code === ErrorCode.HTTPError) {
const status = error.statusCode ?? 0;
if (status >= 500 && !last) {
await sleep((0, _http_js__WEBPACK_IMPORTED_MODULE_0__.EY)(attempt, policy));
continue;
}
throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.l$(`Slack ${method} returned HTTP ${status}${attempt > 0 ? ` after ${attempt + 1} attempts` : ""}`, `http_${status}`, status >= 500
? "Slack is failing on its side (see https://slack-status.com): retry the job later"
: status === 407
? "the proxy in HTTPS_PROXY/HTTP_PROXY wants credentials: check the user and password in its URL (http://user:password@host:port)"
: undefined);
}
if (error.code === ErrorCode.RequestError) {
const reason = error.original?.code ?? error.original?.message ?? error.message ?? "request failed";
if (!last) {
options.debug?.(`slack: ${method} failed (${reason}); retrying`);
await sleep((0, _http_js__WEBPACK_IMPORTED_MODULE_0__.EY)(attempt, policy));
continue;
}
throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.l$(`Slack ${method} could not reach ${apiUrl ?? "https://slack.com/api/"} after ${attempt + 1} attempts: ${reason}`, "network", "check that the runner can reach slack.com over HTTPS (proxy, firewall, self-hosted runner egress)");
}
throw raw;
}
}
}
return {
async postMessage(message) {
const result = await call("chat.postMessage", client => client.chat.postMessage({
channel: message.channel,
text: _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message.text),
blocks: _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrubValue(message.blocks),
unfurl_links: false,
unfurl_media: false,
...(message.thread_ts && { thread_ts: message.thread_ts }),
...(message.thread_ts && message.reply_broadcast && { reply_broadcast: true })
}));
return { channel: String(result.channel ?? message.channel), ts: String(result.ts) };
},
async update(message) {
const result = await call("chat.update", client => client.chat.update({
channel: message.channel,
ts: message.ts,
text: _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrub(message.text),
blocks: _core_secrets_js__WEBPACK_IMPORTED_MODULE_2__.O3.scrubValue(message.blocks)
}));
return {
channel: String(result.channel ?? message.channel),
ts: String(result.ts ?? message.ts)
};
}
};
}
}),
6990: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
postWebhook: () => (postWebhook)
});
var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3618);
var _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8198);
var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2984);
async function postWebhook(url, message, options = {}) {
_core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.add(url);
let parsed;
try {
parsed = new URL(url);
if (!/^https?:$/.test(parsed.protocol))
throw new Error("not http(s)");
}
catch {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l$("the Slack webhook URL is not a URL", "invalid_url", "the secret must hold the whole https://hooks.slack.com/services/T.../B.../... URL");
}
const http = new _http_js__WEBPACK_IMPORTED_MODULE_0__.Qq({
baseUrl: url,
service: "Slack webhook",
retry: { attempts: 5, baseDelayMs: 1000, maxDelayMs: 20000, ...options.retry },
timeoutMs: options.timeoutMs ?? 30000,
...(options.sleep && { sleep: options.sleep }),
...(options.fetch && { fetch: options.fetch }),
...(options.env && { env: options.env })
});
try {
await http.request("POST", "", {
body: _core_secrets_js__WEBPACK_IMPORTED_MODULE_1__.O3.scrubValue({ text: message.text, blocks: message.blocks }),
idempotent: true,
headers: { accept: "*/*" }
});
}
catch (error) {
if (!(error instanceof _http_js__WEBPACK_IMPORTED_MODULE_0__.j$))
throw error;
if (error.status === undefined) {
const reason = error.message.split(" failed: ").pop() ?? "request failed";
throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l$(`the Slack webhook at ${parsed.host} could not be reached: ${reason}`, "network", "check that the runner can reach hooks.slack.com over HTTPS (proxy, firewall, self-hosted runner egress)");
}
const code = typeof error.body === "string" && /^[a-z_]+$/.test(error.body.trim())
? error.body.trim()
: `http_${error.status}`;
throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.l$(`the Slack webhook answered ${error.status} ${code}`, code, (0, _errors_js__WEBPACK_IMPORTED_MODULE_2__.ly)(code, error.status));
}
}
}),
2170: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
Ay: () => (isLastEnvironment),
KV: () => (resolveWorkflow),
M0: () => (challengerManifestPath),
V6: () => (manifestFileName),
environmentNames: () => (environmentNames),
g9: () => (resolveEnvironment),
wQ: () => (gatesFor),
xw: () => (previousEnvironment)
});
var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8571);
var _parameters_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3184);
function environmentNames(config) {
return Object.keys(config.environments);
}
function normalizeProjectUsername(username) {
const local = username.toLowerCase().split("@")[0] ?? "";
const ascii = local.normalize("NFKD").replace(/[\u0080-\uffff]/g, "");
return ascii
.replace(/[^a-z0-9\-_]+/gi, "")
.toLowerCase()
.replaceAll("_", "-")
.replace(/[-_]+$/, "");
}
function environmentProjectName(config, envName, env) {
const environment = config.environments[envName];
const base = `${config.project}${environment.projectSuffix ?? ""}`;
if (!environment.userProject)
return base;
const cluster = config.clusters[environment.cluster];
const variable = cluster?.kind === "mlrun" ? cluster.usernameEnv : undefined;
const username = variable ? env[variable] : undefined;
if (!variable || !username) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`environment '${envName}' has userProject: true, so its MLRun project is '${base}-<user>', but ${variable ? `the environment variable ${variable} is empty or unset (pass it to the step: env: ${variable}: \${{ secrets.${variable} }})` : `cluster '${environment.cluster}' names no usernameEnv (set usernameEnv: V3IO_USERNAME)`}`);
}
const user = normalizeProjectUsername(username);
if (!user)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`environment '${envName}' has userProject: true, but the user name in ${variable} has no letters or digits MLRun keeps`);
return `${base}-${user}`;
}
function resolveEnvironment(config, selector) {
const names = environmentNames(config);
let name = selector.name || undefined;
if (!name && selector.branch) {
name = names.find(n => config.environments[n].branch === selector.branch);
if (!name) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`no environment deploys from branch '${selector.branch}'; branches: ${names
.map(n => `${n}=${config.environments[n].branch}`)
.join(", ")} (set the environment input or --env)`);
}
}
if (!name)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`choose an environment: ${names.join(", ")}`);
const env = Object.hasOwn(config.environments, name) ? config.environments[name] : undefined;
if (!env)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`unknown environment '${name}'; defined: ${names.join(", ")}`);
const index = names.indexOf(name);
return {
...env,
name,
index,
requiresApproval: env.requireApproval ?? index > 0,
clusterConfig: config.clusters[env.cluster],
projectName: environmentProjectName(config, name, selector.env ?? process.env)
};
}
function previousEnvironment(config, envName) {
const names = environmentNames(config);
const index = names.indexOf(envName);
return index > 0 ? resolveEnvironment(config, { name: names[index - 1] }) : undefined;
}
function isLastEnvironment(config, envName) {
const names = environmentNames(config);
return names[names.length - 1] === envName;
}
function resolveWorkflow(config, workflowKey, env, overrides = {}, timeoutOverride, supplied = {}) {
const workflow = Object.hasOwn(config.workflows, workflowKey)
? config.workflows[workflowKey]
: undefined;
if (!workflow) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`unknown workflow '${workflowKey}'; defined in the config: ${Object.keys(config.workflows).join(", ") || "(none)"}`);
}
const args = (0, _parameters_js__WEBPACK_IMPORTED_MODULE_2__.Bq)(workflowKey, workflow.parameters, [
{ from: `workflows.${workflowKey}.arguments`, values: workflow.arguments },
{
from: `environments.${env.name}.arguments.${workflowKey}`,
values: env.arguments[workflowKey] ?? {}
},
{ from: "promote-actions", values: supplied, builtIn: true },
{ from: "the `arguments` input / --arg", values: overrides }
]);
return {
...workflow,
key: workflowKey,
remoteName: workflow.name ?? workflowKey,
timeoutMs: (0, _duration_js__WEBPACK_IMPORTED_MODULE_1__.parseDuration)(timeoutOverride || workflow.timeout),
arguments: args
};
}
function gatesFor(config, envName) {
const overrides = envName ? (config.environments[envName]?.gates ?? {}) : {};
const merged = { ...config.gates };
for (const [metric, rule] of Object.entries(overrides)) {
const set = Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined));
merged[metric] = { better: "higher", ...merged[metric], ...set };
}
return merged;
}
function manifestFileName(key, tag) {
return `${key}:${tag}.yaml`;
}
function challengerManifestPath(config) {
return `${config.model.exportDir}/${manifestFileName(config.model.name, config.model.challengerTag)}`;
}
}),
6419: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
DJ: () => (fitMarkdown),
dq: () => (COMMENT_MAX_CHARS),
eR: () => (SUMMARY_MAX_BYTES)
});
const COMMENT_MAX_CHARS = 65536;
const SUMMARY_MAX_BYTES = 1024 * 1024;
const utf8 = new TextEncoder();
function fitMarkdown(markdown, max, notice, unit = "chars") {
const size = (text) => (unit === "bytes" ? utf8.encode(text).length : text.length);
if (size(markdown) <= max)
return markdown;
const tail = `\n\n> [!WARNING]\n> ${notice}\n`;
const room = max - size(tail) - 8;
if (room <= 0)
throw new Error(`a limit of ${max} leaves no room for the notice`);
let cut = unit === "bytes" ? prefixWithinBytes(markdown, room) : markdown.slice(0, room);
const lineEnd = cut.lastIndexOf("\n");
if (lineEnd > 0)
cut = cut.slice(0, lineEnd);
const fences = cut.match(/^(```|~~~)/gm)?.length ?? 0;
return `${cut}${fences % 2 === 1 ? "\n```" : ""}${tail}`;
}
function prefixWithinBytes(text, maxBytes) {
let bytes = 0;
let index = 0;
for (const char of text) {
const length = utf8.encode(char).length;
if (bytes + length > maxBytes)
break;
bytes += length;
index += char.length;
}
return text.slice(0, index);
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
