//! iCalendar (RFC 5545) for events: one file per event and a feed of all of them.
//! Times carry their TZID with a matching VTIMEZONE built from the tz database.

use std::collections::BTreeSet;
use std::fmt::Write;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::model::{AgendaItem, Event};
use crate::i18n::Lang;
use crate::mail::links::MailContext;

/// A calendar file as an HTTP answer, shown inline (calendar apps subscribe to it).
pub fn response(body: String, filename: &str) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_TYPE,
            "text/calendar; charset=utf-8",
        ))
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .body(body)
}

/// A scheduled open-space session, written as its own VEVENT.
#[derive(Debug, Clone)]
pub struct Session {
    pub topic_id: i64,
    pub title: String,
    pub room: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    /// Rises with every move, so calendar apps take the newest placement.
    pub sequence: i32,
    pub url: String,
}

/// Who publishes the calendar: METHOD:PUBLISH requires an ORGANIZER on every VEVENT
/// (RFC 5546), which strict readers such as libical check.
#[derive(Debug, Clone, Copy)]
pub struct Organizer<'a> {
    pub name: &'a str,
    pub email: &'a str,
}

impl Organizer<'_> {
    /// The site, reachable at the sender address: what our calendar files name as ORGANIZER.
    pub fn of(ctx: &MailContext) -> Organizer<'_> {
        Organizer {
            name: &ctx.site_name,
            email: &ctx.organizer_email,
        }
    }

    fn line(&self) -> String {
        // A quoted parameter may not contain quotes; the name is only a label.
        let name: String = self.name.chars().filter(|c| *c != '"').collect();
        format!("ORGANIZER;CN=\"{name}\":mailto:{}", self.email)
    }
}

/// A whole calendar with one event (its agenda in the description) and its sessions.
pub fn event_calendar(
    event: &Event,
    agenda: &[AgendaItem],
    sessions: &[Session],
    lang: Lang,
    base_url: &str,
    organizer: &Organizer,
) -> String {
    calendar(
        std::slice::from_ref(event),
        agenda,
        sessions,
        lang,
        base_url,
        organizer,
        None,
    )
}

/// The subscribable feed of all published events.
pub fn feed(
    events: &[Event],
    lang: Lang,
    base_url: &str,
    organizer: &Organizer,
    name: &str,
) -> String {
    calendar(events, &[], &[], lang, base_url, organizer, Some(name))
}

fn calendar(
    events: &[Event],
    agenda: &[AgendaItem],
    sessions: &[Session],
    lang: Lang,
    base_url: &str,
    organizer: &Organizer,
    name: Option<&str>,
) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!(
            "PRODID:-//Grillplatz//Grillplatz//{}",
            lang.code().to_uppercase()
        ),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    if let Some(name) = name {
        line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    }
    let zones: BTreeSet<(String, i32)> = events
        .iter()
        .flat_map(|e| {
            let tz = e.timezone.name().to_string();
            [(tz.clone(), e.starts_at.year()), (tz, e.ends_at.year())]
        })
        .collect();
    let mut by_zone: std::collections::BTreeMap<String, (i32, i32)> = Default::default();
    for (tz, year) in zones {
        let range = by_zone.entry(tz).or_insert((year, year));
        range.0 = range.0.min(year);
        range.1 = range.1.max(year);
    }
    for (name, (from, to)) in by_zone {
        if let Ok(tz) = name.parse::<Tz>() {
            vtimezone(&mut out, tz, from - 1, to + 1);
        }
    }
    let organizer = organizer.line();
    for event in events {
        vevent(&mut out, event, agenda, lang, base_url, &organizer);
        for session in sessions {
            session_vevent(&mut out, event, session, &organizer);
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn vevent(
    out: &mut String,
    event: &Event,
    agenda: &[AgendaItem],
    lang: Lang,
    base_url: &str,
    organizer: &str,
) {
    let tz = event.tz();
    let local = |t: NaiveDateTime| tz.from_utc_datetime(&t).format("%Y%m%dT%H%M%S").to_string();
    let mut description = event.description(lang).to_string();
    if !agenda.is_empty() {
        description.push_str("\n\n");
        for item in agenda {
            let _ = writeln!(
                description,
                "{} {}",
                crate::i18n::format::time(lang, item.starts_at, tz),
                match lang {
                    Lang::De => &item.title_de,
                    Lang::En => &item.title_en,
                }
            );
        }
    }
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", event.uid));
    line(out, &format!("DTSTAMP:{}", utc(event.updated_at)));
    line(out, &format!("LAST-MODIFIED:{}", utc(event.updated_at)));
    line(out, &format!("SEQUENCE:{}", event.sequence));
    line(
        out,
        &format!("DTSTART;TZID={}:{}", event.timezone, local(event.starts_at)),
    );
    line(
        out,
        &format!("DTEND;TZID={}:{}", event.timezone, local(event.ends_at)),
    );
    line(out, organizer);
    line(out, &format!("SUMMARY:{}", escape(event.title(lang))));
    line(
        out,
        &format!("DESCRIPTION:{}", escape(description.trim_end())),
    );
    line(
        out,
        &format!(
            "LOCATION:{}",
            escape(&format!("{}, {}", event.venue_name, event.venue_address))
        ),
    );
    line(out, &format!("URL:{base_url}{}", event.path(lang)));
    line(
        out,
        if event.is_cancelled() {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        },
    );
    line(out, "END:VEVENT");
}

fn session_vevent(out: &mut String, event: &Event, session: &Session, organizer: &str) {
    let tz = event.tz();
    let local = |t: NaiveDateTime| tz.from_utc_datetime(&t).format("%Y%m%dT%H%M%S").to_string();
    line(out, "BEGIN:VEVENT");
    line(
        out,
        &format!("UID:topic-{}-{}", session.topic_id, event.uid),
    );
    line(out, &format!("DTSTAMP:{}", utc(event.updated_at)));
    line(out, &format!("SEQUENCE:{}", session.sequence));
    line(
        out,
        &format!(
            "DTSTART;TZID={}:{}",
            event.timezone,
            local(session.starts_at)
        ),
    );
    line(
        out,
        &format!("DTEND;TZID={}:{}", event.timezone, local(session.ends_at)),
    );
    line(out, organizer);
    line(out, &format!("SUMMARY:{}", escape(&session.title)));
    line(
        out,
        &format!(
            "LOCATION:{}",
            escape(&format!("{}, {}", session.room, event.venue_name))
        ),
    );
    line(out, &format!("URL:{}", session.url));
    line(out, "STATUS:CONFIRMED");
    line(out, "END:VEVENT");
}

fn utc(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The zone's offset changes between the start of `from` and the end of `to`, each as a
/// STANDARD or DAYLIGHT block with its exact local start (no recurrence rules to get wrong).
fn vtimezone(out: &mut String, tz: Tz, from: i32, to: i32) {
    line(out, "BEGIN:VTIMEZONE");
    line(out, &format!("TZID:{}", tz.name()));
    let start = NaiveDate::from_ymd_opt(from, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    let end = NaiveDate::from_ymd_opt(to + 1, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    let mut transitions = 0;
    let offset_at = |t: NaiveDateTime| tz.offset_from_utc_datetime(&t).fix().local_minus_utc();
    if let (Some(mut t), Some(end)) = (start, end) {
        // Walk day by day, then narrow a change down to the minute by bisection.
        while t < end {
            let next = t + Duration::days(1);
            if offset_at(t) != offset_at(next) {
                let (mut before, mut after) = (t, next);
                while after - before > Duration::minutes(1) {
                    let middle = before + (after - before) / 2;
                    if offset_at(middle) == offset_at(before) {
                        before = middle;
                    } else {
                        after = middle;
                    }
                }
                let change = after.with_second(0).unwrap_or(after);
                let (old, new) = (offset_at(before), offset_at(change));
                let zone = tz.offset_from_utc_datetime(&change);
                let kind = if zone.dst_offset().is_zero() {
                    "STANDARD"
                } else {
                    "DAYLIGHT"
                };
                let local_start = change + Duration::seconds(i64::from(old));
                line(out, &format!("BEGIN:{kind}"));
                line(
                    out,
                    &format!("DTSTART:{}", local_start.format("%Y%m%dT%H%M%S")),
                );
                line(out, &format!("TZOFFSETFROM:{}", offset(old)));
                line(out, &format!("TZOFFSETTO:{}", offset(new)));
                if let Some(abbreviation) = zone.abbreviation() {
                    line(out, &format!("TZNAME:{abbreviation}"));
                }
                line(out, &format!("END:{kind}"));
                transitions += 1;
            }
            t = next;
        }
    }
    if transitions == 0 {
        let fixed = start
            .map(|t| tz.offset_from_utc_datetime(&t).fix().local_minus_utc())
            .unwrap_or(0);
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:19700101T000000");
        line(out, &format!("TZOFFSETFROM:{}", offset(fixed)));
        line(out, &format!("TZOFFSETTO:{}", offset(fixed)));
        line(out, "END:STANDARD");
    }
    line(out, "END:VTIMEZONE");
}

fn offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// TEXT escaping of RFC 5545 §3.3.11.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Appends a content line, folded at 75 octets without splitting a character.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_without_breaking_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "ä".repeat(60)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{physical:?}");
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "ä".repeat(60))
        );
    }

    #[test]
    fn berlin_has_both_changes_of_the_year() {
        let mut out = String::new();
        vtimezone(&mut out, chrono_tz::Europe::Berlin, 2026, 2026);
        assert!(out.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST"), "{out}");
        assert!(out.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET"), "{out}");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
