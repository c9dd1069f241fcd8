//! Limits counted in the database, so every app instance sees the same numbers.

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::rate_events;

/// How many events a subject may cause in a window.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub bucket: &'static str,
    pub max: i64,
    pub window: Duration,
}

pub const LOGIN_FAILURES: Limit = Limit {
    bucket: "login-failure",
    max: 5,
    window: Duration::minutes(15),
};

pub const COMMENTS: Limit = Limit {
    bucket: "comment",
    max: 5,
    window: Duration::minutes(10),
};

/// Topic proposals and note revisions per address; generous, since at the event a whole
/// room may share one NAT address.
pub const TOPIC_WRITES: Limit = Limit {
    bucket: "topic-write",
    max: 60,
    window: Duration::minutes(10),
};

impl Limit {
    fn since(&self, now: NaiveDateTime) -> NaiveDateTime {
        now - self.window
    }

    /// Whether `subject` has used up this limit.
    pub fn exceeded(&self, conn: &mut DbConn, subject: &str) -> QueryResult<bool> {
        let now = Utc::now().naive_utc();
        let count: i64 = rate_events::table
            .filter(rate_events::bucket.eq(self.bucket))
            .filter(rate_events::subject.eq(subject))
            .filter(rate_events::created_at.gt(self.since(now)))
            .count()
            .get_result(conn)?;
        Ok(count >= self.max)
    }

    /// Counts one event for `subject`, and forgets events older than the window.
    pub fn record(&self, conn: &mut DbConn, subject: &str) -> QueryResult<()> {
        let now = Utc::now().naive_utc();
        diesel::delete(
            rate_events::table
                .filter(rate_events::bucket.eq(self.bucket))
                .filter(rate_events::created_at.lt(self.since(now))),
        )
        .execute(conn)?;
        diesel::insert_into(rate_events::table)
            .values((
                rate_events::bucket.eq(self.bucket),
                rate_events::subject.eq(subject),
                rate_events::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    }

    /// Counts one event for `subject` unless the limit is used up; false means refused.
    pub fn take(&self, conn: &mut DbConn, subject: &str) -> QueryResult<bool> {
        if self.exceeded(conn, subject)? {
            return Ok(false);
        }
        self.record(conn, subject)?;
        Ok(true)
    }

    /// Forgets the events of `subject` (after a successful login).
    pub fn clear(&self, conn: &mut DbConn, subject: &str) -> QueryResult<()> {
        diesel::delete(
            rate_events::table
                .filter(rate_events::bucket.eq(self.bucket))
                .filter(rate_events::subject.eq(subject)),
        )
        .execute(conn)?;
        Ok(())
    }
}

pub const RSVPS: Limit = Limit {
    bucket: "rsvp",
    max: 10,
    window: Duration::minutes(10),
};
