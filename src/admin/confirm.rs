//! The organizer's "are you sure?" page before a change that cannot be undone: it names
//! the consequence and carries the one POST that does it, so no JavaScript is needed.

use actix_web::HttpResponse;
use askama::Template;

use super::admin_ctx;
use crate::AppState;
use crate::error::AppError;
use crate::web::{PageCtx, render};

/// What the page asks, in the organizer's language.
pub struct Question {
    pub title: String,
    pub consequence: String,
    /// The POST that does it.
    pub action: String,
    pub button: String,
    /// Where "no" leads.
    pub back: String,
}

#[derive(Template)]
#[template(path = "admin/confirm.html")]
struct ConfirmPage {
    ctx: PageCtx,
    question: Question,
}

/// Renders `question` inside the admin layout, with `section` highlighted.
pub async fn ask(
    state: &AppState,
    ctx: PageCtx,
    section: &'static str,
    question: Question,
) -> Result<HttpResponse, AppError> {
    render(&ConfirmPage {
        ctx: admin_ctx(state, ctx, section).await?,
        question,
    })
}
