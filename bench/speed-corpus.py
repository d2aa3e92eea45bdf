#!/usr/bin/env python3
"""Makes COUNT (default 100,000) import records from the Sina 2018 corpus, repeated (bench/speed.sh).

    python3 bench/speed-corpus.py IN.jsonl OUT.jsonl [COUNT]

The corpus holds about 12,000 usable articles, so it is walked round after round. Each round varies
what a site would vary: the original URL (so every record is a new article), the channel (the corpus
category, and from the second round on also a regional sub-edition: 12 channels in all), the
publication time (spread evenly over 2018, shuffled with a fixed seed) and two tags out of 40.
Bodies and titles stay exactly as in the corpus; the title gets the round number after round one so
that listings do not show the same title twice in a row. Same input, same output.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8))
START = datetime(2018, 1, 1, tzinfo=BEIJING)
END = datetime(2019, 1, 1, tzinfo=BEIJING)
EDITIONS = ["", "华东"]
TAGS = [f"专题{n:02d}" for n in range(40)]


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    source, target = argv[1], argv[2]
    count = int(argv[3]) if len(argv) == 4 else 100_000
    with open(source, encoding="utf-8") as lines:
        usable = [a for a in map(json.loads, lines) if (a.get("body") or "").strip() and (a.get("title") or "").strip()]
    seeded = random.Random(2018)
    step = (END - START) / count
    times = [START + i * step for i in range(count)]
    seeded.shuffle(times)
    with open(target, "w", encoding="utf-8") as out:
        for i in range(count):
            article = usable[i % len(usable)]
            rnd = i // len(usable)
            edition = EDITIONS[rnd % len(EDITIONS)]
            title = article["title"].strip() if rnd == 0 else f"{article['title'].strip()}（{rnd + 1}）"
            record = {
                "title": title[:200],
                "body": article["body"],
                "bodyFormat": "text",
                "publishedAt": times[i].replace(microsecond=0).isoformat(),
                "source": "新浪新闻",
                "sourceUrl": "https://news.sina.com.cn/",
                "originalUrl": f"https://news.sina.com.cn/speed/{rnd}/{article['id']}",
                "channel": article["category"] + edition,
                "tags": seeded.sample(TAGS, 2),
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{count} articles written to {target}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
