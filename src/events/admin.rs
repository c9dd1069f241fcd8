//! Organizers create, publish and cancel events and see who is coming.

use actix_session::Session;
use actix_web::http::header;
use actix_web::{HttpResponse, web};

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::{act_on_row, admin_ctx};
use crate::clock::now;
use crate::db::DbConn;
use crate::error::AppError;
use crate::events::forms::{CheckinForm, CheckinQuery, EventForm, MessageForm};
use crate::events::model::{Event, EventFormat, EventStatus, Rsvp, RsvpStatus};
use crate::events::pages::{
    AdminEventsPage, AttendeeRow, AttendeesPage, CheckinPage, CheckinRow, EventEditPage, EventRow,
    MessagePage, Totals,
};
use crate::events::queries::{self, EventSaved};
use crate::web::csv::neutralize;
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
        .route("/events/{id}/cancel", web::post().to(cancel))
        .route("/events/{id}/attendees", web::get().to(attendees))
        .route("/events/{id}/attendees.csv", web::get().to(attendees_csv))
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
            when: e.when(lang),
            status: e.status,
            open_space: e.has_topic_board(),
        })
        .collect();
    render(&AdminEventsPage {
        ctx: admin_ctx(&state, ctx, "events").await?,
        rows,
    })
}

/// The event form as typed.
async fn editor(
    state: &AppState,
    ctx: PageCtx,
    event: Option<&Event>,
    shown: impl Into<Rejected<EventForm>>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let lang = ctx.lang;
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
        event_id: event.map(|e| e.id),
        status: event.map(|e| e.status),
        public_href: event
            .filter(|e| e.status != EventStatus::Draft)
            .map(|e| e.path(lang)),
        formats: EventFormat::ALL,
        form,
        errors,
        ctx: admin_ctx(state, ctx, "events").await?,
    };
    render_status(status, &page)
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
        waitlist_on_board: "yes".into(),
        ..EventForm::default()
    };
    editor(&state, ctx, None, form).await
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
    editor(&state, ctx, Some(&event), form).await
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
            return editor(state, ctx, event.as_ref(), Rejected::new(form, errors)).await;
        }
    };
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
    };
    editor(state, ctx, event.as_ref(), rejected).await
}

async fn cancel(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let mail_ctx = state.config.mail_context();
    let work = move |conn: &mut DbConn| {
        let found = queries::by_id(conn, id)?.is_some();
        if found {
            queries::cancel_event(conn, id, &mail_ctx, now())?;
        }
        Ok(found)
    };
    let then = format!("/admin/events/{id}/edit");
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

async fn attendees(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (event, rsvps) = load_attendees(&state, path.into_inner()).await?;
    let page = AttendeesPage {
        event_id: event.id,
        title: event.title(ctx.lang).to_string(),
        totals: Totals::of(&rsvps),
        rows: rsvps
            .iter()
            .map(|r| AttendeeRow {
                name: r.name.clone(),
                email: r.email.clone(),
                status: r.status,
                guests: r.guests,
                diet: r.diet,
                notes: r.notes.clone(),
            })
            .collect(),
        ctx: admin_ctx(&state, ctx, "events").await?,
    };
    render(&page)
}

async fn attendees_csv(
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
