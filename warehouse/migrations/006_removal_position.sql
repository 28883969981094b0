-- Where a removed block stood in the article: the index of the kept paragraph it came before (the number of
-- paragraphs when it came after the last one); NULL when the position is unknown (HTML nodes removed by a
-- selector before extraction). The audit page shows removed blocks in place with it.
ALTER TABLE removed_blocks ADD COLUMN IF NOT EXISTS paragraph_at INTEGER;
