"""``python -m papers demo NAME --web``: the page, its endpoints, and a real browser.

The browser test drives headless Chromium over the DevTools protocol (a minimal websocket
client below, standard library only): it loads the page, moves one slider and checks
that the figure the page shows changes. It is skipped, with the reason, where no Chromium
is installed (``apt-get install -y chromium``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from papers.__main__ import main
from papers._web import make_server, web_demo


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = make_server("isoquant")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_page_has_one_range_input_per_control(base_url: str) -> None:
    status, page = _get(base_url)
    assert status == 200
    for key, *_ in web_demo("isoquant").controls:
        assert f'id="{key}"' in page.decode()
    assert page.decode().count('type="range"') == len(web_demo("isoquant").controls)


def test_state_follows_the_theory(base_url: str) -> None:
    # F1 with k = 2: the optimum is S_B = sqrt((1 - alpha) / (1 + alpha)), 1/sqrt(3) at 1/2
    status, body = _get(base_url + "state.json?alpha=0.5")
    assert status == 200
    state = json.loads(body)
    assert state["values"] == {"shift": 0.9, "alpha": 0.5, "k": 2.0}
    assert state["text"].startswith(f"B: S = {(1 / 3) ** 0.5:.3f}")


def test_figure_changes_with_a_control_and_repeats(base_url: str) -> None:
    a = _get(base_url + "figure.png?alpha=0.6")[1]
    b = _get(base_url + "figure.png?alpha=0.3")[1]
    assert a[:4] == b"\x89PNG" and a != b
    assert _get(base_url + "figure.png?alpha=0.6")[1] == a


@pytest.mark.parametrize(
    "query, message",
    [("alpha=abc", "must be a number"), ("alpha=nan", "finite"), ("beta=1", "unknown control")],
    ids=["not-a-number", "nan", "unknown-key"],
)
def test_bad_values_are_refused_with_a_reason(base_url: str, query: str, message: str) -> None:
    status, body = _get(base_url + "state.json?" + query)
    assert status == 400 and message in json.loads(body)["error"]


def test_unknown_demo_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "nope", "--web"]) == 2
    assert "no demo named 'nope'" in capsys.readouterr().err


# ------------------------------------------------------------- headless Chromium


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class _CDP:
    """Just enough of a websocket client for the DevTools protocol (text frames)."""

    def __init__(self, ws_url: str) -> None:
        url = urlsplit(ws_url)
        self.sock = socket.create_connection((url.hostname, url.port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET {url.path} HTTP/1.1\r\nHost: {url.hostname}:{url.port}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        assert b" 101 " in head.split(b"\r\n")[0], head
        accept = base64.b64encode(
            hashlib.sha1((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()
        )
        assert accept in head
        self.next_id = 0

    def _recv_exact(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("DevTools connection closed")
            data += chunk
        return data

    def _recv(self) -> dict:
        message = b""
        while True:
            b0, b1 = self._recv_exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._recv_exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._recv_exact(8))[0]
            message += self._recv_exact(n)
            if b0 & 0x80:
                return json.loads(message)

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        payload = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        n = len(payload)
        header = bytes([0x81])
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        masked = bytes(c ^ mask[i % 4] for i, c in enumerate(payload))
        self.sock.sendall(header + mask + masked)
        while True:
            reply = self._recv()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply["result"]

    def evaluate(self, expression: str):
        result = self.call(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        self.sock.close()


# the image the page shows, as the browser decoded it, once it has loaded
_SHOWN = """
new Promise((resolve, reject) => {
  const img = document.getElementById("figure");
  const grab = () => {
    const c = document.createElement("canvas");
    c.width = img.naturalWidth; c.height = img.naturalHeight;
    c.getContext("2d").drawImage(img, 0, 0);
    resolve({src: img.getAttribute("src"), width: img.naturalWidth, data: c.toDataURL()});
  };
  if (img.complete && img.naturalWidth > 0) grab();
  else { img.onload = grab; img.onerror = () => reject("image failed to load"); }
})
"""


@pytest.mark.skipif(_chromium() is None, reason="no Chromium (apt-get install -y chromium)")
def test_browser_moves_a_slider_and_the_figure_changes() -> None:
    # the server runs as the command line runs it, in its own process
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "papers", "demo", "isoquant", "--web", "--port", str(free)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline() if server.stdout else ""
        assert f"127.0.0.1:{free}" in line, line
        _drive_browser(f"http://127.0.0.1:{free}/")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stdout:
            server.stdout.close()


def _drive_browser(base_url: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.Popen(
            [
                _chromium(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--remote-debugging-port=0",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            port_file = Path(profile) / "DevToolsActivePort"
            deadline = time.monotonic() + 60
            while not (port_file.exists() and port_file.read_text().strip()):
                assert time.monotonic() < deadline, "Chromium did not start its DevTools"
                assert proc.poll() is None, "Chromium exited"
                time.sleep(0.1)
            port = int(port_file.read_text().split()[0])
            targets = json.loads(_get(f"http://127.0.0.1:{port}/json/list")[1])
            page = next(t for t in targets if t["type"] == "page")
            cdp = _CDP(page["webSocketDebuggerUrl"])
            try:
                cdp.call("Page.enable")
                cdp.call("Page.navigate", url=base_url)
                deadline = time.monotonic() + 60
                while not cdp.evaluate("!!document.getElementById('text')"):
                    assert time.monotonic() < deadline, "page did not load: " + str(
                        cdp.evaluate("[location.href, document.readyState]")
                    )
                    time.sleep(0.1)
                before = cdp.evaluate(_SHOWN)
                assert before["width"] > 0
                # move the weight-on-influence slider, as a user dragging it would
                cdp.evaluate(
                    "(() => { const s = document.getElementById('alpha'); s.value = '0.3';"
                    " s.dispatchEvent(new Event('input', {bubbles: true})); })()"
                )
                after = cdp.evaluate(_SHOWN)
                assert "alpha=0.3" in after["src"]
                assert after["width"] == before["width"]
                assert after["data"] != before["data"]
                text = None
                deadline = time.monotonic() + 60
                while not text or not text.startswith("B: S = 0.73"):
                    assert time.monotonic() < deadline, f"text did not update: {text!r}"
                    time.sleep(0.1)
                    text = cdp.evaluate("document.getElementById('text').textContent")
            finally:
                cdp.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
