"""The studio's web app (Starlette): the pages' JSON, the line audio from the line cache, the
chapter MP3s, the fixes, and a server-sent event stream of the watch loop's builds.

Safe by construction: every request must carry the studio's token (``?token=`` or the
``X-Studio-Token`` header) and name this server as its host (no DNS rebinding); files are
reached only through the book's own script, cache keys and chapter numbers, never a path from
the request.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import re
from collections.abc import AsyncIterator
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from audiobook.errors import AudiobookError
from audiobook.studio import views
from audiobook.studio.session import Studio

_KEY = re.compile(r"^[0-9a-f]{40}$")
_STATIC = {"app.js": "text/javascript", "style.css": "text/css"}


class TokenGate:
    """Refuses (403) any request without the token, or addressed to another host."""

    def __init__(self, app: ASGIApp, token: str, hosts: set[str]) -> None:
        self.app, self.token, self.hosts = app, token, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
            given = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [""])[0]
            given = headers.get("x-studio-token", given)
            if headers.get("host", "") not in self.hosts:
                await Response("unknown host", 403)(scope, receive, send)
                return
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                await Response("a valid token is required: open the URL `audiobook studio` printed", 403)(
                    scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(studio: Studio, token: str, port: int) -> ASGIApp:
    def book() -> dict[str, Any]:
        snap = studio.snapshot
        return {"title": snap.prep.book.title, "profile": snap.prep.profile.label,
                "speakers": studio.speakers(), "status": studio.status, "building": studio.build}

    def page(request: Request) -> Response:
        """The one page; the book's facts come inside it (no round trip before the first view)."""
        html = (resources.files("audiobook.studio") / "static" / "index.html").read_text(encoding="utf-8")
        facts = json.dumps(book()).replace("<", "\\u003c")          # safe inside <script>
        return HTMLResponse(html.replace("{{token}}", token).replace("{{book}}", facts),
                            headers={"Cache-Control": "no-store"})

    def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _STATIC:
            return Response("not found", 404)
        body = (resources.files("audiobook.studio") / "static" / name).read_text(encoding="utf-8")
        return Response(body, media_type=_STATIC[name])

    async def api(request: Request) -> Response:
        what = request.path_params["what"]
        q = request.query_params
        try:
            if what == "book":
                data: Any = book()
            elif what == "chapters":
                data = await run_in_threadpool(views.chapters, studio)
            elif what == "lines":
                data = views.lines(studio, int(q.get("chapter", "1")), filter=q.get("filter", ""),
                                   speaker=q.get("speaker", ""), page=int(q.get("page", "0")))
            elif what == "voices":
                data = views.voices(studio)
            elif what in ("acx", "loudness"):
                path = studio.chapter_mp3(int(q.get("chapter", "1")))
                if not path.is_file():
                    return JSONResponse({"error": "not rendered yet"}, 404)
                fn = views.acx_status if what == "acx" else views.loudness
                data = await run_in_threadpool(fn, path)
            else:
                return JSONResponse({"error": f"no such thing: {what}"}, 404)
        except (ValueError, AudiobookError) as e:
            return JSONResponse({"error": str(e)}, 400)
        return JSONResponse(data)

    async def act(request: Request) -> Response:
        what = request.path_params["what"]
        try:
            body = await request.json()
            if what == "speaker":
                await run_in_threadpool(studio.set_speaker, int(body["chapter"]), int(body["index"]),
                                        str(body["speaker"]), str(body["expect"]))
            elif what == "text":
                await run_in_threadpool(studio.set_text, int(body["chapter"]), int(body["index"]),
                                        str(body["text"]), str(body["expect"]))
            elif what == "audition":
                key, said = await run_in_threadpool(studio.audition, str(body["voice"]), body["settings"],
                                                    str(body.get("text", "")))
                return JSONResponse({"key": key, "text": said})
            elif what == "voice":
                await run_in_threadpool(studio.save_voice, str(body["voice"]), body["settings"])
            else:
                return JSONResponse({"error": f"no such action: {what}"}, 404)
        except (KeyError, TypeError, ValueError, json.JSONDecodeError) as e:
            return JSONResponse({"error": f"a malformed request ({type(e).__name__}: {e})"}, 400)
        except AudiobookError as e:
            return JSONResponse({"error": str(e)}, 409)
        return JSONResponse({"ok": True, "version": studio.snapshot.version})

    def line_audio(request: Request) -> Response:
        key = request.path_params["key"]
        path = studio.snapshot.prep.cache.path(key)
        if not _KEY.match(key) or not path.is_file():
            return Response("no such line audio (not rendered yet?)", 404)
        return FileResponse(path, media_type="audio/wav")

    def chapter_audio(request: Request) -> Response:
        try:
            path = studio.chapter_mp3(int(request.path_params["number"]))
        except AudiobookError as e:
            return Response(str(e), 404)
        if not path.is_file():
            return Response("chapter not rendered yet", 404)
        return FileResponse(path, media_type="audio/mpeg")

    async def events(request: Request) -> Response:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

        def deliver(event: dict[str, Any]) -> None:          # called on the watch thread
            try:
                loop.call_soon_threadsafe(queue.put_nowait, event)
            except RuntimeError:                                # the server has stopped meanwhile
                pass

        stop_listening = studio.listen(deliver)

        async def stream() -> AsyncIterator[str]:
            try:
                yield f"data: {json.dumps({'type': 'hello', 'status': studio.status})}\n\n"
                while True:
                    try:
                        event = await asyncio.wait_for(queue.get(), timeout=15)
                    except TimeoutError:
                        yield ": keep-alive\n\n"
                        continue
                    yield f"data: {json.dumps(event)}\n\n"
            finally:
                stop_listening()
        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})

    app = Starlette(routes=[
        Route("/", page),
        Route("/static/{name}", static),
        Route("/api/{what}", api),
        Route("/api/{what}", act, methods=["POST"]),
        Route("/audio/line/{key}.wav", line_audio),
        Route("/audio/chapter/{number:int}.mp3", chapter_audio),
        Route("/events", events),
    ])
    return TokenGate(app, token, {f"127.0.0.1:{port}", f"localhost:{port}"})
