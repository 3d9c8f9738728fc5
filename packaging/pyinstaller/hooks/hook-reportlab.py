"""reportlab: its data files (standard font metrics, rl_settings) and by-name font modules.

The equivalent of `--collect-data reportlab`; the font-data modules (_fontdata_enc_*,
_fontdata_widths_*) are imported by name when a standard font is first measured.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("reportlab")
hiddenimports = [*collect_submodules("reportlab.pdfbase"), "reportlab.rl_settings"]
