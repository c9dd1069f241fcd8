//! An organizer logs in, writes, schedules and links posts, and moderates comments.

use diesel::prelude::*;
use grillplatz::db::schema::{comments, posts};
use grillplatz::i18n::Lang;

use crate::support::{PASSWORD, PostSpec, TestApp, with_conn};

const EMAIL: &str = "anna@example.org";

#[actix_web::test]
async fn admin_pages_need_a_login() {
    let app = TestApp::new();
    let mut client = app.client().await;
    for path in [
        "/admin/",
        "/admin/posts",
        "/admin/posts/new",
        "/admin/posts/1/edit",
        "/admin/comments",
        "/admin/categories",
    ] {
        let res = client.get(path).await;
        assert_eq!(res.status, 303, "{path}");
        assert_eq!(res.location(), "/admin/login");
    }
    let res = client.post("/admin/posts/new", &[("title", "x")]).await;
    assert_eq!(res.status, 303);
    assert_eq!(
        with_conn(&app, |c| posts::table
            .count()
            .get_result::<i64>(c)
            .expect("count")),
        0
    );
}

#[actix_web::test]
async fn login_rejects_wrong_passwords_and_throttles() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    let res = client.login(EMAIL, "wrong").await;
    assert_eq!(res.status, 422);
    res.assert_contains("E-Mail-Adresse oder Passwort stimmen nicht.");
    assert_eq!(res.field("email").as_deref(), Some(EMAIL));
    let res = client.login("", "").await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte fülle dieses Feld aus.");
    let res = client
        .post("/admin/login", &[("email", EMAIL), ("password", PASSWORD)])
        .await;
    assert_eq!(res.status, 403, "no CSRF token");
    for _ in 0..4 {
        client.login(EMAIL, "still-wrong").await;
    }
    let res = client.login(EMAIL, PASSWORD).await;
    assert_eq!(
        res.status, 429,
        "locked after five failures, even with the right password"
    );
    res.assert_contains("Zu viele Fehlversuche");
}

#[actix_web::test]
async fn organizer_logs_in_and_out() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    let res = client.login(&EMAIL.to_uppercase(), PASSWORD).await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/admin/");
    let dash = client.get("/admin/").await;
    assert_eq!(dash.status, 200);
    dash.assert_contains("Abmelden");
    assert_eq!(dash.texts(".user-name"), ["Anna"]);
    let res = client.submit("/admin/", "/admin/logout", &[]).await;
    assert_eq!(res.status, 303);
    assert_eq!(client.get("/admin/").await.status, 303);
}

#[actix_web::test]
async fn ids_that_are_not_numbers_or_unknown_are_a_404_page() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    for path in [
        "/admin/posts/abc/edit",
        "/admin/posts/999/edit",
        "/admin/events/1e3/edit",
        "/admin/events/99999999999999999999/attendees",
    ] {
        let res = client.get(path).await;
        assert_eq!(res.status.as_u16(), 404, "{path}");
        res.assert_contains("Seite nicht gefunden");
    }
}

#[actix_web::test]
async fn organizer_publishes_a_german_post_and_links_its_english_translation() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let cat = app.category("ankuendigungen", "Ankündigungen", "Announcements");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let cat = cat.to_string();
    let res = client
        .submit(
            "/admin/posts/new",
            "/admin/posts/new",
            &[
                ("title", "Einladung zum Grillen 2027"),
                ("lang", "de"),
                ("body", "Wir **grillen** wieder!"),
                ("category", &cat),
                ("tags", "Grillen, Open Space"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let german_id: i64 = with_conn(&app, |c| {
        posts::table.select(posts::id).first(c).expect("post")
    });
    let page = client.get("/de/blog/einladung-zum-grillen-2027/").await;
    assert_eq!(page.status, 200);
    page.assert_contains("<strong>grillen</strong>");
    page.assert_contains("href=\"/de/tag/open-space/\"");
    page.assert_contains("Ankündigungen");

    let german = german_id.to_string();
    let res = client
        .submit(
            "/admin/posts/new",
            "/admin/posts/new",
            &[
                ("title", "Invitation to the 2027 BBQ"),
                ("lang", "en"),
                ("body", "We are firing up the grill again!"),
                ("translation", &german),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let de = client.get("/de/blog/einladung-zum-grillen-2027/").await;
    de.assert_contains("class=\"lang-switch\" href=\"/en/blog/invitation-to-the-2027-bbq/\"");
    let en = client.get("/en/blog/invitation-to-the-2027-bbq/").await;
    en.assert_contains("class=\"lang-switch\" href=\"/de/blog/einladung-zum-grillen-2027/\"");
}

#[actix_web::test]
async fn editor_preview_renders_without_saving() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let res = client
        .submit(
            "/admin/posts/new",
            "/admin/posts/new",
            &[
                ("title", "Entwurf"),
                ("lang", "de"),
                ("body", "# Hallo\n\n*kursiv*"),
                ("action", "preview"),
            ],
        )
        .await;
    assert_eq!(res.status, 200);
    res.assert_contains("<em>kursiv</em>");
    assert_eq!(res.field("title").as_deref(), Some("Entwurf"));
    assert_eq!(
        with_conn(&app, |c| posts::table
            .count()
            .get_result::<i64>(c)
            .expect("count")),
        0
    );
}

#[actix_web::test]
async fn editor_bad_input_keeps_everything_typed() {
    let app = TestApp::new();
    let author = app.organizer(EMAIL, "Anna");
    app.post(
        author,
        PostSpec::published(Lang::De, "vergeben", "Vergeben"),
    );
    app.post(
        author,
        PostSpec::published(Lang::De, "noch-einer", "Noch einer"),
    );
    let other_de: i64 = with_conn(&app, |c| {
        posts::table
            .filter(posts::slug.eq("noch-einer"))
            .select(posts::id)
            .first(c)
            .expect("id")
    });
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let long_title = "T".repeat(201);
    let script = "<script>alert(1)</script>";
    let other = other_de.to_string();
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (
            vec![("title", ""), ("lang", "de"), ("body", "Text bleibt")],
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
                ("slug", "vergeben"),
            ],
            "schon vergeben",
        ),
        (
            vec![("title", "Titel"), ("lang", "xx"), ("body", "x")],
            "Bitte wähle einen Eintrag",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("category", "999"),
            ],
            "Diese Auswahl gibt es nicht",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("translation", "abc"),
            ],
            "Diese Auswahl gibt es nicht",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("translation", &other),
            ],
            "nur ein Beitrag in der anderen Sprache",
        ),
        (
            vec![
                ("title", "Titel"),
                ("lang", "de"),
                ("body", "x"),
                ("publish_at", "morgen"),
            ],
            "Bitte gib Datum und Uhrzeit an",
        ),
        (
            vec![
                ("title", script),
                ("lang", "de"),
                ("body", script),
                ("slug", "<b>"),
            ],
            "Nur Kleinbuchstaben",
        ),
    ];
    for (fields, message) in cases {
        let mut fields = fields.clone();
        fields.push(("action", "publish"));
        let res = client
            .submit("/admin/posts/new", "/admin/posts/new", &fields)
            .await;
        assert_eq!(res.status, 422, "{fields:?}");
        res.assert_contains(message);
        res.assert_lacks("<script>alert");
        let typed_body = fields.iter().find(|(k, _)| *k == "body").map(|(_, v)| *v);
        assert_eq!(res.field("body").as_deref(), typed_body, "{fields:?}");
    }
    assert_eq!(
        with_conn(&app, |c| posts::table
            .count()
            .get_result::<i64>(c)
            .expect("count")),
        2
    );
}

#[actix_web::test]
async fn scheduled_posts_appear_by_themselves_and_can_be_unpublished() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let res = client
        .submit(
            "/admin/posts/new",
            "/admin/posts/new",
            &[
                ("title", "Später"),
                ("lang", "de"),
                ("body", "Bald."),
                ("publish_at", "2099-06-26T14:00"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    let edit = res.location().to_string();
    client
        .get(&edit)
        .await
        .assert_contains("Beitrag eingeplant.");
    assert_eq!(client.get("/de/blog/spaeter/").await.status, 404);
    // Time passes: move the publication date into the past.
    with_conn(&app, |c| {
        diesel::update(posts::table)
            .set(posts::published_at.eq(grillplatz::clock::now() - chrono::Duration::minutes(1)))
            .execute(c)
            .expect("time passes")
    });
    assert_eq!(client.get("/de/blog/spaeter/").await.status, 200);
    let id = edit
        .trim_start_matches("/admin/posts/")
        .trim_end_matches("/edit")
        .to_string();
    let res = client
        .submit(&edit, &format!("/admin/posts/{id}/unpublish"), &[])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(client.get("/de/blog/spaeter/").await.status, 404);
    // Deleting asks first, with what goes with the post; asking deletes nothing.
    let question = format!("/admin/posts/{id}/delete");
    let ask = client.get(&question).await;
    assert_eq!(ask.status, 200);
    assert_eq!(ask.texts("h1").len(), 1);
    assert!(
        ask.texts("h1")[0].ends_with("löschen?"),
        "{:?}",
        ask.texts("h1")
    );
    ask.assert_contains("Das lässt sich nicht rückgängig machen.");
    assert_eq!(client.get(&edit).await.status, 200);
    let res = client.submit(&question, &question, &[]).await;
    assert_eq!(res.status, 303);
    assert_eq!(client.get(&edit).await.status, 404);
    assert_eq!(
        client
            .submit("/admin/posts", "/admin/posts/999999/delete", &[])
            .await
            .status,
        404
    );
    assert_eq!(
        client
            .submit("/admin/posts", "/admin/posts/abc/unpublish", &[])
            .await
            .status,
        404
    );
    assert_eq!(
        client
            .get("/admin/posts/99999999999999999999/edit")
            .await
            .status,
        404
    );
}

#[actix_web::test]
async fn comments_are_moderated_from_the_queue() {
    let app = TestApp::new();
    let author = app.organizer(EMAIL, "Anna");
    let post = app.post(author, PostSpec::published(Lang::De, "grillen", "Grillen"));
    let waiting = app.comment(post, "Jana", "jana@example.org", "Ich komme!", false);
    let spam = app.comment(post, "Bot", "bot@example.org", "Cheap pills", false);
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let queue = client.get("/admin/comments").await;
    queue.assert_contains("<span class=\"count-badge\">");
    queue.assert_contains("Ich komme!");
    let res = client
        .submit(
            "/admin/comments",
            &format!("/admin/comments/{waiting}"),
            &[("action", "approved"), ("from", "pending")],
        )
        .await;
    assert_eq!(res.status, 303);
    client
        .get("/de/blog/grillen/")
        .await
        .assert_contains("Ich komme!");
    let res = client
        .submit(
            "/admin/comments",
            &format!("/admin/comments/{spam}"),
            &[("action", "spam")],
        )
        .await;
    assert_eq!(res.status, 303);
    let status: String = with_conn(&app, |c| {
        comments::table
            .find(spam)
            .select(comments::status)
            .first(c)
            .expect("row")
    });
    assert_eq!(status, "spam");
    // Deleting, unlike spam, is for good: it asks first.
    let question = format!("/admin/comments/{spam}/delete");
    let ask = client.get(&question).await;
    assert_eq!(ask.texts("h1"), ["Kommentar von Bot löschen?"]);
    ask.assert_contains("lehne ihn ab oder markiere ihn als Spam");
    let count = |app: &TestApp| {
        with_conn(app, |c| {
            comments::table
                .count()
                .get_result::<i64>(c)
                .expect("count")
        })
    };
    assert_eq!(count(&app), 2);
    let res = client.submit(&question, &question, &[]).await;
    assert_eq!(res.status, 303);
    assert_eq!(count(&app), 1);
    assert_eq!(client.get("/admin/comments/999999/delete").await.status, 404);
    assert_eq!(
        client
            .submit(
                "/admin/comments",
                "/admin/comments/999999",
                &[("action", "approved")]
            )
            .await
            .status,
        404
    );
    assert_eq!(
        client
            .submit(
                "/admin/comments",
                &format!("/admin/comments/{spam}"),
                &[("action", "explode")]
            )
            .await
            .status,
        400
    );
    assert_eq!(client.get("/admin/comments?status=bogus").await.status, 404);
    // Without a token nothing changes.
    let res = client
        .post(
            &format!("/admin/comments/{spam}"),
            &[("action", "approved")],
        )
        .await;
    assert_eq!(res.status, 403);
}

#[actix_web::test]
async fn admin_follows_the_organizers_language() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    client
        .get("/admin/")
        .await
        .assert_contains("<html lang=\"de\">");
    let res = client
        .submit("/admin/", "/admin/lang", &[("lang", "en")])
        .await;
    assert_eq!(res.status, 303);
    let dash = client.get("/admin/").await;
    dash.assert_contains("<html lang=\"en\">");
    dash.assert_contains("The admin area is now in English.");
    assert_eq!(
        client
            .submit("/admin/", "/admin/lang", &[("lang", "fr")])
            .await
            .status,
        400
    );
}

#[actix_web::test]
async fn categories_can_be_added_with_validation() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let res = client
        .submit(
            "/admin/categories",
            "/admin/categories",
            &[
                ("name_de", "Rückblicke"),
                ("name_en", "Recaps"),
                ("slug", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    client
        .get("/admin/categories")
        .await
        .assert_contains("recaps");
    let res = client
        .submit(
            "/admin/categories",
            "/admin/categories",
            &[("name_de", "Doppelt"), ("name_en", "Recaps"), ("slug", "")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("schon vergeben");
    assert_eq!(res.field("name_de").as_deref(), Some("Doppelt"));
    let res = client
        .submit(
            "/admin/categories",
            "/admin/categories",
            &[("name_de", ""), ("name_en", "")],
        )
        .await;
    assert_eq!(res.status, 422);
}

#[actix_web::test]
async fn organizer_edits_a_categorys_names_and_slugs_in_both_languages() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let id = app.category("ankuendigungen", "Ankündigungen", "Ankündigungen");
    let author = app.organizer("ben@example.org", "Ben");
    app.post(
        author,
        PostSpec::published(Lang::En, "invitation", "Invitation").in_category(id),
    );
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let list = client.get("/admin/categories").await;
    let edit = format!("/admin/categories/{id}/edit");
    list.assert_has(&format!("a[href=\"{edit}\"]"));
    let form = client.get(&edit).await;
    assert_eq!(form.field("slug_en").as_deref(), Some("ankuendigungen"));
    let res = client
        .submit(
            &edit,
            &edit,
            &[
                ("name_de", "Ankündigungen"),
                ("slug_de", "ankuendigungen"),
                ("name_en", "Announcements"),
                ("slug_en", ""),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let list = client.get("/admin/categories").await;
    list.assert_contains("Kategorie gespeichert.");
    list.assert_has("a[href=\"/en/category/announcements/\"]");
    list.assert_has("a[href=\"/de/category/ankuendigungen/\"]");
    // The English address is the new one, the old one leads there.
    let page = client.get("/en/category/announcements/").await;
    assert_eq!(page.texts("h1"), ["Category: Announcements"]);
    let old = client.get("/en/category/ankuendigungen/").await;
    assert_eq!(old.status, 301);
    assert_eq!(old.location(), "/en/category/announcements/");
    client
        .get("/en/blog/invitation/")
        .await
        .assert_has(".post-categories a[href=\"/en/category/announcements/\"]");
}

#[actix_web::test]
async fn category_form_refuses_bad_input_and_keeps_what_was_typed() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna");
    let id = app.category("rueckblicke", "Rückblicke", "Recaps");
    app.category("allgemein", "Allgemein", "General");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let edit = format!("/admin/categories/{id}/edit");
    let long = "x".repeat(81);
    for (fields, field, message) in [
        (
            [
                ("name_de", ""),
                ("slug_de", ""),
                ("name_en", "Recaps"),
                ("slug_en", ""),
            ],
            "name_de",
            "Bitte fülle dieses Feld aus.",
        ),
        (
            [
                ("name_de", long.as_str()),
                ("slug_de", ""),
                ("name_en", "Recaps"),
                ("slug_en", ""),
            ],
            "name_de",
            "zu lang",
        ),
        (
            [
                ("name_de", "Rückblicke"),
                ("slug_de", "Rück blicke!"),
                ("name_en", "Recaps"),
                ("slug_en", ""),
            ],
            "slug_de",
            "Nur Kleinbuchstaben",
        ),
        (
            [
                ("name_de", "Rückblicke"),
                ("slug_de", ""),
                ("name_en", "Recaps"),
                ("slug_en", "allgemein"),
            ],
            "slug_en",
            "schon vergeben",
        ),
        (
            [
                ("name_de", "<script>alert(1)</script>"),
                ("slug_de", "allgemein"),
                ("name_en", "Recaps"),
                ("slug_en", ""),
            ],
            "slug_de",
            "schon vergeben",
        ),
    ] {
        let res = client.submit(&edit, &edit, &fields).await;
        assert_eq!(res.status, 422, "{fields:?}");
        res.assert_has(&format!("#{field}[aria-invalid=true]"));
        res.assert_contains(message);
        res.assert_lacks("<script>alert(1)</script>");
        for (name, value) in fields {
            assert_eq!(res.field(name).as_deref(), Some(value), "{name} kept");
        }
    }
    // Nothing changed.
    client
        .get("/admin/categories")
        .await
        .assert_has("a[href=\"/en/category/rueckblicke/\"]");
    let res = client
        .post(
            &edit,
            &[
                ("name_de", "A"),
                ("name_en", "B"),
                ("slug_de", "a"),
                ("slug_en", "b"),
            ],
        )
        .await;
    assert_eq!(res.status, 403, "no CSRF token");
    assert_eq!(client.get("/admin/categories/999/edit").await.status, 404);
    let res = client
        .submit(
            &edit,
            "/admin/categories/999/edit",
            &[
                ("name_de", "A"),
                ("name_en", "B"),
                ("slug_de", "a"),
                ("slug_en", "b"),
            ],
        )
        .await;
    assert_eq!(res.status, 404);
    assert_eq!(client.get("/admin/categories/abc/edit").await.status, 404);
}

#[actix_web::test]
async fn organizer_signs_a_post_as_the_team() {
    let app = TestApp::new();
    app.organizer(EMAIL, "Anna Beispiel");
    let mut client = app.client().await;
    client.login(EMAIL, PASSWORD).await;
    let res = client
        .submit(
            "/admin/posts/new",
            "/admin/posts/new",
            &[
                ("title", "Invitation"),
                ("lang", "en"),
                ("body", "We grill again."),
                ("by_team", "yes"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let edit = res.location().to_string();
    client.get(&edit).await.assert_has("#by_team[checked]");
    let page = client.get("/en/blog/invitation/").await;
    page.assert_contains("Grillplatz team");
    page.assert_lacks("Anna Beispiel");
    let feed = client.get("/en/feed.atom").await;
    feed.assert_contains("<name>Grillplatz team</name>");
    // Unticked, the post is signed by its author again.
    let res = client
        .submit(
            &edit,
            &edit,
            &[
                ("title", "Invitation"),
                ("lang", "en"),
                ("body", "We grill again."),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    client
        .get("/en/blog/invitation/")
        .await
        .assert_contains("Anna Beispiel");
}
