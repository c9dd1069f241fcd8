//! "Plan the next edition": copies an edition into a draft on a new day, its times kept
//! in the event's local time (14:00 in winter stays 14:00 in summer).

use chrono::{Duration, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use diesel::prelude::*;

use crate::clock::local_to_utc;
use crate::db::DbConn;
use crate::db::schema::{events, rooms, time_slots, topic_boards};
use crate::events::model::EventStatus;
use crate::events::queries::{self as event_queries, EventInput};
use crate::i18n::format;

/// What planning the next edition did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Planned {
    /// The draft's event id.
    Created(i64),
    /// The series already has the edition after this one.
    EditionTaken,
    /// The event is no edition of a series.
    NotInSeries,
}

/// Moves `utc` by `days` on the calendar of `tz`, keeping its local time of day. A time
/// the clocks skip on the new day (a DST gap) comes an hour later.
fn shift(utc: NaiveDateTime, days: Duration, tz: Tz) -> Option<NaiveDateTime> {
    let local = format::local(utc, tz).naive_local() + days;
    local_to_utc(tz, local).or_else(|| local_to_utc(tz, local + Duration::hours(1)))
}

/// Copies event `source_id` into a draft edition on `date`: both languages' texts, venue,
/// format, capacity, guests, agenda, registration window, the waiting list's board
/// setting, and its board's limits, rooms and time slots. Nothing is mailed. None when
/// there is no such event.
pub fn plan(
    conn: &mut DbConn,
    source_id: i64,
    date: NaiveDate,
    now: NaiveDateTime,
) -> QueryResult<Option<Planned>> {
    crate::db::write_transaction(conn, |conn| {
        let Some(source) = event_queries::by_id(conn, source_id)? else {
            return Ok(None);
        };
        let (Some(series_id), Some(edition)) = (source.series_id, source.edition) else {
            return Ok(Some(Planned::NotInSeries));
        };
        let Some(series) = super::queries::by_id(conn, series_id)? else {
            return Ok(Some(Planned::NotInSeries));
        };
        let next = edition + 1;
        if event_queries::edition_taken(conn, None, series_id, next)? {
            return Ok(Some(Planned::EditionTaken));
        }
        let tz = source.tz();
        let days = date - format::local(source.starts_at, tz).date_naive();
        let moved = |t: NaiveDateTime| shift(t, days, tz).unwrap_or(t + days);
        let agenda = event_queries::agenda(conn, source.id)?
            .into_iter()
            .map(|item| (moved(item.starts_at), item.title_de, item.title_en))
            .collect();
        let input = EventInput {
            slug: free_slug(conn, &format!("{}-{next}", series.slug), date)?,
            format: source.format,
            title_de: source.title_de.clone(),
            title_en: source.title_en.clone(),
            description_de: source.description_de.clone(),
            description_en: source.description_en.clone(),
            starts_at: moved(source.starts_at),
            ends_at: moved(source.ends_at),
            timezone: source.timezone,
            venue_name: source.venue_name.clone(),
            venue_address: source.venue_address.clone(),
            capacity: source.capacity,
            max_guests: source.max_guests,
            registration_opens_at: source.registration_opens_at.map(moved),
            registration_closes_at: source.registration_closes_at.map(moved),
            agenda,
            status: EventStatus::Draft,
            recap_post_id: None,
            waitlist_on_board: source.waitlist_on_board,
            series: Some((series_id, next)),
        };
        let id = event_queries::save_event(conn, None, &input, now)?;
        copy_board(conn, source.id, id, &moved)?;
        Ok(Some(Planned::Created(id)))
    })
}

/// `base`, or `base-<date>` when an event has that slug already.
fn free_slug(conn: &mut DbConn, base: &str, date: NaiveDate) -> QueryResult<String> {
    let taken = |conn: &mut DbConn, slug: &str| -> QueryResult<bool> {
        Ok(events::table
            .filter(events::slug.eq(slug))
            .count()
            .get_result::<i64>(conn)?
            > 0)
    };
    if !taken(conn, base)? {
        return Ok(base.to_string());
    }
    Ok(format!("{base}-{}", date.format("%Y-%m-%d")))
}

/// The topic board's limits, rooms and time slots (slots moved like the event).
fn copy_board(
    conn: &mut DbConn,
    from: i64,
    to: i64,
    moved: &dyn Fn(NaiveDateTime) -> NaiveDateTime,
) -> QueryResult<()> {
    let limits: Option<(i32, i32, i32)> = topic_boards::table
        .find(from)
        .select((
            topic_boards::dots_per_attendee,
            topic_boards::proposals_per_person,
            topic_boards::max_topics,
        ))
        .first(conn)
        .optional()?;
    if let Some((dots, proposals, max_topics)) = limits {
        diesel::insert_into(topic_boards::table)
            .values((
                topic_boards::event_id.eq(to),
                topic_boards::dots_per_attendee.eq(dots),
                topic_boards::proposals_per_person.eq(proposals),
                topic_boards::max_topics.eq(max_topics),
            ))
            .execute(conn)?;
    }
    for room in crate::topics::queries::rooms(conn, from)? {
        diesel::insert_into(rooms::table)
            .values((
                rooms::event_id.eq(to),
                rooms::name.eq(&room.name),
                rooms::capacity.eq(room.capacity),
            ))
            .execute(conn)?;
    }
    for slot in crate::topics::queries::slots(conn, from)? {
        diesel::insert_into(time_slots::table)
            .values((
                time_slots::event_id.eq(to),
                time_slots::starts_at.eq(moved(slot.starts_at)),
                time_slots::ends_at.eq(moved(slot.ends_at)),
            ))
            .execute(conn)?;
    }
    Ok(())
}
