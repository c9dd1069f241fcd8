//! Organizers create, publish and cancel events, see who is coming (`attendees`), check
//! people in at the door and write to them.

mod attendees;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::confirm::{self, Question};
use crate::admin::{act_on_row, admin_ctx};
use crate::clock::now;
use crate::db::DbConn;
use crate::error::AppError;
use crate::events::forms::{CheckinForm, CheckinQuery, EventForm, MessageForm};
use crate::events::model::{Event, EventFormat, EventStatus, Rsvp, RsvpStatus};
use crate::events::pages::{
    AdminEventsPage, CheckinPage, CheckinRow, EventEditPage, EventRow, MessagePage,
};
use crate::events::queries::{self, EventSaved};
use crate::i18n::{FluentArg, Lang};
use crate::web::forms::CsrfOnly;
use crate::web::forms::{CsrfForm, FieldErrors, Rejected};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render, render_status, see_other};

pub fn admin_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/events", web::get().to(list))
        .route("/events/new", web::get().to(new_form))
        .route("/events/new", web::post().to(create))
        .route("/events/{id}/edit", web::get().to(edit_form))
        .route("/events/{id}/edit", web::post().to(update))
        .route("/events/{id}/cancel", web::get().to(cancel_question))
        .route("/events/{id}/cancel", web::post().to(cancel))
        .route("/events/{id}/attendees", web::get().to(attendees::list))
        .route(
            "/events/{id}/attendees.csv",
            web::get().to(attendees::csv_export),
        )
        .route(
            "/events/{id}/attendees/new",
            web::get().to(attendees::new_walk_in),
        )
        .route(
            "/events/{id}/attendees/new",
            web::post().to(attendees::add_walk_in),
        )
        .route(
            "/events/{id}/attendees/{rsvp}/edit",
            web::get().to(attendees::edit_form),
        )
        .route(
            "/events/{id}/attendees/{rsvp}/edit",
            web::post().to(attendees::update),
        )
        .route(
            "/events/{id}/attendees/{rsvp}/promote",
            web::post().to(attendees::promote),
        )
        .route(
            "/events/{id}/attendees/{rsvp}/resend",
            web::post().to(attendees::resend),
        )
        .route(
            "/events/{id}/attendees/{rsvp}/cancel",
            web::get().to(attendees::cancel_question),
        )
        .route(
            "/events/{id}/attendees/{rsvp}/cancel",
            web::post().to(attendees::cancel),
        )
        .route("/events/{id}/checkin", web::get().to(checkin))
        .route("/events/{id}/checkin", web::post().to(check_in))
        .route("/events/{id}/message", web::get().to(message_form))
        .route("/events/{id}/message", web::post().to(send_message));
}

async fn list(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let events = state.db.run(|conn| Ok(queries::all_events(conn)?)).await?;
    let rows = events
        .iter()
        .map(|e| EventRow {
            id: e.id,
            title: e.title(lang).to_string(),
            when: e.when(lang, state.config.timezone),
            status: e.status,
            open_space: e.has_topic_board(),
        })
        .collect();
    render(&AdminEventsPage {
        ctx: admin_ctx(&state, ctx, "events").await?,
        rows,
    })
}

/// The event form as typed; `unpublish_warning` carries the registrations a draft would
/// take offline, when the organizer must say so first.
async fn editor(
    state: &AppState,
    ctx: PageCtx,
    event: Option<&Event>,
    shown: impl Into<Rejected<EventForm>>,
    unpublish_warning: Option<i64>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let lang = ctx.lang;
    let series = series_choices(state, lang).await?;
    let posts = state
        .db
        .run(|conn| Ok(crate::blog::queries::all_posts(conn)?))
        .await?
        .into_iter()
        .map(|p| {
            (
                p.id,
                format!("[{}] {}", p.lang.code().to_uppercase(), p.title),
            )
        })
        .collect();
    let page = EventEditPage {
        posts,
        series,
        next_edition_href: event
            .filter(|e| e.series_id.is_some())
            .map(|e| format!("/admin/events/{}/next-edition", e.id)),
        event_id: event.map(|e| e.id),
        status: event.map(|e| e.status),
        can_cancel: event.is_some_and(can_cancel),
        public_href: event
            .filter(|e| e.status != EventStatus::Draft)
            .map(|e| e.path(lang)),
        formats: EventFormat::ALL,
        zones: chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect(),
        unpublish_warning,
        form,
        errors,
        ctx: admin_ctx(state, ctx, "events").await?,
    };
    render_status(status, &page)
}

async fn series_choices(state: &AppState, lang: Lang) -> Result<Vec<(i64, String)>, AppError> {
    let choices = state.series.choices;
    state.db.run(move |conn| Ok(choices(conn, lang)?)).await
}

async fn new_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
) -> Result<HttpResponse, AppError> {
    let form = EventForm {
        format: EventFormat::OpenSpace.as_str().into(),
        start_time: "14:00".into(),
        end_time: "23:00".into(),
        capacity: "30".into(),
        max_guests: "1".into(),
        agenda: "14:00 Open Space | Open Space\n19:00 Grillen | Barbecue".into(),
        timezone: state.config.timezone.name().into(),
        waitlist_on_board: "yes".into(),
        ..EventForm::default()
    };
    editor(&state, ctx, None, form, None).await
}

async fn load(state: &AppState, id: i64) -> Result<(Event, String), AppError> {
    state
        .db
        .run(move |conn| {
            let event = queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let agenda = queries::agenda_text(&queries::agenda(conn, id)?, event.tz());
            Ok((event, agenda))
        })
        .await
}

async fn edit_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (event, agenda) = load(&state, path.into_inner()).await?;
    let form = EventForm::from_event(&event, agenda);
    editor(&state, ctx, Some(&event), form, None).await
}

async fn create(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    form: CsrfForm<EventForm>,
) -> Result<HttpResponse, AppError> {
    save(&state, ctx, &session, None, form.into_inner()).await
}

async fn update(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<EventForm>,
) -> Result<HttpResponse, AppError> {
    let (event, _) = load(&state, path.into_inner()).await?;
    save(&state, ctx, &session, Some(event), form.into_inner()).await
}

async fn save(
    state: &AppState,
    ctx: PageCtx,
    session: &Session,
    event: Option<Event>,
    form: EventForm,
) -> Result<HttpResponse, AppError> {
    let tz = event.as_ref().map_or(state.config.timezone, Event::tz);
    let mut input = match form.validate(tz) {
        Ok(input) => input,
        Err(errors) => {
            return editor(
                state,
                ctx,
                event.as_ref(),
                Rejected::new(form, errors),
                None,
            )
            .await;
        }
    };
    if let Some((series, _)) = input.series
        && !series_choices(state, ctx.lang)
            .await?
            .iter()
            .any(|(id, _)| *id == series)
    {
        let rejected = Rejected::on(form, "series", "error-unknown-choice");
        return editor(state, ctx, event.as_ref(), rejected, None).await;
    }
    // A published event with registrations goes offline only when the organizer says so:
    // every link already mailed would stop showing it.
    if let Some(live) = event
        .as_ref()
        .filter(|e| e.status == EventStatus::Published && form.action == "draft")
    {
        let id = live.id;
        let registered = state
            .db
            .run(move |conn| Ok(queries::registrations(conn, id)?))
            .await?;
        if registered > 0 {
            let asked = Rejected::from(form).with_status(StatusCode::CONFLICT);
            return editor(state, ctx, event.as_ref(), asked, Some(registered)).await;
        }
    }
    // Saving never revives a cancelled event.
    if event.as_ref().is_some_and(Event::is_cancelled) {
        input.status = EventStatus::Cancelled;
    }
    let id = event.as_ref().map(|e| e.id);
    let mail_ctx = state.config.mail_context();
    let saved = state
        .db
        .run(move |conn| {
            Ok(queries::save_event_and_fill(
                conn,
                id,
                &input,
                &mail_ctx,
                now(),
            )?)
        })
        .await?;
    let rejected = match saved {
        EventSaved::Saved(id) => {
            session::flash(session, FlashKind::Success, "event-saved");
            return Ok(see_other(&format!("/admin/events/{id}/edit")));
        }
        EventSaved::UnknownRecap => Rejected::on(form, "recap", "error-unknown-choice"),
        EventSaved::SlugTaken => Rejected::on(form, "slug", "error-slug-taken"),
        EventSaved::EditionTaken => Rejected::on(form, "edition", "error-edition-taken"),
    };
    editor(state, ctx, event.as_ref(), rejected, None).await
}

/// Whether an organizer may still call the event off: not once it has begun.
fn can_cancel(event: &Event) -> bool {
    event.is_ahead(now())
}

async fn cancel_question(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (event, rsvps) = load_attendees(&state, id).await?;
    let back = format!("/admin/events/{id}/edit");
    if !can_cancel(&event) {
        session::flash(&session, FlashKind::Error, "event-cancel-too-late");
        return Ok(see_other(&back));
    }
    let lang = ctx.lang;
    let told = rsvps
        .iter()
        .filter(|r| r.status != RsvpStatus::Cancelled)
        .count();
    let question = Question {
        title: lang.t_args(
            "event-cancel-question",
            &[("event", event.title(lang).into())],
        ),
        consequence: lang.t_args(
            "event-cancel-consequence",
            &[("count", FluentArg::Num(told as i64))],
        ),
        action: format!("/admin/events/{id}/cancel"),
        button: lang.t("admin-cancel-event"),
        back,
    };
    confirm::ask(&state, ctx, "events", question).await
}

async fn cancel(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (event, _) = load(&state, id).await?;
    let then = format!("/admin/events/{id}/edit");
    if !can_cancel(&event) {
        session::flash(&session, FlashKind::Error, "event-cancel-too-late");
        return Ok(see_other(&then));
    }
    let mail_ctx = state.config.mail_context();
    let work = move |conn: &mut DbConn| {
        queries::cancel_event(conn, id, &mail_ctx, now())?;
        Ok(true)
    };
    act_on_row(&state, &session, work, "event-cancelled-flash", &then).await
}

async fn load_attendees(state: &AppState, id: i64) -> Result<(Event, Vec<Rsvp>), AppError> {
    state
        .db
        .run(move |conn| {
            let event = queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok((event, queries::attendees(conn, id)?))
        })
        .await
}

/// The door list: confirmed people, searchable by name, one big button each.
async fn checkin(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
    query: web::Query<CheckinQuery>,
) -> Result<HttpResponse, AppError> {
    let (event, rsvps) = load_attendees(&state, path.into_inner()).await?;
    let needle = query.q.trim().to_lowercase();
    let confirmed: Vec<&Rsvp> = rsvps
        .iter()
        .filter(|r| r.status == RsvpStatus::Confirmed)
        .collect();
    let page = CheckinPage {
        event_id: event.id,
        title: event.title(ctx.lang).to_string(),
        arrived: confirmed
            .iter()
            .filter(|r| r.checked_in_at.is_some())
            .count(),
        rows: confirmed
            .iter()
            .filter(|r| needle.is_empty() || r.name.to_lowercase().contains(&needle))
            .map(|r| CheckinRow {
                id: r.id,
                name: r.name.clone(),
                guests: r.guests,
                arrived: r.checked_in_at.is_some(),
            })
            .collect(),
        query: query.q.clone(),
        ctx: admin_ctx(&state, ctx, "events").await?,
    };
    render(&page)
}

async fn check_in(
    state: web::Data<AppState>,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<CheckinForm>,
) -> Result<HttpResponse, AppError> {
    let event_id = path.into_inner();
    let rsvp_id: i64 = form.rsvp.trim().parse().map_err(|_| AppError::NotFound)?;
    let arrived = form.arrived == "yes";
    let known = state
        .db
        .run(move |conn| {
            Ok(queries::set_checked_in(
                conn,
                event_id,
                rsvp_id,
                arrived,
                now(),
            )?)
        })
        .await?;
    if !known {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!(
        "/admin/events/{event_id}/checkin#rsvp-{rsvp_id}"
    )))
}

async fn message_page(
    state: &AppState,
    ctx: PageCtx,
    event_id: i64,
    shown: impl Into<Rejected<MessageForm>>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let (event, rsvps) = load_attendees(state, event_id).await?;
    let page = MessagePage {
        event_id,
        title: event.title(ctx.lang).to_string(),
        recipients: rsvps
            .iter()
            .filter(|r| matches!(r.status, RsvpStatus::Confirmed | RsvpStatus::Waitlisted))
            .count(),
        form,
        errors,
        ctx: admin_ctx(state, ctx, "events").await?,
    };
    render_status(status, &page)
}

async fn message_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    message_page(&state, ctx, id, MessageForm::default()).await
}

async fn send_message(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<MessageForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let subject = errors.text("subject", &form.subject, 150);
    let body = errors.text("body", &form.body, 20_000);
    if !errors.is_empty() {
        return message_page(&state, ctx, id, Rejected::new(form, errors)).await;
    }
    let mail_ctx = state.config.mail_context();
    state
        .db
        .run(move |conn| {
            let event = queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok(queries::message_attendees(
                conn,
                &event,
                &subject,
                &body,
                &mail_ctx,
                now(),
            )?)
        })
        .await?;
    session::flash(&session, FlashKind::Success, "event-message-sent");
    Ok(see_other(&format!("/admin/events/{id}/attendees")))
}
