"""Atom feeds as feed readers see them: parsed with feedparser, which most Python
readers and many aggregators use.

    feeds.py check URL_OR_FILE...   JSON list: one result per feed with its problems
    feeds.py ids URL_OR_FILE        JSON object: entry link -> {id, title, updated}
"""

import json
import sys

import feedparser


def problems_of(source):
    d = feedparser.parse(source)
    problems = []
    status = getattr(d, "status", None)
    if status is not None and status != 200:
        return [f"answered HTTP {status}"], 0
    content_type = d.get("headers", {}).get("content-type", "")
    if source.startswith("http") and "application/atom+xml" not in content_type:
        problems.append(f"Content-Type is {content_type!r}, not application/atom+xml")
    if d.bozo:
        problems.append(f"not well-formed (bozo): {d.bozo_exception}")
    if d.version != "atom10":
        problems.append(f"parsed as {d.version or 'nothing'}, not Atom 1.0")
    feed = d.feed
    for field in ("id", "title", "updated"):
        if not feed.get(field):
            problems.append(f"feed has no <{field}>")
    selfs = [link for link in feed.get("links", []) if link.get("rel") == "self"]
    if not selfs:
        problems.append('feed has no <link rel="self">')
    elif source.startswith("http") and selfs[0].get("href") != source:
        problems.append(f"self link {selfs[0].get('href')} is not the feed's address")
    if not (feed.get("author_detail", {}).get("name") or feed.get("authors")):
        problems.append("feed has no <author>")
    seen = set()
    for n, entry in enumerate(d.entries, 1):
        what = f"entry {n} ({entry.get('title', 'untitled')!r})"
        for field in ("id", "updated", "link", "title"):
            if not entry.get(field):
                problems.append(f"{what} has no <{field}>")
        if entry.get("id") in seen:
            problems.append(f"{what} repeats the id {entry.get('id')}")
        seen.add(entry.get("id"))
        if entry.get("link") and not entry.link.startswith(("http://", "https://")):
            problems.append(f"{what} links {entry.link}, not an absolute URL")
        if not (entry.get("author_detail", {}).get("name") or feed.get("author_detail", {}).get("name")):
            problems.append(f"{what} has no author")
    return problems, len(d.entries)


def check(sources):
    out = []
    for source in sources:
        try:
            problems, entries = problems_of(source)
        except Exception as err:  # a crash in the parser is a finding, too
            problems, entries = [f"feedparser failed: {err!r}"], 0
        out.append({"feed": source, "entries": entries, "problems": problems})
    return out


def ids(source):
    d = feedparser.parse(source)
    return {
        e.get("link"): {"id": e.get("id"), "title": e.get("title"), "updated": e.get("updated")}
        for e in d.entries
    }


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        result = check(argv[1:])
    elif len(argv) == 2 and argv[0] == "ids":
        result = ids(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
