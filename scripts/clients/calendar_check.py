"""Calendar files (.ics) as calendar apps read them: RFC 5545 framing checked by hand
(CRLF, folded lines), then parsed with the icalendar library.

    calendar_check.py URL_OR_FILE...   JSON list: one result per calendar with its problems
"""

import json
import sys
import urllib.request

from icalendar import Calendar


def fetch(source):
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=20) as res:
            return res.status, res.headers.get("Content-Type", ""), res.read()
    with open(source, "rb") as f:
        return 200, "text/calendar", f.read()


def problems_of(source):
    status, content_type, raw = fetch(source)
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
        for field in ("DTSTART", "DTEND"):
            prop = event.get(field)
            tzid = prop.params.get("TZID") if prop is not None else None
            if tzid and tzid not in timezones:
                problems.append(f"{what}: {field} uses TZID {tzid} without a VTIMEZONE for it")
    return problems, len(events)


def main(sources):
    out = []
    for source in sources:
        try:
            problems, events = problems_of(source)
        except Exception as err:
            problems, events = [f"cannot read it: {err!r}"], 0
        out.append({"calendar": source, "events": events, "problems": problems})
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
