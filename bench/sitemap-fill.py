#!/usr/bin/env python3
"""Fills a migrated, empty Masthead SQLite database with N articles by direct SQL (see bench/README.md).

    python3 bench/sitemap-fill.py DB_FILE N NOW_EPOCH_MILLIS

Articles 1..N are published 150 s apart, the last one an hour before NOW, so the last 48 hours hold
about 1,150 of them (more than the news sitemap's 1,000). Every 97th is a draft and every 211th is
scheduled for the day after NOW: both are hidden from readers and from the sitemaps. updated_at is the
publication time plus 0 to 12 minutes (NOW for the scheduled ones). 12 channels, 300 sources (every
tenth article has none) and 20,000 tags, one tag an article. Bodies are one short paragraph.
Prints the number of visible articles.
"""
import sqlite3
import sys
import time

db_file, n, now = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
STEP = 150_000
CHANNELS, SOURCES, TAGS = 12, 300, 20_000

db = sqlite3.connect(db_file)
if db.execute("SELECT COUNT(*) FROM article").fetchone()[0]:
    sys.exit(f"{db_file} already holds articles")
started = time.time()
db.execute("BEGIN")
db.executemany("INSERT INTO channel (id, name, slug, position) VALUES (?, ?, ?, ?)",
               ((c, f"栏目{c}", f"栏目{c}", c) for c in range(1, CHANNELS + 1)))
db.executemany("INSERT INTO source (id, name, homepage) VALUES (?, ?, ?)",
               ((s, f"来源{s}", f"https://source{s}.example.cn/") for s in range(1, SOURCES + 1)))
db.executemany("INSERT INTO tag (id, name) VALUES (?, ?)", ((t, f"标签{t}") for t in range(1, TAGS + 1)))

visible = 0


def rows():
    global visible
    for i in range(1, n + 1):
        published = now - 3_600_000 - (n - i) * STEP
        updated = published + (i % 13) * 60_000
        status = "published"
        if i % 97 == 0:
            status = "draft"
        elif i % 211 == 0:
            published, updated = now + 86_400_000, now
        else:
            visible += 1
        yield (i, f"基准文章 {i}", f"<p>正文 {i}</p>", f"正文 {i}", status, published, published, updated,
               f"https://bench.example.cn/{i}", None if i % 10 == 0 else i % SOURCES + 1, i % CHANNELS + 1, f"{i:064x}")


db.executemany("""INSERT INTO article (id, title, body_html, lead_text, status, published_at, created_at, updated_at,
                                       original_url, source_id, channel_id, content_hash)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows())
db.executemany("INSERT INTO article_tag (article_id, tag_id, position) VALUES (?, ?, 0)",
               ((i, (i * 7919) % TAGS + 1) for i in range(1, n + 1)))
db.commit()
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
db.close()
print(visible)
print(f"filled {n} articles in {time.time() - started:.1f} s", file=sys.stderr)
