//! The feature's forms and their validation: the RSVP form attendees fill in, and the
//! organizer's event editor, door list and message forms.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;
use serde::Deserialize;

use super::model::RsvpInput;
use super::model::{Diet, Event, EventFormat, EventStatus, Zone};
use super::queries::EventInput;
use crate::clock::local_to_utc;
use crate::i18n::{Lang, format};
use crate::web::forms::{FieldErrors, is_slug, slugify};

pub const NAME_MAX: usize = 100;
pub const NOTES_MAX: usize = 1000;

/// The RSVP form as typed; kept verbatim to show it again.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct RsvpForm {
    pub csrf: String,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub guests: String,
    pub diet: String,
    pub notes: String,
    pub consent: String,
    /// Honeypot: hidden from people, filled in by bots.
    pub website: String,
}

crate::web::forms::csrf_protected!(RsvpForm);

impl RsvpForm {
    /// A blank form for a visitor reading in `lang`.
    pub fn blank(lang: Lang) -> RsvpForm {
        RsvpForm {
            lang: lang.code().to_string(),
            guests: "0".into(),
            diet: Diet::Omnivore.as_str().into(),
            ..RsvpForm::default()
        }
    }

    pub fn is_bot(&self) -> bool {
        !self.website.trim().is_empty()
    }

    /// Validates the form; `require_consent` is false when editing an existing RSVP.
    pub fn validate(
        &self,
        max_guests: i32,
        require_consent: bool,
    ) -> Result<RsvpInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.text("name", &self.name, NAME_MAX);
        let email = if require_consent {
            errors
                .email("email", &self.email)
                .map(|e| e.as_str().to_string())
        } else {
            Some(String::new())
        };
        let lang = self.lang.parse::<Lang>().unwrap_or_else(|()| {
            errors.add("lang", "error-choose");
            Lang::De
        });
        let guests = match self.guests.trim() {
            "" => 0,
            raw => match raw.parse::<i32>() {
                Ok(n) if (0..=max_guests).contains(&n) => n,
                _ => {
                    errors.add("guests", "error-guests");
                    0
                }
            },
        };
        let diet = Diet::parse(&self.diet).unwrap_or_else(|| {
            errors.add("diet", "error-choose");
            Diet::Omnivore
        });
        let notes = errors.optional_text("notes", &self.notes, NOTES_MAX);
        if require_consent && self.consent != "yes" {
            errors.add("consent", "error-consent");
        }
        match email {
            Some(email) if errors.is_empty() => Ok(RsvpInput {
                name,
                email,
                lang,
                guests,
                diet,
                notes,
            }),
            _ => Err(errors),
        }
    }

    pub fn is_diet(&self, diet: &Diet) -> bool {
        self.diet == diet.as_str()
    }

    pub fn is_lang(&self, lang: &str) -> bool {
        self.lang == lang
    }
}

/// The event editor as typed; kept verbatim to show it again.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct EventForm {
    pub csrf: String,
    pub slug: String,
    pub format: String,
    pub title_de: String,
    pub title_en: String,
    pub description_de: String,
    pub description_en: String,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    /// An IANA zone name; empty means the zone the editor was opened with.
    pub timezone: String,
    pub venue_name: String,
    pub venue_address: String,
    pub capacity: String,
    pub max_guests: String,
    pub registration_opens: String,
    pub registration_closes: String,
    pub agenda: String,
    pub recap: String,
    /// "yes" when people on the waiting list may use the topic board.
    pub waitlist_on_board: String,
    /// The series' id, empty for none; the edition number in it.
    pub series: String,
    pub edition: String,
    pub action: String,
}

crate::web::forms::csrf_protected!(EventForm);

impl EventForm {
    pub fn from_event(e: &Event, agenda: String) -> EventForm {
        let tz = e.tz();
        let local = |t: NaiveDateTime| format::local(t, tz);
        let stamp = |t: Option<NaiveDateTime>| {
            t.map(|t| local(t).format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default()
        };
        EventForm {
            slug: e.slug.clone(),
            format: e.format.as_str().into(),
            title_de: e.title_de.clone(),
            title_en: e.title_en.clone(),
            description_de: e.description_de.clone(),
            description_en: e.description_en.clone(),
            date: local(e.starts_at).format("%Y-%m-%d").to_string(),
            start_time: local(e.starts_at).format("%H:%M").to_string(),
            end_time: local(e.ends_at).format("%H:%M").to_string(),
            timezone: e.timezone.to_string(),
            venue_name: e.venue_name.clone(),
            venue_address: e.venue_address.clone(),
            capacity: e.capacity.to_string(),
            max_guests: e.max_guests.to_string(),
            registration_opens: stamp(e.registration_opens_at),
            registration_closes: stamp(e.registration_closes_at),
            agenda,
            recap: e.recap_post_id.map(|id| id.to_string()).unwrap_or_default(),
            waitlist_on_board: if e.waitlist_on_board { "yes" } else { "" }.into(),
            series: e.series_id.map(|id| id.to_string()).unwrap_or_default(),
            edition: e.edition.map(|n| n.to_string()).unwrap_or_default(),
            ..EventForm::default()
        }
    }

    pub fn is_recap(&self, id: &i64) -> bool {
        self.recap == id.to_string()
    }

    pub fn is_format(&self, format: &EventFormat) -> bool {
        self.format == format.as_str()
    }

    pub fn is_series(&self, id: &i64) -> bool {
        self.series == id.to_string()
    }

    /// The event as the organizer typed it, its times read in the zone the form names
    /// (`default_tz` when it names none).
    pub fn validate(&self, default_tz: Tz) -> Result<EventInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let tz = match self.timezone.trim() {
            "" => default_tz,
            name => name.parse::<Tz>().unwrap_or_else(|_| {
                errors.add("timezone", "error-timezone");
                default_tz
            }),
        };
        let title_de = errors.text("title_de", &self.title_de, 200);
        let title_en = errors.text("title_en", &self.title_en, 200);
        let description_de = errors.optional_text("description_de", &self.description_de, 20_000);
        let description_en = errors.optional_text("description_en", &self.description_en, 20_000);
        let venue_name = errors.text("venue_name", &self.venue_name, 200);
        let venue_address = errors.text("venue_address", &self.venue_address, 300);
        let slug = match self.slug.trim() {
            "" => slugify(&title_de),
            typed => typed.to_string(),
        };
        if !is_slug(&slug) && !title_de.is_empty() {
            errors.add("slug", "error-slug");
        }
        let format = EventFormat::parse(&self.format).unwrap_or_else(|| {
            errors.add("format", "error-choose");
            EventFormat::Other
        });
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d").ok();
        if date.is_none() {
            errors.add("date", "error-date");
        }
        let start = parse_time(&self.start_time);
        let end = parse_time(&self.end_time);
        if start.is_none() {
            errors.add("start_time", "error-time");
        }
        if end.is_none() {
            errors.add("end_time", "error-time");
        }
        let number = |errors: &mut FieldErrors, field: &'static str, raw: &str, max: i32| match raw
            .trim()
            .parse::<i32>()
        {
            Ok(n) if (0..=max).contains(&n) => n,
            _ => {
                errors.add(field, "error-number");
                0
            }
        };
        let capacity = number(&mut errors, "capacity", &self.capacity, 100_000);
        let max_guests = number(&mut errors, "max_guests", &self.max_guests, 20);
        let stamp = |errors: &mut FieldErrors, field: &'static str, raw: &str| match raw.trim() {
            "" => None,
            raw => match NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
                .ok()
                .and_then(|t| local_to_utc(tz, t))
            {
                Some(t) => Some(t),
                None => {
                    errors.add(field, "error-datetime");
                    None
                }
            },
        };
        let registration_opens_at =
            stamp(&mut errors, "registration_opens", &self.registration_opens);
        let registration_closes_at = stamp(
            &mut errors,
            "registration_closes",
            &self.registration_closes,
        );
        let (starts_at, ends_at) = match (date, start, end) {
            (Some(d), Some(s), Some(e)) => {
                let starts = local_to_utc(tz, d.and_time(s));
                // An end before the start runs past midnight.
                let end_day = if e <= s { d.succ_opt().unwrap_or(d) } else { d };
                let ends = local_to_utc(tz, end_day.and_time(e));
                match (starts, ends) {
                    (Some(s), Some(e)) => (s, e),
                    _ => {
                        errors.add("start_time", "error-time");
                        (NaiveDateTime::default(), NaiveDateTime::default())
                    }
                }
            }
            _ => (NaiveDateTime::default(), NaiveDateTime::default()),
        };
        let mut agenda = Vec::new();
        for line in self.agenda.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let parsed = line.split_once(' ').and_then(|(time, titles)| {
                let time = parse_time(time)?;
                let (de, en) = titles.split_once('|').unwrap_or((titles, titles));
                let at = local_to_utc(tz, date?.and_time(time))?;
                let (de, en) = (de.trim(), en.trim());
                (!de.is_empty() && de.chars().count() <= 200 && en.chars().count() <= 200).then(
                    || {
                        (
                            at,
                            de.to_string(),
                            if en.is_empty() {
                                de.to_string()
                            } else {
                                en.to_string()
                            },
                        )
                    },
                )
            });
            match parsed {
                Some(item) => agenda.push(item),
                None => errors.add("agenda", "error-agenda"),
            }
        }
        let recap_post_id = errors.optional_id("recap", &self.recap);
        let series = self.series_edition(&mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(EventInput {
            recap_post_id,
            waitlist_on_board: self.waitlist_on_board == "yes",
            series,
            slug,
            format,
            title_de,
            title_en,
            description_de,
            description_en,
            starts_at,
            ends_at,
            timezone: Zone(tz),
            venue_name,
            venue_address,
            capacity,
            max_guests,
            registration_opens_at,
            registration_closes_at,
            agenda,
            status: if self.action == "publish" {
                EventStatus::Published
            } else {
                EventStatus::Draft
            },
        })
    }
}

impl EventForm {
    /// The series and a positive edition number: both or neither.
    fn series_edition(&self, errors: &mut FieldErrors) -> Option<(i64, i32)> {
        let series = errors.optional_id("series", &self.series);
        let edition = match self.edition.trim() {
            "" => None,
            raw => match raw.parse::<i32>() {
                Ok(n) if (1..=EDITION_MAX).contains(&n) => Some(n),
                _ => {
                    errors.add("edition", "error-edition");
                    None
                }
            },
        };
        match (series, edition) {
            (Some(series), Some(edition)) => Some((series, edition)),
            (Some(_), None) if self.edition.trim().is_empty() => {
                errors.add("edition", "error-edition-missing");
                None
            }
            (None, Some(_)) => {
                errors.add("series", "error-series-missing");
                None
            }
            _ => None,
        }
    }
}

/// No series runs for a thousand years.
pub const EDITION_MAX: i32 = 999;

fn parse_time(raw: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok()
}

/// A person an organizer adds by hand, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct WalkInForm {
    pub csrf: String,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub guests: String,
    pub diet: String,
    pub notes: String,
    /// "yes": they stand at the door, so they are checked in at once.
    pub arrived: String,
    /// "yes": they get the confirmation mail with their manage link.
    pub notify: String,
}

crate::web::forms::csrf_protected!(WalkInForm);

impl WalkInForm {
    pub fn blank(lang: Lang) -> WalkInForm {
        WalkInForm {
            lang: lang.code().to_string(),
            guests: "0".into(),
            diet: Diet::Omnivore.as_str().into(),
            notify: "yes".into(),
            ..WalkInForm::default()
        }
    }

    /// The same rules as the public form, without the consent box: the organizer asked.
    pub fn validate(&self, max_guests: i32) -> Result<RsvpInput, FieldErrors> {
        RsvpForm {
            name: self.name.clone(),
            email: self.email.clone(),
            lang: self.lang.clone(),
            guests: self.guests.clone(),
            diet: self.diet.clone(),
            notes: self.notes.clone(),
            consent: "yes".into(),
            ..RsvpForm::default()
        }
        .validate(max_guests, true)
    }

    pub fn is_diet(&self, diet: &Diet) -> bool {
        self.diet == diet.as_str()
    }

    pub fn is_lang(&self, lang: &str) -> bool {
        self.lang == lang
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CheckinQuery {
    pub q: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CheckinForm {
    pub csrf: String,
    pub rsvp: String,
    pub arrived: String,
}

crate::web::forms::csrf_protected!(CheckinForm);

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct MessageForm {
    pub csrf: String,
    pub subject: String,
    pub body: String,
}

crate::web::forms::csrf_protected!(MessageForm);
