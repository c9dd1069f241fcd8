//! Organizers write invitations to an event (and see announcements of posts), pick
//! recipients by tag and language, preview both languages, test, send, and follow progress.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::admin_ctx;
use crate::clock::now;
use crate::contacts::campaigns::{self, CampaignInput, NotQueued, Progress};
use crate::contacts::model::{Campaign, CampaignKind, CampaignStatus, Contact};
use crate::contacts::queries as contacts;
use crate::error::AppError;
use crate::events::model::Event;
use crate::i18n::{FluentArg, Lang, format};
use crate::mail;
use crate::organizers;
use crate::tokens::random_uuid;
use crate::web::forms::{CsrfForm, CsrfOnly, FieldErrors};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render, render_status, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/campaigns", web::get().to(list))
        .route("/campaigns/new", web::get().to(new_form))
        .route("/campaigns/new", web::post().to(create))
        .route("/campaigns/new/preview/{lang}", web::get().to(new_preview))
        .route("/campaigns/{id}", web::get().to(show))
        .route("/campaigns/{id}/preview/{lang}", web::get().to(preview))
        .route("/campaigns/{id}", web::post().to(update))
        .route("/campaigns/{id}/test", web::post().to(send_test))
        .route("/campaigns/{id}/send", web::post().to(send));
}

const SUBJECT_MAX: usize = 200;
const BODY_MAX: usize = 20_000;

struct Row {
    id: i64,
    kind: CampaignKind,
    about: String,
    status: CampaignStatus,
    progress: Progress,
}

#[derive(Template)]
#[template(path = "contacts/admin/campaigns.html")]
struct ListPage {
    ctx: PageCtx,
    rows: Vec<Row>,
    events: Vec<(i64, String)>,
}

fn about_label(
    conn: &mut crate::db::DbConn,
    c: &Campaign,
    lang: Lang,
) -> diesel::QueryResult<String> {
    if let Some(id) = c.event_id
        && let Some(e) = crate::events::queries::by_id(conn, id)?
    {
        return Ok(e.title(lang).to_string());
    }
    if let Some(id) = c.post_id
        && let Some(p) = crate::blog::queries::post_by_id(conn, id)?
    {
        return Ok(p.title);
    }
    Ok(String::new())
}

async fn list(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let (rows, events) = state
        .db
        .run(move |conn| {
            let mut rows = Vec::new();
            for c in campaigns::all(conn)? {
                rows.push(Row {
                    about: about_label(conn, &c, lang)?,
                    progress: campaigns::progress(conn, c.id)?,
                    id: c.id,
                    kind: c.kind,
                    status: c.status,
                });
            }
            let events = crate::events::queries::upcoming(conn, now())?
                .into_iter()
                .map(|e| (e.id, e.title(lang).to_string()))
                .collect();
            Ok((rows, events))
        })
        .await?;
    render(&ListPage {
        ctx: admin_ctx(&state, ctx, "campaigns").await?,
        rows,
        events,
    })
}

/// The campaign form as typed.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
struct CampaignForm {
    csrf: String,
    event: String,
    subject_de: String,
    subject_en: String,
    body_de: String,
    body_en: String,
    /// Checked tags, one field each (`tag=kunde&tag=halle`) – read from the raw body.
    #[serde(skip)]
    tags: Vec<String>,
    lang_de: String,
    lang_en: String,
}

impl CampaignForm {
    fn defaults(event: &Event) -> CampaignForm {
        let text = |lang: Lang, key: &str| {
            lang.t_args(key, &[("event", FluentArg::from(event.title(lang)))])
        };
        CampaignForm {
            event: event.id.to_string(),
            subject_de: text(Lang::De, "campaign-default-subject"),
            subject_en: text(Lang::En, "campaign-default-subject"),
            body_de: text(Lang::De, "campaign-default-body"),
            body_en: text(Lang::En, "campaign-default-body"),
            lang_de: "yes".into(),
            lang_en: "yes".into(),
            ..CampaignForm::default()
        }
    }

    fn of(c: &Campaign) -> CampaignForm {
        let langs = c.lang_list();
        CampaignForm {
            event: c.event_id.map(|id| id.to_string()).unwrap_or_default(),
            subject_de: c.subject_de.clone(),
            subject_en: c.subject_en.clone(),
            body_de: c.body_de.clone(),
            body_en: c.body_en.clone(),
            tags: c.tag_list(),
            lang_de: if langs.contains(&Lang::De) {
                "yes".into()
            } else {
                String::new()
            },
            lang_en: if langs.contains(&Lang::En) {
                "yes".into()
            } else {
                String::new()
            },
            ..CampaignForm::default()
        }
    }

    /// Parses the urlencoded body, keeping every `tag` value.
    /// The form from its fields as sent; tags repeat, so they are collected by hand.
    fn from_pairs(pairs: Vec<(String, String)>) -> Result<CampaignForm, AppError> {
        let encoded = serde_urlencoded::to_string(&pairs)
            .map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
        let mut form: CampaignForm = serde_urlencoded::from_str(&encoded)
            .map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
        form.tags = pairs
            .into_iter()
            .filter(|(k, _)| k == "tag")
            .map(|(_, v)| v.trim().to_lowercase())
            .filter(|v| !v.is_empty())
            .collect();
        Ok(form)
    }

    fn validate(&self) -> Result<CampaignInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut langs = Vec::new();
        if self.lang_de == "yes" {
            langs.push(Lang::De);
        }
        if self.lang_en == "yes" {
            langs.push(Lang::En);
        }
        if langs.is_empty() {
            errors.add("langs", "campaign-error-no-language");
        }
        // Only the languages that are sent need a text.
        let mut text = |field, value: &str, max, needed: bool| {
            if needed {
                errors.text(field, value, max)
            } else {
                errors.optional_text(field, value, max)
            }
        };
        let input = CampaignInput {
            subject_de: text(
                "subject_de",
                &self.subject_de,
                SUBJECT_MAX,
                langs.contains(&Lang::De),
            ),
            subject_en: text(
                "subject_en",
                &self.subject_en,
                SUBJECT_MAX,
                langs.contains(&Lang::En),
            ),
            body_de: text(
                "body_de",
                &self.body_de,
                BODY_MAX,
                langs.contains(&Lang::De),
            ),
            body_en: text(
                "body_en",
                &self.body_en,
                BODY_MAX,
                langs.contains(&Lang::En),
            ),
            tags: self.tags.clone(),
            langs,
        };
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(errors)
        }
    }

    fn lang_is_on(&self, lang: Lang) -> bool {
        match lang {
            Lang::De => self.lang_de == "yes",
            Lang::En => self.lang_en == "yes",
        }
    }

    fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// A rendered sample of the mail in one language; the page frames its HTML from `src`.
struct Preview {
    lang: &'static str,
    recipients: usize,
    subject: String,
    /// Whose mail it is.
    name: String,
    src: String,
}

#[derive(Template)]
#[template(path = "contacts/admin/campaign.html")]
struct CampaignPage {
    ctx: PageCtx,
    id: Option<i64>,
    about: String,
    kind: CampaignKind,
    status: CampaignStatus,
    editable: bool,
    form: CampaignForm,
    errors: FieldErrors,
    tags: Vec<(String, i64)>,
    previews: Vec<Preview>,
    recipients: usize,
    progress: Progress,
    registered: i64,
    queued_at: Option<String>,
    placeholders: &'static [&'static str],
}

impl CampaignPage {
    /// (language, subject field, body field, subject, body) per language.
    fn texts(&self) -> [(&'static str, &'static str, &'static str, &str, &str); 2] {
        let f = &self.form;
        [
            ("de", "subject_de", "body_de", &f.subject_de, &f.body_de),
            ("en", "subject_en", "body_en", &f.subject_en, &f.body_en),
        ]
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NewQuery {
    event: String,
}

async fn new_event(state: &AppState, query: &NewQuery) -> Result<Event, AppError> {
    let id: i64 = query.event.trim().parse().map_err(|_| AppError::NotFound)?;
    state
        .db
        .run(move |conn| crate::events::queries::by_id(conn, id)?.ok_or(AppError::NotFound))
        .await
}

async fn new_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let event = new_event(&state, &query).await?;
    let form = CampaignForm::defaults(&event);
    page(
        &state,
        ctx,
        None,
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// What the campaign as typed would send: its subject, recipients and one sample mail
/// per language (for the first recipient in it, else for the organizer).
struct Composed {
    about: String,
    kind: CampaignKind,
    recipients: usize,
    /// (language, recipients in it, whose sample it is, the mail)
    samples: Vec<(Lang, usize, String, mail::Email)>,
}

fn compose(
    conn: &mut crate::db::DbConn,
    mail_ctx: &mail::links::MailContext,
    shown: Option<&Campaign>,
    typed: &CampaignForm,
    organizer_id: i64,
    lang: Lang,
) -> Result<Composed, AppError> {
    let event_id: Option<i64> = shown
        .and_then(|c| c.event_id)
        .or_else(|| typed.event.trim().parse().ok());
    let event = match event_id {
        Some(id) => crate::events::queries::by_id(conn, id)?,
        None => None,
    };
    let post = match shown.and_then(|c| c.post_id) {
        Some(id) => crate::blog::queries::post_by_id(conn, id)?,
        None => None,
    };
    if event.is_none() && post.is_none() {
        return Err(AppError::NotFound);
    }
    let kind = if post.is_some() {
        CampaignKind::Announcement
    } else {
        CampaignKind::Invitation
    };
    // The preview shows the text as typed, even before it is saved.
    let draft = Campaign {
        id: shown.map_or(0, |c| c.id),
        kind,
        event_id,
        post_id: post.as_ref().map(|p| p.id),
        subject_de: typed.subject_de.clone(),
        subject_en: typed.subject_en.clone(),
        body_de: typed.body_de.clone(),
        body_en: typed.body_en.clone(),
        tags: typed.tags.join(","),
        langs: String::new(),
        status: CampaignStatus::Draft,
        send_at: None,
        queued_at: None,
        recipients: 0,
        created_by: None,
        created_at: now(),
        updated_at: now(),
    };
    let langs: Vec<Lang> = Lang::ALL
        .iter()
        .copied()
        .filter(|l| typed.lang_is_on(*l))
        .collect();
    let people = campaigns::recipients(conn, kind, &typed.tags, &langs)?;
    let organizer = organizers::by_id(conn, organizer_id)?;
    let mut samples = Vec::new();
    for l in langs {
        let in_lang: Vec<&Contact> = people.iter().filter(|c| c.lang == l).collect();
        let sample = match (in_lang.first(), &organizer) {
            (Some(c), _) => (*c).clone(),
            (None, Some(o)) => Contact::stand_in(o, l, now()),
            (None, None) => continue,
        };
        if let Some(email) =
            campaigns::render(mail_ctx, &draft, event.as_ref(), post.as_ref(), &sample, l)
        {
            let whose = if sample.name.trim().is_empty() {
                sample.email.clone()
            } else {
                sample.name.clone()
            };
            samples.push((l, in_lang.len(), whose, email));
        }
    }
    let about = match (&event, &post) {
        (Some(e), _) => e.title(lang).to_string(),
        (None, Some(p)) => p.title.clone(),
        (None, None) => String::new(),
    };
    Ok(Composed {
        about,
        kind,
        recipients: people.len(),
        samples,
    })
}

async fn page(
    state: &AppState,
    ctx: PageCtx,
    campaign: Option<Campaign>,
    form: CampaignForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let ctx = admin_ctx(state, ctx, "campaigns").await?;
    let lang = ctx.lang;
    let organizer_id = ctx.organizer.as_ref().map(|o| o.id).unwrap_or_default();
    let mail_ctx = state.config.mail_context();
    let tz = state.config.timezone;
    let shown = campaign.clone();
    let typed = form.clone();
    let (composed, tags, progress, registered) = state
        .db
        .run(move |conn| {
            let composed = compose(conn, &mail_ctx, shown.as_ref(), &typed, organizer_id, lang)?;
            let (progress, registered) = match &shown {
                Some(c) => (
                    campaigns::progress(conn, c.id)?,
                    campaigns::registered(conn, c)?,
                ),
                None => (Progress::default(), 0),
            };
            Ok((composed, contacts::all_tags(conn)?, progress, registered))
        })
        .await?;
    let id = campaign.as_ref().map(|c| c.id);
    let previews = composed
        .samples
        .into_iter()
        .map(|(l, recipients, name, email)| Preview {
            lang: l.code(),
            recipients,
            name,
            subject: email.subject,
            src: match id {
                Some(id) => format!("/admin/campaigns/{id}/preview/{l}"),
                None => format!(
                    "/admin/campaigns/new/preview/{l}?event={}",
                    form.event.trim()
                ),
            },
        })
        .collect();
    let editable = campaign
        .as_ref()
        .is_none_or(|c| c.status == CampaignStatus::Draft || c.status == CampaignStatus::Scheduled);
    render_status(
        status,
        &CampaignPage {
            id,
            status: campaign
                .as_ref()
                .map_or(CampaignStatus::Draft, |c| c.status),
            queued_at: campaign
                .as_ref()
                .and_then(|c| c.queued_at)
                .map(|t| format::date_time(lang, t, tz)),
            about: composed.about,
            kind: composed.kind,
            editable,
            form,
            errors,
            tags,
            previews,
            recipients: composed.recipients,
            progress,
            registered,
            placeholders: &crate::contacts::emails::PLACEHOLDERS,
            ctx,
        },
    )
}

/// The HTML part of one language's sample mail, alone, for the editor's sandboxed frame.
/// It carries the organizer's own styles, so it gets a policy of its own: inline styles,
/// nothing that runs, framed only by this site.
async fn preview_response(
    state: &AppState,
    organizer: &Organizer,
    campaign: Option<Campaign>,
    form: CampaignForm,
    lang: &str,
) -> Result<HttpResponse, AppError> {
    let wanted: Lang = lang.parse().map_err(|()| AppError::NotFound)?;
    let mail_ctx = state.config.mail_context();
    let organizer_id = organizer.0.id;
    let html = state
        .db
        .run(move |conn| {
            let composed = compose(
                conn,
                &mail_ctx,
                campaign.as_ref(),
                &form,
                organizer_id,
                wanted,
            )?;
            let (_, _, _, email) = composed
                .samples
                .into_iter()
                .find(|(l, _, _, _)| *l == wanted)
                .ok_or(AppError::NotFound)?;
            Ok(email.html()?)
        })
        .await?;
    use actix_web::http::header;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; \
             base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
        ))
        .insert_header((header::X_FRAME_OPTIONS, "SAMEORIGIN"))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(html))
}

async fn preview(
    state: web::Data<AppState>,
    organizer: Organizer,
    path: web::Path<(i64, String)>,
) -> Result<HttpResponse, AppError> {
    let (id, lang) = path.into_inner();
    let campaign = load(&state, id).await?;
    let form = CampaignForm::of(&campaign);
    preview_response(&state, &organizer, Some(campaign), form, &lang).await
}

async fn new_preview(
    state: web::Data<AppState>,
    organizer: Organizer,
    path: web::Path<String>,
    query: web::Query<NewQuery>,
) -> Result<HttpResponse, AppError> {
    let event = new_event(&state, &query).await?;
    let form = CampaignForm::defaults(&event);
    preview_response(&state, &organizer, None, form, &path.into_inner()).await
}

async fn create(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    organizer: Organizer,
    body: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let form = CampaignForm::from_pairs(body.into_inner())?;
    let event_id: i64 = form.event.trim().parse().map_err(|_| AppError::NotFound)?;
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return page(&state, ctx, None, form, errors, status).await;
        }
    };
    let author = organizer.0.id;
    let id = state
        .db
        .run(move |conn| {
            crate::events::queries::by_id(conn, event_id)?.ok_or(AppError::NotFound)?;
            Ok(campaigns::create(
                conn,
                CampaignKind::Invitation,
                Some(event_id),
                None,
                &input,
                Some(author),
                now(),
            )?)
        })
        .await?;
    session::flash(&session, FlashKind::Success, "campaign-saved");
    Ok(see_other(&format!("/admin/campaigns/{id}")))
}

async fn load(state: &AppState, id: i64) -> Result<Campaign, AppError> {
    state
        .db
        .run(move |conn| campaigns::by_id(conn, id)?.ok_or(AppError::NotFound))
        .await
}

async fn show(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _o: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let campaign = load(&state, path.into_inner()).await?;
    let form = CampaignForm::of(&campaign);
    page(
        &state,
        ctx,
        Some(campaign),
        form,
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn update(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    body: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let form = CampaignForm::from_pairs(body.into_inner())?;
    let campaign = load(&state, path.into_inner()).await?;
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return page(&state, ctx, Some(campaign), form, errors, status).await;
        }
    };
    let id = campaign.id;
    let saved = state
        .db
        .run(move |conn| Ok(campaigns::update(conn, id, &input, now())?))
        .await?;
    let key = if saved {
        "campaign-saved"
    } else {
        "campaign-error-sent"
    };
    let kind = if saved {
        FlashKind::Success
    } else {
        FlashKind::Error
    };
    session::flash(&session, kind, key);
    Ok(see_other(&format!("/admin/campaigns/{id}")))
}

/// Sends the campaign in both languages to the organizer, rendered for a sample recipient.
async fn send_test(
    state: web::Data<AppState>,
    session: Session,
    organizer: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let campaign = load(&state, path.into_inner()).await?;
    let id = campaign.id;
    let mail_ctx = state.config.mail_context();
    let organizer_id = organizer.0.id;
    state
        .db
        .run(move |conn| {
            let me = organizers::by_id(conn, organizer_id)?.ok_or(AppError::LoginRequired)?;
            let event = match campaign.event_id {
                Some(id) => crate::events::queries::by_id(conn, id)?,
                None => None,
            };
            let post = match campaign.post_id {
                Some(id) => crate::blog::queries::post_by_id(conn, id)?,
                None => None,
            };
            let run = random_uuid();
            for lang in campaign.lang_list() {
                let sample = Contact::stand_in(&me, lang, now());
                if let Some(mut email) = campaigns::render(
                    &mail_ctx,
                    &campaign,
                    event.as_ref(),
                    post.as_ref(),
                    &sample,
                    lang,
                ) {
                    email.subject = format!("[{}] {}", lang.t("campaign-test-tag"), email.subject);
                    mail::enqueue(
                        conn,
                        &format!("campaign-test:{id}:{run}:{lang}"),
                        &email,
                        now(),
                    )?;
                }
            }
            Ok(())
        })
        .await?;
    session::flash(&session, FlashKind::Success, "campaign-test-sent");
    Ok(see_other(&format!("/admin/campaigns/{id}")))
}

async fn send(
    state: web::Data<AppState>,
    session: Session,
    _o: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    load(&state, id).await?;
    let mail_ctx = state.config.mail_context();
    let rate = state.config.campaign_rate;
    let queued = state
        .db
        .run(move |conn| Ok(campaigns::queue(conn, id, &mail_ctx, rate, now())?))
        .await?;
    match queued {
        Ok(_) => session::flash(&session, FlashKind::Success, "campaign-queued"),
        Err(NotQueued::AlreadyQueued) => {
            session::flash(&session, FlashKind::Error, "campaign-error-sent")
        }
        Err(NotQueued::NothingToAnnounce) => {
            session::flash(&session, FlashKind::Error, "campaign-error-gone")
        }
    }
    Ok(see_other(&format!("/admin/campaigns/{id}")))
}
