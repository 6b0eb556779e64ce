"""The audio side: line audio -> chapter audio (pauses, mastering to ACX), MP3/M4B files with
chapter markers and tags, and the ACX checks of what was written."""
