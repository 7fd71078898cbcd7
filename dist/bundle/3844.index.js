export const id = 3844;
export const ids = [3844, 8571];
export const modules = {
8571: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
a: () => (formatDuration),
parseDuration: () => (parseDuration)
});
var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
const UNIT_MS = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
function parseDuration(text) {
if (typeof text === "number") {
if (!Number.isFinite(text) || text < 0)
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`invalid duration ${text}: use a number of seconds or a number with a unit, e.g. 90s, 45m, 2h`);
return text * 1000;
}
const trimmed = text.trim();
if (/^\d+(\.\d+)?$/.test(trimmed))
return Number(trimmed) * 1000;
let total = 0;
let consumed = 0;
for (const match of trimmed.matchAll(PART)) {
if (match.index !== consumed)
break;
total += Number(match[1]) * UNIT_MS[match[2]];
consumed += match[0].length;
}
if (consumed === 0 || consumed !== trimmed.length) {
throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.ConfigurationError(`invalid duration '${text}': use a number with a unit, e.g. 90s, 45m, 2h, 1h30m`);
}
return total;
}
function formatDuration(ms) {
if (ms < 1000)
return `${Math.round(ms)}ms`;
const seconds = Math.round(ms / 1000);
const h = Math.floor(seconds / 3600);
const m = Math.floor((seconds % 3600) / 60);
const s = seconds % 60;
return [h ? `${h}h` : "", m ? `${m}m` : "", s || (!h && !m) ? `${s}s` : ""].join("");
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
}),
2158: ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
__webpack_require__.d(__webpack_exports__, {
BA7: () => (withDescription),
BpQ: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.BpQ),
C: () => (withMeta),
FsL: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.FsL),
Ikc: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ikc),
KCZ: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.KCZ),
L5J: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.L5J),
OZ5: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.OZ5),
Rpp: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Rpp),
Ru6: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ru6),
Rvf: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Rvf),
Whr: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.Whr),
YOg: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.YOg),
YPB: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.YPB),
YjP: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.YjP),
ZnW: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.ZnW),
_H3: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__._H3),
aig: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.aig),
chJ: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.chJ),
euz: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.euz),
g1P: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.g1P),
gMt: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.gMt),
k5n: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.k5n),
lqM: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.lqM),
p6U: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.p6U),
pdi: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.pdi),
rej: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.rej),
tmp: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.tmp),
yGV: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.yGV),
yjt: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.yjt),
zMY: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.zMY),
zni: () => (zod_mini__WEBPACK_IMPORTED_MODULE_2__.zni)
});
var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4723);
var zod_mini__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9396);
var zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8183);
if (!(0, zod_mini__WEBPACK_IMPORTED_MODULE_0__.$W)().localeError)
(0, zod_mini__WEBPACK_IMPORTED_MODULE_0__.$W)((0, zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__.A)());
function withMeta(schema, metadata) {
const copy = (0, zod_mini__WEBPACK_IMPORTED_MODULE_3__.o8)(schema);
zod_mini__WEBPACK_IMPORTED_MODULE_4__.fd.add(copy, metadata);
return copy;
}
function withDescription(schema, description) {
return withMeta(schema, { description });
}
})
};
