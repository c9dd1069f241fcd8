//! `grillplatz demo` fills an empty database with content worth looking at.

use diesel::prelude::*;
use grillplatz::db::schema::{categories, posts};

use crate::support::{TestApp, with_conn};

#[actix_web::test]
async fn demo_content_covers_both_languages_drafts_and_schedules() {
    let app = TestApp::new();
    let summary = with_conn(&app, grillplatz::demo::fill).expect("demo");
    assert!(summary.posts >= 10 && summary.comments >= 5, "{summary:?}");
    let now = grillplatz::clock::now();
    let rows: Vec<(
        String,
        String,
        Option<chrono::NaiveDateTime>,
        Option<String>,
    )> = with_conn(&app, |c| {
        posts::table
            .select((
                posts::lang,
                posts::status,
                posts::published_at,
                posts::translation_key,
            ))
            .load(c)
            .expect("posts")
    });
    for lang in ["de", "en"] {
        let visible = rows
            .iter()
            .filter(|(l, s, at, _)| l == lang && s == "published" && at.is_some_and(|t| t <= now))
            .count();
        assert!(visible >= 4, "{lang}: {visible} published posts");
    }
    assert!(rows.iter().any(|(_, s, _, _)| s == "draft"));
    assert!(
        rows.iter()
            .any(|(_, s, at, _)| s == "published" && at.is_some_and(|t| t > now))
    );
    assert!(rows.iter().filter(|(_, _, _, key)| key.is_some()).count() >= 2);
    let slugs: Vec<String> = with_conn(&app, |c| {
        categories::table
            .select(categories::slug)
            .load(c)
            .expect("categories")
    });
    for slug in ["deutsch", "english", "allgemein"] {
        assert!(slugs.contains(&slug.to_string()), "{slug}");
    }
    let mut client = app.client().await;
    let en = client.get("/en/blog/").await;
    assert_eq!(en.status, 200);
    assert!(en.body.matches("class=\"post-card\"").count() >= 4);
    assert_eq!(summary.events, 2);
    let events = client.get("/de/events/").await;
    events.assert_contains("Entwickler- und Admin-Grillen");
    events.assert_contains("Zum Rückblick<span class=\"visually-hidden\">: Rückblick");
    client
        .get("/en/events/")
        .await
        .assert_contains("Read the recap<span class=\"visually-hidden\">: Recap: our summer BBQ");
    let page = client.get("/de/events/grillen-2027/").await;
    page.assert_contains("Alle 12 Plätze sind vergeben");
    page.assert_contains("Grillen im Hof");
    // Filling twice is refused rather than duplicating everything.
    assert!(with_conn(&app, grillplatz::demo::fill).is_err());
}
