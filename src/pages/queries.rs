//! Reading and writing pages.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::{NavPlace, Page, PageStatus};
use crate::db::DbConn;
use crate::db::schema::pages;
use crate::i18n::Lang;
use crate::markdown::{self, Author};

/// A page as the organizer saved it, validated.
#[derive(Debug, Clone)]
pub struct PageInput {
    pub lang: Lang,
    pub slug: String,
    pub title: String,
    pub body_md: String,
    pub body_html: String,
    pub status: PageStatus,
    pub nav: NavPlace,
    pub position: i32,
    pub translation_id: Option<i64>,
}

/// Every page, for the admin list: by language, place and order.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Page>> {
    pages::table
        .order((pages::lang, pages::nav, pages::position, pages::title))
        .select(Page::as_select())
        .load(conn)
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<Page>> {
    pages::table
        .find(id)
        .select(Page::as_select())
        .first(conn)
        .optional()
}

pub fn by_slug(conn: &mut DbConn, lang: Lang, slug: &str) -> QueryResult<Option<Page>> {
    pages::table
        .filter(pages::lang.eq(lang))
        .filter(pages::slug.eq(slug))
        .select(Page::as_select())
        .first(conn)
        .optional()
}

/// Published pages, for the sitemap and the navigation.
pub fn published(conn: &mut DbConn) -> QueryResult<Vec<Page>> {
    pages::table
        .filter(pages::status.eq(PageStatus::Published))
        .order((pages::position, pages::title))
        .select(Page::as_select())
        .load(conn)
}

/// The page linked as `page`'s translation, published or not.
pub fn translation_of(conn: &mut DbConn, page: &Page) -> QueryResult<Option<Page>> {
    let Some(key) = &page.translation_key else {
        return Ok(None);
    };
    pages::table
        .filter(pages::translation_key.eq(key))
        .filter(pages::id.ne(page.id))
        .select(Page::as_select())
        .first(conn)
        .optional()
}

pub fn slug_taken(
    conn: &mut DbConn,
    lang: Lang,
    slug: &str,
    except: Option<i64>,
) -> QueryResult<bool> {
    let mut query = pages::table
        .filter(pages::lang.eq(lang))
        .filter(pages::slug.eq(slug))
        .into_boxed();
    if let Some(id) = except {
        query = query.filter(pages::id.ne(id));
    }
    Ok(query.count().get_result::<i64>(conn)? > 0)
}

/// Creates (`id` = None) or updates a page with its translation link.
pub fn save(
    conn: &mut DbConn,
    id: Option<i64>,
    input: &PageInput,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    crate::db::write_transaction(conn, |conn| {
        let fields = (
            pages::lang.eq(input.lang),
            pages::slug.eq(&input.slug),
            pages::title.eq(&input.title),
            pages::body_md.eq(&input.body_md),
            pages::body_html.eq(&input.body_html),
            pages::status.eq(input.status),
            pages::nav.eq(input.nav),
            pages::position.eq(input.position),
            pages::updated_at.eq(now),
        );
        let id = match id {
            None => diesel::insert_into(pages::table)
                .values((fields, pages::created_at.eq(now)))
                .returning(pages::id)
                .get_result(conn)?,
            Some(id) => {
                diesel::update(pages::table.find(id))
                    .set(fields)
                    .execute(conn)?;
                id
            }
        };
        link_translation(conn, id, input.translation_id)?;
        Ok(id)
    })
}

/// Makes `id` and `other_id` each other's translation (or unlinks `id`); a page has at
/// most one partner, so the old partners of both lose theirs.
fn link_translation(conn: &mut DbConn, id: i64, other_id: Option<i64>) -> QueryResult<()> {
    let unlink = |conn: &mut DbConn, id: i64| {
        diesel::update(pages::table.find(id))
            .set(pages::translation_key.eq(None::<String>))
            .execute(conn)
    };
    let Some(page) = by_id(conn, id)? else {
        return Ok(());
    };
    if let Some(current) = translation_of(conn, &page)?
        && Some(current.id) != other_id
    {
        unlink(conn, current.id)?;
        unlink(conn, id)?;
    }
    let Some(other_id) = other_id else {
        return Ok(());
    };
    let Some(other) = by_id(conn, other_id)? else {
        return Ok(());
    };
    if let Some(old) = translation_of(conn, &other)?
        && old.id != id
    {
        unlink(conn, old.id)?;
    }
    let key = format!("page-{}", id.min(other_id));
    diesel::update(pages::table.filter(pages::id.eq_any([id, other_id])))
        .set(pages::translation_key.eq(&key))
        .execute(conn)?;
    Ok(())
}

/// Deletes a page unless the site needs it (the legal pages); false when none went.
pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let gone = diesel::delete(
        pages::table
            .filter(pages::id.eq(id))
            .filter(pages::role.is_null()),
    )
    .execute(conn)?;
    Ok(gone > 0)
}

/// Renders the Markdown of pages stored without HTML (the ones the migration ships).
pub fn render_missing_html(conn: &mut DbConn) -> QueryResult<usize> {
    let missing: Vec<(i64, String)> = pages::table
        .filter(pages::body_html.eq(""))
        .select((pages::id, pages::body_md))
        .load(conn)?;
    for (id, body) in &missing {
        diesel::update(pages::table.find(id))
            .set(pages::body_html.eq(markdown::to_html(body, Author::Organizer)))
            .execute(conn)?;
    }
    Ok(missing.len())
}
