#!/usr/bin/env python3
"""Turns the Sina 2018 news corpus into Masthead's import format (JSON Lines, docs/import-format.md).

    python3 bench/sina-to-import.py IN.jsonl OUT.jsonl [COUNT]

Picks COUNT (default 10,000) of the articles with a non-empty body, a sample drawn with a fixed seed
(the corpus is grouped by category, so its first 10,000 lines would under-represent the last
channels) and kept in corpus order. The body is plain text ("bodyFormat": "text"), the channel is
the corpus category, and the publication times are spread evenly over October and November 2018
(+08:00) and shuffled with the same seed, so every run produces the same file and channels are
interleaved in time as on a real site.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8))
START = datetime(2018, 10, 1, tzinfo=BEIJING)
END = datetime(2018, 12, 1, tzinfo=BEIJING)


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    source, target = argv[1], argv[2]
    count = int(argv[3]) if len(argv) == 4 else 10_000
    with open(source, encoding="utf-8") as lines:
        usable = [a for a in map(json.loads, lines) if (a.get("body") or "").strip() and (a.get("title") or "").strip()]
    if len(usable) < count:
        sys.exit(f"only {len(usable)} articles with a body in {source}, {count} wanted")
    seeded = random.Random(2018)
    picked = [usable[i] for i in sorted(seeded.sample(range(len(usable)), count))]
    step = (END - START) / count
    times = [START + i * step for i in range(count)]
    seeded.shuffle(times)
    with open(target, "w", encoding="utf-8") as out:
        for article, published in zip(picked, times):
            record = {
                "title": article["title"].strip(),
                "body": article["body"],
                "bodyFormat": "text",
                "publishedAt": published.replace(microsecond=0).isoformat(),
                "source": "新浪新闻",
                "sourceUrl": "https://news.sina.com.cn/",
                "originalUrl": f"https://news.sina.com.cn/bench/{article['id']}",
                "channel": article["category"],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{count} articles written to {target}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
