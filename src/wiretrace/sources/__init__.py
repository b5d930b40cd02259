"""Readers: turn files, directories, gzip files and stdin into :class:`wiretrace.record.Page`."""

from wiretrace.sources.files import InputError, iter_pages, iter_paths, read_page
from wiretrace.sources.decode import decode_bytes

__all__ = ["InputError", "decode_bytes", "iter_pages", "iter_paths", "read_page"]
