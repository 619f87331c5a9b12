// The Speakers views: search the claim store, and one speaker's page with the timeline of
// their claims, their roles with dates, and their claim clusters (one statement across
// outlets, direct and indirect renderings side by side).

import { call, describe } from "./api.js";
import { el, show } from "./dom.js";
import { day, form, formClass } from "./labels.js";
import { Timeline, defaultUnit } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const PAGE = 1000;
const MAX_PAGES = 10; // a speaker page charts up to 10,000 claims
const MAX_CLUSTERS = 20;
const MAX_LISTED = 200;

function claimItem(c, { withSpeaker = false } = {}) {
  const f = form(c.form);
  const source = [c.outlet || "no outlet", day(c.publishedAt)].join(", ");
  return el("li", { class: "claim" },
    el("p", { class: "claim-meta" },
      el("span", { class: `badge ${formClass(c.form)}`, title: f.label }, f.abbr), " ",
      withSpeaker && c.speakerId && c.speakerId !== "0"
        ? [el("a", { href: `#/speakers/${c.speakerId}` }, c.speakerName || `speaker ${c.speakerId}`), " · "] : "",
      c.url ? el("a", { href: c.url, rel: "noreferrer" }, source) : source,
      c.title ? el("span", { class: "muted" }, ` · ${c.title}`) : ""),
    el("p", { class: "claim-text" }, c.text));
}

// A cluster's claims with the same wording once each, with every outlet and date that printed it.
function renderings(claims, firstId) {
  const byText = new Map();
  for (const c of claims) {
    if (!byText.has(c.text)) byText.set(c.text, []);
    byText.get(c.text).push(c);
  }
  return [...byText].map(([text, list]) => el("li", { class: "claim" },
    el("p", { class: "claim-text" }, text),
    el("p", { class: "claim-meta" }, list.map((c, i) => [i ? "; " : "",
      c.url ? el("a", { href: c.url, rel: "noreferrer" }, c.outlet || "no outlet") : c.outlet || "no outlet",
      `, ${day(c.publishedAt)}`, c.id === firstId ? el("strong", {}, " (first)") : ""]))));
}

export class SpeakersView {
  constructor() {
    this.timeline = new Timeline($("timeline"), $("timeline-table"));
    $("search-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const q = new URLSearchParams();
      if ($("search-name").value.trim()) q.set("name", $("search-name").value.trim());
      if ($("search-q").value.trim()) q.set("q", $("search-q").value.trim());
      const hash = `#/speakers${q.size ? `?${q}` : ""}`;
      if (location.hash === hash) this.search(q);
      else location.hash = hash;
    });
    for (const radio of document.querySelectorAll("input[name=bucket]")) {
      radio.addEventListener("change", () => this.claims && this.timeline.draw(this.claims, radio.value));
    }
  }

  async search(params) {
    const name = params.get("name") || "";
    const q = params.get("q") || "";
    $("search-name").value = name;
    $("search-q").value = q;
    const out = $("search-results");
    const error = $("speakers-error");
    show(error, "");
    out.setAttribute("aria-busy", "true");
    try {
      const [speakers, claims] = await Promise.all([
        q ? null : call("GET", "/v1/speakers", { query: { q: name, pageSize: 100 } }),
        q || name ? call("GET", "/v1/claims", { query: { speaker: name, q, pageSize: 100 } }) : null,
      ]);
      const parts = [];
      if (speakers) {
        const list = speakers.speakers || [];
        parts.push(el("h2", {}, name ? `Speakers matching “${name}”` : "Speakers with the most claims"));
        parts.push(list.length
          ? el("ul", { class: "speakers" }, ...list.map((s) => el("li", {},
              el("a", { href: `#/speakers/${s.id}` }, s.name), " ",
              el("span", { class: "muted" }, `${s.claimCount} claim${s.claimCount === 1 ? "" : "s"}` +
                `${(s.roles || []).length ? ` · ${s.roles[0].role}` : ""}` +
                ` · ${day(s.firstSeen)} to ${day(s.lastSeen)}`))))
          : el("p", { class: "muted" }, name
            ? "No speaker has that name."
            : "The claim store is empty. Add articles with `zitat ingest FILE` or POST /v1/documents:ingest."));
      }
      if (claims) {
        const list = claims.claims || [];
        parts.push(el("h2", {}, `Claims${q ? ` with “${q}”` : ""}${name ? ` by “${name}”` : ""}`));
        parts.push(list.length ? el("ol", { class: "claims" }, ...list.map((c) => claimItem(c, { withSpeaker: true })))
          : el("p", { class: "muted" }, "No claims match."));
      }
      out.replaceChildren(...parts);
    } catch (err) {
      show(error, describe(err));
      out.replaceChildren();
    } finally {
      out.removeAttribute("aria-busy");
    }
  }

  async open(id) {
    const error = $("speaker-error");
    show(error, "");
    $("speaker-name").textContent = "…";
    $("speaker-meta").textContent = "";
    for (const node of ["roles", "clusters", "claims", "claims-more"]) $(node).replaceChildren();
    this.claims = null;
    performance.clearMarks("speaker-start");
    performance.mark("speaker-start");
    try {
      const { speaker } = await call("GET", `/v1/speakers/${encodeURIComponent(id)}`, { query: { timelineLimit: 1 } });
      $("speaker-name").textContent = speaker.name;
      document.title = `${speaker.name} — zitat`;
      const aliases = (speaker.aliases || []).filter((a) => a !== speaker.name);
      $("speaker-meta").textContent = `${speaker.claimCount} claim${speaker.claimCount === 1 ? "" : "s"}, ` +
        `${day(speaker.firstSeen)} to ${day(speaker.lastSeen)}` + (aliases.length ? ` · also written ${aliases.join(", ")}` : "");
      this.#roles(speaker.roles || []);
      this.claims = await this.#allClaims(speaker.id);
      const unit = defaultUnit(this.claims);
      for (const r of document.querySelectorAll("input[name=bucket]")) r.checked = r.value === unit;
      this.timeline.draw(this.claims, unit);
      performance.measure("speaker-timeline", "speaker-start"); // read by benchmarks/web_timing.py
      const shown = this.claims.slice(0, MAX_LISTED);
      $("claims").replaceChildren(...shown.map((c) => claimItem(c)));
      $("claims-more").textContent = this.claims.length > shown.length
        ? `The ${shown.length} newest of ${this.claims.length}; search by speaker and words to find others.` : "";
      await this.#clusters(this.claims);
    } catch (err) {
      show(error, describe(err));
      if ($("speaker-name").textContent === "…") $("speaker-name").textContent = "Speaker";
    }
  }

  async #allClaims(speakerId) {
    const claims = [];
    let token = "";
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await call("GET", "/v1/claims", { query: { speakerId, pageSize: PAGE, pageToken: token } });
      claims.push(...(r.claims || []));
      token = r.nextPageToken || "";
      if (!token) break;
    }
    return claims;
  }

  #roles(roles) {
    $("roles").replaceChildren(...(roles.length ? roles.map((r) => el("li", {},
      el("strong", {}, r.role), " ",
      el("span", { class: "muted" },
        `${day(r.firstSeen)} to ${day(r.lastSeen)} · ${r.documentCount || 0} article${r.documentCount === 1 ? "" : "s"}`)))
      : [el("li", { class: "muted" }, "No roles seen.")]));
  }

  // Clusters with two or more of the speaker's claims, largest first.
  async #clusters(claims) {
    const sizes = new Map();
    for (const c of claims) sizes.set(c.clusterId, (sizes.get(c.clusterId) || 0) + 1);
    const ids = [...sizes].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1]).slice(0, MAX_CLUSTERS).map(([id]) => id);
    if (!ids.length) {
      $("clusters").replaceChildren(el("p", { class: "muted" }, "No statement of this speaker appears in more than one article yet."));
      return;
    }
    const clusters = await Promise.all(ids.map((id) => call("GET", `/v1/claims/${id}/cluster`)));
    $("clusters").replaceChildren(...clusters.map((cl) => {
      const claims = cl.claims || [];
      const first = cl.firstAppearance || {};
      const column = (title, list) => el("div", { class: "cluster-col" }, el("h4", {}, title),
        list.length ? el("ul", { class: "renderings" }, ...renderings(list, first.id)) : el("p", { class: "muted" }, "none"));
      return el("article", { class: "cluster panel" },
        el("h3", {}, `${claims.length} renderings · first in ${first.outlet || "?"}, ${day(first.publishedAt)}`),
        el("div", { class: "cluster-cols" },
          column("Direct", claims.filter((c) => c.form === "FORM_DIRECT")),
          column("Indirect and reported", claims.filter((c) => c.form !== "FORM_DIRECT"))));
    }));
  }
}
