"""The spreadsheet import wizard and the template file dialog."""
