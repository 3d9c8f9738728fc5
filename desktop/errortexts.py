"""Every service's message to the user, in Russian: the one translation path for KnownError.

A `KnownError` keeps its English template (the message id) and its parameters; the GUI
shows `error_text(exc, "ru")` in the Russian interface, and the CLI does the same when
`--lang ru` or a Russian locale asks for it. A message not in the table shows in English
(a test lists the service messages and fails on any without a Russian text).
"""

from __future__ import annotations

import errno
import os
from typing import Any

from desktop.core.fieldlabels import field_label, record_kind_label
from desktop.errors import FieldName, KnownError, Reason, RecordKind, SystemReason
from desktop.errortexts_templated import TEMPLATED_RUSSIAN

RUSSIAN: dict[str, str] = {
    # -- exports, spreadsheets, packs, links (added with those features) --------------
    "An export member is too large to check.":
        "Часть экспорта слишком велика для проверки.",
    "Citations go in a column or in footnotes (column, footnotes).":
        "Ссылки на источники печатаются в столбце или в сносках (column, footnotes).",
    "Give the template a file name ending in .xlsx, or a folder.":
        "Укажите для шаблона имя файла с окончанием .xlsx или папку.",
    "That case no longer exists; nothing was imported.":
        "Этого дела больше нет; ничего не импортировано.",
    "That event belongs to another case.": "Это событие относится к другому делу.",
    "The Bates prefix must be 1 to 12 letters, digits or dashes.":
        "Префикс нумерации: от 1 до 12 букв, цифр или дефисов.",
    "The Bates prefix must differ from the exhibit labels (EXH-1, EXH-2...).":
        "Префикс нумерации должен отличаться от меток приложений (EXH-1, EXH-2...).",
    "The complaint is already linked to that event.":
        "Жалоба уже связана с этим событием.",
    "The disk that holds the vault is full, so its search index could not be rebuilt "
    "for this version; free some space and unlock again (nothing was lost).":
        "Диск с хранилищем заполнен, поэтому поисковый индекс не удалось перестроить для "
        "этой версии; освободите место и откройте хранилище снова (ничего не потеряно).",
    "The language of the text must be en or ru.": "Язык текста должен быть en или ru.",
    "The vault database is damaged: run `dossier vault verify` on it, and "
    "`dossier vault salvage` to copy what still reads.":
        "База данных хранилища повреждена: проверьте её командой `dossier vault verify` "
        "и скопируйте то, что читается, командой `dossier vault salvage`.",
    "body: too long (at most 500 characters)": "орган: слишком длинно (не более 500 символов)",
    "name is empty (every person needs one)": "имя пустое (у каждого человека должно быть имя)",
    "sources: a pinpoint is too long": "источники: указание места слишком длинное",
    "{label} is already the exhibit label of another file of this case.":
        "{label} уже является меткой приложения другого файла этого дела.",
    # -- vault, keys, passphrases --------------------------------------------------------
    "Wrong passphrase.": "Неверная парольная фраза.",
    "Choose a passphrase of at least {count} characters.":
        "Выберите парольную фразу не короче {count} символов.",
    "There is no Dossier vault in that folder.": "В этой папке нет хранилища Dossier.",
    "A vault already exists in this folder.": "В этой папке уже есть хранилище.",
    "This folder has no dossier.db: it is not a Dossier vault.":
        "В этой папке нет файла dossier.db: это не хранилище Dossier.",
    "This vault is not remembered on this computer.":
        "Это хранилище не запомнено на этом компьютере.",
    "The key saved on this computer does not open this vault.":
        "Ключ, сохранённый на этом компьютере, не открывает это хранилище.",
    "That is not a recovery key: it has 32 letters and digits in groups of four.":
        "Это не ключ восстановления: в нём 32 буквы и цифры, по четыре в группе.",
    "This computer's keyring no longer holds the key for this vault.":
        "Связка ключей этого компьютера больше не хранит ключ этого хранилища.",
    "This folder has no dossier.db: there is nothing to restore keys for.":
        "В этой папке нет файла dossier.db: восстанавливать ключи не для чего.",
    "That recovery key does not open this vault's recovery slot.":
        "Этот ключ восстановления не открывает ячейку восстановления этого хранилища.",
    "This recovery slot does not open the database: the kit was printed before a key "
    "rotation, or belongs to another vault. Nothing was changed.":
        "Эта ячейка восстановления не открывает базу данных: комплект напечатан до смены "
        "ключа или относится к другому хранилищу. Ничего не изменено.",
    "The vault is locked.": "Хранилище заблокировано.",
    "This computer has no secure system keyring; the passphrase is still needed.":
        "На этом компьютере нет защищённой системной связки ключей; парольная фраза "
        "по-прежнему нужна.",
    "This vault's recovery key was made by an older Dossier and cannot be carried over by a "
    "key rotation. Make a new recovery key first (dossier vault recovery-key new PATH), or "
    "unlock once with the recovery key.":
        "Ключ восстановления этого хранилища создан старой версией Dossier и не переносится "
        "при смене ключа. Сначала создайте новый ключ восстановления (dossier vault "
        "recovery-key new ПУТЬ) или один раз откройте хранилище ключом восстановления.",
    "This folder has key files but no dossier.db: the database itself is missing.":
        "В этой папке есть файлы ключей, но нет dossier.db: самой базы данных нет.",
    "This vault has no recovery key; make one with the passphrase "
    "(dossier vault recovery-key new PATH).":
        "У этого хранилища нет ключа восстановления; создайте его с парольной фразой "
        "(dossier vault recovery-key new ПУТЬ).",
    "The vault database is damaged or does not belong to this key file.":
        "База данных хранилища повреждена или не относится к этому файлу ключей.",
    "That recovery key does not open this vault.":
        "Этот ключ восстановления не открывает это хранилище.",
    "This vault is open elsewhere (another Dossier window or process). Close it there first.":
        "Это хранилище уже открыто (в другом окне или процессе Dossier). Сначала закройте "
        "его там.",
    "This vault must be upgraded for this version of Dossier, which first keeps a copy of "
    "it in the vault's folder, and the copy could not be written there; make sure the "
    "folder can be written to, then unlock again. Nothing was changed.":
        "Это хранилище нужно обновить для этой версии Dossier, а перед обновлением в его "
        "папке сохраняется копия, но записать её не удалось; проверьте, что в папку можно "
        "писать, и снова откройте хранилище. Ничего не изменено.",
    "The vault could not be upgraded to this version of Dossier (its references do not "
    "hold); nothing was changed.":
        "Хранилище не удалось обновить до этой версии Dossier (нарушены его ссылки); "
        "ничего не изменено.",
    "This vault's recovery key was made by an older Dossier; make a new one first "
    "(dossier vault recovery-key new PATH).":
        "Ключ восстановления этого хранилища создан старой версией Dossier; сначала "
        "создайте новый (dossier vault recovery-key new ПУТЬ).",
    "That file holds no recovery slot from an emergency kit.":
        "В этом файле нет ячейки восстановления из аварийного комплекта.",
    "The kit text does not check out; compare it with the kit again.":
        "Текст комплекта не сходится; сверьте его с комплектом ещё раз.",
    "This vault has no recovery key; make one with `vault recovery-key new`.":
        "У этого хранилища нет ключа восстановления; создайте его командой "
        "`vault recovery-key new`.",
    "The kit text is not a recovery slot.": "Текст комплекта не является ячейкой восстановления.",
    "Cannot read the vault's database: {reason}.":
        "Не удаётся прочитать базу данных хранилища: {reason}.",
    "The vault is damaged: part of its database cannot be read. Nothing was changed. Run "
    "`dossier vault verify` on it to see what is affected, then `dossier vault salvage` to "
    "copy what can be read into a new vault.":
        "Хранилище повреждено: часть базы данных не читается. Ничего не изменено. "
        "Запустите `dossier vault verify`, чтобы увидеть, что затронуто, затем "
        "`dossier vault salvage`, чтобы скопировать читаемое в новое хранилище.",
    "A record in this vault holds text that is not valid Unicode (written by another tool, "
    "or damaged). Run `dossier vault verify` on it to find the record, then `dossier vault "
    "salvage` to copy everything else into a new vault.":
        "Запись в этом хранилище содержит текст не в Юникоде (записан другой программой или "
        "повреждён). Запустите `dossier vault verify`, чтобы найти запись, затем "
        "`dossier vault salvage`, чтобы скопировать остальное в новое хранилище.",
    "The vault's key files (keystore.json and keystore.copy.json) are missing. Restore them "
    "with the recovery key: dossier vault restore-keys PATH --kit-text FILE (FILE: the "
    "recovery slot printed on the emergency kit, typed or scanned).":
        "Файлы ключей хранилища (keystore.json и keystore.copy.json) отсутствуют. "
        "Восстановите их ключом восстановления: dossier vault restore-keys ПУТЬ --kit-text "
        "ФАЙЛ (ФАЙЛ: ячейка восстановления с аварийного комплекта, набранная или "
        "отсканированная).",
    "The vault's key files are damaged: no readable passphrase slot is left in either copy. "
    "Restore them with the recovery key: dossier vault restore-keys PATH --kit-text FILE "
    "(FILE: the recovery slot printed on the emergency kit, typed or scanned).":
        "Файлы ключей хранилища повреждены: ни в одной копии не осталось читаемой ячейки "
        "парольной фразы. Восстановите их ключом восстановления: dossier vault restore-keys "
        "ПУТЬ --kit-text ФАЙЛ (ФАЙЛ: ячейка восстановления с аварийного комплекта).",
    "The vault's key files are damaged: no readable recovery key slot is left in either "
    "copy. Restore them with the recovery key: dossier vault restore-keys PATH --kit-text "
    "FILE (FILE: the recovery slot printed on the emergency kit, typed or scanned).":
        "Файлы ключей хранилища повреждены: ни в одной копии не осталось читаемой ячейки "
        "ключа восстановления. Восстановите их ключом восстановления: dossier vault "
        "restore-keys ПУТЬ --kit-text ФАЙЛ (ФАЙЛ: ячейка восстановления с аварийного "
        "комплекта).",
    "The vault's key files are damaged: no readable remembered key slot is left in either "
    "copy. Restore them with the recovery key: dossier vault restore-keys PATH --kit-text "
    "FILE (FILE: the recovery slot printed on the emergency kit, typed or scanned).":
        "Файлы ключей хранилища повреждены: ни в одной копии не осталось читаемой ячейки "
        "запомненного ключа. Восстановите их ключом восстановления: dossier vault "
        "restore-keys ПУТЬ --kit-text ФАЙЛ (ФАЙЛ: ячейка восстановления с аварийного "
        "комплекта).",
    "This vault's audit log has lost its key record; run `dossier vault verify`.":
        "Журнал аудита этого хранилища потерял ключевую запись; запустите "
        "`dossier vault verify`.",
    "An audit head is the count and hash printed on a pack, like 1234:9f2c… (at least 16 "
    "hex digits of the hash).":
        "Отметка журнала аудита — это число и хеш, напечатанные на справке, например "
        "1234:9f2c… (не меньше 16 шестнадцатеричных цифр хеша).",
    # -- records and fields --------------------------------------------------------------
    "{field} is required.": "Поле «{field}» обязательно.",
    "{field} must be text.": "Поле «{field}» должно быть текстом.",
    "{field} is too long (at most {limit:,} characters).":
        "Поле «{field}» слишком длинное (не больше {limit} символов).",
    "{field} holds characters that are not text.":
        "Поле «{field}» содержит символы, которые не являются текстом.",
    "{field} must be one of: {allowed}.": "Поле «{field}» должно быть одним из: {allowed}.",
    "{field} must be yes or no.": "Поле «{field}» должно быть «да» или «нет».",
    "{field} must be a number.": "Поле «{field}» должно быть числом.",
    "A {kind} has no field called {name!r}.": "У записи «{kind}» нет поля {name!r}.",
    "Give the date as YYYY-MM-DD (for example 2009-08-25).":
        "Укажите дату в виде ГГГГ-ММ-ДД (например, 2009-08-25).",
    "A response is due on one day; this reads as {date}.":
        "Срок ответа — один день; а здесь получается {date}.",
    "That reference is not a record id.": "Эта ссылка не является идентификатором записи.",
    "That is not a date Dossier understands.": "Dossier не понимает эту дату.",
    "That record no longer exists.": "Этой записи больше нет.",
    "That case no longer exists.": "Этого дела больше нет.",
    "Several cases match that name; give more of the title or the id.":
        "Этому названию соответствует несколько дел; укажите название подробнее или "
        "идентификатор.",
    "No case matches that name or id (see `case list`).":
        "Нет дела с таким названием или идентификатором (см. `case list`).",
    "The id {id!r} is ambiguous: {count} records start with it; give more characters.":
        "Идентификатор {id!r} неоднозначен: с него начинаются записи ({count}); укажите "
        "больше символов.",
    "No {what} has an id starting with {id!r}.":
        "Нет записи ({what}) с идентификатором, начинающимся на {id!r}.",
    "Several sources are labelled {label!r}; use the id.":
        "Несколько источников обозначены {label!r}; укажите идентификатор.",
    "Say whom the complaint is against.": "Укажите, на кого подана жалоба.",
    "Say where to move the fact: before or after another one.":
        "Укажите, куда переместить факт: до или после другого.",
    "A fact cannot be moved relative to itself.": "Факт нельзя переместить относительно себя.",
    "Only facts of the same date can be reordered; to move a fact to another date, change "
    "its date.":
        "Менять порядок можно только у фактов одной даты; чтобы перенести факт на другую "
        "дату, измените его дату.",
    "Names must be a list of name variants.": "Имена должны быть списком вариантов имени.",
    "A name's kind must be one of {kinds}.": "Вид имени должен быть одним из: {kinds}.",
    "A posting cannot end before it starts.": "Должность не может закончиться раньше начала.",
    "Choose a PNG, JPEG or GIF picture for the photo.":
        "Выберите для фотографии изображение PNG, JPEG или GIF.",
    "An organisation cannot be its own parent.":
        "Организация не может входить сама в себя.",
    "That picture is too large (the limit is {mib} MiB).":
        "Изображение слишком большое (предел — {mib} МиБ).",
    "That picture cannot be read.": "Изображение не удаётся прочитать.",
    "That file is too large to attach (the limit is {mib} MiB).":
        "Файл слишком большой для вложения (предел — {mib} МиБ).",
    "Only {kinds} can cite a source.": "Ссылаться на источник могут только: {kinds}.",
    "Attachments are cleared for counsel or public packs.":
        "Вложения разрешают для справок адвокатам или для публикации.",
    "No attachment of this case has that id, exhibit label or file name.":
        "В этом деле нет вложения с таким идентификатором, номером приложения или именем "
        "файла.",
    "More than one attachment matches; give its id instead.":
        "Подходит несколько вложений; укажите идентификатор.",
    "The file of that attachment is damaged (its SHA-256 does not match).":
        "Файл этого вложения повреждён (не совпадает SHA-256).",
    "The file of that attachment is missing from the vault.":
        "Файла этого вложения нет в хранилище.",
    "{name} cannot be read; nothing was attached.":
        "Файл {name} не удаётся прочитать; ничего не вложено.",
    "That record has no conflict to resolve (see `conflicts list`).":
        "У этой записи нет конфликта (см. `conflicts list`).",
    "Name one of the versions shown by `conflicts list`.":
        "Назовите одну из версий, показанных `conflicts list`.",
    "Not undone: the record was changed on {devices} after this step (by a sync or a "
    "conflict kept for review). Undoing would overwrite that change; edit the record "
    "instead.":
        "Не отменено: после этого шага запись изменена на устройстве {devices} (при "
        "синхронизации или в сохранённом конфликте). Отмена затёрла бы это изменение; "
        "отредактируйте запись.",
    "The demo case file is not in the expected format.":
        "Файл демонстрационного дела не в ожидаемом формате.",
    "The demo case file is missing or damaged; reinstall Dossier.":
        "Файл демонстрационного дела отсутствует или повреждён; переустановите Dossier.",
    # -- briefing packs ------------------------------------------------------------------
    "Choose at least one section for the pack.": "Выберите хотя бы один раздел справки.",
    "The label language must be en or ru.": "Язык подписей должен быть en или ru.",
    "The paper size must be a4 or letter.": "Формат бумаги должен быть a4 или letter.",
    "The redaction profile must be internal, counsel or public.":
        "Профиль редактирования должен быть internal, counsel или public.",
    "The start date is after the end date.": "Начальная дата позже конечной.",
    "The exhibit prefix must be 1 to 12 letters, digits or dashes.":
        "Префикс приложений должен состоять из 1–12 букв, цифр или дефисов.",
    "The disk that holds the vault is full; free some space, then try again. "
    "Nothing was saved.":
        "Диск с хранилищем заполнен; освободите место и повторите. Ничего не сохранено.",
    # -- JSON import ---------------------------------------------------------------------
    "The disk that holds the vault is full; free some space, then import again. Nothing "
    "was imported.":
        "Диск с хранилищем заполнен; освободите место и повторите импорт. Ничего не "
        "импортировано.",
    "The vault's disk refused the write (read-only or failing); nothing was imported.":
        "Диск хранилища отказал в записи (только для чтения или неисправен); ничего не "
        "импортировано.",
    "That file is too large to import.": "Файл слишком большой для импорта.",
    "That file is not a Dossier export.": "Этот файл не является экспортом Dossier.",
    "That export was written by another version of Dossier.":
        "Этот экспорт сделан другой версией Dossier.",
    "That export has unexpected top-level fields.":
        "В этом экспорте неожиданные поля верхнего уровня.",
    "That export is malformed (tables or blobs).": "Этот экспорт испорчен (таблицы или файлы).",
    "That export has tables this version does not know.":
        "В этом экспорте есть таблицы, неизвестные этой версии.",
    "A blob appears twice in that export.": "В этом экспорте один файл встречается дважды.",
    "That file is not valid JSON.": "Этот файл не является корректным JSON.",
    "That file is nested too deeply to be a Dossier export.":
        "Вложенность этого файла слишком глубокая для экспорта Dossier.",
    "That export refers to records it does not contain; nothing was imported.":
        "Этот экспорт ссылается на записи, которых в нём нет; ничего не импортировано.",
    # -- sync: devices, pairing, bundles -------------------------------------------------
    "Bundles can be at most {limit}: a receiver refuses larger ones.":
        "Пакет может быть не больше {limit}: получатель отвергнет пакет крупнее.",
    "That folder does not exist or is not a folder; the drive may have been removed.":
        "Этой папки нет или это не папка; возможно, накопитель извлечён.",
    "There is no bundle or folder at that path.": "По этому пути нет ни пакета, ни папки.",
    "Pair a device first: there is nobody to send changes to.":
        "Сначала свяжите устройство: изменения некому отправлять.",
    "That device is unpaired; nothing is sent to it.":
        "Это устройство отвязано; ему ничего не отправляется.",
    "This vault has no device id yet; make a change first.":
        "У этого хранилища ещё нет идентификатора устройства; сначала внесите изменение.",
    "That pairing file is this device's own.": "Это файл связывания самого этого устройства.",
    "No paired device matches that name or id (see `pair list`).":
        "Нет связанного устройства с таким именем или идентификатором (см. `pair list`).",
    "A device name must have 1 to {count} characters.":
        "Имя устройства должно содержать от 1 до {count} символов.",
    "A device name cannot contain control characters.":
        "Имя устройства не может содержать управляющие символы.",
    "A device id is not a valid identifier.": "Идентификатор устройства некорректен.",
    "A device key is not valid.": "Ключ устройства некорректен.",
    "Device information is not in the expected form.":
        "Сведения об устройстве не в ожидаемом виде.",
    "Device information is incomplete.": "Сведения об устройстве неполны.",
    "The stored device identity is damaged.": "Сохранённые данные устройства повреждены.",
    "The stored device identity was made by another Dossier version.":
        "Сохранённые данные устройства созданы другой версией Dossier.",
    "The file is too large to be a pairing file.":
        "Файл слишком большой для файла связывания.",
    "The file is not a Dossier pairing file.": "Это не файл связывания Dossier.",
    "The pairing file was made by a newer version of Dossier.":
        "Файл связывания создан более новой версией Dossier.",
    "The fingerprint does not match this pairing file; do not pair these devices.":
        "Отпечаток не совпадает с этим файлом связывания; не связывайте эти устройства.",
    "The pairing file cannot be read.": "Файл связывания не удаётся прочитать.",
    "The pairing file is damaged or incomplete.": "Файл связывания повреждён или неполон.",
    "An attachment changed or does not match its checksum while the bundle was written.":
        "Во время записи пакета вложение изменилось или не совпадает с контрольной суммой.",
    "The bundle reads back differently from what was written; try another drive.":
        "Пакет читается не так, как был записан; попробуйте другой накопитель.",
    "The bundle could not be written; the drive may be full or was removed.":
        "Пакет не удалось записать; накопитель, возможно, заполнен или извлечён.",
    "This bundle carries an attachment of {size}, larger than the {limit} Dossier accepts; "
    "nothing was imported.":
        "В пакете вложение размером {size}, больше допустимых в Dossier {limit}; ничего не "
        "импортировано.",
    "This bundle refers to records or attachments it does not carry; nothing was imported.":
        "Пакет ссылается на записи или вложения, которых в нём нет; ничего не "
        "импортировано.",
    "This bundle carries an attachment that none of its records refers to; nothing was "
    "imported.":
        "В пакете есть вложение, на которое не ссылается ни одна запись; ничего не "
        "импортировано.",
    "This bundle's records are not readable.": "Записи этого пакета не читаются.",
    "This bundle's record count does not match its manifest.":
        "Число записей в пакете не совпадает с его описью.",
    "This bundle contains a file path that leaves its folder.":
        "Пакет содержит путь к файлу за пределами своей папки.",
    "This bundle contains an unexpected file.": "Пакет содержит неожиданный файл.",
    "An attachment in this bundle does not match its checksum.":
        "Вложение в этом пакете не совпадает со своей контрольной суммой.",
    "This bundle holds a record version that is not valid; nothing was imported.":
        "В пакете некорректная версия записи; ничего не импортировано.",
    "This bundle's archive is damaged.": "Архив этого пакета повреждён.",
    "This bundle's archive is not in ustar form.": "Архив этого пакета не в формате ustar.",
    "This bundle's manifest is not valid.": "Опись этого пакета некорректна.",
    "This bundle's records do not match its manifest.":
        "Записи этого пакета не совпадают с его описью.",
    "This bundle's signature does not match its sender; it may be forged.":
        "Подпись пакета не совпадает с отправителем; возможно, пакет подделан.",
    "This bundle's signature is not valid.": "Подпись этого пакета некорректна.",
    "A record in this bundle is larger than allowed.":
        "Запись в этом пакете больше допустимого.",
    "This bundle cannot be read from the drive.": "Пакет не удаётся прочитать с накопителя.",
    "This bundle comes from a device that is not paired.":
        "Пакет пришёл с устройства, которое не связано с этим.",
    "This bundle comes from an unpaired device; it is refused.":
        "Пакет пришёл с отвязанного устройства; он отвергнут.",
    "This bundle contains a link, which is refused.": "Пакет содержит ссылку; он отвергнут.",
    "This bundle contains a special file, which is refused.":
        "Пакет содержит специальный файл; он отвергнут.",
    "This bundle contains the same file twice.": "Пакет содержит один файл дважды.",
    "This bundle has data after its end.": "В пакете есть данные после его конца.",
    "This bundle is damaged or was altered; it cannot be decrypted.":
        "Пакет повреждён или изменён; его не удаётся расшифровать.",
    "This bundle is incomplete: a required part is missing.":
        "Пакет неполон: нет обязательной части.",
    "This bundle is incomplete: its archive is cut short.": "Пакет неполон: архив обрезан.",
    "This bundle is larger than allowed.": "Пакет больше допустимого.",
    "This bundle is missing an attachment.": "В пакете не хватает вложения.",
    "This bundle is not addressed to this device, or its header is damaged.":
        "Пакет адресован не этому устройству, или его заголовок повреждён.",
    "This bundle is not addressed to this device.": "Пакет адресован не этому устройству.",
    "This bundle was made by a newer version of Dossier; update Dossier to import it.":
        "Пакет создан более новой версией Dossier; обновите Dossier, чтобы его импортировать.",
    "This bundle was never finished and cannot be imported.":
        "Запись пакета не была завершена, его нельзя импортировать.",
    "This bundle was written by this device.": "Этот пакет записан этим же устройством.",
    "This file is not a Dossier bundle.": "Этот файл не является пакетом Dossier.",
    "The drive is full; free some space on it or use another drive, then export again.":
        "Накопитель заполнен; освободите на нём место или возьмите другой, затем повторите "
        "экспорт.",
    "Your disk quota on that drive is used up; free some space or use another drive, then "
    "export again.":
        "Ваша квота на этом накопителе исчерпана; освободите место или возьмите другой "
        "накопитель, затем повторите экспорт.",
    "The drive is read-only (a lock switch may be on); make it writable or use another "
    "drive, then export again.":
        "Накопитель только для чтения (возможно, включён переключатель защиты); разрешите "
        "запись или возьмите другой, затем повторите экспорт.",
    "Dossier may not write into that folder; choose a folder you can write to, then export "
    "again.":
        "Dossier не может писать в эту папку; выберите папку, доступную для записи, затем "
        "повторите экспорт.",
    "The folder is gone: the drive may have been removed; plug it in again, then export "
    "again.":
        "Папка пропала: возможно, накопитель извлечён; подключите его снова и повторите "
        "экспорт.",
    "The drive was removed while writing; plug it in again, then export again.":
        "Накопитель извлечён во время записи; подключите его снова и повторите экспорт.",
    "That path is not a folder; choose a folder, then export again.":
        "Этот путь — не папка; выберите папку и повторите экспорт.",
    "The drive failed while writing (it may have been pulled out or be faulty); plug it in "
    "again or use another drive, then export again.":
        "Накопитель отказал при записи (его могли извлечь, или он неисправен); подключите "
        "его снова или возьмите другой, затем повторите экспорт.",
    # -- printing (desktop.ui.printing) --------------------------------------------------
    "The print service did not answer.": "Служба печати не ответила.",
    "The print service could not be started.": "Службу печати не удалось запустить.",
    "The print service refused the job. Check the printer and try again.":
        "Служба печати отклонила задание. Проверьте принтер и повторите.",
    "No program on this computer prints PDF files.":
        "На этом компьютере нет программы, печатающей файлы PDF.",
    "The printer could not be started.": "Не удалось запустить принтер.",
    "The printer stopped before the last page.": "Принтер остановился до последней страницы.",
}  # fmt: skip
RUSSIAN.update(TEMPLATED_RUSSIAN)


# The operating system's reasons in Russian, by error number (Windows maps its own codes to
# these numbers too); anything else keeps the system's English words after its number.
SYSTEM_REASONS_RU = {
    errno.ENOSPC: "на диске не осталось места",
    errno.EDQUOT: "исчерпана дисковая квота",
    errno.EACCES: "нет прав доступа",
    errno.EPERM: "операция не разрешена",
    errno.EROFS: "диск доступен только для чтения",
    errno.ENOENT: "нет такого файла или папки",
    errno.EISDIR: "это папка",
    errno.ENOTDIR: "это не папка",
    errno.EEXIST: "файл уже существует",
    errno.EIO: "ошибка ввода-вывода",
    errno.ENAMETOOLONG: "слишком длинное имя файла",
    errno.EBUSY: "устройство или файл заняты",
    errno.ENODEV: "нет такого устройства",
    errno.ENXIO: "нет такого устройства или адреса",
    errno.EMFILE: "открыто слишком много файлов",
    errno.EFBIG: "файл слишком велик",
    errno.EINVAL: "недопустимый аргумент",
    errno.ELOOP: "слишком много символических ссылок",
    errno.ENOTEMPTY: "папка не пуста",
    errno.EXDEV: "перенос между разными дисками невозможен",
    errno.ETXTBSY: "файл занят другой программой",
    errno.EAGAIN: "ресурс временно недоступен",
    errno.ENOMEM: "недостаточно памяти",
    errno.ENFILE: "в системе открыто слишком много файлов",
    errno.EILSEQ: "имя файла недопустимо для этого диска",
    errno.EOPNOTSUPP: "операция не поддерживается этим диском",
    errno.ENOSYS: "операция не поддерживается системой",
    errno.ETIMEDOUT: "время ожидания истекло",
    errno.ESTALE: "сетевой файл больше недоступен",
    errno.ENOTCONN: "нет соединения с сетевым диском",
    errno.EPIPE: "соединение разорвано",
    errno.EINTR: "операция прервана",
    errno.EBADF: "файл закрыт",
}


def russian_system_reason(reason: SystemReason) -> str:
    """The reason in Russian; one the table does not list keeps the system's own words
    after its number, so the sentence around it stays Russian."""
    known = SYSTEM_REASONS_RU.get(reason.errno)
    if known is not None:
        return known
    return f"системная ошибка {reason.errno}: {reason}" if reason.errno else str(reason)


def _russian_param(value: Any) -> Any:
    if isinstance(value, SystemReason):
        return russian_system_reason(value)
    if isinstance(value, Reason):
        return error_text(value.error, "ru").rstrip(".")
    if isinstance(value, FieldName):
        return field_label(str(value), "ru")
    if isinstance(value, RecordKind):
        return record_kind_label(str(value), "ru")
    return value


def error_text(exc: BaseException, lang: str) -> str:
    """The sentence to show for `exc` in `lang` ("en" or "ru"); English when untranslated."""
    if lang != "ru" or not isinstance(exc, KnownError):
        return str(exc)
    worded: dict[str, str] = getattr(exc, "worded", {})  # a subclass may skip __init__
    if lang in worded:
        return worded[lang]
    template = RUSSIAN.get(exc.template)
    if template is None:
        return str(exc)
    try:
        return template.format(**{k: _russian_param(v) for k, v in exc.params.items()})
    except (KeyError, IndexError, ValueError):
        return str(exc)


def cli_language(requested: str | None = None) -> str:
    """The CLI's language: `--lang` when given, else Russian under a Russian locale
    (LC_ALL, LC_MESSAGES or LANG, as gettext reads them), else English."""
    if requested in ("en", "ru"):
        return requested
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"
