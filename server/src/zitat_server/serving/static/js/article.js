// The article with its quotes marked: message pieces tinted in the speaker's colour and
// underlined by form, cues in bold, source mentions boxed, and before each quote a numbered
// badge that takes keyboard focus. Offsets from the API count Unicode code points.

import { el } from "./dom.js";
import { form, formClass, speakerName } from "./labels.js";

// code point index -> UTF-16 index of `text` (the identity unless it has astral characters).
function unitIndex(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (i) => map[Math.max(0, Math.min(i, map.length - 1))];
}

function depths(quotes) {
  const depth = (i, seen = 0) => {
    const p = quotes[i].parent ?? 0; // protobuf JSON leaves out 0
    return p < 0 || p === i || p >= quotes.length || seen > quotes.length ? 0 : 1 + depth(p, seen + 1);
  };
  return quotes.map((_, i) => depth(i));
}

// The text cut at every span boundary: pieces [start, end) in code points with the quote whose
// message covers them (the innermost one) and the quotes whose cue or source they are. One
// sweep over the boundaries with the spans open at each, so long articles stay fast.
export function pieces(length, quotes) {
  const clamp = (x) => Math.max(0, Math.min(length, x || 0));
  const spans = [];
  const add = (kind, q, s) => {
    const span = { kind, q, start: clamp(s.start), end: clamp(s.end) };
    if (span.end > span.start) spans.push(span);
  };
  quotes.forEach((q, i) => {
    for (const s of q.message || []) add("msg", i, s);
    for (const s of q.cue || []) add("cue", i, s);
    if (q.source) add("src", i, q.source);
  });
  const bounds = [...new Set([0, length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const opening = new Map();
  for (const s of spans) {
    if (!opening.has(s.start)) opening.set(s.start, []);
    opening.get(s.start).push(s);
  }
  const depth = depths(quotes);
  const size = quotes.map((q) => (q.message || []).reduce((n, s) => n + (s.end || 0) - (s.start || 0), 0));
  const open = new Set();
  const out = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const start = bounds[k];
    const end = bounds[k + 1];
    for (const s of open) if (s.end <= start) open.delete(s);
    for (const s of opening.get(start) || []) open.add(s);
    const piece = { start, end, msg: -1, cue: [], src: [] };
    for (const s of open) {
      if (s.kind === "cue") piece.cue.push(s.q);
      else if (s.kind === "src") piece.src.push(s.q);
      else if (piece.msg < 0 || depth[s.q] > depth[piece.msg] ||
               (depth[s.q] === depth[piece.msg] && size[s.q] < size[piece.msg])) piece.msg = s.q;
    }
    out.push(piece);
  }
  return out;
}

// Where each quote starts (its first message piece), in code points.
function quoteStarts(quotes) {
  return quotes.map((q) => Math.min(...(q.message || []).map((s) => s.start || 0), Infinity));
}

export class ArticleView {
  // `speakerOf(quote)` gives the document speaker or null, `colourOf(quote)` its colours,
  // `onSelect(index)` is told when a quote is selected (null: none), `onHover(index)` when the
  // pointer enters a quote, its cue or its source (null: it left them).
  constructor(container, { speakerOf, colourOf, onSelect, onHover }) {
    this.container = container;
    this.speakerOf = speakerOf;
    this.colourOf = colourOf;
    this.onSelect = onSelect;
    this.onHover = onHover;
    this.selected = null;
    this.hovered = null;
    container.addEventListener("click", (e) => this.#click(e));
    container.addEventListener("mouseover", (e) => {
      const target = e.target.closest("[data-anchor], [data-q]");
      if (target) this.#hover(+(target.dataset.anchor ?? target.dataset.q));
    });
    container.addEventListener("mouseleave", () => this.#hover(null));
    container.addEventListener("keydown", (e) => this.#key(e));
    container.addEventListener("focusin", (e) => {
      const q = e.target.dataset && e.target.dataset.anchor;
      if (q !== undefined) this.select(+q);
    });
  }

  render(text, quotes) {
    this.quotes = quotes;
    this.marks = quotes.map(() => ({ msg: [], cue: [], src: [] }));
    this.anchors = [];
    const unit = unitIndex(text);
    const starts = quoteStarts(quotes);
    const order = quotes.map((_, i) => i).sort((a, b) => starts[a] - starts[b] || a - b);
    const number = new Map(order.map((q, n) => [q, n + 1]));
    const byStart = new Map();
    for (const q of order) {
      if (!byStart.has(starts[q])) byStart.set(starts[q], []);
      byStart.get(starts[q]).push(q);
    }
    const frag = document.createDocumentFragment();
    for (const p of pieces(Array.from(text).length, quotes)) {
      for (const q of byStart.get(p.start) || []) frag.append(this.#anchor(q, number.get(q), quotes.length));
      byStart.delete(p.start);
      const chunk = text.slice(unit(p.start), unit(p.end));
      if (p.msg < 0 && !p.cue.length && !p.src.length) {
        frag.append(chunk);
        continue;
      }
      frag.append(this.#mark(p, chunk));
    }
    this.container.replaceChildren(frag);
    this.anchors = order.map((q) => this.anchorOf(q));
    this.selected = null;
    this.hovered = null;
  }

  anchorOf(q) {
    return this.container.querySelector(`[data-anchor="${q}"]`);
  }

  #anchor(q, n, total) {
    const quote = this.quotes[q];
    const f = form(quote.form);
    const who = speakerName(this.speakerOf(quote));
    const c = this.colourOf(quote);
    return el("span", {
      class: `anchor ${formClass(quote.form)}`,
      tabindex: "0",
      role: "button",
      "aria-pressed": "false",
      "aria-label": `Quote ${n} of ${total}, ${f.label}, ${who}`,
      title: `${f.label} — ${who}`,
      "data-anchor": q,
      style: { "--tint": c.tint, "--strong": c.strong },
    }, `${f.abbr}${n}`);
  }

  #mark(p, chunk) {
    const classes = [];
    const style = {};
    if (p.msg >= 0) {
      const quote = this.quotes[p.msg];
      const c = this.colourOf(quote);
      classes.push("q", formClass(quote.form));
      style["--tint"] = c.tint;
      style["--strong"] = c.strong;
    }
    if (p.cue.length) classes.push("cue");
    if (p.src.length) {
      classes.push("src");
      style["--src"] = this.colourOf(this.quotes[p.src[0]]).strong;
    }
    const node = el("span", { class: classes.join(" "), style, "data-q": p.msg >= 0 ? p.msg : null }, chunk);
    if (p.msg >= 0) this.marks[p.msg].msg.push(node);
    for (const q of p.cue) this.marks[q].cue.push(node);
    for (const q of p.src) this.marks[q].src.push(node);
    if (p.msg < 0 && (p.cue.length || p.src.length)) node.dataset.q = (p.cue[0] ?? p.src[0]);
    return node;
  }

  select(q) {
    if (q === this.selected) return;
    if (this.selected !== null) this.#markSelected(this.selected, false);
    this.selected = q;
    if (q !== null) this.#markSelected(q, true);
    this.container.classList.toggle("has-selection", q !== null);
    this.onSelect(q);
  }

  #hover(q) {
    if (q === this.hovered) return;
    if (this.hovered !== null) this.#markPieces(this.hovered, "hov", false);
    this.hovered = q;
    if (q !== null) this.#markPieces(q, "hov", true);
    this.onHover(q);
  }

  #markPieces(q, prefix, on) {
    const m = this.marks[q];
    for (const n of m.msg) n.classList.toggle(prefix, on);
    for (const n of m.cue) n.classList.toggle(`${prefix}-cue`, on);
    for (const n of m.src) n.classList.toggle(`${prefix}-src`, on);
  }

  #markSelected(q, on) {
    this.#markPieces(q, "sel", on);
    const a = this.anchorOf(q);
    if (a) {
      a.classList.toggle("sel", on);
      a.setAttribute("aria-pressed", String(on));
    }
  }

  #click(e) {
    const target = e.target.closest("[data-anchor], [data-q]");
    if (!target || !this.container.contains(target)) return;
    const q = +(target.dataset.anchor ?? target.dataset.q);
    this.select(q);
    this.anchorOf(q)?.focus({ preventScroll: true });
  }

  #key(e) {
    const a = e.target.dataset && e.target.dataset.anchor;
    if (a === undefined) return;
    const pos = this.anchors.indexOf(e.target);
    let next = null;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = Math.min(pos + 1, this.anchors.length - 1);
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = Math.max(pos - 1, 0);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = this.anchors.length - 1;
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.select(+a);
      return;
    } else if (e.key === "Escape") {
      this.select(null);
      return;
    } else return;
    e.preventDefault();
    this.anchors[next].focus();
  }
}
