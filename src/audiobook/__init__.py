"""audiobook: manuscript in, finished chaptered multi-voice audiobook out."""

from audiobook.errors import AudiobookError

__version__ = "0.1.0"
__all__ = ["AudiobookError", "__version__"]
