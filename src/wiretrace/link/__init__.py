"""Linking articles across outlets: pure functions over :class:`~wiretrace.record.Article` records.

* :mod:`wiretrace.link.syndication`: copies of one wire story (truncated, re-headlined, updated)
  grouped by MinHash LSH candidates and shingle containment, with the group's agency, earliest
  appearance and per-copy diffs (:func:`~wiretrace.link.syndication.link_syndication`).
* :mod:`wiretrace.link.stories`: articles about one event across outlets and days, clustered
  incrementally in date order (:class:`~wiretrace.link.stories.StoryLinker`).
* :mod:`wiretrace.link.shingles` and :mod:`wiretrace.link.lsh`: shingles, datasketch MinHash
  signatures, and LSH band buckets that spill to disk for corpora larger than memory.

Records may be ``Article`` objects or their ``to_dict()`` form; the caller does all I/O.
"""

from wiretrace.link.stories import StoriesConfig, StoryLinker, cluster_stories
from wiretrace.link.syndication import SyndicationConfig, link_stream, link_syndication

__all__ = ["StoriesConfig", "StoryLinker", "SyndicationConfig", "cluster_stories", "link_stream", "link_syndication"]
