"""Calendar files (.ics) as calendar apps read them: RFC 5545 framing checked by hand
(CRLF, folded lines), then parsed with the icalendar library. A mail (.eml) stands
for the calendars attached to it.

    calendar_check.py [--save DIR] URL_OR_FILE...
        JSON list: one result per calendar with its problems; with --save each
        calendar is also written to DIR (for libical), its path under "saved"
"""

import json
import os
import re
import sys
import urllib.request
from email import policy
from email.parser import BytesParser

from icalendar import Calendar


def documents(source):
    """(name, HTTP status, Content-Type, bytes) of each calendar `source` stands for."""
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=20) as res:
            return [(source, res.status, res.headers.get("Content-Type", ""), res.read())]
    if source.endswith(".eml"):
        with open(source, "rb") as f:
            msg = BytesParser(policy=policy.default).parse(f)
        found = []
        for n, part in enumerate((p for p in msg.walk() if p.get_content_type() == "text/calendar"), 1):
            name = f"{source} ({part.get_filename() or f'calendar part {n}'})"
            raw = part.get_payload(decode=True) or b""
            # MIME text is CRLF-terminated in canonical form, whatever line ends the
            # decoder of a quoted-printable or 8bit part hands out; base64 keeps its bytes.
            if part.get("Content-Transfer-Encoding", "").strip().lower() != "base64":
                raw = re.sub(rb"\r?\n", b"\r\n", raw)
            found.append((name, 200, part.get("Content-Type", ""), raw))
        return found
    with open(source, "rb") as f:
        return [(source, 200, "text/calendar", f.read())]


def tzids(component):
    """(property, TZID) of every property of `component` with a TZID parameter."""
    for name, value in component.items():
        for v in value if isinstance(value, list) else [value]:
            tzid = getattr(v, "params", {}).get("TZID")
            if tzid:
                yield name, str(tzid)


def problems_of(status, content_type, raw):
    problems = []
    if status != 200:
        return [f"answered HTTP {status}"], 0
    if not content_type.startswith("text/calendar"):
        problems.append(f"Content-Type is {content_type!r}, not text/calendar")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return problems + [f"not UTF-8: {err}"], 0
    if "\n" in text.replace("\r\n", ""):
        problems.append("lines end in LF, not CRLF")
    for n, line in enumerate(text.split("\r\n"), 1):
        if len(line.encode("utf-8")) > 75:
            problems.append(f"line {n} is longer than 75 octets (not folded)")
            break
    try:
        cal = Calendar.from_ical(text)
    except Exception as err:
        return problems + [f"icalendar cannot parse it: {err}"], 0
    if cal.name != "VCALENDAR":
        problems.append(f"top component is {cal.name}, not VCALENDAR")
    if str(cal.get("VERSION", "")) != "2.0":
        problems.append("VERSION is not 2.0")
    if not cal.get("PRODID"):
        problems.append("no PRODID")
    timezones = {str(tz.get("TZID")) for tz in cal.walk("VTIMEZONE")}
    # Any property of any component (DTSTART, DTEND, DUE, RECURRENCE-ID, EXDATE, ...).
    for component in cal.walk():
        if component.name in ("VTIMEZONE", "STANDARD", "DAYLIGHT"):
            continue
        what = f"{component.name} {component.get('SUMMARY', '')!s}".strip()
        for name, tzid in tzids(component):
            if tzid not in timezones:
                problems.append(f"{what}: {name} uses TZID {tzid} without a VTIMEZONE for it")
    events = cal.walk("VEVENT")
    if not events:
        problems.append("no VEVENT")
    for n, event in enumerate(events, 1):
        what = f"event {n} ({event.get('SUMMARY', 'untitled')})"
        for field in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if event.get(field) is None:
                problems.append(f"{what} has no {field}")
        if event.get("DTEND") is not None and event.get("DURATION") is not None:
            problems.append(f"{what} has both DTEND and DURATION")
    return problems, len(events)


def main(argv):
    save = None
    if argv[:1] == ["--save"]:
        save, argv = argv[1], argv[2:]
        os.makedirs(save, exist_ok=True)
    out = []
    for source in argv:
        try:
            found = documents(source)
        except Exception as err:
            out.append({"calendar": source, "events": 0, "problems": [f"cannot read it: {err!r}"]})
            continue
        for name, status, content_type, raw in found:
            result = {"calendar": name, "events": 0}
            try:
                result["problems"], result["events"] = problems_of(status, content_type, raw)
            except Exception as err:
                result["problems"] = [f"cannot read it: {err!r}"]
            if save and status == 200:
                stem = re.sub(r"[^A-Za-z0-9]+", "-", re.sub(r"^https?://[^/]+", "", name)).strip("-")[-80:]
                result["saved"] = os.path.join(save, f"{len(out) + 1:03d}-{stem or 'calendar'}.ics")
                with open(result["saved"], "wb") as f:
                    f.write(raw)
            out.append(result)
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
