import numpy as np
import pytest

from pipeline.dedup import DedupIndex, resolve_batch
from pipeline.models import ProcessedDoc
from pipeline.signatures import content_hash, minhash, normalize_for_hash

STORY = (
    "The regional water authority announced on Monday that it will replace forty kilometres of ageing pipes "
    "under the old town over the next three years. Engineers say the network loses almost a quarter of its "
    "water through leaks, and residents have complained for years about low pressure in the evenings. The work "
    "will start in the spring near the cathedral square and move north street by street, with temporary supply "
    "lines for every building. The authority expects the project to cost about 31 million euros, paid for by a "
    "modest rise in tariffs and a grant from the national infrastructure fund. Shop owners worry about lost "
    "trade during the months of digging, and the chamber of commerce has asked for compensation."
)
OTHER = (
    "A youth orchestra from the valley won the national competition in the capital on Saturday, beating "
    "twenty-two other ensembles with a programme of folk dances arranged by their conductor. The musicians, "
    "aged twelve to eighteen, rehearse twice a week in a converted barn lent by a local farmer, and most of them "
    "learned their instruments at the municipal music school. Their prize includes a recording session and a "
    "tour of three cities next summer, which the parents' association now has to finance."
)


def _doc(path, text, published=None):
    d = ProcessedDoc(path, 0, "txt", "sha-" + path, 10, "utf-8", status="article", text=text,
                     word_count=len(text.split()), content_hash=content_hash(text),
                     minhash=[int(x) for x in minhash(text)])
    d.metadata.published_at = published
    return d


def _fetcher(docs):
    """The warehouse's texts of earlier batches, as the flow passes them."""
    from pipeline.ids import article_id_for, doc_id_for

    texts = {article_id_for(doc_id_for(d.source_path, d.sha256, 0)): d.text for d in docs}
    return lambda ids: {i: texts[i] for i in ids if i in texts}


def test_normalization_ignores_case_punctuation_whitespace_and_unicode_forms():
    assert normalize_for_hash("L’ÉTÉ,  est\u00a0là !") == normalize_for_hash("l’été est là")
    assert content_hash("Hello,   World!") == content_hash("hello world")


def test_exact_near_and_distinct():
    edited = STORY.replace("Monday", "Tuesday").replace("forty", "forty-two").replace("complained", "grumbled")
    docs = [_doc("a", STORY), _doc("b", STORY.upper()), _doc("c", edited), _doc("d", OTHER)]
    index = DedupIndex(120, 40, 0.5)
    res, _ = resolve_batch(docs, index, set())
    by = {r.doc.source_path: r for r in res}
    # a, b (the same text) and c (a light edit of it, as long) are one cluster; none is earlier or longer, so its
    # canonical is the smallest content hash (then article id): never "whichever arrived first"
    [canonical] = [k for k in "abc" if by[k].status == "loaded"]
    assert canonical == min("abc", key=lambda k: (by[k].doc.content_hash, by[k].article_id))
    for k in set("abc") - {canonical}:
        assert by[k].status == "duplicate" and by[k].duplicate_of == by[canonical].article_id
        assert 0.5 <= by[k].similarity <= 1.0
    assert by["d"].status == "loaded"


def test_the_canonical_member_does_not_depend_on_arrival_order():
    from itertools import permutations

    edited = STORY.replace("Monday", "Tuesday")
    docs = [_doc("a", STORY), _doc("b", STORY.upper()), _doc("c", edited), _doc("d", OTHER)]
    outcomes = set()
    for order in permutations(docs):
        for split in range(len(docs)):  # one batch, or two, the later one changing earlier verdicts
            index = DedupIndex(120, 40, 0.5)
            res, _ = resolve_batch(list(order[:split]), index, set())
            res2, verdicts = resolve_batch(list(order[split:]), index, set(), _fetcher(docs))
            final = {r.article_id: (r.duplicate_of, r.similarity) for r in res + res2}
            final.update({v.article_id: (v.duplicate_of, v.similarity) for v in verdicts})
            outcomes.add(tuple(sorted(final.items())))
    assert len(outcomes) == 1, outcomes


def test_a_chain_of_near_copies_is_one_cluster_in_any_order():
    """a~b and b~c while a and c are too far apart: one cluster (connected links), whatever comes first."""
    from itertools import permutations

    words = STORY.split()
    n = len(words)
    a = " ".join(words[: int(n * 0.75)])
    b = " ".join(words[int(n * 0.12): int(n * 0.88)])
    c = " ".join(words[int(n * 0.25):])
    outcomes = set()
    docs = [_doc("a", a), _doc("b", b), _doc("c", c)]
    for order in permutations(docs):
        index = DedupIndex(120, 40, 0.5)
        res, verdicts = [], []
        for d in order:  # one batch each
            r, v = resolve_batch([d], index, set(), _fetcher(docs))
            res += r
            verdicts += v
        final = {r.doc.source_path: (r.duplicate_of, r.similarity) for r in res}
        ids = {r.article_id: r.doc.source_path for r in res}
        for v in verdicts:
            final[ids[v.article_id]] = (v.duplicate_of, v.similarity)
        outcomes.add(tuple(sorted((k, ids.get(dup), sim) for k, (dup, sim) in final.items())))
    assert len(outcomes) == 1, outcomes
    [(_, canon_a, _), (_, canon_b, _), (_, canon_c, _)] = sorted(outcomes.pop())
    assert sorted([canon_a, canon_b, canon_c], key=str) == sorted([None, "a", "a"], key=str) or \
        len({canon_a, canon_b, canon_c} - {None}) == 1


def test_known_documents_are_left_out():
    from pipeline.ids import doc_id_for

    doc = _doc("a", STORY)
    known = {doc_id_for("a", doc.sha256, 0)}
    assert resolve_batch([doc], DedupIndex(), known) == ([], [])


def test_duplicates_point_to_the_cluster_canonical():
    index = DedupIndex()
    sig = minhash(STORY)
    index.put("a1", "h1", sig)
    index.put("a2", "h2", sig, duplicate_of="a1")
    [(cand, est)] = index.candidates(sig)[:1]
    assert index.canonical(cand) == "a1" and est == 1.0


def test_minhash_is_deterministic_and_estimates_jaccard():
    a, b = minhash(STORY), minhash(STORY)
    assert a.dtype == np.uint32 and (a == b).all()
    assert float(np.mean(minhash(STORY) == minhash(OTHER))) < 0.1


def test_truncated_copy_is_found_by_containment():
    half = " ".join(STORY.split()[:60])
    res, _ = resolve_batch([_doc("full", STORY), _doc("half", half)], DedupIndex(), set())
    assert res[1].status == "duplicate" and res[1].similarity >= 0.9


def test_canonical_is_the_earliest_published_then_the_longest():
    later = _doc("later", STORY, "2025-03-05")
    earlier = _doc("earlier", STORY.replace("Monday", "Sunday"), "2025-03-04")
    copy = _doc("copy", STORY.upper(), "2025-03-06")
    index = DedupIndex()
    res, verdicts = resolve_batch([later, earlier, copy], index, set())
    by = {r.doc.source_path: r for r in res}
    assert by["earlier"].status == "loaded" and by["earlier"].duplicate_of is None
    assert by["later"].status == "duplicate" and by["later"].duplicate_of == by["earlier"].article_id
    assert by["copy"].duplicate_of == by["earlier"].article_id
    assert verdicts == []  # all three are new: their verdicts are in res
    # undated texts never beat dated ones; among equals the longer wins
    longer = _doc("longer", STORY + " The council will vote again in June after a public consultation.")
    res2, rp2 = resolve_batch([longer], index, set())
    assert res2[0].status == "duplicate" and rp2 == []


def test_candidates_from_earlier_runs_are_verified_on_their_text():
    index = DedupIndex()
    index.put("a-old", "h-old", minhash(STORY), "2025-01-01", len(STORY.split()))
    fetched = []

    def fetch(ids):
        fetched.append(ids)
        return {"a-old": STORY}

    edited = STORY.replace("Monday", "Friday")
    res, _ = resolve_batch([_doc("new", edited)], index, set(), fetch)
    assert fetched == [["a-old"]]
    assert res[0].status == "duplicate" and res[0].duplicate_of == "a-old" and 0.5 <= res[0].similarity < 1


def _variants(rng):
    """Stories with exact copies, light edits, cut copies and chains of overlapping excerpts, shuffled. In the
    last kind, a and c are linked only through b (b is inside both), and c is the earliest: whichever batch
    brings c, the cluster of b must come along, its canonical included."""
    from tests.synthetic import article

    docs = []
    for s in range(30):
        _, body = article(rng, rng.choice(["en", "fr", "de"]), paragraphs=4)
        text = "\n\n".join(body)
        words = text.split()
        n = len(words)
        kind = s % 5
        if kind == 4:
            docs.append(_doc(f"s{s}-a", " ".join(words[: int(n * 0.7)]), "2025-03-02"))
            docs.append(_doc(f"s{s}-b", " ".join(words[int(n * 0.3): int(n * 0.7)])))
            docs.append(_doc(f"s{s}-c", " ".join(words[int(n * 0.3):]), "2025-02-02"))
            continue
        docs.append(_doc(f"s{s}", text, f"2025-03-{1 + s % 9:02d}"))
        if kind == 0:
            docs.append(_doc(f"s{s}-copy", text.upper()))
        elif kind == 1:
            edited = words[:]
            for i in rng.sample(range(n), 3):
                edited[i] = "changed"
            docs.append(_doc(f"s{s}-edit", " ".join(edited), f"2025-02-{1 + s % 9:02d}"))
        elif kind == 2:
            docs.append(_doc(f"s{s}-cut", " ".join(words[: int(n * 0.8)])))
        elif kind == 3:
            docs.append(_doc(f"s{s}-b", " ".join(words[int(n * 0.12): int(n * 0.88)])))
            docs.append(_doc(f"s{s}-c", " ".join(words[int(n * 0.25):])))
    rng.shuffle(docs)
    return docs


def test_the_index_in_the_warehouse_gives_the_same_verdicts_as_one_in_memory(tmp_path):
    """Batches that read only their neighbourhood from the warehouse (lsh_bands) decide exactly what a batch
    holding every article in memory decides: candidates, clusters, canonical members and similarities."""
    import random

    from pipeline.batch import settle_batch
    from pipeline.ids import doc_id_for
    from pipeline.settings import load_settings
    from warehouse.store import Warehouse

    settings = load_settings().replace(chrome_min_docs=0)
    for seed in (1, 2):
        rng = random.Random(seed)
        docs = _variants(rng)
        batches, i = [], 0
        while i < len(docs):
            k = rng.randint(1, 12)
            batches.append(docs[i: i + k])
            i += k
        index = DedupIndex(settings.num_perm, settings.bands, settings.dedup_threshold, settings.dedup_containment,
                           settings.shingle_size)
        in_memory: dict[str, tuple] = {}
        for b in batches:
            res, verdicts = resolve_batch(b, index, set(), _fetcher(docs))
            in_memory.update({r.article_id: (r.duplicate_of, r.similarity) for r in res})
            in_memory.update({v.article_id: (v.duplicate_of, v.similarity) for v in verdicts})
        wh = Warehouse(tmp_path / f"w{seed}.duckdb")
        wh.init()
        wh.ensure_lsh_bands(index)
        for b in batches:
            with wh.batch() as tx:
                known = tx.known_doc_ids([doc_id_for(d.source_path, d.sha256, d.record_index) for d in b])
                tx.write("r", settle_batch(b, known, tx, settings))
        with wh.connection() as con:
            stored = {a: (dup, sim) for a, dup, sim in con.execute(
                "SELECT article_id, duplicate_of, similarity FROM articles").fetchall()}
            bands = con.execute("SELECT count(*), count(DISTINCT article_id) FROM lsh_bands").fetchone()
        assert stored == in_memory
        assert sum(1 for v in stored.values() if v[0]) >= 12  # the corpus has clusters to get right
        assert bands == (settings.bands * len(docs), len(docs))


def test_a_warehouse_without_the_band_table_gets_it_rebuilt(tmp_path):
    """A warehouse from before the index moved to disk (or with another signature layout) is indexed again
    from its signatures, so later batches still find its articles."""
    from pipeline.batch import settle_batch
    from pipeline.settings import load_settings
    from warehouse.store import Warehouse

    settings = load_settings().replace(chrome_min_docs=0)
    layout = DedupIndex(settings.num_perm, settings.bands)
    wh = Warehouse(tmp_path / "w.duckdb")
    wh.init()
    assert wh.ensure_lsh_bands(layout) == 0
    with wh.batch() as tx:
        tx.write("r", settle_batch([_doc("a", STORY), _doc("o", OTHER)], set(), tx, settings))
    with wh.connection() as con:
        con.execute("DELETE FROM lsh_bands")
        con.execute("UPDATE lsh_layout SET layout = 'from-before'")
    assert wh.ensure_lsh_bands(layout) == 2
    assert wh.ensure_lsh_bands(layout) == 0
    with wh.batch() as tx:
        plan = settle_batch([_doc("b", STORY.replace("Monday", "Sunday"))], set(), tx, settings)
        tx.write("r", plan)
    [r] = plan.resolved
    assert r.status == "duplicate"
    with wh.connection() as con:
        assert con.execute("SELECT count(*) FROM lsh_bands").fetchone()[0] == 3 * settings.bands


def _loaded_pair(tmp_path):
    """A warehouse holding STORY and OTHER, written by a batch (whose connection closes without checkpointing)."""
    from pipeline.batch import settle_batch
    from pipeline.settings import load_settings
    from warehouse.store import Warehouse

    settings = load_settings().replace(chrome_min_docs=0)
    wh = Warehouse(tmp_path / "w.duckdb")
    wh.init()
    with wh.batch() as tx:
        tx.write("r", settle_batch([_doc("a", STORY), _doc("o", OTHER)], set(), tx, settings))
    return wh, settings


def _lookups_see_both(wh) -> bool:
    with wh.batch() as tx:
        ids = [r[0] for r in tx.con.execute("SELECT article_id FROM articles").fetchall()]
        return len(ids) == 2 and len(tx.fetch_texts(ids)) == 2 and len(tx.dedup_rows(set(ids))) == 2


def test_keyed_lookups_survive_a_checkpoint_after_the_log_is_replayed(tmp_path):
    """The next connection replays the batch from the write-ahead log; a write that then checkpoints must not
    leave the article indexes without the replayed rows (DuckDB 1.5 does, unless the indexes are used first)."""
    wh, settings = _loaded_pair(tmp_path)
    with wh.connection() as con:
        con.execute("DELETE FROM chrome_settled")  # any write: closing this connection checkpoints
    assert _lookups_see_both(wh)
    with wh.batch() as tx:  # and a later batch still finds the loaded story through the index
        from pipeline.batch import settle_batch

        plan = settle_batch([_doc("b", STORY.replace("Monday", "Sunday"))], set(), tx, settings)
        tx.write("r", plan)
    assert [r.status for r in plan.resolved] == ["duplicate"]


def test_lookups_are_whole_after_another_program_opened_the_file(tmp_path):
    """Another program that opens the file read-write after an unfinished batch (here plain duckdb) replays and
    checkpoints the log; the lookups read the tables, with no index that could be left short."""
    import duckdb

    wh, _ = _loaded_pair(tmp_path)
    con = duckdb.connect(str(wh.path))
    con.execute("DELETE FROM chrome_settled")
    con.close()
    assert _lookups_see_both(wh)
    with wh.connection() as con:
        assert con.execute("SELECT count(*) FROM duckdb_indexes() WHERE table_name IN ('articles', 'signatures')"
                           ).fetchone()[0] == 0


def test_rows_by_article_id_by_position_and_by_scan_agree_with_sql(tmp_path):
    """Few rows are fetched one position at a time, many by one scan; both give what a plain query gives, rows
    of this transaction and missing ids included."""
    from warehouse.store import _FETCH_BY_POSITION, Warehouse, _rows_by_article_id

    wh = Warehouse(tmp_path / "w.duckdb")
    wh.init()
    n = 3 * _FETCH_BY_POSITION
    with wh.batch() as tx:
        tx.con.execute("INSERT INTO articles (article_id, doc_id, language, text, word_count, content_hash, "
                       f"ingested_at) SELECT md5(i::VARCHAR), 'd' || i, 'en', 'text ' || i, 2, 'h' || i, now() "
                       f"FROM range({n}) t(i)")
    with wh.batch() as tx:
        tx.con.execute("INSERT INTO articles (article_id, doc_id, language, text, word_count, content_hash, "
                       "ingested_at) VALUES ('fresh', 'df', 'en', 'not committed yet', 4, 'hf', now())")
        all_ids = [r[0] for r in tx.con.execute("SELECT article_id FROM articles ORDER BY rowid DESC").fetchall()]
        for ids in (all_ids[:3], all_ids[: _FETCH_BY_POSITION], all_ids[: _FETCH_BY_POSITION + 1], all_ids):
            asked = [*ids, "missing"]
            got = _rows_by_article_id(tx.con, "articles", "text, word_count", asked)
            want = tx.con.execute("SELECT article_id, text, word_count FROM articles WHERE list_contains(?, "
                                  "article_id) ORDER BY article_id", [asked]).fetchall()
            assert got == want and len(got) == len(ids)
        assert _rows_by_article_id(tx.con, "articles", "text", ["missing"]) == []


@pytest.mark.slow
def test_a_batch_commits_into_a_large_warehouse_at_the_memory_cap(tmp_path):
    """1,000,000 articles at the ingest's 64 MB cap. With indexes on the article ids, every ingest failed before
    its first batch (rebuilding them needs them whole in memory), and at 800,000 a batch's commit failed and
    DuckDB invalidated the database. Migrating from version 9, the batch's lookups and its load now fit whatever
    the warehouse holds."""
    import duckdb

    from pipeline.batch import settle_batch
    from pipeline.settings import load_settings
    from warehouse.store import Warehouse

    settings = load_settings().replace(chrome_min_docs=0)
    path = tmp_path / "big.duckdb"
    Warehouse(path).init()
    con = duckdb.connect(str(path))
    n = 1_000_000
    ids = "'a' || md5(i::VARCHAR)[:20]"  # shaped like pipeline.ids: random, 21 characters
    con.execute("INSERT INTO articles (article_id, doc_id, language, text, word_count, content_hash, ingested_at) "
                f"SELECT {ids}, 'd' || md5(i::VARCHAR)[:20], 'en', 'text', 1, md5((i * 3)::VARCHAR), now() "
                f"FROM range({n}) t(i)")
    con.execute("INSERT INTO signatures (article_id, content_hash, minhash) "
                f"SELECT {ids}, md5((i * 3)::VARCHAR), repeat('x', 480)::BLOB FROM range({n}) t(i)")
    # as a warehouse last migrated at version 9 (before the indexes came and went): migrating it fits the cap too
    con.execute("DELETE FROM schema_migrations WHERE version >= 10")
    con.close()
    wh = Warehouse(path, memory_limit="64MB")
    wh.init()
    docs = [_doc(f"n{i}", f"{STORY} Item {i}: {OTHER[: 40 + i]}") for i in range(200)]
    with wh.batch() as tx:
        plan = settle_batch(docs, set(), tx, settings)
        tx.write("r", plan)
    with wh.connection() as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == n + 200
    assert sorted({r.status for r in plan.resolved}) == ["duplicate", "loaded"]
