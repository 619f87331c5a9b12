#!/usr/bin/env bash
# Install Debian's Chromium for the page tests (tests/test_web_page.py drives it with Playwright;
# Playwright's own browser download is not used). Does nothing when a Chromium is already there
# (or ZITAT_CHROMIUM names one). Needs root or password-less sudo for apt-get; without them it
# says so and leaves the tests to fail with the same advice.
set -euo pipefail
if [ -n "${ZITAT_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "install_browser.sh: Chromium is missing and apt-get needs root; run: sudo apt-get install -y chromium" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser.sh: no apt-get here; install Chromium and set ZITAT_CHROMIUM to its binary" >&2
  exit 0
fi
echo "install_browser.sh: installing Debian's chromium (for the page tests)" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
