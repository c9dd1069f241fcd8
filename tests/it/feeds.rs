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

#[actix_web::test]
async fn category_feeds_and_sitemap_use_each_languages_slug() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let input = grillplatz::blog::model::CategoryInput {
        slug_de: "ankuendigungen".into(),
        slug_en: "announcements".into(),
        name_de: "Ankündigungen".into(),
        name_en: "Announcements".into(),
    };
    let cat = with_conn(&app, |c| {
        grillplatz::blog::queries::create_category(c, &input)
    })
    .expect("category");
    app.post(
        author,
        PostSpec::published(Lang::En, "invitation", "Invitation").in_category(cat),
    );
    app.post(
        author,
        PostSpec::published(Lang::De, "einladung", "Einladung").in_category(cat),
    );
    let mut client = app.client().await;
    let res = client.get("/en/category/announcements/feed.atom").await;
    assert_eq!(res.status, 200);
    let feed: Feed = res.body.parse().expect("valid category Atom");
    assert!(feed.links().iter().any(|l| l.rel() == "self"
        && l.href() == "http://grillplatz.test/en/category/announcements/feed.atom"));
    assert_eq!(
        feed.id(),
        "http://grillplatz.test/en/category/announcements/"
    );
    assert_eq!(feed.entries()[0].categories()[0].term(), "announcements");
    let old = client.get("/en/category/ankuendigungen/feed.atom").await;
    assert_eq!(old.status, 301);
    assert_eq!(old.location(), "/en/category/announcements/feed.atom");
    let de: Feed = client
        .get("/de/feed.atom")
        .await
        .body
        .parse()
        .expect("valid Atom");
    assert_eq!(de.entries()[0].categories()[0].term(), "ankuendigungen");

    let sitemap = client.get("/sitemap.xml").await;
    sitemap.assert_contains("<loc>http://grillplatz.test/en/category/announcements/</loc>");
    sitemap.assert_contains("<loc>http://grillplatz.test/de/category/ankuendigungen/</loc>");
    sitemap.assert_contains(
        "hreflang=\"en\" href=\"http://grillplatz.test/en/category/announcements/\"",
    );
    sitemap.assert_lacks("/en/category/ankuendigungen/");
    sitemap.assert_lacks("/de/category/announcements/");
}
