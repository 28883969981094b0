"""The labeled language set: original texts in `corpus/<code>.txt`, cut into sentences, paragraphs, articles.

File format: `# <code> <name>` first, then articles, each a `## <headline>` line followed by one paragraph per
line. Lines starting with `!` after an article are extra hard cases (one text per line) that belong to the
language but are not part of the article. A file whose header says `[hard-case language...]` (ca, sk, hr, bg:
close relatives of bigger languages) has all its texts counted as hard cases too.

A sentence is a piece of a paragraph (or a headline) of 3-19 words, a paragraph one body line of 40-120 words,
an article a whole body of 250+ words. Texts from the first three articles of each language are the "dev"
split (the thresholds were tuned on it), the rest "held-out".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
LENGTHS = ("sentence", "paragraph", "article")
_SENTENCE_END = re.compile(r"(?<=[.!?;؟])\s+(?=\S)")


@dataclass(frozen=True)
class Text:
    lang: str
    length: str  # sentence | paragraph | article
    split: str  # dev | held-out
    text: str
    source: str  # "<file>:<article>[:<paragraph>]" or "<file>:hard:<n>"
    hard: bool = False


def words(text: str) -> int:
    return len(text.split())


def length_class(text: str) -> str | None:
    n = words(text)
    if 3 <= n < 20:
        return "sentence"
    if 40 <= n <= 120:
        return "paragraph"
    if n >= 250:
        return "article"
    return None


def sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def load(corpus: Path = CORPUS) -> list[Text]:
    texts: list[Text] = []
    for path in sorted(corpus.glob("*.txt")):
        lang = path.stem
        articles: list[tuple[str, list[str], list[str]]] = []
        hard_language = False
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if line.startswith("# ") and not articles:
                hard_language = "[hard-case language" in line
                continue
            if not line:
                continue
            if line.startswith("## "):
                articles.append((line[3:].strip(), [], []))
            elif line.startswith("!"):
                articles[-1][2].append(line[1:].strip())
            else:
                articles[-1][1].append(line)
        for i, (title, paragraphs, hard) in enumerate(articles):
            split = "dev" if i < 3 else "held-out"
            src = f"{lang}:{i + 1}"
            body = "\n\n".join(paragraphs)
            if length_class(body) == "article":
                texts.append(Text(lang, "article", split, body, src, hard_language))
            if length_class(title) == "sentence":
                texts.append(Text(lang, "sentence", split, title, f"{src}:title", hard_language))
            for j, p in enumerate(paragraphs):
                if length_class(p) == "paragraph":
                    texts.append(Text(lang, "paragraph", split, p, f"{src}:{j + 1}", hard_language))
                texts += [Text(lang, "sentence", split, s, f"{src}:{j + 1}", hard_language) for s in sentences(p)
                          if length_class(s) == "sentence"]
            for k, h in enumerate(hard):
                cls = length_class(h)
                if cls:
                    texts.append(Text(lang, cls, split, h, f"{src}:hard{k + 1}", hard=True))
    return texts
