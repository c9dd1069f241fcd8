//! Pages for anonymous readers can be cached: no cookies, validators, 304s, compression;
//! whatever belongs to a visitor stays private, and a change shows on the next request.

use diesel::prelude::*;
use grillplatz::db::schema::posts;
use grillplatz::i18n::Lang;

use crate::events::rsvp_fields;
use crate::support::{EventSpec, PostSpec, RsvpSpec, TestApp, TopicSpec, with_conn};

const POST: &str = "/de/blog/grillen/";
const EVENT: &str = "/de/events/sommergrillen/";
const PUBLIC: &str = "public, max-age=60, must-revalidate";
const PRIVATE: &str = "private, no-store";

fn varies_on(res: &crate::support::Resp, name: &str) -> bool {
    res.headers
        .get_all("vary")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|v| v.trim().eq_ignore_ascii_case(name))
}

fn site() -> (TestApp, i64) {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let post = app.post(author, PostSpec::published(Lang::De, "grillen", "Grillen"));
    app.event(EventSpec::published("sommergrillen").capacity(10));
    (app, post)
}

#[actix_web::test]
async fn anonymous_readers_get_no_cookie_on_any_public_page() {
    let (app, _) = site();
    let mut client = app.client().await;
    for path in [
        "/de/",
        "/en/",
        "/de/blog/",
        POST,
        EVENT,
        "/de/events/",
        "/de/feed.atom",
        "/de/events/sommergrillen/event.ics",
        "/calendar.ics",
        "/de/newsletter/",
        "/sitemap.xml",
    ] {
        let res = client.get(path).await;
        assert_eq!(res.status, 200, "{path}");
        assert!(
            res.headers.get("set-cookie").is_none(),
            "{path} set {:?}",
            res.header("set-cookie")
        );
        assert_eq!(res.header("cache-control"), PUBLIC, "{path}");
        assert!(res.header("etag").starts_with("W/\""), "{path}");
        assert!(varies_on(&res, "cookie"), "{path}");
    }
}

#[actix_web::test]
async fn a_visitor_registers_from_a_cached_event_page_and_a_forged_form_is_refused() {
    let (app, _) = site();
    let mut client = app.client().await;
    let page = client.get(EVENT).await;
    let token = page.csrf();
    let action = "/de/events/sommergrillen/rsvp";
    // Wrong, missing, or sent from another site: refused, nothing stored.
    let mut forged = rsvp_fields("Mallory", "m@example.org", "0");
    forged.push(("csrf", "a.forged"));
    assert_eq!(client.post(action, &forged).await.status, 403);
    let bare = rsvp_fields("Mallory", "m@example.org", "0");
    assert_eq!(client.post(action, &bare).await.status, 403);
    let mut cross = rsvp_fields("Mallory", "m@example.org", "0");
    cross.push(("csrf", &token));
    let res = client
        .post_with(action, &cross, ("sec-fetch-site", "cross-site"))
        .await;
    assert_eq!(res.status, 403);
    let res = client
        .post_with(action, &cross, ("origin", "https://evil.example"))
        .await;
    assert_eq!(res.status, 403);
    assert!(crate::events::mail_to(&app, "m@example.org").is_empty());
    // The page's own form works, sent from this site.
    let mut fields = rsvp_fields("Jana", "jana@example.org", "1");
    fields.push(("csrf", &token));
    let res = client
        .post_with(action, &fields, ("sec-fetch-site", "same-origin"))
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(crate::events::mail_to(&app, "jana@example.org").len(), 1);
    // A browser that sends only `Origin` is checked against the site's address.
    let mut older = app.client().await;
    let mut fields = rsvp_fields("Olaf", "olaf@example.org", "0");
    fields.push(("csrf", &token));
    let sent = older
        .post_with(action, &fields, ("origin", "http://grillplatz.test"))
        .await;
    assert_eq!(sent.status, 303);
    // The page after the redirect shows the visitor's message: private from now on.
    let after = client.get(res.location()).await;
    assert_eq!(after.header("cache-control"), PRIVATE);
    assert!(after.headers.get("etag").is_none());
    // Once it was shown, the session is over and the pages are the public ones again.
    let later = client.get(EVENT).await;
    assert!(later.headers.get("set-cookie").is_none());
    assert_eq!(later.header("cache-control"), PUBLIC);
}

#[actix_web::test]
async fn the_anonymous_token_never_speaks_for_an_organizer() {
    let (app, _) = site();
    let anonymous = app.client().await.get(POST).await.csrf();
    let mut organizer = app.client().await;
    organizer
        .login("anna@example.org", crate::support::PASSWORD)
        .await;
    let page = organizer.get(POST).await;
    assert_eq!(page.header("cache-control"), PRIVATE);
    assert_ne!(page.csrf(), anonymous);
    let res = organizer
        .post(
            "/de/blog/grillen/comments",
            &[
                ("name", "Anna"),
                ("email", "anna@example.org"),
                ("body", "Hallo"),
                ("csrf", &anonymous),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
}

#[actix_web::test]
async fn an_unchanged_page_is_answered_304_by_its_etag() {
    let (app, _) = site();
    let mut client = app.client().await;
    for path in [
        POST,
        EVENT,
        "/de/feed.atom",
        "/de/events/sommergrillen/event.ics",
    ] {
        let first = client.get(path).await;
        let etag = first.header("etag").to_string();
        let again = client.get_with(path, ("if-none-match", &etag)).await;
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), etag);
        assert_eq!(again.header("cache-control"), PUBLIC);
        // Another tag is another version.
        let other = client
            .get_with(path, ("if-none-match", "W/\"something-else\""))
            .await;
        assert_eq!(other.status, 200, "{path}");
    }
}

#[actix_web::test]
async fn a_feed_reader_asking_if_modified_since_gets_304_until_a_post_changes() {
    let (app, post) = site();
    let mut client = app.client().await;
    let feed = client.get("/de/feed.atom").await;
    let modified = feed.header("last-modified").to_string();
    assert!(modified.ends_with(" GMT"), "{modified:?}");
    let again = client
        .get_with("/de/feed.atom", ("if-modified-since", &modified))
        .await;
    assert_eq!(again.status, 304);
    with_conn(&app, |c| {
        diesel::update(posts::table.find(post))
            .set((
                posts::title.eq("Grillen, neu"),
                posts::updated_at.eq(grillplatz::clock::now() + chrono::Duration::minutes(5)),
            ))
            .execute(c)
            .expect("edit")
    });
    let edited = client
        .get_with("/de/feed.atom", ("if-modified-since", &modified))
        .await;
    assert_eq!(edited.status, 200);
    edited.assert_contains("Grillen, neu");
}

#[actix_web::test]
async fn an_edit_a_comment_and_an_rsvp_show_on_the_very_next_request() {
    let (app, post) = site();
    let mut client = app.client().await;
    let etag = client.get(POST).await.header("etag").to_string();
    // A published edit.
    with_conn(&app, |c| {
        diesel::update(posts::table.find(post))
            .set(posts::body_html.eq("<p>Neuer Text über Holzkohle</p>"))
            .execute(c)
            .expect("edit")
    });
    let edited = client.get_with(POST, ("if-none-match", &etag)).await;
    assert_eq!(edited.status, 200);
    edited.assert_contains("Neuer Text über Holzkohle");
    // A new approved comment.
    let etag = edited.header("etag").to_string();
    app.comment(
        post,
        "Olaf",
        "olaf@example.org",
        "Ich bringe Salat mit",
        true,
    );
    let commented = client.get_with(POST, ("if-none-match", &etag)).await;
    assert_eq!(commented.status, 200);
    commented.assert_contains("Ich bringe Salat mit");
    // An RSVP that changes the places left.
    let page = client.get(EVENT).await;
    page.assert_contains("Noch 10 von 10 Plätzen frei");
    let etag = page.header("etag").to_string();
    let mut other = app.client().await;
    other
        .submit(
            EVENT,
            "/de/events/sommergrillen/rsvp",
            &rsvp_fields("Jana", "jana@example.org", "0"),
        )
        .await;
    let confirm = crate::events::link(
        &crate::events::mail_to(&app, "jana@example.org")[0].1,
        "/de/rsvp/confirm/",
    );
    assert_eq!(other.submit(&confirm, &confirm, &[]).await.status, 200);
    let fuller = client.get_with(EVENT, ("if-none-match", &etag)).await;
    assert_eq!(fuller.status, 200);
    fuller.assert_contains("Noch 9 von 10 Plätzen frei");
}

#[actix_web::test]
async fn responses_are_compressed_only_when_asked() {
    let (app, _) = site();
    let mut client = app.client().await;
    let plain = client.get(POST).await;
    assert!(plain.headers.get("content-encoding").is_none());
    for (asked, got) in [("gzip", "gzip"), ("br", "br"), ("br, gzip;q=0.5", "br")] {
        let res = client.get_with(POST, ("accept-encoding", asked)).await;
        assert_eq!(res.status, 200);
        assert_eq!(res.header("content-encoding"), got, "{asked}");
        assert!(varies_on(&res, "accept-encoding"), "{asked}");
        assert!(res.body.len() < plain.body.len(), "{asked} is smaller");
        // The tag names the page, whatever its encoding.
        assert_eq!(res.header("etag"), plain.header("etag"));
    }
    let res = client.get_with(POST, ("accept-encoding", "identity")).await;
    assert!(res.headers.get("content-encoding").is_none());
}

#[actix_web::test]
async fn personal_and_secret_link_pages_are_never_stored() {
    let (app, _) = site();
    let mut client = app.client().await;
    client
        .submit(
            EVENT,
            "/de/events/sommergrillen/rsvp",
            &rsvp_fields("Jana", "jana@example.org", "0"),
        )
        .await;
    let confirm = crate::events::link(
        &crate::events::mail_to(&app, "jana@example.org")[0].1,
        "/de/rsvp/confirm/",
    );
    let mut fresh = app.client().await;
    let page = fresh.get(&confirm).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("cache-control"), PRIVATE);
    assert!(page.headers.get("etag").is_none());
    // The confirmation remembers the attendee: the board is theirs from now on.
    fresh.submit(&confirm, &confirm, &[]).await;
    let board = fresh.get("/de/events/sommergrillen/topics/").await;
    assert_eq!(board.status, 200);
    assert_eq!(board.header("cache-control"), PRIVATE);
    // Static files stay cacheable for everyone.
    let css = board
        .html()
        .select(&scraper::Selector::parse("link[rel=stylesheet]").expect("selector"))
        .next()
        .and_then(|link| link.value().attr("href").map(str::to_string))
        .expect("a stylesheet");
    let css = fresh.get(&css).await;
    assert_eq!(css.status, 200);
    assert_eq!(
        css.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    let healthz = fresh.get("/healthz").await;
    assert_eq!(healthz.header("cache-control"), PRIVATE);
}

#[actix_web::test]
async fn the_live_board_streams_uncompressed_even_when_compression_is_asked() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("wand").capacity(30));
    let rsvp = app.rsvp(event_id, RsvpSpec::confirmed("Ann"));
    app.topic(event_id, rsvp.id, TopicSpec::new("Live-Thema"));
    let mut viewer = app.client().await;
    let (status, headers, body) = viewer
        .open_stream_with(
            "/de/events/wand/board/stream",
            ("accept-encoding", "br, gzip"),
        )
        .await;
    assert_eq!(status, 200);
    let encoding = headers
        .get("content-encoding")
        .and_then(|v| v.to_str().ok());
    assert_eq!(encoding, Some("identity"));
    assert!(headers.get("etag").is_none());
    let mut body = Box::pin(body);
    let first = crate::topics::next_event(&mut body, std::time::Duration::from_secs(5))
        .await
        .expect("the board arrives at once, not when a buffer fills");
    assert!(first.contains("Live-Thema"), "{first}");
}
