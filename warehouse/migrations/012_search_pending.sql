-- Articles whose canonical text may differ from the full-text index's: every batch queues the articles it
-- inserts, rewrites (learned chrome) or re-decides (duplicate_of), and the ingest's search update compares only
-- those with the index, instead of anti-joining the whole warehouse with it (its time and memory grew with the
-- warehouse). '*' asks the next update to compare everything once: warehouses from before the queue.
-- `articles search` still compares everything (it also sees what other programs changed with SQL).
CREATE TABLE IF NOT EXISTS search_pending (article_id VARCHAR NOT NULL);
INSERT INTO search_pending VALUES ('*');
