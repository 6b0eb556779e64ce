"""Make the sample book's cover, manuscript/cover.jpg: 2400x2400 JPEG (ACX: square, at least 2400 px).

Run once; the JPEG is committed. Uses only the ffmpeg that imageio-ffmpeg ships (a gradient, a
vignette and the title/author set with drawtext), so no image library is needed:

    .venv/bin/python bench/make_cover.py [--font /path/to/serif.ttf]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

import yaml

from audiobook.audio.export import ffmpeg

ROOT = Path(__file__).resolve().parent.parent
SIZE = 2400
FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--font", default=FONTS[0])
    ap.add_argument("--bold", default=FONTS[1])
    ap.add_argument("--out", type=Path, default=ROOT / "manuscript" / "cover.jpg")
    args = ap.parse_args()
    book = yaml.safe_load((ROOT / "manuscript" / "book.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as td:
        title, author = Path(td) / "title.txt", Path(td) / "author.txt"
        words = str(book["title"]).split()
        half = (len(words) + 1) // 2
        title.write_text(" ".join(words[:half]) + "\n" + " ".join(words[half:]), encoding="utf-8")
        author.write_text(str(book.get("author", "")).upper(), encoding="utf-8")
        text = (f"drawtext=fontfile={args.bold}:textfile={title}:fontsize=210:fontcolor=0xf3e9d2:"
                f"line_spacing=40:x=(w-text_w)/2:y=h*0.30:shadowcolor=0x00000080:shadowx=6:shadowy=6,"
                f"drawbox=x=iw*0.3:y=ih*0.62:w=iw*0.4:h=6:color=0xc9a86a:t=fill,"
                f"drawtext=fontfile={args.font}:textfile={author}:fontsize=110:fontcolor=0xc9a86a:"
                f"x=(w-text_w)/2:y=h*0.68")
        subprocess.run([ffmpeg(), "-v", "error", "-y", "-f", "lavfi",
                        "-i", f"gradients=s={SIZE}x{SIZE}:c0=0x1b2a41:c1=0x4a2c40:x0=0:y0=0:x1={SIZE}:y1={SIZE}:d=1",
                        "-vf", f"vignette=PI/5,{text}", "-frames:v", "1", "-pix_fmt", "yuvj420p", "-q:v", "3",
                        str(args.out)], check=True)
    print(f"{args.out}: {args.out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
