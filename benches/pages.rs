//! Page-rendering benchmark: the real app in-process on a demo SQLite database.
//! Every page's time is reported as a ratio to `/healthz` (one trivial query) measured
//! in the same run, so the figures compare across machines.
//!
//! The live board's latency (a vote committed → the board's event stream delivers it) is
//! reported against the board's polling interval.
//!
//! Run with `cargo bench --bench pages`.

use std::time::{Duration, Instant};

use actix_web::{test, web};
use grillplatz::config::Config;
use grillplatz::db::{self, Db};
use grillplatz::{AppState, app};

const ROUNDS: usize = 7;
const REQUESTS: usize = 200;

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

    let paths = [
        "/healthz",
        "/de/",
        "/de/blog/",
        "/de/blog/rueckblick-sommergrillen/",
        "/en/archive/",
        "/de/events/grillen-2027/",
        "/de/events/grillen-2027/topics/",
        "/de/events/grillen-2027/schedule/",
        "/de/events/grillen-2027/board/",
        "/de/feed.atom",
        "/sitemap.xml",
        "/calendar.ics",
    ];
    let mut results = Vec::new();
    for path in paths {
        let mut rounds = Vec::new();
        for _ in 0..ROUNDS {
            let start = Instant::now();
            for _ in 0..REQUESTS {
                let res =
                    test::call_service(&service, test::TestRequest::get().uri(path).to_request())
                        .await;
                assert!(res.status().is_success(), "{path}: {}", res.status());
                let _ = test::read_body(res).await;
            }
            rounds.push(start.elapsed() / REQUESTS as u32);
        }
        results.push((path, median(rounds)));
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
    let event = grillplatz::events::queries::public_by_slug(&mut conn, "grillen-2027")
        .expect("query")
        .expect("demo event");
    let topics = queries::open_topics(&mut conn, event.id).expect("topics");
    let voter = queries::attendee(&mut conn, event.id, 1)
        .expect("query")
        .expect("a confirmed demo attendee");
    let res = test::call_service(
        service,
        test::TestRequest::get()
            .uri("/de/events/grillen-2027/board/stream")
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
                let now = grillplatz::blog::queries::now();
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
