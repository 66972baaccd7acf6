"""What kind of event a claim asserts, and how that maps onto ACLED's event types.

Types are tried from the most specific to the most general: a sentence that says "Russian shelling
injured 22 people" is shelling, not casualties; "attempts to advance ... were repelled" is a repelled
attack, not an advance.  Triggers are English, Russian and Ukrainian word stems.

The ACLED mapping follows the ACLED Codebook (2023): battles are "Armed clash" unless territory changes
hands; shelling and missiles are "Explosions/Remote violence"; a withdrawal without a fight is a
"Strategic development" (non-violent transfer of territory).
"""

from __future__ import annotations

import re

from geomap.prefilter import PatternGroup, prefiltered

__all__ = [
    "ACLED_TYPES",
    "EVENT_TYPES",
    "acled_types",
    "casualty_counts",
    "classify",
    "enemy_retreat",
    "is_descriptive",
    "is_heading",
    "is_non_event",
]

EVENT_TYPES = (
    "advance", "capture", "retreat", "repelled_attack", "attack", "shelling", "air_strike", "drone_strike",
    "missile_strike", "casualties", "aid_or_diplomacy", "other",
)  # fmt: skip

#: geomap type → (ACLED event_type, ACLED sub_event_type)
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "advance": ("Battles", "Armed clash"),
    "capture": ("Battles", "Non-state actor overtakes territory"),
    "retreat": ("Strategic developments", "Non-violent transfer of territory"),
    "repelled_attack": ("Battles", "Armed clash"),
    "attack": ("Battles", "Armed clash"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "missile_strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "casualties": ("Battles", "Armed clash"),
    "aid_or_diplomacy": ("Strategic developments", "Other"),
    "other": ("Strategic developments", "Other"),
}

_PARTIAL = r"(?:more than|almost|nearly|about|over|part|parts|most|\d+\s*%|\d+ per ?cent)"
_TERRITORY = (
    r"(?:territory|territories|positions?|square kilomet|sq\.? ?km|stronghold|ground|"
    r"buildings|its northern|its southern|its eastern|its western)"
)

# (type, pattern) from the most specific to the most general.
_TRIGGERS: list[tuple[str, str]] = [
    ("missile_strike", r"\bmissile|\bballistic|\biskander|\bkinzhal|\bkalibr|\bракет|\bбаліст|\bбаллист"),
    (
        "drone_strike",
        r"\bdrone (?:attack|strike)|\bshahed|\bkamikaze|\bunmanned|\bдрон|\bбпла|\bбезпілот|\bбеспилот",
    ),
    (
        "air_strike",
        r"\bair ?strike|\bguided (?:aerial )?bomb|\baerial bomb|\bbombed|\bbombing|\bавиаудар|\bавіаудар|"
        r"\bкаб\b|\bавиабомб|\bавіабомб",
    ),
    ("shelling", r"\bshell(?:ed|ing)\b|\bartillery fire|\bmortar|\bобстр[еі]л|\bобстріл|\bобстрел"),
    (
        "repelled_attack",
        r"\brepel|\brepuls|\bbeat back|\bbeaten back|\bfoil|\bthwart|\bstopped the enemy|"
        r"\bfended off|\bno success|\bunsuccessful|\bвідбит|\bвідбил|\bотраж|\bотбит|\bотбил|\bзупинил",
    ),
    (
        "advance",
        rf"\b(?:captur|seiz|took|taken|taking)\w*\s+(?:control of\s+)?(?:between\s+)?{_PARTIAL}|"
        rf"\b(?:captur|seiz|took|taken|taking|gain)\w*\s+(?:\S+\s+){{0,2}}?[\"“]?(?:new\s+)?{_TERRITORY}|"
        rf"\bcapturing\b|{_PARTIAL}[^.]{{0,40}}\bin (?:russian|ukrainian) hands",
    ),
    (
        "capture",
        r"\bcaptur|\bseiz|\btaken (?:full )?control|\btook (?:full )?control|\bliberat|\bcleared\b|"
        r"\bfell to\b|\bin (?:russian|ukrainian) hands|\bвзял[иа]?\b(?! в плен| в полон)|\bвзят\w+|"
        r"\bосвобо[дж]|\bзанял|\bзвільн|\bзахопи|\bпід контроль|\bпод контроль|\bокупува",
    ),
    (
        "retreat",
        r"\bretreat|\bwithdr[ae]w|\bwithdrawn\b|\bpulled (?:\w+ )?out|\bgiven up\b|\bgave up\b|"
        r"\bотступ|\bвідступ|\bуход\w* из|\bвийшл\w* з|\bотош[лё]",
    ),
    (
        "advance",
        r"\badvanc|\bpush(?:ed|ing)? (?:towards|into|forward)|\bbr[eo]ke? through|\bbroken through|"
        r"\bbreach|\bentered\b|\bwedged|\bapproached|\bcrossed\b|\bgains?\b|\bпродвин|\bпросун|\bвклинил|"
        r"\b(?:wav|rais|hoist)\w*\s+(?:\w+\s+)?flags?\b|\bflags? (?:was |were )?(?:raised|hoisted)|"
        r"поднима\w* [\w ]{0,20}флаг|підня\w* [\w ]{0,20}прапор",
    ),
    (
        "casualties",
        r"\blost (?:up to |about |over |more than |at least )?[\d,]+|\b(?:killed|dead|died|wounded|"
        r"injured)\b|\beliminat|\bзагин|\bпогиб|\bубит|\bпоранен|\bранен|\bвтрат|\bпотер",
    ),
    (
        "attack",
        r"\battack|\bassault|\boffensive\b|\bfighting\b|\bclash|\bbattles?\b|\bstorm(?:ed|ing)\b|"
        r"\bstruck\b|\bstrik(?:e|es|ing)\b|\bdestr(?:oy|uction)|\bsurrounded|\bhostilities|"
        r"\bdifficult situation|"
        r"\bатак|\bштурм|\bбо[иії]\b|\bбо[йї] тривают|\bбоев|\bнаступ|\bнаступа|\bуничтож|\bзнищ",
    ),
    (
        "aid_or_diplomacy",
        r"\bmilitary aid|\bassistance\b|\bpledg|\bcommitted\b|\bcommitments?\b|\bpackage\b|"
        r"\bprovide (?:\w+ ){0,3}(?:equipment|weapons|ammunition|tanks)|\bammunition\b|\bsanction|\bnegotiat|"
        r"\btalks\b|\bsummit\b|\bceasefire|\bпереговор|\bдопомог|\bпомощ",
    ),
    (
        "other",
        r"\bshot down|\bintercept|\bencircl|\bсбит|\bзбит|\bв (?:плен|полон)|оточен|окружен|"
        r"\bstill (?:in|hold)|\bhold parts|\bcrisis\b|\bкриз|\bpulling\b",
    ),
]
_COMPILED = [(kind, prefiltered(pattern, re.IGNORECASE)) for kind, pattern in _TRIGGERS]
_ANY_TRIGGER = PatternGroup([pattern for _, pattern in _COMPILED])


def classify(text: str) -> str | None:
    """Return the event type a claim's words assert; None when they assert no military or diplomatic event.

    >>> classify("Russian attempts to advance on two settlements were repelled")
    'repelled_attack'
    >>> classify("Russian troops have taken control of more than 30% of the town's buildings")
    'advance'
    >>> classify("Ранее о полном взятии Артемовска заявили в ЧВК «Вагнер».")
    'capture'
    >>> classify("He thanked the generals.") is None
    True
    """
    may = _ANY_TRIGGER.candidates(text)
    for kind, pattern in _COMPILED:
        if pattern in may and pattern.search(text):
            return kind
    return None


_ENEMY_RETREAT = {
    "RU": prefiltered(
        r"\bukrainian (?:troops|forces|units|soldiers)\b[^.]{0,40}\bretreat|\bвсу\b[^.]{0,30}\bотступ",
                     re.IGNORECASE),
    "UA": prefiltered(
        r"\brussian (?:troops|forces|units|soldiers)\b[^.]{0,40}\bretreat|\bросі\w+[^.]{0,30}\bвідступ",
                     re.IGNORECASE),
}  # fmt: skip


def enemy_retreat(text: str, *, side: str) -> bool:
    """Whether a claimant on ``side`` reports the other side retreating: that is the claimant's advance.

    >>> enemy_retreat("Ukrainian troops retreated 3 km", side="RU")
    True
    """
    pattern = _ENEMY_RETREAT.get(side)
    return bool(pattern and pattern.search(text))


def acled_types(event_type: str) -> tuple[str, str]:
    """ACLED's ``event_type`` and ``sub_event_type`` for a geomap type (unknown types map to "Other").

    >>> acled_types("shelling")
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack')
    """
    return ACLED_TYPES.get(event_type, ACLED_TYPES["other"])


_MODAL = prefiltered(
    r"\b(?:would|could|might|will|can|shall)\b(?!\s+(?:not|have)\b)|\bmay\b(?!\s+(?:have\b|\d))|"
    r"\b(?:likely|probably|possibly|expected to|plans? to|aims? to|intends? to)\b|"
    r"\b(?:буде|будуть|будет|будут|может|может быть|можуть|може|планує|планирует|вероятно|ймовірно)\b",
    re.IGNORECASE,
)
_CONDITIONAL = prefiltered(r"\b(?:if|unless|whether|якщо|если|в случае)\b", re.IGNORECASE)
_APPEAL = prefiltered(r"\b(?:urged|advised|called on|called for|appealed|закликав|призвал)\b", re.IGNORECASE)
_APPEAL_CLAUSE = prefiltered(_APPEAL.pattern + r"[^.;]*", re.IGNORECASE)
_UNKNOWN = prefiltered(r"\b(?:is|are|remains?) (?:unclear|unknown)\b|^[^,]{0,60}\bdid not (?:say|specify)\b|"
                      r"^[^,]{0,60}\bgave no (?:further )?details\b|"
                      r"^[^,]{0,60}\bdid not (?:immediately )?comment\b(?![^.]*,\s*saying)",
                      re.IGNORECASE)  # fmt: skip
# a description opens the sentence ("Lyman is a transport hub", "The capture of X …") or holds a word of
# trend or position anywhere; the two kinds are searched apart, so the engine tries the opening at the
# start only and jumps between candidate words for the rest
_DESCRIPTIVE_OPENING = prefiltered(
    r"^[^,]{0,80}?\b(?:is|are|was|lies|lie|has been|remains)\s+(?:an?|the|one of|located|situated|about|just|"
    r"home to|north|south|east|west)\b|^(?:the )?(?:capture|fall|loss|seizure) of\b",
    re.IGNORECASE,
)
_DESCRIPTIVE_WORDS = prefiltered(
    r"\bin recent (?:days|weeks|months)\b|\b(?:расположен|розташован|находится|знаходиться|является)\b",
    re.IGNORECASE,
)
_TERMINAL = prefiltered(r"[.!?…»\"”)]\s*$")


def is_heading(text: str) -> bool:
    """Tell a heading, dateline or stray fragment: a short line without a sentence's closing mark.

    >>> is_heading("Bakhmut attack"), is_heading("MOSCOW, August 23.")
    (True, True)
    >>> is_heading("3 октября армия заняла Угледар.")
    False
    """
    words = text.split()
    return len(words) <= 3 or (len(words) <= 12 and not _TERMINAL.search(text))


def is_descriptive(text: str) -> bool:
    """Tell a description or trend from an event: "Lyman is a transport hub", "in recent months".

    >>> is_descriptive("Artemovsk lies north of the large city of Gorlovka.")
    True
    """
    return bool(_DESCRIPTIVE_OPENING.search(text) or _DESCRIPTIVE_WORDS.search(text))


def is_non_event(text: str, *, attributed: bool, kind: str, dated: bool) -> bool:
    """Whether a sentence with an event word still asserts no event.

    The reporter's own forecasts and conditionals are analysis; a source's announced plan counts when
    it is dated or is aid ("Britain said it would provide…"), since that commitment is the news.

    >>> is_non_event("The capture of Bakhmut would give Russia a stepping stone to advance.",
    ...              attributed=False, kind="capture", dated=False)
    True
    >>> is_non_event("Prigozhin said Wagner would begin pulling its units out on May 25.",
    ...              attributed=True, kind="other", dated=True)
    False
    """
    if text.rstrip().endswith("?") or _CONDITIONAL.search(text):
        return True
    if _APPEAL.search(text) and classify(_APPEAL_CLAUSE.sub(" ", text)) is None:
        return True
    if _UNKNOWN.search(text) or is_descriptive(text):
        return True
    if _MODAL.search(text):
        return not attributed or not (dated or kind == "aid_or_diplomacy")
    return False


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "один": 1, "одна": 1, "одного": 1, "два": 2,
    "двоє": 2, "двое": 2, "две": 2, "дві": 2, "три": 3, "троє": 3, "трое": 3, "чотири": 4, "четыре": 4,
    "п'ять": 5, "пять": 5, "п'ятеро": 5, "пятеро": 5, "шість": 6, "шесть": 6,
}  # fmt: skip
_NUM = r"(?P<n>\d[\d,]*|" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + ")"
_QUALIFIER = r"(?:at least |more than |over |up to |about |some |щонайменше |не менее |понад |более )?"
_VICTIMS = (
    r"(?:\s+(?:more\s+)?(?:\S+\s+)?(?:people|civilians|residents|persons?|soldiers|servicemen|children|"
)
_VICTIMS += r"wom[ae]n|m[ae]n|людей|людини|осіб|мирних|цивільн\w*|жител\w*|мешкан\w*))?"
_KILLED = [
    rf"\b{_QUALIFIER}{_NUM}{_VICTIMS}\s+(?:were |was |have been |had been )?(?:killed|dead|died)\b",
    rf"\b(?:killed|killing)\s+{_QUALIFIER}{_NUM}{_VICTIMS}",
    rf"\bleft\s+{_QUALIFIER}{_NUM}{_VICTIMS}\s+dead\b",
    rf"\b(?:загинул[иа]?|погибл[иа]|погибли)\s+{_QUALIFIER}{_NUM}\b",
    r"\b(?:загинув|загинула|погиб|погибла)\b(?P<n>)",
]
_INJURED = [
    rf"\b{_QUALIFIER}{_NUM}{_VICTIMS}\s+(?:were |was |have been )?(?:injured|wounded|hurt)\b",
    rf"\b(?:injured|wounded|injuring|wounding)\s+{_QUALIFIER}{_NUM}{_VICTIMS}",
    rf"\b(?:поранено|поранені|ранены|ранено|постраждали)\s+{_QUALIFIER}{_NUM}\b",
]
_KILLED_RE = [prefiltered(p, re.IGNORECASE) for p in _KILLED]
_INJURED_RE = [prefiltered(p, re.IGNORECASE) for p in _INJURED]


def _value(token: str | None) -> int:
    if not token:
        return 1
    token = token.lower()
    return _NUMBER_WORDS.get(token) or int(token.replace(",", ""))


def casualty_counts(text: str) -> tuple[int | None, int | None]:
    """Deaths and injuries a claim states, each the lowest figure given, summed over its clauses.

    >>> casualty_counts("a wrecked apartment building, which left three people dead")
    (3, None)
    >>> casualty_counts("shelling injured 22 people in Kharkiv, while in Vovchansk one woman was killed "
    ...                 "and two more residents were injured")
    (1, 24)
    """
    counts = []
    for patterns in (_KILLED_RE, _INJURED_RE):
        spans: dict[tuple[int, int], int] = {}
        for pattern in patterns:
            for m in pattern.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in spans):
                    spans[(m.start(), m.end())] = _value(m.group("n"))
        values = list(spans.values())
        counts.append(sum(values) if values else None)
    return counts[0], counts[1]
