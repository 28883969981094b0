-- Analyst views over the base tables. Views only (no data), so `articles query` can also create them as
-- temporary views on a read-only warehouse that has not been migrated yet (see warehouse/query.py).

-- One row per (site, language, publication day). day is NULL for articles without a date.
--   articles   canonical articles (duplicate_of IS NULL)
--   duplicates copies of an earlier article
--   words      words in the canonical articles
CREATE OR REPLACE VIEW article_stats AS
    SELECT site, language, CAST(published_at AS DATE) AS day,
           count(*) FILTER (WHERE duplicate_of IS NULL) AS articles,
           count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS duplicates,
           CAST(coalesce(sum(word_count) FILTER (WHERE duplicate_of IS NULL), 0) AS BIGINT) AS words
    FROM articles
    GROUP BY ALL;

-- One row per canonical article that has copies (every copy points at its cluster's first-loaded article).
--   article_id, title, site, language   the canonical article
--   duplicates                          number of copies
--   members                             article_ids of the copies, in load order (LIST of VARCHAR)
--   member_sites                        distinct sites of the copies (LIST of VARCHAR)
--   min_similarity, max_similarity      estimated Jaccard similarity of the copies to the canonical article
CREATE OR REPLACE VIEW duplicate_clusters AS
    SELECT c.article_id, c.title, c.site, c.language,
           count(*) AS duplicates,
           list(d.article_id ORDER BY d.ingested_at, d.article_id) AS members,
           list(DISTINCT d.site ORDER BY d.site) FILTER (WHERE d.site IS NOT NULL) AS member_sites,
           min(d.similarity) AS min_similarity,
           max(d.similarity) AS max_similarity
    FROM articles d JOIN articles c ON c.article_id = d.duplicate_of
    GROUP BY c.article_id, c.title, c.site, c.language;

-- One row per boilerplate rule that removed something.
--   rule_id, category   the rule (config/boilerplate/*.toml, config/selectors.toml)
--   removals            blocks removed by it
--   documents           documents it removed something from
--   sample_text         its most frequent removed text (ties: the alphabetically first)
CREATE OR REPLACE VIEW boilerplate_by_rule AS
    WITH texts AS (
        SELECT rule_id, category, text, count(*) AS n FROM removed_blocks GROUP BY rule_id, category, text
    ), samples AS (
        SELECT rule_id, category, first(text ORDER BY n DESC, text) AS sample_text FROM texts GROUP BY rule_id, category
    )
    SELECT r.rule_id, r.category, count(*) AS removals, count(DISTINCT r.doc_id) AS documents, s.sample_text
    FROM removed_blocks r JOIN samples s USING (rule_id, category)
    GROUP BY r.rule_id, r.category, s.sample_text;

-- One row per kind of rejection: the reason without its "line N: " prefix and its specifics (the part after
-- the first ':' or ' ('), the same grouping as the run report.
--   reason_kind     e.g. 'not an article', 'empty file', 'invalid JSON', 'binary content'
--   documents       rejected records (a .jsonl line is a record)
--   files           distinct files
--   example_paths   up to 3 of those files, alphabetically (LIST of VARCHAR)
--   example_reason  one full reason, for the specifics
CREATE OR REPLACE VIEW rejections AS
    SELECT reason_kind,
           count(*) AS documents,
           count(DISTINCT source_path) AS files,
           list_slice(list(DISTINCT source_path ORDER BY source_path), 1, 3) AS example_paths,
           min(reason) AS example_reason
    FROM (
        SELECT source_path, reason,
               split_part(split_part(regexp_replace(coalesce(reason, 'unknown'), '^line \d+: ', ''), ':', 1),
                          ' (', 1) AS reason_kind
        FROM documents WHERE status = 'rejected'
    ) AS d
    GROUP BY reason_kind;
