//! View models and page structs of the event pages, public and organizer.

use askama::Template;
use chrono::NaiveDateTime;
use chrono_tz::Tz;

use super::forms::{EventForm, MessageForm, RsvpForm, WalkInForm};
use super::model::{
    AgendaItem, Diet, EditionNav, Event, EventFormat, EventStatus, Registration, Rsvp, RsvpStatus,
};
use crate::i18n::{FluentArg, Lang, format};
use crate::web::PageCtx;
use crate::web::forms::FieldErrors;
use crate::web::nav::Link;

/// An event as lists and its page show it.
#[derive(Debug, Clone)]
pub struct EventCard {
    pub href: String,
    pub title: String,
    pub format_key: &'static str,
    pub when: String,
    pub start_iso: String,
    pub end_iso: String,
    pub venue: String,
    pub places: String,
    pub cancelled: bool,
    pub recap: Option<Link>,
}

impl EventCard {
    pub fn new(
        event: &Event,
        lang: Lang,
        site_tz: Tz,
        taken: i64,
        recap: Option<Link>,
    ) -> EventCard {
        let tz = event.tz();
        EventCard {
            href: event.path(lang),
            title: event.title(lang).to_string(),
            format_key: event.format.label_key(),
            when: event.when(lang, site_tz),
            start_iso: format::iso(event.starts_at, tz),
            end_iso: format::iso(event.ends_at, tz),
            venue: event.venue_name.clone(),
            places: places_left(lang, event.capacity, taken),
            cancelled: event.is_cancelled(),
            recap,
        }
    }
}

/// "Noch 12 von 30 Plätzen frei" / "12 of 30 places left".
pub fn places_left(lang: Lang, capacity: i32, taken: i64) -> String {
    let left = (i64::from(capacity) - taken).max(0);
    lang.t_args(
        "event-places-left",
        &[
            ("left", FluentArg::Num(left)),
            ("capacity", FluentArg::Num(i64::from(capacity))),
        ],
    )
}

#[derive(Template)]
#[template(path = "events/index.html")]
pub struct EventsPage {
    pub ctx: PageCtx,
    pub upcoming: Vec<EventCard>,
    pub past: Vec<EventCard>,
}

/// An agenda line.
#[derive(Debug, Clone)]
pub struct AgendaLine {
    pub time: String,
    pub title: String,
}

impl AgendaLine {
    pub fn new(item: &AgendaItem, lang: Lang, event: &Event) -> AgendaLine {
        AgendaLine {
            time: format::time(lang, item.starts_at, event.tz()),
            title: match lang {
                Lang::De => item.title_de.clone(),
                Lang::En => item.title_en.clone(),
            },
        }
    }
}

#[derive(Template)]
#[template(path = "events/show.html")]
pub struct EventPage {
    pub ctx: PageCtx,
    pub card: EventCard,
    pub description_html: String,
    pub address: String,
    pub map_href: String,
    pub agenda: Vec<AgendaLine>,
    pub posts: Vec<Link>,
    pub registration: Registration,
    pub window: Option<String>,
    pub ics_href: String,
    pub json_ld: String,
    pub form: RsvpForm,
    pub errors: FieldErrors,
    pub max_guests: i32,
    pub action: String,
    /// Topic board and schedule of an open-space event.
    pub board: Option<(String, String)>,
    /// No place is free: registering leads to the waiting list.
    pub full: bool,
    /// Its place in a series, when it has one.
    pub edition: Option<EditionNav>,
}

impl EventPage {
    fn open(&self) -> bool {
        self.registration == Registration::Open
    }

    fn not_yet(&self) -> bool {
        self.registration == Registration::NotYet
    }

    fn guest_options(&self) -> Vec<String> {
        (0..=self.max_guests).map(|n| n.to_string()).collect()
    }
}

/// "Anmeldung vom 1. Mai bis 20. Juni 2026" in the visitor's words.
pub fn registration_window(event: &Event, lang: Lang) -> Option<String> {
    let tz = event.tz();
    let fmt = |t: NaiveDateTime| format::date_time(lang, t, tz);
    match (event.registration_opens_at, event.registration_closes_at) {
        (None, None) => None,
        (Some(from), None) => Some(lang.t_args(
            "event-registration-from",
            &[("from", FluentArg::from(fmt(from)))],
        )),
        (None, Some(until)) => Some(lang.t_args(
            "event-registration-until",
            &[("until", FluentArg::from(fmt(until)))],
        )),
        (Some(from), Some(until)) => Some(lang.t_args(
            "event-registration-window",
            &[
                ("from", FluentArg::from(fmt(from))),
                ("until", FluentArg::from(fmt(until))),
            ],
        )),
    }
}

/// schema.org Event as JSON-LD, safe to place inside a `<script>` element.
pub fn json_ld(event: &Event, lang: Lang, base_url: &str, capacity_left: i64) -> String {
    let tz = event.tz();
    let value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title(lang),
        "startDate": format::iso(event.starts_at, tz),
        "endDate": format::iso(event.ends_at, tz),
        "eventStatus": if event.is_cancelled() { "https://schema.org/EventCancelled" } else { "https://schema.org/EventScheduled" },
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": lang.code(),
        "url": format!("{base_url}{}", event.path(lang)),
        "remainingAttendeeCapacity": capacity_left.max(0),
        "maximumAttendeeCapacity": event.capacity,
        "location": {
            "@type": "Place",
            "name": event.venue_name,
            "address": event.venue_address,
        },
        "offers": {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "url": format!("{base_url}{}#rsvp", event.path(lang)),
        },
    });
    value.to_string().replace("</", "<\\/")
}

/// What following a confirmation link led to.
pub enum ConfirmOutcome {
    /// Asks for the click on the button first.
    Ask,
    Confirmed,
    Waitlisted(i64),
    /// The registration was confirmed through another of its links.
    AlreadyConfirmed,
    Expired,
    Unknown,
}

impl ConfirmOutcome {
    /// The page's heading: it says what happened, not what to do.
    pub fn heading_key(&self) -> &'static str {
        match self {
            ConfirmOutcome::Ask => "confirm-title",
            ConfirmOutcome::Confirmed | ConfirmOutcome::AlreadyConfirmed => "confirm-title-done",
            ConfirmOutcome::Waitlisted(_) => "confirm-title-waitlisted",
            ConfirmOutcome::Expired | ConfirmOutcome::Unknown => "confirm-title-failed",
        }
    }
}

#[derive(Template)]
#[template(path = "events/confirm.html")]
pub struct ConfirmPage {
    pub ctx: PageCtx,
    pub outcome: ConfirmOutcome,
    pub event: Option<Link>,
    pub manage_href: Option<String>,
    pub action: String,
    /// The topic board of an open-space event, once the attendee has a place.
    pub topics_href: Option<String>,
    /// Whether a proposal typed before registering waits there.
    pub draft_waiting: bool,
}

#[derive(Template)]
#[template(path = "events/manage.html")]
pub struct ManagePage {
    pub ctx: PageCtx,
    pub event: Link,
    pub event_when: String,
    pub status_key: &'static str,
    /// Place on the waiting list, 1 for the next one to move up.
    pub position: Option<i64>,
    pub form: RsvpForm,
    pub errors: FieldErrors,
    pub max_guests: i32,
    pub action: String,
    pub cancel_action: String,
    pub can_change: bool,
    pub topics_href: Option<String>,
}

/// An event that is no longer public, for those who hold a link to it.
#[derive(Template)]
#[template(path = "events/withdrawn.html")]
pub struct WithdrawnPage {
    pub ctx: PageCtx,
    pub title: String,
    pub when: String,
}

/// "Really cancel?", with what follows from it.
#[derive(Template)]
#[template(path = "events/cancel.html")]
pub struct CancelPage {
    pub ctx: PageCtx,
    pub event: Link,
    pub event_when: String,
    pub leaving_waitlist: bool,
    pub consequence_key: &'static str,
    pub guests: i64,
    pub action: String,
    pub manage_href: String,
}

impl ManagePage {
    fn guest_options(&self) -> Vec<String> {
        (0..=self.max_guests).map(|n| n.to_string()).collect()
    }
}

// The organizer's pages.

pub struct EventRow {
    pub id: i64,
    pub title: String,
    pub when: String,
    pub status: EventStatus,
    pub open_space: bool,
}

#[derive(Template)]
#[template(path = "events/admin/events.html")]
pub struct AdminEventsPage {
    pub ctx: PageCtx,
    pub rows: Vec<EventRow>,
}

#[derive(Template)]
#[template(path = "events/admin/event_edit.html")]
pub struct EventEditPage {
    pub ctx: PageCtx,
    pub event_id: Option<i64>,
    pub status: Option<EventStatus>,
    pub public_href: Option<String>,
    pub form: EventForm,
    pub errors: FieldErrors,
    pub formats: &'static [EventFormat],
    /// Every IANA zone name, offered while typing the event's zone.
    pub zones: Vec<&'static str>,
    pub posts: Vec<(i64, String)>,
    /// Every series as (id, name).
    pub series: Vec<(i64, String)>,
    /// Where to plan the next edition, for a saved event in a series.
    pub next_edition_href: Option<String>,
    pub can_cancel: bool,
    pub unpublish_warning: Option<i64>,
}

/// Head counts for the grill.
pub struct Totals {
    pub people: i64,
    pub guests: i64,
    pub waiting: i64,
    pub diets: Vec<(Diet, i64)>,
}

pub struct AttendeeRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub status: RsvpStatus,
    pub guests: i32,
    pub diet: Diet,
    pub notes: String,
    /// When they registered, in the event's zone.
    pub registered: String,
    pub arrived: bool,
    /// Whether the organizer may still change, promote or cancel it.
    pub can_change: bool,
}

#[derive(Template)]
#[template(path = "events/admin/attendees.html")]
pub struct AttendeesPage {
    pub ctx: PageCtx,
    pub event_id: i64,
    pub title: String,
    pub totals: Totals,
    pub capacity: i64,
    pub rows: Vec<AttendeeRow>,
    pub can_add: bool,
}

/// An organizer adds someone by hand.
#[derive(Template)]
#[template(path = "events/admin/walk_in.html")]
pub struct WalkInPage {
    pub ctx: PageCtx,
    pub event_id: i64,
    pub title: String,
    pub max_guests: i32,
    pub diets: &'static [Diet],
    pub form: WalkInForm,
    pub errors: FieldErrors,
}

impl WalkInPage {
    fn guest_options(&self) -> Vec<String> {
        (0..=self.max_guests).map(|n| n.to_string()).collect()
    }
}

/// An organizer corrects someone's registration.
#[derive(Template)]
#[template(path = "events/admin/attendee_edit.html")]
pub struct AttendeeEditPage {
    pub ctx: PageCtx,
    pub event_id: i64,
    pub rsvp_id: i64,
    pub title: String,
    pub email: String,
    pub max_guests: i32,
    pub diets: &'static [Diet],
    pub form: RsvpForm,
    pub errors: FieldErrors,
}

impl AttendeeEditPage {
    fn guest_options(&self) -> Vec<String> {
        (0..=self.max_guests).map(|n| n.to_string()).collect()
    }
}

impl Totals {
    pub fn of(rsvps: &[Rsvp]) -> Totals {
        let confirmed: Vec<&Rsvp> = rsvps
            .iter()
            .filter(|r| r.status == RsvpStatus::Confirmed)
            .collect();
        Totals {
            people: confirmed.len() as i64,
            guests: confirmed.iter().map(|r| i64::from(r.guests)).sum(),
            waiting: rsvps
                .iter()
                .filter(|r| r.status == RsvpStatus::Waitlisted)
                .count() as i64,
            diets: Diet::ALL
                .iter()
                .map(|d| {
                    let places = confirmed
                        .iter()
                        .filter(|r| r.diet == *d)
                        .map(|r| r.places())
                        .sum();
                    (*d, places)
                })
                .collect(),
        }
    }
}

pub struct CheckinRow {
    pub id: i64,
    pub name: String,
    pub guests: i32,
    pub arrived: bool,
}

#[derive(Template)]
#[template(path = "events/admin/checkin.html")]
pub struct CheckinPage {
    pub ctx: PageCtx,
    pub event_id: i64,
    pub title: String,
    pub query: String,
    pub arrived: usize,
    pub rows: Vec<CheckinRow>,
}

#[derive(Template)]
#[template(path = "events/admin/message.html")]
pub struct MessagePage {
    pub ctx: PageCtx,
    pub event_id: i64,
    pub title: String,
    pub recipients: usize,
    pub form: MessageForm,
    pub errors: FieldErrors,
}
