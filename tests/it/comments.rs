//! A visitor leaves a comment; bad input never loses what they typed.

use diesel::prelude::*;
use grillplatz::db::schema::comments;
use grillplatz::i18n::Lang;

use crate::support::{PostSpec, TestApp, with_conn};

const POST: &str = "/de/blog/grillen/";
const ACTION: &str = "/de/blog/grillen/comments";

fn setup() -> (TestApp, i64) {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    let post = app.post(author, PostSpec::published(Lang::De, "grillen", "Grillen"));
    (app, post)
}

fn stored(app: &TestApp) -> Vec<(String, String, String, String)> {
    with_conn(app, |conn| {
        comments::table
            .order(comments::id)
            .select((
                comments::author_name,
                comments::author_email,
                comments::body,
                comments::status,
            ))
            .load(conn)
            .expect("comments")
    })
}

#[actix_web::test]
async fn first_comment_is_held_and_a_known_commenter_is_published() {
    let (app, post) = setup();
    let mut client = app.client().await;
    let res = client
        .submit(
            POST,
            ACTION,
            &[
                ("name", "Jana"),
                ("email", " Jana@Example.ORG "),
                ("body", "Ich bringe Salat mit.\n\nUnd Brot."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/de/blog/grillen/#comments");
    let page = client.get(POST).await;
    page.assert_contains("Er erscheint, sobald wir ihn freigeschaltet haben.");
    page.assert_lacks("Ich bringe Salat mit.");
    assert_eq!(
        stored(&app),
        vec![(
            "Jana".into(),
            "jana@example.org".into(),
            "Ich bringe Salat mit.\n\nUnd Brot.".into(),
            "pending".into()
        )]
    );

    app.comment(post, "Jana", "jana@example.org", "Schon freigegeben", true);
    let res = client
        .submit(
            POST,
            ACTION,
            &[
                ("name", "Jana"),
                ("email", "jana@example.org"),
                ("body", "Noch eine Frage."),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert!(
        res.location().starts_with("/de/blog/grillen/#comment-"),
        "{}",
        res.location()
    );
    let page = client.get(POST).await;
    page.assert_contains("dein Kommentar ist veröffentlicht");
    page.assert_contains("<p>Noch eine Frage.</p>");
    page.assert_lacks("jana@example.org");
}

#[actix_web::test]
async fn empty_fields_come_back_with_messages_and_the_typed_text() {
    let (app, _) = setup();
    let mut client = app.client().await;
    let res = client
        .submit(
            POST,
            ACTION,
            &[("name", ""), ("email", ""), ("body", "Mein langer Text")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte prüfe die markierten Felder.");
    assert_eq!(res.body.matches("Bitte fülle dieses Feld aus.").count(), 2);
    assert_eq!(res.field("body").as_deref(), Some("Mein langer Text"));
    res.assert_contains("aria-invalid=\"true\"");
    assert!(stored(&app).is_empty());
}

#[actix_web::test]
async fn malformed_email_and_too_long_text_are_explained_in_english_too() {
    let app = TestApp::new();
    let author = app.organizer("anna@example.org", "Anna");
    app.post(author, PostSpec::published(Lang::En, "bbq", "BBQ"));
    let mut client = app.client().await;
    let long = "x".repeat(5001);
    let res = client
        .submit(
            "/en/blog/bbq/",
            "/en/blog/bbq/comments",
            &[("name", "Jo"), ("email", "jo@@example"), ("body", &long)],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("<html lang=\"en\">");
    res.assert_contains("Please enter a valid email address");
    res.assert_contains("This text is too long.");
    assert_eq!(res.field("email").as_deref(), Some("jo@@example"));
    assert_eq!(res.field("body").map(|b| b.len()), Some(5001));
    let name = "n".repeat(101);
    let res = client
        .submit(
            "/en/blog/bbq/",
            "/en/blog/bbq/comments",
            &[("name", &name), ("email", "jo@example.org"), ("body", "hi")],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("This text is too long.");
    assert!(stored(&app).is_empty());
}

#[actix_web::test]
async fn script_tags_are_stored_as_text_and_shown_escaped() {
    let (app, post) = setup();
    let mut client = app.client().await;
    let evil = "<script>alert('x')</script>";
    // Invalid email so the form comes back: every field is echoed escaped.
    let res = client
        .submit(
            POST,
            ACTION,
            &[("name", evil), ("email", evil), ("body", evil)],
        )
        .await;
    assert_eq!(res.status, 422);
    res.assert_lacks("<script>alert");
    res.assert_contains("&#60;script&#62;alert");
    app.comment(post, evil, "x@example.org", evil, true);
    let page = client.get(POST).await;
    page.assert_lacks("<script>alert");
    page.assert_contains("&#60;script&#62;");
}

#[actix_web::test]
async fn missing_or_wrong_csrf_token_is_refused() {
    let (app, _) = setup();
    let mut client = app.client().await;
    client.get(POST).await;
    let fields = [
        ("name", "Jana"),
        ("email", "jana@example.org"),
        ("body", "Hallo"),
    ];
    let res = client.post(ACTION, &fields).await;
    assert_eq!(res.status, 403);
    res.assert_contains("Formular abgelaufen");
    let mut wrong = fields.to_vec();
    wrong.push(("csrf", "forged-token"));
    assert_eq!(client.post(ACTION, &wrong).await.status, 403);
    // A token from another visitor's session does not work either.
    let mut other = app.client().await;
    other
        .login("anna@example.org", crate::support::PASSWORD)
        .await;
    let foreign = other.get(POST).await.csrf();
    assert!(!foreign.starts_with("a."), "a session's own token");
    let mut stolen = fields.to_vec();
    stolen.push(("csrf", &foreign));
    assert_eq!(client.post(ACTION, &stolen).await.status, 403);
    assert!(stored(&app).is_empty());
}

#[actix_web::test]
async fn the_honeypot_silently_drops_bots() {
    let (app, _) = setup();
    let mut client = app.client().await;
    let res = client
        .submit(
            POST,
            ACTION,
            &[
                ("name", "Bot"),
                ("email", "bot@example.org"),
                ("body", "Buy now"),
                ("website", "http://spam.example"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    assert!(stored(&app).is_empty());
}

#[actix_web::test]
async fn many_comments_from_one_address_are_slowed_down() {
    let (app, _) = setup();
    let mut client = app.client().await;
    for n in 0..5 {
        let body = format!("Kommentar {n}");
        let res = client
            .submit(
                POST,
                ACTION,
                &[
                    ("name", "Jana"),
                    ("email", "jana@example.org"),
                    ("body", &body),
                ],
            )
            .await;
        assert_eq!(res.status, 303, "comment {n}");
    }
    let res = client
        .submit(
            POST,
            ACTION,
            &[
                ("name", "Jana"),
                ("email", "jana@example.org"),
                ("body", "Der sechste"),
            ],
        )
        .await;
    assert_eq!(res.status, 429);
    res.assert_contains("Bitte warte ein paar Minuten.");
    assert_eq!(res.field("body").as_deref(), Some("Der sechste"));
    assert_eq!(stored(&app).len(), 5);
}

#[actix_web::test]
async fn comments_on_unknown_or_hidden_posts_are_not_found() {
    let (app, _) = setup();
    let author = app.organizer("ben@example.org", "Ben");
    app.post(
        author,
        PostSpec::published(Lang::De, "entwurf", "Entwurf").draft(),
    );
    let mut client = app.client().await;
    let fields = [
        ("name", "Jana"),
        ("email", "jana@example.org"),
        ("body", "Hallo"),
    ];
    assert_eq!(
        client
            .submit(POST, "/de/blog/gibt-es-nicht/comments", &fields)
            .await
            .status,
        404
    );
    assert_eq!(
        client
            .submit(POST, "/de/blog/entwurf/comments", &fields)
            .await
            .status,
        404
    );
    assert!(stored(&app).is_empty());
}

#[actix_web::test]
async fn a_garbled_form_body_is_a_clear_400() {
    let (app, _) = setup();
    let mut client = app.client().await;
    client.get(POST).await;
    let res = client.post(ACTION, &[("name", "a")]).await;
    // Missing CSRF is checked first; a form that cannot be decoded at all is a 400.
    assert_eq!(res.status, 403);
    let long_name = "ä".repeat(300_000);
    let res = client.post(ACTION, &[("name", &long_name)]).await;
    assert!(res.status == 400 || res.status == 413, "{}", res.status);
    res.assert_contains("<html lang=");
}
