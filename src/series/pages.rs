//! Page structs of the series pages, public and organizer.

use askama::Template;

use super::forms::{NextEditionForm, SeriesForm};
use super::model::Numbering;
use crate::web::PageCtx;
use crate::web::forms::FieldErrors;
use crate::web::nav::Link;

/// One edition on the series page.
#[derive(Debug, Clone)]
pub struct EditionRow {
    pub label: String,
    pub href: String,
    pub when: String,
    pub start_iso: String,
    /// "18 Teilnehmende" for an edition that is over.
    pub attendance: Option<String>,
    pub recap: Option<Link>,
    pub schedule_href: Option<String>,
    pub cancelled: bool,
}

#[derive(Template)]
#[template(path = "series/show.html")]
pub struct SeriesPage {
    pub ctx: PageCtx,
    pub name: String,
    pub editions: Vec<EditionRow>,
    pub count: i64,
    pub feed_href: String,
    pub ics_href: String,
}

/// A series in the organizer's list.
#[derive(Debug, Clone)]
pub struct SeriesRow {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub numbering: Numbering,
    pub editions: i64,
    pub public_href: String,
}

#[derive(Template)]
#[template(path = "series/admin/list.html")]
pub struct SeriesListPage {
    pub ctx: PageCtx,
    pub rows: Vec<SeriesRow>,
}

#[derive(Template)]
#[template(path = "series/admin/edit.html")]
pub struct SeriesEditPage {
    pub ctx: PageCtx,
    pub series_id: Option<i64>,
    pub form: SeriesForm,
    pub errors: FieldErrors,
    pub numberings: &'static [Numbering],
    /// How edition 4 would read in each style, for the choice.
    pub examples: Vec<(Numbering, String)>,
}

#[derive(Template)]
#[template(path = "series/admin/next.html")]
pub struct NextEditionPage {
    pub ctx: PageCtx,
    pub event_id: i64,
    /// The edition copied from.
    pub from_label: String,
    /// "Aus der 4. … wird ein Entwurf der 5. …".
    pub intro: String,
    pub form: NextEditionForm,
    pub errors: FieldErrors,
}
