//! Feeds, sitemap, robots.txt and the health check.

use atom_syndication::Feed;
use diesel::prelude::*;
use grillplatz::db::schema::posts;
use grillplatz::i18n::Lang;

use crate::support::{PostSpec, TestApp, with_conn};

#[actix_web::test]
async fn atom_feed_is_complete_and_entry_ids_survive_edits() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let cat = app.category("ankuendigungen", "Ankündigungen", "Announcements");
    let id = app.post(
        author,
        PostSpec::published(Lang::De, "einladung", "Einladung").in_category(cat),
    );
    app.post(
        author,
        PostSpec::published(Lang::En, "invitation", "Invitation"),
    );
    let mut client = app.client().await;
    let res = client.get("/de/feed.atom").await;
    assert_eq!(res.status, 200);
    assert!(
        res.header("content-type")
            .starts_with("application/atom+xml")
    );
    let feed: Feed = res.body.parse().expect("valid Atom");
    assert_eq!(feed.id(), "http://grillplatz.test/de/blog/");
    assert!(
        feed.links()
            .iter()
            .any(|l| l.rel() == "self" && l.href() == "http://grillplatz.test/de/feed.atom")
    );
    assert!(!feed.authors().is_empty());
    assert_eq!(feed.entries().len(), 1, "only German posts");
    let entry = &feed.entries()[0];
    assert!(entry.id().starts_with("urn:uuid:"));
    assert_eq!(entry.title().as_str(), "Einladung");
    assert_eq!(
        entry.links()[0].href(),
        "http://grillplatz.test/de/blog/einladung/"
    );
    let first_id = entry.id().to_string();

    with_conn(&app, |conn| {
        diesel::update(posts::table.find(id))
            .set((
                posts::title.eq("Einladung (aktualisiert)"),
                posts::updated_at.eq(grillplatz::clock::now()),
            ))
            .execute(conn)
            .expect("edit")
    });
    let feed: Feed = client
        .get("/de/feed.atom")
        .await
        .body
        .parse()
        .expect("valid Atom");
    assert_eq!(feed.entries()[0].id(), first_id);
    assert_eq!(
        feed.entries()[0].title().as_str(),
        "Einladung (aktualisiert)"
    );

    let res = client.get("/de/category/ankuendigungen/feed.atom").await;
    let feed: Feed = res.body.parse().expect("valid category Atom");
    assert_eq!(feed.entries().len(), 1);
    assert!(feed.title().as_str().contains("Ankündigungen"));
    assert_eq!(client.get("/de/category/nope/feed.atom").await.status, 404);
}

#[actix_web::test]
async fn sitemap_lists_both_languages_with_alternates() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let de = app.post(
        author,
        PostSpec::published(Lang::De, "einladung", "Einladung").tagged("grill"),
    );
    app.post(
        author,
        PostSpec::published(Lang::En, "invitation", "Invitation").translation_of(de),
    );
    app.post(
        author,
        PostSpec::published(Lang::De, "entwurf", "Entwurf").draft(),
    );
    app.event(crate::support::EventSpec::published("sommerfest"));
    let mut client = app.client().await;
    let res = client.get("/sitemap.xml").await;
    assert_eq!(res.status, 200);
    for url in [
        "/de/",
        "/en/",
        "/de/blog/",
        "/en/archive/",
        "/de/blog/einladung/",
        "/en/blog/invitation/",
        "/de/tag/grill/",
        "/en/events/",
        "/de/events/sommerfest/",
    ] {
        res.assert_contains(&format!("<loc>http://grillplatz.test{url}</loc>"));
    }
    res.assert_contains("hreflang=\"en\" href=\"http://grillplatz.test/en/blog/invitation/\"");
    res.assert_lacks("entwurf");
    let robots = client.get("/robots.txt").await;
    robots.assert_contains("Disallow: /admin/");
    robots.assert_contains("Sitemap: http://grillplatz.test/sitemap.xml");
    let health = client.get("/healthz").await;
    assert_eq!(health.status, 200);
    assert_eq!(health.body, "ok");
}
