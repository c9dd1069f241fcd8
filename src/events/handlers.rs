//! HTTP handlers of the public event pages, the RSVP form and the attendee's links.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::forms::RsvpForm;
use super::ics;
use super::model::{Event, Registration, Rsvp, RsvpStatus};
use super::pages::{
    AgendaLine, CancelPage, ConfirmOutcome, ConfirmPage, EventCard, EventPage, EventsPage,
    ManagePage, WithdrawnPage, json_ld, registration_window,
};
use super::queries::{self, Confirmation, Registered};
use crate::AppState;
use crate::clock::now;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::mail::links::MailContext;
use crate::web::forms::{CsrfForm, CsrfOnly, FieldErrors};
use crate::web::nav::Link;
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, client_ip, private, rate_limit, render, render_status, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/events/", web::get().to(index))
        .route("/events/{slug}/", web::get().to(show))
        .route("/events/{slug}/rsvp", web::post().to(rsvp))
        .route("/calendar.ics", web::get().to(calendar_feed))
        .route("/rsvp/confirm/{token}", web::get().to(confirm_form))
        .route("/rsvp/confirm/{token}", web::post().to(confirm))
        .route("/rsvp/{token}/", web::get().to(manage))
        .route("/rsvp/{token}/", web::post().to(update))
        .route("/rsvp/{token}/cancel", web::get().to(cancel_question))
        .route("/rsvp/{token}/cancel", web::post().to(cancel));
}

/// `/calendar.ics` without a language: German, the site's default.
pub async fn default_calendar(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    calendar(&state, Lang::De).await
}

fn mail_ctx(state: &AppState) -> MailContext {
    state.config.mail_context()
}

async fn index(state: web::Data<AppState>, ctx: PageCtx) -> Result<HttpResponse, AppError> {
    let (lang, site_tz) = (ctx.lang, state.config.timezone);
    let (upcoming, past) = state
        .db
        .run(move |conn| {
            let now = now();
            let card = |conn: &mut crate::db::DbConn, e: &Event| -> Result<EventCard, AppError> {
                let taken = queries::places_taken(conn, e.id)?;
                let recap_post = match e.recap_post_id {
                    Some(id) => crate::blog::queries::post_by_id(conn, id)?
                        .filter(|p| p.state(now).key() == "published"),
                    None => None,
                };
                // The recap in the reader's language where it was translated.
                let recap = match recap_post {
                    Some(p) if p.lang != lang => {
                        crate::blog::queries::visible_translation(conn, &p)?.or(Some(p))
                    }
                    other => other,
                }
                .map(|p| Link {
                    href: p.path(),
                    label: p.title,
                });
                Ok(EventCard::new(e, lang, site_tz, taken, recap))
            };
            let upcoming = queries::upcoming(conn, now)?
                .iter()
                .map(|e| card(conn, e))
                .collect::<Result<Vec<_>, _>>()?;
            let past = queries::past(conn, now)?
                .iter()
                .map(|e| card(conn, e))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((upcoming, past))
        })
        .await?;
    render(&EventsPage {
        ctx: ctx.with_section("events"),
        upcoming,
        past,
    })
}

async fn load_event(state: &AppState, slug: String) -> Result<Event, AppError> {
    state
        .db
        .run(move |conn| queries::public_by_slug(conn, &slug)?.ok_or(AppError::NotFound))
        .await
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct InviteQuery {
    /// The personal token of an invitation: the form comes filled in for its contact.
    invite: String,
}

async fn show(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String)>,
    query: web::Query<InviteQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let (public, withdrawn) = state
        .db
        .run(move |conn| {
            Ok(match queries::public_by_slug(conn, &slug)? {
                Some(event) => (Some(event), None),
                None => (None, queries::withdrawn_by_slug(conn, &slug)?),
            })
        })
        .await?;
    let event = match (public, withdrawn) {
        (Some(event), _) => event,
        (None, Some(event)) => return withdrawn_page(&state, ctx, &event),
        (None, None) => return Err(AppError::NotFound),
    };
    let mut form = RsvpForm::blank(ctx.lang);
    let invited = mail_ctx(&state).verify_contact_token("invite", &query.invite);
    let find_invitee = state.find_invitee;
    if let Some(id) = invited
        && let Some(invitee) = state
            .db
            .run(move |conn| Ok(find_invitee(conn, id)?))
            .await?
    {
        form.name = invitee.name;
        form.email = invitee.email;
        form.lang = invitee.lang.to_string();
    }
    let res = event_page(
        &state,
        ctx,
        event,
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await?;
    // With an invitation the page shows someone's address.
    Ok(if invited.is_some() { private(res) } else { res })
}

/// An event taken back to draft after people registered: the links they were mailed say
/// so instead of "not found".
fn withdrawn_page(state: &AppState, ctx: PageCtx, event: &Event) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let page = WithdrawnPage {
        title: event.title(lang).to_string(),
        when: event.when(lang, state.config.timezone),
        ctx: ctx.with_section("events"),
    };
    render_status(StatusCode::GONE, &page)
}

async fn event_page(
    state: &AppState,
    ctx: PageCtx,
    event: Event,
    form: RsvpForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let event_id = event.id;
    let series = state.series;
    let shown = event.clone();
    let (taken, agenda, posts, edition) = state
        .db
        .run(move |conn| {
            let now = now();
            Ok((
                queries::places_taken(conn, event_id)?,
                queries::agenda(conn, event_id)?,
                queries::linked_posts(conn, event_id, lang, now)?,
                (series.nav)(conn, &shown, lang)?,
            ))
        })
        .await?;
    let base_url = &state.config.base_url;
    let address = event.venue_address.clone();
    let page = EventPage {
        card: EventCard::new(&event, lang, state.config.timezone, taken, None),
        description_html: event.description_html(lang).to_string(),
        map_href: format!(
            "https://www.openstreetmap.org/search?query={}",
            serde_urlencoded::to_string([("q", format!("{}, {address}", event.venue_name))])
                .unwrap_or_default()
                .trim_start_matches("q=")
        ),
        address,
        agenda: agenda
            .iter()
            .map(|a| AgendaLine::new(a, lang, &event))
            .collect(),
        posts: posts
            .into_iter()
            .map(|p| Link {
                href: p.path(),
                label: p.title,
            })
            .collect(),
        registration: event.registration(now()),
        window: registration_window(&event, lang),
        ics_href: format!("{}event.ics", event.path(lang)),
        json_ld: json_ld(&event, lang, base_url, i64::from(event.capacity) - taken),
        full: taken >= i64::from(event.capacity),
        form,
        errors,
        max_guests: event.max_guests,
        action: format!("{}rsvp#rsvp", event.path(lang)),
        board: (event.has_topic_board()).then(|| {
            (
                format!("{}topics/", event.path(lang)),
                format!("{}schedule/", event.path(lang)),
            )
        }),
        edition,
        ctx: ctx.with_section("events"),
    };
    render_status(status, &page)
}

async fn rsvp(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String)>,
    form: CsrfForm<RsvpForm>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let lang = ctx.lang;
    let form = form.into_inner();
    let event_path = event.path(lang);
    if form.is_bot() {
        session::flash(&session, FlashKind::Success, "rsvp-link-sent");
        return Ok(see_other(&event_path));
    }
    if event.registration(now()) != Registration::Open {
        let mut errors = FieldErrors::default();
        errors.add("name", "error-registration-closed");
        return event_page(&state, ctx, event, form, errors, StatusCode::CONFLICT).await;
    }
    let input = match form.validate(event.max_guests, true) {
        Ok(input) => input,
        Err(errors) => {
            return event_page(
                &state,
                ctx,
                event,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let ip = client_ip(&req, &state.config.trusted_proxies);
    let mail_ctx = mail_ctx(&state);
    let registering = event.clone();
    let outcome = state
        .db
        .run(move |conn| {
            if !rate_limit::RSVPS.take(conn, &ip)? {
                return Ok(None);
            }
            Ok(Some(queries::register(
                conn,
                &registering,
                &input,
                &mail_ctx,
                now(),
            )?))
        })
        .await?;
    match outcome {
        None => {
            let mut errors = FieldErrors::default();
            errors.add("email", "error-rate-limited");
            event_page(
                &state,
                ctx,
                event,
                form,
                errors,
                StatusCode::TOO_MANY_REQUESTS,
            )
            .await
        }
        Some(Registered::LinkSent) | Some(Registered::AlreadyRegistered) => {
            // The same answer either way, so the form does not reveal who is registered.
            session::flash(&session, FlashKind::Success, "rsvp-link-sent");
            Ok(see_other(&format!("{event_path}#rsvp")))
        }
    }
}

async fn confirm_form(
    ctx: PageCtx,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (lang, token) = path.into_inner();
    render(&ConfirmPage {
        outcome: ConfirmOutcome::Ask,
        event: None,
        manage_href: None,
        topics_href: None,
        draft_waiting: false,
        action: format!("/{lang}/rsvp/confirm/{token}"),
        ctx: ctx.with_section("events"),
    })
}

async fn confirm(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String)>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (_, token) = path.into_inner();
    let lang = ctx.lang;
    let mail_ctx = mail_ctx(&state);
    let manage = mail_ctx.clone();
    let result = state
        .db
        .run(move |conn| Ok(queries::confirm(conn, &token, &mail_ctx, now())?))
        .await?;
    let link = |e: &Event| Link {
        href: e.path(lang),
        label: e.title(lang).to_string(),
    };
    let mut topics_href = None;
    let (outcome, event, manage_href, status) = match result {
        Confirmation::Confirmed(e, r) => {
            // The confirmation proved the address: this browser now acts for the RSVP.
            session::remember_attendee(&session, e.id, r.id);
            if e.has_topic_board() {
                topics_href = Some(format!("{}topics/#propose", e.path(lang)));
            }
            (
                ConfirmOutcome::Confirmed,
                Some(link(&e)),
                Some(manage_path(&manage, lang, r.id)),
                StatusCode::OK,
            )
        }
        Confirmation::Waitlisted(e, r, position) => {
            // Waiting people may still take part on the topic board.
            session::remember_attendee(&session, e.id, r.id);
            (
                ConfirmOutcome::Waitlisted(position),
                Some(link(&e)),
                Some(manage_path(&manage, lang, r.id)),
                StatusCode::OK,
            )
        }
        Confirmation::AlreadyConfirmed(e, r) => {
            session::remember_attendee(&session, e.id, r.id);
            (
                ConfirmOutcome::AlreadyConfirmed,
                Some(link(&e)),
                Some(manage_path(&manage, lang, r.id)),
                StatusCode::OK,
            )
        }
        Confirmation::Expired(e, _) => (
            ConfirmOutcome::Expired,
            Some(link(&e)),
            None,
            StatusCode::GONE,
        ),
        Confirmation::Unknown => (ConfirmOutcome::Unknown, None, None, StatusCode::NOT_FOUND),
    };
    render_status(
        status,
        &ConfirmPage {
            outcome,
            event,
            manage_href,
            draft_waiting: topics_href.is_some() && session.contains_key("topic-draft"),
            topics_href,
            action: String::new(),
            ctx: ctx.with_section("events"),
        },
    )
}

/// Whether an attendee may still change or cancel their registration.
fn may_change(rsvp: &Rsvp, event: &Event) -> bool {
    rsvp.status != RsvpStatus::Cancelled && event.is_ahead(now())
}

fn manage_path(ctx: &MailContext, lang: Lang, rsvp_id: i64) -> String {
    format!("/{lang}/rsvp/{}/", ctx.manage_token(rsvp_id))
}

async fn manage_page(
    state: &AppState,
    ctx: PageCtx,
    session: &Session,
    token: String,
    form: Option<RsvpForm>,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let lookup = token.clone();
    let (rsvp, event, position) = state
        .db
        .run(move |conn| {
            let (rsvp, event) =
                queries::by_manage_token(conn, &lookup)?.ok_or(AppError::NotFound)?;
            let position = if rsvp.status == RsvpStatus::Waitlisted {
                Some(queries::waitlist_position(conn, &rsvp)?)
            } else {
                None
            };
            Ok((rsvp, event, position))
        })
        .await?;
    let form = form.unwrap_or_else(|| RsvpForm {
        name: rsvp.name.clone(),
        email: rsvp.email.clone(),
        lang: rsvp.lang.to_string(),
        guests: rsvp.guests.to_string(),
        diet: rsvp.diet.as_str().into(),
        notes: rsvp.notes.clone(),
        ..RsvpForm::default()
    });
    // Waiting people too: the topic board tells them what they may do there.
    let on_board = matches!(rsvp.status, RsvpStatus::Confirmed | RsvpStatus::Waitlisted);
    if on_board {
        session::remember_attendee(session, event.id, rsvp.id);
    }
    let topics_href =
        (on_board && event.has_topic_board()).then(|| format!("{}topics/", event.path(lang)));
    let status_key = match rsvp.status {
        RsvpStatus::Pending => "rsvp-status-pending",
        RsvpStatus::Confirmed => "rsvp-status-confirmed",
        RsvpStatus::Waitlisted => "rsvp-status-waitlisted",
        RsvpStatus::Cancelled => "rsvp-status-cancelled",
    };
    let page = ManagePage {
        event: Link {
            href: event.path(lang),
            label: event.title(lang).to_string(),
        },
        event_when: event.when(lang, state.config.timezone),
        status_key,
        position,
        form,
        errors,
        max_guests: event.max_guests,
        action: format!("/{lang}/rsvp/{token}/"),
        cancel_action: format!("/{lang}/rsvp/{token}/cancel"),
        can_change: may_change(&rsvp, &event),
        topics_href,
        ctx: ctx.with_section("events"),
    };
    render_status(status, &page)
}

async fn manage(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, token) = path.into_inner();
    manage_page(
        &state,
        ctx,
        &session,
        token,
        None,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn update(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String)>,
    form: CsrfForm<RsvpForm>,
) -> Result<HttpResponse, AppError> {
    let (lang, token) = path.into_inner();
    let form = form.into_inner();
    let lookup = token.clone();
    let (rsvp, event) = state
        .db
        .run(move |conn| queries::by_manage_token(conn, &lookup)?.ok_or(AppError::NotFound))
        .await?;
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    if !may_change(&rsvp, &event) {
        let mut errors = FieldErrors::default();
        errors.add("name", "error-registration-closed");
        return manage_page(
            &state,
            ctx,
            &session,
            token,
            Some(form),
            errors,
            StatusCode::CONFLICT,
        )
        .await;
    }
    let input = match form.validate(event.max_guests, false) {
        Ok(input) => input,
        Err(errors) => {
            return manage_page(
                &state,
                ctx,
                &session,
                token,
                Some(form),
                errors,
                unprocessable,
            )
            .await;
        }
    };
    let mail_ctx = mail_ctx(&state);
    let changed = state
        .db
        .run(move |conn| {
            Ok(queries::update_details(
                conn,
                rsvp.id,
                &input,
                &mail_ctx,
                now(),
            )?)
        })
        .await?;
    match changed {
        Ok(()) => {
            session::flash(&session, FlashKind::Success, "rsvp-updated");
            Ok(see_other(&format!("/{lang}/rsvp/{token}/")))
        }
        Err(queries::ChangeRefused::NotEnoughPlaces) => {
            let mut errors = FieldErrors::default();
            errors.add("guests", "error-not-enough-places");
            manage_page(
                &state,
                ctx,
                &session,
                token,
                Some(form),
                errors,
                StatusCode::CONFLICT,
            )
            .await
        }
    }
}

/// Asks before cancelling, and says what follows: who gets the place, what is lost.
async fn cancel_question(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (lang, token) = path.into_inner();
    let lookup = token.clone();
    let (rsvp, event, others_waiting) = state
        .db
        .run(move |conn| {
            let (rsvp, event) =
                queries::by_manage_token(conn, &lookup)?.ok_or(AppError::NotFound)?;
            let others_waiting = queries::waiting_count(conn, event.id)?;
            Ok((rsvp, event, others_waiting))
        })
        .await?;
    let manage_href = format!("/{lang}/rsvp/{token}/");
    if !may_change(&rsvp, &event) {
        return Ok(see_other(&manage_href));
    }
    let lang = ctx.lang;
    let page = CancelPage {
        event: Link {
            href: event.path(lang),
            label: event.title(lang).to_string(),
        },
        event_when: event.when(lang, state.config.timezone),
        leaving_waitlist: rsvp.status == RsvpStatus::Waitlisted,
        consequence_key: match rsvp.status {
            RsvpStatus::Waitlisted => "cancel-consequence-waitlist",
            RsvpStatus::Pending => "cancel-consequence-pending",
            _ if others_waiting > 0 => "cancel-consequence-moves-up",
            _ => "cancel-consequence-freed",
        },
        guests: i64::from(rsvp.guests),
        action: format!("/{lang}/rsvp/{token}/cancel"),
        manage_href,
        ctx: ctx.with_section("events"),
    };
    render(&page)
}

async fn cancel(
    state: web::Data<AppState>,
    session: Session,
    path: web::Path<(String, String)>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (lang, token) = path.into_inner();
    let mail_ctx = mail_ctx(&state);
    let lookup = token.clone();
    state
        .db
        .run(move |conn| {
            let (rsvp, _) = queries::by_manage_token(conn, &lookup)?.ok_or(AppError::NotFound)?;
            Ok(queries::cancel(conn, rsvp.id, &mail_ctx, now())?)
        })
        .await?;
    session::flash(&session, FlashKind::Success, "rsvp-cancelled");
    Ok(see_other(&format!("/{lang}/rsvp/{token}/")))
}

async fn calendar_feed(
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let lang: Lang = path.into_inner().parse().map_err(|()| AppError::NotFound)?;
    calendar(&state, lang).await
}

async fn calendar(state: &AppState, lang: Lang) -> Result<HttpResponse, AppError> {
    let events = state.db.run(|conn| Ok(queries::all_public(conn)?)).await?;
    let name = format!("{} – {}", state.config.site_name, lang.t("events-title"));
    let mail_ctx = mail_ctx(state);
    let body = ics::feed(
        &events,
        lang,
        &state.config.base_url,
        &super::ics::Organizer::of(&mail_ctx),
        &name,
    );
    Ok(ics::response(body, "calendar.ics"))
}
