//! Limits counted in the database, so every app instance sees the same numbers.
//!
//! A limit is a counter per (bucket, subject) over a fixed window. Counting and checking
//! are one `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so parallel requests cannot all
//! read "4 of 5" and pass together: the database serializes the increments.

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::dsl::case_when;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Timestamp};

use crate::db::DbConn;
use crate::db::schema::rate_counters;

/// How many events a subject may cause in a window.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub bucket: &'static str,
    pub max: i32,
    pub window: Duration,
}

/// Password checks per client address, whichever accounts they try.
pub const LOGIN_PER_ADDRESS: Limit = Limit {
    bucket: "login-address",
    max: 20,
    window: Duration::minutes(15),
};

/// Password checks for one account from one address: a guesser there is stopped without
/// locking the account's owner out elsewhere.
pub const LOGIN_PER_ACCOUNT_AND_ADDRESS: Limit = Limit {
    bucket: "login-account-address",
    max: 5,
    window: Duration::minutes(15),
};

/// Failed logins of one account from anywhere; beyond `max`, answers slow down.
pub const LOGIN_FAILURES_PER_ACCOUNT: Limit = Limit {
    bucket: "login-account",
    max: 10,
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

pub const RSVPS: Limit = Limit {
    bucket: "rsvp",
    max: 10,
    window: Duration::minutes(10),
};

impl Limit {
    /// Counts one event for `subject` unless the limit is used up; false means refused.
    pub fn take(&self, conn: &mut DbConn, subject: &str) -> QueryResult<bool> {
        Ok(self.count_one(conn, subject)? <= self.max)
    }

    /// Counts one event for `subject` and returns the count in the current window,
    /// this event included.
    pub fn count_one(&self, conn: &mut DbConn, subject: &str) -> QueryResult<i32> {
        let now = Utc::now().naive_utc();
        let cutoff = self.since(now);
        // MultiBackend has no ON CONFLICT, so the same upsert is built for each backend.
        macro_rules! upsert {
            () => {
                diesel::insert_into(rate_counters::table)
                    .values((
                        rate_counters::bucket.eq(self.bucket),
                        rate_counters::subject.eq(subject),
                        rate_counters::window_start.eq(now),
                        rate_counters::hits.eq(1),
                    ))
                    .on_conflict((rate_counters::bucket, rate_counters::subject))
                    .do_update()
                    .set((
                        rate_counters::hits.eq(case_when(
                            rate_counters::window_start.le(cutoff),
                            1.into_sql::<Integer>(),
                        )
                        .otherwise(rate_counters::hits + 1)),
                        rate_counters::window_start.eq(case_when(
                            rate_counters::window_start.le(cutoff),
                            now.into_sql::<Timestamp>(),
                        )
                        .otherwise(rate_counters::window_start)),
                    ))
                    .returning(rate_counters::hits)
            };
        }
        match conn {
            DbConn::Sqlite(conn) => upsert!().get_result(conn),
            DbConn::Postgres(conn) => upsert!().get_result(conn),
        }
    }

    /// The events counted for `subject` in the current window.
    pub fn current(&self, conn: &mut DbConn, subject: &str) -> QueryResult<i32> {
        let now = Utc::now().naive_utc();
        Ok(rate_counters::table
            .find((self.bucket, subject))
            .filter(rate_counters::window_start.gt(self.since(now)))
            .select(rate_counters::hits)
            .first(conn)
            .optional()?
            .unwrap_or(0))
    }

    /// Forgets the events of `subject` (after a successful login).
    pub fn clear(&self, conn: &mut DbConn, subject: &str) -> QueryResult<()> {
        diesel::delete(rate_counters::table.find((self.bucket, subject))).execute(conn)?;
        Ok(())
    }

    fn since(&self, now: NaiveDateTime) -> NaiveDateTime {
        now - self.window
    }
}

/// Deletes counters whose window ended over a day ago; run by the periodic jobs.
pub fn forget_expired(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        rate_counters::table.filter(rate_counters::window_start.lt(now - Duration::days(1))),
    )
    .execute(conn)
}
