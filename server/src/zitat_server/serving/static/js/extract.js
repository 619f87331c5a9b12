// The Extract view: an article in, its quotes marked, a legend of speakers and forms, and the
// selected quote's cue, source mention and resolved speaker.

import { call, describe, tooLongMessage } from "./api.js";
import { ArticleView } from "./article.js";
import { el, show } from "./dom.js";
import { FORMS, form, formClass, medium, speakerName, speakerType } from "./labels.js";
import { UNRESOLVED, colour } from "./palette.js";

const $ = (id) => document.getElementById(id);
const SIDE_PANEL = window.matchMedia("(min-width: 901px)");

export class ExtractView {
  constructor(server) {
    this.server = server; // { maxDocumentBytes } once known
    this.textarea = $("article");
    this.article = new ArticleView($("doc"), {
      speakerOf: (q) => this.speakerOf(q),
      colourOf: (q) => this.colourOf(q),
      onSelect: (i) => this.#detail(i),
      onHover: (i) => this.#preview(i),
    });
    $("extract-form").addEventListener("submit", (e) => {
      e.preventDefault();
      this.extract();
    });
    $("article-file").addEventListener("change", (e) => this.#open(e.target.files[0]));
    $("detail-close").addEventListener("click", () => {
      const q = this.article.selected;
      if (q !== null) this.article.anchorOf(q)?.focus(); // first: focusing an anchor selects it
      this.article.select(null);
    });
    this.textarea.addEventListener("input", () => this.#size());
    this.#formLegend();
  }

  speakerOf(quote) {
    return (quote.speakerId && this.speakers.get(quote.speakerId)) || null;
  }

  colourOf(quote) {
    const i = quote.speakerId ? this.colourIndex.get(quote.speakerId) : undefined;
    return i === undefined ? UNRESOLVED : colour(i);
  }

  #bytes() {
    return new TextEncoder().encode(this.textarea.value).length;
  }

  #size() {
    const n = this.#bytes();
    const limit = this.server.maxDocumentBytes;
    $("article-size").textContent = n ? `${(n / 1000).toFixed(1)} kB${limit ? ` of at most ${(limit / 1000).toFixed(0)} kB` : ""}` : "";
  }

  async #open(file) {
    if (!file) return;
    this.textarea.value = await file.text();
    this.#size();
  }

  async extract() {
    const error = $("extract-error");
    const text = this.textarea.value;
    show(error, "");
    if (!text.trim()) {
      show(error, "There is no text to analyse: paste an article first.");
      this.textarea.focus();
      return;
    }
    const limit = this.server.maxDocumentBytes;
    if (limit && this.#bytes() > limit) {
      show(error, tooLongMessage(this.#bytes(), limit));
      return;
    }
    const button = $("extract-button");
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    performance.clearMarks("extract-start");
    performance.mark("extract-start");
    try {
      const response = await call("POST", "/v1/extract", { body: { document: { text } } });
      performance.mark("extract-answer");
      this.#render(response.text || text, response);
      // Read by benchmarks/web_timing.py: the whole round trip, and the rendering alone.
      performance.measure("extract", "extract-start");
      performance.measure("extract-render", "extract-answer");
      $("extract-summary").scrollIntoView({ block: "start" });
    } catch (err) {
      show(error, describe(err));
      $("result").hidden = true;
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  }

  #render(text, response) {
    const quotes = response.quotes || [];
    this.speakers = new Map((response.speakers || []).map((s) => [s.entityId, s]));
    this.colourIndex = new Map();
    const counts = new Map();
    for (const q of quotes) {
      if (!q.speakerId || !this.speakers.has(q.speakerId)) continue;
      if (!this.colourIndex.has(q.speakerId)) this.colourIndex.set(q.speakerId, this.colourIndex.size);
      counts.set(q.speakerId, (counts.get(q.speakerId) || 0) + 1);
    }
    this.quotes = quotes;
    this.article.render(text, quotes);
    this.#speakerLegend(counts, quotes.filter((q) => !this.speakerOf(q)).length);
    this.#detail(null);
    const ms = response.timing ? Math.round(response.timing.processingMs || 0) : null;
    $("extract-summary").replaceChildren(
      `${quotes.length} quote${quotes.length === 1 ? "" : "s"}, ${counts.size} speaker${counts.size === 1 ? "" : "s"}`,
      ms !== null ? el("span", { id: "extract-ms" }, ` · ${ms} ms in the pipeline (${response.pipelineVersion})`) : "");
    $("result").hidden = false;
  }

  #speakerLegend(counts, unresolved) {
    const items = [...this.colourIndex.keys()].map((id) => {
      const s = this.speakers.get(id);
      const c = colour(this.colourIndex.get(id));
      const extra = [speakerType(s.type), ...(s.roles || [])].filter(Boolean).join(", ");
      const n = counts.get(id);
      return el("li", { class: "speaker" },
        el("span", { class: "swatch", style: { "--tint": c.tint, "--strong": c.strong }, "aria-hidden": "true" }),
        el("span", { class: "name" }, speakerName(s)),
        extra ? el("span", { class: "muted" }, ` (${extra})`) : null,
        el("span", { class: "count" }, ` — ${n} quote${n === 1 ? "" : "s"}`));
    });
    if (unresolved) {
      items.push(el("li", { class: "speaker" },
        el("span", { class: "swatch", style: { "--tint": UNRESOLVED.tint, "--strong": UNRESOLVED.strong }, "aria-hidden": "true" }),
        el("span", { class: "name" }, "no resolved speaker"),
        el("span", { class: "count" }, ` — ${unresolved} quote${unresolved === 1 ? "" : "s"}`)));
    }
    if (!items.length) items.push(el("li", { class: "muted" }, "No quotes found."));
    $("speaker-legend").replaceChildren(...items);
  }

  #formLegend() {
    $("form-legend").replaceChildren(...Object.entries(FORMS).map(([name, f]) =>
      el("li", {},
        el("span", { class: `sample q ${formClass(name)}`, style: { "--tint": UNRESOLVED.tint, "--strong": "#111" } }, f.abbr),
        ` ${f.label}`, el("span", { class: "muted" }, ` — ${f.hint}`))));
  }

  // Hovering shows a quote in the side panel, and leaving shows the selected one again; not
  // where the panel is a sheet over the article (narrow screens), which opens on selection only.
  #preview(i) {
    if (!SIDE_PANEL.matches) return;
    this.#detail(i ?? this.article.selected);
  }

  #detail(i) {
    const box = $("detail");
    const open = i !== null && i !== undefined;
    $("detail-panel").classList.toggle("open", open);
    document.querySelector(".result-grid").classList.toggle("selecting", open);
    $("detail-close").hidden = !open;
    if (!open) {
      box.replaceChildren(el("p", { class: "muted" },
        "Click a quote, or Tab to its number and press Enter. Arrow keys move between quotes."));
      return;
    }
    const q = this.quotes[i];
    const s = this.speakerOf(q);
    const c = this.colourOf(q);
    const f = form(q.form);
    const n = this.article.anchors.indexOf(this.article.anchorOf(i)) + 1;
    const spans = (list) => (list || []).map((x) => x.text).join(" … ");
    const row = (term, ...value) => [el("dt", {}, term), el("dd", {}, ...value)];
    const about = s ? [speakerType(s.type), ...(s.roles || [])].filter(Boolean).join(", ") : "";
    const speaker = s
      ? [el("span", { class: "swatch", style: { "--tint": c.tint, "--strong": c.strong }, "aria-hidden": "true" }),
         el("strong", { class: "speaker-name" }, speakerName(s)),
         about ? el("span", { class: "muted about" }, about) : ""]
      : [el("span", { class: "muted" }, `not resolved${q.unresolvedReason ? ` (${q.unresolvedReason})` : ""}`)];
    box.replaceChildren(
      el("p", { class: "detail-head" }, el("span", { class: `badge ${formClass(q.form)}` }, `${f.abbr}${n}`),
        ` ${f.label}, ${medium(q.medium)}`),
      el("blockquote", { class: "message" }, spans(q.message)),
      el("dl", {},
        row("Cue", spans(q.cue) || el("span", { class: "muted" }, "none")),
        row("Source mention", q.source ? q.source.text : el("span", { class: "muted" }, "none")),
        row("Speaker", ...speaker),
        s && (s.mentions || []).length ? row("Mentions", (s.mentions || []).map((m) => m.text).join(", ")) : [],
        q.addressee ? row("Addressee", q.addressee.text) : [],
        row("Confidence", `${Math.round((q.confidence || 0) * 100)} % (${q.origin || "?"})`)));
  }
}
