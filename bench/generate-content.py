#!/usr/bin/env python3
"""Writes a content folder of N generated publications for benchmarks.

    bench/generate-content.py OUT_DIR [N] [WORDS]

The taxonomy (5 topics, 8 regions, 5 experts) is the demo institute's, copied from
src/main/resources/demo; the publications are random but deterministic (seeded): English and
Russian, every type, 1-3 topics and regions, 1-2 experts, dates over ten years, a few sections
and a table now and then, about WORDS words each (default 800).
"""
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "src", "main", "resources", "demo")

EN = ("policy trade energy border corridor security reform market investment regional cooperation "
      "infrastructure agreement government institution analysis transit export import growth risk "
      "negotiation parliament election budget tariff railway pipeline port grid water climate migration "
      "remittance accession treaty dialogue sanction supply demand capacity resilience transparency").split()
RU = ("политика торговля энергетика граница коридор безопасность реформа рынок инвестиции регион "
      "сотрудничество инфраструктура соглашение правительство институт анализ транзит экспорт импорт "
      "рост риск переговоры парламент выборы бюджет тариф железная дорога порт сеть вода климат").split()
TYPES = ["analysis", "commentary", "report", "policy-brief", "interview"]
TOPICS = ["security", "energy", "economy", "governance", "connectivity"]
REGIONS = ["south-caucasus", "armenia", "georgia", "azerbaijan", "black-sea", "ukraine", "moldova", "central-asia"]
EXPERTS = ["lilit-arakelyan", "tamar-lomidze", "elvin-huseynli", "irina-moraru", "daniyar-abenov"]


def sentence(rng, words, n):
    text = " ".join(rng.choice(words) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, words, count):
    out, total = [], 0
    while total < count:
        n = rng.randint(8, 22)
        out.append(sentence(rng, words, n))
        total += n
    return " ".join(out), total


def body(rng, words, target):
    parts, total, section = [], 0, 0
    while total < target:
        section += 1
        parts.append("## " + sentence(rng, words, rng.randint(2, 5)).rstrip("."))
        for _ in range(rng.randint(2, 4)):
            text, n = paragraph(rng, words, rng.randint(60, 110))
            parts.append(text)
            total += n
        if section == 2 and rng.random() < 0.3:
            parts.append("| Year | Value | Change |\n|---|---:|---:|\n" + "\n".join(
                "| %d | %d | %+.1f%% |" % (2015 + i, rng.randint(10, 999), rng.uniform(-9, 9)) for i in range(5)))
    return "\n\n".join(parts)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    words_per_piece = int(sys.argv[3]) if len(sys.argv) > 3 else 800
    if os.path.exists(out) and os.listdir(out):
        sys.exit(out + " is not empty")
    rng = random.Random(20261125)
    os.makedirs(os.path.join(out, "publications"), exist_ok=True)
    for name in ("topics.yaml", "regions.yaml", "site.yaml"):
        shutil.copy(os.path.join(DEMO, name), os.path.join(out, name))
    shutil.copytree(os.path.join(DEMO, "experts"), os.path.join(out, "experts"))
    for i in range(count):
        russian = rng.random() < 0.2
        words = RU if russian else EN
        slug = "generated-%05d" % i
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        year = rng.randint(2016, 2026 if month < 11 else 2025)
        front = [
            "---",
            "slug: " + slug,
            'title: "%s"' % sentence(rng, words, rng.randint(4, 9)).rstrip("."),
            'standfirst: "%s"' % paragraph(rng, words, 35)[0],
            "type: " + rng.choice(TYPES),
            "status: published",
            "language: " + ("ru" if russian else "en"),
            "published: %04d-%02d-%02dT%02d:00:00Z" % (year, month, day, rng.randint(6, 18)),
            "experts: [%s]" % ", ".join(rng.sample(EXPERTS, rng.randint(1, 2))),
            "topics: [%s]" % ", ".join(rng.sample(TOPICS, rng.randint(1, 3))),
            "regions: [%s]" % ", ".join(rng.sample(REGIONS, rng.randint(1, 3))),
            "featured: %s" % ("true" if i == count - 1 else "false"),
            "---",
        ]
        with open(os.path.join(out, "publications", slug + ".md"), "w", encoding="utf-8") as f:
            f.write("\n".join(front) + "\n" + body(rng, words, words_per_piece) + "\n")
    print("wrote %d publications to %s" % (count, out))


if __name__ == "__main__":
    main()
