//! The one clock: every stored time is naive UTC.

use chrono::{NaiveDateTime, Utc};

/// The current time in UTC, as the database stores it.
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}
