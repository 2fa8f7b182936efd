"""Reading the page: the text a user pasted, cut into paragraphs (hard-wrapped lines joined,
list markers read), the site's furniture told apart from the readout, sentences, the lead
paragraph, and where a page stops.

Every other finder reads what this module hands it: a `Page` of `Para`s and its `Lead`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..textfold import UNSAFE
from .dates import DATE_LINE_RE, MONTH, find_date, is_date_line
from .text import squash

# Lines of the site around a readout: navigation, captions, notes on the translation.
FURNITURE_RE = re.compile(
    r"""^(?:
        back\s+to\b.* | page\s+top | back\s+to\s+top | top\s+of\s+page | ページのトップへ戻る.* | .*へ戻る
      | \[?\s*provisional\s+translation\s*\]? | \[?\s*tentative\s+translation\s*\]? | 仮訳
      | \(?\s*photo\b.* | （写真.* | \(写真.* | 写真提供.*
      | \(?\s*\*?\s*the\s+date\b.*japanese\s+(?:original|version).* | .*\bjapanese\s+original\b.*
      | press\s+releases? | press\s+conferences? | statements? | news\s+story
      | readout | office\s+of\s+the\s+spokesperson | the\s+below\s+is\s+attributable\s+to\b.*
      | a\s+no\.?\s*10\s+spokesperson\s+said:? | from:.* | share\s+this\s+page | print\s+this\s+page
      | is\s+this\s+page\s+useful\??.* | contents | related\s+(?:links|content|information|articles)
      | explore\s+the\s+topic.* | report\s+a\s+problem.* | yes\s+no | home | print | english | japanese
      | 日本語 | english\s+page | 関連リンク | related\s+link | tags?:.* | topics?:.* | categories?:.*
      | (?:diplomatic\s+bluebook|foreign\s+policy|countries\s+&\s+regions|top\s+page)
      | speeches\s+and\s+statements\s+by\s+the\s+prime\s+minister
      | (?:official\s+website\s+of\s+the\s+)?president\s+of\s+ukraine(?:\s+official\s+website)?
      | ministry\s+of\s+foreign\s+affairs\s+of\s+ukraine | government\s+portal
      | [(（\[]?\s*pdf\s*[)）\]]? | .*\(pdf\)\s* | .*（pdf）\s*
      | .*\b\d+\s+min(?:ute)?s?\s+read\b.* | by\s+(?:[A-Z][\w.'’-]+\s*){1,3}
      | .*以下の(?:とおり|ように)(?:公表|発表|掲載)し(?:た|ました)。?
      | .{0,40}\bskip\s+to\s+(?:main\s+)?content | menu(?:\s+(?:open|closed))?
      | also\s+read\b.* | this\s+audio\s+is\s+(?:created|generated)\b.*
      | .*[.!?]\s*\((?:[A-Z][\w'’.-]*\s*){1,4}\)
      | .{0,80}?\b(?:published|released|issued|posted)\s+the\s+following\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Section names: "Japan-Ukraine Relations" (capitalised; "Bilateral relations" is a heading).
SECTION_RE = re.compile(r"^(?:[A-Z][\w’'&-]*\s+){1,4}Relations$")


def is_furniture(text: str) -> bool:
    """Whether a line belongs to the site, not to the readout ("Back to Japan-Ukraine
    Relations", "(Photo: Cabinet Public Relations Office)", "Provisional translation", a
    repost's "The ministry published the following on ...", a news site's "Also Read" or a
    caption ending in its credit, "... in Kyiv on Jan. 7. (President's Office)")."""
    return bool(FURNITURE_RE.match(text) or SECTION_RE.match(text))


# Where a page stops: a line like these ends the body even when more text follows.
END_RE = re.compile(
    r"^(?:back\s+to\b|page\s+top|back\s+to\s+top|ページのトップへ戻る|share\s+this\s+page|[(（]参考[)）]"
    r"|is\s+this\s+page\s+useful|related\s+(?:links|content|information|articles)"
    r"|explore\s+the\s+topic|関連リンク)",
    re.IGNORECASE,
)
# "The overview is as follows.": a line that announces the points, and is none.
OVERVIEW_RE = re.compile(
    r"^(?:the\s+|an\s+)?(?:overview|outline|summary|gist)\b.*\b(?:as\s+follows|below)\s*[.:]?$"
    r"|^概要(?:は以下|以下).*$",
    re.IGNORECASE,
)
_MARKER_RE = re.compile(
    r"""^(?P<bullet>[•·・●○◆◇■□▪▫‣◦*\-–—]\s+|[•·・●○◆◇■□▪▫‣◦])?\s*
    (?:
        (?P<num>\d{1,2})(?:[.．](?!\d)|[)）])\s*
      | (?P<bare>\d{1,2})[ \t\u3000]+(?=[^\W\d_]|[“"'(（])
      | [(（](?P<sub>\d{1,2}|[a-z]|[ivx]{1,4})[)）]\s*
    )?""",
    re.VERBOSE,
)


@dataclass
class Para:
    """One paragraph of the page: a line, or lines joined when the text was hard-wrapped."""

    text: str  # whitespace-normalised, without its list marker
    whole: str  # whitespace-normalised, with its marker
    number: int | None = None  # "1." / "1 " / "1)"
    sub: str | None = None  # "(1)" / "(a)"
    bullet: bool = False
    indent: int = 0


def ends_sentence(line: str) -> bool:
    """Whether `line` ends as a sentence does (so the next line starts a new paragraph)."""
    return bool(re.search(r"[.!?:;。」）)\"”’]\s*$", line))


def paragraphs(lines: Sequence[str]) -> list[Para]:
    """The paragraphs of the page's lines: hard-wrapped lines joined, list markers ("1.",
    "(a)", "•") read off, a date line never taken for an item."""
    paras: list[Para] = []
    for line in lines:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        marker = _MARKER_RE.match(line.strip())
        has_marker = bool(marker and marker.end() > 0)
        previous = paras[-1] if paras else None
        if (
            previous is not None
            and not has_marker
            and len(previous.whole) >= 50
            and not ends_sentence(previous.whole)
            and not is_furniture(line.strip())
            and line.strip()[:1].islower()
        ):
            previous.text = squash(previous.text + " " + line)
            previous.whole = squash(previous.whole + " " + line)
            continue
        para = Para(text=squash(line), whole=squash(line), indent=indent)
        if marker and has_marker:
            rest = squash(line.strip()[marker.end() :])
            number = marker["num"] or marker["bare"]
            if number and rest and not DATE_LINE_RE.match(line.strip()):
                para.number, para.text = int(number), rest
            elif marker["sub"] and rest:
                para.sub, para.text = marker["sub"], rest
            elif marker["bullet"] and rest:
                para.bullet, para.text = True, rest
        paras.append(para)
    return paras


_ABBREVIATIONS = frozenset(
    "mr ms mrs mx dr prof st no nos hon rt jr sr gen lt col sen rep amb gov h.e s.e u.s u.k u.n "
    "e.u a.m p.m e.g i.e approx vs inc co ltd mt jan feb mar apr jun jul aug sep sept oct nov dec "
    "fig cf op art para paras vol ca bzw".split()
)
_LONGEST = 3000
_SENTENCE_END_RE = re.compile(r"[.!?]+[\"”’)\]]*\s+|。[」）)]*\s*")


def sentences(text: str) -> list[str]:
    """Split prose into sentences, minding "H.E. Mr.", "p.m." and initials.

    A sentence is cut at _LONGEST characters: nothing a readout says takes longer, and the
    pattern matching downstream need not face pasted junk at full length."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        end = m.end()
        if end >= len(text):
            break
        if not m.group().startswith("。"):
            tail = text[max(start, end - 40) : end]
            word = re.search(r"([A-Za-z0-9][A-Za-z0-9.]*?)?[.!?]+[\"”’)\]]*\s*$", tail)
            token = (word.group(1) or "").lower().rstrip(".") if word else ""
            nxt = text[end : end + 1]
            if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token) or nxt.islower():
                continue
            if token.isdigit() and re.match(MONTH + r"(?!\w)", text[end:]):
                continue  # "14. Mai"
        out.append(text[start:end].strip()[:_LONGEST])
        start = end
    if text[start:].strip():
        out.append(text[start:].strip()[:_LONGEST])
    return out


@dataclass
class Page:
    """The pasted page: the source its first line names, its text and paragraphs, and
    whether it is written in Japanese."""

    source: str | None
    text: str
    paras: list[Para]
    japanese: bool


def read_page(text: str) -> Page:
    """The page in `text`: line breaks made "\\n", a `source: URL` first line read off, and
    the characters that must never reach a record dropped (textfold.UNSAFE: invisible
    direction overrides and control characters copied with a page's text would travel into
    the record and reorder how it reads)."""
    # Carriage returns are line breaks first: UNSAFE would drop them and join the lines.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = UNSAFE.sub("", text).replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    lines = text.split("\n")
    source = None
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = re.match(r"^\s*source:\s*(\S+)\s*$", line, re.IGNORECASE)
        if m:
            source = m[1]
            lines = lines[i + 1 :]
        break
    kana = len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", text))
    japanese = kana > 20 and kana > len(re.findall(r"[A-Za-z]", text)) / 4
    return Page(source, "\n".join(lines), paragraphs(lines), japanese)


# The verbs of a lead sentence: who held, paid, received or spoke.
LEAD_VERB_RE = re.compile(
    r"\b(?:held|hold|paid|pays|received|receives|spoke|speaks|met|meets|had|has|attended|hosted|"
    r"visited|signed|exchanged|talked|welcomed|joined|called|conducted|participated|took\s+part)\b"
    r"|会談|表敬|会合|電話|行った|行いました|受けた",
    re.I,
)


def is_lead(para: Para) -> bool:
    """Whether a paragraph is the lead: it opens with the meeting's date, or reads as a
    sentence about who met ("On January 7, ... paid a courtesy call on ...")."""
    text = para.text
    dateline = DATELINE_RE.match(text)
    if dateline:
        text = text[dateline.end() :]
    if is_date_line(text) or is_furniture(text):
        return False
    if find_date(text, at_start=True) and len(text) > 40:
        return True
    words = len(text.split())
    sentence_like = ends_sentence(text) or words >= 12 or (len(text) > 30 and not text.isascii())
    return sentence_like and bool(LEAD_VERB_RE.search(text)) and (words >= 6 or not text.isascii())


@dataclass
class Lead:
    """The lead paragraph and what surrounds it: `index` into the page's paragraphs (None
    when the page has no lead), the paragraphs above it, its text without a spokesperson's
    attribution, its first sentence, and the page's text after it."""

    index: int | None
    para: Para | None
    header: list[Para]
    text: str
    sentence: str
    body: str


def find_lead(page: Page) -> Lead:
    """The page's lead: its first paragraph that `is_lead`, unless that is a headline (no
    sentence's end: "Zelenskyy had a phone conversation with the Prime Minister of Japan")
    with a lead that is a sentence close below it, as the pages of Ukraine's presidency
    and foreign ministry put them; and unless a paragraph that opens with a date and says
    who met follows it near the top of the page, before any numbered point (`dated_lead`)."""
    leads = [i for i, p in enumerate(page.paras) if is_lead(p)]
    index = leads[0] if leads else None
    if index is not None and not ends_sentence(page.paras[index].text):
        below = [i for i in leads[1:] if i - index <= 3 and ends_sentence(page.paras[i].text)]
        index = below[0] if below else index
    if index is not None:
        index = dated_lead(page.paras, leads, index)
    para = page.paras[index] if index is not None else None
    header = page.paras[: index if index is not None else len(page.paras)]
    text = strip_attribution(para.text) if para else ""
    sentence = (sentences(text) or [""])[0] if text else ""
    at = page.text.find(text[:40]) if text else -1
    body = page.text[at + len(text) :] if at >= 0 else page.text
    return Lead(index, para, header, text, sentence, body)


# How far down the page a lead that opens with its date is looked for.
_DATED_LEAD_WITHIN = 10


def dated_lead(paras: Sequence[Para], leads: Sequence[int], index: int) -> int:
    """The lead among the candidates `leads` (the first being `index`): a headline, a photo
    caption ("... shaking hands in the meeting room") or a repost's attribution line ("the
    ministry published the following on ...") can read as a lead, but the lead itself is the
    paragraph that opens with the meeting's date and says who met ("On January 7, ...",
    "令和6年10月17日13時30分から..."). Such a paragraph near the top of the page, before any
    numbered point, wins over the candidates above it that may stand above a lead."""
    if _opens_with_date(paras[index]) or not _may_stand_above_the_lead(paras[index]):
        return index
    for i in leads:
        if i <= index:
            continue
        if i >= _DATED_LEAD_WITHIN or any(p.number is not None for p in paras[index:i]):
            break
        if _opens_with_date(paras[i]):
            return i
        if not _may_stand_above_the_lead(paras[i]):
            break
    return index


def _may_stand_above_the_lead(para: Para) -> bool:
    """A headline or a caption ends without a full stop; a headline or an attribution line
    that ends with one names a date inside it ("... (October 17)", "published on ...").
    A full sentence without a date is a lead that does not open with its date, and stays."""
    text = para.text
    return not re.search(r"[.!?。]\s*$", text) or find_date(text) is not None


def _opens_with_date(para: Para) -> bool:
    text = para.text
    dateline = DATELINE_RE.match(text)
    if dateline:
        text = text[dateline.end() :]
    first = (sentences(text) or [""])[0]
    return bool(find_date(text, at_start=True) and LEAD_VERB_RE.search(first))


# A news agency's dateline: "Tokyo, Sept. 7 (Jiji Press)--", "KYIV. Jan 6 (Interfax-Ukraine) -".
DATELINE_RE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)[,.]\s+(?P<date>{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)"
    r"\s*\((?P<agency>[^)]{2,40})\)\s*(?:--|[-—–])\s*"
)


def strip_attribution(lead: str) -> str:
    """Drop "The below is attributable to Spokesperson X:", "A No.10 spokesperson said:" and
    a news agency's dateline ("Tokyo, Sept. 7 (Jiji Press)--")."""
    dateline = DATELINE_RE.match(lead)
    if dateline:
        lead = lead[dateline.end() :]
    m = re.match(
        r"^(?:the\s+below\s+is\s+attributable\s+to\b[^:]*:|a\s+no\.?\s*10\s+spokesperson\s+said:)\s*",
        lead,
        re.IGNORECASE,
    )
    lead = lead[m.end() :] if m else lead
    return lead.strip('“”" ')
