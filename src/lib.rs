//! Grillplatz: a bilingual site for community meetups. `app` builds the whole
//! application; `main.rs` serves it and the integration tests drive it.

pub mod admin;
pub mod blog;
pub mod calendar;
pub mod clock;
pub mod config;
pub mod contacts;
pub mod db;
pub mod demo;
pub mod error;
pub mod events;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod organizers;
pub mod pages;
pub mod privacy;
pub mod series;
pub mod site;
pub mod tokens;
pub mod topics;
pub mod web;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{DefaultHeaders, from_fn};
use actix_web::{App, HttpRequest, HttpResponse, web as aweb};

use crate::config::Config;
use crate::db::Db;
use crate::error::AppError;

/// Shared by every request: settings, the database, and the live boards' hub (one per
/// process, so it sits here rather than in per-worker app data).
pub struct AppState {
    pub config: Config,
    pub db: Db,
    pub live: topics::live::LiveHub,
    /// Fills in the RSVP form behind an invitation link.
    pub find_invitee: events::model::FindInvitee,
    /// The post editor's links to events and announcements.
    pub post_neighbours: blog::model::PostNeighbours,
    /// The event editor's series and the event page's edition links.
    pub series: events::model::SeriesHooks,
    /// The header and footer links from pages.
    pub page_nav: pages::Nav,
}

impl AppState {
    pub fn new(config: Config, db: Db) -> AppState {
        let page_nav = pages::Nav::default();
        let loaded = db
            .pool()
            .get()
            .map_err(|e| e.to_string())
            .and_then(|mut conn| page_nav.reload(&mut conn).map_err(|e| e.to_string()));
        if let Err(error) = loaded {
            tracing::error!(%error, "loading the pages' navigation failed");
        }
        AppState {
            page_nav,
            live: topics::live::LiveHub::new(config.live_streams),
            find_invitee: contacts::queries::invitee,
            post_neighbours: blog::model::PostNeighbours {
                events: events::queries::link_choices,
                is_announced: contacts::campaigns::is_announced,
                set_announcement: contacts::campaigns::set_announcement,
            },
            series: events::model::SeriesHooks {
                choices: series::queries::choices,
                nav: series::queries::edition_nav,
            },
            config,
            db,
        }
    }
}

// No remote images: what people write renders them as links, so nothing tracks readers.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
    style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// Runs after migrations: renders the Markdown of rows saved before Markdown was rendered
/// at save. Idempotent; returns how many rows it filled in.
pub fn after_migrations(conn: &mut db::DbConn) -> diesel::QueryResult<usize> {
    Ok(topics::queries::render_missing_html(conn)?
        + events::queries::render_missing_html(conn)?
        + pages::queries::render_missing_html(conn)?)
}

fn security_headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        ));
    if https {
        headers.add((header::STRICT_TRANSPORT_SECURITY, "max-age=31536000"))
    } else {
        headers
    }
}

/// All routes.
pub fn configure(cfg: &mut aweb::ServiceConfig) {
    cfg.app_data(web::forms::form_config())
        .app_data(web::forms::query_config())
        .app_data(web::forms::path_config())
        .route("/", aweb::get().to(web::lang::root))
        .route("/lang/{target:.*}", aweb::get().to(web::lang::switch))
        .route("/favicon.ico", aweb::get().to(web::assets::favicon))
        .route(
            "/static/{hash}/{name:.*}",
            aweb::get().to(web::assets::serve),
        )
        .route(
            "/calendar.ics",
            aweb::get().to(events::handlers::default_calendar),
        )
        .configure(site::routes)
        .service(
            // Every route under /admin; the guard on the scope closes all but the login.
            aweb::scope("/admin")
                .wrap(from_fn(admin::guard::guard))
                .configure(admin::routes)
                .configure(blog::admin::admin_routes)
                .configure(events::admin::admin_routes)
                .configure(topics::admin::admin_routes)
                .configure(contacts::admin::admin_routes)
                .configure(privacy::admin::admin_routes)
                .configure(series::admin::admin_routes)
                .configure(pages::admin::admin_routes),
        )
        .service(
            aweb::scope("/{lang:de|en}")
                .configure(site::localized_routes)
                .configure(blog::routes)
                .configure(events::routes)
                .configure(calendar::routes)
                .configure(topics::routes)
                .configure(contacts::routes)
                .configure(series::routes)
                // Last: a page's slug never shadows a feature's address.
                .configure(pages::routes),
        )
        .default_service(aweb::to(fallback));
}

/// Unknown paths: a missing trailing slash is added, anything else is a 404.
async fn fallback(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let path = req.path();
    let last = path.rsplit('/').next().unwrap_or_default();
    if req.method() == actix_web::http::Method::GET
        && !path.ends_with('/')
        && !last.contains('.')
        && web::redirect::is_local_path(path)
    {
        let mut location = format!("{path}/");
        if !req.query_string().is_empty() {
            location.push('?');
            location.push_str(req.query_string());
        }
        return Ok(web::redirect::permanent(&location));
    }
    Err(AppError::NotFound)
}

/// The application with its middleware, as served and as tested.
pub fn app(
    state: aweb::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let session = web::session::middleware(&state.config.secret_key, state.config.secure_cookies);
    let https = state.config.base_url.starts_with("https://");
    let site = web::context::Site {
        name: state.config.site_name.clone(),
        base_url: state.config.base_url.clone(),
    };
    App::new()
        .app_data(aweb::Data::new(site))
        .app_data(aweb::Data::new(web::context::SiteNav(pages::nav_links)))
        .app_data(state)
        .configure(configure)
        .wrap(web::errors::handlers())
        .wrap(from_fn(web::private_token_pages))
        .wrap(from_fn(admin::guard::identify))
        .wrap(from_fn(web::session::drop_empty))
        .wrap(session)
        .wrap(from_fn(web::cache::revalidate))
        .wrap(web::cache::compress())
        .wrap(security_headers(https))
        .wrap(from_fn(web::access_log::log))
}
