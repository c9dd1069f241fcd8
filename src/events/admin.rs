//! Organizers create, publish and cancel events and see who is coming.

use actix_session::Session;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;
use serde::Deserialize;

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::admin_ctx;
use crate::clock::local_to_utc;
use crate::clock::now;
use crate::db::is_unique_violation;
use crate::error::AppError;
use crate::events::model::{Diet, Event, EventFormat, EventStatus, Rsvp, RsvpStatus, Zone};
use crate::events::queries::{self, EventInput};
use crate::i18n::format;
use crate::web::csv::neutralize;
use crate::web::forms::CsrfOnly;
use crate::web::forms::{CsrfForm, FieldErrors, is_slug, slugify};
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

struct EventRow {
    id: i64,
    title: String,
    when: String,
    status: EventStatus,
    open_space: bool,
}

#[derive(Template)]
#[template(path = "events/admin/events.html")]
struct EventsPage {
    ctx: PageCtx,
    rows: Vec<EventRow>,
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
    render(&EventsPage {
        ctx: admin_ctx(&state, ctx, "events").await?,
        rows,
    })
}

/// The event form as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
struct EventForm {
    csrf: String,
    slug: String,
    format: String,
    title_de: String,
    title_en: String,
    description_de: String,
    description_en: String,
    date: String,
    start_time: String,
    end_time: String,
    venue_name: String,
    venue_address: String,
    capacity: String,
    max_guests: String,
    registration_opens: String,
    registration_closes: String,
    agenda: String,
    recap: String,
    action: String,
}

crate::csrf_protected!(EventForm);

impl EventForm {
    fn from_event(e: &Event, agenda: String) -> EventForm {
        let tz = e.tz();
        let local = |t: NaiveDateTime| format::local(t, tz);
        let stamp = |t: Option<NaiveDateTime>| {
            t.map(|t| local(t).format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default()
        };
        EventForm {
            slug: e.slug.clone(),
            format: e.format.as_str().into(),
            title_de: e.title_de.clone(),
            title_en: e.title_en.clone(),
            description_de: e.description_de.clone(),
            description_en: e.description_en.clone(),
            date: local(e.starts_at).format("%Y-%m-%d").to_string(),
            start_time: local(e.starts_at).format("%H:%M").to_string(),
            end_time: local(e.ends_at).format("%H:%M").to_string(),
            venue_name: e.venue_name.clone(),
            venue_address: e.venue_address.clone(),
            capacity: e.capacity.to_string(),
            max_guests: e.max_guests.to_string(),
            registration_opens: stamp(e.registration_opens_at),
            registration_closes: stamp(e.registration_closes_at),
            agenda,
            recap: e.recap_post_id.map(|id| id.to_string()).unwrap_or_default(),
            ..EventForm::default()
        }
    }

    fn is_recap(&self, id: &i64) -> bool {
        self.recap == id.to_string()
    }

    fn is_format(&self, format: &EventFormat) -> bool {
        self.format == format.as_str()
    }
}

fn parse_time(raw: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok()
}

fn validate(form: &EventForm, tz: Tz) -> Result<EventInput, FieldErrors> {
    let mut errors = FieldErrors::default();
    let title_de = errors.text("title_de", &form.title_de, 200);
    let title_en = errors.text("title_en", &form.title_en, 200);
    let description_de = errors.optional_text("description_de", &form.description_de, 20_000);
    let description_en = errors.optional_text("description_en", &form.description_en, 20_000);
    let venue_name = errors.text("venue_name", &form.venue_name, 200);
    let venue_address = errors.text("venue_address", &form.venue_address, 300);
    let slug = match form.slug.trim() {
        "" => slugify(&title_de),
        typed => typed.to_string(),
    };
    if !is_slug(&slug) && !title_de.is_empty() {
        errors.add("slug", "error-slug");
    }
    let format = EventFormat::parse(&form.format).unwrap_or_else(|| {
        errors.add("format", "error-choose");
        EventFormat::Other
    });
    let date = NaiveDate::parse_from_str(form.date.trim(), "%Y-%m-%d").ok();
    if date.is_none() {
        errors.add("date", "error-date");
    }
    let start = parse_time(&form.start_time);
    let end = parse_time(&form.end_time);
    if start.is_none() {
        errors.add("start_time", "error-time");
    }
    if end.is_none() {
        errors.add("end_time", "error-time");
    }
    let number = |errors: &mut FieldErrors, field: &'static str, raw: &str, max: i32| match raw
        .trim()
        .parse::<i32>()
    {
        Ok(n) if (0..=max).contains(&n) => n,
        _ => {
            errors.add(field, "error-number");
            0
        }
    };
    let capacity = number(&mut errors, "capacity", &form.capacity, 100_000);
    let max_guests = number(&mut errors, "max_guests", &form.max_guests, 20);
    let stamp = |errors: &mut FieldErrors, field: &'static str, raw: &str| match raw.trim() {
        "" => None,
        raw => match NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
            .ok()
            .and_then(|t| local_to_utc(tz, t))
        {
            Some(t) => Some(t),
            None => {
                errors.add(field, "error-datetime");
                None
            }
        },
    };
    let registration_opens_at = stamp(&mut errors, "registration_opens", &form.registration_opens);
    let registration_closes_at = stamp(
        &mut errors,
        "registration_closes",
        &form.registration_closes,
    );
    let (starts_at, ends_at) = match (date, start, end) {
        (Some(d), Some(s), Some(e)) => {
            let starts = local_to_utc(tz, d.and_time(s));
            // An end before the start runs past midnight.
            let end_day = if e <= s { d.succ_opt().unwrap_or(d) } else { d };
            let ends = local_to_utc(tz, end_day.and_time(e));
            match (starts, ends) {
                (Some(s), Some(e)) => (s, e),
                _ => {
                    errors.add("start_time", "error-time");
                    (NaiveDateTime::default(), NaiveDateTime::default())
                }
            }
        }
        _ => (NaiveDateTime::default(), NaiveDateTime::default()),
    };
    let mut agenda = Vec::new();
    for line in form.agenda.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let parsed = line.split_once(' ').and_then(|(time, titles)| {
            let time = parse_time(time)?;
            let (de, en) = titles.split_once('|').unwrap_or((titles, titles));
            let at = local_to_utc(tz, date?.and_time(time))?;
            let (de, en) = (de.trim(), en.trim());
            (!de.is_empty() && de.chars().count() <= 200 && en.chars().count() <= 200).then(|| {
                (
                    at,
                    de.to_string(),
                    if en.is_empty() {
                        de.to_string()
                    } else {
                        en.to_string()
                    },
                )
            })
        });
        match parsed {
            Some(item) => agenda.push(item),
            None => errors.add("agenda", "error-agenda"),
        }
    }
    let recap_post_id = errors.optional_id("recap", &form.recap);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(EventInput {
        recap_post_id,
        slug,
        format,
        title_de,
        title_en,
        description_de,
        description_en,
        starts_at,
        ends_at,
        timezone: Zone(tz),
        venue_name,
        venue_address,
        capacity,
        max_guests,
        registration_opens_at,
        registration_closes_at,
        agenda,
        status: if form.action == "publish" {
            EventStatus::Published
        } else {
            EventStatus::Draft
        },
    })
}

#[derive(Template)]
#[template(path = "events/admin/event_edit.html")]
struct EditPage {
    ctx: PageCtx,
    event_id: Option<i64>,
    status: Option<EventStatus>,
    public_href: Option<String>,
    form: EventForm,
    errors: FieldErrors,
    formats: &'static [EventFormat],
    posts: Vec<(i64, String)>,
}

async fn editor(
    state: &AppState,
    ctx: PageCtx,
    event: Option<&Event>,
    form: EventForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
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
    let page = EditPage {
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
        ..EventForm::default()
    };
    editor(
        &state,
        ctx,
        None,
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
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
    editor(
        &state,
        ctx,
        Some(&event),
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
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
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let mut input = match validate(&form, tz) {
        Ok(input) => input,
        Err(errors) => {
            return editor(state, ctx, event.as_ref(), form, errors, unprocessable).await;
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
            if let Some(post) = input.recap_post_id
                && crate::blog::queries::post_by_id(conn, post)?.is_none()
            {
                return Ok(Err("recap"));
            }
            match queries::save_event(conn, id, &input, now()) {
                Ok(id) => {
                    // More places (or fewer guests allowed) may let waiting people in.
                    queries::fill_free_places(conn, id, &mail_ctx, now())?;
                    Ok(Ok(id))
                }
                Err(e) if is_unique_violation(&e) => Ok(Err("slug")),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match saved {
        Ok(id) => {
            session::flash(session, FlashKind::Success, "event-saved");
            Ok(see_other(&format!("/admin/events/{id}/edit")))
        }
        Err(field) => {
            let mut errors = FieldErrors::default();
            match field {
                "recap" => errors.add("recap", "error-unknown-choice"),
                _ => errors.add("slug", "error-slug-taken"),
            }
            editor(state, ctx, event.as_ref(), form, errors, unprocessable).await
        }
    }
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
    state
        .db
        .run(move |conn| {
            queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok(queries::cancel_event(conn, id, &mail_ctx, now())?)
        })
        .await?;
    session::flash(&session, FlashKind::Success, "event-cancelled-flash");
    Ok(see_other(&format!("/admin/events/{id}/edit")))
}

/// Head counts for the grill.
struct Totals {
    people: i64,
    guests: i64,
    waiting: i64,
    diets: Vec<(Diet, i64)>,
}

struct AttendeeRow {
    name: String,
    email: String,
    status: RsvpStatus,
    guests: i32,
    diet: Diet,
    notes: String,
}

#[derive(Template)]
#[template(path = "events/admin/attendees.html")]
struct AttendeesPage {
    ctx: PageCtx,
    event_id: i64,
    title: String,
    totals: Totals,
    rows: Vec<AttendeeRow>,
}

fn totals(rsvps: &[Rsvp]) -> Totals {
    let confirmed: Vec<&Rsvp> = rsvps
        .iter()
        .filter(|r| r.status == RsvpStatus::Confirmed)
        .collect();
    Totals {
        people: confirmed.len() as i64,
        guests: confirmed.iter().map(|r| i64::from(r.guests)).sum(),
        waiting: rsvps
            .iter()
            .filter(|r| r.status == RsvpStatus::Waitlisted)
            .count() as i64,
        diets: Diet::ALL
            .iter()
            .map(|d| {
                let places = confirmed
                    .iter()
                    .filter(|r| r.diet == *d)
                    .map(|r| r.places())
                    .sum();
                (*d, places)
            })
            .collect(),
    }
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
        totals: totals(&rsvps),
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

struct CheckinRow {
    id: i64,
    name: String,
    guests: i32,
    arrived: bool,
}

#[derive(Template)]
#[template(path = "events/admin/checkin.html")]
struct CheckinPage {
    ctx: PageCtx,
    event_id: i64,
    title: String,
    query: String,
    arrived: usize,
    rows: Vec<CheckinRow>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CheckinQuery {
    q: String,
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

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CheckinForm {
    csrf: String,
    rsvp: String,
    arrived: String,
}

crate::csrf_protected!(CheckinForm);

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

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
struct MessageForm {
    csrf: String,
    subject: String,
    body: String,
}

crate::csrf_protected!(MessageForm);

#[derive(Template)]
#[template(path = "events/admin/message.html")]
struct MessagePage {
    ctx: PageCtx,
    event_id: i64,
    title: String,
    recipients: usize,
    form: MessageForm,
    errors: FieldErrors,
}

async fn message_page(
    state: &AppState,
    ctx: PageCtx,
    event_id: i64,
    form: MessageForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
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
    message_page(
        &state,
        ctx,
        id,
        MessageForm::default(),
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
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
        return message_page(
            &state,
            ctx,
            id,
            form,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
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
