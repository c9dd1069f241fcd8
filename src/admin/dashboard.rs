//! The organizer's first page: how many posts are out, planned and drafted, and what
//! waits for moderation.

use actix_web::{HttpResponse, web};
use askama::Template;

use super::{Organizer, admin_ctx};
use crate::AppState;
use crate::error::AppError;
use crate::web::{PageCtx, render};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard));
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    ctx: PageCtx,
    published: i64,
    scheduled: i64,
    drafts: i64,
}

async fn dashboard(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
) -> Result<HttpResponse, AppError> {
    let now = crate::clock::now();
    let posts = state
        .db
        .run(|conn| Ok(crate::blog::queries::all_posts(conn)?))
        .await?;
    let count = |wanted| {
        posts
            .iter()
            .filter(|p| p.state(now).key() == wanted)
            .count() as i64
    };
    let page = DashboardPage {
        published: count("published"),
        scheduled: count("scheduled"),
        drafts: count("draft"),
        ctx: admin_ctx(&state, ctx, "dashboard").await?,
    };
    render(&page)
}
