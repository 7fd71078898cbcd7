export const id = 4869;
export const ids = [4869];
export const modules = {
4869: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
createGitReader: () => (createGitReader)
});
var external_node_child_process_ = __webpack_require__(1421);
var external_node_path_ = __webpack_require__(6760);
var errors = __webpack_require__(4296);
var yaml_source = __webpack_require__(668);
var external_node_crypto_ = __webpack_require__(7598);
var external_node_fs_ = __webpack_require__(3024);
var external_node_zlib_ = __webpack_require__(8522);
;
class GitCliFallback extends Error {
constructor(reason) {
super(`the git CLI is needed: ${reason}`);
this.name = "GitCliFallback";
}
}
const LAYOUT_VARIABLES = [
"GIT_DIR",
"GIT_WORK_TREE",
"GIT_OBJECT_DIRECTORY",
"GIT_ALTERNATE_OBJECT_DIRECTORIES",
"GIT_COMMON_DIR",
"GIT_NAMESPACE",
"GIT_CEILING_DIRECTORIES",
"GIT_DISCOVERY_ACROSS_FILESYSTEM",
"GIT_REPLACE_REF_BASE",
"GIT_GLOB_PATHSPECS",
"GIT_NOGLOB_PATHSPECS",
"GIT_ICASE_PATHSPECS"
];
const HARMLESS_EXTENSIONS = new Set(["noop", "preciousobjects", "partialclone", "worktreeconfig"]);
const REF_RULES = [
(name) => name,
(name) => `refs/${name}`,
(name) => `refs/tags/${name}`,
(name) => `refs/heads/${name}`,
(name) => `refs/remotes/${name}`,
(name) => `refs/remotes/${name}/HEAD`
];
const MAX_SYMREF_DEPTH = 5;
const MAX_PEEL_DEPTH = 16;
const MAX_DELTA_CHAIN = 5000;
const ENTRY_HEADER_MAX = 32;
const FIRST_READ = 8192;
const PREFIX_READ = 512;
const PACK_TYPES = [undefined, "commit", "tree", "blob", "tag"];
const OFS_DELTA = 6;
const REF_DELTA = 7;
function corrupt(file, what) {
return new Error(`corrupt git repository file ${file}: ${what}`);
}
function errnoOf(error) {
return error?.code;
}
function readAt(file, position, length) {
const fd = (0, external_node_fs_.openSync)(file, "r");
try {
const buffer = Buffer.allocUnsafe(length);
let done = 0;
while (done < length) {
const read = (0, external_node_fs_.readSync)(fd, buffer, done, length - done, position + done);
if (read === 0)
break;
done += read;
}
return buffer.subarray(0, done);
}
finally {
(0, external_node_fs_.closeSync)(fd);
}
}
function readIfPresent(file) {
try {
return (0, external_node_fs_.readFileSync)(file, "utf8");
}
catch (error) {
if (errnoOf(error) === "ENOENT" || errnoOf(error) === "ENOTDIR")
return undefined;
throw new GitCliFallback(`cannot read ${file}: ${String(error)}`);
}
}
function exists(path) {
try {
(0, external_node_fs_.lstatSync)(path);
return true;
}
catch (error) {
if (errnoOf(error) === "ENOENT" || errnoOf(error) === "ENOTDIR")
return false;
throw new GitCliFallback(`cannot inspect ${path}: ${String(error)}`);
}
}
function isDirectory(path) {
try {
return (0, external_node_fs_.statSync)(path).isDirectory();
}
catch {
return false;
}
}
function deflatedBound(size) {
return size + 5 * Math.ceil(size / 16384) + 64;
}
function inflateExactly(compressed, size, file, what) {
let data;
try {
data = (0, external_node_zlib_.inflateSync)(compressed, { maxOutputLength: Math.max(size, 1) });
}
catch (error) {
throw corrupt(file, `${what} does not inflate to its ${size} bytes (${String(error)})`);
}
if (data.length !== size)
throw corrupt(file, `${what} inflates to ${data.length} bytes, its header says ${size}`);
return data;
}
function inflatePrefix(compressed) {
try {
return (0, external_node_zlib_.inflateSync)(compressed, { finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH });
}
catch {
return Buffer.alloc(0);
}
}
function deltaVarint(bytes, start) {
let value = 0;
let shift = 0;
let position = start;
for (;;) {
if (position >= bytes.length || shift > 49)
return undefined;
const byte = bytes[position++];
value += (byte & 127) * 2 ** shift;
shift += 7;
if (!(byte & 128))
return { value, next: position };
}
}
function applyDelta(base, delta, file) {
const baseSize = deltaVarint(delta, 0);
const resultSize = baseSize && deltaVarint(delta, baseSize.next);
if (!baseSize || !resultSize)
throw corrupt(file, "a delta is cut short");
if (baseSize.value !== base.length)
throw corrupt(file, `a delta expects a ${baseSize.value}-byte base, found ${base.length}`);
const result = Buffer.allocUnsafe(resultSize.value);
let written = 0;
let position = resultSize.next;
const next = () => {
if (position >= delta.length)
throw corrupt(file, "a delta instruction is cut short");
return delta[position++];
};
while (position < delta.length) {
const op = next();
if (op & 128) {
let offset = 0;
let size = 0;
for (let bit = 0; bit < 4; bit++)
if (op & (1 << bit))
offset += next() * 2 ** (8 * bit);
for (let bit = 0; bit < 3; bit++)
if (op & (16 << bit))
size += next() * 2 ** (8 * bit);
if (size === 0)
size = 65536;
if (offset + size > base.length || written + size > result.length)
throw corrupt(file, "a delta copies beyond its base or its result");
base.copy(result, written, offset, offset + size);
written += size;
}
else if (op) {
if (position + op > delta.length || written + op > result.length)
throw corrupt(file, "a delta inserts beyond its end or its result");
delta.copy(result, written, position, position + op);
written += op;
position += op;
}
else {
throw corrupt(file, "a delta holds the reserved instruction 0");
}
}
if (written !== result.length)
throw corrupt(file, `a delta gives ${written} bytes, its header says ${result.length}`);
return result;
}
class Pack {
idxFile;
packFile;
fanout;
count = 0;
largeOffsets = 0;
dataEnd = 0;
checkedPack = false;
constructor(idxFile, packFile) {
this.idxFile = idxFile;
this.packFile = packFile;
}
openIndex() {
if (this.fanout)
return this.fanout;
const size = (0, external_node_fs_.statSync)(this.idxFile).size;
const head = readAt(this.idxFile, 0, 8 + 256 * 4);
if (head.length < 8 || head.readUInt32BE(0) !== 4285812579)
throw new GitCliFallback(`${this.idxFile} is not a version 2 pack index`);
if (head.readUInt32BE(4) !== 2)
throw new GitCliFallback(`${this.idxFile} is a version ${head.readUInt32BE(4)} pack index`);
if (head.length < 8 + 1024)
throw corrupt(this.idxFile, "the fan-out table is cut short");
const fanout = head.subarray(8);
for (let i = 1; i < 256; i++)
if (fanout.readUInt32BE(i * 4) < fanout.readUInt32BE((i - 1) * 4))
throw corrupt(this.idxFile, "the fan-out table is not sorted");
this.count = fanout.readUInt32BE(255 * 4);
const extra = size - (8 + 1024 + this.count * 28 + 40);
if (extra < 0 || extra % 8 !== 0)
throw corrupt(this.idxFile, `its size ${size} does not fit ${this.count} objects`);
this.largeOffsets = extra / 8;
this.fanout = fanout;
return fanout;
}
checkPack() {
if (this.checkedPack)
return;
const size = (0, external_node_fs_.statSync)(this.packFile).size;
const head = readAt(this.packFile, 0, 12);
if (head.length < 12 || head.toString("latin1", 0, 4) !== "PACK")
throw corrupt(this.packFile, "no PACK signature");
const version = head.readUInt32BE(4);
if (version !== 2 && version !== 3)
throw new GitCliFallback(`${this.packFile} is a version ${version} pack`);
if (head.readUInt32BE(8) !== this.count)
throw corrupt(this.packFile, `it holds ${head.readUInt32BE(8)} objects, its index ${this.count}`);
this.dataEnd = size - 20;
this.checkedPack = true;
}
find(id) {
const fanout = this.openIndex();
const first = id[0];
const low = first === 0 ? 0 : fanout.readUInt32BE((first - 1) * 4);
const high = fanout.readUInt32BE(first * 4);
if (low === high)
return undefined;
const names = readAt(this.idxFile, 1032 + low * 20, (high - low) * 20);
if (names.length !== (high - low) * 20)
throw corrupt(this.idxFile, "the names are cut short");
let lo = 0;
let hi = high - low;
while (lo < hi) {
const middle = (lo + hi) >>> 1;
const order = names.compare(id, 0, 20, middle * 20, middle * 20 + 20);
if (order === 0)
return this.offsetAt(low + middle);
if (order > 0)
hi = middle;
else
lo = middle + 1;
}
return undefined;
}
offsetAt(index) {
this.checkPack();
const small = readAt(this.idxFile, 1032 + this.count * 24 + index * 4, 4);
if (small.length !== 4)
throw corrupt(this.idxFile, "the offsets are cut short");
let offset = small.readUInt32BE(0);
if (offset & 2147483648) {
const large = offset & 2147483647;
if (large >= this.largeOffsets)
throw corrupt(this.idxFile, "a large offset is missing");
const bytes = readAt(this.idxFile, 1032 + this.count * 28 + large * 8, 8);
offset = Number(bytes.readBigUInt64BE(0));
}
if (offset < 12 || offset >= this.dataEnd)
throw corrupt(this.idxFile, `offset ${offset} lies outside ${this.packFile}`);
return offset;
}
header(offset) {
this.checkPack();
if (offset < 12 || offset >= this.dataEnd)
throw corrupt(this.packFile, `no entry can start at offset ${offset}`);
const bytes = readAt(this.packFile, offset, Math.min(FIRST_READ, this.dataEnd - offset));
let position = 0;
const next = () => {
if (position >= bytes.length || position >= ENTRY_HEADER_MAX)
throw corrupt(this.packFile, `the entry at offset ${offset} has a bad header`);
return bytes[position++];
};
let byte = next();
const typeNumber = (byte >> 4) & 7;
let size = byte & 15;
let shift = 4;
while (byte & 128) {
byte = next();
size += (byte & 127) * 2 ** shift;
shift += 7;
if (shift > 53)
throw corrupt(this.packFile, `the entry at offset ${offset} is too large`);
}
const header = { typeNumber, size, dataStart: 0 };
if (typeNumber === OFS_DELTA) {
byte = next();
let distance = byte & 127;
while (byte & 128) {
byte = next();
distance = (distance + 1) * 128 + (byte & 127);
}
header.baseOffset = offset - distance;
if (distance === 0 || header.baseOffset < 12)
throw corrupt(this.packFile, `the delta at offset ${offset} has a bad base offset`);
}
else if (typeNumber === REF_DELTA) {
if (position + 20 > bytes.length)
throw corrupt(this.packFile, `the delta at offset ${offset} is cut short`);
header.baseId = bytes.toString("hex", position, position + 20);
position += 20;
}
else if (!PACK_TYPES[typeNumber]) {
throw corrupt(this.packFile, `the entry at offset ${offset} has type ${typeNumber}`);
}
header.dataStart = offset + position;
return { header, bytes };
}
compressed(offset, header, bytes, limit) {
const length = Math.min(deflatedBound(header.size), this.dataEnd - header.dataStart, limit ?? Infinity);
const start = header.dataStart - offset;
if (start + length <= bytes.length)
return bytes.subarray(start, start + length);
return readAt(this.packFile, header.dataStart, length);
}
data(offset, header, bytes) {
return inflateExactly(this.compressed(offset, header, bytes), header.size, this.packFile, `the entry at offset ${offset}`);
}
}
function discover(cwd) {
const start = (0, external_node_path_.resolve)(cwd);
let device;
try {
const stats = (0, external_node_fs_.statSync)(start);
if (!stats.isDirectory())
throw new GitCliFallback(`${start} is not a directory`);
device = stats.dev;
}
catch (error) {
if (error instanceof GitCliFallback)
throw error;
throw new GitCliFallback(`cannot inspect ${start}: ${String(error)}`);
}
for (let dir = start;;) {
if ((0, external_node_fs_.statSync)(dir).dev !== device)
throw new GitCliFallback(`no .git below the file system boundary at ${dir}`);
const dotGit = (0, external_node_path_.join)(dir, ".git");
let kind;
try {
const stats = (0, external_node_fs_.statSync)(dotGit);
kind = stats.isDirectory() ? "dir" : stats.isFile() ? "file" : undefined;
if (!kind)
throw new GitCliFallback(`${dotGit} is neither a directory nor a file`);
}
catch (error) {
if (error instanceof GitCliFallback)
throw error;
if (errnoOf(error) !== "ENOENT" && errnoOf(error) !== "ENOTDIR")
throw new GitCliFallback(`cannot inspect ${dotGit}: ${String(error)}`);
}
if (kind === "dir")
return withCommonDir({ top: dir, gitDir: dotGit });
if (kind === "file") {
const match = /^gitdir: (.+?)[\r\n]*$/.exec((0, external_node_fs_.readFileSync)(dotGit, "utf8"));
if (!match)
throw new GitCliFallback(`${dotGit} is not a "gitdir: <path>" file`);
const gitDir = (0, external_node_path_.resolve)(dir, match[1]);
return withCommonDir({ top: dir, gitFile: dotGit, gitDir });
}
if (exists((0, external_node_path_.join)(dir, "HEAD")) && isDirectory((0, external_node_path_.join)(dir, "objects")))
throw new GitCliFallback(`${dir} may be a bare repository`);
const parent = (0, external_node_path_.dirname)(dir);
if (parent === dir)
throw new GitCliFallback(`no git repository above ${start}`);
dir = parent;
}
}
function withCommonDir(layout) {
const commonDir = readIfPresent((0, external_node_path_.join)(layout.gitDir, "commondir"));
const common = commonDir === undefined ? undefined : commonDir.replace(/[\r\n]+$/, "");
if (common === "")
throw new GitCliFallback(`${layout.gitDir}/commondir is empty`);
return {
...layout,
commonDir: common === undefined ? layout.gitDir : (0, external_node_path_.resolve)(layout.gitDir, common)
};
}
function parseRefText(text, file) {
const object = /^([0-9a-fA-F]{40})(?:\s|$)/.exec(text);
if (object)
return { object: object[1].toLowerCase() };
const symbolic = /^ref:\s*(\S+)\s*$/.exec(text);
if (symbolic)
return { target: symbolic[1] };
throw new GitCliFallback(`${file} is not a ref git would read the same way`);
}
function isPlainRefName(name) {
return (/^[A-Za-z0-9_][A-Za-z0-9_./+-]*$/.test(name) &&
!name.includes("..") &&
!name.includes("//") &&
!name.endsWith("/") &&
!name.endsWith(".") &&
name.split("/").every(part => !part.startsWith(".") && !part.endsWith(".lock")));
}
function pathComponents(path) {
const parts = path.split("/");
if (parts.some(part => part === "" || part === "." || part === ".." || part.includes("\0")) ||
Buffer.from(path, "utf8").toString("utf8") !== path ||
(process.platform === "darwin" && /[^\x20-\x7e]/.test(path)))
throw new GitCliFallback(`the path '${path}' is not a plain path`);
return parts.map(part => Buffer.from(part, "utf8"));
}
function compareTreeNames(a, aIsTree, b, bIsTree) {
const common = Math.min(a.length, b.length);
const order = a.compare(b, 0, common, 0, common);
if (order !== 0)
return order;
const aNext = a.length > common ? a[common] : aIsTree ? 47 : 0;
const bNext = b.length > common ? b[common] : bIsTree ? 47 : 0;
return aNext - bNext;
}
const S_IFMT = 61440;
const S_IFREG = 32768;
const S_IFLNK = 40960;
const S_IFDIR = 16384;
const S_IFGITLINK = 57344;
function canonicalMode(mode) {
switch (mode & S_IFMT) {
case S_IFREG:
return S_IFREG | (mode & 64 ? 493 : 420);
case S_IFLNK:
return S_IFLNK;
case S_IFDIR:
return S_IFDIR;
default:
return S_IFGITLINK;
}
}
function objectHash(type, data) {
return (0, external_node_crypto_.createHash)("sha1").update(`${type} ${data.length}\0`).update(data).digest("hex");
}
class LocalObjectStore {
layout;
env;
objectsDir;
packs;
packedRefs;
parsed = new Map();
constructor(layout, env) {
this.layout = layout;
this.env = env;
this.objectsDir = (0, external_node_path_.join)(layout.commonDir, "objects");
}
check() {
const { top, gitFile, gitDir, commonDir } = this.layout;
const user = process.geteuid?.();
if (user === undefined)
throw new GitCliFallback("file ownership cannot be compared here");
for (const path of [top, gitFile, gitDir]) {
if (path !== undefined && (0, external_node_fs_.lstatSync)(path).uid !== user)
throw new GitCliFallback(`${path} belongs to another user`);
}
if (!isDirectory(this.objectsDir) || !isDirectory((0, external_node_path_.join)(commonDir, "refs")))
throw new GitCliFallback(`${gitDir} does not look like a git directory`);
const head = readIfPresent((0, external_node_path_.join)(gitDir, "HEAD"));
if (head === undefined || (0, external_node_fs_.lstatSync)((0, external_node_path_.join)(gitDir, "HEAD")).isSymbolicLink())
throw new GitCliFallback(`${gitDir}/HEAD is missing or a symbolic link`);
const parsedHead = parseRefText(head, (0, external_node_path_.join)(gitDir, "HEAD"));
if ("target" in parsedHead && !parsedHead.target.startsWith("refs/"))
throw new GitCliFallback(`${gitDir}/HEAD points outside refs/`);
this.checkFormat((0, external_node_path_.join)(commonDir, "config"));
for (const path of [
(0, external_node_path_.join)(this.objectsDir, "info", "alternates"),
(0, external_node_path_.join)(commonDir, "info", "grafts")
])
if (exists(path))
throw new GitCliFallback(`${path} exists`);
if (this.env.GIT_NO_REPLACE_OBJECTS === undefined) {
const replaceDir = (0, external_node_path_.join)(commonDir, "refs", "replace");
let replaced = false;
try {
replaced = (0, external_node_fs_.readdirSync)(replaceDir).length > 0;
}
catch (error) {
if (errnoOf(error) !== "ENOENT" && errnoOf(error) !== "ENOTDIR")
throw new GitCliFallback(`cannot list ${replaceDir}`);
}
if (replaced || [...this.packed().keys()].some(ref => ref.startsWith("refs/replace/")))
throw new GitCliFallback("replace refs exist");
}
return this;
}
checkFormat(configFile) {
const text = readIfPresent(configFile);
if (text === undefined)
return;
let section = "";
for (const rawLine of text.split("\n")) {
let line = rawLine.trim();
if (line.endsWith("\\"))
throw new GitCliFallback(`${configFile} has continued lines`);
const header = /^\[\s*([A-Za-z0-9.-]+)\s*(?:"((?:[^"\\]|\\.)*)")?\s*\](.*)$/.exec(line);
if (header) {
section = header[2] === undefined ? header[1].toLowerCase() : "(subsection)";
line = header[3].trim();
}
else if (line.startsWith("[")) {
throw new GitCliFallback(`${configFile} has a section header this reader does not parse`);
}
if (line === "" || line.startsWith("#") || line.startsWith(";"))
continue;
if (section !== "core" && section !== "extensions")
continue;
const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
if (!entry)
throw new GitCliFallback(`${configFile} has a line this reader does not parse`);
const key = entry[1].toLowerCase();
if (section === "core" && key !== "repositoryformatversion")
continue;
const raw = entry[2] ?? "true";
if (/["\\]/.test(raw))
throw new GitCliFallback(`${configFile}: ${section}.${key} is quoted`);
const value = raw.replace(/\s*[#;].*$/, "").trim();
if (section === "core") {
if (!/^\d+$/.test(value) || Number(value) > 1)
throw new GitCliFallback(`repository format version ${value}`);
}
else if (key === "objectformat") {
if (value !== "sha1")
throw new GitCliFallback(`object format ${value}`);
}
else if (!HARMLESS_EXTENSIONS.has(key)) {
throw new GitCliFallback(`repository extension ${key}`);
}
}
}
packed() {
if (this.packedRefs)
return this.packedRefs;
const file = (0, external_node_path_.join)(this.layout.commonDir, "packed-refs");
const refs = new Map();
const text = readIfPresent(file) ?? "";
const lines = text.split("\n");
lines.forEach((line, index) => {
if (line === "" && index === lines.length - 1)
return;
if (index === 0 && line.startsWith("# pack-refs with:"))
return;
const ref = /^([0-9a-f]{40}) (refs\/\S+)$/.exec(line);
if (ref)
refs.set(ref[2], ref[1]);
else if (!/^\^[0-9a-f]{40}$/.test(line))
throw new GitCliFallback(`${file} line ${index + 1} is not one this reader parses`);
});
this.packedRefs = refs;
return refs;
}
rawRef(refname) {
const { gitDir, commonDir } = this.layout;
if (refname !== "HEAD" && !refname.startsWith("refs/")) {
if (exists((0, external_node_path_.join)(gitDir, refname)) ||
(commonDir !== gitDir && exists((0, external_node_path_.join)(commonDir, refname))))
throw new GitCliFallback(`${refname} names a file in the git directory`);
return undefined;
}
if (!isPlainRefName(refname))
throw new GitCliFallback(`'${refname}' is not a plain ref name`);
if (/^refs\/(bisect|worktree|rewritten)\//.test(refname))
throw new GitCliFallback(`${refname} is a per-worktree ref`);
const file = (0, external_node_path_.join)(refname === "HEAD" ? gitDir : commonDir, refname);
let stats;
try {
stats = (0, external_node_fs_.lstatSync)(file);
}
catch (error) {
if (errnoOf(error) !== "ENOENT" && errnoOf(error) !== "ENOTDIR")
throw new GitCliFallback(`cannot inspect ${file}: ${String(error)}`);
}
if (stats?.isSymbolicLink())
throw new GitCliFallback(`${file} is a symbolic link`);
if (stats?.isFile())
return parseRefText((0, external_node_fs_.readFileSync)(file, "utf8"), file);
if (stats && !stats.isDirectory())
throw new GitCliFallback(`${file} is not a file`);
if (refname === "HEAD")
return undefined;
const packed = this.packed().get(refname);
return packed === undefined ? undefined : { object: packed };
}
resolveRef(refname) {
let name = refname;
for (let depth = 0; depth <= MAX_SYMREF_DEPTH; depth++) {
const raw = this.rawRef(name);
if (!raw)
return undefined;
if ("object" in raw)
return raw.object;
if (!raw.target.startsWith("refs/"))
throw new GitCliFallback(`${name} points to ${raw.target}, outside refs/`);
name = raw.target;
}
throw new GitCliFallback(`${refname} is a chain of more than ${MAX_SYMREF_DEPTH} symbolic refs`);
}
resolveRevision(revision) {
if (/^[0-9a-fA-F]{40}$/.test(revision))
return revision.toLowerCase();
if (!isPlainRefName(revision))
throw new GitCliFallback(`'${revision}' is not a plain ref name`);
for (const rule of REF_RULES) {
const object = this.resolveRef(rule(revision));
if (object !== undefined)
return object;
}
if (/^[0-9a-fA-F]{4,}$/.test(revision) || /-g[0-9a-fA-F]+$/.test(revision))
throw new GitCliFallback(`'${revision}' may be an abbreviated object name`);
return undefined;
}
listPacks() {
const dir = (0, external_node_path_.join)(this.objectsDir, "pack");
let names;
try {
names = (0, external_node_fs_.readdirSync)(dir);
}
catch (error) {
if (errnoOf(error) !== "ENOENT")
throw new GitCliFallback(`cannot list ${dir}`);
names = [];
}
const present = new Set(names);
return names
.filter(name => name.endsWith(".idx") && present.has(`${name.slice(0, -4)}.pack`))
.sort()
.map(name => new Pack((0, external_node_path_.join)(dir, name), (0, external_node_path_.join)(dir, `${name.slice(0, -4)}.pack`)));
}
locate(object) {
const id = Buffer.from(object, "hex");
for (let attempt = 0; attempt < 2; attempt++) {
if (attempt === 1 || !this.packs)
this.packs = this.listPacks();
for (const pack of this.packs) {
const offset = pack.find(id);
if (offset !== undefined)
return { pack, offset };
}
const loose = (0, external_node_path_.join)(this.objectsDir, object.slice(0, 2), object.slice(2));
if (exists(loose))
return { loose };
}
throw new GitCliFallback(`object ${object} is in no pack and no loose file`);
}
looseHeader(file, data) {
const end = data.indexOf(0);
const match = end > 0 ? /^(commit|tree|blob|tag) (\d+)$/.exec(data.toString("latin1", 0, end)) : null;
if (!match)
throw corrupt(file, "no loose object header");
return { type: match[1], size: Number(match[2]), start: end + 1 };
}
readLoose(file) {
const raw = (0, external_node_fs_.readFileSync)(file);
let inflated;
try {
inflated = (0, external_node_zlib_.inflateSync)(raw);
}
catch (error) {
throw corrupt(file, `does not inflate (${String(error)})`);
}
const { type, size, start } = this.looseHeader(file, inflated);
if (inflated.length - start !== size)
throw corrupt(file, `holds ${inflated.length - start} bytes, its header says ${size}`);
return { type, data: inflated.subarray(start), file };
}
info(object) {
let location = this.locate(object);
let size;
for (let depth = 0; depth <= MAX_DELTA_CHAIN; depth++) {
if ("loose" in location) {
const prefix = inflatePrefix(readAt(location.loose, 0, PREFIX_READ));
if (prefix.indexOf(0) > 0) {
const header = this.looseHeader(location.loose, prefix);
return { type: header.type, size: size ?? header.size };
}
const whole = this.readLoose(location.loose);
return { type: whole.type, size: size ?? whole.data.length };
}
const { pack, offset } = location;
const { header, bytes } = pack.header(offset);
const type = PACK_TYPES[header.typeNumber];
if (type)
return { type, size: size ?? header.size };
if (size === undefined) {
let instructions = inflatePrefix(pack.compressed(offset, header, bytes, PREFIX_READ));
let sizes = deltaVarint(instructions, 0);
let result = sizes && deltaVarint(instructions, sizes.next);
if (!result) {
instructions = pack.data(offset, header, bytes);
sizes = deltaVarint(instructions, 0);
result = sizes && deltaVarint(instructions, sizes.next);
if (!result)
throw corrupt(pack.packFile, `the delta at offset ${offset} is cut short`);
}
size = result.value;
}
location =
header.baseOffset !== undefined
? { pack, offset: header.baseOffset }
: this.locate(header.baseId);
}
throw corrupt(object, `a delta chain longer than ${MAX_DELTA_CHAIN}`);
}
readStructure(object) {
const cached = this.parsed.get(object);
if (cached)
return cached;
const found = this.read(object);
if (found.type !== "blob") {
if (this.parsed.size >= 256)
this.parsed.clear();
this.parsed.set(object, found);
}
return found;
}
read(object) {
let location = this.locate(object);
const deltas = [];
let base;
for (let depth = 0; !base; depth++) {
if (depth > MAX_DELTA_CHAIN)
throw corrupt(deltas[0].file, `object ${object} has a delta chain longer than ${MAX_DELTA_CHAIN}`);
if ("loose" in location) {
base = this.readLoose(location.loose);
break;
}
const { pack, offset } = location;
const { header, bytes } = pack.header(offset);
const data = pack.data(offset, header, bytes);
const type = PACK_TYPES[header.typeNumber];
if (type) {
base = { type, data, file: pack.packFile };
break;
}
deltas.push({ delta: data, file: pack.packFile });
location =
header.baseOffset !== undefined
? { pack, offset: header.baseOffset }
: this.locate(header.baseId);
}
let data = base.data;
for (let i = deltas.length - 1; i >= 0; i--)
data = applyDelta(data, deltas[i].delta, deltas[i].file);
return { type: base.type, data, file: deltas[0]?.file ?? base.file };
}
readChecked(object) {
const found = this.readStructure(object);
if (objectHash(found.type, found.data) !== object)
throw corrupt(found.file, `object ${object} does not match its name`);
return found;
}
treeOf(object) {
let current = object;
for (let depth = 0; depth <= MAX_PEEL_DEPTH; depth++) {
if (this.info(current).type === "blob")
throw new GitCliFallback(`${current} is a blob, not a tree-ish`);
const found = this.readChecked(current);
if (found.type === "tree")
return { id: current, tree: found };
const pointer = found.type === "commit" ? "tree" : "object";
const match = new RegExp(`^${pointer} ([0-9a-f]{40})\n`).exec(found.data.toString("latin1", 0, 100));
if (!match)
throw corrupt(found.file, `${found.type} ${current} names no ${pointer}`);
current = match[1];
}
throw new GitCliFallback(`${object} is a chain of more than ${MAX_PEEL_DEPTH} tags`);
}
entry(revision, path) {
const components = pathComponents(path);
const start = this.resolveRevision(revision);
if (start === undefined)
return undefined;
let { id: treeId, tree } = this.treeOf(start);
for (let i = 0; i < components.length; i++) {
if (tree.type !== "tree")
throw corrupt(tree.file, `${treeId} is a ${tree.type}, not a tree`);
const found = findInTree(tree, treeId, components[i]);
if (!found)
return undefined;
const mode = canonicalMode(found.mode);
const type = mode === S_IFDIR ? "tree" : mode === S_IFGITLINK ? "commit" : "blob";
if (i === components.length - 1) {
const entry = {
mode: mode.toString(8).padStart(6, "0"),
type,
object: found.object
};
if (type === "blob") {
const info = this.info(found.object);
if (info.type !== "blob")
throw new GitCliFallback(`${found.object} is not a blob`);
entry.size = info.size;
}
return entry;
}
if (type !== "tree")
return undefined;
treeId = found.object;
tree = this.readStructure(treeId);
}
return undefined;
}
readBlob(object) {
if (!/^[0-9a-f]{40}$/.test(object))
throw new GitCliFallback(`'${object}' is not an object name`);
const found = this.read(object);
if (found.type !== "blob")
throw new GitCliFallback(`${object} is a ${found.type}, not a blob`);
return found.data;
}
}
function findInTree(tree, treeId, name) {
const data = tree.data;
let previous;
for (let position = 0; position < data.length;) {
const space = data.indexOf(32, position);
const nul = space < 0 ? -1 : data.indexOf(0, space + 1);
if (space <= position || nul <= space + 1 || nul + 21 > data.length)
throw corrupt(tree.file, `tree ${treeId} has a malformed entry`);
const modeText = data.toString("latin1", position, space);
if (!/^[0-7]+$/.test(modeText))
throw corrupt(tree.file, `tree ${treeId} has mode '${modeText}'`);
const mode = parseInt(modeText, 8);
const entryName = data.subarray(space + 1, nul);
const isTree = (mode & S_IFMT) === S_IFDIR;
if (previous && compareTreeNames(previous.name, previous.isTree, entryName, isTree) >= 0)
throw new GitCliFallback(`tree ${treeId} is not in git's order`);
previous = { name: entryName, isTree };
if (entryName.equals(name))
return { mode, object: data.toString("hex", nul + 1, nul + 21) };
position = nul + 21;
}
return undefined;
}
function openObjectStore(cwd, env = process.env) {
const moved = LAYOUT_VARIABLES.filter(name => env[name] !== undefined);
if (moved.length)
throw new GitCliFallback(`${moved.join(", ")} set`);
return new LocalObjectStore(discover(cwd), env).check();
}
;
const MAX_GIT_LINK_HOPS = 8;
function execGit(env) {
return (args, cwd) => new Promise(resolvePromise => {
(0, external_node_child_process_.execFile)("git", args, {
cwd,
maxBuffer: yaml_source.ZJ + 1024 * 1024,
encoding: "buffer",
...(env && { env })
}, (error, stdout) => {
resolvePromise({
code: error ? Number(error.code ?? 1) || 1 : 0,
stdout
});
});
});
}
const ASK_GIT = Symbol("ask the git CLI");
function createGitReader(cwd, options = {}) {
const fetched = new Set();
const runGit = options.runGit ?? execGit(options.env);
const git = (args) => runGit(args, cwd);
let store;
let storeUnusable = options.inProcess === false;
const inProcess = (read) => {
if (storeUnusable)
return ASK_GIT;
try {
store ??= openObjectStore(cwd, options.env ?? process.env);
}
catch {
storeUnusable = true;
return ASK_GIT;
}
try {
return read(store);
}
catch {
return ASK_GIT;
}
};
const entryAt = async (revision, path) => {
const answer = inProcess(opened => opened.entry(revision, path));
if (answer !== ASK_GIT)
return answer;
const listed = await git([
"--literal-pathspecs",
"ls-tree",
"-z",
"--long",
"--full-tree",
"--end-of-options",
revision,
"--",
path
]);
if (listed.code !== 0)
return undefined;
const match = /^(\d+) (\w+) ([0-9a-f]+) +(\d+|-)\t([^\0]*)\0/.exec(listed.stdout.toString("utf8"));
if (!match || match[5] !== path)
return undefined;
return {
mode: match[1],
type: match[2],
object: match[3],
...(match[4] !== "-" && { size: Number(match[4]) })
};
};
const blob = async (object) => {
const answer = inProcess(opened => opened.readBlob(object));
if (answer !== ASK_GIT)
return { ok: true, bytes: answer };
const read = await git(["cat-file", "blob", object]);
return { ok: read.code === 0, bytes: read.stdout };
};
const lookup = async (revision, path) => {
const entry = await entryAt(revision, path);
if (entry)
return entry;
const remoteBranch = /^origin\/(.+)$/.exec(revision)?.[1];
if (!options.fetchMissing || !remoteBranch || fetched.has(remoteBranch))
return undefined;
fetched.add(remoteBranch);
const fetch = await git([
"fetch",
"--no-tags",
"--depth=1",
"--end-of-options",
"origin",
`+refs/heads/${remoteBranch}:refs/remotes/origin/${remoteBranch}`
]);
store = undefined;
storeUnusable = options.inProcess === false;
return fetch.code === 0 ? entryAt(revision, path) : undefined;
};
return {
async show(revision, path) {
const shown = `${revision}:${path}`;
const refuse = (message) => {
throw new errors.ConfigurationError([{ file: shown, message }]);
};
let current = external_node_path_.posix.normalize(path);
for (let hop = 0; hop <= MAX_GIT_LINK_HOPS; hop++) {
const entry = await lookup(revision, current);
if (!entry)
return undefined;
if (entry.mode === "120000") {
const target = (await blob(entry.object)).bytes.toString("utf8");
const next = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(current), target));
if (external_node_path_.posix.isAbsolute(target) || next === ".." || next.startsWith("../"))
refuse("is a symbolic link to a file outside the repository; it was not read");
current = next;
continue;
}
if (entry.type === "tree")
refuse("is a directory, not a file");
if (entry.type !== "blob")
refuse(`is not a file (a ${entry.type})`);
if (entry.size !== undefined && entry.size > yaml_source.ZJ)
refuse(`file is ${entry.size} bytes; the limit is ${yaml_source.ZJ} bytes`);
const read = await blob(entry.object);
if (!read.ok)
return undefined;
return (0, yaml_source._6)(shown, read.bytes);
}
return refuse(`is a chain of more than ${MAX_GIT_LINK_HOPS} symbolic links`);
}
};
}
})
};
