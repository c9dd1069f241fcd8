"""Mails (.eml files as the file transport writes them) as mail clients read them:
parsed with Python's email package under the strict default policy.

    mail_check.py FILE...   JSON list: one result per message with its problems
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
    if msg.get_content_type() != "multipart/alternative" and not msg.is_multipart():
        problems.append(f"is {msg.get_content_type()}, not multipart with text and HTML")
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
    if msg["List-Unsubscribe"] and not msg["List-Unsubscribe-Post"]:
        problems.append("List-Unsubscribe without List-Unsubscribe-Post (RFC 8058)")
    return problems


def main(paths):
    out = []
    for path in paths:
        try:
            problems = problems_of(path)
        except Exception as err:
            problems = [f"cannot parse it: {err!r}"]
        out.append({"mail": path, "problems": problems})
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
