//! Event and RSVP queries. Seat allocation runs with the event row locked (PostgreSQL)
//! or the database write lock held (SQLite), so no place is ever given twice.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::emails;
use super::model::{
    AgendaItem, Event, EventFormat, EventStatus, Rsvp, RsvpInput, RsvpStatus, Zone,
};
use crate::blog::model::{Post, PostStatus};
use crate::db::DbConn;
use crate::db::schema::{agenda_items, event_posts, events, posts, rsvp_links, rsvps};
use crate::i18n::Lang;
use crate::mail;
use crate::mail::links::MailContext;
use crate::markdown::{self, Author};
use crate::tokens::{random_token, token_hash};

/// How long a confirmation link works.
pub const CONFIRM_TTL: Duration = Duration::hours(48);

fn public_statuses() -> [EventStatus; 2] {
    [EventStatus::Published, EventStatus::Cancelled]
}

/// Published (and cancelled) events starting after `now`, soonest first.
pub fn upcoming(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vec<Event>> {
    events::table
        .filter(events::status.eq_any(public_statuses()))
        .filter(events::ends_at.gt(now))
        .order(events::starts_at.asc())
        .select(Event::as_select())
        .load(conn)
}

/// Events that are over, latest first.
pub fn past(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Vec<Event>> {
    events::table
        .filter(events::status.eq_any(public_statuses()))
        .filter(events::ends_at.le(now))
        .order(events::starts_at.desc())
        .select(Event::as_select())
        .load(conn)
}

pub fn all_public(conn: &mut DbConn) -> QueryResult<Vec<Event>> {
    events::table
        .filter(events::status.eq_any(public_statuses()))
        .order(events::starts_at.asc())
        .select(Event::as_select())
        .load(conn)
}

pub fn public_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Event>> {
    events::table
        .filter(events::slug.eq(slug))
        .filter(events::status.eq_any(public_statuses()))
        .select(Event::as_select())
        .first(conn)
        .optional()
}

/// A draft that people registered for while it was public: links to it are out there.
pub fn withdrawn_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Event>> {
    let registered = rsvps::table.filter(rsvps::event_id.eq(events::id));
    events::table
        .filter(events::slug.eq(slug))
        .filter(events::status.eq(EventStatus::Draft))
        .filter(diesel::dsl::exists(registered))
        .select(Event::as_select())
        .first(conn)
        .optional()
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<Event>> {
    events::table
        .find(id)
        .select(Event::as_select())
        .first(conn)
        .optional()
}

pub fn agenda(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<AgendaItem>> {
    agenda_items::table
        .filter(agenda_items::event_id.eq(event_id))
        .order((agenda_items::starts_at, agenda_items::id))
        .select(AgendaItem::as_select())
        .load(conn)
}

/// Published posts of `lang` linked to the event (announcements), newest first.
pub fn linked_posts(
    conn: &mut DbConn,
    event_id: i64,
    lang: Lang,
    now: NaiveDateTime,
) -> QueryResult<Vec<Post>> {
    event_posts::table
        .inner_join(posts::table)
        .filter(event_posts::event_id.eq(event_id))
        .filter(posts::lang.eq(lang))
        .filter(posts::status.eq(PostStatus::Published))
        .filter(posts::published_at.le(now))
        .order(posts::published_at.desc())
        .select(Post::as_select())
        .load(conn)
}

/// Places taken by confirmed RSVPs (people plus their guests).
pub fn places_taken(conn: &mut DbConn, event_id: i64) -> QueryResult<i64> {
    let guests: Vec<i32> = rsvps::table
        .filter(rsvps::event_id.eq(event_id))
        .filter(rsvps::status.eq(RsvpStatus::Confirmed))
        .select(rsvps::guests)
        .load(conn)?;
    Ok(guests.iter().map(|g| 1 + i64::from(*g)).sum())
}

/// Takes the event's lock for the rest of the transaction: a row lock on PostgreSQL,
/// the database write lock on SQLite (a write is the first statement, so SQLite waits
/// for the lock instead of failing a later upgrade).
fn lock_event(conn: &mut DbConn, event_id: i64) -> QueryResult<Event> {
    diesel::update(events::table.find(event_id))
        .set(events::sequence.eq(events::sequence))
        .execute(conn)?;
    events::table
        .find(event_id)
        .select(Event::as_select())
        .first(conn)
}

/// What happened to a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    /// A confirmation link went out.
    LinkSent,
    /// The address was already registered; its manage link went out again.
    AlreadyRegistered,
}

/// Deletes confirmation links that expired a week ago (until then they say "expired").
pub fn forget_expired_links(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(rsvp_links::table.filter(rsvp_links::expires_at.lt(now - Duration::days(7))))
        .execute(conn)
}

/// Registers (or re-registers) `input.email` for `event` and queues the email, in one transaction.
pub fn register(
    conn: &mut DbConn,
    event: &Event,
    input: &RsvpInput,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<Registered> {
    crate::db::write_transaction(conn, |conn| {
        let existing = rsvps::table
            .filter(rsvps::event_id.eq(event.id))
            .filter(rsvps::email.eq(&input.email))
            .select(Rsvp::as_select())
            .first(conn)
            .optional()?;
        let fresh = (
            rsvps::name.eq(&input.name),
            rsvps::lang.eq(input.lang),
            rsvps::guests.eq(input.guests),
            rsvps::diet.eq(&input.diet),
            rsvps::notes.eq(&input.notes),
            rsvps::status.eq(RsvpStatus::Pending),
            rsvps::consent_at.eq(now),
        );
        let rsvp_id = match existing {
            Some(rsvp) if matches!(rsvp.status, RsvpStatus::Confirmed | RsvpStatus::Waitlisted) => {
                // Never a second registration: the manage link goes out again instead.
                let email = emails::already_registered(mail_ctx, event, &rsvp);
                mail::enqueue(
                    conn,
                    &format!(
                        "rsvp-again:{}:{}",
                        rsvp.id,
                        now.and_utc().timestamp_micros()
                    ),
                    &email,
                    now,
                )?;
                return Ok(Registered::AlreadyRegistered);
            }
            Some(rsvp) => {
                diesel::update(rsvps::table.find(rsvp.id))
                    .set((fresh, rsvps::cancelled_at.eq(None::<NaiveDateTime>)))
                    .execute(conn)?;
                rsvp.id
            }
            None => {
                let id = diesel::insert_into(rsvps::table)
                    .values((
                        fresh,
                        rsvps::event_id.eq(event.id),
                        rsvps::email.eq(&input.email),
                        rsvps::created_at.eq(now),
                        // Replaced below, once the id the real token derives from is known.
                        rsvps::manage_token_hash.eq(token_hash(&random_token())),
                    ))
                    .returning(rsvps::id)
                    .get_result(conn)?;
                diesel::update(rsvps::table.find(id))
                    .set(rsvps::manage_token_hash.eq(token_hash(&mail_ctx.manage_token(id))))
                    .execute(conn)?;
                id
            }
        };
        send_confirm_link(conn, event, rsvp_id, input, mail_ctx, now)?;
        Ok(Registered::LinkSent)
    })
}

/// Mails a new confirmation link; earlier links stay valid until they expire, so whichever
/// mail the person opens works.
fn send_confirm_link(
    conn: &mut DbConn,
    event: &Event,
    rsvp_id: i64,
    input: &RsvpInput,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let confirm_token = random_token();
    diesel::insert_into(rsvp_links::table)
        .values((
            rsvp_links::token_hash.eq(token_hash(&confirm_token)),
            rsvp_links::rsvp_id.eq(rsvp_id),
            rsvp_links::expires_at.eq(now + CONFIRM_TTL),
        ))
        .execute(conn)?;
    // Not a promise, only a warning: places may free up before the click.
    let full =
        places_taken(conn, event.id)? + 1 + i64::from(input.guests) > i64::from(event.capacity);
    let email = emails::confirm_link(mail_ctx, event, rsvp_id, input, &confirm_token, full);
    mail::enqueue(
        conn,
        &format!("rsvp-confirm:{rsvp_id}:{}", token_hash(&confirm_token)),
        &email,
        now,
    )?;
    Ok(())
}

/// The result of following a confirmation link.
#[derive(Debug, Clone)]
pub enum Confirmation {
    Confirmed(Event, Rsvp),
    Waitlisted(Event, Rsvp, i64),
    /// Another of the RSVP's links confirmed it first.
    AlreadyConfirmed(Event, Rsvp),
    Expired(Event, Rsvp),
    Unknown,
}

/// Confirms the RSVP behind `token`: a place if one is free, else the waiting list.
pub fn confirm(
    conn: &mut DbConn,
    token: &str,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<Confirmation> {
    let hash = token_hash(token);
    crate::db::write_transaction(conn, |conn| {
        let Some((rsvp_id, expires_at)) = rsvp_links::table
            .find(&hash)
            .select((rsvp_links::rsvp_id, rsvp_links::expires_at))
            .first::<(i64, NaiveDateTime)>(conn)
            .optional()?
        else {
            return Ok(Confirmation::Unknown);
        };
        let event_id = rsvps::table
            .find(rsvp_id)
            .select(rsvps::event_id)
            .first(conn)?;
        let event = lock_event(conn, event_id)?;
        // Read again under the lock: a parallel click may have confirmed it already.
        let still_valid = rsvp_links::table
            .find(&hash)
            .count()
            .get_result::<i64>(conn)?
            > 0;
        let rsvp = rsvps::table
            .find(rsvp_id)
            .select(Rsvp::as_select())
            .first(conn)?;
        if !still_valid || rsvp.status == RsvpStatus::Cancelled {
            return Ok(Confirmation::Unknown);
        }
        if expires_at < now {
            return Ok(Confirmation::Expired(event, rsvp));
        }
        // Each link works once; another unexpired link of the same RSVP still answers.
        diesel::delete(rsvp_links::table.find(&hash)).execute(conn)?;
        if rsvp.status != RsvpStatus::Pending {
            return Ok(Confirmation::AlreadyConfirmed(event, rsvp));
        }
        let free = i64::from(event.capacity) - places_taken(conn, event.id)?;
        let status = if rsvp.places() <= free {
            RsvpStatus::Confirmed
        } else {
            RsvpStatus::Waitlisted
        };
        diesel::update(rsvps::table.find(rsvp.id))
            .set((
                rsvps::status.eq(status.as_str()),
                rsvps::confirmed_at.eq(Some(now)),
                rsvps::waitlisted_at.eq((status == RsvpStatus::Waitlisted).then_some(now)),
            ))
            .execute(conn)?;
        let rsvp = rsvps::table
            .find(rsvp.id)
            .select(Rsvp::as_select())
            .first(conn)?;
        if status == RsvpStatus::Confirmed {
            let email = emails::confirmed(mail_ctx, &event, &rsvp);
            mail::enqueue(
                conn,
                &format!(
                    "rsvp-confirmed:{}:{}",
                    rsvp.id,
                    now.and_utc().timestamp_micros()
                ),
                &email,
                now,
            )?;
            Ok(Confirmation::Confirmed(event, rsvp))
        } else {
            let position = waitlist_position(conn, &rsvp)?;
            let email = emails::waitlisted(mail_ctx, &event, &rsvp, position);
            mail::enqueue(
                conn,
                &format!(
                    "rsvp-waitlisted:{}:{}",
                    rsvp.id,
                    now.and_utc().timestamp_micros()
                ),
                &email,
                now,
            )?;
            Ok(Confirmation::Waitlisted(event, rsvp, position))
        }
    })
}

/// 1 for the first person waiting.
pub fn waitlist_position(conn: &mut DbConn, rsvp: &Rsvp) -> QueryResult<i64> {
    let waiting: Vec<(i64, Option<NaiveDateTime>)> = rsvps::table
        .filter(rsvps::event_id.eq(rsvp.event_id))
        .filter(rsvps::status.eq(RsvpStatus::Waitlisted))
        .select((rsvps::id, rsvps::waitlisted_at))
        .load(conn)?;
    let key = (rsvp.waitlisted_at, rsvp.id);
    Ok(1 + waiting.iter().filter(|(id, at)| (*at, *id) < key).count() as i64)
}

/// When each registration since `since` was made, for any event.
pub fn registered_since(
    conn: &mut DbConn,
    since: NaiveDateTime,
) -> QueryResult<Vec<NaiveDateTime>> {
    rsvps::table
        .filter(rsvps::created_at.ge(since))
        .select(rsvps::created_at)
        .load(conn)
}

/// How many people hold or wait for a place at `event_id`, confirmed or not.
pub fn registrations(conn: &mut DbConn, event_id: i64) -> QueryResult<i64> {
    rsvps::table
        .filter(rsvps::event_id.eq(event_id))
        .filter(rsvps::status.ne(RsvpStatus::Cancelled))
        .count()
        .get_result(conn)
}

/// How many people wait for a place at `event_id`.
pub fn waiting_count(conn: &mut DbConn, event_id: i64) -> QueryResult<i64> {
    rsvps::table
        .filter(rsvps::event_id.eq(event_id))
        .filter(rsvps::status.eq(RsvpStatus::Waitlisted))
        .count()
        .get_result(conn)
}

/// The RSVP and event behind a manage link.
pub fn by_manage_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<(Rsvp, Event)>> {
    rsvps::table
        .inner_join(events::table)
        .filter(rsvps::manage_token_hash.eq(token_hash(token)))
        .select((Rsvp::as_select(), Event::as_select()))
        .first(conn)
        .optional()
}

/// Why a change of details was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeRefused {
    NotEnoughPlaces,
}

/// Changes name, guests, diet and notes; more guests need free places.
pub fn update_details(
    conn: &mut DbConn,
    rsvp_id: i64,
    input: &RsvpInput,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<Result<(), ChangeRefused>> {
    crate::db::write_transaction(conn, |conn| {
        let rsvp = rsvps::table
            .find(rsvp_id)
            .select(Rsvp::as_select())
            .first(conn)?;
        let event = lock_event(conn, rsvp.event_id)?;
        let rsvp = rsvps::table
            .find(rsvp_id)
            .select(Rsvp::as_select())
            .first(conn)?;
        if rsvp.status == RsvpStatus::Confirmed && input.guests > rsvp.guests {
            let free = i64::from(event.capacity) - places_taken(conn, event.id)?;
            if i64::from(input.guests - rsvp.guests) > free {
                return Ok(Err(ChangeRefused::NotEnoughPlaces));
            }
        }
        diesel::update(rsvps::table.find(rsvp_id))
            .set((
                rsvps::name.eq(&input.name),
                rsvps::lang.eq(input.lang),
                rsvps::guests.eq(input.guests),
                rsvps::diet.eq(&input.diet),
                rsvps::notes.eq(&input.notes),
            ))
            .execute(conn)?;
        if input.guests < rsvp.guests {
            promote(conn, &event, mail_ctx, now)?;
        }
        Ok(Ok(()))
    })
}

/// Cancels an RSVP and gives freed places to the waiting list.
pub fn cancel(
    conn: &mut DbConn,
    rsvp_id: i64,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    crate::db::write_transaction(conn, |conn| {
        let rsvp = rsvps::table
            .find(rsvp_id)
            .select(Rsvp::as_select())
            .first(conn)?;
        let event = lock_event(conn, rsvp.event_id)?;
        let rsvp = rsvps::table
            .find(rsvp_id)
            .select(Rsvp::as_select())
            .first(conn)?;
        if rsvp.status == RsvpStatus::Cancelled {
            return Ok(false);
        }
        diesel::update(rsvps::table.find(rsvp_id))
            .set((
                rsvps::status.eq(RsvpStatus::Cancelled),
                rsvps::cancelled_at.eq(Some(now)),
            ))
            .execute(conn)?;
        diesel::delete(rsvp_links::table.filter(rsvp_links::rsvp_id.eq(rsvp_id))).execute(conn)?;
        let email = emails::cancelled(mail_ctx, &event, &rsvp);
        mail::enqueue(
            conn,
            &format!(
                "rsvp-cancelled:{}:{}",
                rsvp.id,
                now.and_utc().timestamp_micros()
            ),
            &email,
            now,
        )?;
        promote(conn, &event, mail_ctx, now)?;
        Ok(true)
    })
}

/// Moves the first waiting people who fit into free places, in order. Call with the event locked.
fn promote(
    conn: &mut DbConn,
    event: &Event,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<Vec<i64>> {
    let mut free = i64::from(event.capacity) - places_taken(conn, event.id)?;
    let mut waiting: Vec<Rsvp> = rsvps::table
        .filter(rsvps::event_id.eq(event.id))
        .filter(rsvps::status.eq(RsvpStatus::Waitlisted))
        .select(Rsvp::as_select())
        .load(conn)?;
    waiting.sort_by_key(|r| (r.waitlisted_at, r.id));
    let mut promoted = Vec::new();
    for rsvp in waiting {
        if free <= 0 {
            break;
        }
        if rsvp.places() > free {
            continue;
        }
        diesel::update(rsvps::table.find(rsvp.id))
            .set(rsvps::status.eq(RsvpStatus::Confirmed))
            .execute(conn)?;
        free -= rsvp.places();
        let email = emails::promoted(mail_ctx, event, &rsvp);
        mail::enqueue(
            conn,
            &format!(
                "rsvp-promoted:{}:{}",
                rsvp.id,
                now.and_utc().timestamp_micros()
            ),
            &email,
            now,
        )?;
        promoted.push(rsvp.id);
    }
    Ok(promoted)
}

/// Everyone registered for an event, for the organizers.
pub fn attendees(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Rsvp>> {
    rsvps::table
        .filter(rsvps::event_id.eq(event_id))
        .order((rsvps::status, rsvps::confirmed_at, rsvps::id))
        .select(Rsvp::as_select())
        .load(conn)
}

// ---- organizer side ----

/// The RSVP `rsvp_id` if it belongs to `event_id`.
pub fn rsvp_of_event(conn: &mut DbConn, event_id: i64, rsvp_id: i64) -> QueryResult<Option<Rsvp>> {
    rsvps::table
        .find(rsvp_id)
        .filter(rsvps::event_id.eq(event_id))
        .select(Rsvp::as_select())
        .first(conn)
        .optional()
}

/// An organizer cancels `rsvp_id` of `event_id`; false when it is not one of the event's.
pub fn cancel_of_event(
    conn: &mut DbConn,
    event_id: i64,
    rsvp_id: i64,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    if rsvp_of_event(conn, event_id, rsvp_id)?.is_none() {
        return Ok(false);
    }
    cancel(conn, rsvp_id, mail_ctx, now)
}

/// Why an organizer's change to the attendee list was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttendeeRefused {
    /// The address holds or waits for a place already.
    AlreadyRegistered,
}

/// Someone an organizer adds by hand, at the door or after a phone call: confirmed at
/// once, even beyond the capacity (the organizer sees the count and decides).
pub fn add_by_hand(
    conn: &mut DbConn,
    event_id: i64,
    input: &RsvpInput,
    arrived: bool,
    notify: bool,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<Result<i64, AttendeeRefused>> {
    crate::db::write_transaction(conn, |conn| {
        let event = lock_event(conn, event_id)?;
        let existing = rsvps::table
            .filter(rsvps::event_id.eq(event_id))
            .filter(rsvps::email.eq(&input.email))
            .select(Rsvp::as_select())
            .first(conn)
            .optional()?;
        let confirmed = (
            rsvps::name.eq(&input.name),
            rsvps::lang.eq(input.lang),
            rsvps::guests.eq(input.guests),
            rsvps::diet.eq(&input.diet),
            rsvps::notes.eq(&input.notes),
            rsvps::status.eq(RsvpStatus::Confirmed),
            rsvps::consent_at.eq(now),
            rsvps::confirmed_at.eq(Some(now)),
            rsvps::checked_in_at.eq(arrived.then_some(now)),
        );
        let id = match existing {
            Some(r) if matches!(r.status, RsvpStatus::Confirmed | RsvpStatus::Waitlisted) => {
                return Ok(Err(AttendeeRefused::AlreadyRegistered));
            }
            Some(r) => {
                diesel::update(rsvps::table.find(r.id))
                    .set((confirmed, rsvps::cancelled_at.eq(None::<NaiveDateTime>)))
                    .execute(conn)?;
                r.id
            }
            None => {
                let id = diesel::insert_into(rsvps::table)
                    .values((
                        confirmed,
                        rsvps::event_id.eq(event_id),
                        rsvps::email.eq(&input.email),
                        rsvps::created_at.eq(now),
                        rsvps::manage_token_hash.eq(token_hash(&random_token())),
                    ))
                    .returning(rsvps::id)
                    .get_result(conn)?;
                diesel::update(rsvps::table.find(id))
                    .set(rsvps::manage_token_hash.eq(token_hash(&mail_ctx.manage_token(id))))
                    .execute(conn)?;
                id
            }
        };
        if notify {
            let rsvp = rsvps::table
                .find(id)
                .select(Rsvp::as_select())
                .first(conn)?;
            let email = emails::confirmed(mail_ctx, &event, &rsvp);
            mail::enqueue(
                conn,
                &format!("rsvp-added:{id}:{}", now.and_utc().timestamp_micros()),
                &email,
                now,
            )?;
        }
        Ok(Ok(id))
    })
}

/// Gives a waiting person a place now, ahead of the queue and beyond the capacity if the
/// organizer wants it so; false when `rsvp_id` is not waiting for `event_id`.
pub fn promote_by_hand(
    conn: &mut DbConn,
    event_id: i64,
    rsvp_id: i64,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    crate::db::write_transaction(conn, |conn| {
        let event = lock_event(conn, event_id)?;
        let Some(rsvp) =
            rsvp_of_event(conn, event_id, rsvp_id)?.filter(|r| r.status == RsvpStatus::Waitlisted)
        else {
            return Ok(false);
        };
        diesel::update(rsvps::table.find(rsvp.id))
            .set(rsvps::status.eq(RsvpStatus::Confirmed))
            .execute(conn)?;
        let email = emails::promoted(mail_ctx, &event, &rsvp);
        mail::enqueue(
            conn,
            &format!(
                "rsvp-promoted:{}:{}",
                rsvp.id,
                now.and_utc().timestamp_micros()
            ),
            &email,
            now,
        )?;
        Ok(true)
    })
}

/// Mails a person their link again: a fresh confirmation link while unconfirmed, else
/// the manage link. False when there is nothing to send (unknown or cancelled).
pub fn resend_link(
    conn: &mut DbConn,
    event_id: i64,
    rsvp_id: i64,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    crate::db::write_transaction(conn, |conn| {
        let event = lock_event(conn, event_id)?;
        let Some(rsvp) =
            rsvp_of_event(conn, event_id, rsvp_id)?.filter(|r| r.status != RsvpStatus::Cancelled)
        else {
            return Ok(false);
        };
        if rsvp.status == RsvpStatus::Pending {
            let input = RsvpInput {
                name: rsvp.name.clone(),
                email: rsvp.email.clone(),
                lang: rsvp.lang,
                guests: rsvp.guests,
                diet: rsvp.diet,
                notes: rsvp.notes.clone(),
            };
            send_confirm_link(conn, &event, rsvp.id, &input, mail_ctx, now)?;
        } else {
            let email = emails::already_registered(mail_ctx, &event, &rsvp);
            mail::enqueue(
                conn,
                &format!(
                    "rsvp-again:{}:{}",
                    rsvp.id,
                    now.and_utc().timestamp_micros()
                ),
                &email,
                now,
            )?;
        }
        Ok(true)
    })
}

pub fn all_events(conn: &mut DbConn) -> QueryResult<Vec<Event>> {
    events::table
        .order(events::starts_at.desc())
        .select(Event::as_select())
        .load(conn)
}

/// Every event as a post may name it: (id, "title (when)"), newest first.
pub fn link_choices(conn: &mut DbConn, lang: Lang) -> QueryResult<Vec<(i64, String)>> {
    Ok(all_events(conn)?
        .iter()
        .map(|e| {
            (
                e.id,
                format!("{} ({})", e.title(lang), e.when(lang, e.tz())),
            )
        })
        .collect())
}

/// Everything an organizer sets on an event, validated.
#[derive(Debug, Clone)]
pub struct EventInput {
    pub slug: String,
    pub format: EventFormat,
    pub title_de: String,
    pub title_en: String,
    pub description_de: String,
    pub description_en: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub timezone: Zone,
    pub venue_name: String,
    pub venue_address: String,
    pub capacity: i32,
    pub max_guests: i32,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    /// (start, German title, English title)
    pub agenda: Vec<(NaiveDateTime, String, String)>,
    pub status: EventStatus,
    /// The post that tells how it went.
    pub recap_post_id: Option<i64>,
    /// Whether people on the waiting list may propose topics and give dots.
    pub waitlist_on_board: bool,
    /// The series it belongs to and its edition number there.
    pub series: Option<(i64, i32)>,
}

/// Creates or updates an event and its agenda; every save raises the calendar SEQUENCE.
pub fn save_event(
    conn: &mut DbConn,
    id: Option<i64>,
    input: &EventInput,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    // Rendered outside the transaction so the write lock is not held meanwhile.
    let html = Rendered::of(input);
    store_event(conn, id, input, &html, now)
}

/// How an organizer's save went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventSaved {
    Saved(i64),
    SlugTaken,
    UnknownRecap,
    /// Another event of the series already has that edition number.
    EditionTaken,
}

/// Saves an event and, in the same transaction, gives places it freed (more capacity,
/// fewer guests allowed) to waiting people, so no one sees one without the other.
pub fn save_event_and_fill(
    conn: &mut DbConn,
    id: Option<i64>,
    input: &EventInput,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<EventSaved> {
    let html = Rendered::of(input);
    crate::db::write_transaction(conn, |conn| {
        if let Some(post) = input.recap_post_id
            && crate::blog::queries::post_by_id(conn, post)?.is_none()
        {
            return Ok(EventSaved::UnknownRecap);
        }
        if let Some((series, edition)) = input.series
            && edition_taken(conn, id, series, edition)?
        {
            return Ok(EventSaved::EditionTaken);
        }
        // A savepoint: a taken slug rolls back only the store, not the transaction.
        match store_event(conn, id, input, &html, now) {
            Ok(id) => {
                fill_free_places(conn, id, mail_ctx, now)?;
                Ok(EventSaved::Saved(id))
            }
            Err(e) if crate::db::is_unique_violation(&e) => Ok(EventSaved::SlugTaken),
            Err(e) => Err(e),
        }
    })
}

/// Whether an event other than `id` is edition `edition` of `series`.
pub fn edition_taken(
    conn: &mut DbConn,
    id: Option<i64>,
    series: i64,
    edition: i32,
) -> QueryResult<bool> {
    let other = events::table
        .filter(events::series_id.eq(series))
        .filter(events::edition.eq(edition))
        .select(events::id)
        .first::<i64>(conn)
        .optional()?;
    Ok(other.is_some_and(|other| Some(other) != id))
}

/// Both descriptions as HTML.
struct Rendered {
    de: String,
    en: String,
}

impl Rendered {
    fn of(input: &EventInput) -> Rendered {
        Rendered {
            de: markdown::to_html(&input.description_de, Author::Organizer),
            en: markdown::to_html(&input.description_en, Author::Organizer),
        }
    }
}

fn store_event(
    conn: &mut DbConn,
    id: Option<i64>,
    input: &EventInput,
    html: &Rendered,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    crate::db::write_transaction(conn, |conn| {
        let values = (
            events::slug.eq(&input.slug),
            events::format.eq(&input.format),
            events::title_de.eq(&input.title_de),
            events::title_en.eq(&input.title_en),
            events::description_de.eq(&input.description_de),
            events::description_en.eq(&input.description_en),
            events::description_html_de.eq(&html.de),
            events::description_html_en.eq(&html.en),
            events::starts_at.eq(input.starts_at),
            events::ends_at.eq(input.ends_at),
            events::timezone.eq(input.timezone),
            events::venue_name.eq(&input.venue_name),
            events::venue_address.eq(&input.venue_address),
            events::capacity.eq(input.capacity),
            events::max_guests.eq(input.max_guests),
            events::registration_opens_at.eq(input.registration_opens_at),
            events::registration_closes_at.eq(input.registration_closes_at),
            events::status.eq(input.status),
            events::recap_post_id.eq(input.recap_post_id),
            events::waitlist_on_board.eq(input.waitlist_on_board),
            events::series_id.eq(input.series.map(|(series, _)| series)),
            events::edition.eq(input.series.map(|(_, edition)| edition)),
            events::updated_at.eq(now),
        );
        let id = match id {
            Some(id) => {
                diesel::update(events::table.find(id))
                    .set((values, events::sequence.eq(events::sequence + 1)))
                    .execute(conn)?;
                id
            }
            None => diesel::insert_into(events::table)
                .values((
                    values,
                    events::uid.eq(format!("{}@grillplatz", crate::tokens::random_uuid())),
                    events::created_at.eq(now),
                ))
                .returning(events::id)
                .get_result(conn)?,
        };
        diesel::delete(agenda_items::table.filter(agenda_items::event_id.eq(id))).execute(conn)?;
        for (starts_at, title_de, title_en) in &input.agenda {
            diesel::insert_into(agenda_items::table)
                .values((
                    agenda_items::event_id.eq(id),
                    agenda_items::starts_at.eq(starts_at),
                    agenda_items::title_de.eq(title_de),
                    agenda_items::title_en.eq(title_en),
                ))
                .execute(conn)?;
        }
        Ok(id)
    })
}

/// Renders the descriptions of events saved before they were rendered at save; returns how
/// many events it filled in. Idempotent, run after migrations.
pub fn render_missing_html(conn: &mut DbConn) -> QueryResult<usize> {
    let missing: Vec<(i64, String, String)> = events::table
        .filter(
            (events::description_html_de
                .eq("")
                .and(events::description_de.ne("")))
            .or(events::description_html_en
                .eq("")
                .and(events::description_en.ne(""))),
        )
        .select((events::id, events::description_de, events::description_en))
        .load(conn)?;
    for (id, de, en) in &missing {
        diesel::update(events::table.find(id))
            .set((
                events::description_html_de.eq(markdown::to_html(de, Author::Organizer)),
                events::description_html_en.eq(markdown::to_html(en, Author::Organizer)),
            ))
            .execute(conn)?;
    }
    Ok(missing.len())
}

/// Gives free places to the first waiting people who fit (after the capacity was raised);
/// returns how many moved up.
pub fn fill_free_places(
    conn: &mut DbConn,
    event_id: i64,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    crate::db::write_transaction(conn, |conn| {
        let event = lock_event(conn, event_id)?;
        if event.status != EventStatus::Published || event.starts_at <= now {
            return Ok(0);
        }
        Ok(promote(conn, &event, mail_ctx, now)?.len())
    })
}

/// Cancels an event and emails everyone who registered, in one transaction.
pub fn cancel_event(
    conn: &mut DbConn,
    id: i64,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    crate::db::write_transaction(conn, |conn| {
        let event = lock_event(conn, id)?;
        if event.is_cancelled() {
            return Ok(0);
        }
        diesel::update(events::table.find(id))
            .set((
                events::status.eq(EventStatus::Cancelled),
                events::sequence.eq(events::sequence + 1),
                events::updated_at.eq(now),
            ))
            .execute(conn)?;
        let event = events::table
            .find(id)
            .select(Event::as_select())
            .first(conn)?;
        let registered: Vec<Rsvp> = rsvps::table
            .filter(rsvps::event_id.eq(id))
            .filter(rsvps::status.ne(RsvpStatus::Cancelled))
            .select(Rsvp::as_select())
            .load(conn)?;
        for rsvp in &registered {
            let email = emails::event_cancelled(mail_ctx, &event, rsvp);
            mail::enqueue(
                conn,
                &format!("event-cancelled:{id}:{}", rsvp.id),
                &email,
                now,
            )?;
        }
        Ok(registered.len())
    })
}

pub fn agenda_text(items: &[AgendaItem], tz: chrono_tz::Tz) -> String {
    items
        .iter()
        .map(|i| {
            let local = crate::i18n::format::local(i.starts_at, tz);
            format!("{} {} | {}", local.format("%H:%M"), i.title_de, i.title_en)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Queues a reminder for every confirmed attendee of events starting within `lead`;
/// the dedupe key makes it exactly one per person and event however often this runs.
pub fn queue_reminders(
    conn: &mut DbConn,
    lead: Duration,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let due: Vec<Event> = events::table
        .filter(events::status.eq(EventStatus::Published))
        .filter(events::starts_at.gt(now))
        .filter(events::starts_at.le(now + lead))
        .select(Event::as_select())
        .load(conn)?;
    let mut queued = 0;
    for event in due {
        let agenda = agenda(conn, event.id)?;
        let confirmed: Vec<Rsvp> = rsvps::table
            .filter(rsvps::event_id.eq(event.id))
            .filter(rsvps::status.eq(RsvpStatus::Confirmed))
            .select(Rsvp::as_select())
            .load(conn)?;
        for rsvp in confirmed {
            let email = emails::reminder(mail_ctx, &event, &agenda, &rsvp);
            if mail::enqueue(
                conn,
                &format!("reminder:{}:{}", event.id, rsvp.id),
                &email,
                now,
            )? {
                queued += 1;
            }
        }
    }
    Ok(queued)
}

/// Marks an attendee as arrived (or not); returns false for an unknown RSVP of the event.
pub fn set_checked_in(
    conn: &mut DbConn,
    event_id: i64,
    rsvp_id: i64,
    arrived: bool,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(
        rsvps::table
            .filter(rsvps::id.eq(rsvp_id))
            .filter(rsvps::event_id.eq(event_id)),
    )
    .set(rsvps::checked_in_at.eq(arrived.then_some(now)))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Queues an organizer's message to everyone confirmed or waiting.
pub fn message_attendees(
    conn: &mut DbConn,
    event: &Event,
    subject: &str,
    body: &str,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    crate::db::write_transaction(conn, |conn| {
        let message_id = crate::tokens::random_uuid();
        let recipients: Vec<Rsvp> = rsvps::table
            .filter(rsvps::event_id.eq(event.id))
            .filter(rsvps::status.eq_any([RsvpStatus::Confirmed, RsvpStatus::Waitlisted]))
            .select(Rsvp::as_select())
            .load(conn)?;
        for rsvp in &recipients {
            let email = emails::organizer_message(mail_ctx, event, rsvp, subject, body);
            mail::enqueue(
                conn,
                &format!("message:{}:{message_id}:{}", event.id, rsvp.id),
                &email,
                now,
            )?;
        }
        Ok(recipients.len())
    })
}
