//! The organizer's series form and the "plan the next edition" form.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Deserialize;

use super::model::{Numbering, Series};
use super::queries::SeriesInput;
use crate::web::forms::{FieldErrors, is_slug, slugify};

pub const NAME_MAX: usize = 100;

/// A series as typed; kept verbatim to show it again.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct SeriesForm {
    pub csrf: String,
    pub slug: String,
    pub name_de: String,
    pub name_en: String,
    pub numbering: String,
}

crate::web::forms::csrf_protected!(SeriesForm);

impl SeriesForm {
    pub fn blank() -> SeriesForm {
        SeriesForm {
            numbering: Numbering::Ordinal.as_str().into(),
            ..SeriesForm::default()
        }
    }

    pub fn from_series(s: &Series) -> SeriesForm {
        SeriesForm {
            slug: s.slug.clone(),
            name_de: s.name_de.clone(),
            name_en: s.name_en.clone(),
            numbering: s.numbering.as_str().into(),
            ..SeriesForm::default()
        }
    }

    pub fn is_numbering(&self, numbering: &Numbering) -> bool {
        self.numbering == numbering.as_str()
    }

    pub fn validate(&self) -> Result<SeriesInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name_de = errors.text("name_de", &self.name_de, NAME_MAX);
        let name_en = errors.text("name_en", &self.name_en, NAME_MAX);
        // An empty slug is made from the German name; a typed one must already be one.
        let slug = match self.slug.trim() {
            "" => slugify(&name_de),
            typed => typed.to_string(),
        };
        if !is_slug(&slug) && !name_de.is_empty() {
            errors.add("slug", "error-slug");
        }
        let numbering = Numbering::parse(&self.numbering);
        if numbering.is_none() {
            errors.add("numbering", "error-choose");
        }
        match numbering {
            Some(numbering) if errors.is_empty() => Ok(SeriesInput {
                slug,
                name_de,
                name_en,
                numbering,
            }),
            _ => Err(errors),
        }
    }
}

/// The date the next edition takes place on, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct NextEditionForm {
    pub csrf: String,
    pub date: String,
}

crate::web::forms::csrf_protected!(NextEditionForm);

impl NextEditionForm {
    /// A day after `today` (in the event's zone): an edition is planned ahead.
    pub fn validate(&self, today: NaiveDate) -> Result<NaiveDate, FieldErrors> {
        let mut errors = FieldErrors::default();
        match NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d") {
            Ok(date) if date > today => return Ok(date),
            Ok(_) => errors.add("date", "series-next-date-past"),
            Err(_) => errors.add("date", "error-date"),
        }
        Err(errors)
    }
}

/// Today in the event's zone, for "a date in the past".
pub fn local_today(now: NaiveDateTime, tz: chrono_tz::Tz) -> NaiveDate {
    crate::i18n::format::local(now, tz).date_naive()
}
