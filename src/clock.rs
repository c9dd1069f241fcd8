//! The one clock: every stored time is naive UTC; local times are converted on the way in.

use chrono::{NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The current time in UTC, as the database stores it.
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// A wall-clock time in `tz` as UTC; in the hour skipped by a DST change there is none,
/// and of the doubled hour the earlier one is taken.
pub fn local_to_utc(tz: Tz, local: NaiveDateTime) -> Option<NaiveDateTime> {
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
}
