//! Mail that could not be sent, with a button to try again.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use diesel::prelude::*;

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::admin_ctx;
use crate::db::DbConn;
use crate::db::schema::outbox;
use crate::error::AppError;
use crate::mail::{self, OutboxStatus, worker};
use crate::web::forms::{CsrfForm, CsrfOnly};
use crate::web::{PageCtx, render};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/outbox", web::get().to(overview))
        .route("/outbox/{id}/retry", web::post().to(retry));
}

struct FailedRow {
    id: i64,
    recipient: String,
    subject: String,
    attempts: i32,
    error: String,
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxPage {
    ctx: PageCtx,
    counts: Vec<(OutboxStatus, i64)>,
    failed: Vec<FailedRow>,
}

async fn overview(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
) -> Result<HttpResponse, AppError> {
    let (counts, failed) = state
        .db
        .run(|conn| {
            let counts = mail::counts(conn)?;
            let failed = outbox::table
                .filter(outbox::status.eq(OutboxStatus::Failed))
                .order(outbox::id.desc())
                .limit(200)
                .select((
                    outbox::id,
                    outbox::recipient,
                    outbox::subject,
                    outbox::attempts,
                    outbox::last_error,
                ))
                .load::<(i64, String, String, i32, Option<String>)>(conn)?;
            Ok((counts, failed))
        })
        .await?;
    render(&OutboxPage {
        counts,
        failed: failed
            .into_iter()
            .map(|(id, recipient, subject, attempts, error)| FailedRow {
                id,
                recipient,
                subject,
                attempts,
                error: error.unwrap_or_default(),
            })
            .collect(),
        ctx: admin_ctx(&state, ctx, "outbox").await?,
    })
}

async fn retry(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let work = move |conn: &mut DbConn| Ok(worker::retry(conn, id)?);
    super::act_on_row(&state, &session, work, "outbox-retried", "/admin/outbox").await
}
