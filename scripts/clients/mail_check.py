"""Mails (.eml files as the file transport writes them) as mail clients read them:
parsed with Python's email package under the strict default policy.

    mail_check.py FILE...         JSON list: one result per message with its problems
    mail_check.py links FILE...   JSON list: To, Subject, Date and the links of each message
"""

import json
import re
import sys
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

REQUIRED = ("From", "To", "Subject", "Date", "Message-ID")


def problems_of(path):
    with open(path, "rb") as f:
        msg = BytesParser(policy=policy.default).parse(f)
    problems = [f"header {name}: {d}" for name in msg.keys() for d in getattr(msg[name], "defects", [])]
    problems += [f"defect: {d!r}" for d in msg.defects]
    for name in REQUIRED:
        if not msg[name]:
            problems.append(f"no {name} header")
    if msg["Date"]:
        try:
            parsedate_to_datetime(str(msg["Date"]))
        except (TypeError, ValueError):
            problems.append(f"Date {msg['Date']!r} cannot be parsed")
    # Text and HTML as multipart/alternative, plain text first (clients show the last
    # part they understand); with an attachment that sits inside multipart/mixed.
    alternative = next((p for p in msg.walk() if p.get_content_type() == "multipart/alternative"), None)
    if alternative is None:
        problems.append(f"is {msg.get_content_type()} without a multipart/alternative part")
    else:
        first = next(iter(alternative.iter_parts()), None)
        if first is None or first.get_content_type() != "text/plain":
            problems.append(f"multipart/alternative starts with {first and first.get_content_type()}, not text/plain")
    plain = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    if plain is None:
        problems.append("no text/plain part")
    if html is None:
        problems.append("no text/html part")
    for part in (p for p in (plain, html) if p is not None):
        try:
            content = part.get_content()
        except (LookupError, UnicodeDecodeError) as err:
            problems.append(f"{part.get_content_type()} cannot be decoded: {err}")
            continue
        if not content.strip():
            problems.append(f"{part.get_content_type()} part is empty")
        if part is html:
            for href in re.findall(r'href="([^"]*)"', content):
                if not href.startswith(("http://", "https://", "mailto:")):
                    problems.append(f"HTML part links {href!r}: mail clients need absolute URLs")
    unsubscribe = msg["List-Unsubscribe"]
    if unsubscribe:
        if msg["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click":
            problems.append("List-Unsubscribe without List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058)")
        if not re.search(r"<https?://[^>]+>", unsubscribe) or "<mailto:" not in unsubscribe:
            problems.append(f"List-Unsubscribe {unsubscribe!r} needs an http(s) URL and a mailto address")
    return problems


def links_of(path):
    with open(path, "rb") as f:
        msg = BytesParser(policy=policy.default).parse(f)
    links = []
    for pref in ("plain", "html"):
        part = msg.get_body(preferencelist=(pref,))
        if part is not None:
            for url in re.findall(r'https?://[^\s"<>]+', part.get_content()):
                url = url.replace("&amp;", "&")
                if url not in links:
                    links.append(url)
    attachments = [p.get_content_type() for p in msg.iter_attachments()]
    return {"mail": path, "to": str(msg["To"] or ""), "subject": str(msg["Subject"] or ""),
            "date": str(msg["Date"] or ""), "links": links, "attachments": attachments}


def subject_of(path):
    try:
        with open(path, "rb") as f:
            return str(BytesParser(policy=policy.default).parse(f)["Subject"] or "")
    except Exception:
        return ""


def main(paths):
    if paths[:1] == ["links"]:
        out = []
        for path in paths[1:]:
            try:
                out.append(links_of(path))
            except Exception as err:  # a file still being written: the caller asks again
                out.append({"mail": path, "error": repr(err), "to": "", "subject": "", "links": [], "attachments": []})
        json.dump(out, sys.stdout, ensure_ascii=False)
        return 0
    out = []
    for path in paths:
        try:
            problems = problems_of(path)
        except Exception as err:
            problems = [f"cannot parse it: {err!r}"]
        out.append({"mail": path, "problems": problems, "subject": subject_of(path)})
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
