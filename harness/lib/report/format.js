// Number formatting shared by every report: times, ratios, percentages and sweep sizes, and
// values by their declared unit.
'use strict';

const TIME_UNITS = [[1e9, 's'], [1e6, 'ms'], [1e3, 'µs'], [1, 'ns']];

/** Nanoseconds as three significant digits in the largest unit that keeps them ≥ 1 ("40.0 ns", "1.23 µs"). */
function formatTime(ns) {
  if (ns === undefined || ns === null) return '-';
  const [scale, unit] = TIME_UNITS.find(([s]) => ns >= s) ?? TIME_UNITS[TIME_UNITS.length - 1];
  return `${(ns / scale).toPrecision(3)} ${unit}`;
}

/** A ratio with three significant digits and an "x" ("1.54x", "123x"); "-" when absent. */
function formatRatio(ratio) {
  if (ratio === undefined || ratio === null) return '-';
  return ratio >= 100 ? `${Math.round(ratio)}x` : `${ratio.toPrecision(3)}x`;
}

/** A fraction as a percentage with one decimal ("4.2%"); "-" when absent. */
function formatPercent(fraction) {
  return fraction === undefined || fraction === null ? '-' : `${(fraction * 100).toFixed(1)}%`;
}

/** Up to three significant digits without trailing zeros. */
function short(value) {
  return String(Number(value.toPrecision(3)));
}

/** A sweep size: bytes with binary prefixes ("4 KiB"), anything else as a count ("n=1k"). */
function formatSize(size, unit) {
  if (unit === 'B') {
    const [scale, prefix] = [[2 ** 20, 'MiB'], [2 ** 10, 'KiB'], [1, 'B']].find(([s]) => size >= s) ?? [1, 'B'];
    return `${short(size / scale)} ${prefix}`;
  }
  const [scale, prefix] = [[1e6, 'M'], [1e3, 'k'], [1, '']].find(([s]) => size >= s) ?? [1, ''];
  return `n=${short(size / scale)}${prefix}`;
}

/** Each unit a measure can be declared in, and how its values read. */
const UNITS = {
  ns: formatTime,
  ratio: formatRatio,
  fraction: formatPercent,
};

/** A measured value in its declared unit (a key of UNITS); throws a TypeError for an unknown unit. */
function formatValue(value, unit) {
  if (!UNITS[unit]) throw new TypeError(`formatValue: unknown unit "${unit}" (known: ${Object.keys(UNITS).join(', ')})`);
  return UNITS[unit](value);
}

module.exports = { formatTime, formatRatio, formatPercent, formatSize, formatValue };
