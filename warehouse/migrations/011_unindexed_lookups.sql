-- The two indexes of migration 010 go. An ART index on a random key (article ids are hashes) takes its new rows
-- anywhere in the tree, so building it or a batch's commit needs most of it in memory: at the ingest's 64 MB cap
-- a batch's commit failed at 800,000 articles, and at 1,000,000 the rebuild every ingest started with. A batch
-- now finds its few dozen candidate rows by scanning the id column alone and fetching each row by its position
-- (warehouse/store.py): no memory that grows with the warehouse.
DROP INDEX IF EXISTS articles_by_id;
DROP INDEX IF EXISTS signatures_by_id;
