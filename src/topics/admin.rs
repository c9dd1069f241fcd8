//! Organizers run an event's topic board: limits, rooms, slots, placement (by hand or by
//! suggestion), merging, hiding, their own topic suggestions and the recap draft.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDateTime;
use serde::Deserialize;

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::admin_ctx;
use crate::clock::local_to_utc;
use crate::clock::now;
use crate::error::AppError;
use crate::events::model::Event;
use crate::i18n::{FluentArg, Lang, format};
use crate::topics::forms::TopicForm;
use crate::topics::model::{Room, Slot, Topic, TopicStatus};
use crate::topics::pages::{Grid, grid, slot_time};
use crate::topics::queries::{self, GridPart, Limits, Proposer, TopicError};
use crate::topics::recap;
use crate::topics::schedule::{self, Placement, RoomSize, Wanted};
use crate::web::forms::{CsrfForm, CsrfOnly, FieldErrors, Rejected};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render_status, see_other};

pub fn admin_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/events/{id}/topics", web::get().to(page))
        .route("/events/{id}/topics/limits", web::post().to(save_limits))
        .route("/events/{id}/topics/rooms", web::post().to(add_room))
        .route(
            "/events/{id}/topics/rooms/{room}/delete",
            web::post().to(delete_room),
        )
        .route("/events/{id}/topics/slots", web::post().to(add_slot))
        .route(
            "/events/{id}/topics/slots/{slot}/delete",
            web::post().to(delete_slot),
        )
        .route("/events/{id}/topics/add", web::post().to(add_topic))
        .route("/events/{id}/topics/suggestion", web::post().to(accept))
        .route("/events/{id}/topics/recap", web::post().to(create_recap))
        .route("/events/{id}/topics/{topic}/place", web::post().to(place))
        .route("/events/{id}/topics/{topic}/hide", web::post().to(hide))
        .route(
            "/events/{id}/topics/{topic}/merge",
            web::get().to(merge_confirm),
        )
        .route("/events/{id}/topics/{topic}/merge", web::post().to(merge));
}

const ROOM_NAME_MAX: usize = 60;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
struct LimitsForm {
    csrf: String,
    dots: String,
    proposals: String,
    max_topics: String,
}

crate::web::forms::csrf_protected!(LimitsForm);

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
struct RoomForm {
    csrf: String,
    room_name: String,
    room_capacity: String,
}

crate::web::forms::csrf_protected!(RoomForm);

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
struct SlotForm {
    csrf: String,
    slot_start: String,
    slot_end: String,
}

crate::web::forms::csrf_protected!(SlotForm);

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CellForm {
    csrf: String,
    /// "slot:room", or empty to unschedule.
    cell: String,
}

crate::web::forms::csrf_protected!(CellForm);

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct HideForm {
    csrf: String,
    hidden: String,
}

crate::web::forms::csrf_protected!(HideForm);

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MergeForm {
    csrf: String,
    into: String,
}

/// The merge target chosen in the topics table, before the organizer confirms.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MergeQuery {
    into: String,
}

/// Asks before two topics become one, and says what happens to their dots and places.
#[derive(Template)]
#[template(path = "topics/admin/merge.html")]
struct MergePage {
    ctx: PageCtx,
    event_id: i64,
    action: String,
    /// "„A“ wird mit „B“ zusammengelegt."
    question: String,
    from_title: String,
    from_place: Option<String>,
    into_id: i64,
    /// Dots that move over to the target.
    moved: i64,
    /// Dots on both topics from the same person: one of them goes back to that person.
    shared: i64,
    /// The target's dots afterwards.
    total: i64,
}

crate::web::forms::csrf_protected!(MergeForm);

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AcceptForm {
    csrf: String,
    version: String,
}

crate::web::forms::csrf_protected!(AcceptForm);

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RecapForm {
    csrf: String,
    lang: String,
}

crate::web::forms::csrf_protected!(RecapForm);

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageQuery {
    suggest: String,
}

/// A cell to choose in a placement select.
struct CellChoice {
    value: String,
    label: String,
}

struct TopicRow {
    id: i64,
    title: String,
    proposer: String,
    by_organizers: bool,
    lang: String,
    interest: i64,
    status: TopicStatus,
    cell: String,
    merged_into: Option<String>,
}

struct SuggestedRow {
    title: String,
    place: String,
}

#[derive(Template)]
#[template(path = "topics/admin/board.html")]
struct TopicsPage {
    ctx: PageCtx,
    event_id: i64,
    title: String,
    public_href: String,
    version: i64,
    limits: LimitsForm,
    room_form: RoomForm,
    slot_form: SlotForm,
    topic_form: TopicForm,
    add_topic_action: String,
    errors: FieldErrors,
    rooms: Vec<Room>,
    slots: Vec<(i64, String)>,
    cells: Vec<CellChoice>,
    grid: Grid,
    rows: Vec<TopicRow>,
    open_topics: Vec<(i64, String)>,
    suggestion: Option<Vec<SuggestedRow>>,
}

impl TopicsPage {
    /// (field, label key, typed value) of the limits form.
    fn limit_fields(&self) -> [(&'static str, &'static str, &str); 3] {
        [
            ("dots", "admin-limit-dots", &self.limits.dots),
            ("proposals", "admin-limit-proposals", &self.limits.proposals),
            ("max_topics", "admin-limit-topics", &self.limits.max_topics),
        ]
    }
}

/// The forms typed so far, sent back with their errors.
#[derive(Default)]
struct Typed {
    limits: Option<LimitsForm>,
    room: Option<RoomForm>,
    slot: Option<SlotForm>,
    topic: Option<TopicForm>,
}

struct Loaded {
    event: Event,
    board: crate::topics::model::Board,
    topics: Vec<Topic>,
    interest: std::collections::HashMap<i64, i64>,
    rooms: Vec<Room>,
    slots: Vec<Slot>,
}

async fn load(state: &AppState, id: i64) -> Result<Loaded, AppError> {
    state
        .db
        .run(move |conn| {
            let event = crate::events::queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok(Loaded {
                board: queries::board(conn, id)?,
                topics: queries::all_topics(conn, id)?,
                interest: queries::interest(conn, id)?,
                rooms: queries::rooms(conn, id)?,
                slots: queries::slots(conn, id)?,
                event,
            })
        })
        .await
}

fn plan(l: &Loaded) -> Vec<Placement> {
    let wanted: Vec<Wanted> = l
        .topics
        .iter()
        .filter(|t| t.is_open())
        .map(|t| Wanted {
            topic_id: t.id,
            interest: l.interest.get(&t.id).copied().unwrap_or(0),
            proposer: t.proposer_key(),
            placed: t.slot_id.zip(t.room_id),
        })
        .collect();
    let slots: Vec<i64> = l.slots.iter().map(|s| s.id).collect();
    let rooms: Vec<RoomSize> = l
        .rooms
        .iter()
        .map(|r| RoomSize {
            room_id: r.id,
            capacity: r.capacity,
        })
        .collect();
    schedule::suggest(&wanted, &slots, &rooms)
}

fn cell_label(l: &Loaded, lang: Lang, slot_id: i64, room_id: i64) -> String {
    let slot = l.slots.iter().find(|s| s.id == slot_id);
    let room = l.rooms.iter().find(|r| r.id == room_id);
    match (slot, room) {
        (Some(s), Some(r)) => format!("{} · {}", slot_time(s, &l.event, lang), r.name),
        _ => String::new(),
    }
}

fn datetime_local(t: NaiveDateTime, event: &Event) -> String {
    format::local(t, event.tz())
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

async fn render_page(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    shown: impl Into<Rejected<Typed>>,
    suggest: bool,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form: typed,
        errors,
        status,
    } = shown.into();
    let ctx = admin_ctx(state, ctx, "events").await?;
    let lang = ctx.lang;
    let l = load(state, id).await?;
    let event = &l.event;
    let title_of = |id: i64| {
        l.topics
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.title.clone())
            .unwrap_or_default()
    };
    let suggestion = suggest.then(|| {
        plan(&l)
            .iter()
            .map(|p| SuggestedRow {
                title: title_of(p.topic_id),
                place: cell_label(&l, lang, p.slot_id, p.room_id),
            })
            .collect()
    });
    let last_end = l.slots.last().map(|s| s.ends_at).unwrap_or(event.starts_at);
    let open: Vec<Topic> = l.topics.iter().filter(|t| t.is_open()).cloned().collect();
    let page = TopicsPage {
        event_id: id,
        title: event.title(lang).to_string(),
        public_href: format!("{}topics/", event.path(lang)),
        version: l.board.version,
        limits: typed.limits.unwrap_or_else(|| LimitsForm {
            dots: l.board.dots_per_attendee.to_string(),
            proposals: l.board.proposals_per_person.to_string(),
            max_topics: l.board.max_topics.to_string(),
            ..LimitsForm::default()
        }),
        room_form: typed.room.unwrap_or_default(),
        slot_form: typed.slot.unwrap_or_else(|| SlotForm {
            slot_start: datetime_local(last_end, event),
            slot_end: datetime_local(last_end + chrono::Duration::minutes(45), event),
            ..SlotForm::default()
        }),
        topic_form: typed.topic.unwrap_or_else(|| TopicForm::blank(lang)),
        add_topic_action: format!("/admin/events/{id}/topics/add"),
        errors,
        cells: l
            .slots
            .iter()
            .flat_map(|s| {
                l.rooms.iter().map(move |r| CellChoice {
                    value: format!("{}:{}", s.id, r.id),
                    label: String::new(),
                })
            })
            .map(|mut c| {
                let (s, r) = c.value.split_once(':').unwrap_or_default();
                c.label = cell_label(
                    &l,
                    lang,
                    s.parse().unwrap_or_default(),
                    r.parse().unwrap_or_default(),
                );
                c
            })
            .collect(),
        slots: l
            .slots
            .iter()
            .map(|s| (s.id, slot_time(s, event, lang)))
            .collect(),
        grid: grid(event, lang, &l.slots, &l.rooms, &open, &l.interest, now()),
        rows: {
            let mut rows: Vec<TopicRow> = l
                .topics
                .iter()
                .map(|t| TopicRow {
                    id: t.id,
                    title: t.title.clone(),
                    proposer: t.proposer_name.clone(),
                    by_organizers: t.is_organizer_suggestion(),
                    lang: t.lang.code().to_uppercase(),
                    interest: l.interest.get(&t.id).copied().unwrap_or(0),
                    status: t.status,
                    cell: t
                        .slot_id
                        .zip(t.room_id)
                        .map(|(s, r)| format!("{s}:{r}"))
                        .unwrap_or_default(),
                    merged_into: t.merged_into_id.map(title_of),
                })
                .collect();
            rows.sort_by(|a, b| {
                (a.status != TopicStatus::Open)
                    .cmp(&(b.status != TopicStatus::Open))
                    .then(b.interest.cmp(&a.interest))
            });
            rows
        },
        open_topics: open.iter().map(|t| (t.id, t.title.clone())).collect(),
        rooms: l.rooms.clone(),
        suggestion,
        ctx,
    };
    render_status(status, &page)
}

async fn page(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let suggest = query.suggest == "1";
    render_page(&state, ctx, path.into_inner(), Typed::default(), suggest).await
}

fn back(id: i64) -> HttpResponse {
    see_other(&format!("/admin/events/{id}/topics"))
}

fn count(errors: &mut FieldErrors, field: &'static str, raw: &str, max: i32) -> i32 {
    match raw.trim().parse::<i32>() {
        Ok(n) if (0..=max).contains(&n) => n,
        Ok(_) => {
            errors.add(field, "error-number");
            0
        }
        Err(_) => {
            errors.add(field, "error-number");
            0
        }
    }
}

async fn save_limits(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<LimitsForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let limits = Limits {
        dots_per_attendee: count(&mut errors, "dots", &form.dots, 100),
        proposals_per_person: count(&mut errors, "proposals", &form.proposals, 100),
        max_topics: count(&mut errors, "max_topics", &form.max_topics, 1000),
    };
    if !errors.is_empty() {
        let typed = Typed {
            limits: Some(form),
            ..Typed::default()
        };
        return render_page(&state, ctx, id, Rejected::new(typed, errors), false).await;
    }
    load(&state, id).await?;
    state
        .db
        .run(move |conn| Ok(queries::save_limits(conn, id, limits)?))
        .await?;
    session::flash(&session, FlashKind::Success, "admin-saved");
    Ok(back(id))
}

async fn add_room(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<RoomForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let form = form.into_inner();
    load(&state, id).await?;
    let mut errors = FieldErrors::default();
    let name = errors.text("room_name", &form.room_name, ROOM_NAME_MAX);
    let capacity = count(&mut errors, "room_capacity", &form.room_capacity, 100_000);
    if errors.is_empty() {
        let added = state
            .db
            .run(
                move |conn| match queries::add_room(conn, id, &name, capacity) {
                    Ok(()) => Ok(None),
                    Err(TopicError::Refused(why)) => Ok(Some(why.key())),
                    Err(TopicError::Db(e)) => Err(e.into()),
                },
            )
            .await?;
        match added {
            None => {
                session::flash(&session, FlashKind::Success, "admin-saved");
                return Ok(back(id));
            }
            Some(key) => errors.add("room_name", key),
        }
    }
    let typed = Typed {
        room: Some(form),
        ..Typed::default()
    };
    render_page(&state, ctx, id, Rejected::new(typed, errors), false).await
}

async fn delete_room(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (id, room) = path.into_inner();
    delete_grid_part(&state, &session, id, GridPart::Room(room)).await
}

async fn delete_slot(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let (id, slot) = path.into_inner();
    delete_grid_part(&state, &session, id, GridPart::Slot(slot)).await
}

async fn delete_grid_part(
    state: &AppState,
    session: &Session,
    id: i64,
    part: GridPart,
) -> Result<HttpResponse, AppError> {
    let deleted = state
        .db
        .run(move |conn| Ok(queries::delete_grid_part(conn, id, part)?))
        .await?;
    if !deleted {
        return Err(AppError::NotFound);
    }
    session::flash(session, FlashKind::Success, "admin-deleted");
    Ok(back(id))
}

async fn add_slot(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<SlotForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let form = form.into_inner();
    let event = load(&state, id).await?.event;
    let mut errors = FieldErrors::default();
    let mut parse = |field: &'static str, raw: &str| {
        let local = NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M").ok();
        match local.and_then(|t| local_to_utc(event.tz(), t)) {
            Some(t) => Some(t),
            None => {
                errors.add(
                    field,
                    if raw.trim().is_empty() {
                        "error-required"
                    } else {
                        "error-datetime"
                    },
                );
                None
            }
        }
    };
    let start = parse("slot_start", &form.slot_start);
    let end = parse("slot_end", &form.slot_end);
    if let (Some(start), Some(end)) = (start, end) {
        if end <= start {
            errors.add("slot_end", "error-end-before-start");
        } else {
            state
                .db
                .run(move |conn| Ok(queries::add_slot(conn, id, start, end)?))
                .await?;
            session::flash(&session, FlashKind::Success, "admin-saved");
            return Ok(back(id));
        }
    }
    let typed = Typed {
        slot: Some(form),
        ..Typed::default()
    };
    render_page(&state, ctx, id, Rejected::new(typed, errors), false).await
}

async fn add_topic(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    organizer: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<TopicForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let form = form.into_inner();
    load(&state, id).await?;
    match form.validate() {
        Ok(input) => {
            let proposer = Proposer::Organizer {
                id: organizer.0.id,
                name: organizer.0.name.clone(),
            };
            state
                .db
                .run(move |conn| {
                    queries::propose(conn, id, &proposer, &input, now()).map_err(AppError::from)
                })
                .await?;
            session::flash(&session, FlashKind::Success, "topic-proposed");
            Ok(back(id))
        }
        Err(errors) => {
            let typed = Typed {
                topic: Some(form),
                ..Typed::default()
            };
            render_page(&state, ctx, id, Rejected::new(typed, errors), false).await
        }
    }
}

/// Runs a change and turns a refusal into a flash message on the board page.
async fn act(
    state: &AppState,
    session: &Session,
    id: i64,
    work: impl FnOnce(&mut crate::db::DbConn, &Event) -> Result<(), TopicError> + Send + 'static,
) -> Result<HttpResponse, AppError> {
    let refused = state
        .db
        .run(move |conn| {
            let event = crate::events::queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            match work(conn, &event) {
                Ok(()) => Ok(None),
                Err(TopicError::Refused(why)) => Ok(Some(why.key())),
                Err(TopicError::Db(e)) => Err(e.into()),
            }
        })
        .await?;
    match refused {
        None => session::flash(session, FlashKind::Success, "admin-saved"),
        Some(key) => session::flash(session, FlashKind::Error, key),
    }
    Ok(back(id))
}

async fn place(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    form: CsrfForm<CellForm>,
) -> Result<HttpResponse, AppError> {
    let (id, topic) = path.into_inner();
    let cell = match form.cell.trim() {
        "" => None,
        raw => match raw.split_once(':').map(|(s, r)| (s.parse(), r.parse())) {
            Some((Ok(s), Ok(r))) => Some((s, r)),
            _ => return Err(AppError::BadRequest("cell is slot:room".into())),
        },
    };
    let mail_ctx = state.config.mail_context();
    act(&state, &session, id, move |conn, event| {
        queries::place(conn, event, topic, cell, &mail_ctx, now())
    })
    .await
}

async fn hide(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    form: CsrfForm<HideForm>,
) -> Result<HttpResponse, AppError> {
    let (id, topic) = path.into_inner();
    let hidden = form.hidden == "yes";
    act(&state, &session, id, move |conn, _| {
        queries::set_hidden(conn, id, topic, hidden, now())
    })
    .await
}

async fn merge_confirm(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    query: web::Query<MergeQuery>,
) -> Result<HttpResponse, AppError> {
    let (id, from) = path.into_inner();
    let l = load(&state, id).await?;
    let open = |topic: i64| l.topics.iter().find(|t| t.id == topic && t.is_open());
    let source = open(from).ok_or(AppError::NotFound)?;
    let target = query
        .into
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|&into| into != from)
        .and_then(open);
    let Some(target) = target else {
        session::flash(&session, FlashKind::Error, "topic-error-unknown");
        return Ok(back(id));
    };
    let (from_id, into_id) = (source.id, target.id);
    let shared = state
        .db
        .run(move |conn| Ok(queries::shared_dots(conn, from_id, into_id)?))
        .await?;
    let ctx = admin_ctx(&state, ctx, "events").await?;
    let lang = ctx.lang;
    let dots = |t: &Topic| l.interest.get(&t.id).copied().unwrap_or(0);
    render_status(
        actix_web::http::StatusCode::OK,
        &MergePage {
            event_id: id,
            action: format!("/admin/events/{id}/topics/{from}/merge"),
            question: lang.t_args(
                "admin-merge-question",
                &[
                    ("topic", FluentArg::from(source.title.as_str())),
                    ("title", FluentArg::from(target.title.as_str())),
                ],
            ),
            from_title: source.title.clone(),
            from_place: source
                .slot_id
                .zip(source.room_id)
                .map(|(s, r)| cell_label(&l, lang, s, r)),
            into_id,
            moved: dots(source) - shared,
            shared,
            total: dots(target) + dots(source) - shared,
            ctx,
        },
    )
}

async fn merge(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<(i64, i64)>,
    form: CsrfForm<MergeForm>,
) -> Result<HttpResponse, AppError> {
    let (id, topic) = path.into_inner();
    let Ok(into) = form.into.trim().parse::<i64>() else {
        session::flash(&session, FlashKind::Error, "topic-error-unknown");
        return Ok(back(id));
    };
    act(&state, &session, id, move |conn, _| {
        queries::merge(conn, id, topic, into, now())
    })
    .await
}

/// Applies the suggestion the organizer saw, unless the board changed in between.
async fn accept(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<AcceptForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let seen: i64 = form.version.trim().parse().unwrap_or(-1);
    let loaded = load(&state, id).await?;
    let suggested = plan(&loaded);
    let mail_ctx = state.config.mail_context();
    act(&state, &session, id, move |conn, event| {
        queries::apply_plan(conn, event, &suggested, seen, &mail_ctx, now()).map(|_| ())
    })
    .await
}

async fn create_recap(
    state: web::Data<AppState>,
    session: Session,
    organizer: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<RecapForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang: Lang = form
        .lang
        .parse()
        .map_err(|()| AppError::BadRequest("lang".into()))?;
    let author = organizer.0.id;
    let post_id = state
        .db
        .run(move |conn| {
            let event = crate::events::queries::by_id(conn, id)?.ok_or(AppError::NotFound)?;
            Ok(recap::create_draft(conn, &event, lang, author)?)
        })
        .await?;
    session::flash(&session, FlashKind::Success, "recap-created");
    Ok(see_other(&format!("/admin/posts/{post_id}/edit")))
}
