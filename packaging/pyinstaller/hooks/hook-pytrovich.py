"""pytrovich: the declension rules of Russian personal names ship as data files."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("pytrovich")
