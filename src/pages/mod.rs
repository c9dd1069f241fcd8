//! Pages: what organizers write besides posts (about us, the Impressum, the privacy
//! notice), published at `/{lang}/{slug}/` and linked from the header or footer.

pub mod admin;
mod handlers;
pub mod model;
pub mod queries;

use std::sync::RwLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use actix_web::web;
use diesel::QueryResult;

use crate::AppState;
use crate::db::DbConn;
use crate::i18n::Lang;
use crate::web::nav::Link;
use model::{NavPlace, Page};

pub use handlers::routes;

/// First path segments the site answers under `/{lang}/` (and at the root), refused as
/// page slugs so no page hides a feature or is hidden by one. A test checks it against
/// every route the app mounts.
pub const RESERVED_SLUGS: &[&str] = &[
    "admin",
    "archive",
    "blog",
    "calendar",
    "category",
    "events",
    "favicon",
    "feed",
    "healthz",
    "newsletter",
    "robots",
    "rsvp",
    "series",
    "sitemap",
    "static",
    "tag",
    "unsubscribe",
];

pub fn is_reserved(slug: &str) -> bool {
    RESERVED_SLUGS.contains(&slug)
}

/// One navigation link from a page.
#[derive(Debug, Clone)]
struct NavEntry {
    lang: Lang,
    place: NavPlace,
    link: Link,
}

/// How long the links count as current before a request reloads them: other instances
/// over the same database may have changed a page.
const FRESH_FOR: Duration = Duration::from_secs(30);

/// The header and footer links from pages, which every page shows. Kept in memory so
/// rendering a page costs no query; reloaded whenever an organizer changes a page here,
/// and in the background once they are older than `FRESH_FOR`.
#[derive(Debug, Default)]
pub struct Nav {
    entries: RwLock<Vec<NavEntry>>,
    loaded_at: RwLock<Option<Instant>>,
    reloading: AtomicBool,
}

/// The header and footer links of `lang` for a page being rendered; starts a reload in
/// the background when they are old (this page still shows the ones at hand).
pub fn nav_links(req: &actix_web::HttpRequest, lang: Lang) -> crate::web::context::NavLinks {
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return (Vec::new(), Vec::new());
    };
    let nav = &state.page_nav;
    if nav.is_stale() && !nav.reloading.swap(true, Ordering::AcqRel) {
        let state = state.clone();
        actix_web::rt::spawn(async move {
            let shared = state.clone();
            let reloaded = state
                .db
                .run(move |conn| Ok(shared.page_nav.reload(conn)?))
                .await;
            if let Err(error) = reloaded {
                tracing::error!(%error, "reloading the pages' navigation failed");
            }
            state.page_nav.reloading.store(false, Ordering::Release);
        });
    }
    (
        nav.links(lang, NavPlace::Header),
        nav.links(lang, NavPlace::Footer),
    )
}

impl Nav {
    fn is_stale(&self) -> bool {
        match self.loaded_at.read() {
            Ok(at) => at.is_none_or(|at| at.elapsed() > FRESH_FOR),
            Err(_) => true,
        }
    }

    /// The links of `lang` in `place`, in the organizers' order.
    pub fn links(&self, lang: Lang, place: NavPlace) -> Vec<Link> {
        match self.entries.read() {
            Ok(entries) => entries
                .iter()
                .filter(|e| e.lang == lang && e.place == place)
                .map(|e| e.link.clone())
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Reads the published pages' places again.
    pub fn reload(&self, conn: &mut DbConn) -> QueryResult<()> {
        let fresh = queries::published(conn)?
            .into_iter()
            .filter(|p| p.nav != NavPlace::None)
            .map(|p: Page| NavEntry {
                lang: p.lang,
                place: p.nav,
                link: Link {
                    href: p.path(),
                    label: p.title,
                },
            })
            .collect();
        if let Ok(mut entries) = self.entries.write() {
            *entries = fresh;
        }
        if let Ok(mut at) = self.loaded_at.write() {
            *at = Some(Instant::now());
        }
        Ok(())
    }
}
