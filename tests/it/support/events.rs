//! Events and RSVPs for tests, made through the app's own queries: `save_event`, then
//! `register`, `confirm` and `cancel` as an attendee's clicks would.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::db::schema::{outbox, rsvps};
use grillplatz::events::model::{Diet, EventFormat, EventStatus, RsvpInput, Zone};
use grillplatz::events::queries::{self, Confirmation, EventInput, Registered};
use grillplatz::i18n::Lang;

use super::TestApp;

/// An event to create in a test.
#[derive(Debug, Clone)]
pub struct EventSpec {
    slug: String,
    title_de: String,
    capacity: i32,
    starts_at: NaiveDateTime,
    duration: Duration,
    with_agenda: bool,
    status: EventStatus,
    waitlist_on_board: bool,
}

impl EventSpec {
    /// "Sommergrillen" / "Summer BBQ" in ten days: an open space with a barbecue, 10 places.
    pub fn published(slug: &str) -> EventSpec {
        EventSpec {
            slug: slug.into(),
            title_de: "Sommergrillen".into(),
            capacity: 10,
            starts_at: now() + Duration::days(10),
            duration: Duration::hours(9),
            with_agenda: true,
            status: EventStatus::Published,
            waitlist_on_board: true,
        }
    }

    pub fn capacity(mut self, places: i32) -> EventSpec {
        self.capacity = places;
        self
    }

    pub fn starting_at(mut self, starts_at: NaiveDateTime) -> EventSpec {
        self.starts_at = starts_at;
        self
    }

    pub fn lasting(mut self, duration: Duration) -> EventSpec {
        self.duration = duration;
        self
    }

    pub fn titled_de(mut self, title: &str) -> EventSpec {
        self.title_de = title.into();
        self
    }

    pub fn draft(mut self) -> EventSpec {
        self.status = EventStatus::Draft;
        self
    }

    /// Only people with a place may propose topics and give dots, not those waiting.
    pub fn waitlist_off_board(mut self) -> EventSpec {
        self.waitlist_on_board = false;
        self
    }

    pub fn without_agenda(mut self) -> EventSpec {
        self.with_agenda = false;
        self
    }

    /// What an organizer would save, for tests that edit the event through `save_event`.
    pub fn input(&self) -> EventInput {
        let start = self.starts_at;
        let agenda = if self.with_agenda {
            vec![
                (start, "Open Space".into(), "Open Space".into()),
                (
                    start + Duration::hours(5),
                    "Grillen".into(),
                    "Barbecue".into(),
                ),
            ]
        } else {
            Vec::new()
        };
        EventInput {
            slug: self.slug.clone(),
            format: EventFormat::OpenSpace,
            title_de: self.title_de.clone(),
            title_en: "Summer BBQ".into(),
            description_de: "Open Space und **Grillen**.".into(),
            description_en: "Open Space and a **barbecue**.".into(),
            starts_at: start,
            ends_at: start + self.duration,
            timezone: Zone(chrono_tz::Europe::Berlin),
            venue_name: "Nordlicht Software".into(),
            venue_address: "Große Ulrichstraße 12, 06108 Halle (Saale)".into(),
            capacity: self.capacity,
            max_guests: 2,
            registration_opens_at: None,
            registration_closes_at: None,
            agenda,
            status: self.status,
            recap_post_id: None,
            waitlist_on_board: self.waitlist_on_board,
            series: None,
        }
    }
}

/// Where a test's registration should end up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Registered, the confirmation link not followed.
    Pending,
    Confirmed,
    /// Confirmed while the event was full.
    Waitlisted,
    Cancelled,
}

/// A registration to make in a test.
#[derive(Debug, Clone)]
pub struct RsvpSpec {
    name: String,
    email: String,
    lang: Lang,
    guests: i32,
    diet: Diet,
    notes: String,
    outcome: Outcome,
    registered_at: Option<NaiveDateTime>,
}

impl RsvpSpec {
    fn new(name: &str, outcome: Outcome) -> RsvpSpec {
        let local: String = name
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(".")
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        RsvpSpec {
            name: name.into(),
            email: format!("{local}@example.org"),
            lang: Lang::De,
            guests: 0,
            diet: Diet::Vegan,
            notes: String::new(),
            outcome,
            registered_at: None,
        }
    }

    /// Registered; the confirmation link waits in the mail. Email from the name:
    /// "Jana Beispiel" is jana.beispiel@example.org.
    pub fn pending(name: &str) -> RsvpSpec {
        RsvpSpec::new(name, Outcome::Pending)
    }

    /// Registered and confirmed into a free place.
    pub fn confirmed(name: &str) -> RsvpSpec {
        RsvpSpec::new(name, Outcome::Confirmed)
    }

    /// Registered and confirmed while the event was full: needs an event without room.
    pub fn waitlisted(name: &str) -> RsvpSpec {
        RsvpSpec::new(name, Outcome::Waitlisted)
    }

    /// Registered, then cancelled through the manage link.
    pub fn cancelled(name: &str) -> RsvpSpec {
        RsvpSpec::new(name, Outcome::Cancelled)
    }

    pub fn email(mut self, email: &str) -> RsvpSpec {
        self.email = email.into();
        self
    }

    pub fn lang(mut self, lang: Lang) -> RsvpSpec {
        self.lang = lang;
        self
    }

    pub fn guests(mut self, guests: i32) -> RsvpSpec {
        self.guests = guests;
        self
    }

    pub fn diet(mut self, diet: Diet) -> RsvpSpec {
        self.diet = diet;
        self
    }

    pub fn notes(mut self, notes: &str) -> RsvpSpec {
        self.notes = notes.into();
        self
    }

    /// When the person registered (and clicked): long enough ago, the link has expired.
    pub fn registered_at(mut self, at: NaiveDateTime) -> RsvpSpec {
        self.registered_at = Some(at);
        self
    }
}

/// A registration a test made: its id and the links the person was mailed.
#[derive(Debug, Clone)]
pub struct Registration {
    pub id: i64,
    /// The token of the personal manage link (/{lang}/rsvp/{token}/).
    pub manage_token: String,
    /// The token of the confirmation link; used up once the RSVP is confirmed.
    pub confirm_token: String,
}

impl TestApp {
    pub fn event(&self, spec: EventSpec) -> i64 {
        queries::save_event(&mut self.conn(), None, &spec.input(), now()).expect("save event")
    }

    /// Registers someone for the event and takes them to the state `spec` asks for. The
    /// mail these steps queue is removed again: tests count only the mail they cause.
    pub fn rsvp(&self, event_id: i64, spec: RsvpSpec) -> Registration {
        let mut conn = self.conn();
        let ctx = self.state.config.mail_context();
        let at = spec.registered_at.unwrap_or_else(now);
        let event = queries::by_id(&mut conn, event_id)
            .expect("event")
            .expect("the event exists");
        let mail_before: i64 = outbox::table
            .select(diesel::dsl::max(outbox::id))
            .first::<Option<i64>>(&mut *conn)
            .expect("outbox")
            .unwrap_or(0);
        let input = RsvpInput {
            name: spec.name.clone(),
            email: spec.email.clone(),
            lang: spec.lang,
            guests: spec.guests,
            diet: spec.diet,
            notes: spec.notes.clone(),
        };
        let registered = queries::register(&mut conn, &event, &input, &ctx, at).expect("register");
        assert_eq!(
            registered,
            Registered::LinkSent,
            "{} is registered for this event already",
            spec.email
        );
        let id: i64 = rsvps::table
            .filter(rsvps::event_id.eq(event_id))
            .filter(rsvps::email.eq(&spec.email))
            .select(rsvps::id)
            .first(&mut *conn)
            .expect("the new RSVP");
        let confirm_mail: String = outbox::table
            .filter(outbox::dedupe_key.like(format!("rsvp-confirm:{id}:%")))
            .select(outbox::body_text)
            .first(&mut *conn)
            .expect("the confirmation mail");
        let confirm_token = token_after(&confirm_mail, "/rsvp/confirm/");
        match spec.outcome {
            Outcome::Pending => {}
            Outcome::Confirmed => {
                let confirmed =
                    queries::confirm(&mut conn, &confirm_token, &ctx, at).expect("confirm");
                assert!(
                    matches!(confirmed, Confirmation::Confirmed(..)),
                    "{} got no place (raise the capacity): {confirmed:?}",
                    spec.email
                );
            }
            Outcome::Waitlisted => {
                let confirmed =
                    queries::confirm(&mut conn, &confirm_token, &ctx, at).expect("confirm");
                assert!(
                    matches!(confirmed, Confirmation::Waitlisted(..)),
                    "{} got a place, not the waiting list (fill the event first): {confirmed:?}",
                    spec.email
                );
            }
            Outcome::Cancelled => {
                assert!(queries::cancel(&mut conn, id, &ctx, at).expect("cancel"));
            }
        }
        // The fixture's own mail (link, confirmation, cancellation) is no test's subject.
        diesel::delete(outbox::table.filter(outbox::id.gt(mail_before)))
            .execute(&mut *conn)
            .expect("forget the fixture's mail");
        Registration {
            id,
            manage_token: ctx.manage_token(id),
            confirm_token,
        }
    }
}

/// The token in the first link of `text` whose path contains `marker`.
fn token_after(text: &str, marker: &str) -> String {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} link in:\n{text}"))
        + marker.len();
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .next()
        .unwrap_or_default()
        .to_string()
}
