//! Writing, scheduling and publishing posts, and the categories they go in.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;
use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use crate::AppState;
use crate::admin::Organizer;
use crate::admin::confirm::{self, Question};
use crate::admin::{act_on_row, admin_ctx};
use crate::blog::model::{Category, CategoryInput, Post, PostState, PostStatus};
use crate::blog::queries::{self, PostInput};
use crate::db::DbConn;
use crate::db::is_unique_violation;
use crate::error::AppError;
use crate::i18n::{Lang, format};
use crate::markdown::{self, Author};
use crate::web::forms::CsrfOnly;
use crate::web::forms::{CsrfForm, FieldErrors, Rejected, is_slug, slugify};
use crate::web::session::{self, FlashKind};
use crate::web::{PageCtx, render, render_status, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/posts", web::get().to(list))
        .route("/posts/new", web::get().to(new_form))
        .route("/posts/new", web::post().to(create))
        .route("/posts/{id}/edit", web::get().to(edit_form))
        .route("/posts/{id}/edit", web::post().to(update))
        .route("/posts/{id}/unpublish", web::post().to(unpublish))
        .route("/posts/{id}/delete", web::get().to(delete_question))
        .route("/posts/{id}/delete", web::post().to(delete))
        .route("/categories", web::get().to(categories))
        .route("/categories", web::post().to(add_category))
        .route("/categories/{id}/edit", web::get().to(edit_category_form))
        .route("/categories/{id}/edit", web::post().to(update_category));
}

pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 100_000;
pub const EXCERPT_MAX: usize = 500;
pub const TAG_MAX: usize = 40;
pub const TAGS_MAX: usize = 20;

/// A row of the posts table.
struct PostRow {
    id: i64,
    title: String,
    lang: Lang,
    state: PostState,
    date: String,
    public_href: Option<String>,
}

#[derive(Template)]
#[template(path = "blog/admin/posts.html")]
struct PostsPage {
    ctx: PageCtx,
    rows: Vec<PostRow>,
}

async fn list(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
) -> Result<HttpResponse, AppError> {
    let now = crate::clock::now();
    let tz = state.config.timezone;
    let lang = ctx.lang;
    let posts = state.db.run(|conn| Ok(queries::all_posts(conn)?)).await?;
    let rows = posts
        .iter()
        .map(|p| {
            let post_state = p.state(now);
            PostRow {
                id: p.id,
                title: p.title.clone(),
                lang: p.lang,
                state: post_state,
                date: format::date_time(lang, p.published_at.unwrap_or(p.updated_at), tz),
                public_href: (post_state == PostState::Published).then(|| p.path()),
            }
        })
        .collect();
    render(&PostsPage {
        ctx: admin_ctx(&state, ctx, "posts").await?,
        rows,
    })
}

/// The editor's fields as typed, so a rejected form comes back unchanged.
#[derive(Debug, Default, Clone)]
struct PostForm {
    csrf: String,
    title: String,
    slug: String,
    lang: String,
    excerpt: String,
    body: String,
    tags: String,
    translation: String,
    event: String,
    publish_at: String,
    category_ids: Vec<String>,
    action: String,
    /// "yes": email the post to subscribers of its language once it is published.
    announce: String,
    /// "yes": signed by the team rather than by the author.
    by_team: String,
}

impl PostForm {
    /// Reads the url-encoded pairs; checkboxes repeat the `category` key.
    fn from_pairs(pairs: Vec<(String, String)>) -> PostForm {
        let mut form = PostForm::default();
        for (key, value) in pairs {
            match key.as_str() {
                "csrf" => form.csrf = value,
                "title" => form.title = value,
                "slug" => form.slug = value,
                "lang" => form.lang = value,
                "excerpt" => form.excerpt = value,
                "body" => form.body = value,
                "tags" => form.tags = value,
                "translation" => form.translation = value,
                "event" => form.event = value,
                "publish_at" => form.publish_at = value,
                "category" => form.category_ids.push(value),
                "action" => form.action = value,
                "announce" => form.announce = value,
                "by_team" => form.by_team = value,
                _ => {}
            }
        }
        form
    }

    fn from_post(
        post: &Post,
        categories: Vec<i64>,
        tags: Vec<String>,
        translation: Option<i64>,
        event: Option<i64>,
        tz: Tz,
    ) -> PostForm {
        PostForm {
            csrf: String::new(),
            title: post.title.clone(),
            slug: post.slug.clone(),
            lang: post.lang.to_string(),
            excerpt: post.excerpt.clone(),
            body: post.body_md.clone(),
            tags: tags.join(", "),
            translation: translation.map(|id| id.to_string()).unwrap_or_default(),
            event: event.map(|id| id.to_string()).unwrap_or_default(),
            publish_at: post
                .published_at
                .map(|t| format::local(t, tz).format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
            category_ids: categories.iter().map(i64::to_string).collect(),
            action: String::new(),
            announce: String::new(),
            by_team: if post.by_team { "yes" } else { "" }.into(),
        }
    }

    fn has_category(&self, id: &i64) -> bool {
        self.category_ids.iter().any(|c| *c == id.to_string())
    }

    fn is_event(&self, id: &i64) -> bool {
        self.event == id.to_string()
    }

    fn is_translation(&self, id: &i64) -> bool {
        self.translation == id.to_string()
    }
}

/// What the organizer asked for with the button they pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Preview,
    SaveDraft,
    Publish,
}

fn parse_publish_at(raw: &str, tz: Tz) -> Option<NaiveDateTime> {
    let local = NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
}

/// Validates the form into a `PostInput` (without checks that need the database).
fn validate(
    form: &PostForm,
    categories: &[Category],
    tz: Tz,
) -> Result<(Action, PostInput), FieldErrors> {
    let mut errors = FieldErrors::default();
    let action = match form.action.as_str() {
        "preview" => Action::Preview,
        "publish" => Action::Publish,
        _ => Action::SaveDraft,
    };
    let title = errors.text("title", &form.title, TITLE_MAX);
    let body = errors.text("body", &form.body, BODY_MAX);
    let excerpt = errors.optional_text("excerpt", &form.excerpt, EXCERPT_MAX);
    let lang = form.lang.parse::<Lang>().unwrap_or_else(|()| {
        errors.add("lang", "error-choose");
        Lang::De
    });
    let slug = if form.slug.trim().is_empty() {
        slugify(&title)
    } else {
        form.slug.trim().to_string()
    };
    if !is_slug(&slug) && !title.is_empty() {
        errors.add("slug", "error-slug");
    }
    let mut category_ids = Vec::new();
    for raw in &form.category_ids {
        match raw
            .parse::<i64>()
            .ok()
            .filter(|id| categories.iter().any(|c| c.id == *id))
        {
            Some(id) if !category_ids.contains(&id) => category_ids.push(id),
            Some(_) => {}
            None => errors.add("categories", "error-unknown-choice"),
        }
    }
    let mut tags: Vec<(String, String)> = Vec::new();
    for name in form
        .tags
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let slug = slugify(name);
        if name.chars().count() > TAG_MAX || slug.is_empty() {
            errors.add("tags", "error-tag");
        } else if !tags.iter().any(|(s, _)| *s == slug) {
            tags.push((slug, name.to_string()));
        }
    }
    if tags.len() > TAGS_MAX {
        errors.add("tags", "error-too-many-tags");
    }
    let translation_id = errors.optional_id("translation", &form.translation);
    let event_id = errors.optional_id("event", &form.event);
    let published_at = match form.publish_at.trim() {
        "" => None,
        raw => match parse_publish_at(raw, tz) {
            Some(at) => Some(at),
            None => {
                errors.add("publish_at", "error-datetime");
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let body_html = markdown::to_html(&body, Author::Organizer);
    let excerpt = if excerpt.is_empty() {
        markdown::excerpt(&body, 280)
    } else {
        excerpt
    };
    let (status, published_at) = match action {
        Action::Publish => (
            PostStatus::Published,
            Some(published_at.unwrap_or_else(crate::clock::now)),
        ),
        _ => (PostStatus::Draft, published_at),
    };
    Ok((
        action,
        PostInput {
            lang,
            slug,
            title,
            excerpt,
            body_md: body,
            body_html,
            status,
            published_at,
            category_ids,
            tags,
            translation_id,
            event_id,
            by_team: form.by_team == "yes",
        },
    ))
}

#[derive(Template)]
#[template(path = "blog/admin/post_edit.html")]
struct EditPage {
    ctx: PageCtx,
    post_id: Option<i64>,
    state: Option<PostState>,
    public_href: Option<String>,
    form: PostForm,
    errors: FieldErrors,
    categories: Vec<(i64, String)>,
    translations: Vec<(i64, String, Lang)>,
    events: Vec<(i64, String)>,
    preview: Option<String>,
}

impl EditPage {
    fn action(&self) -> String {
        match self.post_id {
            Some(id) => format!("/admin/posts/{id}/edit"),
            None => "/admin/posts/new".to_string(),
        }
    }

    fn is_lang(&self, code: &str) -> bool {
        self.form.lang == code
    }
}

/// The choices the editor offers: categories and posts of either language to link.
struct Choices {
    categories: Vec<Category>,
    other_posts: Vec<Post>,
    events: Vec<(i64, String)>,
}

async fn load_choices(
    state: &AppState,
    except: Option<i64>,
    lang: Lang,
) -> Result<Choices, AppError> {
    let events = state.post_neighbours.events;
    state
        .db
        .run(move |conn| {
            let categories = queries::all_categories(conn)?;
            let mut other_posts = queries::posts_in(conn, Lang::De)?;
            other_posts.extend(queries::posts_in(conn, Lang::En)?);
            other_posts.retain(|p| Some(p.id) != except);
            Ok(Choices {
                categories,
                other_posts,
                events: events(conn, lang)?,
            })
        })
        .await
}

async fn editor(
    state: &AppState,
    ctx: PageCtx,
    post: Option<&Post>,
    shown: impl Into<Rejected<PostForm>>,
    preview: Option<String>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let lang = ctx.lang;
    let choices = load_choices(state, post.map(|p| p.id), lang).await?;
    let now = crate::clock::now();
    let page = EditPage {
        post_id: post.map(|p| p.id),
        state: post.map(|p| p.state(now)),
        public_href: post
            .filter(|p| p.state(now) == PostState::Published)
            .map(Post::path),
        categories: choices
            .categories
            .iter()
            .map(|c| (c.id, c.name(lang).to_string()))
            .collect(),
        translations: choices
            .other_posts
            .iter()
            .map(|p| (p.id, p.title.clone(), p.lang))
            .collect(),
        events: choices.events,
        form,
        errors,
        preview,
        ctx: admin_ctx(state, ctx, "posts").await?,
    };
    render_status(status, &page)
}

async fn new_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
) -> Result<HttpResponse, AppError> {
    let form = PostForm {
        lang: ctx.lang.code().to_string(),
        ..PostForm::default()
    };
    editor(&state, ctx, None, form, None).await
}

async fn load_post(state: &AppState, id: i64) -> Result<(Post, PostForm), AppError> {
    let tz = state.config.timezone;
    let is_announced = state.post_neighbours.is_announced;
    state
        .db
        .run(move |conn| {
            let post = queries::post_by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let categories = queries::category_ids(conn, id)?;
            let tags = queries::tag_names(conn, id)?;
            let translation = queries::translation_of(conn, &post)?.map(|p| p.id);
            let event = queries::event_of(conn, id)?;
            let mut form = PostForm::from_post(&post, categories, tags, translation, event, tz);
            if is_announced(conn, id)? {
                form.announce = "yes".into();
            }
            Ok((post, form))
        })
        .await
}

async fn edit_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (post, form) = load_post(&state, id).await?;
    editor(&state, ctx, Some(&post), form, None).await
}

async fn create(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    organizer: Organizer,
    body: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    save(
        &state,
        ctx,
        &session,
        organizer,
        None,
        PostForm::from_pairs(body.into_inner()),
    )
    .await
}

async fn update(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    organizer: Organizer,
    path: web::Path<i64>,
    body: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (post, _) = load_post(&state, id).await?;
    save(
        &state,
        ctx,
        &session,
        organizer,
        Some(post),
        PostForm::from_pairs(body.into_inner()),
    )
    .await
}

async fn save(
    state: &AppState,
    ctx: PageCtx,
    session: &Session,
    organizer: Organizer,
    post: Option<Post>,
    form: PostForm,
) -> Result<HttpResponse, AppError> {
    let tz = state.config.timezone;
    let categories = state
        .db
        .run(|conn| Ok(queries::all_categories(conn)?))
        .await?;
    let (action, input) = match validate(&form, &categories, tz) {
        Ok(valid) => valid,
        Err(errors) => {
            return editor(state, ctx, post.as_ref(), Rejected::new(form, errors), None).await;
        }
    };
    if action == Action::Preview {
        let preview = Some(input.body_html.clone());
        return editor(state, ctx, post.as_ref(), form, preview).await;
    }
    let post_id = post.as_ref().map(|p| p.id);
    let author_id = post.as_ref().map_or(organizer.0.id, |p| p.author_id);
    let check = input.clone();
    let neighbours = state.post_neighbours;
    let announce = form.announce == "yes";
    let saved = state
        .db
        .run(move |conn| {
            let mut errors = FieldErrors::default();
            if queries::slug_taken(conn, check.lang, &check.slug, post_id)? {
                errors.add("slug", "error-slug-taken");
            }
            if let Some(other_id) = check.translation_id {
                match queries::post_by_id(conn, other_id)? {
                    Some(other) if other.lang != check.lang => {}
                    _ => errors.add("translation", "error-translation"),
                }
            }
            if let Some(event_id) = check.event_id
                && !(neighbours.events)(conn, check.lang)?
                    .iter()
                    .any(|(id, _)| *id == event_id)
            {
                errors.add("event", "error-unknown-choice");
            }
            if !errors.is_empty() {
                return Ok(Err(errors));
            }
            match queries::save_post(conn, post_id, author_id, &check) {
                Ok(id) => {
                    if let Some(saved) = queries::post_by_id(conn, id)? {
                        (neighbours.set_announcement)(
                            conn,
                            &saved,
                            announce,
                            author_id,
                            crate::clock::now(),
                        )?;
                    }
                    Ok(Ok(id))
                }
                // Two organizers saving the same slug at once: the loser gets the field error.
                Err(e) if is_unique_violation(&e) => {
                    errors.add("slug", "error-slug-taken");
                    Ok(Err(errors))
                }
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match saved {
        Ok(id) => {
            let key = match (action, input.published_at) {
                (Action::Publish, Some(at)) if at > crate::clock::now() => "post-scheduled",
                (Action::Publish, _) => "post-published",
                _ => "post-saved",
            };
            session::flash(session, FlashKind::Success, key);
            Ok(see_other(&format!("/admin/posts/{id}/edit")))
        }
        Err(errors) => editor(state, ctx, post.as_ref(), Rejected::new(form, errors), None).await,
    }
}

async fn unpublish(
    state: web::Data<AppState>,
    session: Session,
    _organizer: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let work = move |conn: &mut DbConn| Ok(queries::unpublish(conn, id)?);
    let then = format!("/admin/posts/{id}/edit");
    act_on_row(&state, &session, work, "post-unpublished", &then).await
}

async fn delete_question(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (post, comments) = state
        .db
        .run(move |conn| {
            let post = queries::post_by_id(conn, id)?.ok_or(AppError::NotFound)?;
            let comments = queries::approved_comments(conn, id)?.len() as i64;
            Ok((post, comments))
        })
        .await?;
    let lang = ctx.lang;
    let question = Question {
        title: lang.t_args(
            "post-delete-question",
            &[("title", post.title.as_str().into())],
        ),
        consequence: lang.t_args("post-delete-consequence", &[("count", comments.into())]),
        action: format!("/admin/posts/{id}/delete"),
        button: lang.t("editor-delete"),
        back: format!("/admin/posts/{id}/edit"),
    };
    confirm::ask(&state, ctx, "posts", question).await
}

async fn delete(
    state: web::Data<AppState>,
    session: Session,
    _organizer: Organizer,
    path: web::Path<i64>,
    _csrf: CsrfForm<CsrfOnly>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let work = move |conn: &mut DbConn| Ok(queries::delete_post(conn, id)?);
    act_on_row(&state, &session, work, "post-deleted", "/admin/posts").await
}

pub const CATEGORY_NAME_MAX: usize = 80;

/// A category's names and slugs as typed.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
struct CategoryForm {
    csrf: String,
    name_de: String,
    slug_de: String,
    name_en: String,
    slug_en: String,
}

crate::web::forms::csrf_protected!(CategoryForm);

impl CategoryForm {
    fn from_category(category: &Category) -> CategoryForm {
        CategoryForm {
            csrf: String::new(),
            name_de: category.name_de.clone(),
            slug_de: category.slug_de.clone(),
            name_en: category.name_en.clone(),
            slug_en: category.slug_en.clone(),
        }
    }

    /// Names are required; an empty slug is made from the name of its language.
    fn validate(&self) -> Result<CategoryInput, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name_de = errors.text("name_de", &self.name_de, CATEGORY_NAME_MAX);
        let name_en = errors.text("name_en", &self.name_en, CATEGORY_NAME_MAX);
        let mut slug = |field: &'static str, typed: &str, name: &str| {
            let slug = match typed.trim() {
                "" => slugify(name),
                typed => typed.to_string(),
            };
            if !name.is_empty() && !is_slug(&slug) {
                errors.add(field, "error-slug");
            }
            slug
        };
        let slug_de = slug("slug_de", &self.slug_de, &name_de);
        let slug_en = slug("slug_en", &self.slug_en, &name_en);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CategoryInput {
            slug_de,
            slug_en,
            name_de,
            name_en,
        })
    }
}

#[derive(Template)]
#[template(path = "blog/admin/categories.html")]
struct CategoriesPage {
    ctx: PageCtx,
    categories: Vec<CategoryRow>,
    form: CategoryForm,
    errors: FieldErrors,
}

/// A row of the categories table: its name and public address in each language.
struct CategoryRow {
    id: i64,
    de: CategoryCell,
    en: CategoryCell,
}

struct CategoryCell {
    name: String,
    slug: String,
    href: String,
}

impl CategoryCell {
    fn new(category: &Category, lang: Lang) -> CategoryCell {
        CategoryCell {
            name: category.name(lang).to_string(),
            slug: category.slug(lang).to_string(),
            href: category.path(lang),
        }
    }
}

async fn categories_page(
    state: &AppState,
    ctx: PageCtx,
    shown: impl Into<Rejected<CategoryForm>>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let categories = state
        .db
        .run(|conn| Ok(queries::all_categories(conn)?))
        .await?
        .iter()
        .map(|c| CategoryRow {
            id: c.id,
            de: CategoryCell::new(c, Lang::De),
            en: CategoryCell::new(c, Lang::En),
        })
        .collect();
    let page = CategoriesPage {
        ctx: admin_ctx(state, ctx, "posts").await?,
        categories,
        form,
        errors,
    };
    render_status(status, &page)
}

async fn categories(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
) -> Result<HttpResponse, AppError> {
    categories_page(&state, ctx, CategoryForm::default()).await
}

/// Saves a new (`id` = None) or changed category; a slug another category uses in the
/// same language is refused on its field.
async fn save_category(
    state: &AppState,
    id: Option<i64>,
    form: &CategoryForm,
) -> Result<Result<(), FieldErrors>, AppError> {
    let input = match form.validate() {
        Ok(input) => input,
        Err(errors) => return Ok(Err(errors)),
    };
    state
        .db
        .run(move |conn| {
            let mut errors = FieldErrors::default();
            for (lang, field) in [(Lang::De, "slug_de"), (Lang::En, "slug_en")] {
                if queries::category_slug_taken(conn, lang, input.slug(lang), id)? {
                    errors.add(field, "error-slug-taken");
                }
            }
            if !errors.is_empty() {
                return Ok(Err(errors));
            }
            let saved = match id {
                None => queries::create_category(conn, &input).map(|_| 1),
                Some(id) => queries::update_category(conn, id, &input),
            };
            match saved {
                Ok(0) => Err(AppError::NotFound),
                Ok(_) => Ok(Ok(())),
                // Two organizers taking the same slug at once.
                Err(e) if is_unique_violation(&e) => {
                    errors.add("slug_de", "error-slug-taken");
                    Ok(Err(errors))
                }
                Err(e) => Err(e.into()),
            }
        })
        .await
}

async fn add_category(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _organizer: Organizer,
    form: CsrfForm<CategoryForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    match save_category(&state, None, &form).await? {
        Ok(()) => {
            session::flash(&session, FlashKind::Success, "category-added");
            Ok(see_other("/admin/categories"))
        }
        Err(errors) => categories_page(&state, ctx, Rejected::new(form, errors)).await,
    }
}

#[derive(Template)]
#[template(path = "blog/admin/category_edit.html")]
struct CategoryEditPage {
    ctx: PageCtx,
    id: i64,
    form: CategoryForm,
    errors: FieldErrors,
}

async fn category_editor(
    state: &AppState,
    ctx: PageCtx,
    id: i64,
    shown: impl Into<Rejected<CategoryForm>>,
) -> Result<HttpResponse, AppError> {
    let Rejected {
        form,
        errors,
        status,
    } = shown.into();
    let page = CategoryEditPage {
        ctx: admin_ctx(state, ctx, "posts").await?,
        id,
        form,
        errors,
    };
    render_status(status, &page)
}

async fn edit_category_form(
    state: web::Data<AppState>,
    ctx: PageCtx,
    _organizer: Organizer,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let category = state
        .db
        .run(move |conn| Ok(queries::category_by_id(conn, id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    category_editor(&state, ctx, id, CategoryForm::from_category(&category)).await
}

async fn update_category(
    state: web::Data<AppState>,
    ctx: PageCtx,
    session: Session,
    _organizer: Organizer,
    path: web::Path<i64>,
    form: CsrfForm<CategoryForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let form = form.into_inner();
    match save_category(&state, Some(id), &form).await? {
        Ok(()) => {
            session::flash(&session, FlashKind::Success, "category-saved");
            Ok(see_other("/admin/categories"))
        }
        Err(errors) => category_editor(&state, ctx, id, Rejected::new(form, errors)).await,
    }
}
