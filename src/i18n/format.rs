//! Dates and times in each language's own format, in the site's time zone.

use chrono::{Datelike, NaiveDateTime, TimeZone, Timelike};
use chrono_tz::Tz;

use super::Lang;

/// A UTC timestamp as the site's visitors read it.
pub fn local(utc: NaiveDateTime, tz: Tz) -> chrono::DateTime<Tz> {
    tz.from_utc_datetime(&utc)
}

fn month_name(lang: Lang, month: u32) -> String {
    lang.t(&format!("month-{month}"))
}

/// "30. April 2013" / "April 30, 2013".
pub fn date(lang: Lang, utc: NaiveDateTime, tz: Tz) -> String {
    let t = local(utc, tz);
    match lang {
        Lang::De => format!("{}. {} {}", t.day(), month_name(lang, t.month()), t.year()),
        Lang::En => format!("{} {}, {}", month_name(lang, t.month()), t.day(), t.year()),
    }
}

/// "14:00 Uhr" / "2:00 PM".
pub fn time(lang: Lang, utc: NaiveDateTime, tz: Tz) -> String {
    let t = local(utc, tz);
    match lang {
        Lang::De => format!("{:02}:{:02} Uhr", t.hour(), t.minute()),
        Lang::En => {
            let (pm, hour) = t.hour12();
            format!(
                "{}:{:02} {}",
                hour,
                t.minute(),
                if pm { "PM" } else { "AM" }
            )
        }
    }
}

/// "30. April 2013, 14:00 Uhr" / "April 30, 2013, 2:00 PM".
pub fn date_time(lang: Lang, utc: NaiveDateTime, tz: Tz) -> String {
    format!("{}, {}", date(lang, utc, tz), time(lang, utc, tz))
}

/// "April 2013" in either language.
pub fn month_year(lang: Lang, year: i32, month: u32) -> String {
    format!("{} {}", month_name(lang, month), year)
}

/// The machine-readable form for `<time datetime>`, with offset.
pub fn iso(utc: NaiveDateTime, tz: Tz) -> String {
    local(utc, tz).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// "26. Juni 2026, 14:00–23:00 Uhr" / "June 26, 2026, 2:00–11:00 PM"; across midnight in
/// `tz` both ends carry their date.
pub fn span(lang: Lang, starts: NaiveDateTime, ends: NaiveDateTime, tz: Tz) -> String {
    if date(lang, starts, tz) != date(lang, ends, tz) {
        return format!(
            "{} – {}",
            date_time(lang, starts, tz),
            date_time(lang, ends, tz)
        );
    }
    let (start, end) = (local(starts, tz), local(ends, tz));
    let hours = match lang {
        Lang::De => format!(
            "{:02}:{:02}–{:02}:{:02} Uhr",
            start.hour(),
            start.minute(),
            end.hour(),
            end.minute()
        ),
        // "2:00–11:00 PM", but "11:00 AM – 2:00 PM" when the half of the day changes.
        Lang::En if start.hour12().0 == end.hour12().0 => {
            let (_, hour) = start.hour12();
            format!("{hour}:{:02}–{}", start.minute(), time(lang, ends, tz))
        }
        Lang::En => format!("{} – {}", time(lang, starts, tz), time(lang, ends, tz)),
    };
    format!("{}, {hours}", date(lang, starts, tz))
}

/// A zone's short name for a reader who may live elsewhere: "WEST", "EST", or "UTC+05:30"
/// where the zone has no lettered abbreviation.
pub fn zone_label(utc: NaiveDateTime, tz: Tz) -> String {
    use chrono::Offset;
    use chrono_tz::OffsetName;
    let offset = tz.offset_from_utc_datetime(&utc);
    match offset.abbreviation() {
        Some(name) if name.chars().all(|c| c.is_ascii_alphabetic()) => name.to_string(),
        _ => {
            let seconds = offset.fix().local_minus_utc();
            let sign = if seconds < 0 { '-' } else { '+' };
            let minutes = seconds.abs() / 60;
            format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .expect("valid test date")
    }

    #[test]
    fn formats_follow_each_language_in_berlin_time() {
        // 12:00 UTC on 30 April is 14:00 summer time in Berlin.
        let utc = at(2013, 4, 30, 12, 0);
        let tz = chrono_tz::Europe::Berlin;
        assert_eq!(date_time(Lang::De, utc, tz), "30. April 2013, 14:00 Uhr");
        assert_eq!(date_time(Lang::En, utc, tz), "April 30, 2013, 2:00 PM");
    }

    #[test]
    fn winter_time_and_midnight() {
        let tz = chrono_tz::Europe::Berlin;
        // 23:30 UTC on 31 December is 00:30 on New Year's Day in Berlin.
        let utc = at(2025, 12, 31, 23, 30);
        assert_eq!(date_time(Lang::De, utc, tz), "1. Januar 2026, 00:30 Uhr");
        assert_eq!(date_time(Lang::En, utc, tz), "January 1, 2026, 12:30 AM");
        assert_eq!(iso(utc, tz), "2026-01-01T00:30:00+01:00");
    }

    #[test]
    fn a_span_names_its_day_once_and_the_hours_as_a_range() {
        let tz = chrono_tz::Europe::Berlin;
        let (from, to) = (at(2027, 1, 1, 13, 0), at(2027, 1, 1, 22, 0));
        assert_eq!(
            span(Lang::De, from, to, tz),
            "1. Januar 2027, 14:00–23:00 Uhr"
        );
        assert_eq!(
            span(Lang::En, from, to, tz),
            "January 1, 2027, 2:00–11:00 PM"
        );
        let (morning, afternoon) = (at(2027, 1, 1, 10, 0), at(2027, 1, 1, 13, 30));
        assert_eq!(
            span(Lang::En, morning, afternoon, tz),
            "January 1, 2027, 11:00 AM – 2:30 PM"
        );
        let past_midnight = at(2027, 1, 2, 1, 0);
        assert_eq!(
            span(Lang::De, from, past_midnight, tz),
            "1. Januar 2027, 14:00 Uhr – 2. Januar 2027, 02:00 Uhr"
        );
    }

    #[test]
    fn zones_are_named_by_abbreviation_or_offset() {
        let summer = at(2027, 6, 25, 12, 0);
        assert_eq!(zone_label(summer, chrono_tz::Europe::Lisbon), "WEST");
        assert_eq!(zone_label(summer, chrono_tz::Asia::Kolkata), "IST");
        assert_eq!(zone_label(summer, chrono_tz::Asia::Kathmandu), "UTC+05:45");
    }
}
