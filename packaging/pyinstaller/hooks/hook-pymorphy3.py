"""pymorphy3: finds its Russian dictionary through an entry point and reads it from files.

The dictionary package's metadata carries the entry point (`pymorphy3_dicts`), so it is
copied along with the data files; without it the analyser reports "no dictionary".
"""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = [
    *collect_data_files("pymorphy3"),
    *collect_data_files("pymorphy3_dicts_ru"),
    *copy_metadata("pymorphy3_dicts_ru"),
    *copy_metadata("pymorphy3"),
]
hiddenimports = ["pymorphy3_dicts_ru"]
