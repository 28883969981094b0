-- Rejections get a stable reason code beside the human message (reports and views count codes, nothing parses
-- messages), a rejected record keeps its cleaned text and metadata (a wrong rejection can be found and
-- recovered with SQL), and each removal records its share of the page's text.

ALTER TABLE documents ADD COLUMN IF NOT EXISTS reason_code VARCHAR;
ALTER TABLE removed_blocks ADD COLUMN IF NOT EXISTS page_share DOUBLE;

-- Rows written before codes existed: their code from the message, once, here.
UPDATE documents SET reason_code = CASE
        WHEN reason LIKE 'not an article: cookie-consent%' THEN 'not_article.consent_wall'
        WHEN reason LIKE 'not an article: every line is chrome%' THEN 'not_article.chrome_only'
        WHEN reason LIKE 'not an article%' THEN 'not_article.legacy'
        WHEN regexp_matches(reason, '^(line \d+: )?binary content') THEN 'decode.binary'
        WHEN regexp_matches(reason, '^(line \d+: )?(invalid|undecodable)') AND reason NOT LIKE '%invalid JSON%'
            THEN 'decode.undecodable'
        WHEN reason LIKE '%invalid JSON%' THEN 'jsonl.invalid'
        WHEN reason LIKE '%expected a JSON object%' THEN 'jsonl.not_object'
        WHEN reason LIKE '%must be strings%' THEN 'jsonl.field_type'
        WHEN reason LIKE '%neither a non-empty%' THEN 'jsonl.no_body'
        WHEN reason LIKE '%too large%' OR reason LIKE '%line too long%' OR reason LIKE 'decompressed size%'
            THEN 'too_large'
        WHEN reason LIKE '%gzip%' THEN 'decode.gzip'
        WHEN reason LIKE 'empty file%' OR reason LIKE 'file holds only whitespace%' THEN 'empty'
        WHEN reason LIKE 'unsupported file type%' THEN 'unsupported_type'
        WHEN reason LIKE 'timeout%' THEN 'timeout'
        WHEN reason LIKE 'no article content%' THEN 'extract.no_content'
        WHEN reason LIKE 'HTML nested%' THEN 'html.too_deep'
        WHEN reason LIKE 'language %' THEN 'language.not_kept'
        WHEN reason LIKE 'internal error%' THEN 'internal_error'
        ELSE 'read.error'
    END
WHERE status = 'rejected' AND reason_code IS NULL;

CREATE TABLE IF NOT EXISTS rejected_content (
    doc_id       VARCHAR PRIMARY KEY,
    url          VARCHAR,
    site         VARCHAR,
    title        VARCHAR,
    author       VARCHAR,
    published_at TIMESTAMP,
    text         VARCHAR NOT NULL,   -- the cleaned text at the moment of rejection ('' when nothing was read)
    word_count   INTEGER NOT NULL
);

-- One row per rejected record: its code and message beside what was cleaned before the rejection.
CREATE OR REPLACE VIEW rejected_pages AS
    SELECT d.doc_id, d.source_path, d.record_index, d.format, d.reason_code, d.reason, c.url, c.site, c.title,
           c.author, c.published_at, c.word_count, c.text, d.ingested_at
    FROM documents d LEFT JOIN rejected_content c USING (doc_id)
    WHERE d.status = 'rejected';

-- One row per reason code.
--   reason_code     e.g. 'not_article.index', 'decode.binary', 'jsonl.invalid', 'empty'
--   documents       rejected records (a .jsonl line is a record)
--   files           distinct files
--   example_paths   up to 3 of those files, alphabetically (LIST of VARCHAR)
--   example_reason  one full message, for the specifics
DROP VIEW IF EXISTS rejections;
CREATE VIEW rejections AS
    SELECT coalesce(reason_code, 'unknown') AS reason_code,
           count(*) AS documents,
           count(DISTINCT source_path) AS files,
           list_slice(list(DISTINCT source_path ORDER BY source_path), 1, 3) AS example_paths,
           min(reason) AS example_reason
    FROM documents WHERE status = 'rejected'
    GROUP BY 1;
