//! Site-wide pages: the home page, health check, robots.txt and the sitemap.
//! They compose the features (blog, events) and sit above them.

mod sitemap;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use diesel::QueryResult;

use crate::AppState;
use crate::blog::pages::{PostCard, cards};
use crate::blog::queries::{self, Listing};
use crate::db::DbConn;
use crate::error::AppError;
use crate::events;
use crate::events::model::{Event, EventStatus, Registration};
use crate::events::pages::places_left;
use crate::i18n::{Lang, format};
use crate::web::{PageCtx, render};

/// Routes under `/{lang}/`.
pub fn localized_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home));
}

/// Routes outside any language.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/robots.txt", web::get().to(robots))
        .route("/sitemap.xml", web::get().to(sitemap::sitemap));
}

#[derive(Template)]
#[template(path = "site/home.html")]
struct HomePage {
    ctx: PageCtx,
    next_event: Option<NextEvent>,
    latest: Vec<PostCard>,
}

/// The next public event as the home page leads with it.
struct NextEvent {
    title: String,
    href: String,
    when: String,
    start_iso: String,
    venue: String,
    places: String,
    /// Where the button leads: the event's RSVP form.
    rsvp_href: String,
    /// The button's words when registration is open ("Register now" or "Join the
    /// waiting list"), else why there is none.
    action: Result<&'static str, &'static str>,
}

impl NextEvent {
    fn new(event: &Event, lang: Lang, site_tz: Tz, taken: i64, now: NaiveDateTime) -> NextEvent {
        let full = taken >= i64::from(event.capacity);
        let action = match event.registration(now) {
            Registration::Open if full => Ok("home-waitlist"),
            Registration::Open => Ok("home-register"),
            Registration::NotYet => Err("home-registration-not-yet"),
            Registration::Closed | Registration::Cancelled => Err("home-registration-closed"),
        };
        NextEvent {
            title: event.title(lang).to_string(),
            href: event.path(lang),
            when: event.when(lang, site_tz),
            start_iso: format::iso(event.starts_at, event.tz()),
            venue: event.venue_name.clone(),
            places: places_left(lang, event.capacity, taken),
            rsvp_href: format!("{}#rsvp", event.path(lang)),
            action,
        }
    }
}

/// The soonest published event that has not started yet, with its places taken.
fn next_event(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Option<(Event, i64)>> {
    let next = events::queries::upcoming(conn, now)?
        .into_iter()
        .find(|e| e.status == EventStatus::Published && e.starts_at > now);
    match next {
        Some(event) => {
            let taken = events::queries::places_taken(conn, event.id)?;
            Ok(Some((event, taken)))
        }
        None => Ok(None),
    }
}

async fn home(state: web::Data<AppState>, ctx: PageCtx) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let tz = state.config.timezone;
    let site = state.config.site_name.clone();
    let now = crate::clock::now();
    let (next_event, latest) = state
        .db
        .run(move |conn| {
            let next =
                next_event(conn, now)?.map(|(e, taken)| NextEvent::new(&e, lang, tz, taken, now));
            let posts = queries::list(conn, lang, Listing::All, 0, 3)?;
            let extras = queries::extras(conn, &posts)?;
            Ok((next, cards(&posts, &extras, tz, &site)))
        })
        .await?;
    render(&HomePage {
        ctx: ctx.with_section("home"),
        next_event,
        latest,
    })
}

/// 200 when the database answers, 503 otherwise.
async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    use diesel::RunQueryDsl;
    let probe = state
        .db
        .run(|conn| {
            diesel::sql_query("SELECT 1").execute(conn)?;
            Ok(())
        })
        .await;
    match probe {
        // A cached answer would hide an outage.
        Ok(()) => HttpResponse::Ok()
            .content_type("text/plain")
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body("ok"),
        Err(err) => {
            tracing::error!(error = %err, "health check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain")
                .body("database unavailable")
        }
    }
}

async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let body = format!(
        "User-agent: *\nDisallow: /admin/\n\nSitemap: {}/sitemap.xml\n",
        state.config.base_url
    );
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
        .body(body)
}
