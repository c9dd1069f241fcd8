//! The public series page, its Atom feed (one entry per edition) and its calendar.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use atom_syndication::{Entry, Feed, Link as AtomLink, Person, Text};
use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};

use super::model::Series;
use super::pages::{EditionRow, SeriesPage};
use super::queries;
use crate::AppState;
use crate::blog::model::PostState;
use crate::clock::now;
use crate::db::DbConn;
use crate::error::AppError;
use crate::events::ics;
use crate::events::model::Event;
use crate::i18n::{FluentArg, Lang, format};
use crate::web::nav::Link;
use crate::web::{PageCtx, render};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/series/{slug}/", web::get().to(show))
        .route("/series/{slug}/feed.atom", web::get().to(feed))
        .route("/series/{slug}/calendar.ics", web::get().to(calendar));
}

/// A series and its public editions (newest first), or not found.
async fn load(state: &AppState, slug: String) -> Result<(Series, Vec<Event>), AppError> {
    state
        .db
        .run(move |conn| {
            let series = queries::by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            let editions = queries::public_editions(conn, series.id)?;
            Ok((series, editions))
        })
        .await
}

fn lang_of(raw: &str) -> Result<Lang, AppError> {
    raw.parse().map_err(|()| AppError::NotFound)
}

/// The recap post of `event` in `lang` where it was translated, once it is published.
fn recap(
    conn: &mut DbConn,
    event: &Event,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<Option<Link>, AppError> {
    let Some(id) = event.recap_post_id else {
        return Ok(None);
    };
    let post = crate::blog::queries::post_by_id(conn, id)?
        .filter(|p| p.state(now) == PostState::Published);
    let post = match post {
        Some(p) if p.lang != lang => {
            crate::blog::queries::visible_translation(conn, &p)?.or(Some(p))
        }
        other => other,
    };
    Ok(post.map(|p| Link {
        href: p.path(),
        label: p.title,
    }))
}

async fn show(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let lang = ctx.lang;
    let site_tz = state.config.timezone;
    let (series, editions) = load(&state, slug).await?;
    let shown = editions.clone();
    let details = state
        .db
        .run(move |conn| {
            let now = now();
            shown
                .iter()
                .map(|e| {
                    // Attendance counts once an edition is over; none recorded shows none.
                    let came = if e.ends_at <= now && !e.is_cancelled() {
                        Some(crate::events::queries::places_taken(conn, e.id)?).filter(|n| *n > 0)
                    } else {
                        None
                    };
                    Ok((came, recap(conn, e, lang, now)?))
                })
                .collect::<Result<Vec<_>, AppError>>()
        })
        .await?;
    let rows = editions
        .iter()
        .zip(details)
        .map(|(e, (came, recap))| EditionRow {
            label: series.edition_label(e.edition.unwrap_or_default(), lang),
            href: e.path(lang),
            when: e.when(lang, site_tz),
            start_iso: format::iso(e.starts_at, e.tz()),
            attendance: came
                .map(|n| lang.t_args("series-attendance", &[("count", FluentArg::Num(n))])),
            recap,
            schedule_href: e
                .has_topic_board()
                .then(|| format!("{}schedule/", e.path(lang))),
            cancelled: e.is_cancelled(),
        })
        .collect::<Vec<_>>();
    let page = SeriesPage {
        count: rows.len() as i64,
        name: series.name(lang).to_string(),
        editions: rows,
        feed_href: format!("{}feed.atom", series.path(lang)),
        ics_href: format!("{}calendar.ics", series.path(lang)),
        ctx: ctx.with_section("events"),
    };
    render(&page)
}

fn utc(t: NaiveDateTime) -> DateTime<FixedOffset> {
    DateTime::<Utc>::from_naive_utc_and_offset(t, Utc).fixed_offset()
}

fn atom_link(href: String, rel: &str, mime: &str) -> AtomLink {
    let mut link = AtomLink::default();
    link.set_href(href);
    link.set_rel(rel);
    link.set_mime_type(Some(mime.to_string()));
    link
}

/// One entry per public edition; its id is the edition's page, which never moves.
async fn feed(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (lang, slug) = path.into_inner();
    let lang = lang_of(&lang)?;
    let (series, editions) = load(&state, slug).await?;
    let base = &state.config.base_url;
    let site_tz = state.config.timezone;
    let entries: Vec<Entry> = editions
        .iter()
        .map(|e| {
            let href = format!("{base}{}", e.path(lang));
            let mut entry = Entry::default();
            entry.set_id(href.clone());
            entry.set_title(Text::plain(
                series.edition_label(e.edition.unwrap_or_default(), lang),
            ));
            entry.set_updated(utc(e.updated_at));
            entry.set_published(Some(utc(e.created_at)));
            entry.set_links(vec![atom_link(href, "alternate", "text/html")]);
            entry.set_summary(Some(Text::plain(format!(
                "{} · {}",
                e.when(lang, site_tz),
                e.venue_name
            ))));
            entry
        })
        .collect();
    let html_path = series.path(lang);
    let mut feed = Feed::default();
    feed.set_id(format!("{base}{html_path}"));
    feed.set_title(Text::plain(format!(
        "{} – {}",
        state.config.site_name,
        series.name(lang)
    )));
    feed.set_lang(Some(lang.code().to_string()));
    feed.set_updated(
        entries
            .iter()
            .map(|e| *e.updated())
            .max()
            .unwrap_or_else(|| utc(series.updated_at)),
    );
    feed.set_links(vec![
        atom_link(
            format!("{base}{html_path}feed.atom"),
            "self",
            "application/atom+xml",
        ),
        atom_link(format!("{base}{html_path}"), "alternate", "text/html"),
    ]);
    let mut author = Person::default();
    author.set_name(state.config.site_name.clone());
    feed.set_authors(vec![author]);
    feed.set_entries(entries);
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"))
        .body(feed.to_string()))
}

/// Every public edition as a subscribable calendar.
async fn calendar(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (lang, slug) = path.into_inner();
    let lang = lang_of(&lang)?;
    let (series, mut editions) = load(&state, slug).await?;
    editions.reverse();
    let mail_ctx = state.config.mail_context();
    let name = format!("{} – {}", state.config.site_name, series.name(lang));
    let body = ics::feed(
        &editions,
        lang,
        &state.config.base_url,
        &ics::Organizer::of(&mail_ctx),
        &name,
    );
    Ok(ics::response(body, &format!("{}.ics", series.slug)))
}
