//! Contact import from CSV files as people really have them (spreadsheet exports, old
//! encodings, broken files, formula cells), the per-row preview, and the CSV export.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use diesel::prelude::*;
use grillplatz::clock::now;
use grillplatz::contacts::model::Contact;
use grillplatz::contacts::queries;
use grillplatz::db::schema::{contact_imports, contact_tags, contacts};
use grillplatz::mail::suppression::{self, Reason};

use crate::support::{Client, ContactSpec, PASSWORD, Resp, TestApp, with_conn};

const EMAIL: &str = "orga@example.org";
const BOUNDARY: &str = "----grillplatz-test-7MA4YWxkTrZu0gW";

/// A part of a multipart/form-data body.
enum Part<'a> {
    Field(&'a str, &'a str),
    File(&'a str, &'a [u8]),
}

/// A multipart/form-data body, built by hand as a browser sends it.
fn multipart(parts: &[Part]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Field(name, value) => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                        .as_bytes(),
                );
            }
            Part::File(filename, bytes) => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\
                         Content-Type: text/csv\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn post_multipart<S, B>(client: &mut Client<S>, parts: &[Part<'_>]) -> Resp
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    client
        .post_raw(
            "/admin/contacts/import",
            &format!("multipart/form-data; boundary={BOUNDARY}"),
            multipart(parts),
        )
        .await
}

/// Uploads `bytes` as `contacts.csv` through the form, CSRF token first.
async fn upload<S, B>(client: &mut Client<S>, bytes: &[u8]) -> Resp
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let form = client.get("/admin/contacts/import").await;
    assert_eq!(form.status, 200);
    let csrf = form.csrf();
    post_multipart(
        client,
        &[
            Part::Field("csrf", &csrf),
            Part::File("contacts.csv", bytes),
        ],
    )
    .await
}

/// Presses the preview's "Import N contacts" button.
async fn confirm<S, B>(client: &mut Client<S>, preview: &Resp) -> Resp
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let marker = "action=\"/admin/contacts/import/";
    let start = preview.body.find(marker).expect("import button") + "action=\"".len();
    let end = start + preview.body[start..].find('"').expect("closing quote");
    let action = preview.body[start..end].to_string();
    client.post(&action, &[("csrf", &preview.csrf())]).await
}

async fn logged_in(
    app: &TestApp,
) -> Client<
    impl Service<
        actix_http::Request,
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
    >,
> {
    app.organizer(EMAIL, "Orga");
    let mut client = app.client().await;
    let res = client.login(EMAIL, PASSWORD).await;
    assert_eq!(res.status, 303);
    client
}

/// The text of the preview table's row for file line `line`.
fn row_text(res: &Resp, line: u64) -> String {
    let html = res.html();
    let rows = scraper::Selector::parse("table.table tbody tr").expect("selector");
    let cells = scraper::Selector::parse("td.line").expect("selector");
    html.select(&rows)
        .find(|tr| {
            tr.select(&cells)
                .next()
                .is_some_and(|td| td.text().collect::<String>() == line.to_string())
        })
        .map(|tr| tr.text().collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| panic!("no row for line {line} in:\n{}", res.body))
}

/// The value of the summary stat labelled `label`.
fn stat(res: &Resp, label: &str) -> String {
    let html = res.html();
    let stats = scraper::Selector::parse(".stat").expect("selector");
    let value = scraper::Selector::parse(".stat-value").expect("selector");
    html.select(&stats)
        .find(|s| s.text().collect::<String>().contains(label))
        .and_then(|s| s.select(&value).next())
        .map(|v| v.text().collect())
        .unwrap_or_else(|| panic!("no stat {label:?} in:\n{}", res.body))
}

fn contact(app: &TestApp, email: &str) -> Option<Contact> {
    with_conn(app, |c| queries::by_email(c, email).expect("contact"))
}

fn tags(app: &TestApp, id: i64) -> Vec<String> {
    with_conn(app, |c| {
        queries::tags_of(c, &[id])
            .expect("tags")
            .remove(&id)
            .unwrap_or_default()
    })
}

fn count_contacts(app: &TestApp) -> i64 {
    with_conn(app, |c| {
        contacts::table.count().get_result::<i64>(c).expect("count")
    })
}

fn count_uploads(app: &TestApp) -> i64 {
    with_conn(app, |c| {
        contact_imports::table
            .count()
            .get_result::<i64>(c)
            .expect("count")
    })
}

/// A contact from before the import: the newsletter or an organizer made it.
fn existing(email: &str, name: &str, tag: &str) -> ContactSpec {
    ContactSpec::new(email)
        .name(name)
        .organization("Alt GmbH")
        .tags(tag)
        .invitations(false)
        .announcements(true)
}

#[actix_web::test]
async fn a_clean_file_is_previewed_then_imported() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let form = client.get("/admin/contacts/import").await;
    form.assert_contains("accept=\".csv,text/csv\"");
    form.assert_contains("enctype=\"multipart/form-data\"");
    let file = "email,name,language,organization,tags\n\
                anna@example.org,Anna Schmidt,en,ACME,\"Kunde, Halle\"\n\
                ben@example.org,Ben Bauer,de,,kunde\n";
    let preview = upload(&mut client, file.as_bytes()).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert_eq!(stat(&preview, "Neue Kontakte"), "2");
    assert_eq!(stat(&preview, "Bestehende Kontakte"), "0");
    assert_eq!(stat(&preview, "Übersprungen"), "0");
    preview.assert_contains("UTF-8 (ohne BOM)");
    preview.assert_contains("Komma");
    preview.assert_contains("2 Kontakte importieren");
    assert!(row_text(&preview, 2).contains("Wird angelegt"));
    // Nothing is written before the organizer says so.
    assert_eq!(count_contacts(&app), 0);
    assert_eq!(count_uploads(&app), 1);

    let report = confirm(&mut client, &preview).await;
    assert_eq!(report.status, 200, "{}", report.body);
    report.assert_contains("Import abgeschlossen");
    assert_eq!(stat(&report, "Neue Kontakte"), "2");
    assert!(row_text(&report, 3).contains("Angelegt"));
    assert_eq!(count_uploads(&app), 0, "the stored upload is gone");
    let anna = contact(&app, "anna@example.org").expect("anna");
    assert_eq!(
        (
            anna.name.as_str(),
            anna.lang.code(),
            anna.organization.as_str()
        ),
        ("Anna Schmidt", "en", "ACME")
    );
    assert_eq!(
        (anna.status.as_str(), anna.source.as_str()),
        ("active", "import")
    );
    assert!(anna.invitations && !anna.announcements);
    assert_eq!(tags(&app, anna.id), ["halle", "kunde"]);
    let ben = contact(&app, "ben@example.org").expect("ben");
    assert_eq!(tags(&app, ben.id), ["kunde"]);

    // The same button again finds nothing to import twice.
    let again = confirm(&mut client, &preview).await;
    assert_eq!(again.status, 303);
    let form = client.get(again.location()).await;
    form.assert_contains("Diese Vorschau gibt es nicht mehr");
    assert_eq!(count_contacts(&app), 2);
}

#[actix_web::test]
async fn windows_1252_and_utf_16_files_keep_their_umlauts() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let file = b"E-Mail;Name;Firma\r\njuergen@example.org;J\xfcrgen M\xfcller;B\xe4ckerei Gro\xdf \x80\r\n";
    let preview = upload(&mut client, file).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    preview.assert_contains("Windows-1252");
    preview.assert_contains("Jürgen Müller");
    confirm(&mut client, &preview).await;
    let juergen = contact(&app, "juergen@example.org").expect("imported");
    assert_eq!(juergen.name, "Jürgen Müller");
    assert_eq!(juergen.organization, "Bäckerei Groß €");

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Mail\tVollständiger Name\r\nzoe@example.org\tZoë Weiß\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let preview = upload(&mut client, &utf16).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    preview.assert_contains("UTF-16 LE mit BOM");
    preview.assert_contains("Tabulator");
    confirm(&mut client, &preview).await;
    assert_eq!(
        contact(&app, "zoe@example.org").expect("imported").name,
        "Zoë Weiß"
    );
}

#[actix_web::test]
async fn a_semicolon_spreadsheet_export_with_bom_and_german_headers_is_read() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let file = "\u{feff}E-Mail;Vorname;Nachname;Firma;Sprache\r\n\
                Anna@Example.org;Anna;Schmidt;Nordlicht GmbH;Englisch\r\n\
                ben@example.org;Ben;Bauer;\"Müller; Söhne\";deutsch\r\n\
                cem@example.org;Cem;;;\r\n\
                ;;;;\r\n;;;;\r\n";
    let preview = upload(&mut client, file.as_bytes()).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    preview.assert_contains("UTF-8 mit BOM");
    preview.assert_contains("Semikolon");
    assert_eq!(stat(&preview, "Neue Kontakte"), "3");
    assert_eq!(
        stat(&preview, "Übersprungen"),
        "0",
        "empty rows are no rows"
    );
    confirm(&mut client, &preview).await;
    let anna = contact(&app, "anna@example.org").expect("anna");
    assert_eq!(
        (
            anna.name.as_str(),
            anna.lang.code(),
            anna.organization.as_str()
        ),
        ("Anna Schmidt", "en", "Nordlicht GmbH")
    );
    let ben = contact(&app, "ben@example.org").expect("ben");
    assert_eq!(
        (
            ben.name.as_str(),
            ben.lang.code(),
            ben.organization.as_str()
        ),
        ("Ben Bauer", "de", "Müller; Söhne")
    );
    let cem = contact(&app, "cem@example.org").expect("cem");
    assert_eq!((cem.name.as_str(), cem.lang.code()), ("Cem", "de"));
}

#[actix_web::test]
async fn broken_files_come_back_with_a_clear_message_and_nothing_is_imported() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
    let xlsx: &[u8] = b"PK\x03\x04\x14\x00\x06\x00\x08\x00";
    let cases: Vec<(&[u8], &str)> = vec![
        (
            b"anna@example.org,Anna\nben@example.org,Ben\n",
            "die Kopfzeile fehlt",
        ),
        (
            b"Vorname;Telefon\nAnna;0345 123",
            "keine Spalte mit E-Mail-Adressen",
        ),
        (b"E-Mail;Name\r\n", "nur die Kopfzeile"),
        (b"", "Die Datei ist leer"),
        (png, "nicht als Text lesen"),
        (xlsx, "Excel-Arbeitsmappe"),
    ];
    for (file, message) in cases {
        let res = upload(&mut client, file).await;
        assert_eq!(res.status, 422, "{message}: {}", res.body);
        res.assert_contains(message);
        res.assert_contains("id=\"file-error\"");
        res.assert_contains("aria-invalid=\"true\"");
    }
    let res = upload(&mut client, b"Vorname;Telefon\nAnna;0345 123").await;
    res.assert_contains("Telefon");
    // The form sent without choosing a file.
    let csrf = client.get("/admin/contacts/import").await.csrf();
    let res = post_multipart(
        &mut client,
        &[Part::Field("csrf", &csrf), Part::File("", b"")],
    )
    .await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte wähle eine CSV-Datei aus");
    let res = post_multipart(&mut client, &[Part::Field("csrf", &csrf)]).await;
    assert_eq!(res.status, 422);
    res.assert_contains("Bitte wähle eine CSV-Datei aus");
    assert_eq!(count_contacts(&app), 0);
    assert_eq!(count_uploads(&app), 0);
}

#[actix_web::test]
async fn malformed_addresses_and_duplicates_are_reported_per_row() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let long_name = "N".repeat(201);
    let file = format!(
        "email,name\n\
         anna@example.org,Anna\n\
         not-an-address,Xaver\n\
         ,Niemand\n\
         ANNA@example.org,Anna again\n\
         ben@example.org,\"Ben\nBauer\"\n\
         cem@example.org,{long_name}\n\
         anna@example.org,Anna third\n"
    );
    let preview = upload(&mut client, file.as_bytes()).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(row_text(&preview, 3).contains("Ungültige E-Mail-Adresse"));
    assert!(row_text(&preview, 3).contains("not-an-address"));
    assert!(row_text(&preview, 4).contains("Keine E-Mail-Adresse"));
    assert!(row_text(&preview, 5).contains("dieselbe Adresse steht schon in Zeile 2"));
    assert!(row_text(&preview, 6).contains("Ben Bauer"));
    assert!(row_text(&preview, 8).contains("Zu lang: Vollständiger Name"));
    assert!(
        row_text(&preview, 9).contains("Zeile 2"),
        "line numbers follow the file"
    );
    assert_eq!(stat(&preview, "Neue Kontakte"), "2");
    assert_eq!(stat(&preview, "Übersprungen"), "5");
    assert_eq!(stat(&preview, "Doppelt in der Datei"), "2");
    preview.assert_contains("2 Kontakte importieren");
    confirm(&mut client, &preview).await;
    assert_eq!(count_contacts(&app), 2);
    assert_eq!(
        contact(&app, "anna@example.org").expect("anna").name,
        "Anna",
        "the first one wins"
    );
}

#[actix_web::test]
async fn addresses_that_unsubscribed_before_are_never_imported() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    with_conn(&app, |c| {
        suppression::suppress(c, "gone@example.org", Reason::Unsubscribed, now())
            .expect("suppress");
        suppression::suppress(c, "bounce@example.org", Reason::Bounced, now()).expect("suppress");
    });
    let left = app.contact(existing("left@example.org", "Lena", "alt").unsubscribed());
    let file = "email,name,tags\n\
                Gone@Example.org,Gone Again,neu\n\
                left@example.org,Lena Neu,neu\n\
                bounce@example.org,Bo,neu\n\
                new@example.org,Neu,neu\n";
    let preview = upload(&mut client, file.as_bytes()).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(row_text(&preview, 2).contains("Hat sich früher abgemeldet"));
    assert!(row_text(&preview, 3).contains("Hat sich früher abgemeldet"));
    assert!(row_text(&preview, 4).contains("unzustellbar"));
    assert_eq!(stat(&preview, "Früher abgemeldet oder unzustellbar"), "3");
    preview.assert_contains("Einen Kontakt importieren");
    let report = confirm(&mut client, &preview).await;
    assert_eq!(stat(&report, "Neue Kontakte"), "1");
    assert!(contact(&app, "gone@example.org").is_none());
    assert!(contact(&app, "bounce@example.org").is_none());
    with_conn(&app, |c| {
        assert_eq!(
            suppression::reason_for(c, "gone@example.org").expect("reason"),
            Some(Reason::Unsubscribed)
        );
    });
    let lena = contact(&app, "left@example.org").expect("lena");
    assert_eq!(
        (lena.name.as_str(), lena.status.as_str()),
        ("Lena", "unsubscribed"),
        "nothing about an unsubscribed contact changes"
    );
    assert_eq!(tags(&app, left), ["alt"]);
    assert!(contact(&app, "new@example.org").is_some());
}

#[actix_web::test]
async fn an_existing_contact_is_updated_and_keeps_its_status_and_preferences() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let pending = app.contact(existing("pia@example.org", "Pia", "alt").pending());
    let active = app.contact(existing("otto@example.org", "Otto Ohne", "vip"));
    let file = "E-Mail;Name;Organisation;Sprache;Schlagworte\n\
                pia@example.org;Pia Peters;Neue GmbH;en;\"Neu; alt\"\n\
                otto@example.org;;;;\n";
    let preview = upload(&mut client, file.as_bytes()).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert_eq!(stat(&preview, "Bestehende Kontakte"), "2");
    assert!(row_text(&preview, 2).contains("Wird aktualisiert"));
    let report = confirm(&mut client, &preview).await;
    assert!(row_text(&report, 2).contains("Aktualisiert"));
    let pia = contact(&app, "pia@example.org").expect("pia");
    assert_eq!(
        (
            pia.name.as_str(),
            pia.organization.as_str(),
            pia.lang.code()
        ),
        ("Pia Peters", "Neue GmbH", "en")
    );
    assert_eq!(
        (
            pia.status.as_str(),
            pia.invitations,
            pia.announcements,
            pia.source.as_str()
        ),
        ("pending", false, true, "newsletter"),
        "status and preferences stay"
    );
    assert_eq!(tags(&app, pending), ["alt", "neu"]);
    let otto = contact(&app, "otto@example.org").expect("otto");
    assert_eq!(
        (
            otto.name.as_str(),
            otto.organization.as_str(),
            otto.status.as_str()
        ),
        ("Otto Ohne", "Alt GmbH", "active"),
        "empty cells do not erase anything"
    );
    assert_eq!(tags(&app, active), ["vip"]);
    assert_eq!(count_contacts(&app), 2);
}

#[actix_web::test]
async fn formula_cells_import_as_text_and_the_export_neutralizes_them() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let file = "email,name,organization,tags\n\
                f1@example.org,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",+1,\n\
                f2@example.org,-2,@SUM(A1),\n\
                f3@example.org,Jürgen Groß,Bäckerei,\"kunde|halle\"\n";
    let preview = upload(&mut client, file.as_bytes()).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(row_text(&preview, 2).contains("=HYPERLINK(\"http://evil\",\"x\")"));
    confirm(&mut client, &preview).await;
    let f1 = contact(&app, "f1@example.org").expect("f1");
    assert_eq!(f1.name, "=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(f1.organization, "+1");

    let export = client.get("/admin/contacts/export.csv").await;
    assert_eq!(export.status, 200);
    assert_eq!(export.header("content-type"), "text/csv; charset=utf-8");
    let disposition = export.header("content-disposition");
    assert!(
        disposition.starts_with("attachment; filename=\"contacts-")
            && disposition.ends_with(".csv\""),
        "{disposition}"
    );
    let body = export
        .body
        .strip_prefix('\u{feff}')
        .expect("a BOM so Excel reads UTF-8");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "email",
            "name",
            "language",
            "organization",
            "tags",
            "status",
            "invitations",
            "announcements",
            "consent_at",
            "created_at"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(rows.len(), 3);
    let cells = |email: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r.get(0) == Some(email))
            .expect("exported")
            .iter()
            .map(String::from)
            .collect()
    };
    let f1 = cells("f1@example.org");
    assert_eq!(f1[1], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(f1[3], "'+1");
    let f2 = cells("f2@example.org");
    assert_eq!((f2[1].as_str(), f2[3].as_str()), ("'-2", "'@SUM(A1)"));
    let f3 = cells("f3@example.org");
    assert_eq!(
        &f3[1..8],
        [
            "Jürgen Groß",
            "de",
            "Bäckerei",
            "halle, kunde",
            "active",
            "true",
            "false"
        ]
    );
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "{cell:?} would run as a formula"
            );
        }
    }
}

#[actix_web::test]
async fn ten_thousand_rows_import_in_one_go() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let mut file = String::from("email;name;language;organization;tags\n");
    for i in 0..10_000 {
        file.push_str(&format!(
            "person{i}@example.org;Person {i};{};Firma {};\"gruppe{}, alle\"\n",
            if i % 3 == 0 { "en" } else { "de" },
            i % 50,
            i % 7
        ));
    }
    let started = Instant::now();
    let preview = upload(&mut client, file.as_bytes()).await;
    let planned = started.elapsed();
    assert_eq!(preview.status, 200);
    assert_eq!(stat(&preview, "Neue Kontakte"), "10000");
    preview.assert_contains("die ersten 200 von");
    let listed = preview
        .html()
        .select(&scraper::Selector::parse("table.table tbody tr").expect("selector"))
        .count();
    assert_eq!(
        listed, 200,
        "a big preview lists only the first new contacts"
    );
    let started = Instant::now();
    let report = confirm(&mut client, &preview).await;
    let applied = started.elapsed();
    assert_eq!(report.status, 200);
    eprintln!("10,000 rows: upload and preview {planned:?}, import (plan + apply) {applied:?}");
    assert_eq!(count_contacts(&app), 10_000);
    let tag_rows = with_conn(&app, |c| {
        contact_tags::table
            .count()
            .get_result::<i64>(c)
            .expect("count")
    });
    assert_eq!(tag_rows, 20_000);
    let last = contact(&app, "person9999@example.org").expect("the last row");
    assert_eq!(
        (last.name.as_str(), last.lang.code()),
        ("Person 9999", "en")
    );
}

#[actix_web::test]
async fn a_file_over_five_megabytes_is_refused() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let mut file = String::from("email,name\n");
    let mut i = 0;
    while file.len() < 6 * 1024 * 1024 {
        file.push_str(&format!(
            "someone{i}@example.org,Someone with a longish name {i}\n"
        ));
        i += 1;
    }
    let res = upload(&mut client, file.as_bytes()).await;
    assert_eq!(res.status, 422);
    res.assert_contains("größer als 5 MB");
    assert_eq!(count_uploads(&app), 0);
    assert_eq!(count_contacts(&app), 0);
}

#[actix_web::test]
async fn a_wrong_csrf_token_is_refused() {
    let app = TestApp::new();
    let mut client = logged_in(&app).await;
    let file: &[u8] = b"email\nanna@example.org\n";
    let res = post_multipart(
        &mut client,
        &[Part::Field("csrf", "forged"), Part::File("x.csv", file)],
    )
    .await;
    assert_eq!(res.status, 403);
    // A file before the token is refused before it is read.
    let csrf = client.get("/admin/contacts/import").await.csrf();
    let res = post_multipart(
        &mut client,
        &[Part::File("x.csv", file), Part::Field("csrf", &csrf)],
    )
    .await;
    assert_eq!(res.status, 403);
    assert_eq!(count_uploads(&app), 0);
    let preview = upload(&mut client, file).await;
    assert_eq!(preview.status, 200);
    let marker = "action=\"/admin/contacts/import/";
    let start = preview.body.find(marker).expect("button") + "action=\"".len();
    let end = start + preview.body[start..].find('"').expect("quote");
    let res = client
        .post(&preview.body[start..end], &[("csrf", "forged")])
        .await;
    assert_eq!(res.status, 403);
    assert_eq!(count_contacts(&app), 0);
}

#[actix_web::test]
async fn only_organizers_import_and_export() {
    let app = TestApp::new();
    let mut client = app.client().await;
    for path in ["/admin/contacts/import", "/admin/contacts/export.csv"] {
        let res = client.get(path).await;
        assert_eq!(res.status, 303, "{path}");
        assert_eq!(res.location(), "/admin/login");
    }
    let res = post_multipart(
        &mut client,
        &[
            Part::Field("csrf", "x"),
            Part::File("x.csv", b"email\na@example.org\n"),
        ],
    )
    .await;
    assert_eq!(res.status, 303);
    let res = client
        .post("/admin/contacts/import/1", &[("csrf", "x")])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(count_contacts(&app), 0);
}
