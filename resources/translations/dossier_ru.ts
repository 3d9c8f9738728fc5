<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="68" />
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>AttachmentClearance</name>
    <message>
        <location filename="../../desktop/ui/sources/clearance.py" line="57" />
        <source>Description printed in counsel and public packs instead of the file name</source>
        <translation>Описание, которое печатается в материалах для адвоката и публичных вместо имени файла</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/clearance.py" line="59" />
        <source>Exhibit description</source>
        <translation>Описание приложения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/clearance.py" line="60" />
        <source>Cleared for &amp;counsel packs</source>
        <translation>Допущено для материалов &amp;адвоката</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/clearance.py" line="61" />
        <source>Cleared for p&amp;ublic packs</source>
        <translation>Допущено для &amp;публичных материалов</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/clearance.py" line="63" />
        <source>Redacted packs include this file only when it is cleared for them, and refuse it if its text names a protected person.</source>
        <translation>Редактированные материалы включают этот файл, только если он для них допущен, и отказываются от него, если в его тексте названо защищаемое лицо.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/clearance.py" line="96" />
        <source>Describe attachment</source>
        <translation>Описать вложение</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/clearance.py" line="104" />
        <source>Clear attachment</source>
        <translation>Допустить вложение</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/clearance.py" line="104" />
        <source>Withdraw clearance</source>
        <translation>Отозвать допуск</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <location filename="../../desktop/ui/sources/viewer.py" line="57" />
        <source>◀ Pre&amp;vious page</source>
        <translation>◀ &amp;Предыдущая страница</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/viewer.py" line="58" />
        <source>Ne&amp;xt page ▶</source>
        <translation>&amp;Следующая страница ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/viewer.py" line="59" />
        <source>Attachment preview</source>
        <translation>Просмотр вложения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/viewer.py" line="72" />
        <source>Choose an attached file to view it here.</source>
        <translation>Выберите вложенный файл, чтобы просмотреть его здесь.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/viewer.py" line="89" />
        <source>Rendering…</source>
        <translation>Отрисовка…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/viewer.py" line="107" />
        <source>Cannot show.</source>
        <translation>Показать не удалось.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/viewer.py" line="118" />
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="78" />
        <source>Briefing pack — %1</source>
        <translation>Пакет документов — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="93" />
        <source>Exhibits cleared for this pr&amp;ofile</source>
        <translation>Приложения, допущенные для этого про&amp;филя</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="112" />
        <source>Building the pack</source>
        <translation>Сборка пакета</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="115" />
        <source>Pack status</source>
        <translation>Состояние пакета</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="119" />
        <source>&amp;Preview</source>
        <translation>&amp;Просмотр</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="120" />
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="123" />
        <source>S&amp;top</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="124" />
        <source>Stop building</source>
        <translation>Остановить сборку</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="126" />
        <source>&amp;Save as…</source>
        <translation>&amp;Сохранить как…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="127" />
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="128" />
        <source>Save the pack as a PDF file (Ctrl+S)</source>
        <translation>Сохранить пакет в файл PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="130" />
        <source>P&amp;rint…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="131" />
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="132" />
        <source>Print the pack (Ctrl+P)</source>
        <translation>Напечатать пакет (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="134" />
        <location filename="../../desktop/ui/briefing/dialog.py" line="135" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="204" />
        <source>Building once the last change is saved…</source>
        <translation>Сборка начнётся после сохранения последнего изменения…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="206" />
        <location filename="../../desktop/ui/briefing/dialog.py" line="214" />
        <source>Building the pack…</source>
        <translation>Сборка пакета…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="229" />
        <source>Stopped. Press Preview to build the pack.</source>
        <translation>Остановлено. Нажмите «Просмотр», чтобы собрать пакет.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="230" />
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="242" />
        <source>%1 pages · SHA-256 %2</source>
        <translation>Страниц: %1 · SHA-256 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="248" />
        <source>Redaction check: %1 forms of %2 protected people, none found.</source>
        <translation>Проверка редактирования: %1 форм имён %2 защищаемых лиц, ни одна не найдена.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="254" />
        <source>%1 attachment(s) left out: not cleared for this profile.</source>
        <translation>Не включено вложений: %1 (не допущены для этого профиля).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="263" />
        <source>The pack could not be built.</source>
        <translation>Не удалось собрать пакет.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="276" />
        <source>The options changed. Press Preview to rebuild the pack.</source>
        <translation>Параметры изменились. Нажмите «Просмотр», чтобы пересобрать пакет.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="300" />
        <source>Save the briefing pack</source>
        <translation>Сохранить пакет документов</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="302" />
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/dialog.py" line="324" />
        <source>Saved to %1.</source>
        <translation>Сохранено: %1.</translation>
    </message>
</context>
<context>
    <name>BriefingOptionsForm</name>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="47" />
        <source>Co&amp;ver</source>
        <translation>&amp;Обложка</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="48" />
        <source>Co&amp;ntents</source>
        <translation>&amp;Содержание</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="49" />
        <source>S&amp;ummary</source>
        <translation>&amp;Краткое изложение</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="50" />
        <source>C&amp;hronology</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="51" />
        <source>Peop&amp;le</source>
        <translation>&amp;Люди</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="52" />
        <source>Compl&amp;aints</source>
        <translation>&amp;Жалобы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="53" />
        <source>Sour&amp;ces</source>
        <translation>&amp;Источники</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="54" />
        <source>E&amp;xhibits</source>
        <translation>&amp;Приложения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="66" />
        <source>Li&amp;mit dates</source>
        <translation>О&amp;граничить даты</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="67" />
        <source>Limit dates</source>
        <translation>Ограничить даты</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="68" />
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="68" />
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="85" />
        <source>Only items mar&amp;ked for the brief</source>
        <translation>Только &amp;отмеченное для пакета</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="86" />
        <source>Only items marked for the brief</source>
        <translation>Только отмеченное для пакета</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="88" />
        <source>Only key fac&amp;ts in the chronology</source>
        <translation>Только ключевые &amp;факты в хронологии</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="89" />
        <source>Only key facts in the chronology</source>
        <translation>Только ключевые факты в хронологии</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="93" />
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="94" />
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="96" />
        <source>Label language</source>
        <translation>Язык подписей</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="100" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="101" />
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="102" />
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="106" />
        <source>In a sources column</source>
        <translation>В колонке источников</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="107" />
        <source>As footnotes</source>
        <translation>Сносками</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="108" />
        <source>Citations</source>
        <translation>Ссылки на источники</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="111" />
        <source>Where each fact's sources and pinpoints are printed: in a column beside it, or as numbered notes under it, on the same page.</source>
        <translation>Где печатаются источники и точные ссылки каждого факта: в колонке рядом с ним или пронумерованными сносками под ним, на той же странице.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="118" />
        <source>Internal</source>
        <translation>Внутренний</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="119" />
        <source>Counsel</source>
        <translation>Для адвокатов</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="120" />
        <source>Public</source>
        <translation>Публичный</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="121" />
        <source>Redaction profile</source>
        <translation>Профиль сокрытия</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="128" />
        <source>Prepared for</source>
        <translation>Подготовлено для</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="129" />
        <source>Prepared by</source>
        <translation>Подготовил</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="130" />
        <source>Bates prefix</source>
        <translation>Префикс сквозной нумерации</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="135" />
        <source>Every page of the pack, exhibits included, is numbered with this prefix and six digits (DOS-000042). Exhibit labels (EXH-5) stay as they are.</source>
        <translation>Каждый лист материалов, включая приложения, нумеруется этим префиксом и шестью цифрами (DOS-000042). Номера приложений (EXH-5) остаются прежними.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="164" />
        <source>Bates pref&amp;ix:</source>
        <translation>Префикс &amp;нумерации:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="226" />
        <source>Use 1 to 12 letters, digits or dashes, not starting with EXH.</source>
        <translation>От 1 до 12 латинских букв, цифр или дефисов, не начиная с EXH.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="139" />
        <source>Confidentiality marking</source>
        <translation>Гриф конфиденциальности</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="143" />
        <source>Printed on the cover and at the top of every page, exhibits included. Leave empty for the profile's usual marking, shown in grey.</source>
        <translation>Печатается на титульном листе и вверху каждой страницы, включая приложения. Оставьте пустым, чтобы использовать обычный гриф профиля (показан серым).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="153" />
        <source>Sections:</source>
        <translation>Разделы:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="154" />
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="157" />
        <source>Label lan&amp;guage:</source>
        <translation>&amp;Язык подписей:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="158" />
        <source>Paper si&amp;ze:</source>
        <translation>&amp;Формат бумаги:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="159" />
        <source>Cit&amp;e sources:</source>
        <translation>Исто&amp;чники:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="160" />
        <source>Re&amp;daction:</source>
        <translation>С&amp;крытие:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="162" />
        <source>Prepared &amp;for:</source>
        <translation>Подготовлено &amp;для:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="163" />
        <source>Prepared &amp;by:</source>
        <translation>Под&amp;готовил:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="165" />
        <source>Confidentialit&amp;y:</source>
        <translation>Г&amp;риф:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="223" />
        <source>Choose at least one section.</source>
        <translation>Выберите хотя бы один раздел.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="224" />
        <source>The start date is after the end date.</source>
        <translation>Начальная дата позже конечной.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="240" />
        <source>Everything in the case, for the team itself.</source>
        <translation>Всё содержимое дела — для самой команды.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="241" />
        <source>Leaves out items marked confidential.</source>
        <translation>Исключает записи, отмеченные как конфиденциальные.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/options.py" line="243" />
        <source>Also leaves out protected people, such as witnesses, and their names wherever they appear.</source>
        <translation>Также исключает защищаемых лиц, например свидетелей, и их имена везде, где они встречаются.</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../desktop/ui/editors/case.py" line="26" />
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/case.py" line="26" />
        <location filename="../../desktop/ui/editors/case.py" line="57" />
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/case.py" line="27" />
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/case.py" line="30" />
        <source>Tra&amp;nslation:</source>
        <translation>&amp;Перевод:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/case.py" line="33" />
        <source>&amp;Summary:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/case.py" line="34" />
        <source>S&amp;tatus:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/case.py" line="69" />
        <source>Edit case</source>
        <translation>Изменение дела</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="42" />
        <source>&amp;Cases</source>
        <translation>&amp;Дела</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="43" />
        <location filename="../../desktop/ui/case_list.py" line="44" />
        <source>Filter cases</source>
        <translation>Фильтр дел</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/case_list.py" line="45" />
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
</context>
<context>
    <name>CheckVaultDialog</name>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="60" />
        <source>Check vault</source>
        <translation>Проверка хранилища</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="64" />
        <source>Checks the encryption of every page, the database's structure, the audit log and every record. Nothing is changed.</source>
        <translation>Проверяет шифрование каждой страницы, структуру базы данных, журнал аудита и каждую запись. Ничего не изменяется.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="73" />
        <source>Checking the vault</source>
        <translation>Проверка хранилища</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="83" />
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="86" />
        <source>Copy audit head</source>
        <translation>Копировать вершину журнала</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="88" />
        <source>Keep it outside the vault to show later that no history was rewritten</source>
        <translation>Сохраните её вне хранилища, чтобы потом показать, что история не переписана</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="104" />
        <source>Checking encryption and structure…</source>
        <translation>Проверка шифрования и структуры…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="127" />
        <source>Checking the database's structure…</source>
        <translation>Проверка структуры базы данных…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/vault/check.py" line="129" />
        <source>Reading every page: %1 of %Ln</source>
        <translation>
            <numerusform>Чтение страниц: %1 из %Ln</numerusform>
            <numerusform>Чтение страниц: %1 из %Ln</numerusform>
            <numerusform>Чтение страниц: %1 из %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/vault/check.py" line="131" />
        <source>Checking the audit log: %1 of %Ln entries</source>
        <translation>
            <numerusform>Проверка журнала аудита: %1 из %Ln записи</numerusform>
            <numerusform>Проверка журнала аудита: %1 из %Ln записей</numerusform>
            <numerusform>Проверка журнала аудита: %1 из %Ln записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/vault/check.py" line="133" />
        <source>Checking records: %1 of %Ln</source>
        <translation>
            <numerusform>Проверка записей: %1 из %Ln</numerusform>
            <numerusform>Проверка записей: %1 из %Ln</numerusform>
            <numerusform>Проверка записей: %1 из %Ln</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="163" />
        <source>ok</source>
        <translation>в порядке</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="163" />
        <source>FAILED</source>
        <translation>ОШИБКА</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="165" />
        <source>Encryption (every page authenticated): %1</source>
        <translation>Шифрование (подлинность каждой страницы): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="166" />
        <source>Database structure: %1</source>
        <translation>Структура базы данных: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="167" />
        <source>Audit log (hash chain): %1</source>
        <translation>Журнал аудита (цепочка хешей): %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/vault/check.py" line="175" />
        <source>Records: %n problem(s)</source>
        <translation>
            <numerusform>Записи: %n ошибка</numerusform>
            <numerusform>Записи: %n ошибки</numerusform>
            <numerusform>Записи: %n ошибок</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="177" />
        <source>Records (dates, vocabularies, text, references): %1</source>
        <translation>Записи (даты, справочники, текст, ссылки): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="182" />
        <source>Everything checked is in order.</source>
        <translation>Всё проверенное в порядке.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="184" />
        <source>The check found problems.</source>
        <translation>Проверка нашла ошибки.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="196" />
        <source>Copy the whole vault folder somewhere safe before changing anything. `dossier vault salvage` copies what still reads into a new vault.</source>
        <translation>Прежде чем что-либо менять, скопируйте всю папку хранилища в надёжное место. Команда `dossier vault salvage` перенесёт всё, что ещё читается, в новое хранилище.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="205" />
        <source>Damaged pages: %1 of %2</source>
        <translation>Повреждённых страниц: %1 из %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="214" />
        <source>%1 records: %2 readable, an unknown number lost</source>
        <translation>Записи вида «%1»: читаются %2, потеряно неизвестное число</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="216" />
        <source>%1 records: %2 readable, %3 lost</source>
        <translation>Записи вида «%1»: читаются %2, потеряно %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="221" />
        <source>No page is damaged, yet a record did not read.</source>
        <translation>Ни одна страница не повреждена, но запись не прочиталась.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="223" />
        <source>The vault is damaged: some records no longer read.</source>
        <translation>Хранилище повреждено: часть записей больше не читается.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/check.py" line="239" />
        <source>The check could not finish.</source>
        <translation>Проверку не удалось завершить.</translation>
    </message>
</context>
<context>
    <name>CitationEditor</name>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="52" />
        <source>Citation</source>
        <translation>Ссылка на источник</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="52" />
        <source>New citation</source>
        <translation>Новая ссылка на источник</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="57" />
        <source>&amp;Source:</source>
        <translation>&amp;Источник:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="57" />
        <source>(choose)</source>
        <translation>(выберите)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="59" />
        <source>&amp;Pinpoint:</source>
        <translation>&amp;Место в источнике:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="60" />
        <source>page, paragraph</source>
        <translation>страница, абзац</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="61" />
        <source>&amp;Quote:</source>
        <translation>&amp;Цитата:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="82" />
        <source>Edit citation</source>
        <translation>Изменение ссылки</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="90" />
        <source>Choose the source to cite.</source>
        <translation>Выберите источник для ссылки.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="97" />
        <source>Add citation</source>
        <translation>Добавление ссылки</translation>
    </message>
</context>
<context>
    <name>CitationsPanel</name>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="135" />
        <source>Citations</source>
        <translation>Ссылки на источники</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="136" />
        <source>Add &amp;citation…</source>
        <translation>Добавить &amp;ссылку…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="137" />
        <source>Remo&amp;ve citation</source>
        <translation>&amp;Убрать ссылку</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/citation.py" line="214" />
        <source>Remove citation</source>
        <translation>Удаление ссылки</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="132" />
        <source>Match the columns</source>
        <translation>Сопоставьте столбцы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="135" />
        <source>Some headers are not the template's. Say which column each one is, or leave it out; Dossier remembers your choice for headers written the same way.</source>
        <translation>Некоторые заголовки отличаются от шаблона. Укажите, какой столбец означает каждый, или не импортируйте его; Dossier запомнит выбор для заголовков, написанных так же.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="141" />
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="141" />
        <source>Header in the file</source>
        <translation>Заголовок в файле</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="141" />
        <source>Import as</source>
        <translation>Импортировать как</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="162" />
        <source>(choose)</source>
        <translation>(выберите)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="166" />
        <source>(which sheet is this file?)</source>
        <translation>(какой это лист?)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="185" />
        <source>(leave out)</source>
        <translation>(не импортировать)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="206" />
        <source>Choose which sheet each file holds.</source>
        <translation>Укажите, какой лист содержит каждый файл.</translation>
    </message>
</context>
<context>
    <name>ComplaintDetail</name>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="63" />
        <source>&amp;Response history</source>
        <translation>&amp;История ответов</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="64" />
        <source>Response history</source>
        <translation>История ответов</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="65" />
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="66" />
        <source>Add res&amp;ponse…</source>
        <translation>Добавить &amp;ответ…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="67" />
        <source>Escalate…</source>
        <translation>Обжаловать выше…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="68" />
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="86" />
        <source>Choose a complaint in the register.</source>
        <translation>Выберите жалобу в реестре.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="92" />
        <source>Escalated</source>
        <translation>Направлена выше</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="94" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="95" />
        <source>Filed</source>
        <translation>Подана</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="96" />
        <source>Filed by</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="97" />
        <source>Body</source>
        <translation>Орган</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="98" />
        <location filename="../../desktop/ui/complaints/detail.py" line="117" />
        <source>Against</source>
        <translation>На кого</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="99" />
        <source>Our reference</source>
        <translation>Наш номер</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="100" />
        <source>Their registration number</source>
        <translation>Регистрационный номер органа</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="101" />
        <source>Response due</source>
        <translation>Срок ответа</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="102" />
        <source>Legal basis</source>
        <translation>Правовое основание</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="103" />
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="108" />
        <source>Deadline</source>
        <translation>Срок</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/complaints/detail.py" line="109" />
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>просрочено на %n день</numerusform>
            <numerusform>просрочено на %n дня</numerusform>
            <numerusform>просрочено на %n дней</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="112" />
        <source>Escalates</source>
        <translation>Обжалует</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="114" />
        <source>Escalated to</source>
        <translation>Направлена выше</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="118" />
        <source>Concerns events</source>
        <translation>Касается событий</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/detail.py" line="125" />
        <source>Complaint</source>
        <translation>Жалоба</translation>
    </message>
</context>
<context>
    <name>ComplaintEditor</name>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="70" />
        <location filename="../../desktop/ui/editors/complaint.py" line="191" />
        <source>Escalate complaint</source>
        <translation>Обжалование в вышестоящий орган</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="72" />
        <source>Complaint</source>
        <translation>Жалоба</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="72" />
        <source>New complaint</source>
        <translation>Новая жалоба</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="74" />
        <source>&amp;Filed on:</source>
        <translation>&amp;Дата подачи:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="75" />
        <source>Filed &amp;by:</source>
        <translation>&amp;Заявитель:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="77" />
        <source>With &amp;body:</source>
        <translation>&amp;Орган:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="77" />
        <source>(other)</source>
        <translation>(другой)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="79" />
        <source>Body &amp;detail:</source>
        <translation>Уточнение о&amp;ргана:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="86" />
        <source>&amp;Against:</source>
        <translation>&amp;На кого:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="90" />
        <source>Our &amp;reference:</source>
        <translation>Наш &amp;номер:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="93" />
        <source>Their re&amp;gistration number:</source>
        <translation>Рег&amp;истрационный номер органа:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="96" />
        <source>&amp;Status:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="99" />
        <source>Response d&amp;ue:</source>
        <translation>Срок &amp;ответа:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="101" />
        <source>&amp;Legal basis:</source>
        <translation>&amp;Правовое основание:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="102" />
        <source>Sub&amp;ject:</source>
        <translation>&amp;Предмет:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="104" />
        <source>Tra&amp;nslation:</source>
        <translation>&amp;Перевод:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="106" />
        <source>&amp;Outcome:</source>
        <translation>&amp;Результат:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="109" />
        <source>Con&amp;fidential</source>
        <translation>Кон&amp;фиденциально</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="110" />
        <source>For the br&amp;ief</source>
        <translation>Для &amp;пакета</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="116" />
        <source>Concerns &amp;events:</source>
        <translation>Касается &amp;событий:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="121" />
        <source>So&amp;urces:</source>
        <translation>Ис&amp;точники:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="126" />
        <source>&amp;Tags:</source>
        <translation>&amp;Метки:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="203" />
        <source>Say whom the complaint is against.</source>
        <translation>Укажите, на кого подана жалоба.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="208" />
        <source>Add complaint</source>
        <translation>Добавление жалобы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="218" />
        <source>Edit complaint</source>
        <translation>Изменение жалобы</translation>
    </message>
</context>
<context>
    <name>ComplaintsModel</name>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="37" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="37" />
        <source>Filed</source>
        <translation>Подана</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="37" />
        <source>Body</source>
        <translation>Орган</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="37" />
        <source>Against</source>
        <translation>На кого</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="38" />
        <source>Our reference</source>
        <translation>Наш номер</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="38" />
        <source>Their number</source>
        <translation>Их номер</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="38" />
        <source>Last response</source>
        <translation>Последний ответ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="39" />
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="39" />
        <source>Days left</source>
        <translation>Осталось дней</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="121" />
        <source>Overdue: no answer by the due date.</source>
        <translation>Просрочено: ответа к сроку нет.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="137" />
        <source>Escalated to %1</source>
        <translation>Направлена выше: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/model.py" line="138" />
        <source>Escalated</source>
        <translation>Направлена выше</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/complaints/model.py" line="157" />
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>просрочено на %n день</numerusform>
            <numerusform>просрочено на %n дня</numerusform>
            <numerusform>просрочено на %n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <location filename="../../desktop/ui/complaints/tab.py" line="79" />
        <source>&amp;New complaint…</source>
        <translation>&amp;Новая жалоба…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/tab.py" line="80" />
        <source>Complaints register</source>
        <translation>Реестр жалоб</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/tab.py" line="185" />
        <source>Delete this complaint? You can undo this.</source>
        <translation>Удалить эту жалобу? Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/complaints/tab.py" line="186" />
        <source>Delete complaint</source>
        <translation>Удаление жалобы</translation>
    </message>
</context>
<context>
    <name>ConflictMarks</name>
    <message>
        <location filename="../../desktop/ui/conflict_marks.py" line="22" />
        <source>Changed on two devices at once: choose the version to keep in Sync › Conflicts.</source>
        <translation>Изменено на двух устройствах одновременно: выберите версию в «Синхронизация › Конфликты».</translation>
    </message>
</context>
<context>
    <name>ConflictValues</name>
    <message>
        <location filename="../../desktop/ui/sync/conflict_values.py" line="30" />
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_values.py" line="32" />
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_values.py" line="32" />
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_values.py" line="34" />
        <source>(a record not on this device)</source>
        <translation>(запись, которой нет на этом устройстве)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_values.py" line="43" />
        <source>File %1…</source>
        <translation>Файл %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflict_values.py" line="45" />
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="64" />
        <source>Records in conflict</source>
        <translation>Записи в конфликте</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="102" />
        <source>These records were changed on two devices before either saw the other's change. Compare the versions and keep one; it replaces the others everywhere after the next sync.</source>
        <translation>Эти записи изменены на двух устройствах, прежде чем каждое увидело изменение другого. Сравните версии и оставьте одну: после следующей синхронизации она заменит остальные везде.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="114" />
        <source>No conflicts: every record has one version.</source>
        <translation>Конфликтов нет: у каждой записи одна версия.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="166" />
        <source>Keep the version from %1 and drop the others</source>
        <translation>Оставить версию с устройства %1 и отбросить остальные</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="178" />
        <source>Deleted on %1</source>
        <translation>Удалено на устройстве %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="180" />
        <source>Changed on %1</source>
        <translation>Изменено на устройстве %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="182" />
        <source>shown now</source>
        <translation>показана сейчас</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="188" />
        <source>Keep it deleted</source>
        <translation>Оставить удалённой</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/conflicts_page.py" line="189" />
        <source>Keep this version</source>
        <translation>Оставить эту версию</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="56" />
        <source>Create a vault</source>
        <translation>Создание хранилища</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="70" />
        <source>Your case files are encrypted with a passphrase. Choose a long one: several unrelated words are easier to remember and harder to guess.</source>
        <translation>Дела шифруются парольной фразой. Выберите длинную: несколько не связанных между собой слов легче запомнить и труднее подобрать.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="76" />
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="77" />
        <source>Repeat the passphrase</source>
        <translation>Повторите парольную фразу</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="82" />
        <source>Passphrase strength</source>
        <translation>Надёжность парольной фразы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="85" />
        <source>&amp;Remember on this computer (OS keyring)</source>
        <translation>&amp;Запомнить на этом компьютере (связка ключей ОС)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="86" />
        <source>Remember on this computer</source>
        <translation>Запомнить на этом компьютере</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="89" />
        <source>Anyone who takes this laptop while you are logged in can then open the vault without the passphrase. Leave this off if the laptop may be seized.</source>
        <translation>Тогда любой, кто заберёт этот ноутбук, пока вы вошли в систему, откроет хранилище без парольной фразы. Не включайте, если ноутбук могут изъять.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="98" />
        <source>This computer has no secure system keyring.</source>
        <translation>На этом компьютере нет защищённой системной связки ключей.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="105" />
        <source>Creating the vault</source>
        <translation>Создание хранилища</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="107" />
        <source>&amp;Create vault</source>
        <translation>&amp;Создать хранилище</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="109" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="113" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="114" />
        <source>R&amp;epeat:</source>
        <translation>По&amp;втор:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="119" />
        <source>Strength:</source>
        <translation>Надёжность:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="144" />
        <source>Too short or too common (at least %1 characters).</source>
        <translation>Слишком короткая или распространённая (не менее %1 символов).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="147" />
        <source>Weak: add more words.</source>
        <translation>Слабая: добавьте слов.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="148" />
        <source>Fair: one or two more words would help.</source>
        <translation>Средняя: ещё одно-два слова не помешают.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="149" />
        <source>Good.</source>
        <translation>Хорошая.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="150" />
        <source>Strong.</source>
        <translation>Надёжная.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="154" />
        <source>The two passphrases differ.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="167" />
        <source>Creating the vault… this takes a few seconds.</source>
        <translation>Создание хранилища… это займёт несколько секунд.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="201" />
        <source>This is your recovery key. It opens the vault if the passphrase is forgotten. It is shown only now: print it or write it down, and keep it away from this laptop.</source>
        <translation>Это ваш ключ восстановления. Он открывает хранилище, если парольная фраза забыта. Он показывается только сейчас: распечатайте или запишите его и храните отдельно от этого ноутбука.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="211" />
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="216" />
        <source>C&amp;opy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="217" />
        <source>Save as &amp;PDF…</source>
        <translation>Сохранить в &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="218" />
        <source>P&amp;rint…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="219" />
        <source>Print the emergency kit</source>
        <translation>Напечатать аварийный комплект</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="221" />
        <source>Print the emergency kit with the recovery key (Ctrl+P)</source>
        <translation>Напечатать аварийный комплект с ключом восстановления (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="229" />
        <source>I have &amp;stored the recovery key</source>
        <translation>Я &amp;сохранил(а) ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="230" />
        <source>&amp;Finish</source>
        <translation>&amp;Готово</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="273" />
        <source>Save the emergency kit</source>
        <translation>Сохранить аварийный комплект</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="275" />
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="284" />
        <source>The emergency kit could not be saved there.</source>
        <translation>Не удалось сохранить аварийный комплект в этом месте.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/create.py" line="299" />
        <source>Printing the emergency kit…</source>
        <translation>Печать аварийного комплекта…</translation>
    </message>
</context>
<context>
    <name>EmptyVaultGuide</name>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="56" />
        <source>This vault has no case yet</source>
        <translation>В этом хранилище ещё нет дел</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="59" />
        <source>A case holds its timeline of events, the people and officials involved, the complaints filed and the sources behind every fact. Start with a new case; a colleague's cases arrive with Sync.</source>
        <translation>Дело содержит хронологию событий, причастных лиц и должностных лиц, поданные жалобы и источники каждого факта. Начните с нового дела; дела коллег приходят через синхронизацию.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="64" />
        <source>&amp;New case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="65" />
        <source>Create the first case (Ctrl+Shift+N)</source>
        <translation>Создать первое дело (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/empty_state.py" line="66" />
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="60" />
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="60" />
        <source>New event</source>
        <translation>Новое событие</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="61" />
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="62" />
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="65" />
        <source>Tra&amp;nslation:</source>
        <translation>&amp;Перевод:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="68" />
        <source>&amp;Place:</source>
        <translation>&amp;Место:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="69" />
        <source>D&amp;escription:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="71" />
        <source>&amp;Fact status:</source>
        <translation>&amp;Статус факта:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="75" />
        <source>D&amp;isputed by:</source>
        <translation>Кем о&amp;спаривается:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="77" />
        <source>(not said)</source>
        <translation>(не указано)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="80" />
        <source>&amp;Who disputes it:</source>
        <translation>&amp;Кто оспаривает:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="82" />
        <source>e.g. the prison doctor</source>
        <translation>например, врач СИЗО</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="85" />
        <source>&amp;Key event</source>
        <translation>&amp;Ключевое событие</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="86" />
        <source>C&amp;onfidential</source>
        <translation>Конфи&amp;денциально</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="87" />
        <source>For the &amp;brief</source>
        <translation>Для &amp;пакета</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="91" />
        <source>Pe&amp;ople:</source>
        <translation>Л&amp;юди:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="96" />
        <source>So&amp;urces:</source>
        <translation>Ис&amp;точники:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="100" />
        <source>Tag&amp;s:</source>
        <translation>Мет&amp;ки:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="105" />
        <source>Complaints:</source>
        <translation>Жалобы:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="169" />
        <source>Add event</source>
        <translation>Добавление события</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/event.py" line="177" />
        <source>Edit event</source>
        <translation>Изменение события</translation>
    </message>
</context>
<context>
    <name>EventMarking</name>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="67" />
        <source>Add &amp;tag to selected events…</source>
        <translation>Добавить &amp;метку выбранным событиям…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="68" />
        <source>&amp;Remove tag from selected events…</source>
        <translation>&amp;Снять метку с выбранных событий…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="69" />
        <source>&amp;Delete a tag…</source>
        <translation>&amp;Удалить метку…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="70" />
        <source>Mark as &amp;key fact</source>
        <translation>Отметить как &amp;ключевой факт</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="71" />
        <source>&amp;Not a key fact</source>
        <translation>&amp;Не ключевой факт</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="72" />
        <source>Key facts &amp;&amp; ta&amp;gs</source>
        <translation>Ключевые факты и ме&amp;тки</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="73" />
        <source>Key facts and tags of the selected events</source>
        <translation>Ключевые факты и метки выбранных событий</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="78" />
        <source>Tags belong to one case: add or delete them in the case's own timeline.</source>
        <translation>Метки принадлежат одному делу: добавляйте и удаляйте их в хронологии самого дела.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline/marking.py" line="95" />
        <source>Tag %n event(s)</source>
        <translation>
            <numerusform>Отметить %n событие</numerusform>
            <numerusform>Отметить %n события</numerusform>
            <numerusform>Отметить %n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline/marking.py" line="108" />
        <source>Untag %n event(s)</source>
        <translation>
            <numerusform>Снять метку с %n события</numerusform>
            <numerusform>Снять метку с %n событий</numerusform>
            <numerusform>Снять метку с %n событий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="118" />
        <location filename="../../desktop/ui/timeline/marking.py" line="174" />
        <source>Delete tag</source>
        <translation>Удалить метку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline/marking.py" line="131" />
        <source>Mark %n key fact(s)</source>
        <translation>
            <numerusform>Отметить %n ключевой факт</numerusform>
            <numerusform>Отметить %n ключевых факта</numerusform>
            <numerusform>Отметить %n ключевых фактов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline/marking.py" line="132" />
        <source>Unmark %n key fact(s)</source>
        <translation>
            <numerusform>Снять отметку с %n ключевого факта</numerusform>
            <numerusform>Снять отметку с %n ключевых фактов</numerusform>
            <numerusform>Снять отметку с %n ключевых фактов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="149" />
        <source>The change could not be saved.</source>
        <translation>Изменение не удалось сохранить.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="170" />
        <source>This case has no tags yet.</source>
        <translation>В этом деле пока нет меток.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="176" />
        <source>Tag to delete (it comes off every event and complaint; Ctrl+Z brings it back):</source>
        <translation>Какую метку удалить (она будет снята со всех событий и жалоб; Ctrl+Z вернёт её):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="194" />
        <source>Add tag</source>
        <translation>Добавить метку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline/marking.py" line="195" />
        <source>Tag for the %n selected event(s) (a new name makes a new tag):</source>
        <translation>
            <numerusform>Метка для %n выбранного события (новое название создаст новую метку):</numerusform>
            <numerusform>Метка для %n выбранных событий (новое название создаст новую метку):</numerusform>
            <numerusform>Метка для %n выбранных событий (новое название создаст новую метку):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="214" />
        <source>The selected events have no tags.</source>
        <translation>У выбранных событий нет меток.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/marking.py" line="219" />
        <source>Remove tag</source>
        <translation>Снять метку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline/marking.py" line="220" />
        <source>Tag to take off the %n selected event(s):</source>
        <translation>
            <numerusform>Какую метку снять с %n выбранного события:</numerusform>
            <numerusform>Какую метку снять с %n выбранных событий:</numerusform>
            <numerusform>Какую метку снять с %n выбранных событий:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExhibitClearance</name>
    <message>
        <location filename="../../desktop/ui/briefing/clearance.py" line="34" />
        <source>Exhibits cleared for this profile</source>
        <translation>Приложения, допущенные для этого профиля</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/clearance.py" line="51" />
        <source>Internal packs include every attachment marked for the brief.</source>
        <translation>Внутренние материалы включают все вложения, отмеченные для справки.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/clearance.py" line="56" />
        <source>Only ticked files go into this pack. It lists them by label and description, never by file name, and refuses a file whose text names a protected person.</source>
        <translation>В материалы попадут только отмеченные файлы. Они указываются по обозначению и описанию, никогда по имени файла; файл, в тексте которого названо защищаемое лицо, не принимается.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/clearance.py" line="79" />
        <source>Marked confidential: never in counsel or public packs.</source>
        <translation>Отмечено как конфиденциальное: не включается в материалы для адвоката и публичные.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="81" />
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="90" />
        <source>Spreadsheet (XLSX): chronology, people, complaints, sources</source>
        <translation>Таблица (XLSX): хронология, лица, жалобы, источники</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="91" />
        <source>Spreadsheet (CSV files, one per sheet)</source>
        <translation>Таблица (CSV-файлы, по одному на лист)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="92" />
        <source>Calendar (ICS): complaint deadlines</source>
        <translation>Календарь (ICS): сроки ответов на жалобы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="93" />
        <source>TimelineJS (JSON) for a web timeline</source>
        <translation>TimelineJS (JSON) для хронологии на сайте</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="94" />
        <source>Aleph: Follow the Money entities (JSON lines)</source>
        <translation>Aleph: сущности Follow the Money (JSON lines)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="95" />
        <source>Uwazi: CSV files, one per template</source>
        <translation>Uwazi: CSV-файлы, по одному на шаблон</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="96" />
        <source>Chronology with EDTF dates (JSON)</source>
        <translation>Хронология с датами EDTF (JSON)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="101" />
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="104" />
        <source>Public</source>
        <translation>Публично</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="105" />
        <source>Counsel</source>
        <translation>Для адвокатов</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="106" />
        <source>Internal</source>
        <translation>Только для команды</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="107" />
        <source>Redaction profile</source>
        <translation>Профиль редактирования</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="110" />
        <source>Public leaves out what is confidential and every protected person, under every form of their names; counsel leaves out what is confidential.</source>
        <translation>«Публично» исключает конфиденциальное и всех защищаемых лиц во всех формах их имён; «для адвокатов» исключает конфиденциальное.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="115" />
        <source>Li&amp;mit dates</source>
        <translation>&amp;Ограничить даты</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="116" />
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="116" />
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="125" />
        <source>Only items mar&amp;ked for the brief</source>
        <translation>Только отмеченное для &amp;справки</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="126" />
        <source>Only key fa&amp;cts in the chronology</source>
        <translation>Только клю&amp;чевые факты в хронологии</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="129" />
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="130" />
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="132" />
        <source>Label language</source>
        <translation>Язык подписей</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="137" />
        <source> days before</source>
        <translation> дн. до срока</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="138" />
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="139" />
        <source>Also the dated ke&amp;y facts</source>
        <translation>Также &amp;ключевые факты с датами</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="143" />
        <source>The case's title</source>
        <translation>Название дела</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="144" />
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="147" />
        <source>Save to</source>
        <translation>Сохранить в</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="149" />
        <source>C&amp;hoose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="156" />
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="157" />
        <source>Re&amp;daction:</source>
        <translation>&amp;Редактирование:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="158" />
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="161" />
        <source>Label lan&amp;guage:</source>
        <translation>&amp;Язык подписей:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="162" />
        <source>Rem&amp;inder:</source>
        <translation>&amp;Напоминание:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="164" />
        <source>&amp;Title:</source>
        <translation>&amp;Заголовок:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="165" />
        <source>&amp;Save to:</source>
        <translation>Со&amp;хранить в:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="179" />
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="210" />
        <source>The columns of spreadsheet import: the file imports back.</source>
        <translation>Столбцы импорта таблиц: файл импортируется обратно.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="211" />
        <source>A folder of CSV files (UTF-8), or one .zip if the name ends in .zip.</source>
        <translation>Папка с CSV-файлами (UTF-8) или один .zip, если имя оканчивается на .zip.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="212" />
        <source>Each response deadline as an all-day event with a reminder; importing a newer file updates the same events.</source>
        <translation>Каждый срок ответа — событие на весь день с напоминанием; импорт более нового файла обновляет те же события.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="214" />
        <source>Open with TimelineJS (timeline.knightlab.com) as JSON; uncertain dates are shown as written.</source>
        <translation>Откройте в TimelineJS (timeline.knightlab.com) как JSON; неточные даты показаны так, как записаны.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="216" />
        <source>Load into Aleph with alephclient write-entities, or ftm tools.</source>
        <translation>Загрузите в Aleph командой alephclient write-entities или инструментами ftm.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="217" />
        <source>Import each file in Uwazi under Settings &gt; Import CSV; templates.md lists the properties to create first.</source>
        <translation>Импортируйте каждый файл в Uwazi в «Настройки &gt; Импорт CSV»; в templates.md перечислены свойства, которые нужно создать заранее.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="219" />
        <source>The chronology for scripts and web pages, dates in EDTF.</source>
        <translation>Хронология для скриптов и веб-страниц, даты в EDTF.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="233" />
        <source>Export to</source>
        <translation>Экспортировать в</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="272" />
        <source>Choose where to save the export.</source>
        <translation>Выберите, куда сохранить экспорт.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="280" />
        <source>Exporting once the last change is saved…</source>
        <translation>Экспорт начнётся после сохранения последнего изменения…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="294" />
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="315" />
        <source>Saved %1 file(s).</source>
        <translation>Сохранено файлов: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="322" />
        <source>Redaction check: %1 forms of %2 protected people, none found.</source>
        <translation>Проверка редактирования: %1 форм имён %2 защищаемых лиц, ничего не найдено.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exports/dialog.py" line="345" />
        <source>Nothing was written: %1</source>
        <translation>Ничего не записано: %1</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="76" />
        <source>Choose the spreadsheet</source>
        <translation>Выберите таблицу</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="79" />
        <source>An Excel workbook with the sheets sources, people, events and complaints, or CSV files named after them. File → Save spreadsheet template… gives one.</source>
        <translation>Книга Excel с листами sources, people, events и complaints или CSV-файлы с такими именами. Шаблон: Файл → Сохранить шаблон таблицы…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="84" />
        <source>Files to import</source>
        <translation>Файлы для импорта</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="85" />
        <source>&amp;Choose files…</source>
        <translation>&amp;Выбрать файлы…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="97" />
        <source>Import spreadsheet</source>
        <translation>Импорт таблицы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="97" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Таблицы (*.xlsx *.csv)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="138" />
        <source>Fin&amp;d:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="138" />
        <source>Perso&amp;n:</source>
        <translation>&amp;Лицо:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="138" />
        <source>Fro&amp;m:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="139" />
        <source>T&amp;o:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="139" />
        <source>Stat&amp;us:</source>
        <translation>С&amp;татус:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="138" />
        <source>Ta&amp;g:</source>
        <translation>Мет&amp;ка:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="142" />
        <source>Words in title, description or place</source>
        <translation>Слова в названии, описании или месте</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="143" />
        <source>Find events</source>
        <translation>Найти события</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="144" />
        <source>Person filter</source>
        <translation>Фильтр по лицу</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="145" />
        <source>From date</source>
        <translation>С даты</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="146" />
        <source>To date</source>
        <translation>По дату</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="147" />
        <source>Fact status filter</source>
        <translation>Фильтр по статусу факта</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="148" />
        <source>Tag filter</source>
        <translation>Фильтр по метке</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="150" />
        <source>any</source>
        <translation>любая</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="151" />
        <source>&amp;Key facts only</source>
        <translation>Только &amp;ключевые факты</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="152" />
        <source>Key facts only</source>
        <translation>Только ключевые факты</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="153" />
        <source>C&amp;lear filters</source>
        <translation>Сбросить &amp;фильтры</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="154" />
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="158" />
        <location filename="../../desktop/ui/timeline/filters.py" line="180" />
        <source>Anyone</source>
        <translation>Любое лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/filters.py" line="158" />
        <location filename="../../desktop/ui/timeline/filters.py" line="168" />
        <location filename="../../desktop/ui/timeline/filters.py" line="181" />
        <source>Any</source>
        <translation>Любой</translation>
    </message>
</context>
<context>
    <name>FuzzyDateEdit</name>
    <message>
        <location filename="../../desktop/ui/editors/fields.py" line="25" />
        <source>e.g. 3 Dec 2007, circa March 2008, 2008-11</source>
        <translation>например: 3 дек 2007, около марта 2008, 2008-11</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/fields.py" line="26" />
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/fields.py" line="29" />
        <source>Date as understood</source>
        <translation>Как понята дата</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/fields.py" line="51" />
        <source>Understood as: undated</source>
        <translation>Понято как: без даты</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/fields.py" line="57" />
        <source>The time of day is not kept: put it in the title</source>
        <translation>Время суток не сохраняется: укажите его в названии</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/fields.py" line="59" />
        <source>Not a date Dossier understands yet</source>
        <translation>Dossier пока не понимает такую дату</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/fields.py" line="61" />
        <source>Understood as: %1</source>
        <translation>Понято как: %1</translation>
    </message>
</context>
<context>
    <name>LinkedEventsPanel</name>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="218" />
        <source>Events the complaint concerns</source>
        <translation>События, которых касается жалоба</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="221" />
        <source>find an event by its words</source>
        <translation>найдите событие по словам</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="222" />
        <source>Find an event to link</source>
        <translation>Поиск события для связи</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="223" />
        <location filename="../../desktop/ui/editors/complaint_links.py" line="261" />
        <source>(event)</source>
        <translation>(событие)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="228" />
        <source>Event to link</source>
        <translation>Событие для связи</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="229" />
        <source>Lin&amp;k event</source>
        <translation>Св&amp;язать событие</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="230" />
        <source>U&amp;nlink</source>
        <translation>Раз&amp;вязать</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="304" />
        <source>Link event to complaint</source>
        <translation>Связать событие с жалобой</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="338" />
        <source>Unlink event from complaint</source>
        <translation>Отвязать событие от жалобы</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="138" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="139" />
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="140" />
        <source>&amp;Records</source>
        <translation>&amp;Записи</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="141" />
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="142" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="143" />
        <source>Main toolbar</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="146" />
        <source>&amp;New case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="147" />
        <source>Start a new case file</source>
        <translation>Завести новое дело</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="150" />
        <source>&amp;Rename case…</source>
        <translation>&amp;Переименовать дело…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="151" />
        <source>Change the case's title, summary or status</source>
        <translation>Изменить название, описание или статус дела</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="154" />
        <source>&amp;Delete case…</source>
        <translation>&amp;Удалить дело…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="155" />
        <source>Delete the chosen case (can be undone)</source>
        <translation>Удалить выбранное дело (можно отменить)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="158" />
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="159" />
        <source>Lock the vault now: the window is cleared</source>
        <translation>Заблокировать хранилище сейчас: окно очищается</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="162" />
        <source>&amp;Briefing pack…</source>
        <translation>&amp;Справочные материалы…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="163" />
        <source>Preview, save or print the case's briefing pack (PDF)</source>
        <translation>Просмотреть, сохранить или напечатать справочные материалы по делу (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="166" />
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="167" />
        <source>Export the case for spreadsheets, calendars, TimelineJS, Aleph or Uwazi</source>
        <translation>Экспорт дела для таблиц, календарей, TimelineJS, Aleph или Uwazi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="173" />
        <source>S&amp;ync…</source>
        <translation>Син&amp;хронизация…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="174" />
        <source>Exchange changes with paired laptops on a USB stick</source>
        <translation>Обмен изменениями с сопряжёнными ноутбуками через USB-накопитель</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="177" />
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Импорт таблицы…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="178" />
        <source>Add sources, people, events and complaints from Excel or CSV</source>
        <translation>Добавить источники, людей, события и жалобы из Excel или CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="181" />
        <source>Save spreadsheet &amp;template…</source>
        <translation>Сохранить &amp;шаблон таблицы…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="182" />
        <source>Save an Excel template for spreadsheet import</source>
        <translation>Сохранить шаблон Excel для импорта таблиц</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="185" />
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="186" />
        <source>Language, auto-lock and keyring</source>
        <translation>Язык, автоблокировка и связка ключей</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="189" />
        <source>C&amp;heck vault…</source>
        <translation>П&amp;роверить хранилище…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="190" />
        <source>Check the encryption, structure, audit log and every record</source>
        <translation>Проверить шифрование, структуру, журнал аудита и каждую запись</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="193" />
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="194" />
        <source>Lock the vault and quit</source>
        <translation>Заблокировать хранилище и выйти</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="196" />
        <source>&amp;Search…</source>
        <translation>&amp;Поиск…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="196" />
        <source>Search the case</source>
        <translation>Искать в деле</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="198" />
        <source>&amp;Delete selected…</source>
        <translation>&amp;Удалить выбранное…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="199" />
        <source>Delete the selected record</source>
        <translation>Удалить выбранную запись</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="202" />
        <source>New &amp;event…</source>
        <translation>Новое &amp;событие…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="203" />
        <source>Add an event to the timeline</source>
        <translation>Добавить событие в хронологию</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="206" />
        <source>New &amp;person…</source>
        <translation>Новое &amp;лицо…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="207" />
        <source>Add a person or official</source>
        <translation>Добавить человека или должностное лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="210" />
        <source>New &amp;organisation…</source>
        <translation>Новая &amp;организация…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="211" />
        <source>Add an organisation</source>
        <translation>Добавить организацию</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="214" />
        <source>New &amp;complaint…</source>
        <translation>Новая &amp;жалоба…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="215" />
        <source>Add a complaint to the register</source>
        <translation>Добавить жалобу в реестр</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="218" />
        <source>New &amp;source…</source>
        <translation>Новый &amp;источник…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="219" />
        <source>Add a source</source>
        <translation>Добавить источник</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="222" />
        <source>&amp;Timeline</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="223" />
        <source>Show the timeline</source>
        <translation>Показать хронологию</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="226" />
        <source>&amp;People &amp;&amp; Officials</source>
        <translation>&amp;Люди и должностные лица</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="227" />
        <source>Show people and officials</source>
        <translation>Показать людей и должностных лиц</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="230" />
        <source>&amp;Complaints</source>
        <translation>&amp;Жалобы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="231" />
        <source>Show the complaints register</source>
        <translation>Показать реестр жалоб</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="234" />
        <source>&amp;Sources &amp;&amp; Exhibits</source>
        <translation>&amp;Источники и приложения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="235" />
        <source>Show sources and exhibits</source>
        <translation>Показать источники и приложения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="238" />
        <source>Timeline of &amp;all cases</source>
        <translation>Хронология &amp;всех дел</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="239" />
        <source>Show the events of every case in one timeline</source>
        <translation>Показать события всех дел на одной хронологии</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="242" />
        <source>&amp;About Dossier</source>
        <translation>&amp;О программе Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="243" />
        <location filename="../../desktop/ui/main_window.py" line="442" />
        <source>About Dossier</source>
        <translation>О программе Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="143" />
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="214" />
        <source>Locking once the save is done…</source>
        <translation>Блокировка после завершения сохранения…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="247" />
        <source>The vault is locked.</source>
        <translation>Хранилище заблокировано.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="289" />
        <source>Closing once the save is done…</source>
        <translation>Закрытие после завершения сохранения…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="346" />
        <source>Delete the whole case with everything in it? You can undo this.</source>
        <translation>Удалить всё дело со всем содержимым? Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="355" />
        <source>Delete case</source>
        <translation>Удаление дела</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="415" />
        <source>Choose or create a case to import into first.</source>
        <translation>Сначала выберите или создайте дело, в которое импортировать.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="443" />
        <source>Dossier {version}</source>
        <translation>Dossier {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="446" />
        <source>Dossier keeps case files for human-rights advocates in an encrypted vault on this computer.</source>
        <translation>Dossier хранит дела правозащитников в зашифрованном хранилище на этом компьютере.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/ui/messages.py" line="28" />
        <location filename="../../desktop/ui/messages.py" line="43" />
        <location filename="../../desktop/ui/messages.py" line="58" />
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/messages.py" line="44" />
        <source>Sorry, something went wrong inside Dossier. Your saved work is safe. The details were written to the log; please restart the application if it misbehaves.</source>
        <translation>Извините, в Dossier произошла внутренняя ошибка. Сохранённые данные не пострадали. Подробности записаны в журнал; если программа ведёт себя странно, перезапустите её.</translation>
    </message>
</context>
<context>
    <name>OrganisationEditor</name>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="232" />
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="232" />
        <source>New organisation</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="233" />
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="234" />
        <source>Name in &amp;Russian:</source>
        <translation>Название по-&amp;русски:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="235" />
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="238" />
        <source>&amp;Part of:</source>
        <translation>&amp;Входит в:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="238" />
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="268" />
        <source>Edit organisation</source>
        <translation>Изменение организации</translation>
    </message>
</context>
<context>
    <name>OrganisationsDialog</name>
    <message>
        <location filename="../../desktop/ui/people/organisations.py" line="39" />
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/organisations.py" line="41" />
        <source>Organisations of the case</source>
        <translation>Организации по делу</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/organisations.py" line="43" />
        <source>&amp;New…</source>
        <translation>&amp;Новая…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/organisations.py" line="44" />
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/organisations.py" line="45" />
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/organisations.py" line="111" />
        <source>Delete this organisation? You can undo this.</source>
        <translation>Удалить эту организацию? Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/organisations.py" line="112" />
        <source>Delete organisation</source>
        <translation>Удаление организации</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="58" />
        <source>Page thumbnails</source>
        <translation>Миниатюры страниц</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="66" />
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="74" />
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="77" />
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="80" />
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="83" />
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="86" />
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="89" />
        <source>Fit the page to the width</source>
        <translation>Вписать страницу по ширине</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="90" />
        <source>Fit the page to the width of the view</source>
        <translation>Вписать страницу по ширине окна просмотра</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="117" />
        <source>Press Preview to build the pack.</source>
        <translation>Нажмите «Просмотр», чтобы собрать пакет.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/briefing/preview.py" line="273" />
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
</context>
<context>
    <name>PairExportDialog</name>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="33" />
        <source>Pair: this device</source>
        <translation>Сопряжение: это устройство</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="39" />
        <source>Save the pairing file, take it to the other device, and type this code there.</source>
        <translation>Сохраните файл сопряжения, перенесите его на другое устройство и введите там этот код.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="42" />
        <source>Save pairing file…</source>
        <translation>Сохранить файл сопряжения…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="50" />
        <source>The name paired devices show for this one.</source>
        <translation>Имя, под которым это устройство видят сопряжённые устройства.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="51" />
        <source>Device name:</source>
        <translation>Имя устройства:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="52" />
        <source>Fingerprint:</source>
        <translation>Отпечаток:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="62" />
        <source>Save pairing file</source>
        <translation>Сохранить файл сопряжения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="64" />
        <source>Pairing files (*.pairing)</source>
        <translation>Файлы сопряжения (*.pairing)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="76" />
        <source>Saved. The other device must type: %1</source>
        <translation>Сохранено. На другом устройстве нужно ввести: %1</translation>
    </message>
</context>
<context>
    <name>PairImportDialog</name>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="84" />
        <source>Pair with another device</source>
        <translation>Сопряжение с другим устройством</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="89" />
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="93" />
        <source>the code shown on the other device</source>
        <translation>код, показанный на другом устройстве</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="106" />
        <source>Pairing file:</source>
        <translation>Файл сопряжения:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="107" />
        <source>Fingerprint:</source>
        <translation>Отпечаток:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="115" />
        <source>Open pairing file</source>
        <translation>Открыть файл сопряжения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="115" />
        <source>Pairing files (*.pairing)</source>
        <translation>Файлы сопряжения (*.pairing)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/pairing.py" line="122" />
        <source>Choose the other device's pairing file.</source>
        <translation>Выберите файл сопряжения другого устройства.</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <location filename="../../desktop/ui/editors/participants.py" line="44" />
        <source>People in this event</source>
        <translation>Люди в этом событии</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/participants.py" line="50" />
        <source>(person)</source>
        <translation>(лицо)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/participants.py" line="51" />
        <source>Person to add</source>
        <translation>Добавляемое лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/participants.py" line="53" />
        <source>role in the event</source>
        <translation>роль в событии</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/participants.py" line="54" />
        <source>Role in the event</source>
        <translation>Роль в событии</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/participants.py" line="55" />
        <source>&amp;Add person</source>
        <translation>&amp;Добавить лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/participants.py" line="56" />
        <source>Remove &amp;person</source>
        <translation>&amp;Убрать лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/participants.py" line="102" />
        <source>Add person to event</source>
        <translation>Добавление лица в событие</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/participants.py" line="126" />
        <source>Remove person from event</source>
        <translation>Удаление лица из события</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <location filename="../../desktop/ui/vault/passphrase_field.py" line="76" />
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/passphrase_field.py" line="49" />
        <source>Show or hide the passphrase as you type it</source>
        <translation>Показать или скрыть вводимую парольную фразу</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/passphrase_field.py" line="50" />
        <location filename="../../desktop/ui/vault/passphrase_field.py" line="78" />
        <source>Show the passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/passphrase_field.py" line="53" />
        <source>Caps Lock is on.</source>
        <translation>Включён Caps Lock.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/passphrase_field.py" line="76" />
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/passphrase_field.py" line="78" />
        <source>Hide the passphrase</source>
        <translation>Скрыть парольную фразу</translation>
    </message>
</context>
<context>
    <name>PdfPrintout</name>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="75" />
        <source>Printing stopped.</source>
        <translation>Печать остановлена.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="119" />
        <source>No pages were chosen.</source>
        <translation>Не выбрано ни одной страницы.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="125" />
        <source>Saving the pages…</source>
        <translation>Сохранение страниц…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="134" />
        <source>Saved %1 pages to %2.</source>
        <translation>Сохранено страниц: %1, в %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="152" />
        <source>Sending the pages to the printer…</source>
        <translation>Отправка страниц на принтер…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="174" />
        <source>Printing…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="188" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="190" />
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="191" />
        <source>Printing progress</source>
        <translation>Ход печати</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="207" />
        <source>Printing page %1 of %2…</source>
        <translation>Печать страницы %1 из %2…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="214" />
        <source>Sent %1 pages to the printer.</source>
        <translation>Отправлено на принтер страниц: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing/printout.py" line="226" />
        <source>The pages could not be saved to that file.</source>
        <translation>Не удалось сохранить страницы в этот файл.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="95" />
        <source>Filter people (any script)</source>
        <translation>Фильтр людей (любой алфавит)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="96" />
        <source>Filter people</source>
        <translation>Фильтр людей</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="97" />
        <source>People and officials</source>
        <translation>Люди и должностные лица</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="98" />
        <source>New &amp;person…</source>
        <translation>Новое &amp;лицо…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="99" />
        <source>New &amp;organisation…</source>
        <translation>Новая &amp;организация…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="100" />
        <source>Or&amp;ganisations…</source>
        <translation>Списо&amp;к организаций…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="254" />
        <source>Delete this person? You can undo this.</source>
        <translation>Удалить этого человека? Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="255" />
        <source>Delete person</source>
        <translation>Удалить лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="267" />
        <source>Delete this posting? You can undo this.</source>
        <translation>Удалить эту должность? Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/tab.py" line="284" />
        <source>Delete posting</source>
        <translation>Удалить должность</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="73" />
        <source>Person</source>
        <translation>Лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="73" />
        <source>New person</source>
        <translation>Новое лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="74" />
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="76" />
        <source>Other &amp;spellings (one a line):</source>
        <translation>Другие &amp;написания (по одному в строке):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="78" />
        <source>Артём Кузнецов
Artyom Kuznetsov</source>
        <translation>Артём Кузнецов
Artyom Kuznetsov</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="79" />
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="80" />
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="81" />
        <source>&amp;Allegations:</source>
        <translation>&amp;Обвинения:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="83" />
        <source>Only what they are accused of; a briefing pack prints it as allegations</source>
        <translation>Только то, в чём лицо обвиняют; в справке печатается как обвинения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="85" />
        <source>&amp;Protected identity</source>
        <translation>&amp;Защищаемая личность</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="86" />
        <source>C&amp;onfidential</source>
        <translation>Конфи&amp;денциально</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="87" />
        <source>Pho&amp;to:</source>
        <translation>&amp;Фото:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="110" />
        <source>C&amp;hoose picture…</source>
        <translation>В&amp;ыбрать изображение…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="113" />
        <source>&amp;Remove picture</source>
        <translation>&amp;Убрать изображение</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="123" />
        <source>Choose a picture</source>
        <translation>Выберите изображение</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="124" />
        <source>Pictures (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="164" />
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="193" />
        <source>Add person</source>
        <translation>Добавление лица</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/person.py" line="202" />
        <source>Edit person</source>
        <translation>Изменение лица</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="109" />
        <source>&amp;Edit person…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="110" />
        <source>Delete person</source>
        <translation>Удалить лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="111" />
        <source>Po&amp;stings</source>
        <translation>&amp;Должности</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="113" />
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="113" />
        <source>Role</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="113" />
        <source>Rank</source>
        <translation>Звание</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="113" />
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="114" />
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="116" />
        <source>Postings</source>
        <translation>Должности</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="117" />
        <source>Add posti&amp;ng…</source>
        <translation>Добавить долж&amp;ность…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="118" />
        <source>Delete posting</source>
        <translation>Удалить должность</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="119" />
        <source>E&amp;vents they appear in</source>
        <translation>&amp;События с участием</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="120" />
        <source>Events they appear in</source>
        <translation>События с участием</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="121" />
        <source>Complaints a&amp;gainst them</source>
        <translation>&amp;Жалобы на это лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="122" />
        <source>Complaints against them</source>
        <translation>Жалобы на это лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/people/page.py" line="154" />
        <source>Choose a person on the left.</source>
        <translation>Выберите человека слева.</translation>
    </message>
</context>
<context>
    <name>PostingEditor</name>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="40" />
        <source>Posting</source>
        <translation>Должность</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="40" />
        <source>New posting</source>
        <translation>Новая должность</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="44" />
        <source>&amp;Organisation:</source>
        <translation>&amp;Организация:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="45" />
        <source>(choose)</source>
        <translation>(выберите)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="47" />
        <source>&amp;Role:</source>
        <translation>&amp;Должность:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="48" />
        <source>Ran&amp;k:</source>
        <translation>&amp;Звание:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="49" />
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="50" />
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="53" />
        <source>So&amp;urces:</source>
        <translation>Ис&amp;точники:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="90" />
        <source>Add posting</source>
        <translation>Добавление должности</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/posting.py" line="98" />
        <source>Edit posting</source>
        <translation>Изменение должности</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="222" />
        <source>Check before importing</source>
        <translation>Проверьте перед импортом</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="223" />
        <source>Nothing has been written yet. Every row, and what it would do:</source>
        <translation>Пока ничего не записано. Каждая строка и что с ней будет:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="225" />
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="229" />
        <source>Sheet</source>
        <translation>Лист</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="229" />
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="229" />
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="229" />
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="230" />
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="238" />
        <source>Import the &amp;valid rows and leave the refused ones out</source>
        <translation>Импортировать &amp;верные строки, а отклонённые пропустить</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="252" />
        <source>Reading the rows…</source>
        <translation>Чтение строк…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="274" />
        <source>Would be: %1.</source>
        <translation>Будет: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="277" />
        <source>Refused rows are not imported. As it stands nothing is imported: correct the file and go back, or import only the valid rows.</source>
        <translation>Отклонённые строки не импортируются. Сейчас не будет импортировано ничего: исправьте файл и вернитесь назад или импортируйте только верные строки.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../desktop/ui/editors/form.py" line="87" />
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/form.py" line="210" />
        <source>Saving… (waiting for the vault)</source>
        <translation>Сохранение… (ожидание хранилища)</translation>
    </message>
</context>
<context>
    <name>ResponseEditor</name>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="238" />
        <source>New response</source>
        <translation>Новый ответ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="239" />
        <source>&amp;Received:</source>
        <translation>&amp;Получен:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="240" />
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="241" />
        <source>&amp;Summary:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint.py" line="260" />
        <source>Add response</source>
        <translation>Добавление ответа</translation>
    </message>
</context>
<context>
    <name>RestoreKeysDialog</name>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="41" />
        <source>Restore the key files</source>
        <translation>Восстановление файлов ключей</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="45" />
        <source>Type the lines under “Recovery slot” from the emergency kit (or paste them from a scan of its code), then the recovery key printed above them, and choose a new passphrase.</source>
        <translation>Перепечатайте строки под заголовком «Слот восстановления» из аварийного комплекта (или вставьте их из отсканированного кода), затем ключ восстановления, напечатанный над ними, и выберите новый пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="53" />
        <source>Recovery slot from the emergency kit</source>
        <translation>Слот восстановления из аварийного комплекта</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="56" />
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="57" />
        <source>New passphrase</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="58" />
        <source>New passphrase again</source>
        <translation>Новый пароль ещё раз</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="66" />
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="68" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="75" />
        <source>Recovery slot:</source>
        <translation>Слот восстановления:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="78" />
        <source>Recovery key:</source>
        <translation>Ключ восстановления:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="79" />
        <source>New passphrase:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="80" />
        <source>New passphrase again:</source>
        <translation>Новый пароль ещё раз:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="99" />
        <source>Type the recovery slot and the recovery key.</source>
        <translation>Введите слот восстановления и ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/restore.py" line="102" />
        <source>The two passphrases differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="296" />
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="298" />
        <source>Import progress</source>
        <translation>Ход импорта</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="311" />
        <source>Writing to the vault…</source>
        <translation>Запись в хранилище…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="323" />
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="325" />
        <source>Imported: %1. Edit → Undo takes the whole import back.</source>
        <translation>Импортировано: %1. Правка → Отменить отменяет весь импорт.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="331" />
        <source>Not imported</source>
        <translation>Не импортировано</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../desktop/ui/search.py" line="137" />
        <location filename="../../desktop/ui/search.py" line="141" />
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search.py" line="139" />
        <source>Search names (any script), events, complaints, sources…</source>
        <translation>Поиск по именам (любой алфавит), событиям, жалобам, источникам…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search.py" line="142" />
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search.py" line="151" />
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search.py" line="152" />
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search.py" line="153" />
        <source>Complaints</source>
        <translation>Жалобы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search.py" line="154" />
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search.py" line="155" />
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search.py" line="188" />
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n результат</numerusform>
            <numerusform>%n результата</numerusform>
            <numerusform>%n результатов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search.py" line="190" />
        <source>No exact match; similar names below.</source>
        <translation>Точных совпадений нет; ниже — похожие имена.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search.py" line="192" />
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search.py" line="198" />
        <source>Similar names (%n)</source>
        <translation>
            <numerusform>Похожие имена (%n)</numerusform>
            <numerusform>Похожие имена (%n)</numerusform>
            <numerusform>Похожие имена (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="85" />
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="86" />
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="87" />
        <source>&amp;Lock after idle minutes (0 = never):</source>
        <translation>&amp;Блокировать после минут бездействия (0 — никогда):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="88" />
        <source>&amp;Remember this vault on this computer (OS keyring)</source>
        <translation>&amp;Запомнить это хранилище на этом компьютере (связка ключей ОС)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="91" />
        <source>With this on, anyone holding this laptop while you are logged in can open the vault without the passphrase.</source>
        <translation>Если это включено, любой, у кого окажется этот ноутбук, пока вы вошли в систему, откроет хранилище без парольной фразы.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="95" />
        <source>Vault folder:</source>
        <translation>Папка хранилища:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="96" />
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="97" />
        <source>Auto-lock minutes</source>
        <translation>Минуты до автоблокировки</translation>
    </message>
</context>
<context>
    <name>SheetImportWizard</name>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="55" />
        <source>new</source>
        <translation>новая</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="56" />
        <source>matched</source>
        <translation>сопоставлено</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="57" />
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="58" />
        <source>refused</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="65" />
        <source>%1 new, %2 unchanged, %3 refused</source>
        <translation>новых: %1, без изменений: %2, отклонено: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="354" />
        <location filename="../../desktop/ui/sheet/wizard.py" line="428" />
        <source>Import spreadsheet</source>
        <translation>Импорт таблицы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="395" />
        <source>Two of the files hold the sheet %1.</source>
        <translation>Лист %1 есть в двух файлах.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="450" />
        <source>Save spreadsheet template</source>
        <translation>Сохранить шаблон таблицы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sheet/wizard.py" line="452" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>SourceEditor</name>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="45" />
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="45" />
        <source>New source</source>
        <translation>Новый источник</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="46" />
        <source>&amp;Label:</source>
        <translation>&amp;Метка:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="47" />
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="49" />
        <source>Translat&amp;ion:</source>
        <translation>Пер&amp;евод:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="51" />
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="52" />
        <source>&amp;Author:</source>
        <translation>&amp;Автор:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="53" />
        <source>&amp;Publisher:</source>
        <translation>&amp;Издатель:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="54" />
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="55" />
        <source>La&amp;nguage:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="57" />
        <source>&amp;Reliability:</source>
        <translation>&amp;Достоверность:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="59" />
        <source>&amp;URL (never opened):</source>
        <translation>&amp;URL (никогда не открывается):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="60" />
        <source>C&amp;onfidential</source>
        <translation>Конфи&amp;денциально</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="104" />
        <source>Add source</source>
        <translation>Добавление источника</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/source.py" line="113" />
        <source>Edit source</source>
        <translation>Изменение источника</translation>
    </message>
</context>
<context>
    <name>SourcesTab</name>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="139" />
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="139" />
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="139" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="139" />
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="140" />
        <source>Reliability</source>
        <translation>Достоверность</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="142" />
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="143" />
        <source>&amp;New source…</source>
        <translation>&amp;Новый источник…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="144" />
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="145" />
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="146" />
        <source>Attached &amp;files</source>
        <translation>Вложенные &amp;файлы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="147" />
        <source>Attached files</source>
        <translation>Вложенные файлы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="148" />
        <source>&amp;Attach file…</source>
        <translation>&amp;Вложить файл…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="149" />
        <source>&amp;Save a copy…</source>
        <translation>&amp;Сохранить копию…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="150" />
        <source>Drop files here to attach them to the chosen source.</source>
        <translation>Перетащите сюда файлы, чтобы вложить их в выбранный источник.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="293" />
        <source>Delete this source? You can undo this.</source>
        <translation>Удалить этот источник? Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="294" />
        <source>Delete source</source>
        <translation>Удаление источника</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="307" />
        <source>Attach files</source>
        <translation>Вложить файлы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="357" />
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sources/tab.py" line="375" />
        <source>The copy could not be saved there.</source>
        <translation>Не удалось сохранить копию в этом месте.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="53" />
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="58" />
        <source>Drive</source>
        <translation>Накопитель</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="63" />
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="64" />
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="78" />
        <source>removable</source>
        <translation>съёмный</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="78" />
        <source>disk</source>
        <translation>диск</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="83" />
        <source>%1 (%2, %3 free)</source>
        <translation>%1 (%2, свободно %3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="87" />
        <source>Choose folder…</source>
        <translation>Выбрать папку…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="89" />
        <source>Export changes</source>
        <translation>Выгрузить изменения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="92" />
        <source>Import bundles</source>
        <translation>Загрузить пакеты</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="98" />
        <source>Choose a drive or a folder, then export or import.</source>
        <translation>Выберите накопитель или папку, затем выгрузите или загрузите изменения.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="107" />
        <source>Drives (removable first):</source>
        <translation>Накопители (сначала съёмные):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="115" />
        <source>Choose a folder</source>
        <translation>Выберите папку</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="133" />
        <source>Choose a drive or a folder first.</source>
        <translation>Сначала выберите накопитель или папку.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="153" />
        <source>Sorry, something went wrong; nothing was changed.</source>
        <translation>Произошла ошибка; ничего не изменено.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="163" />
        <source>The bundle on the drive is incomplete or damaged; export again on the sending device.</source>
        <translation>Пакет на носителе неполный или повреждён; экспортируйте его заново на отправляющем устройстве.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="167" />
        <source>Do not use this file; ask the sender to export a new bundle.</source>
        <translation>Не используйте этот файл; попросите отправителя экспортировать новый пакет.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="170" />
        <source>Pair this device with the sender (Devices tab), then export again there.</source>
        <translation>Свяжите это устройство с отправителем (вкладка «Устройства»), затем повторите экспорт на нём.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="172" />
        <source>Update Dossier on this device, then import again.</source>
        <translation>Обновите Dossier на этом устройстве и повторите импорт.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="174" />
        <source>Free some space on the drive or choose another one, then export again.</source>
        <translation>Освободите место на носителе или выберите другой, затем повторите экспорт.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="177" />
        <source>Make the drive writable (check its lock switch) or choose another folder, then export again.</source>
        <translation>Разрешите запись на носитель (проверьте переключатель защиты) или выберите другую папку, затем повторите экспорт.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="181" />
        <source>Plug the drive in again (or use another one), then try again.</source>
        <translation>Подключите носитель снова (или используйте другой) и повторите попытку.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="184" />
        <source>Free some space on this computer's disk, then import again.</source>
        <translation>Освободите место на диске этого компьютера и повторите импорт.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="187" />
        <source>Send that attachment another way, or export with a larger bundle size.</source>
        <translation>Передайте это вложение другим способом или экспортируйте с большим размером пакета.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="200" />
        <source>Wrote %1 changes and %2 attachments for %3 in %4 bundles.</source>
        <translation>Записано изменений: %1, вложений: %2, для: %3, в пакетах: %4.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="203" />
        <source>Wrote %1 changes and %2 attachments for %3.</source>
        <translation>Записано изменений: %1, вложений: %2 для %3.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="217" />
        <source>Imported %1 bundles: %2 new, %3 updated, %4 deleted, %5 in conflict.</source>
        <translation>Загружено пакетов: %1; новых записей: %2, изменённых: %3, удалённых: %4, в конфликте: %5.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="222" />
        <source>From: %1</source>
        <translation>От: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="224" />
        <source>No bundles for this device there.</source>
        <translation>Там нет пакетов для этого устройства.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="228" />
        <source>Refused %1: %2</source>
        <translation>Отклонён %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="234" />
        <source>An unfinished bundle from an interrupted export is on the drive; export again on the sending device (that also removes it).</source>
        <translation>На носителе лежит незавершённый пакет от прерванного экспорта; повторите экспорт на отправляющем устройстве (это его удалит).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="249" />
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="249" />
        <source>Fingerprint</source>
        <translation>Отпечаток</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="249" />
        <source>Paired</source>
        <translation>Сопряжено</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="249" />
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="251" />
        <source>Pair with a device…</source>
        <translation>Сопрячь с устройством…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="253" />
        <source>This device's pairing file…</source>
        <translation>Файл сопряжения этого устройства…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="255" />
        <source>Unpair</source>
        <translation>Отменить сопряжение</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="260" />
        <source>Rename this device…</source>
        <translation>Переименовать это устройство…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="278" />
        <source>This device: %1</source>
        <translation>Это устройство: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="284" />
        <source>Rename this device</source>
        <translation>Переименование устройства</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="285" />
        <source>The name paired devices show for this one (after your next export):</source>
        <translation>Имя, под которым это устройство увидят сопряжённые устройства (после следующего экспорта):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="310" />
        <source>unpaired</source>
        <translation>сопряжение отменено</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sync/dialog.py" line="310" />
        <source>paired</source>
        <translation>сопряжено</translation>
    </message>
</context>
<context>
    <name>TagChip</name>
    <message>
        <location filename="../../desktop/ui/editors/tags.py" line="46" />
        <source>Remove the tag “%1”</source>
        <translation>Снять метку «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/tags.py" line="47" />
        <source>Tag %1, press to remove</source>
        <translation>Метка %1, нажмите, чтобы снять</translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message>
        <location filename="../../desktop/ui/editors/tags.py" line="73" />
        <source>No tags</source>
        <translation>Меток нет</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/tags.py" line="78" />
        <source>Tag to add</source>
        <translation>Добавляемая метка</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/tags.py" line="81" />
        <source>tag name (new or existing)</source>
        <translation>название метки (новой или существующей)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/tags.py" line="83" />
        <source>Add ta&amp;g</source>
        <translation>Добавить мет&amp;ку</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/tags.py" line="148" />
        <source>Add tag</source>
        <translation>Добавить метку</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/tags.py" line="180" />
        <source>Remove tag</source>
        <translation>Снять метку</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="69" />
        <source>Against</source>
        <translation>Против кого</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="70" />
        <source>(person)</source>
        <translation>(лицо)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="71" />
        <source>Person the complaint is against</source>
        <translation>Лицо, на которое подана жалоба</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="72" />
        <source>(organisation)</source>
        <translation>(организация)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="73" />
        <source>Organisation the complaint is against</source>
        <translation>Организация, на которую подана жалоба</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="80" />
        <source>or describe (e.g. unknown officers)</source>
        <translation>или опишите (например, неустановленные сотрудники)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="81" />
        <source>Description of whom it is against</source>
        <translation>Описание того, на кого подана жалоба</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="82" />
        <source>Add &amp;party</source>
        <translation>Добавить &amp;сторону</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="83" />
        <source>Remove part&amp;y</source>
        <translation>Убрать сторо&amp;ну</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="139" />
        <source>Choose a person or an organisation, or describe whom.</source>
        <translation>Выберите лицо или организацию либо опишите, на кого жалоба.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="160" />
        <source>Add whom the complaint is against</source>
        <translation>Добавить того, на кого подана жалоба</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="181" />
        <source>A complaint is against someone: add the other party first.</source>
        <translation>Жалоба всегда на кого-то: сначала добавьте другую сторону.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/complaint_links.py" line="191" />
        <source>Remove whom the complaint is against</source>
        <translation>Убрать того, на кого подана жалоба</translation>
    </message>
</context>
<context>
    <name>TimelineBand</name>
    <message>
        <location filename="../../desktop/ui/timeline/band.py" line="89" />
        <source>Timeline band</source>
        <translation>Лента времени</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/band.py" line="91" />
        <source>Ctrl+wheel or plus and minus zoom; drag or arrow keys move; Home shows all.</source>
        <translation>Ctrl+колесо или плюс и минус — масштаб; перетаскивание или стрелки — сдвиг; Home — показать всё.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/band.py" line="423" />
        <source>Complaint: %1</source>
        <translation>Жалоба: %1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../desktop/ui/timeline/model.py" line="239" />
        <location filename="../../desktop/ui/timeline/model.py" line="301" />
        <source>Key fact</source>
        <translation>Ключевой факт</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/model.py" line="244" />
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/model.py" line="245" />
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/model.py" line="246" />
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/model.py" line="247" />
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/model.py" line="248" />
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/model.py" line="249" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/model.py" line="250" />
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/model.py" line="273" />
        <source>(removed)</source>
        <translation>(удалено)</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="274" />
        <source>Type a second letter to find events in every case.</source>
        <translation>Введите вторую букву, чтобы искать события во всех делах.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="283" />
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline/panel.py" line="297" />
        <source>Loading… the first %n event(s) shown</source>
        <translation>
            <numerusform>Загрузка… показано первое %n событие</numerusform>
            <numerusform>Загрузка… показаны первые %n события</numerusform>
            <numerusform>Загрузка… показаны первые %n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline/panel.py" line="308" />
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n событие</numerusform>
            <numerusform>%n события</numerusform>
            <numerusform>%n событий</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="339" />
        <source>The timeline could not be loaded.</source>
        <translation>Не удалось загрузить хронологию.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="372" />
        <source>Facts are reordered within their case: drag them in the case's own timeline.</source>
        <translation>Факты упорядочиваются внутри своего дела: перетаскивайте их в хронологии самого дела.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="379" />
        <source>Only facts of the same date can be reordered; change the date instead.</source>
        <translation>Менять порядок можно только у фактов с одной датой; чтобы перенести факт на другую дату, измените дату.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="389" />
        <source>Move event</source>
        <translation>Переместить событие</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="398" />
        <location filename="../../desktop/ui/timeline/panel.py" line="418" />
        <source>Delete event</source>
        <translation>Удаление события</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="399" />
        <source>Delete the event “%1”?</source>
        <translation>Удалить событие «%1»?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="433" />
        <source>Key fact</source>
        <translation>Ключевой факт</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/panel.py" line="437" />
        <source>Timeline events</source>
        <translation>События хронологии</translation>
    </message>
</context>
<context>
    <name>TranslationBox</name>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="46" />
        <source>Text above: by script</source>
        <translation>Текст выше: язык по алфавиту</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="47" />
        <source>Text above: English</source>
        <translation>Текст выше: английский</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="48" />
        <source>Text above: Russian</source>
        <translation>Текст выше: русский</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="49" />
        <source>The language the title and description above are in</source>
        <translation>Язык, на котором написаны название и описание выше</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="87" />
        <source>Subject in Russian</source>
        <translation>Предмет на русском</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="87" />
        <source>Subject in English</source>
        <translation>Предмет на английском</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="89" />
        <source>Title in Russian</source>
        <translation>Название на русском</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="89" />
        <source>Title in English</source>
        <translation>Название на английском</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="94" />
        <source>Summary in Russian</source>
        <translation>Краткое изложение на русском</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="94" />
        <source>Summary in English</source>
        <translation>Краткое изложение на английском</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="97" />
        <source>Description in Russian</source>
        <translation>Описание на русском</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editors/translation.py" line="99" />
        <source>Description in English</source>
        <translation>Описание на английском</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="53" />
        <source>Unlock the vault</source>
        <translation>Разблокировка хранилища</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="57" />
        <location filename="../../desktop/ui/vault/unlock.py" line="141" />
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="65" />
        <source>Unlocking</source>
        <translation>Разблокировка</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="70" />
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="72" />
        <location filename="../../desktop/ui/vault/unlock.py" line="142" />
        <source>Use &amp;recovery key</source>
        <translation>Ключ &amp;восстановления</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="73" />
        <source>Unlock with this &amp;computer's keyring</source>
        <translation>Связка ключей этого &amp;компьютера</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="75" />
        <source>Restore from &amp;emergency kit…</source>
        <translation>Восстановить из &amp;аварийного комплекта…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="77" />
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="78" />
        <source>Vault: %1</source>
        <translation>Хранилище: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="111" />
        <source>The vault's key files are missing. Restore them from the emergency kit: choose “Restore from emergency kit…” and type the recovery slot and the recovery key printed on it.</source>
        <translation>Файлы ключей хранилища отсутствуют. Восстановите их из аварийного комплекта: выберите «Восстановить из аварийного комплекта…» и введите напечатанные в нём слот восстановления и ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="117" />
        <source>The vault's key files are damaged. Restore them from the emergency kit: choose “Restore from emergency kit…” and type the recovery slot and the recovery key printed on it.</source>
        <translation>Файлы ключей хранилища повреждены. Восстановите их из аварийного комплекта: выберите «Восстановить из аварийного комплекта…» и введите напечатанные в нём слот восстановления и ключ восстановления.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="136" />
        <source>&amp;Recovery key (32 letters and digits):</source>
        <translation>&amp;Ключ восстановления (32 буквы и цифры):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="137" />
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="138" />
        <source>Use &amp;passphrase</source>
        <translation>&amp;Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="140" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="196" />
        <source>Keeping a copy of the vault before upgrading it to this version…</source>
        <translation>Сохраняется копия хранилища перед обновлением до этой версии…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="198" />
        <source>Upgrading the vault to this version of Dossier…</source>
        <translation>Хранилище обновляется до этой версии Dossier…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/vault/unlock.py" line="200" />
        <source>Rebuilding the search index: %1 of %Ln record(s)</source>
        <translation>
            <numerusform>Перестраивается поисковый указатель: %1 из %Ln записи</numerusform>
            <numerusform>Перестраивается поисковый указатель: %1 из %Ln записей</numerusform>
            <numerusform>Перестраивается поисковый указатель: %1 из %Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/unlock.py" line="234" />
        <source>&amp;Continue</source>
        <translation>&amp;Продолжить</translation>
    </message>
</context>
<context>
    <name>VaultStatusBar</name>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="46" />
        <source>Unlocked</source>
        <translation>Разблокировано</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="46" />
        <source>Locked</source>
        <translation>Заблокировано</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="48" />
        <source>Vault: %1</source>
        <translation>Хранилище: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="52" />
        <source>%1 events · %2 people · %3 complaints · %4 sources</source>
        <translation>событий: %1 · людей: %2 · жалоб: %3 · источников: %4</translation>
    </message>
</context>
<context>
    <name>VaultTimelineWindow</name>
    <message>
        <location filename="../../desktop/ui/timeline/vault_window.py" line="69" />
        <source>Timeline of all cases — Dossier</source>
        <translation>Хронология всех дел — Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/vault_window.py" line="70" />
        <source>&amp;Timeline</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/vault_window.py" line="71" />
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline/vault_window.py" line="73" />
        <source>Events of every case. Open an event with a double-click or Enter; new events are made in a case.</source>
        <translation>События всех дел. Событие открывается двойным щелчком или клавишей Enter; новые события создаются в деле.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../desktop/ui/vault/welcome.py" line="17" />
        <source>Welcome to Dossier</source>
        <translation>Добро пожаловать в Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/welcome.py" line="19" />
        <source>&lt;h2&gt;Welcome to Dossier&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Добро пожаловать в Dossier&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/welcome.py" line="22" />
        <source>Dossier keeps case files — timelines, officials, complaints and sources — in an encrypted vault on this computer. Nothing leaves it unless you export it.</source>
        <translation>Dossier хранит дела — хронологии, должностных лиц, жалобы и источники — в зашифрованном хранилище на этом компьютере. Ничего не покидает его, пока вы сами это не экспортируете.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/welcome.py" line="29" />
        <source>&amp;Create a new vault…</source>
        <translation>&amp;Создать новое хранилище…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/vault/welcome.py" line="30" />
        <source>Open the &amp;demo case</source>
        <translation>Открыть &amp;демонстрационное дело</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="114" />
        <source>&amp;Timeline</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="115" />
        <source>&amp;People &amp;&amp; Officials</source>
        <translation>&amp;Люди и должностные лица</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="116" />
        <source>Co&amp;mplaints</source>
        <translation>&amp;Жалобы</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="117" />
        <source>&amp;Sources &amp;&amp; Exhibits</source>
        <translation>&amp;Источники и приложения</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="120" />
        <source>Sample data compiled from public reports: verify every fact against its source before any use.</source>
        <translation>Демонстрационные данные из открытых источников: перед любым использованием проверьте каждый факт по его источнику.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="153" />
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="157" />
        <source>Events, people, complaints and sources belong to a case, and this vault has none yet. Create a case first.</source>
        <translation>События, люди, жалобы и источники относятся к делу, а в этом хранилище дел ещё нет. Сначала создайте дело.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="161" />
        <source>&amp;New case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="166" />
        <source>Choose a case in the list on the left first: new records go into it.</source>
        <translation>Сначала выберите дело в списке слева: новые записи попадут в него.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="231" />
        <source>Delete this event? You can undo this.</source>
        <translation>Удалить это событие? Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace.py" line="232" />
        <source>Delete event</source>
        <translation>Удаление события</translation>
    </message>
</context>
</TS>