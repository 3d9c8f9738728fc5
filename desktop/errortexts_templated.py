"""The Russian texts of the messages written as f-strings until they became templates:
files and folders, spreadsheets, JSON import, key files, bundles and the command line.

`desktop.errortexts` merges them into its one table; the parameters are the English
template's, filled in as they are (paths, sizes, file names).
"""

from __future__ import annotations

TEMPLATED_RUSSIAN: dict[str, str] = {
    # -- sync import of a folder: one line per bundle refused --------------------------------
    "{name}: refused: {reason}.": "{name}: отклонён: {reason}.",
    # -- spreadsheet rows (the import's per-row refusals) -----------------------------------
    '{column} "{cell}" is not one of: {allowed}': "{column}: «{cell}» — не одно из: {allowed}",
    '{column} "{cell}" should be "{yes}" or empty':
        "{column}: «{cell}» — должно быть «{yes}» или пусто",
    '{column} "{cell}" not understood ({reason})': "{column}: «{cell}» не понято ({reason})",
    "{column}: {reason}": "столбец {column}: {reason}",
    "{column}: {rule}": "столбец {column}: {rule}",
    "name is empty (every person needs one)": "имя не указано (оно нужно каждому лицу)",
    '"{name}" could be {count} people in this case ({shown}); write the full name':
        "«{name}» может означать разных лиц этого дела ({count}: {shown}); напишите полное "
        "имя",
    'source "{label}" is neither in the sources sheet nor in the case':
        "источника «{label}» нет ни на листе источников, ни в деле",
    "sources: a pinpoint is too long": "sources: указание места слишком длинное",
    "body: too long (at most 500 characters)": "body: слишком длинно (не более 500 знаков)",
    # -- command line --------------------------------------------------------------------
    "--dry-run writes nothing; leave out --valid-rows or --dry-run.":
        "--dry-run ничего не записывает; уберите --valid-rows или --dry-run.",
    "--{field} and --{field}-{text_lang} both give the {names} {field}; give one of them.":
        "--{field} и --{field}-{text_lang} оба задают поле {field} (язык: {names}); укажите "
        "только одно.",
    "A vault already exists in {folder}; remove it or choose --dir.":
        "В {folder} уже есть хранилище; удалите его или укажите другую папку в --dir.",
    "Give --column as HEADER=COLUMN, e.g. --column Datum=date.":
        "Укажите --column в виде ЗАГОЛОВОК=СТОЛБЕЦ, например --column Datum=date.",
    "Give the tag's name: `tag add NAME` or `tag RECORD NAME`.":
        "Укажите название метки: `tag add НАЗВАНИЕ` или `tag ЗАПИСЬ НАЗВАНИЕ`.",
    "Name one source of this case by its label or exact title.":
        "Назовите один источник этого дела по его обозначению или точному названию.",
    "No organisation called {ref!r} (add it with `org add`).":
        "Нет организации с названием {ref!r} (добавьте её командой `org add`).",
    "No passphrase: give --passphrase-file FILE (or - for standard input).":
        "Нет парольной фразы: укажите --passphrase-file ФАЙЛ (или - для стандартного ввода).",
    "No person called {ref!r} in this case (see `person list`).":
        "В этом деле нет лица с именем {ref!r} (см. `person list`).",
    "No source labelled {ref!r} (see `source list`).":
        "Нет источника с обозначением {ref!r} (см. `source list`).",
    "Nothing to change: give --name, --kind, --description and the like.":
        "Нечего менять: укажите --name, --kind, --description и т. п.",
    "Nothing to change: give {hint}.": "Нечего менять: укажите {hint}.",
    "Say what to change: --label and/or --description.":
        "Укажите, что изменить: --label и/или --description.",
    "Say which case with --case (see `case list`).":
        "Укажите дело в --case (см. `case list`).",
    "Say which vault: dossier --vault PATH <command>.":
        "Укажите хранилище: dossier --vault ПУТЬ <команда>.",
    "Several organisations are called {ref!r}; use the id.":
        "Несколько организаций называются {ref!r}; укажите идентификатор.",
    "Several people are called {ref!r}; use the id.":
        "Несколько лиц носят имя {ref!r}; укажите идентификатор.",
    "That complaint is not linked to that event.": "Эта жалоба не связана с этим событием.",
    "That is a folder; give export-json a file name to write.":
        "Это папка; укажите для export-json имя файла.",
    "That record belongs to no case.": "Эта запись не относится ни к одному делу.",
    "The --to folder is not empty; give a new or empty folder.":
        "Папка --to не пуста; укажите новую или пустую папку.",
    "The batch file cannot be read (it must be UTF-8 text).":
        "Файл команд не читается (это должен быть текст в UTF-8).",
    "The batch file is too large (at most 16 MB).":
        "Файл команд слишком велик (не более 16 МБ).",
    "The demo vault holds no sample case.": "В демонстрационном хранилище нет примера дела.",
    "The emergency kit could not be saved to {target}.":
        "Не удалось сохранить аварийный комплект в {target}.",
    "The folder {parent} does not exist; create it first or choose another --out.":
        "Папки {parent} нет; сначала создайте её или укажите другой --out.",
    "The kit text file cannot be read.": "Файл с текстом комплекта не читается.",
    "The passphrase file cannot be read.": "Файл с парольной фразой не читается.",
    "The passphrase file is empty.": "Файл с парольной фразой пуст.",
    "The two passphrases differ; nothing was changed.":
        "Парольные фразы не совпадают; ничего не изменено.",
    "There is no folder {parent}; nothing was saved.":
        "Папки {parent} нет; ничего не сохранено.",
    "This vault has no case yet: add one with `case add TITLE`.":
        "В этом хранилище ещё нет дел: добавьте дело командой `case add НАЗВАНИЕ`.",
    "Those files hold no sheet to import.": "В этих файлах нет листов для импорта.",
    "Unbalanced quotes.": "Кавычки не закрыты.",
    "Unknown section(s): {listed}.": "Неизвестные разделы: {listed}.",
    "`{command}` cannot run inside a batch or shell.":
        "`{command}` нельзя выполнить в файле команд или в оболочке.",
    "{flag} needs a date with a definite start and end.":
        "Для {flag} нужна дата с определёнными началом и концом.",
    "{flag}: that is not a date Dossier understands.":
        "{flag}: Dossier не понимает такую дату.",
    "{name!r} is already in this case (see `org list`).":
        "{name!r} уже есть в этом деле (см. `org list`).",
    "{what} {text!r} names nobody: give NAME or NAME:ROLE.":
        "{what} {text!r} никого не называет: укажите ИМЯ или ИМЯ:РОЛЬ.",
    # files and folders
    "Cannot create the folder {out}: {reason}.": "Не удаётся создать папку {out}: {reason}.",
    "Cannot create the folder {parent}: {reason}.":
        "Не удаётся создать папку {parent}: {reason}.",
    "Cannot read {file}: {reason}.": "Не удаётся прочитать {file}: {reason}.",
    "Cannot read {name}: {reason}.": "Не удаётся прочитать {name}: {reason}.",
    "Cannot write the pairing file: {reason}.":
        "Не удаётся записать файл сопряжения: {reason}.",
    "Cannot write {file}: {reason}.": "Не удаётся записать {file}: {reason}.",
    "Cannot write {name}: {reason}.": "Не удаётся записать {name}: {reason}.",
    "Cannot write {out}: {reason}.": "Не удаётся записать {out}: {reason}.",
    "Cannot write {target}: {reason}.": "Не удаётся записать {target}: {reason}.",
    "The folder {parent} does not exist; create it first.":
        "Папки {parent} нет; сначала создайте её.",
    "{out} is a file; {fmt} writes a folder (or give a .zip).":
        "{out} — это файл; {fmt} записывает папку (или укажите .zip).",
    "{out} is a folder; give a file name such as {example}.":
        "{out} — это папка; укажите имя файла, например {example}.",
    "The font file {file_name} is missing; reinstall Dossier.":
        "Файла шрифта {file_name} нет; переустановите Dossier.",
    # packs and exports
    "Exhibit {label} names a protected person ({forms}) in its file data. Redact the source "
    "document first: take the name out of the file itself (covering it with a box is not "
    "enough), attach the redacted copy and clear that one instead. The pack was not written.":
        "Приложение {label} называет защищённое лицо ({forms}) в данных файла. Сначала "
        "отредактируйте сам документ: уберите имя из файла (закрыть его прямоугольником "
        "недостаточно), вложите отредактированную копию и допустите её вместо этой. "
        "Материалы не записаны.",
    "Exhibit {label} names a protected person ({forms}) on page {pages} of the exhibit. "
    "Redact the source document first: take the name out of the file itself (covering it "
    "with a box is not enough), attach the redacted copy and clear that one instead. The "
    "pack was not written.":
        "Приложение {label} называет защищённое лицо ({forms}) на странице {pages} "
        "приложения. Сначала отредактируйте сам документ: уберите имя из файла (закрыть его "
        "прямоугольником недостаточно), вложите отредактированную копию и допустите её "
        "вместо этой. Материалы не записаны.",
    "Exhibit {label} names a protected person ({forms}) on pages {pages} of the exhibit. "
    "Redact the source document first: take the name out of the file itself (covering it "
    "with a box is not enough), attach the redacted copy and clear that one instead. The "
    "pack was not written.":
        "Приложение {label} называет защищённое лицо ({forms}) на страницах {pages} "
        "приложения. Сначала отредактируйте сам документ: уберите имя из файла (закрыть его "
        "прямоугольником недостаточно), вложите отредактированную копию и допустите её "
        "вместо этой. Материалы не записаны.",
    "The Bates prefix {prefix} would read like exhibit {clash}; choose another prefix.":
        "Префикс нумерации {prefix} читался бы как приложение {clash}; выберите другой префикс.",
    "The confidentiality marking must be one line of at most {limit} characters.":
        "Гриф конфиденциальности должен быть одной строкой не длиннее {limit} символов.",
    "The export was not written: a protected name is still in it: {listed}.":
        "Экспорт не записан: в нём осталось защищённое имя: {listed}.",
    "The pack was not written: a protected name is still in it: {listed}.":
        "Материалы не записаны: в них осталось защищённое имя: {listed}.",
    "The reminder must come 0 to {days} days before the deadline.":
        "Напоминание должно приходить за 0–{days} дней до срока.",
    "The title must be one line of at most {limit} characters.":
        "Заголовок должен быть одной строкой не длиннее {limit} символов.",
    "Unknown briefing section; choose from {listed}.":
        "Неизвестный раздел материалов; выберите из: {listed}.",
    "Unknown export format; choose from {listed}.":
        "Неизвестный формат экспорта; выберите из: {listed}.",
    # spreadsheets
    "Nothing was imported: {count} row(s) refused, the first {sheet} row {row}. Correct "
    "them, or import only the valid rows.":
        "Ничего не импортировано: отклонено строк: {count}, первая — {sheet}, строка {row}. "
        "Исправьте их или импортируйте только правильные строки.",
    "Two of the files hold {name} ({first}, {second}).":
        "Два файла содержат {name} ({first}, {second}).",
    "{name} has no sheet called {listed}; name the worksheets so.":
        "В {name} нет листа с названием {listed}; назовите листы так.",
    "{name} is damaged: a worksheet cannot be read.": "{name} повреждён: лист не читается.",
    "{name} is not a readable Excel workbook (.xlsx).":
        "{name} не является читаемой книгой Excel (.xlsx).",
    "{name} is too large to import (the limit is {limit} MiB).":
        "{name} слишком велик для импорта (предел — {limit} МиБ).",
    "{name}: give an .xlsx workbook or .csv files.": "{name}: укажите книгу .xlsx или файлы .csv.",
    "{where} has more than {limit:,} rows; split it.":
        "В {where} больше {limit} строк; разделите файл.",
    "{where} has more than {limit} columns.": "В {where} больше {limit} столбцов.",
    "{where} is empty: it has no header row.": "{where} пуст: в нём нет строки заголовков.",
    "{where} is not a text CSV file in UTF-8, UTF-16 or Windows Cyrillic (cp1251); save it "
    "from the spreadsheet as CSV UTF-8.":
        "{where} не является текстовым файлом CSV в UTF-8, UTF-16 или кириллице Windows "
        "(cp1251); сохраните его из таблицы как CSV UTF-8.",
    "{where} is not a well-formed CSV file (near row {row}): a quote is not closed or a cell "
    "is too large.":
        "{where} — неправильный файл CSV (около строки {row}): не закрыта кавычка или ячейка "
        "слишком велика.",
    "{where} row {row} has {cells} cells but the header has {headers}; check the separators "
    "and quotes.":
        "В {where} в строке {row} ячеек: {cells}, а в заголовке: {headers}; проверьте "
        "разделители и кавычки.",
    "{where}: cannot tell which sheet this is; name the file {listed} or use the template's "
    "headers.":
        "{where}: непонятно, какой это лист; назовите файл {listed} или используйте "
        "заголовки шаблона.",
    "{where}: the column {shown!r} is not one Dossier knows (expected {listed}); rename or "
    "map it.":
        "{where}: столбец {shown!r} неизвестен Dossier (ожидаются {listed}); переименуйте "
        "или сопоставьте его.",
    "{where}: two columns are both {target!r}.": "{where}: два столбца сопоставлены с {target!r}.",
    "{where}: {shown!r} is not a column of {name}.":
        "{where}: {shown!r} — не столбец листа {name}.",
    # JSON import
    "Nothing was imported: {total} record field(s) break Dossier's rules ({total} in all; "
    "the first {listed} are listed); the first is {shown}.":
        "Ничего не импортировано: полей записей, нарушающих правила Dossier: {total} "
        "(перечислены первые {listed}); первое — {shown}.",
    "Nothing was imported: {total} record field(s) break Dossier's rules; the first is "
    "{shown}.":
        "Ничего не импортировано: полей записей, нарушающих правила Dossier: {total}; "
        "первое — {shown}.",
    "This vault already holds records of that export ({name}).":
        "В этом хранилище уже есть записи этого экспорта ({name}).",
    "{name} is not a list.": "{name} не является списком.",
    "{name}: the id {record_id} appears twice.":
        "{name}: идентификатор {record_id} встречается дважды.",
    "{where} does not match its SHA-256 or size.":
        "{where} не совпадает со своим SHA-256 или размером.",
    "{where} has the wrong fields ({detail}).": "В {where} не те поля ({detail}).",
    "{where} has the wrong fields.": "В {where} не те поля.",
    "{where} has the wrong type.": "У {where} неверный тип.",
    "{where} is not an object.": "{where} не является объектом.",
    "{where} is not valid base64.": "{where} — неправильный base64.",
    "{where}: vv is not a version vector.": "{where}: vv не является вектором версий.",
    "{where}: {column_name} has the wrong type or is too long.":
        "{where}: у {column_name} неверный тип или слишком длинное значение.",
    "{where}: {column_name} must not be empty.": "{where}: {column_name} не может быть пустым.",
    # records
    "That {kind} no longer exists.": "«{kind}»: этой записи больше нет.",
    "The year must be between {low} and {high}.": "Год должен быть от {low} до {high}.",
    "The pack could not be saved there: {reason}.": "Пакет не удалось сохранить туда: {reason}.",
    # vault, key files, kit
    "Line {number:02d} of the kit text has a typing mistake; compare it with the kit.":
        "В строке {number:02d} текста комплекта опечатка; сверьте её с комплектом.",
    "Line {number:02d} of the kit text is missing.": "Строки {number:02d} текста комплекта нет.",
    "Line {number:02d} of the kit text is too short.":
        "Строка {number:02d} текста комплекта слишком короткая.",
    "This vault must be upgraded for this version of Dossier, which first keeps a copy "
    "of it ({size} MiB), but the disk is full; free that much space, then unlock "
    "again. Nothing was changed.":
        "Это хранилище нужно обновить для этой версии Dossier, а перед обновлением "
        "сохраняется его копия ({size} МиБ), но диск заполнен; освободите столько места и "
        "снова откройте хранилище. Ничего не изменено.",
    "The vault could not be upgraded to this version of Dossier; nothing was changed.":
        "Хранилище не удалось обновить до этой версии Dossier; ничего не изменено.",
    "The vault could not be upgraded to this version of Dossier; nothing was changed. A "
    "copy from before the upgrade is in {name}.":
        "Хранилище не удалось обновить до этой версии Dossier; ничего не изменено. Копия, "
        "сделанная перед обновлением, — в {name}.",
    "The vault's key file ({name}) cannot be read.": "Файл ключей хранилища ({name}) не читается.",
    "The vault's key file ({name}) is too large to be genuine.":
        "Файл ключей хранилища ({name}) слишком велик, чтобы быть настоящим.",
    "The vault's key file ({name}) was written by a newer Dossier; update Dossier.":
        "Файл ключей хранилища ({name}) записан более новой версией Dossier; обновите Dossier.",
    "The vault's key file is damaged (a key slot fails its checksum).":
        "Файл ключей хранилища повреждён (ячейка ключа не сходится с контрольной суммой).",
    "The vault's key file is damaged (a key slot is malformed).":
        "Файл ключей хранилища повреждён (ячейка ключа искажена).",
    "The vault's key file is damaged (a recovery slot is malformed).":
        "Файл ключей хранилища повреждён (ячейка восстановления искажена).",
    "The vault's key file is damaged (bad KDF parameters).":
        "Файл ключей хранилища повреждён (неверные параметры KDF).",
    "The vault's key file is damaged ({name} fails its checksum).":
        "Файл ключей хранилища повреждён ({name} не сходится с контрольной суммой).",
    "The vault's key file is damaged ({name}).": "Файл ключей хранилища повреждён ({name}).",
    "The vault's key files are damaged and no key slot can be read. Restore them with the "
    "recovery key: dossier vault restore-keys PATH --kit-text FILE (FILE: the recovery slot "
    "printed on the emergency kit, typed or scanned).":
        "Файлы ключей хранилища повреждены, и ни одна ячейка ключа не читается. Восстановите "
        "их ключом восстановления: dossier vault restore-keys ПУТЬ --kit-text ФАЙЛ (ФАЙЛ: "
        "ячейка восстановления с аварийного комплекта, набранная или отсканированная).",
    "This vault ({size:.1f} GiB) is larger than salvage can read page by page in memory "
    "({limit:.1f} GiB); nothing was copied.":
        "Это хранилище ({size:.1f} ГиБ) больше, чем спасение может прочитать постранично в "
        "памяти ({limit:.1f} ГиБ); ничего не скопировано.",
    "This vault was made by a newer Dossier (version {version}); update Dossier.":
        "Это хранилище создано более новой версией Dossier (версия {version}); обновите Dossier.",
    "dossier.db does not open with this vault's key: it is not this vault's database, or it "
    "is damaged beyond reading.":
        "dossier.db не открывается ключом этого хранилища: это база данных другого хранилища "
        "или она повреждена так, что не читается.",
    "dossier.db does not open with this vault's key; nothing can be salvaged.":
        "dossier.db не открывается ключом этого хранилища; спасти ничего нельзя.",
    "{name} is not a Dossier key file.": "{name} не является файлом ключей Dossier.",
    "{test_env} is set: it is for Dossier's test suite only and would make a weak key. Unset "
    "it and try again.":
        "Задана переменная {test_env}: она только для тестов Dossier и дала бы слабый ключ. "
        "Уберите её и повторите.",
    # sync
    "A received change is dated too far in the future; check the date and time on both "
    "devices.":
        "Полученное изменение датировано слишком далёким будущим; проверьте дату и время на "
        "обоих устройствах.",
    "An attachment of {size} does not fit in a bundle of at most {limit}; choose a larger "
    "--max-size.":
        "Вложение размером {size} не помещается в пакет размером не более {limit}; укажите "
        "больший --max-size.",
    "Several paired devices match: {listed}; give more of the device id.":
        "Подходят несколько сопряжённых устройств: {listed}; укажите больше символов "
        "идентификатора устройства.",
    "The bundle could not be written ({reason}); nothing was sent, export again.":
        "Пакет не удалось записать ({reason}); ничего не отправлено, выполните экспорт снова.",
    "The bundle {name} reads back differently from what was written and could not be "
    "removed; delete it from the drive, then export again to another drive.":
        "Пакет {name} читается не так, как был записан, и его не удалось удалить; удалите его "
        "с накопителя, затем выполните экспорт снова на другой накопитель.",
    "The changes to send are larger than the bundle limit of {limit} even without "
    "attachments; choose a larger --max-size.":
        "Изменения для отправки больше предела пакета {limit} даже без вложений; укажите "
        "больший --max-size.",
    "This bundle holds data schema {schema}, newer than the {supported} this version of "
    "Dossier reads; update Dossier to import it.":
        "В этом пакете схема данных {schema}, новее схемы {supported}, которую читает эта "
        "версия Dossier; обновите Dossier, чтобы импортировать его.",
    "Two different changes carry the same version number from one device; that device's "
    "vault may have been copied.":
        "Два разных изменения несут один и тот же номер версии от одного устройства; "
        "хранилище этого устройства, возможно, было скопировано.",
    # source viewer
    "This PDF cannot be read (it may be damaged or protected).":
        "Этот PDF не читается (возможно, он повреждён или защищён).",
    "This PDF has no pages.": "В этом PDF нет страниц.",
    "This file cannot be shown here; use “Save a copy…” to open it.":
        "Этот файл нельзя показать здесь; откройте его через «Сохранить копию…».",
}  # fmt: skip
