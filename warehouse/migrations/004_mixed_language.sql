-- Articles whose paragraphs disagree on the language, and how much of the text is in another language.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS mixed_language BOOLEAN;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS other_language_share DOUBLE;
-- Normalised hash of each paragraph (same key as learned site chrome), so identical paragraphs across
-- articles can be counted (view repeated_paragraphs).
ALTER TABLE paragraphs ADD COLUMN IF NOT EXISTS paragraph_hash VARCHAR;

CREATE OR REPLACE VIEW repeated_paragraphs AS
    SELECT p.paragraph_hash, count(DISTINCT p.article_id) AS articles, count(DISTINCT a.site) AS sites,
           any_value(p.text) AS sample_text
    FROM paragraphs p JOIN articles a USING (article_id)
    WHERE p.paragraph_hash IS NOT NULL
    GROUP BY p.paragraph_hash
    HAVING count(DISTINCT p.article_id) > 1;
