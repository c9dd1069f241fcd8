//! The organizer's attendee list: who is coming, and the changes an organizer makes for
//! people: adding someone by hand, editing, giving a waiting person a place, cancelling
//! and sending a link again.

use actix_session::Session;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::load_attendees;
use crate::AppState;
use crate::admin::confirm::{self, Question};
use crate::admin::{Organizer, act_on_row, admin_ctx};
use crate::clock::now;
use crate::db::DbConn;
use crate::error::AppError;
use crate::events::forms::{RsvpForm, WalkInForm};
use crate::events::model::{Diet, Event, Rsvp, RsvpStatus};
use crate::events::pages::{AttendeeEditPage, AttendeeRow, AttendeesPage, Totals, WalkInPage};
use crate::events::queries::{self, AttendeeRefused};
use crate::i18n::format;
use crate::mail::links::MailContext;
use crate::web::csv::neutralize;
use crate::web::forms::{CsrfForm, CsrfOnly, FieldErrors, Rejected};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render, render_status, see_other};

pub(super) async fn list(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (event, rsvps) = load_attendees(&state, path.into_inner()).await?;
    let (lang, tz) = (ctx.lang, event.tz());
    let open = event.is_ahead(now());
    let page = AttendeesPage {
        event_id: event.id,
        title: event.title(lang).to_string(),
        totals: Totals::of(&rsvps),
        capacity: i64::from(event.capacity),
        rows: rsvps
            .iter()
            .map(|r| AttendeeRow {
                id: r.id,
                name: r.name.clone(),
                email: r.email.clone(),
                status: r.status,
                guests: r.guests,
                diet: r.diet,
                notes: r.notes.clone(),
                registered: format::date_time(lang, r.created_at, tz),
                arrived: r.checked_in_at.is_some(),
                can_change: open && r.status != RsvpStatus::Cancelled,
            })
            .collect(),
        can_add: !event.is_cancelled(),
        ctx: admin_ctx(&state, ctx, "events").await?,
    };
    render(&page)
}

fn list_path(event_id: i64) -> String {
    format!("/admin/events/{event_id}/attendees")
}

async fn walk_in_page(
    state: &AppState,
    ctx: PageCtx,
    event: &Event,
    shown: impl Into<Rejected<WalkInForm>>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let page = WalkInPage {
        event_id: event.id,
        title: event.title(ctx.lang).to_string(),
        max_guests: event.max_guests,
        diets: Diet::ALL,
        form,
        errors,
        ctx: admin_ctx(state, ctx, "events").await?,
    };
    render_status(status, &page)
}

async fn load_event(state: &AppState, id: i64) -> Result<Event, AppError> {
    state
        .db
        .run(move |conn| queries::by_id(conn, id)?.ok_or(AppError::NotFound))
        .await
}

pub(super) async fn new_walk_in(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let event = load_event(&state, path.into_inner()).await?;
    let form = WalkInForm::blank(ctx.lang);
    walk_in_page(&state, ctx, &event, form).await
}

pub(super) async fn add_walk_in(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<WalkInForm>,
) -> Result<HttpResponse, AppError> {
    let event = load_event(&state, path.into_inner()).await?;
    let form = form.into_inner();
    if event.is_cancelled() {
        let mut errors = FieldErrors::default();
        errors.add("name", "error-registration-closed");
        let shown = Rejected::new(form, errors).with_status(StatusCode::CONFLICT);
        return walk_in_page(&state, ctx, &event, shown).await;
    }
    let input = match form.validate(event.max_guests) {
        Ok(input) => input,
        Err(errors) => return walk_in_page(&state, ctx, &event, Rejected::new(form, errors)).await,
    };
    let (arrived, notify) = (form.arrived == "yes", form.notify == "yes");
    let (event_id, mail_ctx) = (event.id, state.config.mail_context());
    let added = state
        .db
        .run(move |conn| {
            Ok(queries::add_by_hand(
                conn,
                event_id,
                &input,
                arrived,
                notify,
                &mail_ctx,
                now(),
            )?)
        })
        .await?;
    match added {
        Ok(_) => {
            session::flash(&session, FlashKind::Success, "attendee-added");
            Ok(see_other(&list_path(event_id)))
        }
        Err(AttendeeRefused::AlreadyRegistered) => {
            let shown = Rejected::on(form, "email", "error-already-registered")
                .with_status(StatusCode::CONFLICT);
            walk_in_page(&state, ctx, &event, shown).await
        }
    }
}

async fn load_rsvp(
    state: &AppState,
    event_id: i64,
    rsvp_id: i64,
) -> Result<(Event, Rsvp), AppError> {
    state
        .db
        .run(move |conn| {
            let event = queries::by_id(conn, event_id)?.ok_or(AppError::NotFound)?;
            let rsvp =
                queries::rsvp_of_event(conn, event_id, rsvp_id)?.ok_or(AppError::NotFound)?;
            Ok((event, rsvp))
        })
        .await
}

async fn edit_page(
    state: &AppState,
    ctx: PageCtx,
    event: &Event,
    rsvp: &Rsvp,
    shown: impl Into<Rejected<RsvpForm>>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let page = AttendeeEditPage {
        event_id: event.id,
        rsvp_id: rsvp.id,
        title: event.title(ctx.lang).to_string(),
        email: rsvp.email.clone(),
        max_guests: event.max_guests,
        diets: Diet::ALL,
        form,
        errors,
        ctx: admin_ctx(state, ctx, "events").await?,
    };
    render_status(status, &page)
}

pub(super) async fn edit_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, AppError> {
    let (event_id, rsvp_id) = path.into_inner();
    let (event, rsvp) = load_rsvp(&state, event_id, rsvp_id).await?;
    let form = RsvpForm {
        name: rsvp.name.clone(),
        lang: rsvp.lang.to_string(),
        guests: rsvp.guests.to_string(),
        diet: rsvp.diet.as_str().into(),
        notes: rsvp.notes.clone(),
        ..RsvpForm::default()
    };
    edit_page(&state, ctx, &event, &rsvp, form).await
}

pub(super) async fn update(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    form: CsrfForm<RsvpForm>,
) -> Result<HttpResponse, AppError> {
    let (event_id, rsvp_id) = path.into_inner();
    let (event, rsvp) = load_rsvp(&state, event_id, rsvp_id).await?;
    let form = form.into_inner();
    if rsvp.status == RsvpStatus::Cancelled {
        let shown = Rejected::on(form, "name", "error-registration-cancelled")
            .with_status(StatusCode::CONFLICT);
        return edit_page(&state, ctx, &event, &rsvp, shown).await;
    }
    let input = match form.validate(event.max_guests, false) {
        Ok(input) => input,
        Err(errors) => {
            return edit_page(&state, ctx, &event, &rsvp, Rejected::new(form, errors)).await;
        }
    };
    let mail_ctx = state.config.mail_context();
    let changed = state
        .db
        .run(move |conn| {
            Ok(queries::update_details(
                conn,
                rsvp_id,
                &input,
                &mail_ctx,
                now(),
            )?)
        })
        .await?;
    match changed {
        Ok(()) => {
            session::flash(&session, FlashKind::Success, "attendee-updated");
            Ok(see_other(&list_path(event_id)))
        }
        Err(queries::ChangeRefused::NotEnoughPlaces) => {
            let shown = Rejected::on(form, "guests", "error-not-enough-places")
                .with_status(StatusCode::CONFLICT);
            edit_page(&state, ctx, &event, &rsvp, shown).await
        }
    }
}

/// A change an organizer makes to one registration of one event; false when there is no
/// such registration (or nothing to change).
type RowChange = fn(&mut DbConn, i64, i64, &MailContext, NaiveDateTime) -> QueryResult<bool>;

/// Runs `change` on the registration in `path` and goes back to the list with `done`.
async fn change_row(
    state: &AppState,
    session: &Session,
    path: web::Path<(i64, i64)>,
    change: RowChange,
    done: &'static str,
) -> Result<HttpResponse, AppError> {
    let (event_id, rsvp_id) = path.into_inner();
    let mail_ctx = state.config.mail_context();
    let work = move |conn: &mut DbConn| Ok(change(conn, event_id, rsvp_id, &mail_ctx, now())?);
    act_on_row(state, session, work, done, &list_path(event_id)).await
}

pub(super) async fn promote(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let change = queries::promote_by_hand;
    change_row(&state, &session, path, change, "attendee-promoted").await
}

pub(super) async fn resend(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    change_row(
        &state,
        &session,
        path,
        queries::resend_link,
        "attendee-link-sent",
    )
    .await
}

pub(super) async fn cancel(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    change_row(
        &state,
        &session,
        path,
        queries::cancel_of_event,
        "attendee-cancelled",
    )
    .await
}

pub(super) async fn cancel_question(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
) -> Result<HttpResponse, AppError> {
    let (event_id, rsvp_id) = path.into_inner();
    let (_, rsvp) = load_rsvp(&state, event_id, rsvp_id).await?;
    if rsvp.status == RsvpStatus::Cancelled {
        return Ok(see_other(&list_path(event_id)));
    }
    let lang = ctx.lang;
    let question = Question {
        title: lang.t_args(
            "attendee-cancel-question",
            &[("name", rsvp.name.as_str().into())],
        ),
        consequence: lang.t(if rsvp.status == RsvpStatus::Confirmed {
            "attendee-cancel-consequence-place"
        } else {
            "attendee-cancel-consequence"
        }),
        action: format!("/admin/events/{event_id}/attendees/{rsvp_id}/cancel"),
        button: lang.t("attendee-cancel"),
        back: list_path(event_id),
    };
    confirm::ask(&state, ctx, "events", question).await
}

pub(super) async fn csv_export(
    state: web::Data<AppState>,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (event, rsvps) = load_attendees(&state, path.into_inner()).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "name",
        "email",
        "status",
        "guests",
        "diet",
        "notes",
        "language",
        "registered_at",
    ];
    let csv_error = |e: csv::Error| AppError::Internal(e.into());
    out.write_record(header).map_err(csv_error)?;
    for r in &rsvps {
        out.write_record([
            neutralize(&r.name),
            neutralize(&r.email),
            r.status.to_string(),
            r.guests.to_string(),
            r.diet.to_string(),
            neutralize(&r.notes),
            r.lang.to_string(),
            r.created_at.format("%Y-%m-%d %H:%M").to_string(),
        ])
        .map_err(csv_error)?;
    }
    let body = out
        .into_inner()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}-attendees.csv\"", event.slug),
        ))
        .body(body))
}
