//! Page-rendering benchmark: the real app in-process on a demo SQLite database.
//! Every page's time is reported as a ratio to `/healthz` (one trivial query) measured
//! in the same run, so the figures compare across machines.
//!
//! The live board's latency (a vote committed → the board's event stream delivers it) is
//! reported against the board's polling interval.
//!
//! The fan-out case: latency of `/healthz` and the topic board while `VIEWERS` live streams
//! are open and a dot toggles, as ratios to the same with the dot toggling but no streams.
//!
//! Run with `cargo bench --bench pages`.

use std::time::{Duration, Instant};

use actix_web::{test, web};
use grillplatz::config::Config;
use grillplatz::db::{self, Db};
use grillplatz::{AppState, app};

const ROUNDS: usize = 7;
const REQUESTS: usize = 200;
/// Open live streams in the fan-out case.
const VIEWERS: usize = 300;

/// The demo's upcoming event: its slug follows the date the demo ran on.
fn next_event(state: &web::Data<AppState>) -> grillplatz::events::model::Event {
    let mut conn = state.db.pool().get().expect("conn");
    grillplatz::events::queries::upcoming(&mut conn, grillplatz::clock::now())
        .expect("query")
        .into_iter()
        .next()
        .expect("the demo has an upcoming event")
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

#[actix_web::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_string_lossy().into_owned();
    let mut config =
        Config::from_lookup(|name| (name == "GRILLPLATZ_DATA_DIR").then(|| data.clone()))
            .expect("config");
    config.database_url = dir
        .path()
        .join("bench.sqlite")
        .to_string_lossy()
        .into_owned();
    config.ensure_secret_key().expect("secret");
    let pool = db::connect(&config.database_url, 8).expect("pool");
    db::migrate(&mut pool.get().expect("conn")).expect("migrate");
    grillplatz::demo::fill(&mut pool.get().expect("conn")).expect("demo");
    let state = web::Data::new(AppState::new(config, Db::new(pool)));
    let service = test::init_service(app(state.clone())).await;

    let event = format!("/de/events/{}/", next_event(&state).slug);
    let paths = [
        "/healthz".to_string(),
        "/de/".into(),
        "/de/blog/".into(),
        "/de/blog/rueckblick-sommergrillen/".into(),
        "/en/archive/".into(),
        event.clone(),
        format!("{event}topics/"),
        format!("{event}schedule/"),
        format!("{event}board/"),
        "/de/feed.atom".into(),
        "/sitemap.xml".into(),
        "/calendar.ics".into(),
    ];
    let mut results = Vec::new();
    for path in paths {
        let time = per_request(&service, &path).await;
        results.push((path, time));
    }
    let reference = results[0].1.as_secs_f64();
    println!("{:<40} {:>12} {:>10}", "page", "per request", "× healthz");
    for (path, time) in &results {
        println!(
            "{:<40} {:>10.0}µs {:>10.1}",
            path,
            time.as_secs_f64() * 1e6,
            time.as_secs_f64() / reference
        );
    }
    live_board_latency(&service, &state).await;
    live_fanout(&service, &state).await;
}

/// The median time of one GET of `path` over `ROUNDS` rounds of `REQUESTS` requests.
async fn per_request<S, B>(service: &S, path: &str) -> Duration
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let mut rounds = Vec::new();
    for _ in 0..ROUNDS {
        let start = Instant::now();
        for _ in 0..REQUESTS {
            let res =
                test::call_service(service, test::TestRequest::get().uri(path).to_request()).await;
            assert!(res.status().is_success(), "{path}: {}", res.status());
            let _ = test::read_body(res).await;
        }
        rounds.push(start.elapsed() / REQUESTS as u32);
    }
    median(rounds)
}

/// Votes on the demo board one dot at a time and waits for each update on the stream.
async fn live_board_latency<S, B>(service: &S, state: &web::Data<AppState>)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    use grillplatz::topics::queries;

    let mut conn = state.db.pool().get().expect("conn");
    let event = next_event(state);
    let topics = queries::open_topics(&mut conn, event.id).expect("topics");
    let voter = queries::attendee(&mut conn, event.id, 1)
        .expect("query")
        .expect("a confirmed demo attendee");
    let res = test::call_service(
        service,
        test::TestRequest::get()
            .uri(&format!("/de/events/{}/board/stream", event.slug))
            .to_request(),
    )
    .await;
    let mut body = Box::pin(res.into_body());
    let mut next_event = async || {
        let mut text = String::new();
        while !text.contains("\n\n") {
            let chunk = std::future::poll_fn(|cx| body.as_mut().poll_next(cx))
                .await
                .expect("stream open")
                .ok()
                .expect("chunk");
            text.push_str(&String::from_utf8_lossy(&chunk));
        }
    };
    next_event().await;
    let mut samples = Vec::new();
    // One topic's dot, taken back and given again: every round changes the board. The
    // stream is read while the vote happens, at a different point of its polling cycle
    // each round, as on a real projector.
    let topic = topics[0].id;
    for round in 0..20u64 {
        let pause = Duration::from_millis(40 + round * 173 % 460);
        let reading = async {
            next_event().await;
            Instant::now()
        };
        let voting = async {
            tokio::time::sleep(pause).await;
            let had_dot = queries::dots_of(&mut conn, voter.id)
                .expect("dots")
                .contains(&topic);
            let changed = if had_dot {
                queries::unvote(&mut conn, event.id, voter.id, topic)
            } else {
                let now = grillplatz::clock::now();
                queries::vote(&mut conn, event.id, voter.id, topic, now)
            };
            assert!(changed.is_ok(), "the demo voter can toggle a dot");
            Instant::now()
        };
        let (delivered, voted) = tokio::join!(reading, voting);
        samples.push(delivered.saturating_duration_since(voted));
    }
    let poll = Duration::from_millis(500);
    let median_latency = median(samples.clone());
    let worst = samples.iter().max().copied().unwrap_or_default();
    println!(
        "live board: vote → stream event median {:.0} ms, worst {:.0} ms over {} votes \
         ({:.2} × and {:.2} × the {} ms poll interval)",
        median_latency.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3,
        samples.len(),
        median_latency.as_secs_f64() / poll.as_secs_f64(),
        worst.as_secs_f64() / poll.as_secs_f64(),
        poll.as_millis()
    );
}

/// `/healthz` and the topic board with and without `VIEWERS` open streams, a dot
/// toggling on the board throughout (faster than the poll, so every poll finds a change).
async fn live_fanout<S, B>(service: &S, state: &web::Data<AppState>)
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody + 'static,
{
    use grillplatz::topics::queries;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};

    let event = next_event(state);
    let (event_id, voter, topic) = {
        let mut conn = state.db.pool().get().expect("conn");
        let topics = queries::open_topics(&mut conn, event.id).expect("topics");
        (event.id, 1, topics[0].id)
    };
    let toggles = Arc::new(AtomicU64::new(0));
    let toggler = {
        let (state, toggles) = (state.clone(), toggles.clone());
        actix_web::rt::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(200)).await;
                let toggled = state
                    .db
                    .run(move |conn| {
                        let had_dot = queries::dots_of(conn, voter)?.contains(&topic);
                        let now = grillplatz::clock::now();
                        let done = if had_dot {
                            queries::unvote(conn, event_id, voter, topic)
                        } else {
                            queries::vote(conn, event_id, voter, topic, now)
                        };
                        Ok(done.is_ok())
                    })
                    .await;
                assert!(matches!(toggled, Ok(true)), "the demo voter toggles a dot");
                toggles.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let healthz = "/healthz";
    let board = &format!("/de/events/{}/topics/", event.slug);
    let hub = &state.live;
    let (mut quiet, mut busy) = (Samples::default(), Samples::default());
    let (mut renders, mut polls, mut changes, mut delivered) = (0, 0, 0, 0);
    // Quiet and busy windows take turns, so load from outside the bench hits both alike.
    for _ in 0..FANOUT_ROUNDS {
        quiet.take(service, healthz, board).await;
        let events = Arc::new(AtomicU64::new(0));
        let mut readers = Vec::new();
        for _ in 0..VIEWERS {
            let res = test::call_service(
                service,
                test::TestRequest::get()
                    .uri(&format!("/de/events/{}/board/stream", event.slug))
                    .to_request(),
            )
            .await;
            assert!(res.status().is_success(), "stream: {}", res.status());
            let mut body = Box::pin(res.into_body());
            let events = events.clone();
            readers.push(actix_web::rt::spawn(async move {
                while let Some(Ok(_)) = std::future::poll_fn(|cx| body.as_mut().poll_next(cx)).await
                {
                    events.fetch_add(1, Ordering::Relaxed);
                }
            }));
        }
        let before = (hub.renders(), hub.polls(), toggles.load(Ordering::Relaxed));
        busy.take(service, healthz, board).await;
        renders += hub.renders() - before.0;
        polls += hub.polls() - before.1;
        changes += toggles.load(Ordering::Relaxed) - before.2;
        for reader in readers {
            reader.abort();
            let _ = reader.await;
        }
        delivered += events.load(Ordering::Relaxed);
    }
    toggler.abort();
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "live fan-out: {VIEWERS} streams open vs. none, a dot toggling every 200 ms in both \
         ({FANOUT_ROUNDS} × {:.0} s each, requests to both pages alternating):",
        WINDOW.as_secs_f64()
    );
    println!(
        "  {:<34} {:>22} {:>22} {:>14}",
        "", "median no streams → streams", "p99 no streams → streams", "median ×, p99 ×"
    );
    for (path, without, with) in [
        (healthz, &quiet.healthz, &busy.healthz),
        (board, &quiet.board, &busy.board),
    ] {
        let (m0, m1) = (median(without.clone()), median(with.clone()));
        let (p0, p1) = (p99(without), p99(with));
        println!(
            "  {:<34} {:>9.2} → {:>6.2} ms {:>9.2} → {:>6.2} ms {:>6.2}, {:>5.2}",
            path,
            ms(m0),
            ms(m1),
            ms(p0),
            ms(p1),
            ratio(m1, m0),
            ratio(p1, p0)
        );
    }
    println!(
        "  topic board × healthz (median): {:.1} without streams, {:.1} with",
        ratio(median(quiet.board.clone()), median(quiet.healthz.clone())),
        ratio(median(busy.board.clone()), median(busy.healthz.clone()))
    );
    println!(
        "  with streams: {changes} toggles, {polls} version reads, {renders} renders, \
         {delivered} events delivered; {} streams open after closing them",
        hub.open_streams()
    );
}

/// Rounds of quiet and busy windows in the fan-out case, and how long each window lasts
/// (several polls, so every window holds board changes going out to the streams).
const FANOUT_ROUNDS: usize = 3;
const WINDOW: Duration = Duration::from_secs(3);

/// Single request latencies of the two pages in the fan-out case.
#[derive(Default)]
struct Samples {
    healthz: Vec<Duration>,
    board: Vec<Duration>,
}

impl Samples {
    /// Alternates GETs of `healthz` and `board` for one `WINDOW`.
    async fn take<S, B>(&mut self, service: &S, healthz: &str, board: &str)
    where
        S: actix_web::dev::Service<
                actix_http::Request,
                Response = actix_web::dev::ServiceResponse<B>,
                Error = actix_web::Error,
            >,
        B: actix_web::body::MessageBody,
    {
        let end = Instant::now() + WINDOW;
        while Instant::now() < end {
            for (path, into) in [(healthz, &mut self.healthz), (board, &mut self.board)] {
                let start = Instant::now();
                let res =
                    test::call_service(service, test::TestRequest::get().uri(path).to_request())
                        .await;
                assert!(res.status().is_success(), "{path}: {}", res.status());
                let _ = test::read_body(res).await;
                into.push(start.elapsed());
            }
        }
    }
}

fn p99(samples: &[Duration]) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted[(sorted.len() * 99 / 100).min(sorted.len() - 1)]
}
