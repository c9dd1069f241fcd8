//! Organizers import contacts from a CSV file (upload, a preview with an outcome per row,
//! then the import) and export every contact as CSV.

use std::collections::HashMap;

use actix_multipart::{Field, Multipart};
use actix_session::Session;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use futures_util::StreamExt;

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::admin_ctx;
use crate::clock::now;
use crate::contacts::import::{self, Counts, ImportError, Outcome, Row, SkipReason};
use crate::contacts::model::Contact;
use crate::db::schema::{contact_imports, contact_tags, contacts};
use crate::db::write_transaction;
use crate::error::AppError;
use crate::i18n::{FluentArg, Lang};
use crate::web::forms::{CsrfForm, CsrfOnly};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render, render_status, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/contacts/import", web::get().to(upload_form))
        .route("/contacts/import", web::post().to(upload))
        .route("/contacts/import/{id}", web::post().to(confirm))
        .route("/contacts/export.csv", web::get().to(export));
}

/// "Create" rows listed in a preview of a big file; every other row is always listed.
const SHOWN_CREATES: usize = 200;
/// A file over the limit is still read (and thrown away) up to this size, so the browser
/// gets to show the answer instead of a reset connection.
const DRAIN_MAX: usize = 64 * 1024 * 1024;
/// Uploads nobody imported are dropped after this long.
const KEEP_UPLOADS: Duration = Duration::days(1);

#[derive(Template)]
#[template(path = "contacts/admin/import.html")]
struct UploadPage {
    ctx: PageCtx,
    /// What is wrong with the file, shown next to the field.
    error: Option<String>,
}

async fn upload_page(
    state: &AppState,
    ctx: PageCtx,
    error: Option<String>,
) -> Result<HttpResponse, AppError> {
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render_status(
        status,
        &UploadPage {
            ctx: admin_ctx(state, ctx, "contacts").await?,
            error,
        },
    )
}

async fn upload_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
) -> Result<HttpResponse, AppError> {
    upload_page(&state, ctx, None).await
}

/// Why an upload cannot be previewed.
enum Problem {
    NoFile,
    File(ImportError),
}

fn problem_text(lang: Lang, problem: &Problem) -> String {
    let error = match problem {
        Problem::NoFile => return lang.t("import-error-no-file"),
        Problem::File(error) => error,
    };
    match error {
        ImportError::Empty => lang.t("import-error-empty"),
        ImportError::TooBig { .. } => lang.t("import-error-too-big"),
        ImportError::Spreadsheet => lang.t("import-error-spreadsheet"),
        ImportError::MissingHeader => lang.t("import-error-missing-header"),
        ImportError::NoEmailColumn { columns } => {
            let found = columns
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ");
            lang.t_args("import-error-no-email-column", &[("name", found.into())])
        }
        ImportError::NoRows => lang.t("import-error-no-rows"),
        ImportError::TooManyRows => lang.t_args(
            "import-error-too-many-rows",
            &[("total", FluentArg::Num(import::MAX_ROWS as i64))],
        ),
        ImportError::Unreadable { line } => lang.t_args(
            "import-error-unreadable",
            &[(
                "position",
                FluentArg::Num(i64::try_from(*line).unwrap_or(0)),
            )],
        ),
        // Database errors are 500s before they get here; text is the honest fallback.
        ImportError::NotText | ImportError::Db(_) => lang.t("import-error-not-text"),
    }
}

/// Reads a field up to `cap` bytes: `Err(size)` when it is larger.
async fn read_capped(field: &mut Field, cap: usize) -> Result<Result<Vec<u8>, usize>, AppError> {
    let mut bytes = Vec::new();
    let mut total = 0usize;
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|e| AppError::BadRequest(e.to_string()))?;
        total = total.saturating_add(chunk.len());
        if total <= cap {
            bytes.extend_from_slice(&chunk);
        } else {
            bytes = Vec::new();
            if total > DRAIN_MAX {
                break;
            }
        }
    }
    Ok(if total > cap { Err(total) } else { Ok(bytes) })
}

/// The uploaded file's name and bytes. The CSRF field comes before the file in the form,
/// so a forged upload is refused before its file is read.
async fn read_upload(
    session: &Session,
    payload: &mut Multipart,
) -> Result<Result<(String, Vec<u8>), Problem>, AppError> {
    let mut csrf_checked = false;
    let mut file = None;
    let mut parts = 0;
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| AppError::BadRequest(e.to_string()))?;
        parts += 1;
        if parts > 10 {
            return Err(AppError::BadRequest("too many form parts".into()));
        }
        let name = field.name().unwrap_or_default().to_string();
        match name.as_str() {
            "csrf" => {
                let token = read_capped(&mut field, 256).await?.unwrap_or_default();
                session::verify_csrf(session, &String::from_utf8_lossy(&token))?;
                csrf_checked = true;
            }
            "file" => {
                if !csrf_checked {
                    return Err(AppError::Csrf);
                }
                let filename: String = field
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .unwrap_or_default()
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(200)
                    .collect();
                match read_capped(&mut field, import::MAX_BYTES).await? {
                    // A form sent without choosing a file has an empty, nameless file part.
                    Ok(bytes) if bytes.is_empty() && filename.is_empty() => {}
                    Ok(bytes) => file = Some((filename, bytes)),
                    Err(bytes) => {
                        return Ok(Err(Problem::File(ImportError::TooBig { bytes })));
                    }
                }
            }
            _ => {
                // Unknown fields are read and dropped.
                let _ = read_capped(&mut field, 1024).await?;
            }
        }
    }
    if !csrf_checked {
        return Err(AppError::Csrf);
    }
    Ok(file.ok_or(Problem::NoFile))
}

struct ColumnView {
    header: String,
    meaning: Option<String>,
}

struct RowView {
    line: u64,
    email: String,
    name: String,
    lang: String,
    organization: String,
    tags: String,
    css: &'static str,
    label: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "contacts/admin/import_preview.html")]
struct PreviewPage {
    ctx: PageCtx,
    /// The stored upload the "import" button imports; `None` on the final report.
    import_id: Option<i64>,
    filename: String,
    /// Encoding and delimiter, shown in the preview.
    encoding: Option<String>,
    delimiter: String,
    columns: Vec<ColumnView>,
    counts: Counts,
    /// Skip reasons with their counts, the non-zero ones.
    reasons: Vec<(String, usize)>,
    importable: i64,
    rows: Vec<RowView>,
    /// Says which rows are listed when not all are.
    shown_note: Option<String>,
}

fn reason_text(lang: Lang, reason: SkipReason) -> String {
    match reason {
        SkipReason::Duplicate { first_line } => lang.t_args(
            "import-skip-duplicate",
            &[(
                "position",
                FluentArg::Num(i64::try_from(first_line).unwrap_or(0)),
            )],
        ),
        SkipReason::TooLong(field) => lang.t_args(
            "import-skip-too-long",
            &[("name", lang.t(field.column().key()).into())],
        ),
        other => lang.t(other.key()),
    }
}

fn delimiter_text(lang: Lang, delimiter: char) -> String {
    match delimiter {
        ';' => lang.t("import-delimiter-semicolon"),
        '\t' => lang.t("import-delimiter-tab"),
        '|' => lang.t("import-delimiter-pipe"),
        _ => lang.t("import-delimiter-comma"),
    }
}

/// Every row that does not simply create a contact, and the first creates.
fn row_views(lang: Lang, rows: &[Row], done: bool) -> (Vec<RowView>, Option<String>) {
    let mut views = Vec::new();
    let mut creates_shown = 0;
    let mut creates = 0;
    let mut hidden = 0;
    for row in rows {
        if row.outcome == Outcome::Create {
            creates += 1;
            // A create with a note (an unknown language) is always listed.
            if row.unknown_lang.is_none() && creates_shown >= SHOWN_CREATES {
                hidden += 1;
                continue;
            }
            creates_shown += 1;
        }
        let (css, label, reason) = match (row.outcome, done) {
            (Outcome::Create, false) => ("badge-published", lang.t("import-outcome-create"), None),
            (Outcome::Create, true) => ("badge-published", lang.t("import-outcome-created"), None),
            (Outcome::Update(_), false) => {
                ("badge-scheduled", lang.t("import-outcome-update"), None)
            }
            (Outcome::Update(_), true) => {
                ("badge-scheduled", lang.t("import-outcome-updated"), None)
            }
            (Outcome::Skip(reason), false) => (
                "badge-spam",
                lang.t("import-outcome-skip"),
                Some(reason_text(lang, reason)),
            ),
            (Outcome::Skip(reason), true) => (
                "badge-spam",
                lang.t("import-outcome-skipped"),
                Some(reason_text(lang, reason)),
            ),
        };
        let reason = reason.or_else(|| {
            row.unknown_lang
                .as_deref()
                .map(|l| lang.t_args("import-note-language", &[("name", l.into())]))
        });
        views.push(RowView {
            line: row.line,
            email: row.email.clone(),
            name: row.name.clone(),
            lang: row.lang.map(|l| l.code().to_string()).unwrap_or_default(),
            organization: row.organization.clone(),
            tags: row.tags.join(", "),
            css,
            label,
            reason: reason.unwrap_or_default(),
        });
    }
    let note = (hidden > 0).then(|| {
        lang.t_args(
            "import-shown",
            &[
                ("count", FluentArg::Num(creates_shown as i64)),
                ("total", FluentArg::Num(creates as i64)),
            ],
        )
    });
    (views, note)
}

fn reason_counts(lang: Lang, counts: &Counts) -> Vec<(String, usize)> {
    [
        (lang.t("import-skip-missing"), counts.missing),
        (lang.t("import-skip-malformed"), counts.malformed),
        (lang.t("import-reason-duplicate"), counts.duplicate),
        (lang.t("import-reason-unsubscribed"), counts.unsubscribed),
        (lang.t("import-reason-too-long"), counts.too_long),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .collect()
}

async fn upload(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    who: Organizer,
    mut payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let (filename, bytes) = match read_upload(&session, &mut payload).await? {
        Ok(file) => file,
        Err(problem) => return upload_page(&state, ctx, Some(problem_text(lang, &problem))).await,
    };
    let decoded = match import::decode(&bytes) {
        Ok(decoded) => decoded,
        Err(e) => {
            return upload_page(&state, ctx, Some(problem_text(lang, &Problem::File(e)))).await;
        }
    };
    drop(bytes);
    let organizer_id = who.0.id;
    let stored_name = filename.clone();
    let text = decoded.text;
    let planned = state
        .db
        .run(move |conn| {
            let plan = match import::plan(conn, &text) {
                Ok(plan) => plan,
                Err(ImportError::Db(e)) => return Err(e.into()),
                Err(e) => return Ok(Err(e)),
            };
            let now = now();
            diesel::delete(
                contact_imports::table.filter(contact_imports::created_at.lt(now - KEEP_UPLOADS)),
            )
            .execute(conn)?;
            let id: i64 = diesel::insert_into(contact_imports::table)
                .values((
                    contact_imports::organizer_id.eq(organizer_id),
                    contact_imports::filename.eq(&stored_name),
                    contact_imports::content.eq(&text),
                    contact_imports::created_at.eq(now),
                ))
                .returning(contact_imports::id)
                .get_result(conn)?;
            Ok(Ok((id, plan)))
        })
        .await?;
    let (id, plan) = match planned {
        Ok(planned) => planned,
        Err(e) => {
            return upload_page(&state, ctx, Some(problem_text(lang, &Problem::File(e)))).await;
        }
    };
    let counts = plan.counts();
    let (rows, shown_note) = row_views(lang, &plan.rows, false);
    let page = PreviewPage {
        import_id: Some(id),
        filename,
        encoding: Some(lang.t(decoded.encoding.key())),
        delimiter: delimiter_text(lang, plan.delimiter),
        columns: plan
            .columns
            .iter()
            .map(|c| ColumnView {
                header: c.header.clone(),
                meaning: c.column.map(|col| lang.t(col.key())),
            })
            .collect(),
        reasons: reason_counts(lang, &counts),
        importable: (counts.create + counts.update) as i64,
        counts,
        rows,
        shown_note,
        ctx: admin_ctx(&state, ctx, "contacts").await?,
    };
    render(&page)
}

async fn confirm(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    who: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let organizer_id = who.0.id;
    let done = state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                // Taking the upload out first makes a second click (or a second tab) find
                // nothing instead of importing twice.
                let Some((filename, content)) = diesel::delete(
                    contact_imports::table
                        .find(id)
                        .filter(contact_imports::organizer_id.eq(organizer_id)),
                )
                .returning((contact_imports::filename, contact_imports::content))
                .get_result::<(String, String)>(conn)
                .optional()?
                else {
                    return Ok(None);
                };
                // The list may have changed since the preview: decide again.
                let plan = match import::plan(conn, &content) {
                    Ok(plan) => plan,
                    Err(ImportError::Db(e)) => return Err(AppError::from(e)),
                    Err(e) => return Ok(Some(Err(e))),
                };
                let report = import::apply(conn, plan, now())?;
                Ok(Some(Ok((filename, report))))
            })
        })
        .await?;
    let lang = ctx.lang;
    let (filename, report) = match done {
        None => {
            session::flash(&session, FlashKind::Error, "import-error-gone");
            return Ok(see_other("/admin/contacts/import"));
        }
        Some(Err(e)) => {
            return upload_page(&state, ctx, Some(problem_text(lang, &Problem::File(e)))).await;
        }
        Some(Ok(done)) => done,
    };
    let counts = report.counts();
    let (rows, shown_note) = row_views(lang, &report.rows, true);
    render(&PreviewPage {
        import_id: None,
        filename,
        encoding: None,
        delimiter: String::new(),
        columns: Vec::new(),
        reasons: reason_counts(lang, &counts),
        importable: (counts.create + counts.update) as i64,
        counts,
        rows,
        shown_note,
        ctx: admin_ctx(&state, ctx, "contacts").await?,
    })
}

fn stamp(t: Option<NaiveDateTime>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default()
}

/// Every contact as CSV, UTF-8 with a BOM so Excel shows umlauts; every cell neutralized,
/// since names and organizations come from imports and sign-up forms.
async fn export(state: web::Data<AppState>, _o: Organizer) -> Result<HttpResponse, AppError> {
    let (all, tag_rows) = state
        .db
        .run(|conn| {
            let all: Vec<Contact> = contacts::table
                .order(contacts::email)
                .select(Contact::as_select())
                .load(conn)?;
            let tags: Vec<(i64, String)> = contact_tags::table
                .order((contact_tags::contact_id, contact_tags::tag))
                .select((contact_tags::contact_id, contact_tags::tag))
                .load(conn)?;
            Ok((all, tags))
        })
        .await?;
    let mut tags: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, tag) in tag_rows {
        tags.entry(id).or_default().push(tag);
    }
    let csv_error = |e: csv::Error| AppError::Internal(e.into());
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record([
        "email",
        "name",
        "language",
        "organization",
        "tags",
        "status",
        "invitations",
        "announcements",
        "consent_at",
        "created_at",
    ])
    .map_err(csv_error)?;
    for c in &all {
        let record = [
            c.email.clone(),
            c.name.clone(),
            c.lang.to_string(),
            c.organization.clone(),
            tags.get(&c.id).map(|t| t.join(", ")).unwrap_or_default(),
            c.status.to_string(),
            c.invitations.to_string(),
            c.announcements.to_string(),
            stamp(c.consent_at),
            stamp(Some(c.created_at)),
        ];
        out.write_record(record.iter().map(|cell| crate::web::csv::neutralize(cell)))
            .map_err(csv_error)?;
    }
    let body = out
        .into_inner()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "attachment; filename=\"contacts-{}.csv\"",
                now().format("%Y-%m-%d")
            ),
        ))
        .body(body))
}
