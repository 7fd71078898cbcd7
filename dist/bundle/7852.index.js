export const id = 7852;
export const ids = [7852, 3618];
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
})
};
