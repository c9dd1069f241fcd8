//! Contacts: the organizers' list, the newsletter's double opt-in, one-click unsubscribe,
//! the suppression list on every path, and bounces from a real SMTP conversation.

use std::path::PathBuf;

use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::contacts::campaigns;
use grillplatz::contacts::model::CampaignKind;
use grillplatz::contacts::queries as contacts;
use grillplatz::db::Db;
use grillplatz::db::schema::{contacts as contact_rows, outbox};
use grillplatz::i18n::Lang;
use grillplatz::mail::suppression::{self, Reason};
use grillplatz::mail::transport::Transport;
use grillplatz::mail::worker::Worker;
use grillplatz::mail::{self, Email};

use crate::events::{link, mail_ctx, mail_to};
use crate::outbox::{eml_files, file_worker};
use crate::support::{ContactSpec, PASSWORD, TestApp, with_conn};

const ORGA: &str = "orga@example.org";

fn status(app: &TestApp, email: &str) -> String {
    with_conn(app, |c| {
        contact_rows::table
            .filter(contact_rows::email.eq(email))
            .select(contact_rows::status)
            .first(c)
            .expect("contact")
    })
}

#[actix_web::test]
async fn organizers_keep_the_contact_list() {
    let app = TestApp::new();
    app.organizer(ORGA, "Orga");
    let mut anonymous = app.client().await;
    assert_eq!(anonymous.get("/admin/contacts").await.status, 303);
    let mut client = app.client().await;
    client.login(ORGA, PASSWORD).await;
    let new = "/admin/contacts/new";
    let fields = |email: &'static str, name: &'static str| {
        vec![
            ("email", email),
            ("name", name),
            ("lang", "de"),
            ("organization", "Stadtwerke Halle"),
            ("tags", "Kunde, halle"),
            ("invitations", "yes"),
        ]
    };
    let res = client.submit(new, new, &fields("", "Jana")).await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte fülle dieses Feld aus.");
    assert_eq!(res.field("name").as_deref(), Some("Jana"));
    let res = client
        .submit(new, new, &fields("jana(at)example", "Jana"))
        .await;
    assert_eq!(res.status, 422);
    assert_eq!(res.field("email").as_deref(), Some("jana(at)example"));
    let res = client
        .submit(
            new,
            new,
            &fields("Jana@Example.org", "<script>alert(1)</script>"),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = client.get(res.location()).await;
    page.assert_contains("&#60;script&#62;");
    page.assert_lacks("<script>alert(1)</script>");
    assert_eq!(page.field("tags").as_deref(), Some("halle, kunde"));
    let res = client
        .submit(new, new, &fields("jana@example.org", "Doppelt"))
        .await;
    assert_eq!(res.status, 409);
    res.assert_contains("Einen Kontakt mit dieser Adresse gibt es schon.");
    client
        .submit(new, new, &fields("ben@example.org", "Ben"))
        .await;
    app.contact(
        ContactSpec::new("cem@example.org")
            .lang(Lang::En)
            .tags("community"),
    );

    let list = client.get("/admin/contacts?tag=kunde").await;
    list.assert_contains("jana@example.org");
    list.assert_contains("ben@example.org");
    list.assert_lacks("cem@example.org");
    let list = client.get("/admin/contacts?q=CEM").await;
    list.assert_contains("cem@example.org");
    list.assert_lacks("ben@example.org");
    assert_eq!(client.get("/admin/contacts?page=7").await.status, 404);
    assert_eq!(client.get("/admin/contacts/99999").await.status, 404);

    let id: i64 = with_conn(&app, |c| {
        contact_rows::table
            .filter(contact_rows::email.eq("ben@example.org"))
            .select(contact_rows::id)
            .first(c)
            .expect("ben")
    });
    let page = format!("/admin/contacts/{id}");
    let question = format!("{page}/delete");
    let ask = client.get(&question).await;
    ask.assert_contains("löschen?");
    ask.assert_contains("bekommt keine Einladungen mehr");
    client
        .get("/admin/contacts")
        .await
        .assert_contains("ben@example.org");
    let res = client.submit(&question, &question, &[]).await;
    assert_eq!(res.status, 303);
    client
        .get("/admin/contacts")
        .await
        .assert_lacks("ben@example.org");
    let res = client
        .post(&format!("{page}/delete"), &[("csrf", "wrong")])
        .await;
    assert_eq!(res.status, 403);
}

#[actix_web::test]
async fn the_newsletter_signs_up_with_double_opt_in_and_keeps_the_consent() {
    let app = TestApp::new();
    app.organizer(ORGA, "Orga");
    let mut client = app.client().await;
    let form = "/en/newsletter/";
    let res = client
        .submit(form, form, &[("email", "not-an-address"), ("lang", "en")])
        .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Please choose at least one kind of email.");
    res.assert_contains("Without your consent");
    assert_eq!(res.field("email").as_deref(), Some("not-an-address"));
    let res = client
        .post(form, &[("email", "x@example.org"), ("csrf", "nope")])
        .await;
    assert_eq!(res.status, 403);

    let res = client
        .submit(
            form,
            form,
            &[
                ("email", " Priya@Example.org "),
                ("name", "Priya"),
                ("lang", "en"),
                ("announcements", "yes"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status, 303);
    client.get(form).await.assert_contains("only then are you on the list");
    assert_eq!(status(&app, "priya@example.org"), "pending");
    // Pending sign-ups get no campaign mail.
    let people = with_conn(&app, |c| {
        campaigns::recipients(c, CampaignKind::Announcement, &[], &Lang::ALL)
    })
    .expect("recipients");
    assert!(people.is_empty());

    let (subject, text, _) = mail_to(&app, "priya@example.org").remove(0);
    assert!(subject.starts_with("Please confirm"), "{subject}");
    let confirm = link(&text, "/en/newsletter/confirm/");
    let page = client.get(&confirm).await;
    page.assert_contains("One more click");
    let done = client.submit(&confirm, &confirm, &[]).await;
    assert_eq!(done.status, 200);
    done.assert_contains("your sign-up is confirmed");
    assert_eq!(status(&app, "priya@example.org"), "active");
    // A used link is unknown afterwards.
    assert_eq!(client.submit(&confirm, &confirm, &[]).await.status, 404);

    let (invitations, announcements, source, text): (bool, bool, Option<String>, Option<String>) =
        with_conn(&app, |c| {
            contact_rows::table
                .filter(contact_rows::email.eq("priya@example.org"))
                .select((
                    contact_rows::invitations,
                    contact_rows::announcements,
                    contact_rows::consent_source,
                    contact_rows::consent_text,
                ))
                .first(c)
                .expect("contact")
        });
    assert!(!invitations && announcements);
    assert_eq!(
        source.as_deref(),
        Some("http://grillplatz.test/en/newsletter/")
    );
    assert!(text.is_some_and(|t| t.starts_with("I want to receive these emails")));
    let mut orga = app.client().await;
    orga.login(ORGA, PASSWORD).await;
    let id = with_conn(&app, |c| contacts::by_email(c, "priya@example.org"))
        .expect("db")
        .expect("contact")
        .id;
    let page = orga.get(&format!("/admin/contacts/{id}")).await;
    page.assert_contains("Newsletter-Anmeldung");
    page.assert_contains("http://grillplatz.test/en/newsletter/");
}

#[actix_web::test]
async fn one_click_unsubscribes_without_anything_else() {
    let app = TestApp::new();
    let id = app.contact(ContactSpec::new("jana@example.org").tags("kunde"));
    let token = mail_ctx(&app).contact_token("unsubscribe", id);
    let path = format!("/de/unsubscribe/{token}");
    let mut mail_program = app.client().await;
    // RFC 8058: a bare POST with this body, no cookies, no CSRF token.
    let res = mail_program
        .post_with(
            &path,
            &[("List-Unsubscribe", "One-Click")],
            ("cache-control", "no-cache"),
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(status(&app, "jana@example.org"), "unsubscribed");
    let reason = with_conn(&app, |c| suppression::reason_for(c, "jana@example.org")).expect("db");
    assert_eq!(reason, Some(Reason::Unsubscribed));
    let page = mail_program.get(&path).await;
    page.assert_contains("keine Einladungen und Hinweise mehr");
    assert_eq!(page.header("cache-control"), "private, no-store");

    // Forged and foreign tokens lead nowhere.
    let other = app.contact(ContactSpec::new("ben@example.org"));
    let forged = format!(
        "{other}.{}",
        token.split_once('.').map(|t| t.1).unwrap_or_default()
    );
    assert_eq!(
        mail_program
            .get(&format!("/de/unsubscribe/{forged}"))
            .await
            .status,
        404
    );
    assert_eq!(
        mail_program
            .post(&format!("/de/unsubscribe/{forged}"), &[])
            .await
            .status,
        404
    );
    assert_eq!(mail_program.get("/de/unsubscribe/kaputt").await.status, 404);
    assert_eq!(status(&app, "ben@example.org"), "active");

    // The preferences page brings invitations back (the link proves the mailbox).
    let res = mail_program
        .submit(
            &path,
            &format!("{path}/preferences"),
            &[("invitations", "yes"), ("lang", "en")],
        )
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(status(&app, "jana@example.org"), "active");
    assert_eq!(
        with_conn(&app, |c| suppression::reason_for(c, "jana@example.org")).expect("db"),
        None
    );
}

fn bulk_mail(to: &str, unsubscribe: Option<&str>) -> Email {
    Email {
        lang: Lang::De,
        to: to.into(),
        subject: "Einladung".into(),
        greeting: "Hallo,".into(),
        paragraphs: vec!["Komm vorbei.".into()],
        action: None,
        footer: vec![],
        ics: None,
        site_name: "Grillplatz".into(),
        markdown: None,
        unsubscribe_url: unsubscribe.map(str::to_string),
    }
}

#[actix_web::test]
async fn the_suppression_list_holds_on_every_path() {
    let app = TestApp::new();
    let id = app.contact(ContactSpec::new("jana@example.org").tags("kunde"));
    app.contact(ContactSpec::new("ben@example.org").tags("kunde"));
    with_conn(&app, |c| contacts::unsubscribe(c, id, now())).expect("unsubscribe");
    // Campaigns leave it out.
    let people = with_conn(&app, |c| {
        campaigns::recipients(c, CampaignKind::Invitation, &[], &Lang::ALL)
    })
    .expect("recipients");
    assert_eq!(
        people.iter().map(|c| c.email.as_str()).collect::<Vec<_>>(),
        ["ben@example.org"]
    );
    // Deleting and adding the contact again does not re-subscribe it.
    with_conn(&app, |c| contacts::delete(c, id)).expect("delete");
    app.contact(ContactSpec::new("jana@example.org").tags("kunde"));
    assert_eq!(status(&app, "jana@example.org"), "unsubscribed");
    // Bulk mail that was queued before is refused at sending; a mail the person asked
    // for (an RSVP confirmation, say) still goes out.
    with_conn(&app, |c| {
        mail::enqueue(
            c,
            "bulk",
            &bulk_mail("jana@example.org", Some("http://x/u")),
            now(),
        )?;
        mail::enqueue(c, "personal", &bulk_mail("jana@example.org", None), now())
    })
    .expect("queue");
    let dir = tempfile::tempdir().expect("dir");
    let pass = file_worker(&app, dir.path()).drain().await.expect("drain");
    assert_eq!((pass.sent, pass.failed), (1, 1));
    assert_eq!(eml_files(dir.path()).len(), 1);
    let error: Option<String> = with_conn(&app, |c| {
        outbox::table
            .filter(outbox::dedupe_key.eq("bulk"))
            .select(outbox::last_error)
            .first(c)
            .expect("row")
    });
    assert_eq!(error.as_deref(), Some("not sent: the address unsubscribed"));
    // A bounced address gets nothing at all.
    with_conn(&app, |c| {
        suppression::suppress(c, "ben@example.org", Reason::Bounced, now())
    })
    .expect("bounce");
    with_conn(&app, |c| {
        mail::enqueue(c, "ben", &bulk_mail("ben@example.org", None), now())
    })
    .expect("queue");
    let pass = file_worker(&app, dir.path()).drain().await.expect("drain");
    assert_eq!((pass.sent, pass.failed), (0, 1));
}

/// A tiny SMTP server that refuses one recipient for good (550), as a real one does
/// for an address that does not exist.
async fn refusing_smtp_server() -> u16 {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 test ESMTP\r\n").await;
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    let reply: &[u8] = if in_data {
                        if line == "." {
                            in_data = false;
                            b"250 queued\r\n"
                        } else {
                            continue;
                        }
                    } else {
                        let upper = line.to_ascii_uppercase();
                        if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                            b"250 test\r\n"
                        } else if upper.starts_with("RCPT") && upper.contains("GONE@") {
                            b"550 5.1.1 no such user\r\n"
                        } else if upper.starts_with("DATA") {
                            in_data = true;
                            b"354 go on\r\n"
                        } else if upper.starts_with("QUIT") {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        } else {
                            b"250 ok\r\n"
                        }
                    };
                    if write.write_all(reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    port
}

#[actix_web::test]
async fn a_permanent_smtp_refusal_marks_the_contact_bouncing() {
    let app = TestApp::new();
    app.organizer(ORGA, "Orga");
    let id = app.contact(ContactSpec::new("gone@example.org").tags("kunde"));
    app.contact(ContactSpec::new("here@example.org").tags("kunde"));
    let port = refusing_smtp_server().await;
    with_conn(&app, |c| {
        mail::enqueue(
            c,
            "a",
            &bulk_mail("gone@example.org", Some("http://x/u")),
            now(),
        )?;
        mail::enqueue(
            c,
            "b",
            &bulk_mail("here@example.org", Some("http://x/u")),
            now(),
        )
    })
    .expect("queue");
    let worker = Worker {
        db: Db::new(grillplatz::db::connect(&app.url, 4).expect("pool")),
        transport: Transport::new(Some(&format!("smtp://127.0.0.1:{port}")), PathBuf::new())
            .expect("transport"),
        sender: app.state.config.sender(),
        batch: 10,
        on_bounce: grillplatz::contacts::queries::mark_bouncing,
    };
    let pass = worker.drain().await.expect("drain");
    assert_eq!((pass.sent, pass.failed), (1, 1));
    assert_eq!(status(&app, "gone@example.org"), "bouncing");
    assert_eq!(status(&app, "here@example.org"), "active");
    let reason = with_conn(&app, |c| suppression::reason_for(c, "gone@example.org")).expect("db");
    assert_eq!(reason, Some(Reason::Bounced));
    // Organizers see it, and can take it back.
    let mut orga = app.client().await;
    orga.login(ORGA, PASSWORD).await;
    orga.get("/admin/contacts?status=bouncing")
        .await
        .assert_contains("gone@example.org");
    let page = format!("/admin/contacts/{id}");
    orga.get(&page).await.assert_contains("Unzustellbar seit");
    let res = orga.submit(&page, &format!("{page}/reactivate"), &[]).await;
    assert_eq!(res.status, 303);
    assert_eq!(status(&app, "gone@example.org"), "active");
}
