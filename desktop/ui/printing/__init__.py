"""Printing a PDF held in memory: to the system print service, to a file, or page images."""
