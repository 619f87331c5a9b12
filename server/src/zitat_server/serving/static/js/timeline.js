// A speaker's claims per week or month, by outlet: stacked bars drawn with uPlot (vendored),
// the same numbers as a table, and a one-line summary for screen readers.

import { el } from "./dom.js";
import { colour } from "./palette.js";

const DAY = 86400000;

// The start (UTC ms) of the week (Monday) or month containing `ms`.
export function bucketStart(ms, unit) {
  const d = new Date(ms);
  if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return day - ((d.getUTCDay() + 6) % 7) * DAY;
}

function nextBucket(ms, unit) {
  if (unit === "week") return ms + 7 * DAY;
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function prevBucket(ms, unit) {
  if (unit === "week") return ms - 7 * DAY;
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
}

// Counts per bucket and outlet over every bucket from the first to the last dated claim.
export function bucketise(claims, unit) {
  const dated = claims.filter((c) => c.publishedAt);
  const outlets = [...new Set(dated.map((c) => c.outlet || "(no outlet)"))].sort();
  if (!dated.length) return { unit, starts: [], outlets, counts: [], undated: claims.length };
  const times = dated.map((c) => bucketStart(Date.parse(c.publishedAt), unit));
  const starts = [];
  for (let t = Math.min(...times); t <= Math.max(...times); t = nextBucket(t, unit)) starts.push(t);
  const index = new Map(starts.map((t, i) => [t, i]));
  const counts = outlets.map(() => starts.map(() => 0));
  dated.forEach((c, k) => {
    counts[outlets.indexOf(c.outlet || "(no outlet)")][index.get(times[k])] += 1;
  });
  return { unit, starts, outlets, counts, undated: claims.length - dated.length };
}

// Week for short histories, month once they span more than half a year.
export function defaultUnit(claims) {
  const t = claims.filter((c) => c.publishedAt).map((c) => Date.parse(c.publishedAt));
  return t.length && Math.max(...t) - Math.min(...t) > 182 * DAY ? "month" : "week";
}

function label(ms, unit) {
  const iso = new Date(ms).toISOString();
  return unit === "month" ? iso.slice(0, 7) : `week of ${iso.slice(0, 10)}`;
}

// Every bucket start, or every k-th one so that labels keep about 70 px apart.
function ticks(starts, width) {
  const k = Math.max(1, Math.ceil(starts.length / Math.max(2, Math.floor(width / 70))));
  return starts.filter((_, i) => i % k === 0);
}

function tick(ms, unit) {
  const iso = new Date(ms).toISOString();
  return unit === "month" ? iso.slice(0, 7) : iso.slice(5, 10);
}

function table(b) {
  const head = el("tr", {}, el("th", { scope: "col" }, b.unit), ...b.outlets.map((o) => el("th", { scope: "col" }, o)));
  const rows = b.starts.map((t, i) => el("tr", {}, el("th", { scope: "row" }, label(t, b.unit)),
    ...b.outlets.map((_, k) => el("td", {}, String(b.counts[k][i])))));
  return [el("thead", {}, head), el("tbody", {}, ...rows)];
}

function summary(b) {
  if (!b.starts.length) return "No dated claims to chart.";
  const total = b.counts.map((row) => row.reduce((x, y) => x + y, 0));
  const busiest = b.starts.map((_, i) => b.counts.reduce((n, row) => n + row[i], 0));
  const peak = busiest.indexOf(Math.max(...busiest));
  return `Claims per ${b.unit} by outlet, ${label(b.starts[0], b.unit)} to ${label(b.starts.at(-1), b.unit)}: ` +
    b.outlets.map((o, k) => `${o} ${total[k]}`).join(", ") +
    `; most in ${label(b.starts[peak], b.unit)} (${busiest[peak]}).`;
}

export class Timeline {
  constructor(container, tableNode) {
    this.container = container;
    this.tableNode = tableNode;
    this.plot = null;
    new ResizeObserver(() => this.#resize()).observe(container);
  }

  #size() {
    const width = Math.max(240, Math.floor(this.container.clientWidth));
    return { width, height: width < 500 ? 220 : 280 };
  }

  #resize() {
    if (this.plot) this.plot.setSize(this.#size());
  }

  draw(claims, unit) {
    const b = bucketise(claims, unit);
    this.tableNode.replaceChildren(...table(b));
    this.container.setAttribute("aria-label", summary(b));
    this.plot?.destroy();
    this.plot = null;
    this.container.replaceChildren();
    if (!b.starts.length) {
      this.container.append(el("p", { class: "muted" }, "No dated claims to chart."));
      return b;
    }
    if (typeof window.uPlot !== "function") {
      this.container.append(el("p", { class: "muted" }, "The chart library did not load; the table below has the numbers."));
      return b;
    }
    // Stacked bars: series k draws the sum of outlets k..n-1, so that each later (shorter) bar
    // covers the lower part of the one before and every outlet keeps its own band.
    const padded = [prevBucket(b.starts[0], unit), ...b.starts, nextBucket(b.starts.at(-1), unit)];
    const raw = b.counts.map((row) => [0, ...row, 0]);
    const stacked = raw.map((_, k) => padded.map((__, i) => raw.slice(k).reduce((n, row) => n + row[i], 0)));
    const top = Math.max(1, ...stacked[0]);
    for (const row of stacked) row.forEach((v, i) => { if (v === 0) row[i] = null; }); // no bar, not a flat one
    const bars = window.uPlot.paths.bars({ size: [0.7, 64] });
    this.plot = new window.uPlot({
      ...this.#size(),
      scales: { x: { time: true }, y: { range: [0, Math.ceil(top * 1.15)] } },
      axes: [
        { splits: () => ticks(padded, this.#size().width).map((t) => t / 1000),
          values: (u, splits) => splits.map((t) => tick(t * 1000, unit)) },
        { label: "claims", values: (u, splits) => splits.map((t) => (Number.isInteger(t) ? t : "")) },
      ],
      legend: { live: true },
      cursor: { points: { show: false } },
      series: [
        { label: unit, value: (u, v) => (v == null ? "–" : label(v * 1000, unit)) },
        ...b.outlets.map((o, k) => ({
          label: o,
          fill: colour(k).strong,
          stroke: colour(k).strong,
          paths: bars,
          points: { show: false },
          value: (u, v, si, i) => (i == null ? "–" : String(raw[k][i])),
        })),
      ],
    }, [padded.map((t) => t / 1000), ...stacked], this.container);
    return b;
  }
}
