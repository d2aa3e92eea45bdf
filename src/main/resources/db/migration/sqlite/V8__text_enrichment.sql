-- Chinese enrichment of each article (ingest.enrichment): its story cluster (near-duplicates from several
-- publishers), MinHash fingerprint and LSH band keys, extractive summary, suggested keywords and quality
-- verdict. Derived from the article and rebuilt whenever it changes; the article table is not touched.
CREATE TABLE story_cluster (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    primary_article_id BIGINT NOT NULL,
    created_at         BIGINT NOT NULL
);

CREATE TABLE article_text (
    article_id      BIGINT  PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    story_id        BIGINT  NOT NULL REFERENCES story_cluster (id),
    published_at    BIGINT  NOT NULL,
    fingerprint     TEXT    NOT NULL,
    shingles        INTEGER NOT NULL,
    summary         TEXT    NOT NULL,
    keywords        TEXT    NOT NULL,
    quality_score   INTEGER NOT NULL,
    quality_flagged BOOLEAN NOT NULL,
    quality_reasons TEXT    NOT NULL,
    analysed_at     BIGINT  NOT NULL
);
CREATE INDEX article_text_story ON article_text (story_id, published_at);
CREATE INDEX article_text_flagged ON article_text (quality_flagged, article_id);

CREATE TABLE article_band (
    band_key    BIGINT NOT NULL,
    article_id  BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
);
CREATE INDEX article_band_article ON article_band (article_id);
