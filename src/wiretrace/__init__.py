"""wiretrace: clean, provenance-aware article records from news pages."""

__version__ = "0.1.0"

from wiretrace.record import Article, Boilerplate, Image, Page, RelatedLink  # noqa: E402

__all__ = ["Article", "Boilerplate", "Image", "Page", "RelatedLink", "__version__", "extract"]


def extract(content: str, *, source: str = "<string>", url: str | None = None, mode: str = "auto") -> Article:
    """Extract one page given as a string (HTML or a plain-text dump)."""
    from wiretrace.extract import ExtractConfig, extract_page

    return extract_page(Page(source=source, content=content, url=url), ExtractConfig(mode=mode))
