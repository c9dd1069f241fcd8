//! An event's own calendar file: its agenda and, for an open space, the sessions of its
//! topic board. Assembled here, above both features, so events need not know the board.

use actix_web::{HttpResponse, web};

use crate::AppState;
use crate::error::AppError;
use crate::events::{ics, queries};
use crate::i18n::Lang;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/events/{slug}/event.ics", web::get().to(event_ics));
}

async fn event_ics(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (lang, slug) = path.into_inner();
    let lang: Lang = lang.parse().map_err(|()| AppError::NotFound)?;
    let base_url = state.config.base_url.clone();
    let (event, agenda, sessions) = state
        .db
        .run(move |conn| {
            let event = queries::public_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            let agenda = queries::agenda(conn, event.id)?;
            let sessions = crate::topics::queries::sessions(conn, &event, lang, &base_url)?;
            Ok((event, agenda, sessions))
        })
        .await?;
    let mail_ctx = state.config.mail_context();
    let body = ics::event_calendar(
        &event,
        &agenda,
        &sessions,
        lang,
        &state.config.base_url,
        &ics::Organizer::of(&mail_ctx),
    );
    Ok(ics::response(body, &format!("{}.ics", event.slug)))
}
