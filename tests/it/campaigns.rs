//! Invitation campaigns: recipients, preview, test mail, sending at a steady rate,
//! exactly once per contact — also when interrupted — and announcements of posts.

use std::collections::HashSet;
use std::time::Instant;

use chrono::Duration;
use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::contacts::campaigns::{self, NotQueued};
use grillplatz::db::schema::{campaigns as campaign_rows, contacts as contact_rows, outbox};
use grillplatz::i18n::Lang;
use grillplatz::mail::worker;

use crate::events::{link, mail_ctx, mail_to};
use crate::outbox::{SmtpServer, html_to, smtp_enabled, smtp_worker};
use crate::support::{ContactSpec, EventSpec, PASSWORD, TestApp, with_conn};

const ORGA: &str = "orga@example.org";

fn form(subject_de: &str) -> Vec<(&str, &str)> {
    vec![
        ("subject_de", subject_de),
        ("subject_en", "Invitation for {name}"),
        (
            "body_de",
            "Hallo {name}, am {date} in {place}. Anmelden: {rsvp_link}",
        ),
        (
            "body_en",
            "Hi {name}, on {date} at {place}. Register: {rsvp_link}",
        ),
        ("lang_de", "yes"),
        ("lang_en", "yes"),
        ("tag", "kunde"),
    ]
}

/// A campaign for `event_id` to everyone tagged "kunde", as a draft.
fn draft(app: &TestApp, event_id: i64) -> i64 {
    let input = campaigns::CampaignInput {
        subject_de: "Einladung".into(),
        subject_en: "Invitation".into(),
        body_de: "Hallo {name}: {rsvp_link}".into(),
        body_en: "Hi {name}: {rsvp_link}".into(),
        tags: vec!["kunde".into()],
        langs: Lang::ALL.to_vec(),
    };
    with_conn(app, |c| {
        campaigns::create(
            c,
            grillplatz::contacts::model::CampaignKind::Invitation,
            Some(event_id),
            None,
            &input,
            None,
            now(),
        )
    })
    .expect("draft")
}

#[actix_web::test]
async fn organizers_write_preview_test_and_send_an_invitation() {
    let app = TestApp::new();
    app.organizer(ORGA, "Orga");
    let event_id = app.event(EventSpec::published("grillen").capacity(30));
    app.contact(ContactSpec::new("jana@example.org").tags("kunde, halle"));
    app.contact(
        ContactSpec::new("sam@example.org")
            .lang(Lang::En)
            .tags("kunde"),
    );
    app.contact(ContactSpec::new("nora@example.org").tags("community"));
    let mut client = app.client().await;
    client.login(ORGA, PASSWORD).await;
    let new = format!("/admin/campaigns/new?event={event_id}");
    let page = client.get(&new).await;
    page.assert_contains("Einladung: Sommergrillen");
    page.assert_contains("{rsvp_link}");
    assert_eq!(
        client.get("/admin/campaigns/new?event=999").await.status,
        404
    );

    let mut bad = form("");
    bad.retain(|(k, _)| *k != "lang_en" && *k != "lang_de");
    bad.push(("event", "1"));
    let res = client.submit(&new, "/admin/campaigns/new", &bad).await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte wähle mindestens eine Sprache aus.");
    let event = event_id.to_string();
    let mut good = form("Einladung für {name}");
    good.push(("event", &event));
    let res = client.submit(&new, "/admin/campaigns/new", &good).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = client.get(res.location()).await;
    let id: i64 = res
        .location()
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("id");
    // Two recipients (tag "kunde"), one per language, previewed with their own names.
    page.assert_contains("2 Empfänger:innen");
    page.assert_contains("Einladung für jana");
    page.assert_contains("Invitation for sam");
    let frame = client
        .get(&format!("/admin/campaigns/{id}/preview/de"))
        .await;
    frame.assert_contains("/de/events/grillen/?invite=");
    frame.assert_contains("Große Ulrichstraße 12");

    let res = client
        .submit(res.location(), &format!("/admin/campaigns/{id}/test"), &[])
        .await;
    assert_eq!(res.status, 303);
    let tests = mail_to(&app, ORGA);
    assert_eq!(tests.len(), 2, "{tests:?}");
    assert!(
        tests
            .iter()
            .any(|m| m.0.starts_with("[Test] Einladung für Orga"))
    );

    let show = format!("/admin/campaigns/{id}");
    let res = client
        .submit(&show, &format!("/admin/campaigns/{id}/send"), &[])
        .await;
    assert_eq!(res.status, 303);
    let rows: Vec<(String, Option<String>, chrono::NaiveDateTime)> = with_conn(&app, |c| {
        outbox::table
            .filter(outbox::campaign_id.eq(id))
            .order(outbox::next_attempt_at)
            .select((
                outbox::recipient,
                outbox::unsubscribe_url,
                outbox::next_attempt_at,
            ))
            .load(c)
            .expect("outbox")
    });
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter()
            .all(|r| r.1.as_deref().is_some_and(|u| u.contains("/unsubscribe/")))
    );
    // 60 per minute by default: one second apart.
    assert_eq!(rows[1].2 - rows[0].2, Duration::seconds(1));
    // Sending again is refused; nobody gets it twice.
    client
        .submit(&show, &format!("/admin/campaigns/{id}/send"), &[])
        .await;
    client.get(&show).await.assert_contains("schon verschickt");
    assert_eq!(mail_to(&app, "jana@example.org").len(), 1);

    // The personal link fills in the form; registering counts for the campaign.
    let (_, text, _) = mail_to(&app, "jana@example.org").remove(0);
    let invite = link(&text, "/de/events/grillen/?invite=");
    let mut jana = app.client().await;
    let page = jana.get(&invite).await;
    assert_eq!(page.field("email").as_deref(), Some("jana@example.org"));
    assert_eq!(page.field("name").as_deref(), Some("jana"));
    assert_eq!(page.header("cache-control"), "private, no-store");
    let forged = invite.replace("?invite=", "?invite=1");
    assert_eq!(jana.get(&forged).await.field("email").as_deref(), Some(""));
    jana.submit(
        &invite,
        "/de/events/grillen/rsvp",
        &[
            ("name", "Jana"),
            ("email", "jana@example.org"),
            ("lang", "de"),
            ("guests", "0"),
            ("diet", "vegan"),
            ("consent", "yes"),
        ],
    )
    .await;
    let page = client.get(&show).await;
    page.assert_contains("Davon angemeldet");
    page.assert_contains("<progress");
    let registered = with_conn(&app, |c| {
        let campaign = campaigns::by_id(c, id)?.expect("campaign");
        campaigns::registered(c, &campaign)
    })
    .expect("registered");
    assert_eq!(registered, 1);
}

#[test]
fn two_organizers_pressing_send_at_once_queue_it_once() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("grillen").capacity(30));
    for i in 0..40 {
        app.contact(ContactSpec::new(&format!("p{i}@example.org")).tags("kunde"));
    }
    let id = draft(&app, event_id);
    let pool = grillplatz::db::connect(&app.url, 8).expect("pool");
    let ctx = mail_ctx(&app);
    let outcomes: Vec<Result<usize, NotQueued>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let pool = pool.clone();
                let ctx = ctx.clone();
                scope.spawn(move || {
                    let mut conn = pool.get().expect("conn");
                    campaigns::queue(&mut conn, id, &ctx, 60, now()).expect("queue")
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    assert_eq!(
        outcomes.iter().filter(|o| **o == Ok(40)).count(),
        1,
        "{outcomes:?}"
    );
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == Err(NotQueued::AlreadyQueued))
            .count(),
        3
    );
    let queued: i64 = with_conn(&app, |c| {
        outbox::table
            .filter(outbox::campaign_id.eq(id))
            .count()
            .get_result(c)
            .expect("count")
    });
    assert_eq!(queued, 40);
}

#[actix_web::test]
async fn a_published_post_is_announced_to_its_language_once() {
    let app = TestApp::new();
    app.organizer(ORGA, "Orga");
    app.contact(ContactSpec::new("jana@example.org"));
    app.contact(ContactSpec::new("sam@example.org").lang(Lang::En));
    let mut client = app.client().await;
    client.login(ORGA, PASSWORD).await;
    let res = client
        .submit(
            "/admin/posts/new",
            "/admin/posts/new",
            &[
                ("title", "Neuer Beitrag"),
                ("slug", "neuer-beitrag"),
                ("lang", "de"),
                ("excerpt", "Kurz und gut."),
                ("body", "Text"),
                ("announce", "yes"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let ctx = mail_ctx(&app);
    for _ in 0..2 {
        with_conn(&app, |c| {
            campaigns::queue_due(c, &ctx, 60, now() + Duration::seconds(1))
        })
        .expect("due");
    }
    let jana = mail_to(&app, "jana@example.org");
    assert_eq!(jana.len(), 1, "{jana:?}");
    assert_eq!(jana[0].0, "Neuer Beitrag");
    assert!(jana[0].1.contains("Kurz und gut."));
    assert!(jana[0].1.contains("/de/blog/neuer-beitrag/"));
    assert!(
        mail_to(&app, "sam@example.org").is_empty(),
        "English readers get nothing"
    );
    let status: String = with_conn(&app, |c| {
        campaign_rows::table
            .select(campaign_rows::status)
            .first(c)
            .expect("campaign")
    });
    assert_eq!(status, "queued");
}

/// Recipients of the messages a maildir holds, each once per message.
fn recipients(mails: &[String]) -> Vec<String> {
    mails
        .iter()
        .filter_map(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("To: ").map(str::to_string))
        })
        .collect()
}

#[actix_web::test]
async fn an_interrupted_campaign_resumes_and_mails_everyone_exactly_once() {
    if !smtp_enabled() {
        return;
    }
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("grillen").capacity(30));
    for i in 0..30 {
        app.contact(ContactSpec::new(&format!("p{i}@example.org")).tags("kunde"));
    }
    let id = draft(&app, event_id);
    let ctx = mail_ctx(&app);
    with_conn(&app, |c| campaigns::queue(c, id, &ctx, 1_000_000, now()))
        .expect("db")
        .expect("queued");
    let server = SmtpServer::start();
    let worker = smtp_worker(&app, server.port);
    // Two batches go out, then the server goes down.
    worker.run_once().await.expect("pass");
    worker.run_once().await.expect("pass");
    let (port, maildir) = server.stop();
    let pass = worker.run_once().await.expect("pass");
    assert_eq!(pass.sent, 0);
    // A worker process dies holding a claimed batch.
    with_conn(&app, |c| worker::claim(c, 5, worker::LEASE)).expect("claim");
    // Everything comes back: the server restarts, backoffs and the lease run out.
    let server = SmtpServer::start_on(port, maildir);
    with_conn(&app, |c| {
        diesel::update(outbox::table.filter(outbox::campaign_id.eq(id)))
            .set((
                outbox::next_attempt_at.eq(now() - Duration::seconds(1)),
                outbox::locked_until.eq(now() - Duration::seconds(1)),
            ))
            .execute(c)
            .expect("time passes")
    });
    smtp_worker(&app, port).drain().await.expect("drain");
    let got = recipients(&server.received());
    let unique: HashSet<&String> = got.iter().collect();
    assert_eq!(got.len(), 30, "every contact once: {got:?}");
    assert_eq!(unique.len(), 30);
}

#[actix_web::test]
async fn ten_thousand_invitations_through_a_local_smtp_server() {
    // A throughput measurement, not a backend check: CI runs it once, in the SQLite pass.
    if !smtp_enabled() || crate::support::postgres_url().is_some() {
        return;
    }
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("grillen").capacity(30));
    // Raw: 10,000 contacts in one transaction; save() takes a write transaction per contact.
    with_conn(&app, |c| {
        grillplatz::db::write_transaction(c, |c| {
            for i in 0..10_000 {
                let id: i64 = diesel::insert_into(contact_rows::table)
                    .values((
                        contact_rows::email.eq(format!("p{i}@example.org")),
                        contact_rows::name.eq(format!("Person {i}")),
                        contact_rows::lang.eq(if i % 3 == 0 { "en" } else { "de" }),
                        contact_rows::status.eq("active"),
                        contact_rows::source.eq("import"),
                        contact_rows::created_at.eq(now()),
                        contact_rows::updated_at.eq(now()),
                    ))
                    .returning(contact_rows::id)
                    .get_result(c)?;
                diesel::insert_into(grillplatz::db::schema::contact_tags::table)
                    .values((
                        grillplatz::db::schema::contact_tags::contact_id.eq(id),
                        grillplatz::db::schema::contact_tags::tag.eq("kunde"),
                    ))
                    .execute(c)?;
            }
            Ok::<_, diesel::result::Error>(())
        })
    })
    .expect("contacts");
    let id = draft(&app, event_id);
    let ctx = mail_ctx(&app);
    let started = Instant::now();
    let queued = with_conn(&app, |c| campaigns::queue(c, id, &ctx, 1_000_000, now()))
        .expect("db")
        .expect("queued");
    let queue_time = started.elapsed();
    assert_eq!(queued, 10_000);
    let server = SmtpServer::start();
    let mut worker = smtp_worker(&app, server.port);
    worker.batch = 100;
    let started = Instant::now();
    let pass = worker.drain().await.expect("drain");
    let send_time = started.elapsed();
    assert_eq!(pass.sent, 10_000);
    let got = recipients(&server.received());
    assert_eq!(got.len(), 10_000);
    eprintln!(
        "10,000 invitations: queued in {:.1} s, sent in {:.1} s = {:.0} mails/s",
        queue_time.as_secs_f64(),
        send_time.as_secs_f64(),
        10_000.0 / send_time.as_secs_f64()
    );
}

/// Every contact row as it stands, to prove a journey changed none.
fn contact_rows(app: &TestApp) -> Vec<(i64, String, String, bool, bool, String)> {
    with_conn(app, |c| {
        contact_rows::table
            .order(contact_rows::id)
            .select((
                contact_rows::id,
                contact_rows::email,
                contact_rows::status,
                contact_rows::invitations,
                contact_rows::announcements,
                contact_rows::lang,
            ))
            .load(c)
            .expect("contacts")
    })
}

#[actix_web::test]
async fn campaign_mails_link_the_invitation_and_unsubscribe_pages_in_their_html() {
    let app = TestApp::new();
    let event_id = app.event(EventSpec::published("grillen").capacity(30));
    let jana = app.contact(ContactSpec::new("jana@example.org").tags("kunde"));
    let id = draft(&app, event_id);
    let ctx = mail_ctx(&app);
    with_conn(&app, |c| campaigns::queue(c, id, &ctx, 60, now()))
        .expect("queue")
        .expect("queued");
    let html = html_to(&app, "jana@example.org").remove(0);
    let (_, text, _) = mail_to(&app, "jana@example.org").remove(0);
    let invite = format!(
        "http://grillplatz.test{}",
        link(&text, "/de/events/grillen/?invite=")
    );
    let unsubscribe = ctx.unsubscribe_url(Lang::De, jana);
    // {rsvp_link} in the text, the button and the link written out under it.
    assert_eq!(
        html.count(&format!("a[href=\"{invite}\"]")),
        3,
        "{}",
        html.body
    );
    assert_eq!(
        html.count(&format!(
            "a[href=\"{invite}\"][style*=\"word-break:break-all\"]"
        )),
        2,
        "long links wrap on a phone"
    );
    html.assert_has(&format!("a[href=\"{unsubscribe}\"]"));
    // The text part keeps both as they are.
    assert!(text.contains(&format!("Hallo jana: {invite}")), "{text}");
    assert!(text.lines().any(|l| l == unsubscribe), "{text}");
}

#[actix_web::test]
async fn the_test_mail_links_open_real_pages_for_the_organizer_and_change_nothing() {
    let app = TestApp::new();
    app.organizer(ORGA, "Orga Nisator");
    let event_id = app.event(EventSpec::published("grillen").capacity(30));
    app.contact(ContactSpec::new("jana@example.org").tags("kunde"));
    let id = draft(&app, event_id);
    let mut client = app.client().await;
    client.login(ORGA, PASSWORD).await;
    let show = format!("/admin/campaigns/{id}");
    let res = client
        .submit(&show, &format!("/admin/campaigns/{id}/test"), &[])
        .await;
    assert_eq!(res.status, 303);
    let before = contact_rows(&app);
    let (subject, text, _) = mail_to(&app, ORGA).remove(0);
    assert!(subject.starts_with("[Test] Einladung"), "{subject}");
    let invite = link(&text, "/de/events/grillen/?invite=");
    let unsubscribe = link(&text, "/de/unsubscribe/");
    let html = html_to(&app, ORGA).remove(0);
    html.assert_has(&format!("a[href=\"http://grillplatz.test{invite}\"]"));
    html.assert_has(&format!("a[href=\"http://grillplatz.test{unsubscribe}\"]"));

    // From any browser: the invitation comes filled in for the organizer.
    let mut reader = app.client().await;
    let page = reader.get(&invite).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.field("email").as_deref(), Some(ORGA));
    assert_eq!(page.field("name").as_deref(), Some("Orga Nisator"));

    // The unsubscribe page is the recipients' page, saying it is a test.
    let page = reader.get(&unsubscribe).await;
    assert_eq!(page.status, 200);
    page.assert_contains(ORGA);
    page.assert_has(".unsubscribe-test");
    page.assert_contains("Das war eine Test-E-Mail");
    // Its buttons (and a mail program's one-click POST) change nothing.
    let res = reader
        .post(&unsubscribe, &[("List-Unsubscribe", "One-Click")])
        .await;
    assert_eq!(res.status, 303);
    reader
        .get(res.location())
        .await
        .assert_contains("Geändert hat sich nichts.");
    let res = reader
        .submit(
            &unsubscribe,
            &format!("{unsubscribe}/preferences"),
            &[("lang", "en"), ("invitations", "yes")],
        )
        .await;
    assert_eq!(res.status, 303);
    reader
        .get(res.location())
        .await
        .assert_contains("Geändert hat sich nichts.");
    let res = reader
        .post(
            &format!("{unsubscribe}/preferences"),
            &[("csrf", "forged"), ("lang", "en")],
        )
        .await;
    assert_eq!(
        res.status, 403,
        "the test page checks CSRF like the real one"
    );
    assert_eq!(contact_rows(&app), before);
    let suppressed: i64 = with_conn(&app, |c| {
        grillplatz::db::schema::suppressions::table
            .count()
            .get_result(c)
    })
    .expect("suppressions");
    assert_eq!(suppressed, 0);
    // A forged organizer token is still nobody's.
    let forged = unsubscribe.replace("/unsubscribe/-", "/unsubscribe/-1");
    assert_eq!(reader.get(&forged).await.status, 404);
}

#[actix_web::test]
async fn the_editor_shows_the_html_mail_in_a_sandboxed_frame_and_asks_to_save_before_testing() {
    let app = TestApp::new();
    app.organizer(ORGA, "Orga");
    let starts = chrono::NaiveDate::from_ymd_opt(2027, 6, 25)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("date");
    let event_id = app.event(
        EventSpec::published("grillen")
            .capacity(30)
            .starting_at(starts),
    );
    app.contact(
        ContactSpec::new("anke@example.org")
            .name("Anke Wolf")
            .tags("kunde"),
    );
    let mut client = app.client().await;
    let new_preview = format!("/admin/campaigns/new/preview/de?event={event_id}");
    assert_eq!(
        client.get(&new_preview).await.status,
        303,
        "organizers only"
    );
    client.login(ORGA, PASSWORD).await;

    let page = client
        .get(&format!("/admin/campaigns/new?event={event_id}"))
        .await;
    page.assert_has(&format!("iframe[sandbox=\"\"][src=\"{new_preview}\"]"));
    page.assert_no("form[action$=\"/test\"]");
    page.assert_contains("Speichere zuerst den Entwurf");
    page.assert_no("pre.mail-preview");
    let body = page.field("body_de").expect("German text");
    assert!(body.starts_with("wir laden dich"), "{body}");

    let frame = client.get(&new_preview).await;
    assert_eq!(frame.status, 200);
    let csp = frame.header("content-security-policy");
    assert!(csp.contains("style-src 'unsafe-inline'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'self'"), "{csp}");
    assert!(!csp.contains("script-src"), "nothing runs: {csp}");
    assert_eq!(frame.header("x-frame-options"), "SAMEORIGIN");
    frame.assert_contains("Hallo Anke Wolf,");
    frame.assert_contains("wir laden dich herzlich");
    frame.assert_contains("Wir treffen uns am 25. Juni 2027 um 14:00 Uhr.");
    frame.assert_contains("Ort: Nordlicht Software, Große Ulrichstraße 12");
    frame.assert_has("a[href*=\"/de/events/grillen/?invite=\"]");
    let english = client
        .get(&format!("/admin/campaigns/new/preview/en?event={event_id}"))
        .await;
    english.assert_contains("We meet on June 25, 2027 at 2:00 PM.");

    let id = draft(&app, event_id);
    let page = client.get(&format!("/admin/campaigns/{id}")).await;
    page.assert_has(&format!("iframe[src=\"/admin/campaigns/{id}/preview/en\"]"));
    page.assert_has("form[action$=\"/test\"]");
    page.assert_no(".translation-note");
    let frame = client
        .get(&format!("/admin/campaigns/{id}/preview/de"))
        .await;
    frame.assert_contains("Hallo Anke Wolf,");
    for bad in [
        format!("/admin/campaigns/{id}/preview/fr"),
        "/admin/campaigns/999/preview/de".to_string(),
        "/admin/campaigns/new/preview/de?event=999".to_string(),
        "/admin/campaigns/new/preview/de?event=%3Cscript%3E".to_string(),
        "/admin/campaigns/new/preview/de".to_string(),
    ] {
        assert_eq!(client.get(&bad).await.status, 404, "{bad}");
    }
}
