"""wiretrace: clean, provenance-aware article records from news pages."""

__version__ = "0.1.0"

from wiretrace.record import Article, Boilerplate, Image, Page, RelatedLink  # noqa: E402

# ``wiretrace.extract`` names both the subpackage and the function below. Loading a subpackage
# for the first time sets it as an attribute of its parent, so a first ``import
# wiretrace.extract...`` anywhere later would replace the function with the module. Loading it
# here, before the function is defined, makes every later import find it already loaded, and the
# function keeps the name. ``from wiretrace.extract import ...`` is unaffected: it reads
# sys.modules, not this attribute.
from wiretrace.extract import ExtractConfig as _ExtractConfig  # noqa: E402
from wiretrace.extract import extract_page as _extract_page  # noqa: E402

__all__ = ["Article", "Boilerplate", "Image", "Page", "RelatedLink", "__version__", "extract"]


def extract(content: str, *, source: str = "<string>", url: str | None = None, mode: str = "auto") -> Article:
    """Extract one page given as a string (HTML or a plain-text dump)."""
    return _extract_page(Page(source=source, content=content, url=url), _ExtractConfig(mode=mode))
