//! Reads and writes of the topic board. Every change bumps the board's version in the
//! same transaction; that update is also the lock that serializes changes to one board.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::emails;
use super::model::{Board, Note, Room, Slot, Topic, TopicInput, TopicStatus};
use super::schedule::Placement;
use crate::db::schema::{rooms, rsvps, time_slots, topic_boards, topic_notes, topic_votes, topics};
use crate::db::{DbConn, is_unique_violation, write_transaction};
use crate::events::model::{Event, Rsvp, RsvpStatus};
use crate::i18n::Lang;
use crate::mail;
use crate::mail::links::MailContext;
use crate::markdown::{self, Author};

/// Why the board refused a change; each becomes a message next to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    PersonLimit,
    BoardFull,
    NoDotsLeft,
    AlreadyVoted,
    NotVoted,
    UnknownTopic,
    UnknownCell,
    CellTaken,
    DuplicateRoom,
    NoteConflict,
    Stale,
    /// Someone on the waiting list, while the event keeps the board to those with a place.
    OnWaitingList,
    /// A topic someone else proposed.
    NotYours,
    /// A topic with a time and room already.
    Scheduled,
    /// The event is over (or cancelled).
    Closed,
}

impl Refusal {
    /// The Fluent key of the message.
    pub fn key(self) -> &'static str {
        match self {
            Refusal::PersonLimit => "topic-error-person-limit",
            Refusal::BoardFull => "topic-error-board-full",
            Refusal::NoDotsLeft => "topic-error-no-dots",
            Refusal::AlreadyVoted => "topic-error-already-voted",
            Refusal::NotVoted => "topic-error-not-voted",
            Refusal::UnknownTopic => "topic-error-unknown",
            Refusal::UnknownCell => "topic-error-unknown-cell",
            Refusal::CellTaken => "topic-error-cell-taken",
            Refusal::DuplicateRoom => "topic-error-duplicate-room",
            Refusal::NoteConflict => "topic-error-note-conflict",
            Refusal::Stale => "topic-error-stale",
            Refusal::OnWaitingList => "topic-error-waiting",
            Refusal::NotYours => "topic-error-not-yours",
            Refusal::Scheduled => "topic-error-scheduled",
            Refusal::Closed => "topic-error-closed",
        }
    }
}

/// A database error, or a refusal that rolls the transaction back.
#[derive(Debug)]
pub enum TopicError {
    Db(diesel::result::Error),
    Refused(Refusal),
}

impl From<diesel::result::Error> for TopicError {
    fn from(e: diesel::result::Error) -> TopicError {
        TopicError::Db(e)
    }
}

impl From<TopicError> for crate::error::AppError {
    fn from(e: TopicError) -> crate::error::AppError {
        match e {
            TopicError::Db(e) => e.into(),
            TopicError::Refused(why) => crate::error::AppError::BadRequest(why.key().into()),
        }
    }
}

fn refuse<T>(why: Refusal) -> Result<T, TopicError> {
    Err(TopicError::Refused(why))
}

/// The board of an event, created with the default limits on first use.
pub fn board(conn: &mut DbConn, event_id: i64) -> QueryResult<Board> {
    if let Some(board) = topic_boards::table
        .find(event_id)
        .select(Board::as_select())
        .first(conn)
        .optional()?
    {
        return Ok(board);
    }
    let created = conn.transaction(|conn| {
        diesel::insert_into(topic_boards::table)
            .values(topic_boards::event_id.eq(event_id))
            .execute(conn)
    });
    match created {
        Ok(_) => {}
        Err(e) if is_unique_violation(&e) => {}
        Err(e) => return Err(e),
    }
    topic_boards::table
        .find(event_id)
        .select(Board::as_select())
        .first(conn)
}

/// The change counter live boards watch; 0 before the board exists.
pub fn version(conn: &mut DbConn, event_id: i64) -> QueryResult<i64> {
    Ok(topic_boards::table
        .find(event_id)
        .select(topic_boards::version)
        .first(conn)
        .optional()?
        .unwrap_or(0))
}

/// Counts a change and locks the board until the transaction ends (a row lock on
/// PostgreSQL; on SQLite the write lock is held since `BEGIN IMMEDIATE`).
fn touch(conn: &mut DbConn, event_id: i64) -> QueryResult<Board> {
    board(conn, event_id)?;
    diesel::update(topic_boards::table.find(event_id))
        .set(topic_boards::version.eq(topic_boards::version + 1))
        .execute(conn)?;
    topic_boards::table
        .find(event_id)
        .select(Board::as_select())
        .first(conn)
}

/// The RSVP `rsvp_id` of this event if it holds a place or waits for one; whether a waiting
/// person may take part is the event's setting (`may_take_part`).
pub fn attendee(conn: &mut DbConn, event_id: i64, rsvp_id: i64) -> QueryResult<Option<Rsvp>> {
    rsvps::table
        .filter(rsvps::id.eq(rsvp_id))
        .filter(rsvps::event_id.eq(event_id))
        .filter(rsvps::status.eq_any([RsvpStatus::Confirmed, RsvpStatus::Waitlisted]))
        .select(Rsvp::as_select())
        .first(conn)
        .optional()
}

/// Whether `rsvp` may propose, give dots and write notes on the event's board.
pub fn may_take_part(event: &Event, rsvp: &Rsvp) -> bool {
    rsvp.status == RsvpStatus::Confirmed || event.waitlist_on_board
}

/// Visible topics, oldest first.
pub fn open_topics(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Topic>> {
    topics::table
        .filter(topics::event_id.eq(event_id))
        .filter(topics::status.eq(TopicStatus::Open))
        .order(topics::id)
        .select(Topic::as_select())
        .load(conn)
}

/// Every topic, hidden and merged ones included, for organizers.
pub fn all_topics(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Topic>> {
    topics::table
        .filter(topics::event_id.eq(event_id))
        .order(topics::id)
        .select(Topic::as_select())
        .load(conn)
}

pub fn topic(conn: &mut DbConn, event_id: i64, topic_id: i64) -> QueryResult<Option<Topic>> {
    topics::table
        .filter(topics::id.eq(topic_id))
        .filter(topics::event_id.eq(event_id))
        .select(Topic::as_select())
        .first(conn)
        .optional()
}

/// Dots per topic of the event.
pub fn interest(conn: &mut DbConn, event_id: i64) -> QueryResult<HashMap<i64, i64>> {
    let voted: Vec<i64> = topic_votes::table
        .inner_join(topics::table)
        .filter(topics::event_id.eq(event_id))
        .select(topic_votes::topic_id)
        .load(conn)?;
    let mut counts = HashMap::new();
    for id in voted {
        *counts.entry(id).or_insert(0) += 1;
    }
    Ok(counts)
}

/// The topics an attendee spent a dot on.
pub fn dots_of(conn: &mut DbConn, rsvp_id: i64) -> QueryResult<HashSet<i64>> {
    Ok(topic_votes::table
        .filter(topic_votes::rsvp_id.eq(rsvp_id))
        .select(topic_votes::topic_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect())
}

/// How many topics a person proposed (hidden ones count, so spam does not reset the limit).
pub fn proposals_of(conn: &mut DbConn, event_id: i64, rsvp_id: i64) -> QueryResult<i64> {
    topics::table
        .filter(topics::event_id.eq(event_id))
        .filter(topics::rsvp_id.eq(rsvp_id))
        .count()
        .get_result(conn)
}

/// Who proposes: an attendee (by RSVP) or an organizer (a suggestion of the organizers).
#[derive(Debug, Clone)]
pub enum Proposer {
    Attendee { rsvp_id: i64, name: String },
    Organizer { id: i64, name: String },
}

pub fn propose(
    conn: &mut DbConn,
    event_id: i64,
    proposer: &Proposer,
    input: &TopicInput,
    now: NaiveDateTime,
) -> Result<i64, TopicError> {
    write_transaction(conn, |conn| {
        let board = touch(conn, event_id)?;
        let open: i64 = topics::table
            .filter(topics::event_id.eq(event_id))
            .filter(topics::status.eq(TopicStatus::Open))
            .count()
            .get_result(conn)?;
        let (rsvp_id, organizer_id, name) = match proposer {
            Proposer::Attendee { rsvp_id, name } => {
                if proposals_of(conn, event_id, *rsvp_id)? >= i64::from(board.proposals_per_person)
                {
                    return refuse(Refusal::PersonLimit);
                }
                if open >= i64::from(board.max_topics) {
                    return refuse(Refusal::BoardFull);
                }
                (Some(*rsvp_id), None, name)
            }
            // Organizers curate the board; the limits are for attendees.
            Proposer::Organizer { id, name } => (None, Some(*id), name),
        };
        Ok(diesel::insert_into(topics::table)
            .values((
                topics::event_id.eq(event_id),
                topics::rsvp_id.eq(rsvp_id),
                topics::organizer_id.eq(organizer_id),
                topics::proposer_name.eq(first_name(name)),
                topics::title.eq(&input.title),
                topics::description.eq(&input.description),
                topics::lang.eq(input.lang),
                topics::status.eq(TopicStatus::Open),
                topics::created_at.eq(now),
                topics::updated_at.eq(now),
            ))
            .returning(topics::id)
            .get_result(conn)?)
    })
}

/// The open topic `topic_id` if `rsvp_id` proposed it and it is not scheduled yet.
fn own_unscheduled(
    conn: &mut DbConn,
    event_id: i64,
    rsvp_id: i64,
    topic_id: i64,
) -> Result<Topic, TopicError> {
    let Some(t) = topic(conn, event_id, topic_id)?.filter(|t| t.is_open()) else {
        return refuse(Refusal::UnknownTopic);
    };
    if t.rsvp_id != Some(rsvp_id) {
        return refuse(Refusal::NotYours);
    }
    if t.is_scheduled() {
        return refuse(Refusal::Scheduled);
    }
    Ok(t)
}

/// The proposer changes their topic's title, description or language.
pub fn update_topic(
    conn: &mut DbConn,
    event_id: i64,
    rsvp_id: i64,
    topic_id: i64,
    input: &TopicInput,
    now: NaiveDateTime,
) -> Result<(), TopicError> {
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        own_unscheduled(conn, event_id, rsvp_id, topic_id)?;
        diesel::update(topics::table.find(topic_id))
            .set((
                topics::title.eq(&input.title),
                topics::description.eq(&input.description),
                topics::lang.eq(input.lang),
                topics::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// The proposer takes their topic back: it is deleted with its dots (whoever gave one has
/// it back) and notes, and frees the proposal it used.
pub fn withdraw(
    conn: &mut DbConn,
    event_id: i64,
    rsvp_id: i64,
    topic_id: i64,
) -> Result<(), TopicError> {
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        own_unscheduled(conn, event_id, rsvp_id, topic_id)?;
        // Dots and notes go with it (ON DELETE CASCADE).
        diesel::delete(topics::table.find(topic_id)).execute(conn)?;
        Ok(())
    })
}

/// Only the first name is shown publicly.
fn first_name(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Spends one of the attendee's dots on a topic.
pub fn vote(
    conn: &mut DbConn,
    event_id: i64,
    rsvp_id: i64,
    topic_id: i64,
    now: NaiveDateTime,
) -> Result<(), TopicError> {
    write_transaction(conn, |conn| {
        let board = touch(conn, event_id)?;
        if !topic(conn, event_id, topic_id)?.is_some_and(|t| t.is_open()) {
            return refuse(Refusal::UnknownTopic);
        }
        let mine = dots_of(conn, rsvp_id)?;
        if mine.contains(&topic_id) {
            return refuse(Refusal::AlreadyVoted);
        }
        let used = mine.len() as i64;
        if used >= i64::from(board.dots_per_attendee) {
            return refuse(Refusal::NoDotsLeft);
        }
        diesel::insert_into(topic_votes::table)
            .values((
                topic_votes::topic_id.eq(topic_id),
                topic_votes::rsvp_id.eq(rsvp_id),
                topic_votes::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Takes a dot back.
pub fn unvote(
    conn: &mut DbConn,
    event_id: i64,
    rsvp_id: i64,
    topic_id: i64,
) -> Result<(), TopicError> {
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        if topic(conn, event_id, topic_id)?.is_none() {
            return refuse(Refusal::UnknownTopic);
        }
        let removed = diesel::delete(
            topic_votes::table
                .filter(topic_votes::topic_id.eq(topic_id))
                .filter(topic_votes::rsvp_id.eq(rsvp_id)),
        )
        .execute(conn)?;
        if removed == 0 {
            return refuse(Refusal::NotVoted);
        }
        Ok(())
    })
}

/// Board limits an organizer sets.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub dots_per_attendee: i32,
    pub proposals_per_person: i32,
    pub max_topics: i32,
}

pub fn save_limits(conn: &mut DbConn, event_id: i64, limits: Limits) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        diesel::update(topic_boards::table.find(event_id))
            .set((
                topic_boards::dots_per_attendee.eq(limits.dots_per_attendee),
                topic_boards::proposals_per_person.eq(limits.proposals_per_person),
                topic_boards::max_topics.eq(limits.max_topics),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Rooms, largest first.
pub fn rooms(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Room>> {
    rooms::table
        .filter(rooms::event_id.eq(event_id))
        .order((rooms::capacity.desc(), rooms::name))
        .select(Room::as_select())
        .load(conn)
}

pub fn slots(conn: &mut DbConn, event_id: i64) -> QueryResult<Vec<Slot>> {
    time_slots::table
        .filter(time_slots::event_id.eq(event_id))
        .order((time_slots::starts_at, time_slots::id))
        .select(Slot::as_select())
        .load(conn)
}

pub fn add_room(
    conn: &mut DbConn,
    event_id: i64,
    name: &str,
    capacity: i32,
) -> Result<(), TopicError> {
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        let inserted = conn.transaction(|conn| {
            diesel::insert_into(rooms::table)
                .values((
                    rooms::event_id.eq(event_id),
                    rooms::name.eq(name),
                    rooms::capacity.eq(capacity),
                ))
                .execute(conn)
        });
        match inserted {
            Ok(_) => Ok(()),
            Err(e) if is_unique_violation(&e) => refuse(Refusal::DuplicateRoom),
            Err(e) => Err(e.into()),
        }
    })
}

/// A row or column of the grid.
#[derive(Debug, Clone, Copy)]
pub enum GridPart {
    Room(i64),
    Slot(i64),
}

/// Removes a room or a slot; its sessions go back to the unscheduled topics.
pub fn delete_grid_part(conn: &mut DbConn, event_id: i64, part: GridPart) -> QueryResult<bool> {
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        let unschedule = (
            topics::slot_id.eq(None::<i64>),
            topics::room_id.eq(None::<i64>),
        );
        let deleted = match part {
            GridPart::Room(id) => {
                diesel::update(topics::table.filter(topics::room_id.eq(id)))
                    .set(unschedule)
                    .execute(conn)?;
                diesel::delete(
                    rooms::table
                        .filter(rooms::id.eq(id))
                        .filter(rooms::event_id.eq(event_id)),
                )
                .execute(conn)?
            }
            GridPart::Slot(id) => {
                diesel::update(topics::table.filter(topics::slot_id.eq(id)))
                    .set(unschedule)
                    .execute(conn)?;
                diesel::delete(
                    time_slots::table
                        .filter(time_slots::id.eq(id))
                        .filter(time_slots::event_id.eq(event_id)),
                )
                .execute(conn)?
            }
        };
        Ok(deleted == 1)
    })
}

pub fn add_slot(
    conn: &mut DbConn,
    event_id: i64,
    starts_at: NaiveDateTime,
    ends_at: NaiveDateTime,
) -> QueryResult<()> {
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        diesel::insert_into(time_slots::table)
            .values((
                time_slots::event_id.eq(event_id),
                time_slots::starts_at.eq(starts_at),
                time_slots::ends_at.eq(ends_at),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Puts a topic into a cell (or takes it out with `None`) and tells its proposer.
pub fn place(
    conn: &mut DbConn,
    event: &Event,
    topic_id: i64,
    cell: Option<(i64, i64)>,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> Result<(), TopicError> {
    write_transaction(conn, |conn| {
        touch(conn, event.id)?;
        place_locked(conn, event, topic_id, cell, mail_ctx, now)
    })
}

fn place_locked(
    conn: &mut DbConn,
    event: &Event,
    topic_id: i64,
    cell: Option<(i64, i64)>,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> Result<(), TopicError> {
    let Some(current) = topic(conn, event.id, topic_id)?.filter(|t| t.is_open()) else {
        return refuse(Refusal::UnknownTopic);
    };
    if current.slot_id.zip(current.room_id) == cell {
        return Ok(());
    }
    let placed = match cell {
        None => None,
        Some((slot_id, room_id)) => {
            let slot = time_slots::table
                .filter(time_slots::id.eq(slot_id))
                .filter(time_slots::event_id.eq(event.id))
                .select(Slot::as_select())
                .first(conn)
                .optional()?;
            let room = rooms::table
                .filter(rooms::id.eq(room_id))
                .filter(rooms::event_id.eq(event.id))
                .select(Room::as_select())
                .first(conn)
                .optional()?;
            let (Some(slot), Some(room)) = (slot, room) else {
                return refuse(Refusal::UnknownCell);
            };
            let occupied: i64 = topics::table
                .filter(topics::slot_id.eq(slot_id))
                .filter(topics::room_id.eq(room_id))
                .filter(topics::id.ne(topic_id))
                .count()
                .get_result(conn)?;
            if occupied > 0 {
                return refuse(Refusal::CellTaken);
            }
            Some((slot, room))
        }
    };
    let version = current.placement_version + 1;
    diesel::update(topics::table.find(topic_id))
        .set((
            topics::slot_id.eq(cell.map(|c| c.0)),
            topics::room_id.eq(cell.map(|c| c.1)),
            topics::placement_version.eq(version),
            topics::updated_at.eq(now),
        ))
        .execute(conn)?;
    if let (Some((slot, room)), Some(rsvp_id)) = (placed, current.rsvp_id) {
        let proposer = rsvps::table
            .find(rsvp_id)
            .select(Rsvp::as_select())
            .first(conn)
            .optional()?;
        if let Some(rsvp) = proposer.filter(|r| r.status != RsvpStatus::Cancelled) {
            let moved = current.slot_id.is_some();
            let email = emails::scheduled(mail_ctx, event, &current, &rsvp, &slot, &room, moved);
            mail::enqueue(
                conn,
                &format!("topic-placed:{topic_id}:{version}"),
                &email,
                now,
            )?;
        }
    }
    Ok(())
}

/// Applies a suggested plan if the board is still as it was when the plan was made.
pub fn apply_plan(
    conn: &mut DbConn,
    event: &Event,
    plan: &[Placement],
    seen_version: i64,
    mail_ctx: &MailContext,
    now: NaiveDateTime,
) -> Result<usize, TopicError> {
    write_transaction(conn, |conn| {
        let board = touch(conn, event.id)?;
        // touch() counted this change already.
        if board.version != seen_version + 1 {
            return refuse(Refusal::Stale);
        }
        for p in plan {
            place_locked(
                conn,
                event,
                p.topic_id,
                Some((p.slot_id, p.room_id)),
                mail_ctx,
                now,
            )?;
        }
        Ok(plan.len())
    })
}

/// Hides a topic (spam) or shows it again.
pub fn set_hidden(
    conn: &mut DbConn,
    event_id: i64,
    topic_id: i64,
    hidden: bool,
    now: NaiveDateTime,
) -> Result<(), TopicError> {
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        let Some(t) = topic(conn, event_id, topic_id)? else {
            return refuse(Refusal::UnknownTopic);
        };
        let (from, to) = if hidden {
            (TopicStatus::Open, TopicStatus::Hidden)
        } else {
            (TopicStatus::Hidden, TopicStatus::Open)
        };
        if t.status != from {
            return refuse(Refusal::UnknownTopic);
        }
        diesel::update(topics::table.find(topic_id))
            .set((
                topics::status.eq(to.as_str()),
                topics::slot_id.eq(None::<i64>),
                topics::room_id.eq(None::<i64>),
                topics::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Folds `from` into `into`: dots move over (one per person), `from` leaves the board.
pub fn merge(
    conn: &mut DbConn,
    event_id: i64,
    from: i64,
    into: i64,
    now: NaiveDateTime,
) -> Result<(), TopicError> {
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        let source = topic(conn, event_id, from)?.filter(|t| t.is_open());
        let target = topic(conn, event_id, into)?.filter(|t| t.is_open());
        if from == into || source.is_none() || target.is_none() {
            return refuse(Refusal::UnknownTopic);
        }
        let already: Vec<i64> = topic_votes::table
            .filter(topic_votes::topic_id.eq(into))
            .select(topic_votes::rsvp_id)
            .load(conn)?;
        // Someone who dotted both keeps one dot on the merged topic and gets the other back.
        diesel::delete(
            topic_votes::table
                .filter(topic_votes::topic_id.eq(from))
                .filter(topic_votes::rsvp_id.eq_any(&already)),
        )
        .execute(conn)?;
        diesel::update(topic_votes::table.filter(topic_votes::topic_id.eq(from)))
            .set(topic_votes::topic_id.eq(into))
            .execute(conn)?;
        diesel::update(topics::table.find(from))
            .set((
                topics::status.eq(TopicStatus::Merged),
                topics::merged_into_id.eq(into),
                topics::slot_id.eq(None::<i64>),
                topics::room_id.eq(None::<i64>),
                topics::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// How many people dotted both topics.
pub fn shared_dots(conn: &mut DbConn, a: i64, b: i64) -> QueryResult<i64> {
    let mut voters = |topic: i64| {
        topic_votes::table
            .filter(topic_votes::topic_id.eq(topic))
            .select(topic_votes::rsvp_id)
            .load::<i64>(conn)
    };
    let on_a: HashSet<i64> = voters(a)?.into_iter().collect();
    Ok(voters(b)?.iter().filter(|r| on_a.contains(r)).count() as i64)
}

/// A topic's current note, if anyone wrote one.
pub fn current_note(conn: &mut DbConn, topic_id: i64) -> QueryResult<Option<Note>> {
    topic_notes::table
        .filter(topic_notes::topic_id.eq(topic_id))
        .order(topic_notes::id.desc())
        .select(Note::as_select())
        .first(conn)
        .optional()
}

/// How many revisions a topic's note has, the current one included.
pub fn note_count(conn: &mut DbConn, topic_id: i64) -> QueryResult<i64> {
    topic_notes::table
        .filter(topic_notes::topic_id.eq(topic_id))
        .count()
        .get_result(conn)
}

/// Earlier revisions of a topic's note (all but the current one), newest first.
pub fn earlier_notes(
    conn: &mut DbConn,
    topic_id: i64,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<Note>> {
    topic_notes::table
        .filter(topic_notes::topic_id.eq(topic_id))
        .order(topic_notes::id.desc())
        .offset(offset + 1)
        .limit(limit)
        .select(Note::as_select())
        .load(conn)
}

/// Renders the notes saved before notes were rendered at save; returns how many it filled
/// in. Idempotent, run after migrations.
pub fn render_missing_html(conn: &mut DbConn) -> QueryResult<usize> {
    let missing: Vec<(i64, String)> = topic_notes::table
        .filter(topic_notes::body_html.eq(""))
        .filter(topic_notes::body.ne(""))
        .select((topic_notes::id, topic_notes::body))
        .load(conn)?;
    for (id, body) in &missing {
        diesel::update(topic_notes::table.find(id))
            .set(topic_notes::body_html.eq(markdown::to_html(body, Author::Attendee)))
            .execute(conn)?;
    }
    Ok(missing.len())
}

/// The current note of every topic of an event.
pub fn current_notes(conn: &mut DbConn, event_id: i64) -> QueryResult<HashMap<i64, Note>> {
    let all: Vec<Note> = topic_notes::table
        .inner_join(topics::table)
        .filter(topics::event_id.eq(event_id))
        .order(topic_notes::id)
        .select(Note::as_select())
        .load(conn)?;
    Ok(all.into_iter().map(|n| (n.topic_id, n)).collect())
}

/// Who writes a note.
#[derive(Debug, Clone)]
pub struct NoteAuthor {
    pub name: String,
    pub rsvp_id: Option<i64>,
    pub organizer_id: Option<i64>,
}

/// Saves a new revision unless someone else saved since `base` (the revision the writer
/// started from), so two people editing at once never overwrite each other silently.
pub fn save_note(
    conn: &mut DbConn,
    event_id: i64,
    topic_id: i64,
    author: &NoteAuthor,
    body: &str,
    base: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), TopicError> {
    // Notes mix everyone's text, so they are attendee text whoever saves them. Rendered
    // outside the transaction so the write lock is not held meanwhile.
    let html = markdown::to_html(body, Author::Attendee);
    write_transaction(conn, |conn| {
        touch(conn, event_id)?;
        if !topic(conn, event_id, topic_id)?.is_some_and(|t| t.is_open()) {
            return refuse(Refusal::UnknownTopic);
        }
        let latest: Option<i64> = topic_notes::table
            .filter(topic_notes::topic_id.eq(topic_id))
            .select(diesel::dsl::max(topic_notes::id))
            .first(conn)?;
        if latest != base {
            return refuse(Refusal::NoteConflict);
        }
        diesel::insert_into(topic_notes::table)
            .values((
                topic_notes::topic_id.eq(topic_id),
                topic_notes::body.eq(body),
                topic_notes::body_html.eq(&html),
                topic_notes::author_name.eq(&author.name),
                topic_notes::rsvp_id.eq(author.rsvp_id),
                topic_notes::organizer_id.eq(author.organizer_id),
                topic_notes::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    })
}

/// Topics proposed in `[from, to)` on any event, for the organizers' digest.
pub fn proposed_between(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<Topic>> {
    topics::table
        .filter(topics::created_at.ge(from))
        .filter(topics::created_at.lt(to))
        .filter(topics::rsvp_id.is_not_null())
        .order(topics::id)
        .select(Topic::as_select())
        .load(conn)
}

/// The scheduled sessions of an event, for its calendar file.
pub fn sessions(
    conn: &mut DbConn,
    event: &Event,
    lang: Lang,
    base_url: &str,
) -> QueryResult<Vec<crate::events::ics::Session>> {
    if !event.has_topic_board() {
        return Ok(Vec::new());
    }
    let slots = slots(conn, event.id)?;
    let rooms = rooms(conn, event.id)?;
    Ok(open_topics(conn, event.id)?
        .into_iter()
        .filter_map(|t| {
            let slot = slots.iter().find(|s| Some(s.id) == t.slot_id)?;
            let room = rooms.iter().find(|r| Some(r.id) == t.room_id)?;
            Some(crate::events::ics::Session {
                topic_id: t.id,
                url: format!("{base_url}{}", super::model::topic_path(event, lang, t.id)),
                title: t.title,
                room: room.name.clone(),
                starts_at: slot.starts_at,
                ends_at: slot.ends_at,
                sequence: t.placement_version,
            })
        })
        .collect())
}
