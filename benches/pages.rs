//! Page-rendering benchmark: the real app in-process on a demo SQLite database.
//! Every page's time is reported as a ratio to `/healthz` (one trivial query) measured
//! in the same run, so the figures compare across machines.
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
    let state = web::Data::new(AppState {
        config,
        db: Db::new(pool),
    });
    let service = test::init_service(app(state)).await;

    let paths = [
        "/healthz",
        "/de/",
        "/de/blog/",
        "/de/blog/rueckblick-sommergrillen/",
        "/en/archive/",
        "/de/events/grillen-2027/",
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
}
