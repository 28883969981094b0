-- The near-duplicate index on disk (issue: memory flat in the warehouse size). One row per (article, LSH band):
-- a batch finds its candidates with one join on band_key instead of holding every article's bands in memory.
-- lsh_layout names what the keys were computed with (signature length, bands); the ingest rebuilds the
-- table from `signatures` when it is empty for a non-empty warehouse or the layout differs.
CREATE TABLE IF NOT EXISTS lsh_bands (
    band_key   UBIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS lsh_layout (
    layout   VARCHAR NOT NULL,
    articles BIGINT NOT NULL
);
