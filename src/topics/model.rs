//! Diesel rows of the topic board and the states stored in them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{rooms, time_slots, topic_boards, topic_notes, topics};
use crate::events::model::Event;
use crate::i18n::Lang;

/// An event's board settings and its change counter.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = topic_boards)]
pub struct Board {
    pub event_id: i64,
    pub dots_per_attendee: i32,
    pub proposals_per_person: i32,
    pub max_topics: i32,
    pub version: i64,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = rooms)]
pub struct Room {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub capacity: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = time_slots)]
pub struct Slot {
    pub id: i64,
    pub event_id: i64,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = topics)]
pub struct Topic {
    pub id: i64,
    pub event_id: i64,
    pub rsvp_id: Option<i64>,
    pub organizer_id: Option<i64>,
    pub proposer_name: String,
    pub title: String,
    pub description: String,
    pub lang: Lang,
    pub status: TopicStatus,
    pub merged_into_id: Option<i64>,
    pub slot_id: Option<i64>,
    pub room_id: Option<i64>,
    pub placement_version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Topic {
    pub fn is_open(&self) -> bool {
        self.status == TopicStatus::Open
    }

    /// Who proposed it, for "no two topics of one person in a slot".
    pub fn proposer_key(&self) -> Option<String> {
        match (self.rsvp_id, self.organizer_id) {
            (Some(r), _) => Some(format!("r{r}")),
            (None, Some(o)) => Some(format!("o{o}")),
            (None, None) => None,
        }
    }

    /// Once it has a time and room, only the organizers change it.
    pub fn is_scheduled(&self) -> bool {
        self.slot_id.is_some()
    }

    pub fn is_organizer_suggestion(&self) -> bool {
        self.rsvp_id.is_none() && self.organizer_id.is_some()
    }
}

/// One revision of a topic's session notes.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = topic_notes)]
pub struct Note {
    pub id: i64,
    pub topic_id: i64,
    pub body: String,
    pub author_name: String,
    pub rsvp_id: Option<i64>,
    pub organizer_id: Option<i64>,
    pub created_at: NaiveDateTime,
    /// `body` rendered when saved.
    pub body_html: String,
}

crate::db::text_enum! {
    /// Whether a topic is on the board.
    pub enum TopicStatus: "topic-state-" {
        Open = "open",
        /// Hidden by an organizer, e.g. as spam.
        Hidden = "hidden",
        /// Folded into another topic; its dots moved there.
        Merged = "merged",
    }
}

/// A validated proposal.
#[derive(Debug, Clone)]
pub struct TopicInput {
    pub title: String,
    pub description: String,
    pub lang: Lang,
}

/// Where the board's pages live.
pub fn board_path(event: &Event, lang: Lang) -> String {
    format!("{}topics/", event.path(lang))
}

pub fn topic_path(event: &Event, lang: Lang, topic_id: i64) -> String {
    format!("{}topics/{topic_id}/", event.path(lang))
}

pub fn edit_path(event: &Event, lang: Lang, topic_id: i64) -> String {
    format!("{}edit", topic_path(event, lang, topic_id))
}

pub fn withdraw_path(event: &Event, lang: Lang, topic_id: i64) -> String {
    format!("{}withdraw", topic_path(event, lang, topic_id))
}

pub fn history_path(event: &Event, lang: Lang, topic_id: i64) -> String {
    format!("{}history/", topic_path(event, lang, topic_id))
}
