-- The warehouse contract: table and column names are fixed (users and tooling rely on them).

CREATE TABLE IF NOT EXISTS runs (
    run_id        VARCHAR PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,          -- running | completed | failed | interrupted
    source        VARCHAR,
    flow_run_id   VARCHAR,                   -- Prefect flow run id
    files_seen    INTEGER DEFAULT 0,
    records_seen  INTEGER DEFAULT 0,
    loaded        INTEGER DEFAULT 0,
    duplicate     INTEGER DEFAULT 0,
    rejected      INTEGER DEFAULT 0,
    unchanged     INTEGER DEFAULT 0,
    already_known INTEGER DEFAULT 0,
    message       VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id       VARCHAR PRIMARY KEY,
    run_id       VARCHAR NOT NULL,
    source_path  VARCHAR NOT NULL,
    record_index INTEGER NOT NULL,
    format       VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    status       VARCHAR NOT NULL CHECK (status IN ('loaded', 'duplicate', 'rejected')),
    reason       VARCHAR,
    article_id   VARCHAR,
    size_bytes   BIGINT,
    encoding     VARCHAR,
    ingested_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    article_id       VARCHAR PRIMARY KEY,
    doc_id           VARCHAR NOT NULL,
    url              VARCHAR,
    site             VARCHAR,
    title            VARCHAR,
    author           VARCHAR,
    published_at     TIMESTAMP,
    language         VARCHAR NOT NULL,
    language_prob    DOUBLE,
    text             VARCHAR NOT NULL,
    word_count       INTEGER NOT NULL,
    content_hash     VARCHAR NOT NULL,
    duplicate_of     VARCHAR,
    similarity       DOUBLE,
    reading_time_min INTEGER,
    ingested_at      TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS paragraphs (
    article_id VARCHAR NOT NULL,
    position   INTEGER NOT NULL,
    kind       VARCHAR NOT NULL,
    text       VARCHAR NOT NULL,
    language   VARCHAR NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE IF NOT EXISTS removed_blocks (
    doc_id   VARCHAR NOT NULL,
    position INTEGER NOT NULL,
    rule_id  VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    text     VARCHAR NOT NULL
);

-- MinHash signatures, so later runs find near-duplicates of what is already loaded.
CREATE TABLE IF NOT EXISTS signatures (
    article_id   VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    minhash      BLOB NOT NULL,
    duplicate_of VARCHAR
);

CREATE OR REPLACE VIEW unique_articles AS
    SELECT * FROM articles WHERE duplicate_of IS NULL;
