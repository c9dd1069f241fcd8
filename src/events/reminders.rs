//! Queues the periodic emails (reminders before events, the organizers' topic digest);
//! the outbox sends them.

use std::time::Duration as StdDuration;

use chrono::Duration;

use super::emails::MailContext;
use super::queries;
use crate::db::Db;

/// Checks once a minute for events starting within `lead` (idempotent: one reminder
/// per attendee and event, whichever instance queues it first).
pub async fn run_forever(
    db: Db,
    mail_ctx: MailContext,
    lead: Duration,
    tz: chrono_tz::Tz,
    campaign_rate: u32,
) {
    loop {
        let ctx = mail_ctx.clone();
        let queued = db
            .run(move |conn| {
                Ok(queries::queue_reminders(
                    conn,
                    lead,
                    &ctx,
                    crate::blog::queries::now(),
                )?)
            })
            .await;
        match queued {
            Ok(0) => {}
            Ok(n) => tracing::info!(reminders = n, "queued reminders"),
            Err(error) => tracing::error!(%error, "queueing reminders failed"),
        }
        let ctx = mail_ctx.clone();
        let digests = db
            .run(move |conn| {
                Ok(crate::topics::digest::queue(
                    conn,
                    &ctx,
                    tz,
                    crate::blog::queries::now(),
                )?)
            })
            .await;
        match digests {
            Ok(0) => {}
            Ok(n) => tracing::info!(digests = n, "queued topic digests"),
            Err(error) => tracing::error!(%error, "queueing topic digests failed"),
        }
        let ctx = mail_ctx.clone();
        let announcements = db
            .run(move |conn| {
                Ok(crate::contacts::campaigns::queue_due(
                    conn,
                    &ctx,
                    campaign_rate,
                    crate::blog::queries::now(),
                )?)
            })
            .await;
        match announcements {
            Ok(0) => {}
            Ok(n) => tracing::info!(mails = n, "queued due announcements"),
            Err(error) => tracing::error!(%error, "queueing announcements failed"),
        }
        tokio::time::sleep(StdDuration::from_secs(60)).await;
    }
}
