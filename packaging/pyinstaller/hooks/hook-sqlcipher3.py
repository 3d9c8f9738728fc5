"""SQLCipher: the wheel's extension module bundles SQLCipher 4 and OpenSSL's crypto.

SQLAlchemy's pysqlcipher dialect can also import the module by name, so the DB-API
module is declared here rather than trusted to static analysis.
"""

from PyInstaller.utils.hooks import collect_dynamic_libs

hiddenimports = ["sqlcipher3.dbapi2", "sqlcipher3._sqlite3"]
binaries = collect_dynamic_libs("sqlcipher3")
