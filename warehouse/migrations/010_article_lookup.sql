-- Keyed lookups of a batch's dedup candidates (issue: time linear in the number of documents). A batch reads the
-- texts and signatures of a few dozen loaded articles; without an index each read scanned the whole `text` and
-- `minhash` columns, a cost per batch that grew with the warehouse. Plain (non-unique) ART indexes on the one key
-- those reads use: small (one entry per article), loaded lazily, and DuckDB scans them for IN lists of up to
-- `index_scan_max_count` keys.
CREATE INDEX IF NOT EXISTS articles_by_id ON articles (article_id);
CREATE INDEX IF NOT EXISTS signatures_by_id ON signatures (article_id);
