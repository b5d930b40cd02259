from __future__ import annotations

import numpy as np
import pytest

from tests.link.fixtures import WIRE_BODY, staff_story, truncated_copy, updated_copy, wire_original
from wiretrace.link.lsh import BandBuckets, band_keys, lsh_params
from wiretrace.link.shingles import containment, jaccard, shingle_hashes, signature, signatures
from wiretrace.link.syndication import (SyndicationConfig, body_hashes, candidate_pairs, diff_copy, earliest,
                                        evidence_kind, link_stream, link_syndication, parse_time)
from wiretrace.record import Article


@pytest.fixture()
def corpus():
    return {"orig": wire_original(), "short": truncated_copy(), "update": updated_copy(), "staff": staff_story()}


def _group_of(result, ident):
    return next(g for g in result.groups if ident in g.members)


def test_copies_grouped_and_staff_story_alone(corpus):
    result = link_syndication(corpus)
    group = _group_of(result, "orig")
    assert sorted(group.members) == ["orig", "short", "update"]
    assert _group_of(result, "staff").members == ["staff"]
    assert result.stats["multi_page_groups"] == 1


def test_agency_fills_copy_that_lost_its_credit(corpus):
    result = link_syndication(corpus)
    group = _group_of(result, "orig")
    assert group.wire == "Reuters" and group.is_wire
    short = result.pages["short"]
    assert (short.wire, short.is_wire, short.wire_from) == ("Reuters", True, "group")
    assert (result.pages["orig"].wire, result.pages["orig"].wire_from) == ("Reuters", "credit")


def test_agency_mention_is_not_wire_copy(corpus):
    result = link_syndication(corpus)
    staff = result.pages["staff"]
    assert staff.wire is None and not staff.is_wire


def test_group_of_uncredited_pages_is_not_wire(corpus):
    plain = {k: corpus[k] for k in ("orig", "short")}
    plain["orig"].wire, plain["orig"].syndicated, plain["orig"].syndication_evidence = None, False, None
    result = link_syndication(plain)
    assert len(_group_of(result, "orig").members) == 2
    assert not any(v.is_wire for v in result.pages.values())


def test_earliest_compares_offsets_not_strings(corpus):
    group = _group_of(link_syndication(corpus), "orig")
    # 20:03+05:30 is 14:33 UTC, before the truncated copy's 15:00 UTC (which sorts first as text).
    assert group.earliest == "2024-03-19T20:03:00+05:30"
    assert group.earliest_id == "orig"
    assert group.earliest_utc == "2024-03-19T14:33:00Z"
    assert group.members[0] == "orig"


def test_earliest_bare_dates():
    members = [("a", {"published": "2024-03-19T01:00:00+00:00"}), ("b", {"published": "2024-03-19"}),
               ("c", {"published": "2024-03-17"}), ("d", {"published": None})]
    assert earliest(members[:2]) == ("2024-03-19T01:00:00+00:00", "a", "2024-03-19T01:00:00Z")
    assert earliest(members)[1] == "c"  # a whole day earlier in every time zone
    assert earliest([members[3]]) == (None, None, None)
    assert parse_time("2024-03-19T20:03:00+05:30")[0] == parse_time("2024-03-19T14:33:00Z")[0]


def test_diffs_against_fullest_text(corpus):
    group = _group_of(link_syndication(corpus), "orig")
    assert group.fullest == "update"
    diffs = {c.id: c for c in group.copies}
    assert diffs["update"].paragraphs_dropped == [] and diffs["update"].paragraphs_added == []
    # The original lacks the update's added paragraph, its last one.
    assert diffs["orig"].paragraphs_dropped == [len(WIRE_BODY)]
    assert diffs["orig"].paragraphs_added == []
    assert not diffs["orig"].headline_changed
    # The truncated copy kept the first four paragraphs and got a new headline.
    assert diffs["short"].paragraphs_dropped == list(range(4, len(WIRE_BODY) + 1))
    assert diffs["short"].paragraphs_added == []
    assert diffs["short"].headline_changed
    assert diffs["short"].containment > 0.98  # all but the "LISBON -" dateline shingle
    assert diffs["short"].credited is None


def test_diff_ignores_dateline_and_resplit_paragraphs():
    full = wire_original()
    copy = wire_original()
    copy.body = ["LISBON (AP) - " + WIRE_BODY[0].split(" - ", 1)[1] + " " + WIRE_BODY[1]] + WIRE_BODY[2:]
    diff = diff_copy(copy, full)
    assert diff.paragraphs_dropped == [] and diff.paragraphs_added == []


def test_follow_up_reusing_background_paragraphs_is_not_a_copy(corpus):
    # A week later the same desk files a different story: a new lead, then two of the original's
    # background paragraphs. Being short, most of it is inside the original (containment > 0.3),
    # but it does not share the original's opening, as every copy of one story does.
    follow_up = Article(source="outlet-a/quay-opens.html", input_kind="html", publisher="Outlet A",
                        headline="Lisbon's new deep-water quay takes its first ship",
                        body=["LISBON (Reuters) - The first container ship berthed at Lisbon's new deep-water quay on "
                              "Monday, a week after the harbour authority set out its plan to move cargo handling "
                              "downstream.",
                              WIRE_BODY[4], WIRE_BODY[5]],
                        published="2024-03-26T09:00:00+00:00", wire="Reuters", syndicated=True,
                        syndication_evidence="LISBON (Reuters) -")
    assert containment(body_hashes(follow_up), body_hashes(corpus["orig"])) > 0.3
    result = link_syndication({**corpus, "follow_up": follow_up})
    assert _group_of(result, "follow_up").members == ["follow_up"]
    assert sorted(_group_of(result, "orig").members) == ["orig", "short", "update"]


def test_copy_with_an_editors_paragraph_on_top_is_still_a_copy(corpus):
    # Its own opening is the outlet's, but the original's opening is in it.
    introduced = wire_original()
    introduced.body = ["Our correspondent in Portugal sends this report on a decision that matters to every "
                       "shipping line calling at Iberian ports, and to the many readers who use them."] + WIRE_BODY
    result = link_syndication({"orig": corpus["orig"], "introduced": introduced})
    assert sorted(_group_of(result, "orig").members) == ["introduced", "orig"]


def test_containment_handles_short_copy_inside_long():
    long = shingle_hashes(WIRE_BODY)
    short = shingle_hashes(WIRE_BODY[:2])
    assert containment(short, long) == 1.0
    assert jaccard(short, long) < 0.35


def test_signature_matches_datasketch():
    from datasketch import MinHash

    hashes = shingle_hashes(WIRE_BODY)
    m = MinHash(num_perm=128, seed=1, hashfunc=lambda x: x)
    m.update_batch(hashes.tolist())
    assert np.array_equal(signature(hashes), m.hashvalues)
    assert np.array_equal(signature(np.zeros(0, dtype=np.uint32)), MinHash(num_perm=128).hashvalues)
    assert signatures([hashes, hashes]).shape == (2, 128)


def test_shingle_hashes_are_stable():
    # CRC-32 based: the same in every process (no salted hash()).
    a = shingle_hashes("The quick brown fox jumps over the lazy dog")
    assert a.dtype == np.uint32 and len(a) == 5
    assert np.array_equal(a, shingle_hashes(["The quick brown", "fox jumps over the lazy dog"]))
    assert len(shingle_hashes("two words")) == 1 and len(shingle_hashes("")) == 0


def _random_sets(n, seed=3):
    rng = np.random.default_rng(seed)
    base = [np.unique(rng.integers(0, 2**32, 300, dtype=np.uint64).astype(np.uint32)) for _ in range(n)]
    # Near-duplicates of the first few.
    for i in range(5):
        keep = base[i][: int(len(base[i]) * 0.8)]
        base.append(np.unique(np.concatenate([keep, rng.integers(0, 2**32, 40, dtype=np.uint64).astype(np.uint32)])))
    return base


def test_band_buckets_agree_with_datasketch_lsh():
    from datasketch import MinHash, MinHashLSH

    sets = _random_sets(60)
    sigs = signatures(sets)
    bands, rows = lsh_params(0.3, 128)
    lsh = MinHashLSH(threshold=0.3, num_perm=128)
    for i, s in enumerate(sigs):
        lsh.insert(i, MinHash(num_perm=128, hashvalues=s, scheme="affine32"))
    expected = {(min(i, j), max(i, j)) for i, s in enumerate(sigs)
                for j in lsh.query(MinHash(num_perm=128, hashvalues=s, scheme="affine32")) if j != i}
    with BandBuckets(bands, rows) as buckets:
        buckets.add(np.arange(len(sigs)), sigs)
        got = {tuple(p) for p in buckets.candidate_pairs().tolist()}
    assert got == expected
    assert {(i, 60 + i) for i in range(5)} <= got


def test_band_buckets_spill_to_disk_gives_same_pairs(tmp_path):
    sigs = signatures(_random_sets(80))
    bands, rows = lsh_params(0.2, 128)
    with BandBuckets(bands, rows) as mem:
        mem.add(np.arange(len(sigs)), sigs)
        in_memory = mem.candidate_pairs()
    with BandBuckets(bands, rows, spill_rows=10, workdir=tmp_path / "lsh") as disk:
        for start in range(0, len(sigs), 7):
            disk.add(np.arange(start, min(start + 7, len(sigs))), sigs[start:start + 7])
        assert any((tmp_path / "lsh").iterdir())
        spilled = disk.candidate_pairs()
    assert np.array_equal(in_memory, spilled)


def test_oversized_bucket_becomes_a_star():
    sigs = np.zeros((50, 128), dtype=np.uint32)  # all identical
    with BandBuckets(4, 2, max_bucket=10) as buckets:
        buckets.add(np.arange(50), sigs)
        pairs = buckets.candidate_pairs()
    assert len(pairs) == 49 and set(pairs[:, 0].tolist()) == {0}
    assert band_keys(sigs[:1], 4, 2).shape == (1, 4)


def test_link_stream_loads_on_demand(corpus):
    loads = []

    def load(ident):
        loads.append(ident)
        return corpus[ident]

    result = link_stream(iter(list(corpus.items())), load, SyndicationConfig(spill_rows=1))
    assert sorted(_group_of(result, "orig").members) == ["orig", "short", "update"]
    assert set(loads) == set(corpus)


def test_candidates_skip_empty_bodies(corpus):
    corpus["empty"] = staff_story()
    corpus["empty"].body = []
    ids, pairs = candidate_pairs(corpus.items())
    assert "empty" in ids
    assert ids.index("empty") not in pairs.ravel().tolist()


def test_sequence_input_and_dict_records(corpus):
    records = [a.to_dict() for a in corpus.values()]
    result = link_syndication(records)
    assert sorted(_group_of(result, 0).members) == [0, 1, 2]
    assert result.pages[1].wire == "Reuters"


def test_evidence_kinds():
    assert evidence_kind("LISBON (Reuters) -") == "dateline"
    assert evidence_kind("This article is auto-generated from a syndicated feed") == "disclaimer"
    assert evidence_kind("By Reuters Staff") == "byline"
    assert evidence_kind(None) == "none"
