//! Pages: organizers write them, visitors find them at `/{lang}/{slug}/`, in the header
//! or footer and in the sitemap; the Impressum and the privacy notice ship with the site.

use std::path::Path;

use diesel::prelude::*;
use grillplatz::db::schema::pages;
use grillplatz::i18n::Lang;
use grillplatz::pages::RESERVED_SLUGS;

use crate::support::{EventSpec, PASSWORD, PostSpec, TestApp, with_conn};

const EMAIL: &str = "anna@example.org";

fn page_id(app: &TestApp, lang: &str, slug: &str) -> i64 {
    let (lang, slug) = (lang.to_string(), slug.to_string());
    with_conn(app, move |c| {
        pages::table
            .filter(pages::lang.eq(lang))
            .filter(pages::slug.eq(slug))
            .select(pages::id)
            .first(c)
            .expect("page")
    })
}

#[actix_web::test]
async fn impressum_and_privacy_are_in_the_footer_of_every_kind_of_page() {
    let app = TestApp::new();
    let author = app.organizer(EMAIL, "Anna");
    app.post(author, PostSpec::published(Lang::De, "hallo", "Hallo"));
    app.post(author, PostSpec::published(Lang::En, "hello", "Hello"));
    app.event(EventSpec::published("sommergrillen"));
    let mut client = app.client().await;
    let cases = [
        ("de", "/de/", 200),
        ("de", "/de/blog/hallo/", 200),
        ("de", "/de/events/sommergrillen/", 200),
        ("de", "/de/gibt-es-nicht/", 404),
        ("de", "/de/impressum/", 200),
        ("en", "/en/", 200),
        ("en", "/en/blog/hello/", 200),
        ("en", "/en/events/sommergrillen/", 200),
        ("en", "/en/no-such-page/", 404),
    ];
    for (lang, path, status) in cases {
        let res = client.get(path).await;
        assert_eq!(res.status, status, "{path}");
        let (imprint, privacy) = match lang {
            "de" => (
                ("/de/impressum/", "Impressum"),
                ("/de/datenschutz/", "Datenschutz"),
            ),
            _ => (
                ("/en/legal-notice/", "Legal notice"),
                ("/en/privacy/", "Privacy"),
            ),
        };
        let footer = res.texts(".footer-nav a");
        for (href, text) in [imprint, privacy] {
            res.assert_has(&format!(".footer-nav a[href=\"{href}\"]"));
            assert!(footer.iter().any(|t| t == text), "{path}: {footer:?}");
        }
    }
}

#[actix_web::test]
async fn the_shipped_legal_pages_ask_to_be_filled_in_and_switch_to_their_translation() {
    let app = TestApp::new();
    let mut client = app.client().await;
    let de = client.get("/de/impressum/").await;
    assert_eq!(de.status, 200);
    de.assert_contains("Noch auszufüllen");
    de.assert_contains("class=\"lang-switch\" href=\"/lang/en/legal-notice/\"");
    de.assert_contains("hreflang=\"en\" href=\"http://grillplatz.test/en/legal-notice/\"");
    let en = client.get("/en/privacy/").await;
    assert_eq!(en.status, 200);
    en.assert_contains("To be filled in");
    en.assert_contains("class=\"lang-switch\" href=\"/lang/de/datenschutz/\"");
    // The notice says what the site stores, from its tables.
    for stored in [
        "Event registrations",
        "Comments",
        "Newsletter and contacts",
        "Emails sent",
        "Abuse protection",
        "Organizer sessions end after 12 hours",
    ] {
        en.assert_contains(stored);
    }
    let datenschutz = client.get("/de/datenschutz/").await;
    datenschutz.assert_contains("Anmeldungen zu Veranstaltungen");
    // The old address of the privacy notice in German leads to the German page.
    let old = client.get("/de/privacy/").await;
    assert_eq!(old.status, 308);
    assert_eq!(old.location(), "/de/datenschutz/");
}

#[actix_web::test]
async fn organizer_publishes_a_page_in_the_header_and_links_its_translation() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let res = client
        .submit(
            "/admin/pages/new",
            "/admin/pages/new",
            &[
                ("title", "Über uns"),
                ("lang", "de"),
                ("body", "Wir **grillen** gern."),
                ("nav", "header"),
                ("position", "5"),
                ("action", "draft"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let german = page_id(&app, "de", "ueber-uns");
    let mut visitor = app.client().await;
    assert_eq!(visitor.get("/de/ueber-uns/").await.status, 404, "a draft");
    visitor.get("/de/").await.assert_lacks("/de/ueber-uns/");
    visitor
        .get("/sitemap.xml")
        .await
        .assert_lacks("/de/ueber-uns/");

    let edit = format!("/admin/pages/{german}/edit");
    let res = client
        .submit(
            &edit,
            &edit,
            &[
                ("title", "Über uns"),
                ("lang", "de"),
                ("slug", "ueber-uns"),
                ("body", "Wir **grillen** gern."),
                ("nav", "header"),
                ("position", "5"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = visitor.get("/de/ueber-uns/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("<strong>grillen</strong>");
    page.assert_contains("<a href=\"/de/ueber-uns/\" aria-current=\"page\">Über uns</a>");
    // Without a translation the switcher leads to the other language's home page.
    page.assert_contains("class=\"lang-switch\" href=\"/lang/en/\"");
    let home = visitor.get("/de/").await;
    assert_eq!(
        home.texts(".main-nav a").last().map(String::as_str),
        Some("Über uns")
    );
    visitor.get("/en/").await.assert_lacks("Über uns");

    let german = german.to_string();
    let res = client
        .submit(
            "/admin/pages/new",
            "/admin/pages/new",
            &[
                ("title", "About us"),
                ("lang", "en"),
                ("body", "We like to grill."),
                ("nav", "header"),
                ("translation", &german),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let de = visitor.get("/de/ueber-uns/").await;
    de.assert_contains("class=\"lang-switch\" href=\"/lang/en/about-us/\"");
    let en = visitor.get("/en/about-us/").await;
    en.assert_contains("class=\"lang-switch\" href=\"/lang/de/ueber-uns/\"");
    en.assert_contains("hreflang=\"de\" href=\"http://grillplatz.test/de/ueber-uns/\"");

    let sitemap = visitor.get("/sitemap.xml").await;
    sitemap.assert_contains("<loc>http://grillplatz.test/de/ueber-uns/</loc>");
    sitemap.assert_contains("<loc>http://grillplatz.test/en/about-us/</loc>");
    sitemap.assert_contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"http://grillplatz.test/en/about-us/\"/>",
    );
    sitemap.assert_contains("<loc>http://grillplatz.test/de/impressum/</loc>");
    sitemap.assert_contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"http://grillplatz.test/en/legal-notice/\"/>",
    );
    sitemap.assert_lacks("/de/privacy/");
}

#[actix_web::test]
async fn navigation_follows_the_organizers_order() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    for (title, position) in [("Anfahrt", "2"), ("Team", "1"), ("Kontakt", "30")] {
        let res = client
            .submit(
                "/admin/pages/new",
                "/admin/pages/new",
                &[
                    ("title", title),
                    ("lang", "de"),
                    ("body", "Text"),
                    ("nav", "footer"),
                    ("position", position),
                    ("action", "publish"),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "{}", res.body);
    }
    let footer = client.get("/de/").await.texts(".footer-nav a");
    let pages: Vec<&str> = footer
        .iter()
        .map(String::as_str)
        .filter(|t| ["Team", "Anfahrt", "Impressum", "Datenschutz", "Kontakt"].contains(t))
        .collect();
    // The shipped pages come at 10 and 20.
    assert_eq!(
        pages,
        ["Team", "Anfahrt", "Impressum", "Datenschutz", "Kontakt"]
    );
}

#[actix_web::test]
async fn slugs_of_the_sites_own_addresses_are_refused() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    for (title, slug) in [
        ("Blog", ""),
        ("Unsere Events", "events"),
        ("Verwaltung", "admin"),
        ("Newsletter", "newsletter"),
        ("Archiv", "archive"),
    ] {
        let res = client
            .submit(
                "/admin/pages/new",
                "/admin/pages/new",
                &[
                    ("title", title),
                    ("slug", slug),
                    ("lang", "de"),
                    ("body", "Text bleibt"),
                    ("action", "publish"),
                ],
            )
            .await;
        assert_eq!(res.status, 422, "{title}");
        res.assert_contains("Dieses Kürzel gehört schon zu einem Bereich der Website");
        assert_eq!(res.field("title").as_deref(), Some(title));
        assert_eq!(res.field("body").as_deref(), Some("Text bleibt"));
    }
    let count: i64 = with_conn(&app, |c| pages::table.count().get_result(c).expect("count"));
    assert_eq!(count, 4, "only the shipped pages");
    // The blog is still the blog.
    assert_eq!(client.get("/de/blog/").await.status, 200);
}

/// Every first path segment a route of the app registers, from the source: the reserved
/// list must name each of them (a dot ends a segment: `feed.atom` reserves `feed`).
#[test]
fn the_reserved_slugs_name_every_address_the_site_answers() {
    fn collect(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).expect("source"));
            }
        }
    }
    let mut sources = Vec::new();
    collect(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let mut segments = std::collections::BTreeSet::new();
    for source in &sources {
        for call in ["route(", "scope(", "resource("] {
            for (at, _) in source.match_indices(call) {
                let rest = source[at + call.len()..].trim_start();
                let Some(literal) = rest.strip_prefix("\"/") else {
                    continue;
                };
                let segment: String = literal
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                if !segment.is_empty() {
                    segments.insert(segment);
                }
            }
        }
    }
    assert!(
        segments.contains("blog") && segments.contains("admin"),
        "{segments:?}"
    );
    // Routes inside the admin scope live under /admin and cannot meet a page.
    let admin_only = [
        "campaigns",
        "categories",
        "comments",
        "contacts",
        "lang",
        "login",
        "logout",
        "outbox",
        "pages",
        "posts",
        "privacy",
    ];
    let missing: Vec<&String> = segments
        .iter()
        .filter(|s| !RESERVED_SLUGS.contains(&s.as_str()) && !admin_only.contains(&s.as_str()))
        .collect();
    assert!(missing.is_empty(), "not reserved: {missing:?}");
}

#[actix_web::test]
async fn page_form_refuses_bad_input_and_keeps_what_was_typed() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let long_title = "T".repeat(121);
    let english = page_id(&app, "en", "legal-notice").to_string();
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("title", ""), ("lang", "de"), ("body", "Text bleibt")],
            "Bitte fülle dieses Feld aus.",
        ),
        (
            vec![("title", "Titel"), ("lang", "de"), ("body", "")],
            "Bitte fülle dieses Feld aus.",
        ),
        (
            vec![("title", &long_title), ("lang", "de"), ("body", "x")],
            "Dieser Text ist zu lang.",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("slug", "Mit Leerzeichen"),
            ],
            "Nur Kleinbuchstaben",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("slug", "impressum"),
            ],
            "Diese Adresse ist in dieser Sprache schon vergeben.",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("position", "-3"),
            ],
            "Bitte gib eine ganze Zahl von 0 bis 999 ein.",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("position", "viele"),
            ],
            "Bitte gib eine ganze Zahl von 0 bis 999 ein.",
        ),
        (
            vec![("title", "Titel"), ("lang", "fr"), ("body", "x")],
            "Bitte wähle einen Eintrag aus der Liste.",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("nav", "sidebar"),
            ],
            "Bitte wähle einen Eintrag aus der Liste.",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("translation", "999999"),
            ],
            "Als Übersetzung passt nur eine Seite in der anderen Sprache.",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "en"),
                ("body", "x"),
                ("translation", &english),
            ],
            "Als Übersetzung passt nur eine Seite in der anderen Sprache.",
        ),
        (
            vec![
                ("title", "<script>alert(1)</script>"),
                ("lang", "de"),
                ("body", ""),
            ],
            "Bitte fülle dieses Feld aus.",
        ),
    ];
    for (fields, message) in cases {
        let mut fields = fields;
        fields.push(("action", "publish"));
        if !fields.iter().any(|(k, _)| *k == "nav") {
            fields.push(("nav", "none"));
        }
        let res = client
            .submit("/admin/pages/new", "/admin/pages/new", &fields)
            .await;
        assert_eq!(res.status, 422, "{fields:?}: {}", res.body);
        res.assert_contains(message);
        res.assert_lacks("<script>alert(1)</script>");
        let title = fields.iter().find(|(k, _)| *k == "title").map(|(_, v)| *v);
        assert_eq!(res.field("title").as_deref(), title, "{fields:?}");
    }
    let count: i64 = with_conn(&app, |c| pages::table.count().get_result(c).expect("count"));
    assert_eq!(count, 4, "nothing saved");

    // No or a wrong CSRF token: refused, nothing saved.
    let fields = [
        ("title", "Titel"),
        ("lang", "de"),
        ("body", "x"),
        ("nav", "none"),
    ];
    assert_eq!(client.post("/admin/pages/new", &fields).await.status, 403);
    let mut wrong = fields.to_vec();
    wrong.push(("csrf", "not-the-token"));
    assert_eq!(client.post("/admin/pages/new", &wrong).await.status, 403);
    // Unknown and malformed ids are the 404 page.
    for path in [
        "/admin/pages/999999/edit",
        "/admin/pages/abc/edit",
        "/admin/pages/999999/delete",
    ] {
        assert_eq!(client.get(path).await.status, 404, "{path}");
    }
    let res = client
        .submit("/admin/pages", "/admin/pages/999999/edit", &fields)
        .await;
    assert_eq!(res.status, 404);
    let res = client
        .submit("/admin/pages", "/admin/pages/999999/delete", &[])
        .await;
    assert_eq!(res.status, 404);
    let count: i64 = with_conn(&app, |c| pages::table.count().get_result(c).expect("count"));
    assert_eq!(count, 4, "nothing saved");
}

#[actix_web::test]
async fn script_tags_in_a_page_body_are_rendered_harmless() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let res = client
        .submit(
            "/admin/pages/new",
            "/admin/pages/new",
            &[
                ("title", "Anfahrt"),
                ("lang", "de"),
                ("body", "Hallo <script>alert(1)</script> <a href=\"javascript:alert(2)\" onclick=\"x()\">Karte</a>"),
                ("nav", "none"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = client.get("/de/anfahrt/").await;
    assert_eq!(page.status, 200);
    page.assert_lacks("<script>alert(1)");
    page.assert_lacks("javascript:");
    page.assert_lacks("onclick");
    page.assert_contains("Karte");
    // What was typed stays in the editor as text.
    let id = page_id(&app, "de", "anfahrt");
    let edit = client.get(&format!("/admin/pages/{id}/edit")).await;
    edit.assert_contains("&#60;script&#62;alert(1)&#60;/script&#62;");
}

#[actix_web::test]
async fn deleting_a_page_asks_first_and_the_legal_pages_stay() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let res = client
        .submit(
            "/admin/pages/new",
            "/admin/pages/new",
            &[
                ("title", "Sommerfest"),
                ("lang", "de"),
                ("body", "Text"),
                ("nav", "footer"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let id = page_id(&app, "de", "sommerfest");
    let question = format!("/admin/pages/{id}/delete");
    let ask = client.get(&question).await;
    assert_eq!(ask.status, 200);
    assert_eq!(ask.texts("h1"), ["„Sommerfest“ löschen?"]);
    ask.assert_contains("/de/sommerfest/ führt danach ins Leere");
    // Asking deletes nothing.
    assert_eq!(client.get("/de/sommerfest/").await.status, 200);
    let res = client.submit(&question, &question, &[]).await;
    assert_eq!(res.status, 303);
    assert_eq!(client.get("/de/sommerfest/").await.status, 404);
    client.get("/de/").await.assert_lacks("Sommerfest");

    // The Impressum has no delete button, no question and no deletion.
    let imprint = page_id(&app, "de", "impressum");
    let edit = client.get(&format!("/admin/pages/{imprint}/edit")).await;
    edit.assert_no(".button-danger");
    edit.assert_contains("Diese Seite verlangt das Gesetz");
    let question = format!("/admin/pages/{imprint}/delete");
    assert_eq!(client.get(&question).await.status, 404);
    let res = client.submit("/admin/pages", &question, &[]).await;
    assert_eq!(res.status, 404);
    assert_eq!(client.get("/de/impressum/").await.status, 200);
}

#[actix_web::test]
async fn organizers_fill_in_the_impressum_and_it_stays_published_in_the_footer() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let imprint = page_id(&app, "de", "impressum");
    let english = page_id(&app, "en", "legal-notice").to_string();
    let edit = format!("/admin/pages/{imprint}/edit");
    // The editor keeps the translation it was shipped with.
    let form = client.get(&edit).await;
    form.assert_has(&format!(
        "#translation option[value=\"{english}\"][selected]"
    ));
    // A crafted form asking for a hidden draft changes neither.
    let res = client
        .submit(
            &edit,
            &edit,
            &[
                ("title", "Impressum"),
                ("lang", "de"),
                ("slug", "impressum"),
                ("body", "Beispiel GmbH, Markt 1, 06108 Halle"),
                ("nav", "none"),
                ("translation", &english),
                ("action", "draft"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = client.get("/de/impressum/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("Beispiel GmbH, Markt 1, 06108 Halle");
    page.assert_lacks("Noch auszufüllen");
    page.assert_contains("class=\"lang-switch\" href=\"/lang/en/legal-notice/\"");
    client
        .get("/de/blog/")
        .await
        .assert_contains("<a href=\"/de/impressum/\">Impressum</a>");
}

#[actix_web::test]
async fn the_demo_fills_in_the_legal_pages_for_its_company() {
    let app = TestApp::new();
    with_conn(&app, grillplatz::demo::fill).expect("demo");
    let mut client = app.client().await;
    for (path, says) in [
        ("/de/impressum/", "Große Ulrichstraße 12"),
        ("/en/legal-notice/", "managing directors"),
        ("/de/datenschutz/", "datenschutz@nordlicht.example.org"),
        ("/en/privacy/", "datenschutz@nordlicht.example.org"),
    ] {
        let page = client.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        page.assert_contains("Nordlicht Software GmbH");
        page.assert_contains(says);
        page.assert_lacks("auszufüllen");
        page.assert_lacks("filled in");
    }
    // The privacy notice keeps the list of what the site stores.
    client
        .get("/en/privacy/")
        .await
        .assert_contains("Event registrations");
}
