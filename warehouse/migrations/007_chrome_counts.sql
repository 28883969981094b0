-- Learned chrome as a function of the set of documents (issue: order independence).
-- site_line_counts: per (site, line), the distinct article contents holding it, kept up to date per batch so
-- a batch reads only its own lines' counts. removed_blocks becomes a view whose repeat_count is today's count
-- (a stored count would be the count at the time of removal, which depends on arrival order); the rows live in
-- removed_block_rows with the line's site and key.
CREATE TABLE IF NOT EXISTS site_line_counts (
    site_key VARCHAR NOT NULL,
    line_key VARCHAR NOT NULL,
    docs     INTEGER NOT NULL,
    PRIMARY KEY (site_key, line_key)
);
INSERT INTO site_line_counts
    SELECT site_key, line_key, count(DISTINCT content_hash) FROM site_lines GROUP BY site_key, line_key;

ALTER TABLE removed_blocks RENAME TO removed_block_rows;
ALTER TABLE removed_block_rows ADD COLUMN site_key VARCHAR;
ALTER TABLE removed_block_rows ADD COLUMN line_key VARCHAR;

-- One row per removed block.
--   doc_id, position    the document and the removal's rank in it (rule removals first, then learned chrome)
--   rule_id, category   the rule (config/boilerplate/*.toml, config/selectors.toml, or repeated-line)
--   text                what was removed
--   repeat_count        learned chrome: how many distinct articles of the site hold the line (today)
--   page_share          selectors: share of the page's text the removed node held
--   paragraph_at        the kept paragraph it stood before (NULL: unknown)
CREATE OR REPLACE VIEW removed_blocks AS
    SELECT r.doc_id, r.position, r.rule_id, r.category, r.text,
           coalesce(c.docs, r.repeat_count) AS repeat_count, r.page_share, r.paragraph_at
    FROM removed_block_rows r
    LEFT JOIN site_line_counts c ON c.site_key = r.site_key AND c.line_key = r.line_key;

-- The min_docs the warehouse's articles were stripped with. No row: loaded before this migration, when a
-- line was stripped only from later articles; the next ingest strips every line at the threshold from all.
CREATE TABLE IF NOT EXISTS chrome_settled (
    min_docs   INTEGER NOT NULL,
    settled_at TIMESTAMP NOT NULL
);
