"""Take the README screenshot: a fresh `crosswire serve`, the bundled example uploaded through the
form, a citation clicked. ``python docs/screenshot.py OUT.png [FILES...]`` (needs /usr/bin/chromium)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    out = Path(sys.argv[1])
    files = sys.argv[2:] or [str(p) for p in sorted((REPO / "examples" / "harbour-fire").glob("*.txt"))]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        server = subprocess.Popen([sys.executable, "-m", "crosswire.cli", "serve", "--db", f"{scratch}/shot.db",
                                   "--port", str(port)], env=env, cwd=REPO)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(url + "/", timeout=2)
                    break
                except httpx.HTTPError:
                    time.sleep(0.3)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 1000})
                page.set_default_timeout(600_000)  # the first upload loads the models
                page.goto(url + "/add")
                page.set_input_files("input[name=files]", files)
                page.click("button[type=submit]")
                page.wait_for_url("**/stories/s*", timeout=300_000)
                for _ in range(600):
                    if page.locator("section.brief").count():
                        break
                    time.sleep(1)
                    page.reload()
                page.screenshot(path=str(out))
                page.locator("section.brief a.cite").nth(2).click()
                page.screenshot(path=str(out.with_name(out.stem + "-citation.png")))
                print(page.url, page.locator(":target").inner_text())
                browser.close()
        finally:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
