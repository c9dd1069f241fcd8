//! Series queries: the series themselves and the public editions of one.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::{Numbering, Series};
use crate::db::DbConn;
use crate::db::schema::{events, series};
use crate::events::model::{EditionNav, Event, EventStatus};
use crate::i18n::Lang;
use crate::web::nav::Link;

/// Editions visitors may see: published or called off, like the event pages.
fn public_statuses() -> [EventStatus; 2] {
    [EventStatus::Published, EventStatus::Cancelled]
}

/// Every series, by German name.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Series>> {
    series::table
        .order(series::name_de)
        .select(Series::as_select())
        .load(conn)
}

/// Every series as (id, name in `lang`): the event editor's choices.
pub fn choices(conn: &mut DbConn, lang: Lang) -> QueryResult<Vec<(i64, String)>> {
    Ok(all(conn)?
        .into_iter()
        .map(|s| (s.id, s.name(lang).to_string()))
        .collect())
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<Series>> {
    series::table
        .find(id)
        .select(Series::as_select())
        .first(conn)
        .optional()
}

pub fn by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<Series>> {
    series::table
        .filter(series::slug.eq(slug))
        .select(Series::as_select())
        .first(conn)
        .optional()
}

/// How many events (drafts too) each series has, by series id.
pub fn edition_counts(conn: &mut DbConn) -> QueryResult<Vec<(i64, i64)>> {
    let rows: Vec<Option<i64>> = events::table
        .filter(events::series_id.is_not_null())
        .select(events::series_id)
        .load(conn)?;
    let mut counts: std::collections::BTreeMap<i64, i64> = Default::default();
    for id in rows.into_iter().flatten() {
        *counts.entry(id).or_default() += 1;
    }
    Ok(counts.into_iter().collect())
}

/// What an organizer sets on a series, validated.
#[derive(Debug, Clone)]
pub struct SeriesInput {
    pub slug: String,
    pub name_de: String,
    pub name_en: String,
    pub numbering: Numbering,
}

/// How saving a series went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesSaved {
    Saved(i64),
    SlugTaken,
}

/// Creates the series (`id` None) or updates it.
pub fn save(
    conn: &mut DbConn,
    id: Option<i64>,
    input: &SeriesInput,
    now: NaiveDateTime,
) -> QueryResult<SeriesSaved> {
    let taken = series::table
        .filter(series::slug.eq(&input.slug))
        .select(series::id)
        .first::<i64>(conn)
        .optional()?
        .is_some_and(|other| Some(other) != id);
    if taken {
        return Ok(SeriesSaved::SlugTaken);
    }
    let values = (
        series::slug.eq(&input.slug),
        series::name_de.eq(&input.name_de),
        series::name_en.eq(&input.name_en),
        series::numbering.eq(input.numbering),
        series::updated_at.eq(now),
    );
    let saved = match id {
        Some(id) => diesel::update(series::table.find(id))
            .set(values)
            .execute(conn)
            .map(|_| id),
        None => diesel::insert_into(series::table)
            .values((values, series::created_at.eq(now)))
            .returning(series::id)
            .get_result(conn),
    };
    match saved {
        Ok(id) => Ok(SeriesSaved::Saved(id)),
        // Two organizers saving the same slug at once.
        Err(e) if crate::db::is_unique_violation(&e) => Ok(SeriesSaved::SlugTaken),
        Err(e) => Err(e),
    }
}

/// The public editions of a series, newest first.
pub fn public_editions(conn: &mut DbConn, series_id: i64) -> QueryResult<Vec<Event>> {
    events::table
        .filter(events::series_id.eq(series_id))
        .filter(events::edition.is_not_null())
        .filter(events::status.eq_any(public_statuses()))
        .order(events::starts_at.desc())
        .select(Event::as_select())
        .load(conn)
}

/// The highest edition number the series has, drafts included.
pub fn last_edition(conn: &mut DbConn, series_id: i64) -> QueryResult<Option<i32>> {
    events::table
        .filter(events::series_id.eq(series_id))
        .select(diesel::dsl::max(events::edition))
        .first(conn)
}

/// The event page's edition label and links to the public editions before and after it.
pub fn edition_nav(
    conn: &mut DbConn,
    event: &Event,
    lang: Lang,
) -> QueryResult<Option<EditionNav>> {
    let (Some(series_id), Some(edition)) = (event.series_id, event.edition) else {
        return Ok(None);
    };
    let Some(series) = by_id(conn, series_id)? else {
        return Ok(None);
    };
    let editions = public_editions(conn, series_id)?;
    let link = |e: &Event| {
        e.edition.map(|n| Link {
            href: e.path(lang),
            label: series.edition_label(n, lang),
        })
    };
    let previous = editions
        .iter()
        .filter(|e| e.edition.is_some_and(|n| n < edition))
        .max_by_key(|e| e.edition)
        .and_then(link);
    let next = editions
        .iter()
        .filter(|e| e.edition.is_some_and(|n| n > edition))
        .min_by_key(|e| e.edition)
        .and_then(link);
    Ok(Some(EditionNav {
        label: series.edition_label(edition, lang),
        series: Link {
            href: series.path(lang),
            label: series.name(lang).to_string(),
        },
        previous,
        next,
    }))
}
