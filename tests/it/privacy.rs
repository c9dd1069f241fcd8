//! Privacy requests: organizers export everything stored about an address and erase it.

use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::db::schema::{
    comments, contact_tags, contacts, outbox, rsvps, topic_notes, topics,
};
use grillplatz::i18n::Lang;
use grillplatz::mail::suppression::{self, Reason};
use grillplatz::topics::queries::{self as board, NoteAuthor};

use crate::support::{
    ContactSpec, EventSpec, PASSWORD, PostSpec, RsvpSpec, TestApp, TopicSpec, with_conn,
};

const ORGANIZER: &str = "anna@example.org";
const JANA: &str = "jana@example.org";
const BEN: &str = "ben@example.org";

/// Rows stored about Jana (and, to stay untouched, about Ben).
struct Stored {
    rsvp: i64,
    ben_rsvp: i64,
    topic: i64,
    approved_comment: i64,
    pending_comment: i64,
}

fn mail(app: &TestApp, to: &str, subject: &str, key: &str) {
    let email = grillplatz::mail::Email {
        lang: Lang::De,
        to: to.into(),
        subject: subject.into(),
        greeting: "Hallo,".into(),
        paragraphs: vec!["Geheimer Inhalt der Nachricht.".into()],
        action: None,
        footer: Vec::new(),
        ics: None,
        site_name: "Grillplatz".into(),
        markdown: None,
        unsubscribe_url: None,
    };
    with_conn(app, |c| grillplatz::mail::enqueue(c, key, &email, now())).expect("enqueue");
}

/// Jana registered, proposed a topic, wrote a note, commented twice, is a contact and
/// has mail waiting; Ben is at the same event and must not be touched.
fn jana_everywhere(app: &TestApp) -> Stored {
    let organizer = app.organizer(ORGANIZER, "Anna");
    let event_id = app.event(EventSpec::published("grillen").capacity(20));
    let rsvp = |name: &str, email: &str, notes: &str| {
        let spec = RsvpSpec::confirmed(name)
            .email(email)
            .guests(1)
            .notes(notes);
        app.rsvp(event_id, spec).id
    };
    let jana_rsvp = rsvp("Jana Beispiel", JANA, "Nussallergie");
    let ben_rsvp = rsvp("Ben Muster", BEN, "Kommt später");
    let contact = |email: &str, name: &str, tags: &str| {
        app.contact(
            ContactSpec::new(email)
                .name(name)
                .organization("Nordlicht Software")
                .tags(tags)
                .announcements(false)
                .consented("newsletter form", "Ja, schickt mir Einladungen."),
        )
    };
    contact(JANA, "Jana Beispiel", "kunde, halle");
    contact(BEN, "Ben Muster", "kunde");
    let topic = app.topic(
        event_id,
        jana_rsvp,
        TopicSpec::new("Rust im Betrieb")
            .description("Was nach dem ersten Jahr in Produktion gelernt wurde.")
            .signed("Jana"),
    );
    let author = NoteAuthor {
        name: "Jana".into(),
        rsvp_id: Some(jana_rsvp),
        organizer_id: None,
    };
    with_conn(app, |c| {
        board::save_note(c, event_id, topic, &author, "Folien folgen.", None, now())
    })
    .expect("note");
    let post = app.post(
        organizer,
        PostSpec::published(Lang::De, "hallo", "Hallo Welt"),
    );
    let approved_comment = app.comment(post, "Jana", JANA, "Schöner Rückblick!", true);
    let pending_comment = app.comment(post, "Jana", JANA, "Noch eine Frage …", false);
    app.comment(post, "Ben", BEN, "Bis bald!", true);
    mail(app, JANA, "Deine Anmeldung", "privacy-test-jana");
    mail(app, BEN, "Deine Anmeldung", "privacy-test-ben");
    Stored {
        rsvp: jana_rsvp,
        ben_rsvp,
        topic,
        approved_comment,
        pending_comment,
    }
}

#[actix_web::test]
async fn export_holds_everything_stored_about_an_address() {
    let app = TestApp::new();
    jana_everywhere(&app);
    let mut client = app.client().await;
    client.login(ORGANIZER, PASSWORD).await;
    let page = client.get("/admin/privacy").await;
    assert_eq!(page.status, 200);
    page.assert_contains("action=\"/admin/privacy/export\"");
    page.assert_contains("formaction=\"/admin/privacy/erase\"");

    // Typed with spaces and capitals, as people paste addresses.
    let res = client
        .submit(
            "/admin/privacy",
            "/admin/privacy/export",
            &[("email", "  Jana@Example.ORG ")],
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.body);
    assert!(res.header("content-type").starts_with("application/json"));
    let date = now().format("%Y-%m-%d").to_string();
    assert_eq!(
        res.header("content-disposition"),
        format!("attachment; filename=\"privacy-{date}.json\"")
    );
    assert!(res.body.contains("\n  \""), "pretty-printed");
    let json: serde_json::Value = serde_json::from_str(&res.body).expect("JSON");
    assert_eq!(json["email"], JANA);
    let contact = &json["contact"];
    assert_eq!(contact["name"], "Jana Beispiel");
    assert_eq!(contact["organization"], "Nordlicht Software");
    assert_eq!(contact["language"], "de");
    assert_eq!(contact["tags"], serde_json::json!(["halle", "kunde"]));
    assert_eq!(contact["preferences"]["invitations"], true);
    assert_eq!(contact["consent"]["text"], "Ja, schickt mir Einladungen.");
    assert_eq!(json["suppressed"], serde_json::Value::Null);
    let rsvps = json["rsvps"].as_array().expect("rsvps");
    assert_eq!(rsvps.len(), 1);
    assert_eq!(rsvps[0]["event"]["slug"], "grillen");
    assert_eq!(rsvps[0]["event"]["title_en"], "Summer BBQ");
    assert_eq!(rsvps[0]["notes"], "Nussallergie");
    assert_eq!(rsvps[0]["guests"], 1);
    assert_eq!(rsvps[0]["status"], "confirmed");
    assert_eq!(json["topics"][0]["title"], "Rust im Betrieb");
    assert_eq!(
        json["topics"][0]["description"],
        "Was nach dem ersten Jahr in Produktion gelernt wurde."
    );
    assert_eq!(json["topic_notes"][0]["body"], "Folien folgen.");
    assert_eq!(json["topic_notes"][0]["topic"], "Rust im Betrieb");
    let comments = json["comments"].as_array().expect("comments");
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0]["body"], "Schöner Rückblick!");
    assert_eq!(comments[0]["post"]["slug"], "hallo");
    assert_eq!(comments[1]["status"], "pending");
    let emails = json["emails"].as_array().expect("emails");
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0]["subject"], "Deine Anmeldung");
    assert_eq!(emails[0]["status"], "pending");
    assert!(json["exported_at"].is_string());
    // Nothing about anyone else, and no message bodies.
    res.assert_lacks("Ben");
    res.assert_lacks(BEN);
    res.assert_lacks("Geheimer Inhalt");
}

#[actix_web::test]
async fn erasure_asks_first_then_anonymizes_what_stays_and_suppresses_the_address() {
    let app = TestApp::new();
    let stored = jana_everywhere(&app);
    let mut client = app.client().await;
    client.login(ORGANIZER, PASSWORD).await;

    let confirm = client
        .submit("/admin/privacy", "/admin/privacy/erase", &[("email", JANA)])
        .await;
    assert_eq!(confirm.status, 200, "{}", confirm.body);
    confirm.assert_contains("Daten wirklich löschen?");
    confirm.assert_contains("1 Kontakt");
    confirm.assert_contains("1 Anmeldung");
    confirm.assert_contains("1 vorgeschlagenes Thema");
    confirm.assert_contains("1 Notizversion");
    confirm.assert_contains("1 veröffentlichter Kommentar");
    confirm.assert_contains("1 nicht veröffentlichter Kommentar");
    confirm.assert_contains("1 E-Mail im Postausgang");
    assert_eq!(confirm.field("confirm").as_deref(), Some("yes"));
    assert_eq!(confirm.field("email").as_deref(), Some(JANA));
    // Nothing has happened yet.
    let names: Vec<String> = with_conn(&app, |c| {
        rsvps::table.select(rsvps::name).order(rsvps::id).load(c)
    })
    .expect("names");
    assert_eq!(names, ["Jana Beispiel", "Ben Muster"]);

    let csrf = confirm.csrf();
    let done = client
        .post(
            "/admin/privacy/erase",
            &[("csrf", &csrf), ("email", JANA), ("confirm", "yes")],
        )
        .await;
    assert_eq!(done.status, 200, "{}", done.body);
    done.assert_contains("Daten gelöscht");
    done.assert_contains(
        "<span class=\"stat-value\">1</span><span class=\"stat-label\">Anmeldung anonymisiert</span>",
    );
    done.assert_contains(
        "<span class=\"stat-value\">1</span><span class=\"stat-label\">E-Mail gelöscht</span>",
    );

    with_conn(&app, |c| {
        // The contact and its tags are gone; Ben's stay.
        let emails: Vec<String> = contacts::table
            .select(contacts::email)
            .load(c)
            .expect("contacts");
        assert_eq!(emails, [BEN]);
        let tags: i64 = contact_tags::table.count().get_result(c).expect("tags");
        assert_eq!(tags, 1);
        // The RSVP still holds its places and diet, but no person.
        let (name, email, notes, status, guests, diet): (
            String,
            String,
            String,
            String,
            i32,
            String,
        ) = rsvps::table
            .find(stored.rsvp)
            .select((
                rsvps::name,
                rsvps::email,
                rsvps::notes,
                rsvps::status,
                rsvps::guests,
                rsvps::diet,
            ))
            .first(c)
            .expect("rsvp");
        assert_eq!(name, "—");
        assert_eq!(email, format!("erased-{}@invalid", stored.rsvp));
        assert_eq!(notes, "");
        assert_eq!(
            (status.as_str(), guests, diet.as_str()),
            ("confirmed", 1, "vegan")
        );
        let ben: (String, String) = rsvps::table
            .find(stored.ben_rsvp)
            .select((rsvps::name, rsvps::notes))
            .first(c)
            .expect("ben");
        assert_eq!(ben, ("Ben Muster".into(), "Kommt später".into()));
        // The topic and the note keep their text without the name.
        let topic: (String, String, String) = topics::table
            .find(stored.topic)
            .select((topics::proposer_name, topics::title, topics::description))
            .first(c)
            .expect("topic");
        assert_eq!(
            topic,
            (
                "—".into(),
                "Rust im Betrieb".into(),
                "Was nach dem ersten Jahr in Produktion gelernt wurde.".into()
            )
        );
        let note: (String, String) = topic_notes::table
            .select((topic_notes::author_name, topic_notes::body))
            .first(c)
            .expect("note");
        assert_eq!(note, ("—".into(), "Folien folgen.".into()));
        // The published comment stays anonymous; the unpublished one is gone.
        let comment: (String, String, String) = comments::table
            .find(stored.approved_comment)
            .select((
                comments::author_name,
                comments::author_email,
                comments::body,
            ))
            .first(c)
            .expect("comment");
        assert_eq!(comment.0, "—");
        assert!(comment.1.ends_with("@invalid"), "{}", comment.1);
        assert_eq!(comment.2, "Schöner Rückblick!");
        let pending: i64 = comments::table
            .find(stored.pending_comment)
            .count()
            .get_result(c)
            .expect("pending");
        assert_eq!(pending, 0);
        let left: Vec<String> = comments::table
            .select(comments::author_email)
            .load(c)
            .expect("comments");
        assert!(!left.iter().any(|e| e == JANA), "{left:?}");
        // No mail to her is left; Ben's still goes out.
        let recipients: Vec<String> = outbox::table
            .select(outbox::recipient)
            .load(c)
            .expect("outbox");
        assert_eq!(recipients, [BEN]);
        // The address is kept from later imports and campaigns, as a hash only.
        assert_eq!(
            suppression::reason_for(c, JANA).expect("suppression"),
            Some(Reason::Unsubscribed)
        );
        assert_eq!(suppression::reason_for(c, BEN).expect("suppression"), None);
    });

    // The board still shows the topic, without her name.
    let board_page = client.get("/de/events/grillen/topics/").await;
    assert_eq!(board_page.status, 200);
    board_page.assert_contains("Rust im Betrieb");
    board_page.assert_lacks("Jana");

    // Asking again: nothing left but the suppression entry, which an export still shows.
    let again = client
        .submit("/admin/privacy", "/admin/privacy/erase", &[("email", JANA)])
        .await;
    assert_eq!(again.status, 200);
    again.assert_contains("nichts mehr gespeichert");
    let export = client
        .submit(
            "/admin/privacy",
            "/admin/privacy/export",
            &[("email", JANA)],
        )
        .await;
    let json: serde_json::Value = serde_json::from_str(&export.body).expect("JSON");
    assert_eq!(json["suppressed"], "unsubscribed");
    assert_eq!(json["contact"], serde_json::Value::Null);
    assert_eq!(json["rsvps"], serde_json::json!([]));
}

#[test]
fn erase_in_code_returns_counts_and_leaves_others_alone() {
    let app = TestApp::new();
    jana_everywhere(&app);
    let before = with_conn(&app, |c| {
        grillplatz::privacy::queries::look_up(c, " JANA@example.org")
    })
    .expect("look up");
    let erased = with_conn(&app, |c| {
        grillplatz::privacy::queries::erase(c, JANA, now())
    })
    .expect("erase");
    assert_eq!(before, erased);
    assert_eq!(
        (
            erased.contacts,
            erased.rsvps,
            erased.topics,
            erased.notes,
            erased.comments,
            erased.comments_deleted,
            erased.emails
        ),
        (1, 1, 1, 1, 1, 1, 1)
    );
    let after =
        with_conn(&app, |c| grillplatz::privacy::queries::look_up(c, JANA)).expect("look up");
    assert!(after.is_empty(), "{after:?}");
    let ben = with_conn(&app, |c| grillplatz::privacy::queries::look_up(c, BEN)).expect("look up");
    assert_eq!(
        (ben.contacts, ben.rsvps, ben.comments, ben.emails),
        (1, 1, 1, 1)
    );
}

#[actix_web::test]
async fn bad_addresses_come_back_with_a_message() {
    let app = TestApp::new();
    jana_everywhere(&app);
    let mut client = app.client().await;
    client.login(ORGANIZER, PASSWORD).await;
    let script = "<script>alert(1)</script>@example.org";
    let cases = [
        ("", "Bitte fülle dieses Feld aus."),
        ("   ", "Bitte fülle dieses Feld aus."),
        ("jana@", "gültige E-Mail-Adresse"),
        ("jana example.org", "gültige E-Mail-Adresse"),
        (script, "gültige E-Mail-Adresse"),
    ];
    for action in ["/admin/privacy/export", "/admin/privacy/erase"] {
        for (typed, message) in cases {
            let res = client
                .submit("/admin/privacy", action, &[("email", typed)])
                .await;
            assert_eq!(res.status, 422, "{action} {typed:?}");
            assert!(res.header("content-type").starts_with("text/html"));
            res.assert_contains(message);
            res.assert_lacks("<script>alert");
            assert_eq!(res.field("email").as_deref(), Some(typed), "kept");
        }
        // An address nobody used: a clear message, not an empty file.
        let res = client
            .submit(
                "/admin/privacy",
                action,
                &[("email", "niemand@example.org")],
            )
            .await;
        assert_eq!(res.status, 200);
        assert!(res.header("content-type").starts_with("text/html"));
        res.assert_contains("Zu dieser E-Mail-Adresse ist nichts gespeichert.");
        assert_eq!(res.field("email").as_deref(), Some("niemand@example.org"));
    }
    // An erasure confirmed for an unknown address does nothing, not even suppress it.
    let res = client
        .submit(
            "/admin/privacy",
            "/admin/privacy/erase",
            &[("email", "niemand@example.org"), ("confirm", "yes")],
        )
        .await;
    res.assert_contains("nichts gespeichert");
    let suppressed = with_conn(&app, |c| suppression::reason_for(c, "niemand@example.org"))
        .expect("suppression");
    assert_eq!(suppressed, None);
    // The English admin area says it in English.
    client
        .submit("/admin/privacy", "/admin/lang", &[("lang", "en")])
        .await;
    let res = client
        .submit(
            "/admin/privacy",
            "/admin/privacy/export",
            &[("email", "niemand@example.org")],
        )
        .await;
    res.assert_contains("Nothing is stored about this email address.");
}

#[actix_web::test]
async fn privacy_tools_need_a_login_and_a_csrf_token() {
    let app = TestApp::new();
    jana_everywhere(&app);
    let mut client = app.client().await;
    for path in ["/admin/privacy"] {
        let res = client.get(path).await;
        assert_eq!(res.status, 303);
        assert_eq!(res.location(), "/admin/login");
    }
    for action in ["/admin/privacy/export", "/admin/privacy/erase"] {
        let res = client
            .post(
                action,
                &[("email", JANA), ("confirm", "yes"), ("csrf", "x")],
            )
            .await;
        assert_eq!(res.status, 303, "{action}");
        assert_eq!(res.location(), "/admin/login");
    }
    client.login(ORGANIZER, PASSWORD).await;
    client.get("/admin/privacy").await;
    for action in ["/admin/privacy/export", "/admin/privacy/erase"] {
        let res = client
            .post(
                action,
                &[("email", JANA), ("confirm", "yes"), ("csrf", "forged")],
            )
            .await;
        assert_eq!(res.status, 403, "{action}");
        res.assert_lacks("Jana Beispiel");
        let res = client
            .post(action, &[("email", JANA), ("confirm", "yes")])
            .await;
        assert_eq!(res.status, 403, "{action} without a token");
    }
    let names: i64 = with_conn(&app, |c| {
        rsvps::table
            .filter(rsvps::email.eq(JANA))
            .count()
            .get_result(c)
    })
    .expect("rsvps");
    assert_eq!(names, 1, "nothing was erased");
}
