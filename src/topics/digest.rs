//! The organizers' daily digest of new proposals.

use chrono::{Duration, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use diesel::prelude::*;

use super::{emails, queries};
use crate::db::DbConn;
use crate::db::schema::organizers;
use crate::events::model::Event;
use crate::i18n::format;
use crate::mail;
use crate::mail::links::MailContext;
use crate::organizers::OrganizerRow;

/// Queues, once per organizer, the digest of the previous local day's proposals; returns
/// how many were queued. Safe to run every minute from every instance: the dedupe key
/// (day + organizer) lets only the first one through.
pub fn queue(
    conn: &mut DbConn,
    mail_ctx: &MailContext,
    tz: Tz,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let today = tz.from_utc_datetime(&now).date_naive();
    let yesterday = today - Duration::days(1);
    let utc_midnight = |day: chrono::NaiveDate| {
        day.and_hms_opt(0, 0, 0)
            .and_then(|t| tz.from_local_datetime(&t).earliest())
            .map(|t| t.naive_utc())
    };
    let (Some(from), Some(to)) = (utc_midnight(yesterday), utc_midnight(today)) else {
        return Ok(0);
    };
    let topics = queries::proposed_between(conn, from, to)?;
    if topics.is_empty() {
        return Ok(0);
    }
    let mut by_event: Vec<(Event, Vec<_>)> = Vec::new();
    for topic in topics {
        match by_event.iter_mut().find(|(e, _)| e.id == topic.event_id) {
            Some((_, list)) => list.push(topic),
            None => {
                if let Some(event) = crate::events::queries::by_id(conn, topic.event_id)? {
                    by_event.push((event, vec![topic]));
                }
            }
        }
    }
    let recipients: Vec<OrganizerRow> = organizers::table
        .order(organizers::id)
        .select(OrganizerRow::as_select())
        .load(conn)?;
    let mut queued = 0;
    for organizer in &recipients {
        let day = format::date(organizer.lang, from, tz);
        let email = emails::digest(mail_ctx, organizer, &day, &by_event);
        if mail::enqueue(
            conn,
            &format!("topic-digest:{yesterday}:{}", organizer.id),
            &email,
            now,
        )? {
            queued += 1;
        }
    }
    Ok(queued)
}
