"""Publishers: who published a readout (MOFA, the Kantei, No.10, the State Department, ...),
told by its address or by the site's furniture, and so which side is home. The names are the
corpus's own ("MOFA Japan"), since `search` and `compare` cite accounts by them."""

from __future__ import annotations

import re

from .page import Page

PUBLISHERS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"mofa\.go\.jp|^Japan-[\w\s]+Relations$|^Back to (?:Press Releases|Japan-)|外務省", re.I | re.M), "MOFA Japan", "JP"),
    (re.compile(r"kantei\.go\.jp|Prime Minister's Office of Japan|首相官邸", re.I), "Prime Minister's Office of Japan", "JP"),
    (re.compile(r"emb-japan\.go\.jp|Embassy of Japan", re.I), "Embassy of Japan", "JP"),
    (re.compile(r"president\.gov\.ua|^President of Ukraine\b.*\bOfficial website", re.I | re.M), "President of Ukraine", "UA"),
    (re.compile(r"mfa\.gov\.ua|^Ministry of Foreign Affairs of Ukraine$", re.I | re.M), "Ministry of Foreign Affairs of Ukraine", "UA"),
    (re.compile(r"kmu\.gov\.ua|^Government portal\b|Cabinet of Ministers of Ukraine", re.I | re.M), "Cabinet of Ministers of Ukraine", "UA"),
    (re.compile(r"gov\.uk|10 Downing Street|No\.?\s?10 spokesperson", re.I), "Prime Minister's Office, 10 Downing Street", "GB"),
    (re.compile(r"state\.gov|Office of the Spokesperson|attributable to (?:State Department )?Spokesperson", re.I), "U.S. Department of State", "US"),
    (re.compile(r"whitehouse\.gov|The White House", re.I), "The White House", "US"),
]  # fmt: skip


def find_publisher(page: Page, source: str | None) -> tuple[str | None, str | None]:
    """The publisher's name and country, from the source address or the page's first and last
    lines; a Japanese page with no publisher named is Japan's."""
    haystack = "\n".join(filter(None, [source, *(p.text for p in page.paras[:8])]))
    haystack += "\n" + "\n".join(p.text for p in page.paras[-6:])
    for pattern, name, country in PUBLISHERS:
        if pattern.search(haystack):
            return name, country
    if page.japanese:
        return None, "JP"
    return None, None
