"""``audiobook studio``: a review studio in the browser. Hear any line, give it to another speaker,
mark it not spoken or edit its words, and hear it again a moment later; tune a voice's pitch and
speed by ear. Every fix is written into the manuscript or the profile as a user would type it,
and the ``build --watch`` loop re-renders what changed (see ``session``).

Needs the ``studio`` extra: ``pip install 'audiobook[studio]'`` (Starlette, uvicorn, ruamel.yaml).
"""

from audiobook.studio.session import Studio

__all__ = ["Studio", "StudioServer"]


def __getattr__(name: str) -> object:
    if name == "StudioServer":          # uvicorn only when serving
        from audiobook.studio.serve import StudioServer
        return StudioServer
    raise AttributeError(name)
