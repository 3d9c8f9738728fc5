"""anyascii: its transliteration tables are data files read by code point block."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("anyascii")
