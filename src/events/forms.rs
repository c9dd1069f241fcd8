//! The RSVP form and its validation.

use serde::Deserialize;

use super::model::Diet;
use super::model::RsvpInput;
use crate::i18n::Lang;
use crate::web::forms::FieldErrors;

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

crate::csrf_protected!(RsvpForm);

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
