-- The search index compares itself with the published articles (their count and the sums of their ids
-- and update times) and is rebuilt by walking them in id order. This index answers both without
-- reading a row: SQLite keeps status and updated_at behind the body in each row, so without it every
-- check would read the whole table, bodies included.
CREATE INDEX article_status_id_updated ON article (status, id, updated_at);
