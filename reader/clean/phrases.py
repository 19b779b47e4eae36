"""Boilerplate phrases of news pages, in several languages, each with the reason shown to users.

Two strengths: `SHORT` patterns only count on short lines (a menu label, a button, a prompt);
`ANYWHERE` patterns are specific enough to mark even a long line as page chrome.
"""

from __future__ import annotations

import re

_SHORT_PATTERNS: dict[str, list[str]] = {
    "notification prompt": [
        r"notifications?\b",
        r"benachrichtigung",
        r"notifica[çc][õoã]",
        r"уведомлени",
        r"알림",
        r"通知",
    ],
    "cookie notice": [r"\bcookies?\b", r"\bconsent\b", r"\bgdpr\b"],
    "donation appeal": [
        r"\bdonat(e|ion)",
        r"\bcontribute\b",
        r"your support",
        r"support (us|our|independent)",
        r"\bapoie\b",
        r"\bdoe\b",
        r"\bspende",
        r"пожертв",
        r"поддерж(ите|ать) ",
    ],
    "subscription prompt": [
        r"\bsubscri(be|ption)",
        r"newsletter",
        r"sign up\b",
        r"\bassine\b",
        r"\bassinatura",
        r"inscreva",
        r"abonn",
        r"iscriviti",
        r"подпи(шитесь|ска|саться)",
        r"구독",
        r"購読",
    ],
    "share prompt": [
        r"\bshare\b",
        r"\bshared\b",
        r"\btweet\b",
        r"\bpin it\b",
        r"\bprint\b",
        r"e-?mail( this)?\b",
        r"copy (the )?link",
        r"compartilh",
        r"condividi",
        r"\bteilen\b",
        r"partag",
        r"compartir",
        r"подел",
        r"공유",
        r"シェア",
        r"^(facebook|twitter|linkedin|whatsapp|messenger|pinterest|reddit|telegram|flipboard"
        r"|tumblr|vk|instagram|youtube|rss|google\+?|email|mail|sms|copy|x|threads)"
        r"( feed)?$",
    ],
    "follow prompt": [
        r"\bfollow (us|me)\b",
        r"like us on",
        r"\bsiga\b",
        r"seguici",
        r"folgen sie",
        r"suivez",
        r"síguenos",
        r"подписывайтесь",
    ],
    "comment prompt": [
        r"\bcomments?\b",
        r"\bcomment(ing|ers?)\b",
        r"\breplies\b",
        r"join the (conversation|discussion)",
        r"coment[áa]rio",
        r"comment(o|i)\b",
        r"kommentar",
        r"commentaire",
        r"комментар",
        r"댓글",
        r"コメント",
    ],
    "log-in prompt": [
        r"\blog ?(in|out)\b",
        r"\blogged in\b",
        r"\bsign ?(in|out)\b",
        r"\bregist(er|ering|ration)\b",
        r"\bcreate (an |your )?account",
        r"\bmy account\b",
        r"\bentrar\b",
        r"\baccedi\b",
        r"\banmelden\b",
        r"войти",
        r"로그인",
        r"ログイン",
    ],
    "related link": [
        r"^related\b",
        r"\bread (more|next|also)\b",
        r"^see (also|more)\b",
        r"^more (from|on|in|stories|news|articles|coverage)\b",
        r"^(most|more) (read|popular|viewed|shared)\b",
        r"\brecommended\b",
        r"you (may|might) (also )?like",
        r"^(popular|trending|latest)( posts| news| stories| articles)?$",
        r"^(top|related|recent|other) (stories|posts|articles|news|topics)",
        r"^in (this|other) news",
        r"leia (tamb[ée]m|mais)",
        r"veja (tamb[ée]m|mais)",
        r"^mais (lidas|not[íi]cias)",
        r"leggi anche",
        r"potrebbe interessarti",
        r"^(lesen sie auch|mehr zum thema|weitere artikel)",
        r"^(lire aussi|à lire aussi)",
        r"^(lee también|te puede interesar)",
        r"читайте (также|еще|ещё)",
        r"(ещ[её]|больше) по теме",
        r"관련 ?기사",
        r"関連記事",
    ],
    "advertisement": [
        r"^(advertisement|advertising|sponsored( content)?|ad|ads|promoted|publicidade"
        r"|publicidad|pubblicità|anzeige|werbung|publicité|реклама|광고|広告|スポンサーリンク)$",
        r"^story continues below",
        r"^(article )?continues below",
        r"^advertisement\b",
    ],
    "photo credit": [
        r"^(photo|image|picture|foto|фото|사진|写真)( credit)?s?\s*[:/©]",
        r"^image (copyright|caption)",
        r"^media caption",
        r"\((ap|afp|reuters|getty( images)?|epa|shutterstock|istock|file)\)$",
        r"\bgetty images\b",
        r"^(credit|source|crédito|fonte)s?\s*:",
        r"^©",
    ],
    "footer": [
        r"©",
        r"\bcopyright\b",
        r"all rights reserved",
        r"terms (of|and) (use|service|conditions)",
        r"privacy (policy|notice)",
        r"direitos reservados",
        r"diritti riservati",
        r"rechte vorbehalten",
        r"права защищены",
        r"무단.?전재",
        r"^(about( us)?|contact( us)?|careers|imprint|impressum|sitemap|faq|help)$",
    ],
    "navigation": [
        r"^(home|homepage|menu|main menu|search|search the site|skip to (main )?content"
        r"|back to top|close|open|next|previous|prev|more|sections|topics|tags|categories"
        r"|trending|show more|load more|view all|see all|toggle navigation|accessibility links"
        r"|in[íi]cio|buscar|pesquisar|cerca|suche|поиск|главная|홈|検索|ホーム)$",
        r"^tags?\s*:",
        r"^filed under\b",
        r"^categor(y|ies)\s*:",
        r"^(posted|published) in\b",
    ],
}

_ANYWHERE_PATTERNS: dict[str, list[str]] = {
    "cookie notice": [
        r"(we|this (web)?site) uses? cookies",
        r"by (continuing to (use|browse)|using this (web)?site)",
        r"accept (all )?cookies",
        r"utilizamos cookies",
        r"usiamo i cookie",
        r"verwendet cookies",
        r"используем (файлы )?cookie",
    ],
    "donation appeal": [
        r"your (donation|contribution|support (helps|makes|allows))",
        r"\bpaywalls?\b",
        r"support (our|independent|quality) journalism",
        r"(make|give) a (donation|contribution)",
        r"become a (member|supporter|patron|subscriber)",
        r"quality journalism should be",
    ],
    "subscription prompt": [
        r"(sign up|subscribe) (for|to) (our|the) .{0,30}newsletter",
        r"enter your e-?mail( address)?",
        r"delivered (straight )?to your inbox",
        r"get (the|our) .{0,40} (newsletter|in your inbox)",
        r"subscribe (now|today) (for|to)",
        r"unlimited (digital )?access",
    ],
    "log-in prompt": [
        r"thank you for registering",
        r"refresh (the|your) (page|browser)",
        r"(log|sign) in to (comment|continue|read)",
        r"already (a subscriber|have an account)",
    ],
    "comment prompt": [
        r"(join|start) (our|the) (commenting|comment) (forum|section)",
        r"(leave|post|add|write) a (comment|reply)",
        r"comments? (are|is) (closed|moderated)",
        r"comments? (policy|guidelines)",
        r"thought-provoking conversations",
    ],
    "notification prompt": [
        r"notifications can be managed",
        r"(turn on|allow|enable) (browser |push )?notifications",
    ],
    "share prompt": [r"these are external links", r"read more about sharing"],
    "photo credit": [r"^(image|media) caption", r"^image copyright"],
    "app prompt": [
        r"click here to (get|download|subscribe|sign up|read)",
        r"(download|get) (the|our) .{0,25}\bapp\b",
        r"^want more (stories|news|articles) like this",
    ],
    "footer": [r"all rights reserved", r"todos os direitos reservados"],
}


Phrases = tuple[re.Pattern[str] | None, re.Pattern[str] | None, str]
"""One reason's patterns anchored at the line's start, its other patterns, and the reason."""


def _compile(table: dict[str, list[str]], at_start: bool = True) -> list[Phrases]:
    # Two patterns per reason: a single alternation of them all scans slower in `re`.
    # `at_start`: whether to compile the reason's phrases anchored at the start as well.
    compiled = []
    for reason, patterns in table.items():
        starts = [p[1:] for p in patterns if p.startswith("^")] if at_start else []
        anywhere = [_literal_first(p) for p in patterns if not p.startswith("^")]
        compiled.append((_alternation(starts), _alternation(anywhere), reason))
    return compiled


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


_LEADING_BOUNDARY = re.compile(r"\\b(\w)(?![?*+{])")


def _literal_first(pattern: str) -> str:
    r"""`pattern` with a leading `\b` moved behind its first letter, as a lookbehind.

    `re` skips ahead to the places where a pattern's first character occurs, but only when the
    pattern starts with a character: `\bcookie` is tried at every position, `c(?<!\w.)ookie`
    (the same matches) only where there is a "c". Phrase matching runs three times faster.
    """
    match = _LEADING_BOUNDARY.match(pattern)
    if not match:
        return pattern
    return f"{match.group(1)}(?<!\\w.){pattern[match.end() :]}"


SHORT = _compile(_SHORT_PATTERNS, at_start=False)  # those are _SHORT_AT_START's, below
ANYWHERE = _compile(_ANYWHERE_PATTERNS)
SHORT_WORDS = 12
"""Lines of at most this many words are tested against the `SHORT` patterns."""


# Keys: literal pieces of the phrases, one of which every match holds (keep them in step; a
# test draws examples of every phrase and checks). One search for them all, as a trie-shaped
# pattern, spares the phrase patterns on most lines. ANYWHERE keys are as specific as the
# phrases allow: a key common in prose ("app", "access") would send long paragraphs through
# every ANYWHERE pattern.
_ANYWHERE_KEYS = (
    "cookie",
    "by continuing",
    "by using this",
    "your donation",
    "your contribution",
    "your support",
    "a donation",
    "a contribution",
    "paywall",
    "journalism",
    "become a",
    "newsletter",
    "enter your",
    "inbox",
    "subscribe",
    "unlimited",
    "registering",
    "refresh",
    "log in",
    "sign in",
    "already",
    "comment",
    "a reply",
    "provoking",
    "notification",
    "external link",
    "about sharing",
    "caption",
    "copyright",
    "click here",
    "download",
    "get the",
    "get our",
    "want more",
    "rights reserved",
    "direitos",
)
_SHORT_KEYS = {
    "notification prompt": "fica hrich уведомл 알림 通知",
    "cookie notice": "cookie consent gdpr",
    "donation appeal": "donat contribute support apoie doe spende пожертв поддерж",
    "subscription prompt": "subscri newsletter sign|up assin inscreva abonn iscriviti"
    " подпи 구독 購読",
    "share prompt": "share tweet pin|it print email e-mail copy|link copy|the|link compartilh"
    " condividi teilen partag compartir подел 공유 シェア",
    "follow prompt": "follow|us follow|me like|us siga seguici folgen suivez síguenos"
    " подписывайтесь",
    "comment prompt": "comment replies join|the coment kommentar комментар 댓글 コメント",
    "log-in prompt": "login log|in logout log|out logged|in signin sign|in signout sign|out regist"
    " account entrar accedi anmelden войти 로그인 ログイン",
    "related link": "read|more read|next read|also recommended you|m leia veja leggi|anche"
    " potrebbe читайте по|теме 관련 関連記事",
    "photo credit": "(ap) (afp) (reuters) (getty (epa) (shutterstock) (istock) (file) getty",
    "footer": "© copyright rights|reserved terms|of terms|and privacy|policy privacy|notice"
    " direitos|reservados diritti|riservati rechte|vorbehalten права|защищены 무단",
}
"""The SHORT patterns that are not anchored at the line's start, by reason, as keys ("|" is a
space inside a key)."""


_Node = dict[str, "_Node"]


def _trie(words: list[str]) -> re.Pattern[str]:
    """A pattern matching any of `words`, shaped as a trie: `re` tries the alternatives of a
    flat "a|b|c" one by one at every place, but a trie's only where their first letters are."""
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Node) -> str:
        if "" in node:
            return ""  # a shorter key is enough: what follows it need not be matched
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return re.compile(pattern(root))


_ANYWHERE_KEY = _trie(list(_ANYWHERE_KEYS))
_SHORT_KEY = _trie([key.replace("|", " ") for keys in _SHORT_KEYS.values() for key in keys.split()])
# The SHORT phrases anchored at the line's start, all in one pattern, a group for each
# reason (named r + its place in SHORT): it tells which reason's matched as well as whether
# one did, and is compiled once, not a second time per reason (re compiles slowly).
_SHORT_AT_START = re.compile(
    "|".join(
        f"(?P<r{place}>{'|'.join(f'(?:{p[1:]})' for p in starts)})"
        for place, patterns in enumerate(_SHORT_PATTERNS.values())
        if (starts := [p for p in patterns if p.startswith("^")])
    )
)


def boilerplate_reason(text: str, words: int) -> str:
    """Why `text` (one line, any case) is page chrome, or "" when no phrase says so."""
    # Chrome is said early: a huge line (a whole page on one line) is judged by its start.
    lowered = text[:3000].casefold().strip(" \t*+-•·|»›>:.…")
    if _ANYWHERE_KEY.search(lowered):
        reason = _first_reason(ANYWHERE, lowered)
        if reason:
            return reason
    if words > SHORT_WORDS:
        return ""
    start = _SHORT_AT_START.match(lowered)
    if start is None and not _SHORT_KEY.search(lowered):
        return ""
    # The first reason with a phrase in the line: the one whose phrase starts it, unless an
    # earlier reason has a phrase elsewhere in it.
    place = int(start.lastgroup[1:]) if start and start.lastgroup else len(SHORT)
    reason = _first_reason(SHORT[:place], lowered)
    return reason or (SHORT[place][2] if place < len(SHORT) else "")


def _first_reason(table: list[Phrases], lowered: str) -> str:
    for at_start, anywhere, reason in table:
        if (at_start and at_start.match(lowered)) or (anywhere and anywhere.search(lowered)):
            return reason
    return ""
