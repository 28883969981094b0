-- Once: plain ART indexes on articles(article_id) and signatures(article_id) for the dedup lookups. They needed
-- most of their tree in memory and failed at the ingest's 64 MB cap on large warehouses, and migration 011
-- drops them. Building them here first would fail the same way on a large warehouse still at version 9, so this
-- migration now does nothing (its version stays recorded).
SELECT 1;
