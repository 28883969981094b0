-- Keys without indexes (issue: memory flat in the warehouse size). A PRIMARY KEY is an ART index DuckDB keeps
-- whole in memory and rewrites at every checkpoint: on the big tables it made the ingest's memory grow with the
-- warehouse. Uniqueness is the load's job: a batch inserts only documents the warehouse does not hold (one
-- writer at a time, anti-join on doc_id, in the batch's transaction), and every other row hangs off a new
-- document. tests/warehouse_content.py compares whole tables, so a duplicate row would show.
CREATE TABLE documents_v9 (
    doc_id VARCHAR NOT NULL, run_id VARCHAR NOT NULL, source_path VARCHAR NOT NULL, record_index INTEGER NOT NULL,
    format VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, status VARCHAR NOT NULL, reason VARCHAR, article_id VARCHAR,
    size_bytes BIGINT, "encoding" VARCHAR, ingested_at TIMESTAMP NOT NULL, reason_code VARCHAR,
    CHECK (status IN ('loaded', 'duplicate', 'rejected'))
);
INSERT INTO documents_v9 BY NAME SELECT * FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v9 RENAME TO documents;

CREATE TABLE articles_v9 (
    article_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, url VARCHAR, site VARCHAR, title VARCHAR, author VARCHAR,
    published_at TIMESTAMP, "language" VARCHAR NOT NULL, language_prob DOUBLE, "text" VARCHAR NOT NULL,
    word_count INTEGER NOT NULL, content_hash VARCHAR NOT NULL, duplicate_of VARCHAR, similarity DOUBLE,
    reading_time_min INTEGER, ingested_at TIMESTAMP NOT NULL, mixed_language BOOLEAN, other_language_share DOUBLE
);
INSERT INTO articles_v9 BY NAME SELECT * FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v9 RENAME TO articles;

CREATE TABLE paragraphs_v9 (
    article_id VARCHAR NOT NULL, "position" INTEGER NOT NULL, kind VARCHAR NOT NULL, "text" VARCHAR NOT NULL,
    "language" VARCHAR NOT NULL, paragraph_hash VARCHAR
);
INSERT INTO paragraphs_v9 BY NAME SELECT * FROM paragraphs;
DROP TABLE paragraphs;
ALTER TABLE paragraphs_v9 RENAME TO paragraphs;

CREATE TABLE signatures_v9 (
    article_id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, minhash BLOB NOT NULL, duplicate_of VARCHAR
);
INSERT INTO signatures_v9 BY NAME SELECT * FROM signatures;
DROP TABLE signatures;
ALTER TABLE signatures_v9 RENAME TO signatures;

CREATE TABLE rejected_content_v9 (
    doc_id VARCHAR NOT NULL, url VARCHAR, site VARCHAR, title VARCHAR, author VARCHAR, published_at TIMESTAMP,
    "text" VARCHAR NOT NULL, word_count INTEGER NOT NULL
);
INSERT INTO rejected_content_v9 BY NAME SELECT * FROM rejected_content;
DROP TABLE rejected_content;
ALTER TABLE rejected_content_v9 RENAME TO rejected_content;

CREATE TABLE site_line_counts_v9 (site_key VARCHAR NOT NULL, line_key VARCHAR NOT NULL, docs INTEGER NOT NULL);
INSERT INTO site_line_counts_v9 BY NAME SELECT * FROM site_line_counts;
DROP TABLE site_line_counts;
ALTER TABLE site_line_counts_v9 RENAME TO site_line_counts;
