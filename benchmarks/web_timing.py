"""Page-load and extract times of the web page in a real browser (Debian's Chromium, Playwright).

    python -m benchmarks.web_timing [--runs N] [--pipeline NAME] [--json OUT]

Starts a server (``running_endpoints``: gRPC plus the page and JSON API) with a fresh claim
store holding the example article from three outlets, then, ``--runs`` times, in a new browser
context (empty cache) at 1280 × 900:

* page load: the Navigation Timing entry (DOMContentLoaded, load) and "ready", when the page
  has heard SERVING from /v1/health and read /v1/model-info (the footer shows the pipeline);
* extract: the example article pasted and sent; the page's own ``performance.measure`` from
  the click to the marked article ("extract"), the rendering alone ("extract-render"), and the
  pipeline's time as the server reports it;
* speaker page: from opening ``#/speakers/ID`` to the drawn timeline ("speaker-timeline").

One warm-up run is left out. Browser, server and this script share the machine's cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import urllib.request
from pathlib import Path

from zitat_server.serving.launch import running_endpoints
from zitat_server.training.corpora import EXAMPLES

OUTLETS = (("Ukrinform", "2024-09-03"), ("Kyiv Independent", "2024-09-05"), ("Deutsche Welle", "2024-09-24"))


def _ingest(base: str, text: str) -> str:
    lines = [
        json.dumps({"document": {"id": f"{o}/1", "text": text, "outlet": o, "publishedAt": f"{d}T09:00:00Z"}})
        for o, d in OUTLETS
    ]
    req = urllib.request.Request(f"{base}/v1/documents:ingest", data="\n".join(lines).encode(), method="POST")
    urllib.request.urlopen(req, timeout=300).read()
    with urllib.request.urlopen(f"{base}/v1/speakers?q=Umjerow", timeout=30) as resp:
        return json.loads(resp.read())["speakers"][0]["id"]


def _one_run(browser, base: str, text: str, speaker_id: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/")
    page.wait_for_selector("#version:not(:empty)")
    ready = page.evaluate("performance.now()")
    nav = page.evaluate("JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0]))")
    size = page.evaluate(
        "performance.getEntriesByType('resource').filter(r => r.name.includes('/static/'))"
        ".reduce((n, r) => n + r.encodedBodySize, 0)"
    ) + nav["encodedBodySize"]
    page.fill("#article", text)
    page.click("#extract-button")
    page.wait_for_selector("#doc [data-anchor]")
    measure = "name => performance.getEntriesByName(name).at(-1).duration"
    extract = page.evaluate(measure, "extract")
    render = page.evaluate(measure, "extract-render")
    pipeline = float(page.inner_text("#extract-ms").split(" ms")[0].strip(" ·"))
    page.goto(f"{base}/#/speakers/{speaker_id}")
    page.wait_for_selector("#timeline canvas")
    speaker = page.evaluate(measure, "speaker-timeline")
    context.close()
    return {
        "dom_content_loaded_ms": nav["domContentLoadedEventEnd"],
        "load_ms": nav["loadEventEnd"],
        "ready_ms": ready,
        "page_bytes": size,
        "extract_ms": extract,
        "extract_render_ms": render,
        "extract_pipeline_ms": pipeline,
        "speaker_timeline_ms": speaker,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--pipeline", default="default")
    ap.add_argument("--json", type=Path, help="write the per-run numbers and summary here")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("ZITAT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("Chromium is missing: bash scripts/install_browser.sh")
    text = (EXAMPLES / "umjerow-boeing.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp, running_endpoints(
        "--pipeline", args.pipeline, "--store", str(Path(tmp) / "claims.sqlite3")
    ) as started, sync_playwright() as p:
        speaker_id = _ingest(started.http, text)
        browser = p.chromium.launch(executable_path=chromium)
        runs = [_one_run(browser, started.http, text, speaker_id) for _ in range(args.runs + 1)][1:]
        version = browser.version
        browser.close()
    summary = {
        key: {
            "p50": statistics.median(r[key] for r in runs),
            "p90": statistics.quantiles([r[key] for r in runs], n=10)[-1] if len(runs) > 1 else runs[0][key],
            "min": min(r[key] for r in runs),
        }
        for key in runs[0]
    }
    print(f"{len(runs)} runs, Chromium {version}, pipeline {args.pipeline}, 1280x900, new context (cold cache) each")
    print(f"{'metric':24} {'p50':>9} {'p90':>9} {'min':>9}")
    for key, s in summary.items():
        print(f"{key:24} {s['p50']:9.1f} {s['p90']:9.1f} {s['min']:9.1f}")
    if args.json:
        args.json.write_text(json.dumps({"chromium": version, "pipeline": args.pipeline, "runs": runs,
                                         "summary": summary}, indent=1))


if __name__ == "__main__":
    main()
