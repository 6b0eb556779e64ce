"""The text side: manuscript files -> chapters of paragraphs -> the tagged script (who says each
line, in what words). Pure text analysis: no audio, no voices, no files written."""
