-- The back office's article list (org.masthead.article.ArticleDesk): newest publish time first over
-- every state, and an author's own articles (authors see only those).
CREATE INDEX article_desk_time ON article (published_at DESC, id DESC);
CREATE INDEX article_created_by ON article (created_by, published_at DESC);
