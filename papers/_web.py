"""Classroom demos in the browser: ``python -m papers demo NAME --web``.

A demo registered in a module's ``DEMOS`` is served as a page from a local HTTP server
(127.0.0.1, a free port; no desktop needed). The page has the demo's controls as HTML
range inputs; moving one asks the server for the figure again:

* ``GET /`` -- the page;
* ``GET /figure.png?key=value&...`` -- the figure for those control values (PNG);
* ``GET /state.json?key=value&...`` -- the values used and the demo's text (JSON).

The controls come from the demo itself: the module of a demo's entry point has a class
with a ``SLIDERS`` table ``(key, label, low, high, initial)`` built as ``Class(fig)``, with
``sliders[key].set_val(v)`` and a ``text`` artist (see :class:`papers.isoquant.IsoquantDemo`),
so a new demo written the same way is served without changes here.

Examples
--------
>>> import json, urllib.request
>>> server = make_server("isoquant")
>>> port = server.server_address[1]
>>> import threading
>>> threading.Thread(target=server.serve_forever, daemon=True).start()
>>> page = urllib.request.urlopen(f"http://127.0.0.1:{port}/").read().decode()
>>> 'type="range"' in page and 'id="alpha"' in page
True
>>> state = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/state.json?alpha=0.5"))
>>> state["values"]["alpha"], state["text"][:10]
(0.5, 'B: S = 0.5')
>>> urllib.request.urlopen(f"http://127.0.0.1:{port}/figure.png").read()[:4]
b'\\x89PNG'
>>> server.shutdown(); server.server_close()
"""

from __future__ import annotations

import html
import inspect
import io
import json
import math
import sys
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from matplotlib.figure import Figure

from papers._registry import all_demos

__all__ = ["WebDemo", "make_server", "serve", "web_demo"]


@dataclass(frozen=True)
class WebDemo:
    """A demo as the web page sees it: its controls and how to draw it.

    Attributes
    ----------
    name : str
        The demo's name (``python -m papers demo NAME``).
    controls : tuple
        ``(key, label, low, high, initial)`` for each slider.
    factory : callable
        ``factory(fig)`` builds the interactive demo on a matplotlib figure.
    """

    name: str
    controls: tuple[tuple[str, str, float, float, float], ...]
    factory: Callable[[Figure], Any]

    def values(self, query: dict[str, list[str]]) -> dict[str, float]:
        """Control values from a query string, clipped to each control's range.

        Raises
        ------
        ValueError
            If a value is not a finite number or a key is not a control.

        Examples
        --------
        >>> demo = web_demo("isoquant")
        >>> demo.values({"alpha": ["0.5"], "k": ["99"]})
        {'shift': 0.9, 'alpha': 0.5, 'k': 5.0}
        """
        keys = {c[0] for c in self.controls}
        unknown = sorted(set(query) - keys)
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; the controls are {sorted(keys)}")
        out = {}
        for key, _label, lo, hi, init in self.controls:
            raw = query.get(key, [None])[-1]
            try:
                v = float(init if raw is None else raw)
            except ValueError:
                raise ValueError(f"control {key!r} must be a number, got {raw!r}") from None
            if not math.isfinite(v):
                raise ValueError(f"control {key!r} must be finite, got {raw!r}")
            out[key] = min(max(v, float(lo)), float(hi))
        return out

    def render(self, values: dict[str, float]) -> tuple[bytes, str]:
        """The figure (PNG bytes) and the demo's text for these control values."""
        lock = _LOCK
        with lock:
            fig = Figure(figsize=(6.5, 6.5))
            demo = self.factory(fig)
            for key, slider in demo.sliders.items():
                slider.ax.set_visible(False)
                if key in values:
                    slider.set_val(values[key])
            text = demo.text.get_text() if hasattr(demo, "text") else ""
            demo.ax.set_position((0.11, 0.1, 0.84, 0.84))
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=80, metadata={"Software": None})
        return buf.getvalue(), text


_LOCK = threading.Lock()  # matplotlib is not thread-safe


def web_demo(name: str) -> WebDemo:
    """The web version of the demo called ``name``.

    Raises
    ------
    KeyError
        If there is no such demo (the message lists the demos).
    ValueError
        If the demo has no slider class the page can drive.

    Examples
    --------
    >>> [c[0] for c in web_demo("isoquant").controls]
    ['shift', 'alpha', 'k']
    """
    demos = all_demos()
    if name not in demos:
        raise KeyError(f"no demo named {name!r}; available: {', '.join(sorted(demos))}")
    module = sys.modules[demos[name].__module__]
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if cls.__module__ == module.__name__ and hasattr(cls, "SLIDERS"):
            controls = tuple(tuple(row) for row in cls.SLIDERS)
            return WebDemo(name, controls, cls)  # type: ignore[arg-type]
    raise ValueError(f"demo {name!r} has no class with SLIDERS in {module.__name__}")


def _page(demo: WebDemo) -> str:
    rows = []
    for key, label, lo, hi, init in demo.controls:
        step = (float(hi) - float(lo)) / 200
        rows.append(
            f'<label for="{key}">{html.escape(label)}</label> '
            f'<input type="range" id="{key}" name="{key}" min="{lo}" max="{hi}" '
            f'step="{step:.6g}" value="{init}"> <output id="{key}-value">{init}</output><br>'
        )
    keys = json.dumps([c[0] for c in demo.controls])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>blocgames demo: {demo.name}</title>
<style>body{{font-family:sans-serif;max-width:760px;margin:1em auto}}
label{{display:inline-block;width:16em}}input{{width:18em}}</style></head>
<body><h1>blocgames demo: {html.escape(demo.name)}</h1>
<form id="controls">{"".join(rows)}</form>
<p><img id="figure" src="figure.png" alt="figure" width="520" height="520"></p>
<pre id="text"></pre>
<script>
const keys = {keys};
let pending = 0;
function query() {{
  return keys.map(k => k + "=" + encodeURIComponent(document.getElementById(k).value)).join("&");
}}
function refresh() {{
  const q = query(); const n = ++pending;
  keys.forEach(k => document.getElementById(k + "-value").textContent =
    document.getElementById(k).value);
  fetch("state.json?" + q).then(r => r.json()).then(s => {{
    if (n === pending) document.getElementById("text").textContent = s.text || s.error;
  }});
  document.getElementById("figure").src = "figure.png?" + q;
}}
keys.forEach(k => document.getElementById(k).addEventListener("input", refresh));
refresh();
</script></body></html>
"""


def make_server(name: str, port: int = 0) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 for the demo ``name`` (``port=0``: a free port).

    Call ``serve_forever()`` on it (the module example runs one in a thread).
    """
    demo = web_demo(name)
    page = _page(demo).encode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the page moved on
                pass

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path in ("/", "/index.html"):
                self._send(200, page, "text/html; charset=utf-8")
                return
            if url.path not in ("/figure.png", "/state.json"):
                self._send(404, b"not found", "text/plain")
                return
            try:
                values = demo.values(parse_qs(url.query))
            except ValueError as err:
                body = json.dumps({"error": str(err)}).encode()
                self._send(400, body, "application/json")
                return
            png, text = demo.render(values)
            if url.path == "/figure.png":
                self._send(200, png, "image/png")
            else:
                body = json.dumps({"values": values, "text": text}).encode()
                self._send(200, body, "application/json")

    return ThreadingHTTPServer(("127.0.0.1", port), Handler)


def serve(name: str, port: int = 0, open_browser: bool = False) -> int:
    """Serve the demo until interrupted; print its address. Returns the exit status.

    Examples
    --------
    ``serve("isoquant")`` prints ``demo isoquant at http://127.0.0.1:PORT/ (Ctrl-C to
    stop)`` and blocks; :func:`make_server` is the same server without blocking:

    >>> server = make_server("isoquant")
    >>> server.server_address[0]
    '127.0.0.1'
    >>> server.server_close()
    """
    server = make_server(name, port)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"demo {name} at {url} (Ctrl-C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
