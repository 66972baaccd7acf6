"""Name folding: the keys under which names are indexed and looked up.

Reports spell the same place many ways: ``Kyiv``/``Kiev``, ``Sloviansk``/``Slov'yansk``/``Слов'янськ``,
``Krasnoarmiys'k``.  Two keys are used.  :func:`fold` removes only what never distinguishes two places
(case, diacritics, apostrophes, hyphens, spacing).  :func:`skeleton` goes further and maps the competing
romanisations of Ukrainian and Russian (kh/h/g, shch/sch, iy/y/i, ye/e ...) onto one consonant-led form so
that ``Kleshcheevka`` and ``Klishchiivka`` meet; it is only used with context (see the resolver).
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["fold", "is_cyrillic", "is_indexable", "skeleton", "transliterate"]

_APOSTROPHES = "'’ʼ`´‘ʻ\u02bc\u2032"
_DASHES = "-‐‑‒–—―"
_DROP = str.maketrans("", "", _APOSTROPHES + '"«»“”„')
_SPACE = str.maketrans(dict.fromkeys(_DASHES + "_.,", " "))
_WS = re.compile(r"\s+")

# Ukrainian and Russian letters to a plain Latin form.  Ukrainian "г" is h and Russian "г" is g; the
# skeleton folds both, so one table serves both languages.
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ё": "e", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}

# Applied in order to a folded Latin name; each collapses a spelling difference between romanisation
# systems (BGN/PCGN, Ukrainian national, Russian GOST, German/French press habits).
_SKELETON_RULES = [
    (re.compile(r"shch|sch|szcz|chtch"), "sc"),
    (re.compile(r"tsch|tch|cz|ch"), "c"),
    (re.compile(r"ts|tz"), "c"),
    (re.compile(r"sh|sz|ch"), "s"),
    (re.compile(r"zh|j(?=[aeiou])|dzh"), "z"),
    (re.compile(r"kh|gh|h|g"), "h"),
    (re.compile(r"w"), "v"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"[aeiouy]+"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r" "), ""),
]


def is_cyrillic(text: str) -> bool:
    """Whether ``text`` contains any Cyrillic letter; decides which language tools a text needs."""
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@functools.lru_cache(maxsize=262144)
def fold(name: str) -> str:
    """Key that ignores case, diacritics, apostrophes, hyphens and spacing.

    Cyrillic letters keep their identity (``й`` is not ``и``) apart from ``ё`` → ``е``; Latin letters lose
    their accents (``Dnipró`` → ``dnipro``).

    Examples
    --------
    >>> fold("Slov'yansk")
    'slovyansk'
    >>> fold("Ivano-Frankivsk")
    'ivano frankivsk'
    >>> fold("Кліщіївка")
    'кліщіївка'
    """
    text = name.translate(_DROP).translate(_SPACE).lower()
    if not text.isascii():  # ASCII letters have no accents to strip: most names skip the per-letter pass
        # a compatibility form may decompose to a character dropped above ("﹍" to "_"): drop it too
        text = _strip_accents(text).translate(_DROP).translate(_SPACE)
    # compatibility forms may also decompose to capitals
    return _WS.sub(" ", text).strip().lower().replace("ё", "е")


def _strip_accents(text: str) -> str:
    """Latin letters without their diacritics; Cyrillic letters as they are (``й`` is not ``и``)."""
    out = []
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            out.append(ch)
            continue
        out.extend(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return "".join(out)


@functools.lru_cache(maxsize=131072)
def transliterate(name: str) -> str:
    """Plain Latin form of a Cyrillic name, for display and for the skeleton key.

    >>> transliterate("Бахмут")
    'bakhmut'
    """
    return "".join(_CYR.get(ch, ch) for ch in fold(name))


@functools.lru_cache(maxsize=131072)
def skeleton(name: str) -> str:
    """Romanisation-independent key: vowels merged, competing consonant spellings folded.

    Examples
    --------
    >>> skeleton("Kleshcheevka") == skeleton("Klishchiivka") == skeleton("Кліщіївка")
    True
    >>> skeleton("Vuhledar") == skeleton("Ugledar")
    False
    """
    key = transliterate(name)
    for pattern, repl in _SKELETON_RULES:
        key = pattern.sub(repl, key)
    return key


_CODE = re.compile(r"^[A-Z0-9]{2,4}$")


def is_indexable(name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing for Latin and Cyrillic text.

    GeoNames alternate names include airport codes (``KBP``), lower-case romanisations of CJK names
    (``bafumuto``) and scripts no report in scope uses; indexing them only creates false matches.

    >>> [n for n in ["Kiev", "IEV", "bafumuto", "Київ", "キーウ", "K"] if is_indexable(n)]
    ['Kiev', 'Київ']
    """
    if len(name) < 2 or _CODE.match(name) or not name[0].isupper():
        return False
    return all(ch.isascii() or "\u00c0" <= ch <= "\u04ff" or not ch.isalpha() for ch in name)
