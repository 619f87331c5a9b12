// The page: views by URL hash (#/extract, #/speakers, #/speakers/ID), the server's readiness
// in a banner, and the access token for servers that ask for one.

import { ApiError, call, describe, getToken, setToken } from "./api.js";
import { ExtractView } from "./extract.js";
import { SpeakersView } from "./speakers.js";

const $ = (id) => document.getElementById(id);
const server = { maxDocumentBytes: 0, ready: false };
const views = { extract: new ExtractView(server), speakers: new SpeakersView() };

function banner(message) {
  $("banner").textContent = message || "";
  $("banner").hidden = !message;
}

// Poll grpc.health.v1 (GET /v1/health) until the server reports SERVING.
async function watchHealth() {
  try {
    const health = await call("GET", "/v1/health");
    server.ready = health.status === "SERVING";
    banner(server.ready ? "" : "The server is not ready yet (it is loading its models). This page checks again every 2 seconds.");
  } catch (err) {
    server.ready = false;
    banner(err instanceof ApiError && err.http === 401 ? describe(err) : `${describe(err)} This page checks again every 2 seconds.`);
  }
  if (!server.ready) {
    setTimeout(watchHealth, 2000);
    return;
  }
  try {
    const info = await call("GET", "/v1/model-info");
    server.maxDocumentBytes = Number(info.maxDocumentBytes || 0);
    $("version").textContent = `pipeline ${info.pipelineVersion}`;
  } catch (err) {
    banner(describe(err));
  }
}

function route() {
  const [path, query = ""] = location.hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  let view = "extract";
  if (parts[0] === "speakers") view = parts.length > 1 ? "speaker" : "speakers";
  for (const v of ["extract", "speakers", "speaker"]) $(`view-${v}`).hidden = v !== view;
  for (const a of document.querySelectorAll("nav a")) {
    if (a.dataset.view === view.replace(/^speaker$/, "speakers")) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  document.title = "zitat — who said what";
  if (view === "speakers") views.speakers.search(new URLSearchParams(query));
  if (view === "speaker") views.speakers.open(decodeURIComponent(parts[1]));
  return view;
}

$("token").value = getToken();
$("token-form").addEventListener("submit", (e) => {
  e.preventDefault();
  setToken($("token").value.trim());
  $("token-form").closest("details").open = false;
  watchHealth();
});
$("token-forget").addEventListener("click", () => {
  setToken("");
  $("token").value = "";
});
window.addEventListener("hashchange", () => {
  const view = route();
  const heading = { extract: "extract-h", speakers: "speakers-h", speaker: "speaker-name" }[view];
  $(heading).focus({ preventScroll: false });
});
route();
watchHealth();
