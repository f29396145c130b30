"""The dashboard in a real browser: headless Chromium driven over the DevTools protocol.

Chromium talks CDP over a pair of pipes (``--remote-debugging-pipe``: it reads commands on fd 3
and writes answers on fd 4, each message ending with a NUL byte), so the test needs no Python
package beyond the standard library. The app runs in uvicorn on a free loopback port. The test
writes ``out/dashboard.png`` (``out/`` is not versioned).

Without a Chromium (``apt-get install chromium`` on Debian; or set ``DYADWATCH_CHROMIUM`` to a
Chrome/Chromium binary) the test is skipped with a warning saying so.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web dependencies (fastapi) are not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the web dependencies (uvicorn) are not installed")

from dyadwatch.server import create_app  # noqa: E402
from dyadwatch.store import Store  # noqa: E402

from .web_fixture import build_web_db  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SCREENSHOT = REPO / "out" / "dashboard.png"
TIMEOUT = 30.0
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_chromium() -> str | None:
    explicit = os.environ.get("DYADWATCH_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


# Chromium's debugging pipes must be fds 3 and 4. A small Python step moves them there and then
# becomes Chromium (exec), so the test process never runs code between fork and exec.
_EXEC_WITH_PIPES = """
import fcntl, os, sys
read_end, write_end = (fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3])
for fd in sys.argv[1:3]:
    os.close(int(fd))
os.dup2(read_end, 3)
os.dup2(write_end, 4)
os.close(read_end)
os.close(write_end)
os.execv(sys.argv[3], sys.argv[3:])
"""


class Browser:
    """A headless Chromium and a minimal CDP client over its debugging pipes."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _EXEC_WITH_PIPES,
                str(to_chrome_r),
                str(from_chrome_w),
                binary,
                "--headless",
                "--remote-debugging-pipe",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--mute-audio",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(to_chrome_r, from_chrome_w),
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next_id = 0
        self._answers: dict[int, dict[str, Any]] = {}
        self._incoming: queue.Queue[dict[str, Any]] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session: str | None = None

    def _read(self) -> None:
        buffer = b""
        while chunk := os.read(self._from_chrome, 65536):
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                self._incoming.put(json.loads(raw))

    def _pump(self, until: float) -> None:
        message = self._incoming.get(timeout=max(0.01, until - time.monotonic()))
        if "id" in message:
            self._answers[message["id"]] = message
        else:
            self.events.append(message)

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, browser: bool = False
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if self.session and not browser:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while self._next_id not in self._answers:
            if time.monotonic() > deadline:
                raise TimeoutError(f"Chromium did not answer {method} in {TIMEOUT:.0f}s")
            try:
                self._pump(deadline)
            except queue.Empty:
                continue
        answer = self._answers.pop(self._next_id)
        if "error" in answer:
            raise RuntimeError(f"{method} failed: {answer['error']}")
        return answer.get("result", {})

    def open_page(self, width: int = 1280, height: int = 900) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)
        attached = self.send(
            "Target.attachToTarget",
            {"targetId": target["targetId"], "flatten": True},
            browser=True,
        )
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.resize(width, height)

    def resize(self, width: int, height: int) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r} threw {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, what: str) -> Any:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what} ({expression})")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the first element matching ``selector``."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect();"
            " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()"
        )
        assert box, f"nothing matches {selector}"
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1},
            )

    def errors(self) -> list[str]:
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"])[:500])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(
                    " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
                )
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"{params['entry'].get('text')} {params['entry'].get('url', '')}")
        return found

    def screenshot(self, path: Path) -> None:
        height = self.evaluate("document.documentElement.scrollHeight")
        self.resize(1280, int(height))
        shot = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        self.resize(1280, 900)

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.send("Browser.close", browser=True)  # it may be gone already: waited on below
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        os.close(self._to_chrome)
        os.close(self._from_chrome)


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_web_db(tmp_path_factory.mktemp("browser") / "web.duckdb")
    with Store(db) as store:  # URLs as a hostile input could give them
        store._db.execute(
            "UPDATE documents SET url = 'javascript:alert(document.cookie)' WHERE id = 'doc-radar'"
        )
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(db)), log_level="warning", lifespan="off")
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + TIMEOUT
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    binary = find_chromium()
    if binary is None:
        reason = (
            "NO CHROMIUM FOUND: the dashboard browser test did not run. Install it "
            "(Debian: `apt-get install -y chromium`) or set DYADWATCH_CHROMIUM to a binary."
        )
        warnings.warn(reason, stacklevel=1)
        pytest.skip(reason)
    chrome = Browser(binary, tmp_path_factory.mktemp("chromium-profile"))
    try:
        chrome.open_page()
        yield chrome
    finally:
        chrome.close()


def test_dashboard_draws_the_fixture_and_opens_sentences(browser: Browser, server_url: str) -> None:
    browser.send("Page.navigate", {"url": server_url})
    browser.wait_for("document.body?.dataset.ready === 'true'", "the dashboard to load")
    # The page is served under a Content-Security-Policy; its own files still load (no
    # violation shows up among the console errors checked at the end).
    policy = browser.evaluate(
        "fetch(location.href).then((r) => r.headers.get('content-security-policy'))"
    )
    assert "script-src 'self'" in policy and "default-src 'none'" in policy

    counts = browser.evaluate(
        "(() => { const n = (s) => document.querySelectorAll(s).length; return {"
        " points: n('#index-chart circle.point'),"
        " lines: n('#index-chart path.index-line'),"
        " dirLines: n('#index-chart path.dir-line'),"
        " dirPoints: n('#index-chart circle.dir-point'),"
        " quads: n('#index-chart rect.bar-q1, #index-chart rect.bar-q2,"
        " #index-chart rect.bar-q3, #index-chart rect.bar-q4'),"
        " material: n('#index-chart rect.bar-q4'),"
        " drops: n('#index-chart path.alert-down'),"
        " rises: n('#index-chart path.alert-up'),"
        " issues: n('#issues-chart path.series'),"
        " tone: n('#tone-chart path.series'),"
        " toneGaps: n('#tone-chart path.series-gap'),"
        " toneNames: [...document.querySelectorAll('#tone-chart g[data-series]')]"
        ".map((g) => g.dataset.series),"
        " issueGaps: n('#issues-chart path.series-gap'),"
        " polls: n('#polls-chart path.series'),"
        " pollRows: n('#polls-table tbody tr'),"
        " rows: n('#events tbody tr.event'),"
        " alerts: n('#alerts li'),"
        " summary: document.querySelector('#summary').textContent}; })()"
    )
    # 5 months with scored events; JPN>KOR has 4 and KOR>JPN 2 points with a value.
    assert counts["points"] == 5 and counts["lines"] == 4
    assert counts["dirPoints"] == 6 and counts["dirLines"] == 4
    assert counts["quads"] == 7 and counts["material"] == 1  # QuadClass stacks per month
    assert (counts["drops"], counts["rises"], counts["alerts"]) == (1, 1, 2)
    assert counts["issues"] == 3  # trade, history, security (territory is undated)
    # Tone: one line per genre, never one mean of news and official text; gaps dashed.
    assert counts["tone"] == 2 and counts["toneNames"] == ["news", "official"]
    assert counts["toneGaps"] == 1  # the news line across 2019-08 … 2023-02
    assert counts["issueGaps"] >= 1
    assert counts["polls"] == 1 and counts["pollRows"] == 2
    assert counts["rows"] == 11
    assert counts["summary"].startswith("9 documents (1 near-copies), 16 mentions merged into 11")

    # A click on an event row shows every sentence it was merged from, evidence marked.
    browser.click("#events tbody tr.event[data-type='SANCTION']")
    browser.wait_for(
        "document.querySelectorAll('#events tr.detail blockquote.sentence').length === 3",
        "the event's three sentences",
    )
    sentences = browser.evaluate(
        "[...document.querySelectorAll('#events tr.detail blockquote.sentence')]"
        ".map((q) => q.textContent)"
    )
    assert (
        sentences[0] == "Japan restricted the export of three chemicals to South Korea on Monday."
    )
    assert "Tokyo curbed shipments of chip materials to Seoul on Tuesday." in sentences
    detail = browser.evaluate("document.querySelector('#events tr.detail').textContent")
    assert "Tokyo tightens exports <b>& Seoul</b> replies" in detail  # shown as text, not HTML
    assert "near-copy of doc-exports" in detail
    assert browser.evaluate("document.querySelector('#events tr.detail mark').textContent")
    # A source URL that is not http(s) is shown as text, never as a link.
    browser.click("#events tbody tr.event[data-type='ACCUSE']")
    browser.wait_for(
        "[...document.querySelectorAll('#events tr.detail .meta')]"
        ".some((m) => m.textContent.includes('Radar row at sea'))",
        "the radar event's sources",
    )
    links = browser.evaluate(
        "[...document.querySelectorAll('#events tr.detail a[href]')].map((a) => a.href)"
    )
    assert not any(link.lower().startswith("javascript") for link in links), links
    assert browser.evaluate(
        "[...document.querySelectorAll('#events tr.detail strong')]"
        ".some((s) => s.textContent === 'Radar row at sea')"
    )

    browser.screenshot(SCREENSHOT)

    # A click on an index point lists exactly the events that point counts.
    browser.click("#index-chart circle.point[data-period='2019-07']")
    browser.wait_for(
        "document.querySelector('#page-info').textContent === '1–2 of 2'",
        "the events of 2019-07",
    )
    focus = browser.evaluate("document.querySelector('#focus-text').textContent")
    assert "2019-07" in focus
    # A weekly chart redraws from the API; month-precise events drop out of it.
    browser.evaluate(
        "(() => { const f = document.querySelector('#chart-controls'); f.freq.value = 'week';"
        " f.requestSubmit(); })()"
    )
    browser.wait_for(
        "document.querySelectorAll('#index-chart circle.point[data-period^=\"2023-W\"]').length"
        " === 2",
        "the weekly index",
    )
    # By year no alerts are computed: the dashboard says so instead of failing or saying "none".
    browser.evaluate(
        "(() => { const f = document.querySelector('#chart-controls'); f.freq.value = 'year';"
        " f.requestSubmit(); })()"
    )
    browser.wait_for(
        "document.querySelector('#alerts-method').textContent.includes('not by year')",
        "the note on alerts by year",
    )
    assert browser.evaluate("document.querySelector('#error').hidden")
    assert browser.errors() == []
    assert SCREENSHOT.stat().st_size > 10_000
