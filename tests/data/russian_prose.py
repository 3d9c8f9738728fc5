"""Writes russian_prose.txt: over 10,000 words of Russian in every grammatical form.

The text stands in for the case documents the name matcher runs over: ordinary words in
all their forms, with many that begin like surnames (Петровка, кузнечик, садовый,
зубило, магнитофон), abbreviations that look like initials ("т. е.", "ст. 125"), and
words broken at line ends. It names no one. Each word list below was written for this
file; pymorphy3 inflects it into every case, number and person, so the text holds the
forms a real document would. Deterministic: the same file every run.

    .venv/bin/python tests/data/russian_prose.py
"""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pymorphy3


def _words(text: str) -> list[str]:
    return text.split()


NOUNS = _words(
    """
суд судья заседание жалоба заявление прокурор прокуратура следователь следствие допрос
протокол свидетель показание адвокат защитник подзащитный обвинение приговор решение
определение постановление арест задержание камера изолятор здание улица площадь район
город область край страна министерство ведомство отдел управление отделение служба
начальник сотрудник работник инспектор майор полковник капитан лейтенант сержант врач
больница лекарство здоровье болезнь сердце рука нога голова глаз зуб зубило кузнец
кузница кузнечик наковальня молот подкова сад садовник садовод огород грядка яблоко
груша слива вишня петрушка укроп петух курица утка гусь рыба карась окунь щука магнит
магнитофон компас карта дорога мост река берег лодка весло парус ветер дождь снег зима
весна лето осень утро вечер ночь день неделя месяц год век время час минута книга
тетрадь письмо бумага документ справка запрос ответ срок дата подпись печать телефон
звонок сообщение разговор встреча беседа вопрос просьба требование закон статья кодекс
пункт часть глава раздел право свобода обязанность гражданин человек семья мать отец
сын дочь брат сестра жена муж ребёнок друг сосед гость хозяин дом квартира комната
окно дверь стена крыша пол потолок стол стул шкаф кровать лампа машина автобус поезд
вокзал аэропорт билет паспорт граница таможня досмотр багаж деньги счёт банк налог
штраф залог выплата компенсация ущерб вред иск истец ответчик вещь имущество изъятие
обыск понятой эксперт экспертиза заключение оценка вывод
"""
)

ADJECTIVES = _words(
    """
районный городской областной судебный следственный прокурорский уголовный гражданский
административный медицинский садовый огородный кузнечный магнитный железный деревянный
каменный новый старый молодой большой маленький высокий низкий длинный короткий тёплый
холодный светлый тёмный громкий тихий быстрый медленный важный срочный законный
незаконный обоснованный необоснованный письменный устный личный служебный петровский
полевой лесной речной морской зимний летний осенний весенний утренний
"""
)

VERBS = _words(
    """
сказать говорить писать написать подать подписать получить отправить ответить спросить
прийти уйти приехать уехать войти выйти сидеть стоять лежать ждать видеть слышать
знать помнить забыть понять решить отказать разрешить запретить требовать просить
задержать арестовать освободить допросить осмотреть изъять вернуть передать принять
работать жить петь читать думать смотреть искать найти потерять открыть закрыть
"""
)

FUNCTION_WORDS = _words(
    """
и а но или что как когда где потому поэтому однако также тоже уже ещё только даже в на
с со к ко по о об от до из у за над под при без для через после перед между не ни же
ли бы вот вон это этот тот весь всё каждый другой такой который
"""
)

ABBREVIATIONS = [
    "т. е.", "и т. д.", "и т. п.", "см.", "ст. 125 УПК", "п. 3", "ч. 2", "г. Москва",
    "ул. Петровка, д. 38", "р-н", "т. к.", "в т. ч.", "к. 4", "стр. 12", "тел. 8-495",
    "им. Горького", "пр-т Мира", "Петровский бульвар", "Садовое кольцо", "Кузнецкий мост",
]  # fmt: skip

PARAGRAPHS = [
    "Заявитель указал, что в ночь на четверг сотрудники районного отдела провели обыск "
    "в квартире его семьи без понятых и без постановления суда. Изъятые вещи, в том числе "
    "телефон, паспорт и документы на машину, ему не вернули до сих пор.",
    "Защитник подал жалобу в прокуратуру области и просил проверить законность задержания. "
    "Ответ пришёл только через два месяца: в нём говорилось, что нарушений не выявлено, "
    "хотя срок ответа, установленный законом, давно истёк.",
    "Врач изолятора осмотрел задержанного лишь на третьи сутки. В медицинской справке "
    "записано, что у него повреждены рука и два зуба, но причины травм не указаны.",
    "Свидетель, работавший садовником на соседнем участке, видел, как машина без номеров "
    "остановилась у ворот около шести часов утра. Он запомнил цвет машины и время.",
    "В кузнице за Петровкой старый кузнец работал вместе с молодым кузнецом; кузнеца и "
    "садового сторожа вызвали свидетелями. Зубило и магнитофон изъяли при обыске на "
    "Петровском бульваре, а в Кузнецком переулке опросили садовода, его соседей и "
    "дочь кузнеца. Петровские ворота, Сидорово поле и Карповка тоже упомянуты в рапорте.",
]


# Forms spelled exactly as a surname: "кузнецов" (of blacksmiths) is the surname Кузнецов
# letter for letter, and no matcher can tell them apart without reading the sentence. They
# are left out here; tests/unit/test_namematch_false_positives.py shows they are matched.
HOMOGRAPHS = frozenset({"кузнецов"})


def forms_of(word: str, morph: pymorphy3.MorphAnalyzer) -> list[str]:
    parse = morph.parse(word)[0]
    return sorted({f.word for f in parse.lexeme} - HOMOGRAPHS)


def build(words_wanted: int = 12000, seed: int = 1917) -> str:
    morph = pymorphy3.MorphAnalyzer()
    rng = random.Random(seed)
    content = []
    for word in NOUNS + ADJECTIVES + VERBS:
        content += forms_of(word, morph)
    content.sort()
    paragraphs = list(PARAGRAPHS)
    count = sum(len(p.split()) for p in paragraphs)
    while count < words_wanted:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            words = []
            for _ in range(rng.randint(6, 16)):
                roll = rng.random()
                if roll < 0.35:
                    words.append(rng.choice(FUNCTION_WORDS))
                elif roll < 0.38:
                    words.append(rng.choice(ABBREVIATIONS))
                else:
                    words.append(rng.choice(content))
            sentence = " ".join(words)
            sentences.append(sentence[0].upper() + sentence[1:] + rng.choice(".....?!;"))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    text = "\n\n".join(textwrap.fill(p, 78) for p in paragraphs)
    return _hyphenate_some(text, rng)


def _hyphenate_some(text: str, rng: random.Random) -> str:
    """Break a few long words at line ends, as typeset documents and PDFs do."""
    lines = text.split("\n")
    for n, line in enumerate(lines[:-1]):
        words = line.split(" ")
        last = words[-1]
        if len(last) > 8 and last.isalpha() and lines[n + 1] and rng.random() < 0.3:
            cut = len(last) // 2
            words[-1] = last[:cut] + "-"
            lines[n] = " ".join(words)
            lines[n + 1] = last[cut:] + " " + lines[n + 1]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    out = Path(__file__).with_name("russian_prose.txt")
    out.write_text(build(), encoding="utf-8")
    print(f"{out}: {len(out.read_text(encoding='utf-8').split())} words")
