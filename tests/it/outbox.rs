//! The outbox: every message is sent, none twice, across outages, crashes and parallel workers.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration as StdDuration;

use actix_web::http::StatusCode;
use actix_web::http::header::HeaderMap;
use chrono::Duration;
use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::db::Db;
use grillplatz::db::schema::{outbox, rsvps};
use grillplatz::i18n::Lang;
use grillplatz::mail::transport::Transport;
use grillplatz::mail::worker::{self, Worker};
use grillplatz::mail::{self, Email};

use crate::events::{link, mail_ctx, mail_to, rsvp_fields};
use crate::support::{EventSpec, PASSWORD, Resp, TestApp, with_conn};

fn email(to: &str, n: usize) -> Email {
    Email {
        lang: Lang::De,
        to: to.into(),
        subject: format!("Nachricht {n}"),
        greeting: "Hallo Jana,".into(),
        paragraphs: vec![format!("Das ist Nachricht Nummer {n}.")],
        action: None,
        footer: vec![],
        ics: (n % 2 == 0)
            .then(|| "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".to_string()),
        site_name: "Grillplatz".into(),
        markdown: None,
        unsubscribe_url: None,
    }
}

fn queue(app: &TestApp, count: usize) {
    with_conn(app, |c| {
        for n in 0..count {
            assert!(
                mail::enqueue(
                    c,
                    &format!("test:{n}"),
                    &email(&format!("p{n}@example.org"), n),
                    now()
                )
                .expect("enqueue")
            );
        }
        // The same key again is ignored.
        assert!(!mail::enqueue(c, "test:0", &email("p0@example.org", 0), now()).expect("enqueue"));
    });
}

pub fn file_worker(app: &TestApp, dir: &Path) -> Worker {
    Worker {
        db: Db::new(grillplatz::db::connect(&app.url, 4).expect("pool")),
        transport: Transport::new(None, dir.to_path_buf()).expect("transport"),
        sender: app.state.config.sender(),
        batch: 7,
        on_bounce: grillplatz::contacts::queries::mark_bouncing,
    }
}

pub fn eml_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "eml"))
                .collect()
        })
        .unwrap_or_default()
}

fn statuses(app: &TestApp) -> Vec<String> {
    with_conn(app, |c| {
        outbox::table
            .order(outbox::id)
            .select(outbox::status)
            .load(c)
            .expect("statuses")
    })
}

#[actix_web::test]
async fn without_smtp_mail_becomes_eml_files_once() {
    let app = TestApp::new();
    queue(&app, 10);
    let dir = tempfile::tempdir().expect("dir");
    let worker = file_worker(&app, dir.path());
    let pass = worker.drain().await.expect("drain");
    assert_eq!(pass.sent, 10);
    assert_eq!(worker.drain().await.expect("again").sent, 0);
    let files = eml_files(dir.path());
    assert_eq!(files.len(), 10);
    assert!(statuses(&app).iter().all(|s| s == "sent"));
    let text = std::fs::read_to_string(&files[0]).expect("eml");
    for header in [
        "Message-ID: <outbox-",
        "Date: ",
        "From: ",
        "To: ",
        "Subject: ",
    ] {
        assert!(text.contains(header), "{header} missing in:\n{text}");
    }
    assert!(text.contains("multipart/alternative"));
    let plain = text.find("text/plain").expect("text part");
    let html = text.find("text/html").expect("html part");
    assert!(plain < html, "text/plain comes first");
}

#[actix_web::test]
async fn two_workers_never_send_the_same_message() {
    let app = TestApp::new();
    queue(&app, 60);
    let dir = tempfile::tempdir().expect("dir");
    let a = file_worker(&app, dir.path());
    let b = file_worker(&app, dir.path());
    let (pa, pb) = futures_util::future::join(a.drain(), b.drain()).await;
    let (pa, pb) = (pa.expect("worker a"), pb.expect("worker b"));
    assert_eq!(pa.sent + pb.sent, 60, "{pa:?} {pb:?}");
    assert_eq!(eml_files(dir.path()).len(), 60);
}

#[actix_web::test]
async fn a_worker_that_dies_mid_batch_leaves_its_messages_for_the_next() {
    let app = TestApp::new();
    queue(&app, 5);
    // A worker claims everything and dies before sending.
    let claimed = with_conn(&app, |c| worker::claim(c, 10, worker::LEASE)).expect("claim");
    assert_eq!(claimed.len(), 5);
    let dir = tempfile::tempdir().expect("dir");
    let next = file_worker(&app, dir.path());
    assert_eq!(
        next.drain().await.expect("drain").sent,
        0,
        "the lease still holds"
    );
    // The lease runs out.
    with_conn(&app, |c| {
        diesel::update(outbox::table)
            .set(outbox::locked_until.eq(now() - Duration::seconds(1)))
            .execute(c)
            .expect("expire lease")
    });
    assert_eq!(next.drain().await.expect("drain").sent, 5);
    assert_eq!(eml_files(dir.path()).len(), 5);
    // The dead worker's late report changes nothing: its claim is gone.
    let late = with_conn(&app, |c| worker::mark_sent(c, &claimed[0])).expect("mark");
    assert_eq!(late, 0);
}

/// An aiosmtpd server storing messages in a maildir; stopped on drop.
pub struct SmtpServer {
    child: Child,
    pub port: u16,
    maildir: tempfile::TempDir,
}

impl SmtpServer {
    pub fn start_on(port: u16, maildir: tempfile::TempDir) -> SmtpServer {
        let child = Command::new("python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(maildir.path().join("mail"))
            .spawn()
            .expect("python3 -m aiosmtpd (pip install aiosmtpd)");
        // Owned from here on, so the process is stopped even if it never answers.
        let server = SmtpServer {
            child,
            port,
            maildir,
        };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return server;
            }
            std::thread::sleep(StdDuration::from_millis(50));
        }
        panic!("aiosmtpd did not start on port {port}");
    }

    pub fn start() -> SmtpServer {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("free port")
            .local_addr()
            .expect("addr")
            .port();
        SmtpServer::start_on(port, tempfile::tempdir().expect("maildir"))
    }

    pub fn stop(mut self) -> (u16, tempfile::TempDir) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let port = self.port;
        let maildir = tempfile::tempdir().expect("placeholder");
        let kept = std::mem::replace(&mut self.maildir, maildir);
        (port, kept)
    }

    pub fn received(&self) -> Vec<String> {
        let mut out = Vec::new();
        for sub in ["new", "cur"] {
            if let Ok(dir) = std::fs::read_dir(self.maildir.path().join("mail").join(sub)) {
                out.extend(
                    dir.flatten()
                        .filter_map(|e| std::fs::read_to_string(e.path()).ok()),
                );
            }
        }
        out
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn smtp_enabled() -> bool {
    let on = std::env::var("TEST_SMTP_URL").is_ok_and(|u| !u.is_empty());
    if !on
        && std::env::var("GRILLPLATZ_TEST_REQUIRE")
            .unwrap_or_default()
            .contains("smtp")
    {
        panic!("GRILLPLATZ_TEST_REQUIRE names smtp but TEST_SMTP_URL is not set");
    }
    on
}

pub fn smtp_worker(app: &TestApp, port: u16) -> Worker {
    Worker {
        db: Db::new(grillplatz::db::connect(&app.url, 4).expect("pool")),
        transport: Transport::new(Some(&format!("smtp://127.0.0.1:{port}")), PathBuf::new())
            .expect("transport"),
        sender: app.state.config.sender(),
        batch: 5,
        on_bounce: grillplatz::contacts::queries::mark_bouncing,
    }
}

fn subjects(mails: &[String]) -> Vec<String> {
    let mut subjects: Vec<String> = mails
        .iter()
        .filter_map(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("Subject: ").map(str::to_string))
        })
        .collect();
    subjects.sort();
    subjects
}

#[actix_web::test]
async fn mail_goes_through_the_ci_smtp_server() {
    if !smtp_enabled() {
        return;
    }
    let url = std::env::var("TEST_SMTP_URL").expect("checked");
    let app = TestApp::new();
    let marker = grillplatz::tokens::random_uuid();
    with_conn(&app, |c| {
        mail::enqueue(
            c,
            &marker,
            &email(&format!("{marker}@example.org"), 1),
            now(),
        )
    })
    .expect("enqueue");
    let worker = Worker {
        db: app.state.db.clone(),
        transport: Transport::new(Some(&url), PathBuf::new()).expect("transport"),
        sender: app.state.config.sender(),
        batch: 5,
        on_bounce: grillplatz::contacts::queries::mark_bouncing,
    };
    assert_eq!(worker.drain().await.expect("drain").sent, 1);
    assert_eq!(statuses(&app), vec!["sent"]);
}

#[actix_web::test]
async fn an_smtp_outage_delays_mail_but_loses_and_doubles_nothing() {
    if !smtp_enabled() {
        return;
    }
    let app = TestApp::new();
    queue(&app, 12);
    let server = SmtpServer::start();
    let worker = smtp_worker(&app, server.port);
    // Five go out, then the server dies.
    let first = worker.run_once().await.expect("first batch");
    assert_eq!(first.sent, 5);
    let (port, maildir) = server.stop();
    let during = worker.drain().await.expect("during outage");
    assert_eq!(during.sent, 0);
    assert!(during.failed > 0);
    assert!(
        statuses(&app).iter().all(|s| s == "sent" || s == "pending"),
        "{:?}",
        statuses(&app)
    );
    // The server is back and the backoff has passed.
    let server = SmtpServer::start_on(port, maildir);
    with_conn(&app, |c| {
        diesel::update(outbox::table.filter(outbox::status.eq("pending")))
            .set(outbox::next_attempt_at.eq(now()))
            .execute(c)
            .expect("backoff over")
    });
    let after = worker.drain().await.expect("after outage");
    assert_eq!(after.sent, 7);
    let received = server.received();
    assert_eq!(received.len(), 12);
    let mut expected: Vec<String> = (0..12).map(|n| format!("Nachricht {n}")).collect();
    expected.sort();
    assert_eq!(subjects(&received), expected, "each message exactly once");
}

#[actix_web::test]
async fn a_killed_worker_process_is_picked_up_by_a_restarted_one() {
    if !smtp_enabled() {
        return;
    }
    let app = TestApp::new();
    queue(&app, 8);
    let server = SmtpServer::start();
    // First worker: sends one batch, then "crashes" holding a claim on the next batch.
    let worker = smtp_worker(&app, server.port);
    assert_eq!(worker.run_once().await.expect("batch").sent, 5);
    let orphaned = with_conn(&app, |c| worker::claim(c, 5, worker::LEASE)).expect("claim");
    assert_eq!(orphaned.len(), 3);
    drop(worker);
    with_conn(&app, |c| {
        diesel::update(outbox::table.filter(outbox::status.eq("sending")))
            .set(outbox::locked_until.eq(now() - Duration::seconds(1)))
            .execute(c)
            .expect("lease expires")
    });
    let restarted = smtp_worker(&app, server.port);
    assert_eq!(restarted.drain().await.expect("drain").sent, 3);
    let received = server.received();
    let mut expected: Vec<String> = (0..8).map(|n| format!("Nachricht {n}")).collect();
    expected.sort();
    assert_eq!(subjects(&received), expected);
}

/// The HTML part of every mail queued for `to`, oldest first, as pages the helpers query.
pub fn html_to(app: &TestApp, to: &str) -> Vec<Resp> {
    let bodies: Vec<String> = with_conn(app, |c| {
        outbox::table
            .filter(outbox::recipient.eq(to))
            .order(outbox::id)
            .select(outbox::body_html)
            .load(c)
            .expect("outbox")
    });
    bodies
        .into_iter()
        .map(|body| Resp {
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body,
        })
        .collect()
}

#[actix_web::test]
async fn rsvp_mails_link_the_personal_manage_page_in_html_and_keep_it_bare_in_text() {
    let app = TestApp::new();
    app.event(EventSpec::published("sommergrillen"));
    let mut client = app.client().await;
    let res = client
        .submit(
            "/de/events/sommergrillen/",
            "/de/events/sommergrillen/rsvp",
            &rsvp_fields("Jana", "jana@example.org", "0"),
        )
        .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let confirm = link(&mail_to(&app, "jana@example.org")[0].1, "/de/rsvp/confirm/");
    client.submit(&confirm, &confirm, &[]).await;
    let rsvp_id: i64 = with_conn(&app, |c| {
        rsvps::table
            .filter(rsvps::email.eq("jana@example.org"))
            .select(rsvps::id)
            .first(c)
            .expect("rsvp")
    });
    let manage = mail_ctx(&app).manage_url(Lang::De, rsvp_id);
    let texts = mail_to(&app, "jana@example.org");
    let htmls = html_to(&app, "jana@example.org");
    assert_eq!(htmls.len(), 2, "please-confirm and you-are-in");
    for (html, (subject, text, _)) in htmls.iter().zip(&texts) {
        html.assert_has(&format!("a[href=\"{manage}\"]"));
        assert!(text.lines().any(|l| l == manage), "{subject}: {text}");
        // The layout names the site above the card.
        assert_eq!(
            html.texts("body > div > p").first().map(String::as_str),
            Some("Grillplatz")
        );
    }
    // The confirm button and its written-out link are both links.
    assert_eq!(
        htmls[0].count(&format!("a[href=\"http://grillplatz.test{confirm}\"]")),
        2
    );
}

#[actix_web::test]
async fn the_mail_log_lists_what_went_to_whom_newest_first_and_finds_one_address() {
    let app = TestApp::new();
    app.organizer("orga@example.org", "Orga");
    with_conn(&app, |c| {
        for (n, to) in ["jana@example.org", "ben@example.org", "Jana@Example.org"]
            .iter()
            .enumerate()
        {
            let at = now() - Duration::minutes(10 - n as i64);
            mail::enqueue(c, &format!("log:{n}"), &email(to, n), at).expect("enqueue");
        }
        // Ben's mail failed for good.
        diesel::update(outbox::table.filter(outbox::recipient.eq("ben@example.org")))
            .set((
                outbox::status.eq("failed"),
                outbox::attempts.eq(5),
                outbox::last_error.eq("550 5.1.1 <ben@example.org>: mailbox unavailable"),
            ))
            .execute(c)
            .expect("fail");
    });
    assert_eq!(app.client().await.get("/admin/outbox").await.status, 303);
    let mut client = app.client().await;
    client.login("orga@example.org", PASSWORD).await;

    let all = client.get("/admin/outbox").await;
    assert_eq!(all.status, 200);
    assert_eq!(
        all.texts(".mail-log-subject"),
        ["Nachricht 2", "Nachricht 1", "Nachricht 0"],
        "newest first"
    );
    all.assert_contains("3 E-Mails");
    let failed = all.texts(".mail-log-error");
    assert_eq!(failed.len(), 1);
    assert!(failed[0].contains("550 5.1.1"), "{failed:?}");
    assert_eq!(
        all.count("form[action$=\"/retry\"]"),
        1,
        "retry only what failed"
    );

    let jana = client.get("/admin/outbox?q=JANA%40example").await;
    assert_eq!(
        jana.texts(".mail-log-subject"),
        ["Nachricht 2", "Nachricht 0"]
    );
    jana.assert_no(".mail-log-error");
    assert_eq!(jana.field("q").as_deref(), Some("JANA@example"));

    let only_failed = client.get("/admin/outbox?status=failed").await;
    assert_eq!(only_failed.texts(".mail-log-to"), ["ben@example.org"]);

    let script = client
        .get("/admin/outbox?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    assert_eq!(script.status, 200);
    script.assert_no("script:not([src])");
    assert_eq!(
        script.field("q").as_deref(),
        Some("<script>alert(1)</script>")
    );
    script.assert_contains("Keine E-Mails gefunden.");

    let long = "a".repeat(5000);
    let res = client.get(&format!("/admin/outbox?q={long}")).await;
    assert_eq!(res.status, 200);
    res.assert_contains("Keine E-Mails gefunden.");
    // Wildcards are not wildcards.
    client
        .get("/admin/outbox?q=%25")
        .await
        .assert_contains("3 E-Mails");
    assert_eq!(client.get("/admin/outbox?page=2").await.status, 404);
    assert_eq!(client.get("/admin/outbox?page=x").await.status, 404);
}

#[actix_web::test]
async fn the_mail_log_pages_through_many_mails() {
    let app = TestApp::new();
    app.organizer("orga@example.org", "Orga");
    queue(&app, 51);
    let mut client = app.client().await;
    client.login("orga@example.org", PASSWORD).await;
    let first = client.get("/admin/outbox").await;
    assert_eq!(first.count(".mail-log-entry"), 50);
    let next = first.html();
    let selector = scraper::Selector::parse("a[rel=next]").expect("selector");
    let href = next
        .select(&selector)
        .next()
        .and_then(|a| a.value().attr("href"))
        .expect("next page")
        .replace("&amp;", "&");
    let second = client.get(&href).await;
    assert_eq!(second.count(".mail-log-entry"), 1);
    second.assert_has("a[rel=prev]");
}
