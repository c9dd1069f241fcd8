//! The test harness: a fresh database per test (SQLite file, or a PostgreSQL schema
//! when TEST_DATABASE_URL is set), the real app, and a client that keeps cookies.
//! Fixtures (`events`, `contacts`, `topics`) go through the app's own queries.

pub mod contacts;
pub mod events;
pub mod topics;

pub use contacts::ContactSpec;
pub use events::{EventSpec, Registration, RsvpSpec};
pub use topics::TopicSpec;

use std::collections::HashMap;

use actix_http::Request;
use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::HeaderMap;
use actix_web::{test, web};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use grillplatz::blog::model::{CommentStatus, PostStatus};
use grillplatz::blog::queries::{self, PostInput};
use grillplatz::config::Config;
use grillplatz::db::{self, Db, DbConn};
use grillplatz::i18n::Lang;
use grillplatz::markdown::{self, Author};
use grillplatz::organizers;
use grillplatz::{AppState, app};

pub const PASSWORD: &str = "correct-horse-battery";

/// One test's app and database.
pub struct TestApp {
    pub state: web::Data<AppState>,
    /// The database URL, for tests that open more connections.
    pub url: String,
    /// Statements run through the app's pool so far.
    pub statements: db::StatementCount,
    _dir: tempfile::TempDir,
    pg_schema: Option<(String, String)>,
}

fn with_search_path(url: &str, schema: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-csearch_path%3D{schema}")
}

/// Whether this run uses PostgreSQL.
pub fn postgres_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

impl TestApp {
    pub fn new() -> TestApp {
        TestApp::with_config(|_| {})
    }

    /// An app whose settings `adjust` changes first (trusted proxies, session lifetimes…).
    pub fn with_config(adjust: impl FnOnce(&mut Config)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let (url, pg_schema) = match postgres_url() {
            Some(base) => {
                let schema = format!("t_{}", grillplatz::tokens::random_uuid().replace('-', ""));
                let mut admin = diesel::PgConnection::establish(&base)
                    .expect("TEST_DATABASE_URL must point to a running PostgreSQL");
                diesel::sql_query(format!("CREATE SCHEMA {schema}"))
                    .execute(&mut admin)
                    .expect("create test schema");
                (with_search_path(&base, &schema), Some((base, schema)))
            }
            None => (
                dir.path()
                    .join("test.sqlite")
                    .to_string_lossy()
                    .into_owned(),
                None,
            ),
        };
        let mut config = Config::from_lookup(|name| match name {
            "GRILLPLATZ_DATA_DIR" => Some(dir.path().to_string_lossy().into_owned()),
            "GRILLPLATZ_BASE_URL" => Some("http://grillplatz.test".into()),
            _ => None,
        })
        .expect("test config");
        config.database_url = url.clone();
        config.ensure_secret_key().expect("secret key");
        adjust(&mut config);
        let (pool, statements) = db::connect_counting(&url, 8).expect("pool");
        db::migrate(&mut pool.get().expect("connection")).expect("migrations");
        grillplatz::after_migrations(&mut pool.get().expect("connection")).expect("backfill");
        TestApp {
            url,
            statements,
            state: web::Data::new(AppState::new(config, Db::new(pool))),
            _dir: dir,
            pg_schema,
        }
    }

    pub fn conn(&self) -> db::PooledConn {
        self.state.db.pool().get().expect("connection")
    }

    /// A client talking to a fresh instance of the app over this database.
    pub async fn client(
        &self,
    ) -> Client<
        impl Service<Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>,
    > {
        Client {
            service: test::init_service(app(self.state.clone())).await,
            cookies: HashMap::new(),
            peer: DEFAULT_PEER.into(),
        }
    }

    /// A client of a second app instance on the same database: its own state and pool,
    /// as when several processes serve one PostgreSQL.
    pub async fn client_on_another_instance(
        &self,
    ) -> Client<
        impl Service<Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error>,
    > {
        let pool = db::connect(&self.url, 4).expect("pool");
        let state = web::Data::new(AppState::new(self.state.config.clone(), Db::new(pool)));
        Client {
            service: test::init_service(app(state)).await,
            cookies: HashMap::new(),
            peer: DEFAULT_PEER.into(),
        }
    }

    pub fn organizer(&self, email: &str, name: &str) -> i64 {
        let hash = organizers::hash_password(PASSWORD).expect("hash");
        organizers::create(&mut self.conn(), email, name, &hash, Lang::De).expect("organizer")
    }

    /// A category with the same slug in both languages.
    pub fn category(&self, slug: &str, de: &str, en: &str) -> i64 {
        let input = grillplatz::blog::model::CategoryInput {
            slug_de: slug.into(),
            slug_en: slug.into(),
            name_de: de.into(),
            name_en: en.into(),
        };
        queries::create_category(&mut self.conn(), &input).expect("category")
    }

    /// Saves a post as the given organizer; returns its id.
    pub fn post(&self, author: i64, post: PostSpec) -> i64 {
        let input = PostInput {
            lang: post.lang,
            slug: post.slug.clone(),
            title: post.title.clone(),
            excerpt: markdown::excerpt(&post.body, 200),
            body_html: markdown::to_html(&post.body, Author::Organizer),
            body_md: post.body,
            status: post.status,
            published_at: Some(post.published_at),
            category_ids: post.categories,
            tags: post
                .tags
                .iter()
                .map(|t| (t.to_string(), t.to_string()))
                .collect(),
            translation_id: post.translation_of,
            event_id: None,
            by_team: false,
        };
        queries::save_post(&mut self.conn(), None, author, &input).expect("save post")
    }

    /// A comment as the form stores it, then moderated to `approved` or held back.
    pub fn comment(
        &self,
        post_id: i64,
        name: &str,
        email: &str,
        body: &str,
        approved: bool,
    ) -> i64 {
        let mut conn = self.conn();
        let (id, status) =
            queries::add_comment(&mut conn, post_id, name, email, body).expect("comment");
        let wanted = if approved {
            CommentStatus::Approved
        } else {
            CommentStatus::Pending
        };
        if status != wanted {
            queries::set_comment_status(&mut conn, id, wanted).expect("moderate");
        }
        id
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some((base, schema)) = &self.pg_schema
            && let Ok(mut admin) = diesel::PgConnection::establish(base)
        {
            let _ = diesel::sql_query(format!("DROP SCHEMA {schema} CASCADE")).execute(&mut admin);
        }
    }
}

/// A post to create in a test.
pub struct PostSpec {
    pub lang: Lang,
    pub slug: String,
    pub title: String,
    pub body: String,
    pub status: PostStatus,
    pub published_at: NaiveDateTime,
    pub categories: Vec<i64>,
    pub tags: Vec<&'static str>,
    pub translation_of: Option<i64>,
}

impl PostSpec {
    /// A post published an hour ago.
    pub fn published(lang: Lang, slug: &str, title: &str) -> PostSpec {
        PostSpec {
            lang,
            slug: slug.into(),
            title: title.into(),
            body: format!("{title}: the first paragraph.\n\nMore **text**."),
            status: PostStatus::Published,
            published_at: grillplatz::clock::now() - Duration::hours(1),
            categories: Vec::new(),
            tags: Vec::new(),
            translation_of: None,
        }
    }

    pub fn at(mut self, published_at: NaiveDateTime) -> PostSpec {
        self.published_at = published_at;
        self
    }

    pub fn draft(mut self) -> PostSpec {
        self.status = PostStatus::Draft;
        self
    }

    pub fn in_category(mut self, id: i64) -> PostSpec {
        self.categories.push(id);
        self
    }

    pub fn tagged(mut self, tag: &'static str) -> PostSpec {
        self.tags.push(tag);
        self
    }

    pub fn translation_of(mut self, id: i64) -> PostSpec {
        self.translation_of = Some(id);
        self
    }
}

/// A response, read in full.
#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn location(&self) -> &str {
        self.header("location")
    }

    /// The value of the hidden CSRF field of the page.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self.body.find(marker).expect("page has a CSRF field") + marker.len();
        let end = self.body[start..].find('"').expect("closing quote");
        self.body[start..start + end].to_string()
    }

    pub fn assert_contains(&self, needle: &str) {
        assert!(
            self.body.contains(needle),
            "expected {needle:?} in the {} page:\n{}",
            self.status,
            self.body
        );
    }

    pub fn assert_lacks(&self, needle: &str) {
        assert!(
            !self.body.contains(needle),
            "did not expect {needle:?} in:\n{}",
            self.body
        );
    }

    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }

    /// How many elements match the CSS selector `css`.
    pub fn count(&self, css: &str) -> usize {
        let selector = scraper::Selector::parse(css).expect("a valid CSS selector");
        self.html().select(&selector).count()
    }

    /// The text of every element matching `css`, trimmed, in page order.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let selector = scraper::Selector::parse(css).expect("a valid CSS selector");
        self.html()
            .select(&selector)
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }

    /// Asserts an element matches `css`: the page is the one the test means.
    pub fn assert_has(&self, css: &str) {
        assert!(
            self.count(css) > 0,
            "expected an element {css:?} in the {} page:\n{}",
            self.status,
            self.body
        );
    }

    /// Asserts no element matches `css`; unlike a substring check it cannot pass
    /// because the markup is spelled differently.
    pub fn assert_no(&self, css: &str) {
        assert_eq!(
            self.count(css),
            0,
            "did not expect an element {css:?} in:\n{}",
            self.body
        );
    }

    /// The value of the form field `name`: its value attribute, a textarea's text, or a
    /// select's chosen option.
    pub fn field(&self, name: &str) -> Option<String> {
        let html = self.html();
        let input = scraper::Selector::parse(&format!("[name=\"{name}\"]")).ok()?;
        let element = html.select(&input).next()?;
        match element.value().name() {
            "textarea" => Some(element.text().collect()),
            "select" => {
                let options = scraper::Selector::parse("option").ok()?;
                let mut all = element.select(&options);
                let chosen = element
                    .select(&options)
                    .find(|o| o.value().attr("selected").is_some())
                    .or_else(|| all.next())?;
                Some(chosen.value().attr("value").unwrap_or_default().to_string())
            }
            _ => element.value().attr("value").map(str::to_string),
        }
    }
}

/// The address every test client connects from unless told otherwise.
const DEFAULT_PEER: &str = "203.0.113.7:40000";

/// Drives the app like a browser that keeps cookies.
pub struct Client<S> {
    service: S,
    cookies: HashMap<String, String>,
    peer: String,
}

impl<S, B> Client<S>
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    /// Starts over as a new visitor.
    pub fn forget_cookies(&mut self) {
        self.cookies.clear();
    }

    /// The cookies this browser holds, to be copied into another one.
    pub fn cookies(&self) -> HashMap<String, String> {
        self.cookies.clone()
    }

    /// Takes over the cookies of another browser (as someone who copied them would).
    pub fn use_cookies(&mut self, cookies: HashMap<String, String>) {
        self.cookies = cookies;
    }

    /// Connects from another address (`ip:port`) from now on.
    pub fn connect_from(&mut self, peer: &str) {
        self.peer = peer.to_string();
    }

    fn with_cookies(&self, req: test::TestRequest) -> test::TestRequest {
        let cookie_header = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let req = req.peer_addr(self.peer.parse().expect("addr"));
        if cookie_header.is_empty() {
            req
        } else {
            req.insert_header(("cookie", cookie_header))
        }
    }

    /// Opens a response that streams (an event stream) and hands back its unread body.
    pub async fn open_stream(&mut self, path: &str) -> (StatusCode, HeaderMap, B) {
        self.open_stream_with(path, ("accept", "text/event-stream"))
            .await
    }

    /// Opens a stream with one extra header, e.g. `("accept-encoding", "gzip")`.
    pub async fn open_stream_with(
        &mut self,
        path: &str,
        header: (&'static str, &str),
    ) -> (StatusCode, HeaderMap, B) {
        let req = self.with_cookies(
            test::TestRequest::get()
                .uri(path)
                .insert_header((header.0, header.1.to_string())),
        );
        let res = test::call_service(&self.service, req.to_request()).await;
        (res.status(), res.headers().clone(), res.into_body())
    }

    async fn send(&mut self, req: test::TestRequest) -> Resp {
        let req = self.with_cookies(req);
        let res = test::call_service(&self.service, req.to_request()).await;
        for cookie in res.response().cookies() {
            if cookie.max_age().is_some_and(|age| age.is_zero()) || cookie.value().is_empty() {
                self.cookies.remove(cookie.name());
            } else {
                self.cookies
                    .insert(cookie.name().to_string(), cookie.value().to_string());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let body = test::read_body(res).await;
        Resp {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        self.send(test::TestRequest::get().uri(path)).await
    }

    pub async fn get_with(&mut self, path: &str, header: (&'static str, &str)) -> Resp {
        self.send(
            test::TestRequest::get()
                .uri(path)
                .insert_header((header.0, header.1.to_string())),
        )
        .await
    }

    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = serde_urlencoded::to_string(fields).expect("form encoding");
        self.send(
            test::TestRequest::post()
                .uri(path)
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .set_payload(body),
        )
        .await
    }

    /// Posts a form with one extra header, e.g. `("accept", "application/json")`.
    pub async fn post_with(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        header: (&'static str, &str),
    ) -> Resp {
        let body = serde_urlencoded::to_string(fields).expect("form encoding");
        self.send(
            test::TestRequest::post()
                .uri(path)
                .insert_header(("content-type", "application/x-www-form-urlencoded"))
                .insert_header((header.0, header.1.to_string()))
                .set_payload(body),
        )
        .await
    }

    /// Posts a raw body with its content type (a multipart upload, say).
    pub async fn post_raw(&mut self, path: &str, content_type: &str, body: Vec<u8>) -> Resp {
        self.send(
            test::TestRequest::post()
                .uri(path)
                .insert_header(("content-type", content_type.to_string()))
                .set_payload(body),
        )
        .await
    }

    /// Posts the same form `times` times at once (with this browser's cookies) and returns
    /// the statuses: for races.
    pub async fn post_concurrently(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        times: usize,
    ) -> Vec<StatusCode> {
        let body = serde_urlencoded::to_string(fields).expect("form encoding");
        let requests = (0..times).map(|_| {
            let req = self.with_cookies(
                test::TestRequest::post()
                    .uri(path)
                    .insert_header(("content-type", "application/x-www-form-urlencoded"))
                    .set_payload(body.clone()),
            );
            test::call_service(&self.service, req.to_request())
        });
        futures_util::future::join_all(requests)
            .await
            .into_iter()
            .map(|res| res.status())
            .collect()
    }

    /// Loads `form_page`, then posts `fields` plus the page's CSRF token to `action`.
    pub async fn submit(&mut self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Resp {
        let csrf = self.get(form_page).await.csrf();
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", &csrf));
        self.post(action, &all).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Resp {
        self.submit(
            "/admin/login",
            "/admin/login",
            &[("email", email), ("password", password)],
        )
        .await
    }
}

/// Runs a closure with a plain connection (for assertions on stored rows).
pub fn with_conn<T>(app: &TestApp, f: impl FnOnce(&mut DbConn) -> T) -> T {
    f(&mut app.conn())
}
