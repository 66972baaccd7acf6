"""Nominatives of inflected Ukrainian and Russian place names (geomap.morphology, geomap.declension).

The declension cases below are hand-written for geomap tests: each row is a real or invented place
name in one case form, with the nominative a Ukrainian or Russian speaker would look up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gazetteer.fold import fold, is_cyrillic, skeleton
from geomap.declension import adjective_forms, noun_forms, short_forms
from geomap.morphology import is_common_word, language_of, nominative_candidates


def folded(words: str, language: str, **kw) -> list[str]:
    return [fold(c) for c in nominative_candidates(words.split(), language=language, **kw)]


# -- language guess --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Бої тривають біля Кліщіївки", "uk"),
        ("Сили оборони відбили атаку під Покровськом", "uk"),  # і decides
        ("Бои идут у Клещеевки", "ru"),  # no marker letter: Russian
        ("ВС РФ заняли населённый пункт", "ru"),
        ("Fighting near Bakhmut", "en"),
        ("The Kyiv Independent quoted «Бахмут»", "en"),  # mostly Latin
        ("", "en"),
    ],
)
def test_language_of(text, expected):
    assert language_of(text) == expected


# -- declension patterns (hand-written for geomap tests) --------------------------------------------

UKRAINIAN = [
    # masculine towns: -ськ/-цьк, -ів (і in the closed syllable), -ар, hard consonant
    ("Покровська", "Покровськ"), ("Покровську", "Покровськ"), ("Торецька", "Торецьк"),
    ("Сіверську", "Сіверськ"), ("Куп'янська", "Куп'янськ"), ("Купʼянську", "Куп'янськ"),
    ("Харкова", "Харків"), ("Львові", "Львів"), ("Миколаєва", "Миколаїв"), ("Києві", "Київ"),
    ("Вугледарі", "Вугледар"), ("Вугледару", "Вугледар"), ("Бахмута", "Бахмут"), ("Бахмуті", "Бахмут"),
    ("Ізюмом", "Ізюм"), ("Променя", "Промінь"), ("Кременця", "Кременець"), ("Городка", "Городок"),
    # feminine -ка / -івка, with к→ц before і
    ("Кліщіївкою", "Кліщіївка"), ("Кліщіївці", "Кліщіївка"), ("Нелепівки", "Нелепівка"),
    ("Новопрокопівки", "Новопрокопівка"), ("Андріївці", "Андріївка"), ("Мар'їнки", "Мар'їнка"),
    ("Балаклії", "Балаклія"), ("Кремінній", "Кремінна"), ("Лозової", "Лозова"),
    # neuter adjectival -е / -не / -ське, and neuter nouns
    ("Шахового", "Шахове"), ("Рубіжному", "Рубіжне"), ("Новоекономічного", "Новоекономічне"),
    ("Родинського", "Родинське"), ("Старомайорського", "Старомайорське"), ("Роботиному", "Роботине"),
    ("Добропіллі", "Добропілля"), ("Гуляйполі", "Гуляйполе"), ("Запоріжжі", "Запоріжжя"),
    ("Дніпрі", "Дніпро"),
    # plurals
    ("Кринках", "Кринки"), ("Липців", "Липці"), ("Івашки", "Івашки"),
    # two-word adjective + noun names
    ("Попового Яру", "Попів Яр"), ("Часового Яру", "Часів Яр"), ("Часова Яру", "Часів Яр"),
    ("Сухого Яру", "Сухий Яр"), ("Золотого Колодязя", "Золотий Колодязь"),
    ("Червоного Лиману", "Червоний Лиман"), ("Кривого Рогу", "Кривий Ріг"),
    ("Малої Токмачки", "Мала Токмачка"), ("Великої Новосілки", "Велика Новосілка"),
    ("Білої Церкви", "Біла Церква"), ("Старого Салтова", "Старий Салтів"),
    ("Козачих Лагерях", "Козачі Лагері"), ("Чугуївського району", "Чугуївський район"),
    # compounds and regions
    ("Нью-Йорку", "Нью-Йорк"), ("Івано-Франківська", "Івано-Франківськ"), ("Харківщині", "Харківщина"),
]

RUSSIAN = [
    # -евка / -овка in every case, prepositional -е
    ("Авдеевке", "Авдеевка"), ("Авдеевки", "Авдеевка"), ("Нелеповку", "Нелеповка"),
    ("Нелеповкой", "Нелеповка"), ("Красногоровке", "Красногоровка"), ("Клещеевки", "Клещеевка"),
    ("Гродовке", "Гродовка"), ("Новогродовку", "Новогродовка"),
    # masculine towns, prepositional and instrumental
    ("Артемовске", "Артемовск"), ("Артемовском", "Артемовск"), ("Бахмутом", "Бахмут"),
    ("Угледаре", "Угледар"), ("Харькове", "Харьков"), ("Симферополе", "Симферополь"),
    ("Кременцом", "Кременец"), ("Городке", "Городок"), ("Керчи", "Керчь"),
    # neuter adjectival names
    ("Первомайского", "Первомайское"), ("Водяного", "Водяное"), ("Опытного", "Опытное"),
    ("Торском", "Торское"), ("Тоненького", "Тоненькое"), ("Курахово", "Курахово"),
    ("Ясиноватой", "Ясиноватая"), ("Кременной", "Кременная"),
    # plurals, multi-word names and regions
    ("Липцах", "Липцы"), ("Крынках", "Крынки"), ("Часовом Яре", "Часов Яр"), ("Часова Яра", "Часов Яр"),
    ("Красного Лимана", "Красный Лиман"), ("Кривом Роге", "Кривой Рог"),
    ("Малой Токмачки", "Малая Токмачка"), ("Новоселовки Первой", "Новоселовка Первая"),
    ("Харьковской области", "Харьковская область"),
    ("Донецкой Народной Республике", "Донецкая Народная Республика"), ("Ростова-на-Дону", "Ростов-на-Дону"),
]


@pytest.mark.parametrize(("written", "nominative"), UKRAINIAN)
def test_ukrainian_declension(written, nominative):
    assert fold(nominative) in folded(written, "uk")


@pytest.mark.parametrize(("written", "nominative"), RUSSIAN)
def test_russian_declension(written, nominative):
    assert fold(nominative) in folded(written, "ru")


def test_most_patterns_put_the_nominative_first():
    cases = [(w, n, "uk") for w, n in UKRAINIAN] + [(w, n, "ru") for w, n in RUSSIAN]
    first = sum(folded(w, lang)[0] == fold(n) for w, n, lang in cases)
    assert first / len(cases) >= 0.85


@pytest.mark.parametrize(
    ("written", "language", "expected"),
    [
        ("Попового Яру", "uk", ["Попів Яр", "Поповий Яр"]),  # dictionary possessive, then the suffix model
        ("Бахмуті", "uk", ["Бахмут"]),
        ("Авдеевке", "ru", ["Авдеевка"]),
        ("Червоного Лиману", "uk", ["Червоний Лиман"]),
    ],
)
def test_best_candidates_come_first(written, language, expected):
    assert nominative_candidates(written.split(), language=language)[: len(expected)] == expected


def test_lone_adjective_gives_the_village_and_the_town():
    candidates = nominative_candidates(["Покровському"], language="uk")
    assert candidates.index("Покровське") < candidates.index("Покровськ")
    assert "Красноармейск" in nominative_candidates(["Красноармейском"], language="ru")
    assert "Богодухів" in nominative_candidates(["Богодухівського"], language="uk")  # -івський → -ів
    assert "Харьков" in nominative_candidates(["Харьковского"], language="ru")


def test_a_following_noun_makes_the_adjective_name_a_town():
    assert nominative_candidates(["Покровському"], language="uk", following="напрямку")[0] == "Покровськ"
    assert nominative_candidates(["Покровском"], language="ru", following="направлении")[0] == "Покровск"
    # a verb after the name is no evidence: the village reading stays first
    assert nominative_candidates(["Родинського"], language="uk", following="відбито")[0] == "Родинське"


def test_modifiers_agree_with_the_head_gender():
    assert nominative_candidates(["Золотої", "Нивки"], language="uk")[0] == "Золота Нивка"
    assert nominative_candidates(["Великого", "Бурлука"], language="uk")[0] == "Великий Бурлук"
    assert nominative_candidates(["Второе", "Желанное"], language="ru")[0] == "Второе Желанное"


def test_unknown_villages_use_the_suffix_model():
    # invented names (hand-written for geomap tests): no dictionary lists them
    assert "кваркіївка" in folded("Кваркіївкою", "uk")
    assert "кваркіївка" in folded("Кваркіївці", "uk")
    assert "зубрянське" in folded("Зубрянського", "uk")
    assert "бубрів" in folded("Буброва", "uk")
    assert "квакеевка" in folded("Квакеевке", "ru")
    assert "зубрянское" in folded("Зубрянского", "ru")


def test_suffix_model_on_its_own():
    assert "кваркіївка" in [f.text for f in noun_forms("кваркіївці", "uk", base_cost=0)]
    assert "бубрів" in [f.text for f in noun_forms("буброві", "uk", base_cost=0)]  # о → і, closed syllable
    assert "кременець" in [f.text for f in noun_forms("кременцем", "uk", base_cost=0)]
    assert "городок" in [f.text for f in noun_forms("городка", "ru", base_cost=0)]
    forms = adjective_forms("попового", "uk", gender="masc", base_cost=0, substantive=False)
    assert {"поповий", "попів"} <= {f.text for f in forms}
    substantive = adjective_forms("шахового", "uk", gender="", base_cost=0, substantive=True)
    assert substantive[0].text == "шахове"
    assert "донецкая" in [f.text for f in adjective_forms("донецкой", "ru", gender="femn", base_cost=0,
                                                              substantive=False)]
    assert [f.text for f in short_forms("харківського", "uk", base_cost=0)] == ["харківськ", "харків"]


def test_non_cyrillic_and_other_languages_pass_through():
    assert nominative_candidates(["Kyiv", "Independent"], language="uk") == ["Kyiv Independent"]
    assert nominative_candidates(["Бахмута"], language="en") == ["Бахмута"]
    assert nominative_candidates([], language="uk") == []
    assert nominative_candidates(["  "], language="ru") == []


def test_written_form_is_the_last_resort_and_results_are_fresh_lists():
    first = nominative_candidates(["ДНР"], language="ru")
    assert fold(first[-1]) == "днр"
    first.clear()
    assert nominative_candidates(["ДНР"], language="ru")  # the cache hands out copies


def test_english_path_never_loads_the_analysers():
    code = (
        "import sys; from geomap.morphology import nominative_candidates, language_of;"
        "assert nominative_candidates(['Bakhmut'], language='en') == ['Bakhmut'];"
        "assert language_of('Fighting near Bakhmut') == 'en';"
        "print('pymorphy3' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- the gold reports ---------------------------------------------------------------------------------

_UNITS = {"raion", "oblast"}


def _matches(candidate: str, canonical: str, gazetteer) -> bool:
    """Whether a Cyrillic candidate names the gold place (canonical: its English name).

    Three ways: the transliterated skeletons agree (Нелеповка ~ Nelipivka); the gazetteer knows the
    candidate under the gold name (Артемовск → Bakhmut, a renamed town); or, for a unit named after its
    centre ("Chuhuiv Raion"), the candidate is the centre itself or its adjective with the unit word
    (Чугуївський район).
    """
    gold = skeleton(canonical)
    places = gazetteer.lookup(candidate)
    if skeleton(candidate) == gold or any(skeleton(p.name) == gold for p in places):
        return True
    *base_words, unit = canonical.split()
    if unit.lower() not in _UNITS or not base_words:
        return False
    base = skeleton(" ".join(base_words))
    words = candidate.split()
    if skeleton(candidate) == base or any(skeleton(p.name) == base for p in places):
        return True
    unit_word = len(words) == 2 and words[1].lower() in ("район", "область")
    return unit_word and skeleton(words[0]).startswith(base)


def test_gold_cyrillic_toponyms_have_their_nominative_among_the_candidates(shared_dir: Path, gazetteer):
    found, total, first, misses = 0, 0, 0, []
    for path in sorted((shared_dir / "eval" / "war").glob("*.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        text = report["text"]
        language = report["language"] if report["language"] in ("uk", "ru") else language_of(text)
        for toponym in report["toponyms"]:
            if not is_cyrillic(toponym["surface"]):
                continue
            following = text[toponym["end"] :].split()[:1]
            candidates = nominative_candidates(
                toponym["surface"].split(), language=language, following=following[0] if following else None
            )
            hits = [_matches(c, toponym["canonical"], gazetteer) for c in candidates]
            total += 1
            found += any(hits)
            first += hits[0]
            if not any(hits):
                misses.append(f"{toponym['surface']} -> {toponym['canonical']}: {candidates}")
    assert total >= 50, "the gold set should hold the Ukrainian and Russian reports"
    share = found / total
    print(f"\nCyrillic gold toponyms: {found}/{total} = {share:.3f} with the nominative among the candidates,"
          f" {first / total:.3f} first; misses: {misses}")
    assert share >= 0.9, misses


def test_a_character_unicode_has_no_name_for_is_no_crash():
    # found by the property test: pymorphy3 looks up each character's Unicode name
    assert nominative_candidates(["Ѐ𗀀"], language="uk") == ["Ѐ𗀀"]  # the word itself, for the gazetteer
    assert not is_common_word("Ѐ𗀀", language="ru")
