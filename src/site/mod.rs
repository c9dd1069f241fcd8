//! Site-wide pages: the home page, privacy notice, health check, robots.txt and the sitemap.

mod sitemap;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::AppState;
use crate::blog::pages::{PostCard, cards};
use crate::blog::queries::{self, Listing};
use crate::error::AppError;
use crate::web::{PageCtx, render};

/// Routes under `/{lang}/`.
pub fn localized_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home))
        .route("/privacy/", web::get().to(privacy));
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
    latest: Vec<PostCard>,
}

async fn home(state: web::Data<AppState>, ctx: PageCtx) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let tz = state.config.timezone;
    let latest = state
        .db
        .run(move |conn| {
            let posts = queries::list(conn, lang, Listing::All, 0, 3)?;
            let extras = queries::extras(conn, &posts)?;
            Ok(cards(&posts, &extras, tz))
        })
        .await?;
    render(&HomePage {
        ctx: ctx.with_section("home"),
        latest,
    })
}

#[derive(Template)]
#[template(path = "site/privacy.html")]
struct PrivacyPage {
    ctx: PageCtx,
}

async fn privacy(ctx: PageCtx) -> Result<HttpResponse, AppError> {
    render(&PrivacyPage {
        ctx: ctx.with_section("privacy"),
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
        Ok(()) => HttpResponse::Ok().content_type("text/plain").body("ok"),
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
