//! HTTP handlers of the public topic board: propose, dots, notes, schedule.

use std::collections::HashSet;

use actix_session::Session;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use super::forms::{DotForm, NoteForm, TopicForm};
use super::model::{
    Board, Room, Slot, Topic, board_path, edit_path, history_path, topic_path, withdraw_path,
};
use super::pages::{
    BoardPage, NoteHistoryPage, NoteRevision, SchedulePage, TopicCard, TopicEditPage, TopicPage,
    Viewer, WithdrawPage, card, grid, places,
};
use super::queries::{self, NoteAuthor, Proposer, Refusal, TopicError};
use crate::AppState;
use crate::clock::now;
use crate::db::pagination::{Page, PageQuery};
use crate::error::AppError;
use crate::events::model::{Event, Rsvp, RsvpStatus};
use crate::i18n::{FluentArg, Lang, format};
use crate::web::forms::{CsrfForm, CsrfOnly, FieldErrors, Rejected};
use crate::web::nav::{Link, Pager};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, client_ip, rate_limit, render, render_status, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/events/{slug}/topics/", web::get().to(index))
        .route("/events/{slug}/topics/propose", web::post().to(propose))
        .route("/events/{slug}/topics/leave", web::post().to(leave))
        .route("/events/{slug}/topics/{id}/", web::get().to(show))
        .route(
            "/events/{slug}/topics/{id}/history/",
            web::get().to(history),
        )
        .route("/events/{slug}/topics/{id}/edit", web::get().to(edit_form))
        .route("/events/{slug}/topics/{id}/edit", web::post().to(edit))
        .route(
            "/events/{slug}/topics/{id}/withdraw",
            web::get().to(withdraw_form),
        )
        .route(
            "/events/{slug}/topics/{id}/withdraw",
            web::post().to(withdraw),
        )
        .route("/events/{slug}/topics/{id}/dot", web::post().to(dot))
        .route(
            "/events/{slug}/topics/{id}/notes",
            web::post().to(save_note),
        )
        .route("/events/{slug}/schedule/", web::get().to(schedule));
}

const DRAFT: &str = "topic-draft";

/// The open-space event at `slug`; other formats have no board.
pub(super) async fn load_event(state: &AppState, slug: String) -> Result<Event, AppError> {
    state
        .db
        .run(move |conn| {
            crate::events::queries::public_by_slug(conn, &slug)?
                .filter(|e| e.has_topic_board())
                .ok_or(AppError::NotFound)
        })
        .await
}

fn event_link(event: &Event, lang: Lang) -> Link {
    Link {
        href: event.path(lang),
        label: event.title(lang).to_string(),
    }
}

/// Proposals and dots close when the event ends (or is cancelled); notes stay open.
fn board_open(event: &Event) -> bool {
    !event.is_cancelled() && event.ends_at > now()
}

/// Everything a board page shows, read in one go.
struct BoardData {
    board: Board,
    topics: Vec<Topic>,
    interest: std::collections::HashMap<i64, i64>,
    slots: Vec<Slot>,
    rooms: Vec<Room>,
    attendee: Option<Rsvp>,
    /// The attendee waits for a place and the event keeps the board to those with one.
    shut_out: bool,
    mine: HashSet<i64>,
    proposed: i64,
}

impl BoardData {
    fn read(
        conn: &mut crate::db::DbConn,
        event: &Event,
        rsvp_id: Option<i64>,
    ) -> Result<BoardData, AppError> {
        let event_id = event.id;
        let attendee = match rsvp_id {
            Some(id) => queries::attendee(conn, event_id, id)?,
            None => None,
        };
        let (mine, proposed) = match &attendee {
            Some(r) => (
                queries::dots_of(conn, r.id)?,
                queries::proposals_of(conn, event_id, r.id)?,
            ),
            None => (HashSet::new(), 0),
        };
        Ok(BoardData {
            board: queries::board(conn, event_id)?,
            topics: queries::open_topics(conn, event_id)?,
            interest: queries::interest(conn, event_id)?,
            slots: queries::slots(conn, event_id)?,
            rooms: queries::rooms(conn, event_id)?,
            shut_out: attendee
                .as_ref()
                .is_some_and(|r| !queries::may_take_part(event, r)),
            attendee,
            mine,
            proposed,
        })
    }

    fn viewer(&self, organizer: bool, lang: Lang) -> Viewer {
        let dots_total = i64::from(self.board.dots_per_attendee);
        let dots_left = (dots_total - self.mine.len() as i64).max(0);
        Viewer {
            attendee: self.attendee.as_ref().map(|r| r.name.clone()),
            waiting: self
                .attendee
                .as_ref()
                .is_some_and(|r| r.status == RsvpStatus::Waitlisted),
            shut_out: self.shut_out,
            organizer,
            dots_total,
            dots_left,
            proposals_left: (i64::from(self.board.proposals_per_person) - self.proposed).max(0),
            dots_label: lang.t_args(
                "topic-dots-left",
                &[
                    ("left", FluentArg::Num(dots_left)),
                    ("total", FluentArg::Num(dots_total)),
                ],
            ),
        }
    }

    fn cards(&self, event: &Event, lang: Lang) -> Vec<TopicCard> {
        let places = places(&self.topics, &self.slots, &self.rooms, event, lang);
        self.topics
            .iter()
            .map(|t| self.card(t, event, lang, &places))
            .collect()
    }

    fn card(
        &self,
        topic: &Topic,
        event: &Event,
        lang: Lang,
        places: &std::collections::HashMap<i64, super::pages::Place>,
    ) -> TopicCard {
        TopicCard {
            editable: self.owns(topic) && !topic.is_scheduled(),
            ..card(topic, event, lang, &self.interest, &self.mine, places)
        }
    }

    /// Whether the viewer proposed `topic`.
    fn owns(&self, topic: &Topic) -> bool {
        self.attendee
            .as_ref()
            .is_some_and(|r| topic.rsvp_id == Some(r.id))
    }
}

/// Reads the board for the browser's attendee identity, forgetting one that no longer
/// holds a place or waits for one.
async fn read_board(
    state: &AppState,
    session: &Session,
    event: &Event,
) -> Result<BoardData, AppError> {
    let remembered = session::attendee(session, event.id);
    let shown = event.clone();
    let data = state
        .db
        .run(move |conn| BoardData::read(conn, &shown, remembered))
        .await?;
    if remembered.is_some() && data.attendee.is_none() {
        session::forget_attendee(session, event.id);
    }
    Ok(data)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SortQuery {
    sort: String,
}

async fn index(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String)>,
    query: web::Query<SortQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let form = session
        .get::<TopicForm>(DRAFT)
        .ok()
        .flatten()
        .unwrap_or_else(|| TopicForm::blank(ctx.lang));
    let newest = query.sort == "new";
    board_page(&state, ctx, &session, event, form, newest).await
}

async fn board_page(
    state: &AppState,
    ctx: PageCtx,
    session: &Session,
    event: Event,
    shown: impl Into<Rejected<TopicForm>>,
    newest: bool,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let lang = ctx.lang;
    let data = read_board(state, session, &event).await?;
    let mut topics = data.cards(&event, lang);
    if newest {
        topics.reverse();
    } else {
        // Stable: equal interest keeps the oldest first.
        topics.sort_by_key(|t| std::cmp::Reverse(t.interest));
    }
    let base = board_path(&event, lang);
    render_status(
        status,
        &BoardPage {
            event: event_link(&event, lang),
            event_when: event.when(lang, state.config.timezone),
            topics,
            sort: if newest { "new" } else { "interest" },
            sort_interest_href: base.clone(),
            sort_new_href: format!("{base}?sort=new"),
            viewer: data.viewer(ctx.organizer.is_some(), lang),
            open: board_open(&event),
            form,
            errors,
            propose_action: format!("{base}propose#propose"),
            leave_action: format!("{base}leave"),
            schedule_href: format!("{}schedule/", event.path(lang)),
            live_href: format!("{}board/", event.path(lang)),
            register_href: format!("{}#rsvp", event.path(lang)),
            ctx: ctx.with_section("events"),
        },
    )
}

async fn propose(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String)>,
    form: CsrfForm<TopicForm>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let lang = ctx.lang;
    let form = form.into_inner();
    let base = board_path(&event, lang);
    if form.is_bot() {
        return Ok(see_other(&base));
    }
    let fail = |errors: FieldErrors, status: StatusCode, ctx: PageCtx, event: Event| {
        let (state, session) = (state.clone(), session.clone());
        let shown = Rejected::new(form.clone(), errors).with_status(status);
        async move { board_page(&state, ctx, &session, event, shown, false).await }
    };
    if !board_open(&event) {
        let mut errors = FieldErrors::default();
        errors.add("title", "topic-error-closed");
        return fail(errors, StatusCode::CONFLICT, ctx, event).await;
    }
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => return fail(errors, StatusCode::UNPROCESSABLE_ENTITY, ctx, event).await,
    };
    let remembered = session::attendee(&session, event.id);
    let event_id = event.id;
    let attendee = match remembered {
        Some(id) => {
            state
                .db
                .run(move |conn| Ok(queries::attendee(conn, event_id, id)?))
                .await?
        }
        None => None,
    };
    if attendee
        .as_ref()
        .is_some_and(|r| !queries::may_take_part(&event, r))
    {
        let mut errors = FieldErrors::default();
        errors.add("title", Refusal::OnWaitingList.key());
        return fail(errors, StatusCode::FORBIDDEN, ctx, event).await;
    }
    let proposer = match (attendee, &ctx.organizer) {
        (Some(rsvp), _) => Proposer::Attendee {
            rsvp_id: rsvp.id,
            name: rsvp.name,
        },
        (None, Some(o)) => Proposer::Organizer {
            id: o.id,
            name: o.name.clone(),
        },
        (None, None) => {
            // Keep the proposal and send the visitor to register; the board offers it
            // again once their confirmation link has identified them.
            let _ = session.insert(DRAFT, &form);
            session::flash(&session, FlashKind::Success, "topic-register-first");
            return Ok(see_other(&format!("{}#rsvp", event.path(lang))));
        }
    };
    let ip = client_ip(&req, &state.config.trusted_proxies);
    let result = state
        .db
        .run(move |conn| {
            if !rate_limit::TOPIC_WRITES.take(conn, &ip)? {
                return Ok(None);
            }
            Ok(Some(queries::propose(
                conn,
                event_id,
                &proposer,
                &input,
                now(),
            )))
        })
        .await?;
    match result {
        None => {
            let mut errors = FieldErrors::default();
            errors.add("title", "error-rate-limited");
            fail(errors, StatusCode::TOO_MANY_REQUESTS, ctx, event).await
        }
        Some(Ok(_)) => {
            session.remove(DRAFT);
            session::flash(&session, FlashKind::Success, "topic-proposed");
            Ok(see_other(&format!("{base}?sort=new")))
        }
        Some(Err(TopicError::Refused(why))) => {
            let mut errors = FieldErrors::default();
            errors.add("title", why.key());
            fail(errors, StatusCode::CONFLICT, ctx, event).await
        }
        Some(Err(TopicError::Db(e))) => Err(e.into()),
    }
}

/// "Not you?": forgets the attendee identity on a shared device.
async fn leave(
    session: Session,
    path: web::Path<(String, String)>,
    state: web::Data<AppState>,
    ctx: PageCtx,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let event = load_event(&state, slug).await?;
    session::forget_attendee(&session, event.id);
    session.remove(DRAFT);
    Ok(see_other(&board_path(&event, ctx.lang)))
}

/// The viewer's own topic, still open to change; `Err` says why not (a page of its own).
async fn own_topic(
    state: &AppState,
    session: &Session,
    event: &Event,
    topic_id: i64,
) -> Result<Result<(Topic, Rsvp), Refusal>, AppError> {
    let data = read_board(state, session, event).await?;
    let Some(topic) = data.topics.into_iter().find(|t| t.id == topic_id) else {
        return Err(AppError::NotFound);
    };
    Ok(match data.attendee {
        Some(rsvp) if topic.rsvp_id == Some(rsvp.id) => {
            if topic.is_scheduled() {
                Err(Refusal::Scheduled)
            } else if !board_open(event) {
                Err(Refusal::Closed)
            } else {
                Ok((topic, rsvp))
            }
        }
        _ => Err(Refusal::NotYours),
    })
}

fn refusal_status(why: Refusal) -> StatusCode {
    match why {
        Refusal::NotYours => StatusCode::FORBIDDEN,
        Refusal::UnknownTopic => StatusCode::NOT_FOUND,
        _ => StatusCode::CONFLICT,
    }
}

/// The edit page: the form, or (`Err`) the reason it cannot be changed any more.
fn edit_page(
    ctx: PageCtx,
    event: &Event,
    topic: &Topic,
    shown: Result<Rejected<TopicForm>, Refusal>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let (
        notice,
        Rejected {
            form,
            errors,
            status,
        },
    ) = match shown {
        Ok(r) => (None, r),
        Err(why) => (
            Some(why.key()),
            Rejected::new(TopicForm::blank(lang), FieldErrors::default())
                .with_status(refusal_status(why)),
        ),
    };
    render_status(
        status,
        &TopicEditPage {
            event: event_link(event, lang),
            board_href: board_path(event, lang),
            topic: Link {
                href: topic_path(event, lang, topic.id),
                label: topic.title.clone(),
            },
            notice,
            form,
            errors,
            action: edit_path(event, lang, topic.id),
            withdraw_href: withdraw_path(event, lang, topic.id),
            ctx: ctx.with_section("events"),
        },
    )
}

async fn edit_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String, i64)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug, topic_id) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let shown = match own_topic(&state, &session, &event, topic_id).await? {
        Ok((topic, _)) => {
            let form = TopicForm {
                title: topic.title.clone(),
                description: topic.description.clone(),
                lang: topic.lang.code().to_string(),
                ..TopicForm::default()
            };
            return edit_page(ctx, &event, &topic, Ok(form.into()));
        }
        Err(why) => why,
    };
    let topic = topic_of(&state, &event, topic_id).await?;
    edit_page(ctx, &event, &topic, Err(shown))
}

/// The open topic `topic_id` of the event, for a page that explains a refusal.
async fn topic_of(state: &AppState, event: &Event, topic_id: i64) -> Result<Topic, AppError> {
    let event_id = event.id;
    state
        .db
        .run(move |conn| {
            queries::topic(conn, event_id, topic_id)?
                .filter(Topic::is_open)
                .ok_or(AppError::NotFound)
        })
        .await
}

async fn edit(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String, i64)>,
    form: CsrfForm<TopicForm>,
) -> Result<HttpResponse, AppError> {
    let (_, slug, topic_id) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let form = form.into_inner();
    let (topic, rsvp) = match own_topic(&state, &session, &event, topic_id).await? {
        Ok(own) => own,
        Err(why) => {
            let topic = topic_of(&state, &event, topic_id).await?;
            return edit_page(ctx, &event, &topic, Err(why));
        }
    };
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => {
            let shown = Rejected::new(form, errors).with_status(StatusCode::UNPROCESSABLE_ENTITY);
            return edit_page(ctx, &event, &topic, Ok(shown));
        }
    };
    let event_id = event.id;
    let ip = client_ip(&req, &state.config.trusted_proxies);
    let saved = state
        .db
        .run(move |conn| {
            if !rate_limit::TOPIC_WRITES.take(conn, &ip)? {
                return Ok(None);
            }
            match queries::update_topic(conn, event_id, rsvp.id, topic_id, &input, now()) {
                Ok(()) => Ok(Some(Ok(()))),
                Err(TopicError::Refused(why)) => Ok(Some(Err(why))),
                Err(TopicError::Db(e)) => Err(e.into()),
            }
        })
        .await?;
    match saved {
        Some(Ok(())) => {
            session::flash(&session, FlashKind::Success, "topic-updated");
            Ok(see_other(&topic_path(&event, ctx.lang, topic_id)))
        }
        None => {
            let shown = Rejected::on(form, "title", "error-rate-limited")
                .with_status(StatusCode::TOO_MANY_REQUESTS);
            edit_page(ctx, &event, &topic, Ok(shown))
        }
        // Scheduled in the meantime: say so, nothing was changed.
        Some(Err(why)) => edit_page(ctx, &event, &topic, Err(why)),
    }
}

async fn withdraw_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String, i64)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug, topic_id) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let lang = ctx.lang;
    let topic = match own_topic(&state, &session, &event, topic_id).await? {
        Ok((topic, _)) => topic,
        Err(why) => {
            let topic = topic_of(&state, &event, topic_id).await?;
            return edit_page(ctx, &event, &topic, Err(why));
        }
    };
    let event_id = event.id;
    let interest = state
        .db
        .run(move |conn| Ok(queries::interest(conn, event_id)?))
        .await?
        .get(&topic_id)
        .copied()
        .unwrap_or(0);
    render(&WithdrawPage {
        event: event_link(&event, lang),
        board_href: board_path(&event, lang),
        topic: Link {
            href: topic_path(&event, lang, topic_id),
            label: topic.title,
        },
        interest,
        action: withdraw_path(&event, lang, topic_id),
        ctx: ctx.with_section("events"),
    })
}

async fn withdraw(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String, i64)>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (_, slug, topic_id) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let rsvp = match own_topic(&state, &session, &event, topic_id).await? {
        Ok((_, rsvp)) => rsvp,
        Err(why) => {
            let topic = topic_of(&state, &event, topic_id).await?;
            return edit_page(ctx, &event, &topic, Err(why));
        }
    };
    let event_id = event.id;
    let done = state
        .db
        .run(
            move |conn| match queries::withdraw(conn, event_id, rsvp.id, topic_id) {
                Ok(()) => Ok(None),
                Err(TopicError::Refused(why)) => Ok(Some(why)),
                Err(TopicError::Db(e)) => Err(e.into()),
            },
        )
        .await?;
    if let Some(why) = done {
        let topic = topic_of(&state, &event, topic_id).await?;
        return edit_page(ctx, &event, &topic, Err(why));
    }
    session::flash(&session, FlashKind::Success, "topic-withdrawn");
    Ok(see_other(&board_path(&event, ctx.lang)))
}

async fn show(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String, i64)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug, topic_id) = path.into_inner();
    let event = load_event(&state, slug).await?;
    topic_page(&state, ctx, &session, event, topic_id, None).await
}

/// The topic page; `shown` is a note sent back, `None` the page as first opened.
async fn topic_page(
    state: &AppState,
    ctx: PageCtx,
    session: &Session,
    event: Event,
    topic_id: i64,
    shown: Option<Rejected<NoteForm>>,
) -> Result<HttpResponse, AppError> {
    let (form, errors, status) = match shown {
        Some(r) => (Some(r.form), r.errors, r.status),
        None => (None, FieldErrors::default(), StatusCode::OK),
    };
    let lang = ctx.lang;
    let data = read_board(state, session, &event).await?;
    let Some(topic) = data.topics.iter().find(|t| t.id == topic_id) else {
        return Err(AppError::NotFound);
    };
    let (current, revisions) = state
        .db
        .run(move |conn| {
            Ok((
                queries::current_note(conn, topic_id)?,
                queries::note_count(conn, topic_id)?,
            ))
        })
        .await?;
    let tz = event.tz();
    let places = places(&data.topics, &data.slots, &data.rooms, &event, lang);
    let current = current.as_ref();
    let form = form.unwrap_or_else(|| NoteForm {
        body: current.map(|n| n.body.clone()).unwrap_or_default(),
        base: current.map(|n| n.id.to_string()).unwrap_or_default(),
        ..NoteForm::default()
    });
    let page = TopicPage {
        event: event_link(&event, lang),
        board_href: board_path(&event, lang),
        topic: data.card(topic, &event, lang, &places),
        viewer: data.viewer(ctx.organizer.is_some(), lang),
        open: board_open(&event),
        note_html: current.map(|n| n.body_html.clone()),
        note_author: current.map(|n| n.author_name.clone()).unwrap_or_default(),
        note_when: current
            .map(|n| format::date_time(lang, n.created_at, tz))
            .unwrap_or_default(),
        history_count: (revisions - 1).max(0),
        history_href: history_path(&event, lang, topic_id),
        form,
        errors,
        note_action: format!("{}notes#notes", topic_path(&event, lang, topic_id)),
        ctx: ctx.with_section("events"),
    };
    render_status(status, &page)
}

/// Revisions shown on one page of a note's history.
const HISTORY_PER_PAGE: i64 = 50;

/// Earlier revisions of a topic's notes: rendered when saved, read only when asked for.
async fn history(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String, i64)>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, slug, topic_id) = path.into_inner();
    let number = query.number().ok_or(AppError::NotFound)?;
    let event = load_event(&state, slug).await?;
    let lang = ctx.lang;
    let event_id = event.id;
    let (topic, page, notes) = state
        .db
        .run(move |conn| {
            let topic = queries::topic(conn, event_id, topic_id)?
                .filter(|t| t.is_open())
                .ok_or(AppError::NotFound)?;
            let earlier = (queries::note_count(conn, topic_id)? - 1).max(0);
            let page = Page::new(number, HISTORY_PER_PAGE, earlier).ok_or(AppError::NotFound)?;
            let notes = queries::earlier_notes(conn, topic_id, page.offset(), page.per_page)?;
            Ok((topic, page, notes))
        })
        .await?;
    let tz = event.tz();
    let href = history_path(&event, lang, topic_id);
    render(&NoteHistoryPage {
        event: event_link(&event, lang),
        board_href: board_path(&event, lang),
        topic: Link {
            href: topic_path(&event, lang, topic_id),
            label: topic.title,
        },
        count: page.total_items,
        revisions: notes
            .into_iter()
            .map(|n| NoteRevision {
                author: n.author_name,
                when: format::date_time(lang, n.created_at, tz),
                html: n.body_html,
            })
            .collect(),
        pager: Pager::new(&page, &href),
        ctx: ctx.with_section("events"),
    })
}

fn wants_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// Spends or takes back a dot. Plain forms get a redirect back to the board; the board's
/// script asks for JSON and updates the topic in place.
async fn dot(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String, i64)>,
    form: CsrfForm<DotForm>,
) -> Result<HttpResponse, AppError> {
    let (_, slug, topic_id) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let lang = ctx.lang;
    let event_id = event.id;
    let adding = match form.dot.as_str() {
        "add" => true,
        "remove" => false,
        _ => return Err(AppError::BadRequest("dot must be add or remove".into())),
    };
    let remembered = session::attendee(&session, event_id);
    let outcome: Result<(), Refusal> = if !board_open(&event) {
        Err(Refusal::Stale)
    } else if let Some(rsvp_id) = remembered {
        let shown = event.clone();
        state
            .db
            .run(move |conn| {
                let Some(rsvp) = queries::attendee(conn, event_id, rsvp_id)? else {
                    return Ok(Err(None));
                };
                if !queries::may_take_part(&shown, &rsvp) {
                    return Ok(Err(Some(Refusal::OnWaitingList)));
                }
                let done = if adding {
                    queries::vote(conn, event_id, rsvp_id, topic_id, now())
                } else {
                    queries::unvote(conn, event_id, rsvp_id, topic_id)
                };
                match done {
                    Ok(()) => Ok(Ok(())),
                    Err(TopicError::Refused(why)) => Ok(Err(Some(why))),
                    Err(TopicError::Db(e)) => Err(e.into()),
                }
            })
            .await?
            .map_err(|why| why.unwrap_or(Refusal::Stale))
    } else {
        Err(Refusal::Stale)
    };
    let message = match outcome {
        Ok(()) if adding => "topic-dot-spent",
        Ok(()) => "topic-dot-returned",
        Err(Refusal::Stale) if board_open(&event) => "topic-error-register-to-vote",
        Err(Refusal::Stale) => "topic-error-closed",
        Err(why) => why.key(),
    };
    let status = match outcome {
        Ok(()) => StatusCode::OK,
        Err(Refusal::UnknownTopic) => StatusCode::NOT_FOUND,
        Err(Refusal::Stale | Refusal::OnWaitingList) => StatusCode::FORBIDDEN,
        Err(_) => StatusCode::CONFLICT,
    };
    if wants_json(&req) {
        let data = read_board(&state, &session, &event).await?;
        let viewer = data.viewer(false, lang);
        let interest = data.interest.get(&topic_id).copied().unwrap_or(0);
        return Ok(HttpResponse::build(status).json(serde_json::json!({
            "ok": outcome.is_ok(),
            "message": lang.t(message),
            "interest": interest,
            "interest_label": lang.t_args("topic-interest", &[("count", FluentArg::Num(interest))]),
            "voted": data.mine.contains(&topic_id),
            "dots_left": viewer.dots_left,
            "dots_label": viewer.dots_label,
        })));
    }
    if status == StatusCode::NOT_FOUND {
        return Err(AppError::NotFound);
    }
    let kind = if outcome.is_ok() {
        FlashKind::Success
    } else {
        FlashKind::Error
    };
    session::flash(&session, kind, message);
    // Back to where the dot was given: the topic's page or the board.
    let back = req
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .filter(|r| r.contains(&topic_path(&event, lang, topic_id)))
        .map(|_| topic_path(&event, lang, topic_id))
        .unwrap_or_else(|| format!("{}#topic-{topic_id}", board_path(&event, lang)));
    Ok(see_other(&back))
}

async fn save_note(
    req: HttpRequest,
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String, i64)>,
    form: CsrfForm<NoteForm>,
) -> Result<HttpResponse, AppError> {
    let (_, slug, topic_id) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let lang = ctx.lang;
    let form = form.into_inner();
    let event_id = event.id;
    let remembered = session::attendee(&session, event_id);
    let organizer = ctx.organizer.clone();
    let shown = event.clone();
    let author = state
        .db
        .run(move |conn| {
            if let Some(rsvp) = match remembered {
                Some(id) => queries::attendee(conn, event_id, id)?,
                None => None,
            }
            .filter(|r| queries::may_take_part(&shown, r))
            {
                return Ok(Some(NoteAuthor {
                    name: rsvp.name,
                    rsvp_id: Some(rsvp.id),
                    organizer_id: None,
                }));
            }
            Ok(organizer.map(|o| NoteAuthor {
                name: o.name,
                rsvp_id: None,
                organizer_id: Some(o.id),
            }))
        })
        .await?;
    let back = |errors: FieldErrors, status: StatusCode, ctx: PageCtx, event: Event| {
        let (state, session) = (state.clone(), session.clone());
        let shown = Rejected::new(form.clone(), errors).with_status(status);
        async move { topic_page(&state, ctx, &session, event, topic_id, Some(shown)).await }
    };
    let Some(author) = author else {
        let data = read_board(&state, &session, &event).await?;
        let mut errors = FieldErrors::default();
        errors.add(
            "body",
            if data.shut_out {
                Refusal::OnWaitingList.key()
            } else {
                "topic-error-register-to-write"
            },
        );
        return back(errors, StatusCode::FORBIDDEN, ctx, event).await;
    };
    let (body, base) = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => return back(errors, StatusCode::UNPROCESSABLE_ENTITY, ctx, event).await,
    };
    let ip = client_ip(&req, &state.config.trusted_proxies);
    let saved = state
        .db
        .run(move |conn| {
            if !rate_limit::TOPIC_WRITES.take(conn, &ip)? {
                return Ok(None);
            }
            match queries::save_note(conn, event_id, topic_id, &author, &body, base, now()) {
                Ok(()) => Ok(Some(Ok(()))),
                Err(TopicError::Refused(why)) => Ok(Some(Err(why))),
                Err(TopicError::Db(e)) => Err(e.into()),
            }
        })
        .await?;
    match saved {
        Some(Ok(())) => {
            session::flash(&session, FlashKind::Success, "topic-note-saved");
            Ok(see_other(&format!(
                "{}#notes",
                topic_path(&event, lang, topic_id)
            )))
        }
        Some(Err(Refusal::UnknownTopic)) => Err(AppError::NotFound),
        None => {
            let mut errors = FieldErrors::default();
            errors.add("body", "error-rate-limited");
            back(errors, StatusCode::TOO_MANY_REQUESTS, ctx, event).await
        }
        Some(Err(Refusal::NoteConflict)) => {
            // Keep the writer's text, now based on the revision they are shown above it.
            let latest = state
                .db
                .run(move |conn| Ok(queries::current_note(conn, topic_id)?.map(|n| n.id)))
                .await?;
            let form = NoteForm {
                base: latest.map(|id| id.to_string()).unwrap_or_default(),
                ..form.clone()
            };
            let shown = Rejected::on(form, "body", Refusal::NoteConflict.key())
                .with_status(StatusCode::CONFLICT);
            topic_page(&state, ctx, &session, event, topic_id, Some(shown)).await
        }
        Some(Err(why)) => {
            let mut errors = FieldErrors::default();
            errors.add("body", why.key());
            back(errors, StatusCode::CONFLICT, ctx, event).await
        }
    }
}

async fn schedule(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let lang = ctx.lang;
    let data = read_board(&state, &session, &event).await?;
    render(&SchedulePage {
        event: event_link(&event, lang),
        event_when: event.when(lang, state.config.timezone),
        grid: grid(
            &event,
            lang,
            &data.slots,
            &data.rooms,
            &data.topics,
            &data.interest,
            now(),
        ),
        board_href: board_path(&event, lang),
        live_href: format!("{}board/", event.path(lang)),
        ics_href: format!("{}event.ics", event.path(lang)),
        ctx: ctx.with_section("events"),
    })
}
