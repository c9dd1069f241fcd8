//! A visitor reads the blog in German or English.

use chrono::{Duration, NaiveDate};
use grillplatz::i18n::Lang;

use crate::support::{EventSpec, PostSpec, RsvpSpec, TestApp, with_conn};

#[actix_web::test]
async fn root_redirects_by_cookie_then_accept_language_then_german() {
    let app = TestApp::new();
    let mut client = app.client().await;
    let res = client.get("/").await;
    assert_eq!(res.status, 302);
    assert_eq!(res.location(), "/de/");
    let res = client
        .get_with("/", ("accept-language", "en-GB,en;q=0.9,de;q=0.5"))
        .await;
    assert_eq!(res.location(), "/en/");
    let res = client
        .get_with("/", ("accept-language", "fr-FR, fr;q=0.9"))
        .await;
    assert_eq!(res.location(), "/de/");
    // Reading a page remembers nothing; switching language does, and beats Accept-Language.
    client.get("/en/blog/").await;
    let res = client.get_with("/", ("accept-language", "de")).await;
    assert_eq!(res.location(), "/de/");
    let res = client.get("/lang/en/blog/").await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/en/blog/");
    assert_eq!(res.header("cache-control"), "private, no-store");
    let res = client.get_with("/", ("accept-language", "de")).await;
    assert_eq!(res.location(), "/en/");
    // The switch leads only to the site's own pages.
    for bad in ["/lang/fr/", "/lang//evil.example/"] {
        assert_eq!(client.get(bad).await.status, 404, "{bad}");
    }
}

#[actix_web::test]
async fn every_page_type_has_lang_and_hreflang_alternates() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let cat = app.category("grillen", "Grillen", "Barbecue");
    app.post(
        author,
        PostSpec::published(Lang::De, "hallo", "Hallo")
            .in_category(cat)
            .tagged("rust"),
    );
    let mut client = app.client().await;
    for lang in ["de", "en"] {
        for path in ["", "blog/", "archive/", "category/grillen/", "tag/rust/"] {
            let url = format!("/{lang}/{path}");
            let res = client.get(&url).await;
            assert_eq!(res.status, 200, "{url}");
            res.assert_contains(&format!("<html lang=\"{lang}\">"));
            res.assert_contains(&format!(
                "<link rel=\"alternate\" hreflang=\"de\" href=\"http://grillplatz.test/de/{path}\">"
            ));
            res.assert_contains(&format!(
                "<link rel=\"alternate\" hreflang=\"en\" href=\"http://grillplatz.test/en/{path}\">"
            ));
            res.assert_contains("hreflang=\"x-default\"");
            let other = if lang == "de" { "en" } else { "de" };
            res.assert_contains(&format!(
                "class=\"lang-switch\" href=\"/lang/{other}/{path}\""
            ));
        }
    }
}

#[actix_web::test]
async fn switcher_leads_to_the_translation_or_the_other_blog() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let de = app.post(
        author,
        PostSpec::published(Lang::De, "einladung", "Einladung zum Grillen"),
    );
    app.post(
        author,
        PostSpec::published(Lang::En, "invitation", "Invitation to the BBQ").translation_of(de),
    );
    app.post(
        author,
        PostSpec::published(Lang::De, "nur-deutsch", "Nur auf Deutsch"),
    );
    let mut client = app.client().await;

    let res = client.get("/de/blog/einladung/").await;
    res.assert_contains("class=\"lang-switch\" href=\"/lang/en/blog/invitation/\"");
    res.assert_contains("hreflang=\"en\" href=\"http://grillplatz.test/en/blog/invitation/\"");
    res.assert_contains("Diesen Beitrag gibt es auch auf Englisch");
    let res = client.get("/en/blog/invitation/").await;
    res.assert_contains("class=\"lang-switch\" href=\"/lang/de/blog/einladung/\"");

    let res = client.get("/de/blog/nur-deutsch/").await;
    res.assert_contains("class=\"lang-switch\" href=\"/lang/en/blog/\"");
    res.assert_has(r#"link[rel="alternate"][hreflang="de"]"#);
    res.assert_no(r#"link[rel="alternate"][hreflang="en"]"#);
    res.assert_contains("Diesen Beitrag gibt es nur auf Deutsch.");

    // The German post under an English address: a marker in English, not the German page.
    let res = client.get("/en/blog/nur-deutsch/").await;
    assert_eq!(res.status, 404);
    res.assert_contains("<html lang=\"en\">");
    res.assert_contains("Not available in English");
    res.assert_contains("href=\"/de/blog/nur-deutsch/\"");
}

#[actix_web::test]
async fn a_post_shows_only_in_its_own_language_listing() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    app.post(
        author,
        PostSpec::published(Lang::De, "deutsch", "Ein deutscher Beitrag"),
    );
    let mut client = app.client().await;
    client
        .get("/de/blog/")
        .await
        .assert_contains("Ein deutscher Beitrag");
    let en = client.get("/en/blog/").await;
    en.assert_lacks("Ein deutscher Beitrag");
    en.assert_contains("There are no posts here yet.");
}

#[actix_web::test]
async fn blog_index_pages_ten_posts_newest_first() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let now = grillplatz::clock::now();
    for n in 1..=12 {
        let spec = PostSpec::published(Lang::En, &format!("post-{n}"), &format!("Post number {n}"))
            .at(now - Duration::days(20 - n));
        app.post(author, spec);
    }
    let mut client = app.client().await;
    let first = client.get("/en/blog/").await;
    assert_eq!(first.body.matches("class=\"post-card\"").count(), 10);
    let newest = first.body.find("Post number 12").expect("newest listed");
    let older = first.body.find("Post number 3<").expect("third listed");
    assert!(newest < older, "newest first");
    let titles = first.texts(".post-card-title");
    assert!(
        titles.iter().any(|t| t == "Post number 3") && !titles.iter().any(|t| t == "Post number 2"),
        "the eleventh post is on page 2: {titles:?}"
    );
    first.assert_contains("<link rel=\"next\" href=\"/en/blog/?page=2\">");
    first.assert_has(r#"a[rel="next"]"#);
    first.assert_no(r#"[rel="prev"]"#);
    let second = client.get("/en/blog/?page=2").await;
    assert_eq!(second.status, 200);
    assert_eq!(second.body.matches("class=\"post-card\"").count(), 2);
    second.assert_contains("<link rel=\"prev\" href=\"/en/blog/\">");
    second.assert_contains("Post number 1<");
}

#[actix_web::test]
async fn impossible_page_numbers_are_not_found() {
    let app = TestApp::new();
    let mut client = app.client().await;
    for page in [
        "0",
        "-1",
        "1000000000000",
        "abc",
        "2",
        "1.5",
        "99999999999999999999999",
    ] {
        let res = client.get(&format!("/de/blog/?page={page}")).await;
        assert_eq!(res.status, 404, "page={page}");
        res.assert_contains("Seite nicht gefunden");
    }
    assert_eq!(client.get("/de/blog/?page=1").await.status, 200);
}

#[actix_web::test]
async fn post_page_shows_meta_and_rendered_markdown() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna Beispiel");
    let cat = app.category("rueckblicke", "Rückblicke", "Recaps");
    let mut spec = PostSpec::published(Lang::De, "rueckblick", "Rückblick")
        .in_category(cat)
        .tagged("rust")
        .at(NaiveDate::from_ymd_opt(2013, 4, 30)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("date"));
    spec.body = "## Themen\n\n* Rust\n* **Grillen**\n\n<script>alert(1)</script>".into();
    app.post(author, spec);
    let mut client = app.client().await;
    let res = client.get("/de/blog/rueckblick/").await;
    assert_eq!(res.status, 200);
    res.assert_contains("<time datetime=\"2013-04-30T14:00:00+02:00\">30. April 2013</time>");
    res.assert_contains("Anna Beispiel");
    res.assert_contains("<a href=\"/de/category/rueckblicke/\">Rückblicke</a>");
    res.assert_contains("href=\"/de/tag/rust/\"");
    res.assert_contains("<h2>Themen</h2>");
    res.assert_contains("<strong>Grillen</strong>");
    res.assert_lacks("<script>alert");
    let en = client.get("/en/archive/2013/04/").await;
    assert_eq!(en.status, 200);
    let de = client.get("/de/archive/2013/04/").await;
    de.assert_contains("Beiträge aus April 2013");
    de.assert_contains("Rückblick");
}

#[actix_web::test]
async fn comment_counts_use_plural_rules_in_both_languages() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let counts = [
        (0, "Schreibe einen Kommentar", "Leave a comment"),
        (1, "1 Kommentar", "1 comment"),
        (2, "2 Kommentare", "2 comments"),
    ];
    for (n, _, _) in counts {
        let de = app.post(
            author,
            PostSpec::published(Lang::De, &format!("de-{n}"), &format!("De {n}")),
        );
        let en = app.post(
            author,
            PostSpec::published(Lang::En, &format!("en-{n}"), &format!("En {n}")),
        );
        for i in 0..n {
            app.comment(
                de,
                "Ben",
                "ben@example.org",
                &format!("Kommentar {i}"),
                true,
            );
            app.comment(en, "Ben", "ben@example.org", &format!("Comment {i}"), true);
        }
        // Pending comments are not counted.
        app.comment(de, "Eve", "eve@example.org", "wartet", false);
    }
    let mut client = app.client().await;
    for (n, german, english) in counts {
        let de = client.get(&format!("/de/blog/de-{n}/")).await;
        de.assert_contains(&format!("<h2 id=\"comments-title\">{german}</h2>"));
        de.assert_lacks("wartet");
        let en = client.get(&format!("/en/blog/en-{n}/")).await;
        en.assert_contains(&format!("<h2 id=\"comments-title\">{english}</h2>"));
    }
    client
        .get("/de/blog/")
        .await
        .assert_contains("2 Kommentare");
}

#[actix_web::test]
async fn drafts_and_scheduled_posts_stay_hidden_until_due() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let now = grillplatz::clock::now();
    app.post(
        author,
        PostSpec::published(Lang::De, "entwurf", "Entwurf").draft(),
    );
    app.post(
        author,
        PostSpec::published(Lang::De, "geplant", "Geplant").at(now + Duration::days(2)),
    );
    app.post(
        author,
        PostSpec::published(Lang::De, "faellig", "Fällig").at(now - Duration::seconds(1)),
    );
    let mut client = app.client().await;
    let listing = client.get("/de/blog/").await;
    listing.assert_contains("Fällig");
    listing.assert_lacks("Entwurf");
    listing.assert_lacks("Geplant");
    assert_eq!(client.get("/de/blog/entwurf/").await.status, 404);
    assert_eq!(client.get("/de/blog/geplant/").await.status, 404);
    let feed = client.get("/de/feed.atom").await;
    feed.assert_lacks("Geplant");
}

#[actix_web::test]
async fn unknown_things_get_a_localized_404_with_a_way_back() {
    let app = TestApp::new();
    let mut client = app.client().await;
    for (path, text) in [
        ("/de/blog/gibt-es-nicht/", "Seite nicht gefunden"),
        ("/en/blog/no-such-post/", "Page not found"),
        ("/en/category/none/", "Page not found"),
        ("/de/tag/none/", "Seite nicht gefunden"),
        ("/de/archive/2024/13/", "Seite nicht gefunden"),
        ("/en/archive/abc/01/", "Page not found"),
        ("/en/archive/99999999999/01/", "Page not found"),
        ("/en/nothing/here/", "Page not found"),
        ("/fr/", "Seite nicht gefunden"),
    ] {
        let res = client.get(path).await;
        assert_eq!(res.status, 404, "{path}");
        res.assert_contains(text);
        res.assert_contains("class=\"button button-primary\" href=\"/");
    }
    // A missing trailing slash is added rather than failing.
    let res = client.get("/de/blog").await;
    assert_eq!(res.status, 308);
    assert_eq!(res.location(), "/de/blog/");
}

#[actix_web::test]
async fn archive_counts_posts_per_local_month() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let at = |y, m, d, h| {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, 30, 0))
            .expect("date")
    };
    app.post(
        author,
        PostSpec::published(Lang::En, "a", "A").at(at(2025, 6, 10, 12)),
    );
    app.post(
        author,
        PostSpec::published(Lang::En, "b", "B").at(at(2025, 6, 20, 12)),
    );
    // 22:30 UTC on 31 May is already June in Berlin.
    app.post(
        author,
        PostSpec::published(Lang::En, "c", "C").at(at(2025, 5, 31, 22)),
    );
    app.post(
        author,
        PostSpec::published(Lang::En, "d", "D").at(at(2024, 12, 24, 12)),
    );
    let mut client = app.client().await;
    let res = client.get("/en/archive/").await;
    res.assert_contains(
        "<a href=\"/en/archive/2025/06/\">June 2025</a> <span class=\"count\">(3 posts)</span>",
    );
    res.assert_contains(
        "<a href=\"/en/archive/2024/12/\">December 2024</a> <span class=\"count\">(1 post)</span>",
    );
    res.assert_has(".archive-months a[href=\"/en/archive/2025/06/\"]");
    res.assert_no(".archive-months a[href=\"/en/archive/2025/05/\"]");
    let june = client.get("/en/archive/2025/06/").await;
    assert_eq!(june.body.matches("class=\"post-card\"").count(), 3);
}

#[actix_web::test]
async fn a_broken_database_gives_a_localized_500_page() {
    let app = TestApp::new();
    let mut client = app.client().await;
    crate::support::with_conn(&app, |conn| {
        use diesel::RunQueryDsl;
        diesel::sql_query("DROP TABLE comments")
            .execute(conn)
            .expect("drop")
    });
    let res = client.get("/en/blog/").await;
    assert_eq!(res.status, 500);
    res.assert_contains("<html lang=\"en\">");
    res.assert_contains("Something went wrong");
    res.assert_lacks("comments");
}

/// A category with its own slug and name in each language.
fn announcements(app: &TestApp) -> i64 {
    let input = grillplatz::blog::model::CategoryInput {
        slug_de: "ankuendigungen".into(),
        slug_en: "announcements".into(),
        name_de: "Ankündigungen".into(),
        name_en: "Announcements".into(),
    };
    with_conn(app, |c| {
        grillplatz::blog::queries::create_category(c, &input)
    })
    .expect("category")
}

#[actix_web::test]
async fn english_readers_find_categories_under_english_addresses() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let cat = announcements(&app);
    app.post(
        author,
        PostSpec::published(Lang::En, "invitation", "Invitation").in_category(cat),
    );
    app.post(
        author,
        PostSpec::published(Lang::De, "einladung", "Einladung").in_category(cat),
    );
    let mut client = app.client().await;
    let post = client.get("/en/blog/invitation/").await;
    post.assert_has(".post-categories a[href=\"/en/category/announcements/\"]");
    post.assert_no("a[href=\"/en/category/ankuendigungen/\"]");
    let listing = client.get("/en/blog/").await;
    listing.assert_has(".sidebar a[href=\"/en/category/announcements/\"]");
    let page = client.get("/en/category/announcements/").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.texts("h1"), ["Category: Announcements"]);
    page.assert_has("a[href=\"/en/blog/invitation/\"]");
    page.assert_has("link[rel=alternate][hreflang=de][href=\"http://grillplatz.test/de/category/ankuendigungen/\"]");
    page.assert_has("a.lang-switch[href=\"/lang/de/category/ankuendigungen/\"]");
    page.assert_has(
        "link[type=\"application/atom+xml\"][href=\"/en/category/announcements/feed.atom\"]",
    );
    let de = client.get("/de/category/ankuendigungen/").await;
    assert_eq!(de.status, 200);
    de.assert_has("a.lang-switch[href=\"/lang/en/category/announcements/\"]");
}

#[actix_web::test]
async fn a_category_address_in_the_other_language_redirects_permanently() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let cat = announcements(&app);
    app.post(
        author,
        PostSpec::published(Lang::En, "invitation", "Invitation").in_category(cat),
    );
    let mut client = app.client().await;
    let res = client.get("/en/category/ankuendigungen/").await;
    assert_eq!(res.status, 301);
    assert_eq!(res.location(), "/en/category/announcements/");
    let res = client.get("/en/category/ankuendigungen/?page=1").await;
    assert_eq!(res.location(), "/en/category/announcements/?page=1");
    let res = client.get("/de/category/announcements/").await;
    assert_eq!(res.status, 301);
    assert_eq!(res.location(), "/de/category/ankuendigungen/");
    assert_eq!(client.get("/en/category/nichts/").await.status, 404);
}

#[actix_web::test]
async fn a_team_post_is_signed_by_the_team_in_each_language() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna Beispiel");
    let de = app.post(
        author,
        PostSpec::published(Lang::De, "einladung", "Einladung"),
    );
    let en = app.post(
        author,
        PostSpec::published(Lang::En, "invitation", "Invitation"),
    );
    app.post(
        author,
        PostSpec::published(Lang::En, "personal", "Personal"),
    );
    with_conn(&app, |c| {
        use diesel::prelude::*;
        use grillplatz::db::schema::posts;
        diesel::update(posts::table.filter(posts::id.eq_any([de, en])))
            .set(posts::by_team.eq(true))
            .execute(c)
    })
    .expect("sign as team");
    let mut client = app.client().await;
    let page = client.get("/de/blog/einladung/").await;
    page.assert_contains("Grillplatz-Team");
    page.assert_lacks("Anna Beispiel");
    let page = client.get("/en/blog/invitation/").await;
    page.assert_contains("Grillplatz team");
    page.assert_lacks("Anna Beispiel");
    client
        .get("/en/blog/personal/")
        .await
        .assert_contains("Anna Beispiel");
}

#[actix_web::test]
async fn home_leads_with_the_next_event_and_its_places_left() {
    let app = TestApp::new();
    let now = grillplatz::clock::now();
    let next = app.event(
        EventSpec::published("grillen")
            .capacity(10)
            .starting_at(now + Duration::days(20)),
    );
    app.event(EventSpec::published("spaeter").starting_at(now + Duration::days(60)));
    app.rsvp(next, RsvpSpec::confirmed("Jana").guests(2));
    let mut client = app.client().await;
    let home = client.get("/de/").await;
    assert_eq!(home.texts(".next-event-kicker"), ["Nächster Termin"]);
    home.assert_has(".next-event h2 a[href=\"/de/events/grillen/\"]");
    home.assert_contains("Noch 7 von 10 Plätzen frei");
    home.assert_has(".next-event a.button[href=\"/de/events/grillen/#rsvp\"]");
    assert_eq!(home.texts(".next-event a.button"), ["Jetzt anmelden"]);
    assert_eq!(home.count(".next-event"), 1);
    home.assert_no("a[href=\"/de/events/spaeter/\"]");
    // The block comes before the posts.
    let block = home.body.find("class=\"next-event\"").expect("block");
    assert!(block < home.body.find("id=\"latest-title\"").expect("posts"));
    let en = client.get("/en/").await;
    en.assert_contains("7 of 10 places left");
    en.assert_has(".next-event a.button[href=\"/en/events/grillen/#rsvp\"]");
}

#[actix_web::test]
async fn home_offers_the_waiting_list_when_the_next_event_is_full() {
    let app = TestApp::new();
    let next = app.event(EventSpec::published("voll").capacity(1));
    app.rsvp(next, RsvpSpec::confirmed("Jana"));
    let mut client = app.client().await;
    let home = client.get("/de/").await;
    assert_eq!(home.texts(".next-event a.button"), ["Auf die Warteliste"]);
    home.assert_contains("Warteliste");
    let en = client.get("/en/").await;
    assert_eq!(en.texts(".next-event a.button"), ["Join the waiting list"]);
}

#[actix_web::test]
async fn home_shows_no_event_block_without_an_upcoming_public_event() {
    let app = TestApp::new();
    let now = grillplatz::clock::now();
    let mut client = app.client().await;
    client.get("/de/").await.assert_no(".next-event");
    app.event(EventSpec::published("entwurf").draft());
    app.event(EventSpec::published("vorbei").starting_at(now - Duration::days(3)));
    // Started an hour ago and still running: no longer the next one.
    app.event(EventSpec::published("laeuft").starting_at(now - Duration::hours(1)));
    let cancelled = app.event(EventSpec::published("abgesagt"));
    let ctx = app.state.config.mail_context();
    with_conn(&app, |c| {
        grillplatz::events::queries::cancel_event(c, cancelled, &ctx, now)
    })
    .expect("cancel");
    for path in ["/de/", "/en/"] {
        let home = client.get(path).await;
        assert_eq!(home.status, 200);
        home.assert_no(".next-event");
        for slug in ["entwurf", "vorbei", "laeuft", "abgesagt"] {
            home.assert_lacks(&format!("/events/{slug}/"));
        }
    }
}

#[actix_web::test]
async fn a_missing_page_offers_both_home_pages_and_switches_language_to_home() {
    let app = TestApp::new();
    let mut client = app.client().await;
    let de = client.get("/de/gibt-es-nicht/").await;
    assert_eq!(de.status, 404);
    de.assert_has("a.lang-switch[href=\"/lang/en/\"][lang=en]");
    de.assert_has(".error-page a[href=\"/de/\"]");
    assert_eq!(
        de.texts(".error-page a[href=\"/en/\"][lang=en]"),
        ["English home page"]
    );
    let en = client.get("/en/category/none/").await;
    assert_eq!(en.status, 404);
    en.assert_has("a.lang-switch[href=\"/lang/de/\"][lang=de]");
    assert_eq!(
        en.texts(".error-page a[href=\"/de/\"][lang=de]"),
        ["Zur deutschen Startseite"]
    );
    // Without a language in the path, both home pages are there too.
    let bare = client.get("/gibt-es-nicht.txt").await;
    assert_eq!(bare.status, 404);
    bare.assert_has(".error-page a[href=\"/de/\"]");
    bare.assert_has(".error-page a[href=\"/en/\"]");
}
