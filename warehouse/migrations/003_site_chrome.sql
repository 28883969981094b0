-- Learned site chrome: short lines per site, so later runs recognise a site's repeated lines.
-- One row per (site, line, distinct article content) ever seen; counts are taken over content_hash so that
-- copies of one article do not make its own lines look like chrome.
CREATE TABLE IF NOT EXISTS site_lines (
    site_key     VARCHAR NOT NULL,  -- the site, or the folder for text input without a url
    line_key     VARCHAR NOT NULL,  -- hash of the line with case, digits, punctuation and spacing ignored
    content_hash VARCHAR NOT NULL,
    doc_id       VARCHAR NOT NULL
);

-- How many articles of the site shared a line removed as `repeated-line` (NULL for rule removals).
ALTER TABLE removed_blocks ADD COLUMN IF NOT EXISTS repeat_count INTEGER;
