export const id = 6212;
export const ids = [6212];
export const modules = {
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
4106: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
FileRegistry: () => (FileRegistry),
MANIFEST_FILE: () => (MANIFEST_FILE),
register: () => (register)
});
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = __webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
var node_path__WEBPACK_IMPORTED_MODULE_1___default = __webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
var _core_fs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8616);
var _core_hash_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(299);
var _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4414);
var _core_uri_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2129);
var _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(668);
const MANIFEST_FILE = "model.yaml";
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const TAG = /^[A-Za-z0-9_-]+$/;
function checkName(name, what) {
if (!NAME.test(name))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`${what} '${name}' must be letters, digits, '.', '-' or '_'`);
}
function checkTag(tag) {
if (!TAG.test(tag))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`tag '${tag}' must be letters, digits, '-' or '_'`);
}
async function versionsOf(modelDir) {
let entries;
try {
entries = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "versions"));
}
catch (error) {
if (error.code === "ENOENT")
return [];
throw error;
}
return entries
.filter(e => /^[1-9]\d*$/.test(e))
.map(Number)
.sort((a, b) => a - b);
}
function metricsOf(metrics) {
for (const [key, value] of Object.entries(metrics)) {
if (typeof value !== "number" || !Number.isFinite(value)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`metric '${key}' must be a finite number, got ${JSON.stringify(value)}`);
}
}
return { ...metrics };
}
async function register(request) {
checkName(request.name, "model name");
for (const tag of request.tags ?? [])
checkTag(tag);
const cwd = request.cwd ?? process.cwd();
const root = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, request.root);
const modelDir = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, request.name);
const source = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, request.modelFile);
let content;
try {
if (!(await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(source)).isFile())
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model file ${request.modelFile} is not a file`);
content = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(source);
}
catch (error) {
if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError)
throw error;
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`cannot read model file ${request.modelFile}: ${error.code ?? error.message}`);
}
const metrics = metricsOf(request.metrics ?? {});
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "versions"), { recursive: true });
let version = ((await versionsOf(modelDir)).at(-1) ?? 0) + 1;
let versionDir;
for (;;) {
versionDir = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "versions", String(version));
try {
await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(versionDir);
break;
}
catch (error) {
if (error.code !== "EEXIST")
throw error;
version++;
}
}
const modelFileName = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(source);
const modelPath = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(versionDir, modelFileName);
const hash = (0, _core_hash_js__WEBPACK_IMPORTED_MODULE_4__.s)(content);
const uri = (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({ scheme: "models", name: request.name, version: String(version) });
const targetDir = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(request.root) ? versionDir : (0, node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, versionDir);
const manifest = {
kind: "model",
metadata: {
key: request.name,
...(request.project !== undefined && { project: request.project }),
version,
uri,
hash,
created: (request.now ?? new Date()).toISOString(),
...(request.labels && Object.keys(request.labels).length > 0 && { labels: request.labels })
},
spec: {
target_path: `${targetDir.split("\\").join("/")}/`,
model_file: modelFileName,
size: content.length,
metrics,
parameters: { ...(request.parameters ?? {}) },
...(request.framework !== undefined && { framework: request.framework }),
...(request.algorithm !== undefined && { algorithm: request.algorithm }),
...(request.producer !== undefined && { producer: request.producer })
},
status: { state: "created" }
};
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)(modelPath, content);
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(versionDir, MANIFEST_FILE), (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Tc)(manifest));
for (const tag of request.tags ?? [])
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(modelDir, "tags", tag), `${version}\n`);
return {
name: request.name,
version,
uri,
manifestPath: (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(versionDir, MANIFEST_FILE),
modelPath,
hash
};
}
const present = (path) => (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path).then(() => true, () => false);
class FileRegistry {
options;
kind = "file";
root;
constructor(options) {
this.options = options;
this.root = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.cwd ?? process.cwd(), options.root);
}
uriForTag(name, tag) {
return (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({ scheme: "models", name, alias: tag });
}
pinnedUri(record) {
return record.version
? (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.Ps)({ scheme: "models", name: record.name, version: record.version })
: record.uri;
}
async readTag(name, tag, uri) {
const tagFile = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, name, "tags", tag);
try {
if (this.options.confineTo)
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.zg)(this.options.confineTo, (0, node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(tagFile), (0, node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(tagFile));
if (!(await present(tagFile)))
throw Object.assign(new Error("no tag file"), { code: "ENOENT" });
const text = (await this.readText(tagFile, 1024)).trim();
if (!/^[1-9]\d*$/.test(text))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}': tag file ${(0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, name, "tags", tag)} holds '${text}', not a version number`);
return text;
}
catch (error) {
if (error.code !== "ENOENT")
throw error;
const tags = await (0, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, name, "tags")).catch(() => []);
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}' does not resolve: model '${name}' has no tag '${tag}' in the file registry ${this.root} (tags: ${tags.filter(t => !t.startsWith(".")).join(", ") || "none"})`);
}
}
readText(file, maxBytes) {
const options = { shown: file, maxBytes };
return this.options.confineTo
? (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Cj)(this.options.confineTo, file, options)
: (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.nD)(file, options);
}
async readManifest(file, uri, tag) {
if (!(await present(file)))
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}' does not resolve: ${file} does not exist`);
const text = await this.readText(file, _core_yaml_source_js__WEBPACK_IMPORTED_MODULE_7__.ZJ);
const loaded = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Ng)(file, text);
const manifest = structuredClone(loaded.raw);
if (tag !== undefined)
manifest.metadata.tag = tag;
const relocated = (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Ng)(file, (0, _core_manifest_js__WEBPACK_IMPORTED_MODULE_5__.Tc)(manifest));
return { record: relocated.record, manifest: relocated.raw };
}
async resolve(uri) {
let parsed;
try {
parsed = (0, _core_uri_js__WEBPACK_IMPORTED_MODULE_6__.hY)(uri);
}
catch (error) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(error.message);
}
if (parsed.scheme === "file")
return this.readManifest((0, node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(this.options.cwd ?? process.cwd(), parsed.path), uri);
if (parsed.scheme !== "models") {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`'${uri}' is not a file-registry URI (models:/<name>/<version>, models:/<name>@<tag> or a path to a model.yaml); the configured registry is file`);
}
checkName(parsed.name, "model name");
if (this.options.confineTo) {
const versions = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, parsed.name, "versions");
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.zg)(this.options.confineTo, versions, versions);
}
const version = "alias" in parsed ? await this.readTag(parsed.name, parsed.alias, uri) : parsed.version;
const file = (0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, parsed.name, "versions", version, MANIFEST_FILE);
if (!("alias" in parsed)) {
const known = await versionsOf((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, parsed.name));
if (!known.includes(Number(version))) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__.ConfigurationError(`model URI '${uri}' does not resolve: model '${parsed.name}' has no version ${version} in the file registry ${this.root} (versions: ${known.join(", ") || "none"})`);
}
}
return this.readManifest(file, uri, "alias" in parsed ? parsed.alias : undefined);
}
async setTag(record, tag) {
checkTag(tag);
const { record: pinned } = await this.resolve(this.pinnedUri(record));
await (0, _core_fs_js__WEBPACK_IMPORTED_MODULE_3__.Zf)((0, node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.root, pinned.name, "tags", tag), `${pinned.version}\n`);
}
}
}),
7250: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.r(__webpack_exports__);
__webpack_require__.d(__webpack_exports__, {
createRegistry: () => (createRegistry),
register: () => (_file_js__WEBPACK_IMPORTED_MODULE_2__.register),
registrySecrets: () => (registrySecrets)
});
var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3618);
var _file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4106);
function secret(env, name, what) {
if (!name)
return undefined;
const value = env[name];
if (!value)
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`${what}: environment variable ${name} is empty or unset (pass the secret to the step as env: ${name}: \${{ secrets.${name} }})`);
return value;
}
function httpFromEnv(env) {
const attempts = Number(env.PROMOTE_HTTP_RETRIES);
const delay = Number(env.PROMOTE_HTTP_RETRY_DELAY_MS);
const retry = {
...(Number.isInteger(attempts) && attempts > 0 && { attempts }),
...(Number.isFinite(delay) &&
delay >= 0 &&
env.PROMOTE_HTTP_RETRY_DELAY_MS !== undefined && {
baseDelayMs: delay,
maxDelayMs: Math.max(delay * 8, 1)
})
};
return Object.keys(retry).length ? { retry } : {};
}
async function createRegistry(config, env, options = {}) {
const registry = config.model.registry;
const http = { ...httpFromEnv(env), ...options.http };
switch (registry.kind) {
case "file":
return new (await Promise.resolve().then(__webpack_require__.bind(__webpack_require__, 4106))).FileRegistry({
root: registry.path,
cwd: options.cwd ?? process.cwd(),
project: config.project,
...(options.confineTo !== undefined && { confineTo: options.confineTo })
});
case "mlflow": {
const where = "model.registry (mlflow)";
const username = secret(env, registry.usernameEnv, where);
const password = secret(env, registry.passwordEnv, where);
if ((username === undefined) !== (password === undefined)) {
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`${where}: Basic auth needs both usernameEnv and passwordEnv`);
}
const headers = username !== undefined
? (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.HX)(username, password)
: (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.CM)(secret(env, registry.tokenEnv, where));
return new (await __webpack_require__.e(4181).then(__webpack_require__.bind(__webpack_require__, 4181))).MlflowRegistry({
url: registry.url,
project: config.project,
headers,
http
});
}
case "mlrun": {
const clusterName = registry.cluster ??
Object.keys(config.clusters).find(n => config.clusters[n].kind === "mlrun");
const cluster = clusterName ? config.clusters[clusterName] : undefined;
if (!cluster || cluster.kind !== "mlrun")
throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError("model.registry: an mlrun registry needs an mlrun cluster under `clusters`");
const where = `clusters.${clusterName}`;
const headers = { "x-mlrun-client-version": cluster.clientVersion };
const username = secret(env, cluster.usernameEnv, where);
const accessKey = secret(env, cluster.accessKeyEnv, where);
if (username !== undefined && accessKey !== undefined) {
Object.assign(headers, (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.HX)(username, accessKey));
}
else {
Object.assign(headers, (0, _http_js__WEBPACK_IMPORTED_MODULE_1__.CM)(secret(env, cluster.tokenEnv, where)));
}
return new (await __webpack_require__.e(5024).then(__webpack_require__.bind(__webpack_require__, 5024))).MlrunRegistry({
url: cluster.url,
project: config.project,
headers,
http
});
}
}
}
function registrySecrets(config, env) {
const registry = config.model.registry;
const names = [];
if (registry.kind === "mlflow")
names.push(registry.tokenEnv, registry.passwordEnv);
if (registry.kind === "mlrun") {
for (const cluster of Object.values(config.clusters)) {
if (cluster.kind === "mlrun")
names.push(cluster.tokenEnv, cluster.accessKeyEnv);
}
}
return names.flatMap(name => (name && env[name] ? [env[name]] : []));
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
6212: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
collectPorts: () => (collectPorts)
});
var _adapters_email_smtp_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3271);
var _adapters_github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5423);
var _adapters_orchestrators_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9314);
var _adapters_registries_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7250);
var _adapters_slack_web_api_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7852);
var _adapters_slack_webhook_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6990);
var _notify_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1300);
async function collectPorts(input) {
const { config, env, log } = input;
log.secret(input.token);
const slackOptions = (0, _adapters_slack_web_api_js__WEBPACK_IMPORTED_MODULE_4__.slackOptionsFromEnv)(env);
return {
log,
...(input.reporter && { reporter: input.reporter }),
github: await (0, _adapters_github_client_js__WEBPACK_IMPORTED_MODULE_1__.LX)(input.token, { onRetry: message => log.warning(message) }),
orchestrator: cluster => (0, _adapters_orchestrators_index_js__WEBPACK_IMPORTED_MODULE_2__.hc)(cluster, { env, cwd: input.cwd, log }),
registry: promoteConfig => (0, _adapters_registries_index_js__WEBPACK_IMPORTED_MODULE_3__.createRegistry)(promoteConfig, env, { cwd: input.cwd }),
notify: (event, facts, message) => (0, _notify_js__WEBPACK_IMPORTED_MODULE_6__.notify)({
event,
facts,
config,
context: input.context,
env,
...(message && { ts: message.ts, channel: message.channel })
}, {
log,
slack: token => (0, _adapters_slack_web_api_js__WEBPACK_IMPORTED_MODULE_4__.createSlackClient)(token, { ...slackOptions, debug: message => log.debug(message) }),
webhook: (url, message) => (0, _adapters_slack_webhook_js__WEBPACK_IMPORTED_MODULE_5__.postWebhook)(url, message, { ...(slackOptions.retry && { retry: slackOptions.retry }) }),
mailer: url => (0, _adapters_email_smtp_js__WEBPACK_IMPORTED_MODULE_0__.createSmtpMailer)(url)
}),
now: () => Date.now()
};
}
})
};
