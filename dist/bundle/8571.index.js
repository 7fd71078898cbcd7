export const id = 8571;
export const ids = [8571];
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
})
};
