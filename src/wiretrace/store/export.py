"""Export formats for stored records: JSON Lines, Parquet, IPTC ninjs and schema.org JSON-LD.

An export record (:meth:`wiretrace.store.Store.iter_records`) is the article record plus
``id`` (the input's own id when it had one, else the store id), ``store_id``, ``version``,
``origin``, ``content_hash``, ``story_id``, ``syndication_group``, ``wire``, ``entities``,
``attributions`` and ``claims`` (empty lists until the analysis stages fill them).

Every writer streams: Parquet is written in row groups of :data:`PARQUET_BATCH` records.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from wiretrace.extract.wire import RELEASE_SERVICES
from wiretrace.formats import dumps, to_ninjs
from wiretrace.record import Article, Boilerplate, Image, RelatedLink

FORMATS = ("jsonl", "parquet", "ninjs", "schemaorg")

PARQUET_BATCH = 1000

#: Export keys that are not article-record fields, in column order for Parquet.
STORE_KEYS = ("store_id", "version", "is_current", "input_id", "origin", "content_hash", "ingested_at",
              "story_id", "syndication_group", "entities", "attributions", "claims")
#: Keys whose items are free-form dicts (written as JSON text in Parquet).
JSON_KEYS = ("entities", "attributions", "claims")


# --- line formats ----------------------------------------------------------------------------------------

def to_ninjs_item(record: dict[str, Any]) -> dict[str, Any]:
    """The record as an IPTC ninjs 3.0 item, with the store's id among its alternative ids."""
    try:
        article = Article.from_dict(record)
    except TypeError:  # analysis items of another shape than the record's dataclasses
        article = Article.from_dict({k: v for k, v in record.items() if k not in JSON_KEYS})
    item = to_ninjs(article)
    item.setdefault("altids", []).append({"role": "wiretrace", "value": str(record["id"])})
    return item


def _claim_review(review: dict[str, Any]) -> dict[str, Any]:
    """A record's fact-check as the schema.org ClaimReview it was read from."""
    doc: dict[str, Any] = {"@type": "ClaimReview"}
    if review.get("claim"):
        doc["claimReviewed"] = review["claim"]
    if review.get("rating"):
        doc["reviewRating"] = {"@type": "Rating", "alternateName": review["rating"]}
    if review.get("rated_by"):
        doc["author"] = {"@type": "Organization", "name": review["rated_by"]}
    if review.get("claimant"):
        doc["itemReviewed"] = {"@type": "Claim", "author": {"@type": "Thing", "name": review["claimant"]}}
    if review.get("date"):
        doc["datePublished"] = review["date"]
    if review.get("url"):
        doc["url"] = review["url"]
    return doc


def to_schemaorg(record: dict[str, Any]) -> dict[str, Any]:
    """The record as a schema.org ``NewsArticle`` in JSON-LD."""
    doc: dict[str, Any] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    if record.get("url"):
        doc["@id"] = doc["url"] = record["url"]
    doc["identifier"] = str(record["id"])
    simple = (("headline", "headline"), ("dek", "description"), ("published", "datePublished"),
              ("updated", "dateModified"), ("language", "inLanguage"), ("section", "articleSection"))
    for key, name in simple:
        if record.get(key):
            doc[name] = record[key]
    body = record.get("body") or []
    if body:
        doc["articleBody"] = "\n\n".join(body)
        doc["wordCount"] = sum(len(p.split()) for p in body)
    if record.get("authors"):
        doc["author"] = [{"@type": "Person", "name": name} for name in record["authors"]]
    if record.get("publisher"):
        doc["publisher"] = {"@type": "Organization", "name": record["publisher"]}
    if record.get("wire") in RELEASE_SERVICES:  # a company's release: its distributor is no newsroom
        doc["sourceOrganization"] = {"@type": "Organization", "name": record["wire"]}
        doc["genre"] = "Press release"
    elif record.get("wire"):
        doc["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": record["wire"]}
    if record.get("tags"):
        doc["keywords"] = list(record["tags"])
    images = [{"@type": "ImageObject", "url": i["url"],
               **({"caption": i["caption"]} if i.get("caption") else {}),
               **({"creditText": i["credit"]} if i.get("credit") else {})}
              for i in record.get("images") or [] if i.get("url")]
    if images:
        doc["image"] = images
    if record.get("reading_time_minutes"):
        doc["timeRequired"] = f"PT{int(record['reading_time_minutes'])}M"
    if record.get("corrections"):
        doc["correction"] = [{"@type": "CorrectionComment", "text": note} for note in record["corrections"]]
    if record.get("claim_reviews"):
        doc["review"] = [_claim_review(review) for review in record["claim_reviews"]]
    mentions = [{"@type": "Thing", "name": e.get("name") or e.get("text")} for e in record.get("entities") or []
                if e.get("name") or e.get("text")]
    if mentions:
        doc["mentions"] = mentions
    if record.get("story_id"):
        doc["isPartOf"] = {"@type": "CreativeWork", "identifier": record["story_id"]}
    return doc


LINE_FORMATS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "jsonl": lambda record: record,
    "ninjs": to_ninjs_item,
    "schemaorg": to_schemaorg,
}


def write_lines(records: Iterable[dict[str, Any]], out: IO[str], fmt: str) -> int:
    convert = LINE_FORMATS[fmt]
    count = 0
    for record in records:
        out.write(dumps(convert(record)) + "\n")
        count += 1
    out.flush()
    return count


# --- Parquet -------------------------------------------------------------------------------------------------

def _struct(cls: type) -> Any:
    import pyarrow as pa

    return pa.struct([(f.name, pa.string()) for f in dataclasses.fields(cls)])


def parquet_schema() -> Any:
    """Columns: ``id``, every article-record field, then the :data:`STORE_KEYS` the record lacks.

    ``entities``, ``attributions``, ``claims`` and record fields of a type this does not know
    (added to the record later) are JSON text, marked ``encoding: json`` in the field metadata.
    """
    import pyarrow as pa

    nested = {"Image": _struct(Image), "RelatedLink": _struct(RelatedLink), "Boilerplate": _struct(Boilerplate)}
    simple = {"str": pa.string(), "str|None": pa.string(), "InputKind": pa.string(), "bool": pa.bool_(),
              "int": pa.int64(), "int|None": pa.int64(), "float": pa.float64(), "float|None": pa.float64(),
              "list[str]": pa.list_(pa.string())}
    origin = pa.struct([("file", pa.string()), ("offset", pa.int64()), ("line", pa.int64()), ("item", pa.int64())])
    store_types = {"store_id": pa.int64(), "version": pa.int64(), "is_current": pa.bool_(), "origin": origin}

    def json_field(name: str) -> Any:
        return pa.field(name, pa.string(), metadata={"encoding": "json"})

    columns = [pa.field("id", pa.string())]
    for f in dataclasses.fields(Article):
        kind = str(f.type).replace(" ", "")
        if f.name in JSON_KEYS:
            columns.append(json_field(f.name))
        elif kind in simple:
            columns.append(pa.field(f.name, simple[kind]))
        elif kind.startswith("list[") and kind[5:-1] in nested:
            columns.append(pa.field(f.name, pa.list_(nested[kind[5:-1]])))
        else:
            columns.append(json_field(f.name))
    known = {c.name for c in columns}
    for key in STORE_KEYS:
        if key not in known:
            columns.append(json_field(key) if key in JSON_KEYS else pa.field(key, store_types.get(key, pa.string())))
    return pa.schema(columns)


def _parquet_row(record: dict[str, Any], json_columns: set[str], names: list[str]) -> dict[str, Any]:
    row = {}
    for name in names:
        value = record.get(name)
        row[name] = json.dumps(value, ensure_ascii=False) if name in json_columns and value is not None else value
    return row


def write_parquet(records: Iterable[dict[str, Any]], path: str, batch: int = PARQUET_BATCH) -> int:
    """Write ``records`` to a Parquet file at ``path``, ``batch`` records per row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    names = schema.names
    json_columns = {f.name for f in schema if (f.metadata or {}).get(b"encoding") == b"json"}
    count = 0
    rows: list[dict[str, Any]] = []
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for record in records:
            rows.append(_parquet_row(record, json_columns, names))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count += len(rows)
                rows.clear()
        if rows or count == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count


def read_parquet(path: str) -> list[dict[str, Any]]:
    """Records from a Parquet export, JSON columns decoded (for tests and small files)."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    json_columns = {f.name for f in table.schema if (f.metadata or {}).get(b"encoding") == b"json"}
    records = table.to_pylist()
    for record in records:
        for name in json_columns:
            if record.get(name) is not None:
                record[name] = json.loads(record[name])
    return records
