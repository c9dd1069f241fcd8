//! The periodic scheduler: once a minute it calls each feature's job (reminders, the
//! topic digest, due announcements, housekeeping). It lives above the features so none
//! of them has to know the others. Every job is idempotent and claims its work in the
//! database, so any number of instances may run this loop.

use std::time::Duration as StdDuration;

use crate::clock::now;
use crate::config::Config;
use crate::db::{Db, DbConn};
use crate::error::AppError;

/// Runs every job once a minute, for as long as the process lives.
pub async fn run_forever(db: Db, config: Config) {
    loop {
        run_once(&db, &config).await;
        tokio::time::sleep(StdDuration::from_secs(60)).await;
    }
}

/// Runs every job once; a failing job is logged and does not stop the others.
pub async fn run_once(db: &Db, config: &Config) {
    let (lead, tz, rate) = (config.reminder_lead, config.timezone, config.campaign_rate);
    let lifetime = config.session_lifetime;
    let ctx = config.mail_context();
    job(db, "reminders", {
        let ctx = ctx.clone();
        move |conn| crate::events::queries::queue_reminders(conn, lead, &ctx, now())
    })
    .await;
    job(db, "topic digests", {
        let ctx = ctx.clone();
        move |conn| crate::topics::digest::queue(conn, &ctx, tz, now())
    })
    .await;
    job(db, "due announcements", move |conn| {
        crate::contacts::campaigns::queue_due(conn, &ctx, rate, now())
    })
    .await;
    job(db, "expired rate limits", |conn| {
        crate::web::rate_limit::forget_expired(conn, now())
    })
    .await;
    job(db, "expired confirmation links", |conn| {
        crate::events::queries::forget_expired_links(conn, now())
    })
    .await;
    job(db, "expired organizer sessions", move |conn| {
        crate::organizers::sessions::forget_expired(conn, lifetime, now())
    })
    .await;
}

/// Runs one job and logs what it did.
async fn job<F>(db: &Db, name: &'static str, work: F)
where
    F: FnOnce(&mut DbConn) -> diesel::QueryResult<usize> + Send + 'static,
{
    match db.run(move |conn| work(conn).map_err(AppError::from)).await {
        Ok(0) => {}
        Ok(count) => tracing::info!(job = name, count, "periodic job done"),
        Err(error) => tracing::error!(job = name, %error, "periodic job failed"),
    }
}
