//! The live board for the projector: one poller per board and instance renders it when its
//! version moves, and every open event stream only forwards that shared frame.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::NaiveDateTime;
use tokio::sync::watch;

use super::handlers::load_event;
use super::model::board_path;
use super::pages::{LiveFragment, LivePage, card, grid, places};
use super::queries;
use crate::AppState;
use crate::clock::now;
use crate::error::AppError;
use crate::events::model::{Event, EventStatus};
use crate::i18n::{Lang, format};
use crate::web::{PageCtx, render};

/// How often a watched board asks the database whether it changed. The version lives in
/// the database, so a change made through any instance reaches every open board.
pub const LIVE_POLL: Duration = Duration::from_millis(500);
/// A comment line keeps proxies from closing an idle event stream.
const LIVE_KEEPALIVE: Duration = Duration::from_secs(15);
/// What a refused stream is told; the page reloads itself on the same rhythm.
const RETRY_AFTER: &str = "30";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/events/{slug}/board/", web::get().to(live))
        .route("/events/{slug}/board/stream", web::get().to(stream));
}

/// One rendering of a board, shared by all its viewers.
#[derive(Debug)]
pub struct Frame {
    pub version: i64,
    /// When a slot starts or ends next: the "happening now" mark moves then, so the frame
    /// is rendered again even if the board did not change.
    pub next_change: Option<NaiveDateTime>,
    /// The fragment's HTML, for the live page itself.
    pub html: String,
    /// The same as one Server-Sent Event.
    pub event: Bytes,
}

type Key = (i64, Lang);
type Channel = Arc<watch::Sender<Option<Arc<Frame>>>>;

/// The live boards this process serves: one channel (and poller) per board and language,
/// and the count of open streams against `GRILLPLATZ_LIVE_STREAMS`.
#[derive(Debug)]
pub struct LiveHub {
    max_streams: usize,
    open: Arc<AtomicUsize>,
    boards: Mutex<HashMap<Key, Channel>>,
    pollers: AtomicU64,
    polls: AtomicU64,
    renders: AtomicU64,
}

impl LiveHub {
    pub fn new(max_streams: usize) -> LiveHub {
        LiveHub {
            max_streams,
            open: Arc::new(AtomicUsize::new(0)),
            boards: Mutex::new(HashMap::new()),
            pollers: AtomicU64::new(0),
            polls: AtomicU64::new(0),
            renders: AtomicU64::new(0),
        }
    }

    /// Event streams open right now.
    pub fn open_streams(&self) -> usize {
        self.open.load(Ordering::Acquire)
    }

    /// Pollers started so far (one per board while it has viewers).
    pub fn pollers(&self) -> u64 {
        self.pollers.load(Ordering::Relaxed)
    }

    /// Version reads so far.
    pub fn polls(&self) -> u64 {
        self.polls.load(Ordering::Relaxed)
    }

    /// Board renderings so far.
    pub fn renders(&self) -> u64 {
        self.renders.load(Ordering::Relaxed)
    }

    /// The latest frame of a board that someone on this instance watches.
    pub fn current(&self, event_id: i64, lang: Lang) -> Option<Arc<Frame>> {
        self.lock()
            .get(&(event_id, lang))
            .and_then(|tx| tx.borrow().clone())
    }

    // A panic elsewhere must not take every live board down with it.
    fn lock(&self) -> MutexGuard<'_, HashMap<Key, Channel>> {
        self.boards.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A place for one more stream, unless the instance already holds its maximum.
    fn admit(&self) -> Option<Ticket> {
        self.open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.max_streams).then_some(n + 1)
            })
            .ok()
            .map(|_| Ticket(self.open.clone()))
    }

    /// Forgets `tx` when nobody watches it any more. Checked under the lock, so a viewer
    /// arriving at the same moment either joins this channel or starts a new one.
    fn release_if_unwatched(&self, key: Key, tx: &Channel) -> bool {
        let mut boards = self.lock();
        if tx.receiver_count() > 0 {
            return false;
        }
        forget(&mut boards, key, tx);
        true
    }
}

fn forget(boards: &mut HashMap<Key, Channel>, key: Key, tx: &Channel) {
    if boards.get(&key).is_some_and(|t| Arc::ptr_eq(t, tx)) {
        boards.remove(&key);
    }
}

/// One admitted stream; gives its place back when the stream is dropped.
#[derive(Debug)]
struct Ticket(Arc<AtomicUsize>);

impl Drop for Ticket {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Joins the board's channel, starting its poller for the first viewer.
fn subscribe(
    state: &web::Data<AppState>,
    event_id: i64,
    lang: Lang,
) -> watch::Receiver<Option<Arc<Frame>>> {
    let hub = &state.live;
    let key = (event_id, lang);
    let mut boards = hub.lock();
    if let Some(tx) = boards.get(&key) {
        return tx.subscribe();
    }
    let (tx, rx) = watch::channel(None);
    let tx = Arc::new(tx);
    boards.insert(key, tx.clone());
    drop(boards);
    hub.pollers.fetch_add(1, Ordering::Relaxed);
    actix_web::rt::spawn(poll(state.clone(), key, tx));
    rx
}

/// Removes the channel however the poller ends, so its viewers' streams close and the
/// next viewer starts afresh.
struct Leave {
    state: web::Data<AppState>,
    key: Key,
    tx: Channel,
}

impl Drop for Leave {
    fn drop(&mut self) {
        forget(&mut self.state.live.lock(), self.key, &self.tx);
    }
}

/// Reads the board's version every `LIVE_POLL` and publishes a new frame when it moved,
/// until the last viewer is gone or the database fails (browsers then reconnect).
async fn poll(state: web::Data<AppState>, key: Key, tx: Channel) {
    let _leave = Leave {
        state: state.clone(),
        key,
        tx: tx.clone(),
    };
    let (event_id, lang) = key;
    let ctx = neutral(&state, lang);
    let mut seen = None;
    loop {
        if state.live.release_if_unwatched(key, &tx) {
            return;
        }
        state.live.polls.fetch_add(1, Ordering::Relaxed);
        let version = state
            .db
            .run(move |conn| Ok(queries::version(conn, event_id)?))
            .await;
        let due = tx
            .borrow()
            .as_ref()
            .and_then(|f| f.next_change)
            .is_some_and(|t| t <= now());
        match version {
            Ok(v) if Some(v) != seen || due => match render_frame(&state, &ctx, event_id).await {
                Ok(Some(frame)) => {
                    seen = Some(frame.version);
                    tx.send_replace(Some(Arc::new(frame)));
                }
                Ok(None) => return,
                Err(e) => {
                    tracing::warn!(error = %e, event_id, "live board stopped");
                    return;
                }
            },
            Ok(_) => {}
            Err(e) => {
                tracing::warn!(error = %e, event_id, "live board stopped");
                return;
            }
        }
        tokio::time::sleep(LIVE_POLL).await;
    }
}

/// The fragment's context: the same for every viewer, so it carries no session.
fn neutral(state: &AppState, lang: Lang) -> PageCtx {
    PageCtx::neutral(lang, &state.config.base_url, &state.config.site_name)
}

/// Whether `event` (read by id) still has a public board.
fn has_board(event: &Event) -> bool {
    event.has_topic_board()
        && (event.status == EventStatus::Published || event.status == EventStatus::Cancelled)
}

/// Reads and renders the board once; `None` when the event no longer has a public board.
async fn render_frame(
    state: &AppState,
    ctx: &PageCtx,
    event_id: i64,
) -> Result<Option<Frame>, AppError> {
    let read = state
        .db
        .run(move |conn| {
            // The version first: a change landing during the reads shows as a newer
            // version at the next poll instead of being missed.
            let version = queries::version(conn, event_id)?;
            let Some(event) = crate::events::queries::by_id(conn, event_id)?.filter(has_board)
            else {
                return Ok(None);
            };
            let topics = queries::open_topics(conn, event_id)?;
            let interest = queries::interest(conn, event_id)?;
            let slots = queries::slots(conn, event_id)?;
            let rooms = queries::rooms(conn, event_id)?;
            Ok(Some((version, event, topics, interest, slots, rooms)))
        })
        .await?;
    let Some((version, event, topics, interest, slots, rooms)) = read else {
        return Ok(None);
    };
    let lang = ctx.lang;
    let at = now();
    let next_change = slots
        .iter()
        .flat_map(|s| [s.starts_at, s.ends_at])
        .filter(|&t| t > at)
        .min();
    let places = places(&topics, &slots, &rooms, &event, lang);
    let nobody = HashSet::new();
    let mut wanted: Vec<_> = topics
        .iter()
        .map(|t| card(t, &event, lang, &interest, &nobody, &places))
        .collect();
    wanted.sort_by_key(|t| std::cmp::Reverse(t.interest));
    wanted.truncate(12);
    let html = LiveFragment {
        version,
        grid: grid(&event, lang, &slots, &rooms, &topics, &interest, at),
        wanted,
        updated: format::time(lang, at, event.tz()),
        ctx: ctx.clone(),
    }
    .render()?;
    state.live.renders.fetch_add(1, Ordering::Relaxed);
    Ok(Some(Frame {
        version,
        next_change,
        event: sse("board", version, &html),
        html,
    }))
}

async fn live(
    state: web::Data<AppState>,
    ctx: PageCtx,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (_, slug) = path.into_inner();
    let event = load_event(&state, slug).await?;
    let lang = ctx.lang;
    // A watched board's frame is at most one poll old: reloading projectors reuse it.
    let fragment = match state.live.current(event.id, lang) {
        Some(frame) => frame.html.clone(),
        None => {
            render_frame(&state, &neutral(&state, lang), event.id)
                .await?
                .ok_or(AppError::NotFound)?
                .html
        }
    };
    let join = format!("{}{}", state.config.base_url, board_path(&event, lang));
    render(&LivePage {
        title: event.title(lang).to_string(),
        join_qr: qr_svg(&join),
        join_url: join
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .to_string(),
        stream_href: format!("{}board/stream", event.path(lang)),
        fragment,
        ctx,
    })
}

/// `url` as a QR code in inline SVG, drawn here so the projector needs no outside service.
/// Screen readers skip it: the address stands next to it as text.
pub fn qr_svg(url: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => {
            let image = code
                .render::<svg::Color>()
                .dark_color(svg::Color("#000"))
                .light_color(svg::Color("#fff"))
                .build();
            let start = image.find("<svg").unwrap_or(0);
            image[start..].replacen("<svg ", r#"<svg class="join-qr" aria-hidden="true" "#, 1)
        }
        // Only an address longer than a QR code holds; the text still says it.
        Err(_) => String::new(),
    }
}

/// Server-Sent Events: the board's frame on connect and whenever it changes.
async fn stream(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (lang, slug) = path.into_inner();
    let lang: Lang = lang.parse().map_err(|()| AppError::NotFound)?;
    // Counted before any database work, so a flood of streams costs next to nothing.
    let Some(ticket) = state.live.admit() else {
        return Ok(HttpResponse::ServiceUnavailable()
            .insert_header((header::RETRY_AFTER, RETRY_AFTER))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .content_type("text/plain; charset=utf-8")
            .body(lang.t("live-full")));
    };
    let event = load_event(&state, slug).await?;
    let mut rx = subscribe(&state, event.id, lang);
    // The current frame, if there is one yet, goes out at once.
    rx.mark_changed();
    struct Viewer {
        rx: watch::Receiver<Option<Arc<Frame>>>,
        _ticket: Ticket,
    }
    let viewer = Viewer {
        rx,
        _ticket: ticket,
    };
    let events = futures_util::stream::unfold(viewer, |mut v| async move {
        loop {
            match tokio::time::timeout(LIVE_KEEPALIVE, v.rx.changed()).await {
                Err(_) => {
                    return Some((
                        Ok::<_, actix_web::Error>(Bytes::from_static(b": keepalive\n\n")),
                        v,
                    ));
                }
                // The poller stopped; the browser reconnects on its own.
                Ok(Err(_)) => return None,
                Ok(Ok(())) => {
                    let frame = v.rx.borrow_and_update().clone();
                    if let Some(frame) = frame {
                        return Some((Ok(frame.event.clone()), v));
                    }
                }
            }
        }
    });
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/event-stream"))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(events))
}

/// One Server-Sent Event; every line of `data` gets its own `data:` field.
fn sse(name: &str, id: i64, data: &str) -> Bytes {
    let mut out = format!("event: {name}\nid: {id}\nretry: 2000\n");
    for line in data.lines() {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_an_event_is_a_data_field() {
        let event = sse("board", 7, "<p>a</p>\n<p>b</p>");
        assert_eq!(
            &event[..],
            b"event: board\nid: 7\nretry: 2000\ndata: <p>a</p>\ndata: <p>b</p>\n\n"
        );
    }

    #[test]
    fn the_cap_counts_open_streams_and_frees_a_place_on_drop() {
        let hub = LiveHub::new(2);
        let first = hub.admit().expect("first");
        let _second = hub.admit().expect("second");
        assert!(hub.admit().is_none(), "third is over the cap");
        assert_eq!(hub.open_streams(), 2);
        drop(first);
        assert_eq!(hub.open_streams(), 1);
        assert!(hub.admit().is_some(), "a place again");
    }
}
