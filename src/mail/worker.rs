//! The outbox worker: claims due messages in the database (so several workers on one
//! PostgreSQL never take the same row), sends them, and records the outcome.

use std::time::Duration as StdDuration;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};
use futures_util::StreamExt;

use super::transport::{SendError, Sender, Transport};
use super::{Claimed, OutboxStatus};
use crate::clock::now;
use crate::db::schema::outbox;
use crate::db::{Db, DbConn};
use crate::error::AppError;

/// After this many failed tries a message is marked failed and shown to organizers.
pub const MAX_ATTEMPTS: i32 = 8;
/// Messages one worker sends at the same time.
const IN_FLIGHT: usize = 8;
/// How long a claim lasts; a worker that died mid-batch frees its rows after this.
pub const LEASE: Duration = Duration::minutes(5);

/// Claims up to `batch` due messages (pending and due, or sending with an expired lease).
pub fn claim(conn: &mut DbConn, batch: i64, lease: Duration) -> QueryResult<Vec<Claimed>> {
    let token = crate::tokens::random_token();
    let now = now();
    let until = now + lease;
    // The one place with backend-specific SQL: PostgreSQL skips rows another worker
    // has locked; SQLite runs the single UPDATE under its database-wide write lock.
    const DUE: &str = "((status = 'pending' AND next_attempt_at <= $3) \
                        OR (status = 'sending' AND locked_until < $3))";
    match conn {
        DbConn::Postgres(pg) => {
            // A materialized CTE runs once; an IN (subquery … LIMIT) may not, and then
            // claims more than the batch.
            diesel::sql_query(format!(
                "WITH due AS MATERIALIZED (SELECT id FROM outbox WHERE {DUE} \
                 ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED) \
                 UPDATE outbox SET status = 'sending', claim_token = $1, locked_until = $2, \
                 attempts = attempts + 1 FROM due WHERE outbox.id = due.id"
            ))
            .bind::<Text, _>(&token)
            .bind::<Timestamp, _>(until)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(batch)
            .execute(pg)?;
        }
        DbConn::Sqlite(sqlite) => {
            diesel::sql_query(format!(
                "UPDATE outbox SET status = 'sending', claim_token = $1, locked_until = $2, \
                 attempts = attempts + 1 WHERE id IN (SELECT id FROM outbox WHERE {DUE} \
                 ORDER BY id LIMIT $4)"
            ))
            .bind::<Text, _>(&token)
            .bind::<Timestamp, _>(until)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(batch)
            .execute(sqlite)?;
        }
    }
    outbox::table
        .filter(outbox::claim_token.eq(&token))
        .order(outbox::id)
        .select(Claimed::as_select())
        .load(conn)
}

/// Records a delivery; only the worker holding the claim may.
pub fn mark_sent(conn: &mut DbConn, row: &Claimed) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .find(row.id)
            .filter(outbox::claim_token.eq(row.claim_token.as_deref())),
    )
    .set((
        outbox::status.eq(OutboxStatus::Sent),
        outbox::sent_at.eq(now()),
        outbox::claim_token.eq(None::<String>),
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(None::<String>),
    ))
    .execute(conn)
}

/// Wait before the next try: 30 s, 1 min, 2 min, … capped at 2 hours.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = attempts.clamp(1, 9) - 1;
    Duration::seconds((30i64 << exponent).min(7200))
}

/// What the app does when an address bounces for good (the contact list marks it), handed
/// in by the composition root so the outbox knows no feature.
pub type BounceHook = fn(&mut DbConn, &str, NaiveDateTime) -> QueryResult<()>;

/// Records a failure: permanent ones and the last try are marked failed, others retried later.
pub fn mark_failed(
    conn: &mut DbConn,
    row: &Claimed,
    error: &SendError,
    on_bounce: BounceHook,
) -> QueryResult<usize> {
    let give_up = !matches!(error, SendError::Temporary(_)) || row.attempts >= MAX_ATTEMPTS;
    if let SendError::Permanent(_) = error {
        // A permanent refusal: no more mail to this address until an organizer decides.
        let now = now();
        super::suppression::suppress(
            conn,
            &row.recipient,
            super::suppression::Reason::Bounced,
            now,
        )?;
        on_bounce(conn, &row.recipient, now)?;
    }
    let status = if give_up {
        OutboxStatus::Failed
    } else {
        OutboxStatus::Pending
    };
    diesel::update(
        outbox::table
            .find(row.id)
            .filter(outbox::claim_token.eq(row.claim_token.as_deref())),
    )
    .set((
        outbox::status.eq(status.as_str()),
        outbox::next_attempt_at.eq(now() + backoff(row.attempts)),
        outbox::claim_token.eq(None::<String>),
        outbox::locked_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(error.to_string()),
    ))
    .execute(conn)
}

/// Puts a failed message back in the queue (the organizer's retry button).
pub fn retry(conn: &mut DbConn, id: i64) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::status.eq(OutboxStatus::Failed)),
    )
    .set((
        outbox::status.eq(OutboxStatus::Pending),
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(now()),
    ))
    .execute(conn)
}

/// The worker: a transport, who sends, and the database.
pub struct Worker {
    pub db: Db,
    pub transport: Transport,
    pub sender: Sender,
    pub batch: i64,
    pub on_bounce: BounceHook,
}

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub failed: usize,
}

impl Worker {
    /// Claims one batch and tries to send each message.
    pub async fn run_once(&self) -> Result<Pass, AppError> {
        let batch = self.batch;
        let claimed = self
            .db
            .run(move |conn| Ok(claim(conn, batch, LEASE)?))
            .await?;
        // A few messages in flight at once: SMTP round trips, not the CPU, set the pace.
        let outcomes: Vec<Result<bool, AppError>> = futures_util::stream::iter(claimed)
            .map(|row| self.deliver(row))
            .buffer_unordered(IN_FLIGHT)
            .collect()
            .await;
        let mut pass = Pass::default();
        for outcome in outcomes {
            match outcome? {
                true => pass.sent += 1,
                false => pass.failed += 1,
            }
        }
        Ok(pass)
    }

    /// Sends one claimed message (unless its address is suppressed) and records the
    /// outcome; true when it was delivered.
    async fn deliver(&self, row: Claimed) -> Result<bool, AppError> {
        let (recipient, bulk) = (row.recipient.clone(), row.is_bulk());
        let suppressed = self
            .db
            .run(move |conn| {
                Ok(super::suppression::reason_for(conn, &recipient)?.filter(|r| r.blocks(bulk)))
            })
            .await?;
        let outcome = match suppressed {
            Some(reason) => Err(SendError::Suppressed(match reason {
                super::suppression::Reason::Bounced => "bounced",
                super::suppression::Reason::Unsubscribed => "unsubscribed",
            })),
            None => self.transport.send(&self.sender, &row).await,
        };
        let delivered = outcome.is_ok();
        if let Err(error) = &outcome {
            tracing::warn!(id = row.id, %error, "sending mail failed");
        }
        let on_bounce = self.on_bounce;
        self.db
            .run(move |conn| {
                match outcome {
                    Ok(()) => mark_sent(conn, &row)?,
                    Err(error) => mark_failed(conn, &row, &error, on_bounce)?,
                };
                Ok(())
            })
            .await?;
        Ok(delivered)
    }

    /// Sends until nothing is due, then returns what it did in total.
    pub async fn drain(&self) -> Result<Pass, AppError> {
        let mut total = Pass::default();
        loop {
            let pass = self.run_once().await?;
            total.sent += pass.sent;
            total.failed += pass.failed;
            if pass.sent + pass.failed == 0 {
                return Ok(total);
            }
        }
    }

    /// Runs forever, polling every `interval` when idle.
    pub async fn run_forever(self, interval: StdDuration) {
        loop {
            match self.run_once().await {
                Ok(pass) if pass.sent + pass.failed > 0 => continue,
                Ok(_) => {}
                Err(error) => tracing::error!(%error, "outbox worker pass failed"),
            }
            tokio::time::sleep(interval).await;
        }
    }
}
