//! Diesel rows of events and RSVPs and the states stored in them.

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use diesel::prelude::*;

use crate::db::schema::{agenda_items, events, rsvps};
use crate::i18n::Lang;
use crate::web::nav::Link;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: i64,
    pub uid: String,
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
    pub status: EventStatus,
    pub sequence: i32,
    pub recap_post_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The descriptions rendered when saved.
    pub description_html_de: String,
    pub description_html_en: String,
    /// Whether people on the waiting list may propose topics and give dots.
    pub waitlist_on_board: bool,
    /// The series it is an edition of, and which one (1 for the first).
    pub series_id: Option<i64>,
    pub edition: Option<i32>,
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
        self.timezone.0
    }

    pub fn has_topic_board(&self) -> bool {
        self.format == EventFormat::OpenSpace
    }

    pub fn path(&self, lang: Lang) -> String {
        format!("/{lang}/events/{}/", self.slug)
    }

    /// When it takes place, in its own time zone: "26. Juni 2026, 14:00–23:00 Uhr", with
    /// the zone's name added when it is not the `site`'s, whose readers assume their own.
    pub fn when(&self, lang: Lang, site: Tz) -> String {
        let span = crate::i18n::format::span(lang, self.starts_at, self.ends_at, self.tz());
        match self.zone_note(site) {
            Some(zone) => format!("{span} ({zone})"),
            None => span,
        }
    }

    /// The event's zone label ("WEST") when it differs from the `site`'s.
    pub fn zone_note(&self, site: Tz) -> Option<String> {
        (self.tz() != site).then(|| crate::i18n::format::zone_label(self.starts_at, self.tz()))
    }

    pub fn is_cancelled(&self) -> bool {
        self.status == EventStatus::Cancelled
    }

    /// Still to come and not called off: registrations may change, the event be cancelled.
    pub fn is_ahead(&self, now: NaiveDateTime) -> bool {
        !self.is_cancelled() && self.starts_at > now
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

crate::db::text_enum! {
    /// Whether an event is visible, and whether it takes place.
    pub enum EventStatus: "event-state-" {
        Draft = "draft",
        Published = "published",
        Cancelled = "cancelled",
    }
}

crate::db::text_enum! {
    /// What kind of meetup an event is; only an Open Space has a topic board.
    pub enum EventFormat: "event-format-" {
        OpenSpace = "open_space" / "open-space",
        CodeRetreat = "code_retreat" / "code-retreat",
        TalkEvening = "talk_evening" / "talk-evening",
        Other = "other",
    }
}

/// An IANA time zone stored by its name; a name the build does not know is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct Zone(pub Tz);

impl Zone {
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl std::str::FromStr for Zone {
    type Err = ();

    fn from_str(name: &str) -> Result<Zone, ()> {
        name.parse().map(Zone).map_err(|_| ())
    }
}

impl std::fmt::Display for Zone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

crate::db::text_sql!(Zone, name);

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
    pub lang: Lang,
    pub guests: i32,
    pub diet: Diet,
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
    /// Places this RSVP takes: the person plus their guests.
    pub fn places(&self) -> i64 {
        1 + i64::from(self.guests)
    }
}

crate::db::text_enum! {
    /// Where a registration stands.
    pub enum RsvpStatus: "rsvp-state-" {
        Pending = "pending",
        Confirmed = "confirmed",
        Waitlisted = "waitlisted",
        Cancelled = "cancelled",
    }
}

crate::db::text_enum! {
    /// What someone eats from the grill.
    pub enum Diet: "rsvp-diet-" {
        Omnivore = "omnivore",
        Vegetarian = "vegetarian",
        Vegan = "vegan",
    }
}

impl Diet {
    /// The organizer's word for it: "no restrictions" where the form says "everything".
    pub fn organizer_key(self) -> &'static str {
        match self {
            Diet::Omnivore => "attendee-diet-omnivore",
            Diet::Vegetarian => "attendee-diet-vegetarian",
            Diet::Vegan => "attendee-diet-vegan",
        }
    }
}

/// Who an invitation link went to, for an RSVP form that comes filled in.
#[derive(Debug, Clone)]
pub struct Invitee {
    pub name: String,
    pub email: String,
    pub lang: Lang,
}

/// Finds the invitee behind the id in an invitation token. Events do not know where
/// invitations come from; the composition root passes the contacts feature's lookup.
pub type FindInvitee = fn(&mut crate::db::DbConn, i64) -> diesel::QueryResult<Option<Invitee>>;

/// An edition's place in its series, as the event page shows it.
#[derive(Debug, Clone)]
pub struct EditionNav {
    /// "4. Dev- und Admin-Grillen" / "Developer & Admin BBQ IV".
    pub label: String,
    pub series: Link,
    pub previous: Option<Link>,
    pub next: Option<Link>,
}

/// Every series as (id, name in the language given).
pub type SeriesChoices =
    fn(&mut crate::db::DbConn, Lang) -> diesel::QueryResult<Vec<(i64, String)>>;

/// What events need from series. Events do not know series; the composition root
/// passes the series feature's functions.
#[derive(Debug, Clone, Copy)]
pub struct SeriesHooks {
    /// Every series as (id, name in `lang`), for the editor's select.
    pub choices: SeriesChoices,
    /// The edition label and its neighbours, for an event in a series.
    pub nav: fn(&mut crate::db::DbConn, &Event, Lang) -> diesel::QueryResult<Option<EditionNav>>,
}

/// Details an attendee gives.
#[derive(Debug, Clone)]
pub struct RsvpInput {
    pub name: String,
    pub email: String,
    pub lang: Lang,
    pub guests: i32,
    pub diet: Diet,
    pub notes: String,
}
