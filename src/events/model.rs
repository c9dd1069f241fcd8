//! Diesel rows of events and RSVPs and the states stored in them.

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use diesel::prelude::*;

use crate::db::schema::{agenda_items, events, rsvps};
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: i64,
    pub uid: String,
    pub slug: String,
    pub format: String,
    pub title_de: String,
    pub title_en: String,
    pub description_de: String,
    pub description_en: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub timezone: String,
    pub venue_name: String,
    pub venue_address: String,
    pub capacity: i32,
    pub max_guests: i32,
    pub registration_opens_at: Option<NaiveDateTime>,
    pub registration_closes_at: Option<NaiveDateTime>,
    pub status: EventStatus,
    pub sequence: i32,
    pub recap_post_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The descriptions rendered when saved.
    pub description_html_de: String,
    pub description_html_en: String,
}

impl Event {
    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.title_de,
            Lang::En => &self.title_en,
        }
    }

    pub fn description(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.description_de,
            Lang::En => &self.description_en,
        }
    }

    pub fn description_html(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.description_html_de,
            Lang::En => &self.description_html_en,
        }
    }

    pub fn tz(&self) -> Tz {
        self.timezone.parse().unwrap_or(chrono_tz::Europe::Berlin)
    }

    pub fn path(&self, lang: Lang) -> String {
        format!("/{lang}/events/{}/", self.slug)
    }

    /// When it takes place, in its own time zone: "26. Juni 2026, 14:00 Uhr – 23:00 Uhr".
    pub fn when(&self, lang: Lang) -> String {
        crate::i18n::format::span(lang, self.starts_at, self.ends_at, self.tz())
    }

    pub fn is_cancelled(&self) -> bool {
        self.status == EventStatus::Cancelled
    }

    /// Whether people may register at `now`.
    pub fn registration(&self, now: NaiveDateTime) -> Registration {
        if self.is_cancelled() {
            Registration::Cancelled
        } else if self.starts_at <= now || self.registration_closes_at.is_some_and(|t| t <= now) {
            Registration::Closed
        } else if self.registration_opens_at.is_some_and(|t| t > now) {
            Registration::NotYet
        } else {
            Registration::Open
        }
    }
}

/// Whether an event takes registrations right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    NotYet,
    Open,
    Closed,
    Cancelled,
}

crate::text_enum! {
    /// Whether an event is visible, and whether it takes place.
    pub enum EventStatus: "event-state-" {
        Draft = "draft",
        Published = "published",
        Cancelled = "cancelled",
    }
}

/// What kind of meetup an event is.
pub const FORMATS: [&str; 4] = ["open_space", "code_retreat", "talk_evening", "other"];

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = agenda_items)]
pub struct AgendaItem {
    pub id: i64,
    pub event_id: i64,
    pub starts_at: NaiveDateTime,
    pub title_de: String,
    pub title_en: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = rsvps)]
pub struct Rsvp {
    pub id: i64,
    pub event_id: i64,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub guests: i32,
    pub diet: String,
    pub notes: String,
    pub status: RsvpStatus,
    pub manage_token_hash: String,
    pub consent_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub waitlisted_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub checked_in_at: Option<NaiveDateTime>,
}

impl Rsvp {
    pub fn lang(&self) -> Lang {
        self.lang.parse().unwrap_or_default()
    }

    /// Places this RSVP takes: the person plus their guests.
    pub fn places(&self) -> i64 {
        1 + i64::from(self.guests)
    }
}

crate::text_enum! {
    /// Where a registration stands.
    pub enum RsvpStatus: "rsvp-state-" {
        Pending = "pending",
        Confirmed = "confirmed",
        Waitlisted = "waitlisted",
        Cancelled = "cancelled",
    }
}

pub const DIETS: [&str; 3] = ["omnivore", "vegetarian", "vegan"];

/// Details an attendee gives.
#[derive(Debug, Clone)]
pub struct RsvpInput {
    pub name: String,
    pub email: String,
    pub lang: Lang,
    pub guests: i32,
    pub diet: String,
    pub notes: String,
}
