//! View models and page structs of the public topic board, schedule and live board.

use std::collections::{HashMap, HashSet};

use askama::Template;
use chrono::NaiveDateTime;

use super::forms::{NoteForm, TopicForm};
use super::model::{Room, Slot, Topic, edit_path, topic_path, withdraw_path};
use crate::events::model::Event;
use crate::i18n::{Lang, format};
use crate::web::PageCtx;
use crate::web::forms::FieldErrors;
use crate::web::nav::{Link, Pager};

/// A topic as the board lists it.
#[derive(Debug, Clone)]
pub struct TopicCard {
    pub id: i64,
    pub href: String,
    pub title: String,
    pub description: String,
    pub proposer: String,
    pub lang_badge: String,
    pub lang_code: &'static str,
    pub interest: i64,
    pub voted: bool,
    pub by_organizers: bool,
    /// Its slot and room once scheduled.
    pub place: Option<Place>,
    pub dot_action: String,
    /// The viewer proposed it and it is not scheduled yet: they may change or withdraw it.
    pub editable: bool,
    pub edit_href: String,
    pub withdraw_href: String,
}

/// Where and when a scheduled topic takes place: "15:00–15:45 Uhr" and "Großer Saal",
/// kept apart so each wraps as a unit on narrow screens.
#[derive(Debug, Clone)]
pub struct Place {
    pub time: String,
    pub room: String,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} · {}", self.time, self.room)
    }
}

/// The slots × rooms grid of the schedule.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub rooms: Vec<String>,
    pub rows: Vec<GridRow>,
}

impl Grid {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() || self.rooms.is_empty()
    }

    pub fn has_sessions(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.cells.iter().any(Option::is_some))
    }
}

#[derive(Debug, Clone)]
pub struct GridRow {
    pub time: String,
    pub start_iso: String,
    /// The slot runs at the time the page was made ("happening now").
    pub running: bool,
    /// One per room, in the order of `Grid::rooms`.
    pub cells: Vec<Option<GridCell>>,
}

#[derive(Debug, Clone)]
pub struct GridCell {
    pub href: String,
    pub title: String,
    pub proposer: String,
    pub lang_badge: String,
    pub lang_code: &'static str,
    pub room: String,
    pub interest: i64,
}

/// A slot's time range, compact: "15:00–15:45 Uhr", "3:00–3:45 PM".
pub fn slot_time(slot: &Slot, event: &Event, lang: Lang) -> String {
    use chrono::Timelike;
    let tz = event.tz();
    let (start, end) = (
        format::local(slot.starts_at, tz),
        format::local(slot.ends_at, tz),
    );
    match lang {
        Lang::De => format!(
            "{:02}:{:02}–{:02}:{:02} Uhr",
            start.hour(),
            start.minute(),
            end.hour(),
            end.minute()
        ),
        Lang::En if start.hour12().0 == end.hour12().0 => format!(
            "{}:{:02}–{}",
            start.hour12().1,
            start.minute(),
            format::time(lang, slot.ends_at, tz)
        ),
        Lang::En => format!(
            "{}–{}",
            format::time(lang, slot.starts_at, tz),
            format::time(lang, slot.ends_at, tz)
        ),
    }
}

/// Whether `slot` is running at `now`.
pub fn is_running(slot: &Slot, now: NaiveDateTime) -> bool {
    slot.starts_at <= now && now < slot.ends_at
}

fn badge(lang: Lang) -> String {
    lang.code().to_uppercase()
}

pub fn card(
    topic: &Topic,
    event: &Event,
    lang: Lang,
    interest: &HashMap<i64, i64>,
    mine: &HashSet<i64>,
    places: &HashMap<i64, Place>,
) -> TopicCard {
    TopicCard {
        id: topic.id,
        href: topic_path(event, lang, topic.id),
        title: topic.title.clone(),
        description: topic.description.clone(),
        proposer: topic.proposer_name.clone(),
        lang_badge: badge(topic.lang),
        lang_code: topic.lang.code(),
        interest: interest.get(&topic.id).copied().unwrap_or(0),
        voted: mine.contains(&topic.id),
        by_organizers: topic.is_organizer_suggestion(),
        place: places.get(&topic.id).cloned(),
        dot_action: format!("{}dot", topic_path(event, lang, topic.id)),
        editable: false,
        edit_href: edit_path(event, lang, topic.id),
        withdraw_href: withdraw_path(event, lang, topic.id),
    }
}

/// Slot and room of every scheduled topic.
pub fn places(
    topics: &[Topic],
    slots: &[Slot],
    rooms: &[Room],
    event: &Event,
    lang: Lang,
) -> HashMap<i64, Place> {
    topics
        .iter()
        .filter_map(|t| {
            let slot = slots.iter().find(|s| Some(s.id) == t.slot_id)?;
            let room = rooms.iter().find(|r| Some(r.id) == t.room_id)?;
            Some((
                t.id,
                Place {
                    time: slot_time(slot, event, lang),
                    room: room.name.clone(),
                },
            ))
        })
        .collect()
}

pub fn grid(
    event: &Event,
    lang: Lang,
    slots: &[Slot],
    rooms: &[Room],
    topics: &[Topic],
    interest: &HashMap<i64, i64>,
    now: NaiveDateTime,
) -> Grid {
    let tz = event.tz();
    let rows = slots
        .iter()
        .map(|slot| GridRow {
            time: slot_time(slot, event, lang),
            start_iso: format::iso(slot.starts_at, tz),
            running: is_running(slot, now),
            cells: rooms
                .iter()
                .map(|room| {
                    topics
                        .iter()
                        .find(|t| t.slot_id == Some(slot.id) && t.room_id == Some(room.id))
                        .map(|t| GridCell {
                            href: topic_path(event, lang, t.id),
                            title: t.title.clone(),
                            proposer: t.proposer_name.clone(),
                            lang_badge: badge(t.lang),
                            lang_code: t.lang.code(),
                            room: room.name.clone(),
                            interest: interest.get(&t.id).copied().unwrap_or(0),
                        })
                })
                .collect(),
        })
        .collect();
    Grid {
        rooms: rooms.iter().map(|r| r.name.clone()).collect(),
        rows,
    }
}

/// What the viewer of a board may do.
#[derive(Debug, Clone, Default)]
pub struct Viewer {
    /// An attendee (with a place or waiting for one) recognized by their confirmation or
    /// manage link.
    pub attendee: Option<String>,
    /// The attendee is on the waiting list.
    pub waiting: bool,
    /// … and the event keeps the board to those with a place.
    pub shut_out: bool,
    pub organizer: bool,
    pub dots_total: i64,
    pub dots_left: i64,
    pub proposals_left: i64,
    /// "3 of 5 dots left".
    pub dots_label: String,
}

impl Viewer {
    pub fn can_vote(&self) -> bool {
        self.attendee.is_some() && !self.shut_out
    }

    pub fn can_write(&self) -> bool {
        self.can_vote() || self.organizer
    }
}

#[derive(Template)]
#[template(path = "topics/index.html")]
pub struct BoardPage {
    pub ctx: PageCtx,
    pub event: Link,
    pub event_when: String,
    pub topics: Vec<TopicCard>,
    pub sort: &'static str,
    pub sort_interest_href: String,
    pub sort_new_href: String,
    pub viewer: Viewer,
    /// Proposals and dots are over once the event has ended.
    pub open: bool,
    pub form: TopicForm,
    pub errors: FieldErrors,
    pub propose_action: String,
    pub leave_action: String,
    pub schedule_href: String,
    pub live_href: String,
    pub register_href: String,
}

#[derive(Template)]
#[template(path = "topics/show.html")]
pub struct TopicPage {
    pub ctx: PageCtx,
    pub event: Link,
    pub board_href: String,
    pub topic: TopicCard,
    pub viewer: Viewer,
    pub open: bool,
    pub note_html: Option<String>,
    pub note_author: String,
    pub note_when: String,
    /// Earlier revisions; they are shown on a page of their own.
    pub history_count: i64,
    pub history_href: String,
    pub form: NoteForm,
    pub errors: FieldErrors,
    pub note_action: String,
}

#[derive(Debug, Clone)]
pub struct NoteRevision {
    pub author: String,
    pub when: String,
    pub html: String,
}

/// The proposer changes their topic; `notice` instead of the form once that is no longer
/// possible (scheduled, someone else's).
#[derive(Template)]
#[template(path = "topics/edit.html")]
pub struct TopicEditPage {
    pub ctx: PageCtx,
    pub event: Link,
    pub board_href: String,
    pub topic: Link,
    pub notice: Option<&'static str>,
    pub form: TopicForm,
    pub errors: FieldErrors,
    pub action: String,
    pub withdraw_href: String,
}

/// Asks before a proposer withdraws their topic, and says what is lost.
#[derive(Template)]
#[template(path = "topics/withdraw.html")]
pub struct WithdrawPage {
    pub ctx: PageCtx,
    pub event: Link,
    pub board_href: String,
    pub topic: Link,
    pub interest: i64,
    pub action: String,
}

/// Earlier revisions of a topic's notes, newest first, a page at a time.
#[derive(Template)]
#[template(path = "topics/history.html")]
pub struct NoteHistoryPage {
    pub ctx: PageCtx,
    pub event: Link,
    pub board_href: String,
    pub topic: Link,
    pub count: i64,
    pub revisions: Vec<NoteRevision>,
    pub pager: Pager,
}

#[derive(Template)]
#[template(path = "topics/schedule.html")]
pub struct SchedulePage {
    pub ctx: PageCtx,
    pub event: Link,
    pub event_when: String,
    pub grid: Grid,
    pub board_href: String,
    pub live_href: String,
    pub ics_href: String,
}

#[derive(Template)]
#[template(path = "topics/live.html")]
pub struct LivePage {
    pub ctx: PageCtx,
    pub title: String,
    /// The board's address as people type it ("grillplatz.example/de/events/…/topics/")
    /// and the same as a QR code (inline SVG).
    pub join_url: String,
    pub join_qr: String,
    pub stream_href: String,
    /// The rendered `LiveFragment`, also what the event stream sends.
    pub fragment: String,
}

/// The part of the live board that the event stream replaces.
#[derive(Template)]
#[template(path = "topics/_live.html")]
pub struct LiveFragment {
    pub ctx: PageCtx,
    pub version: i64,
    pub grid: Grid,
    pub wanted: Vec<TopicCard>,
    pub updated: String,
}
