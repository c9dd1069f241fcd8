//! Pages: what organizers write besides posts (about us, the Impressum, the privacy
//! notice), published at `/{lang}/{slug}/` and linked from the header or footer.

pub mod admin;
mod handlers;
pub mod model;
pub mod queries;

use std::sync::RwLock;

use diesel::QueryResult;

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

/// The header and footer links from pages, which every page shows. Kept in memory so
/// rendering a page costs no query; reloaded whenever an organizer changes a page.
#[derive(Debug, Default)]
pub struct Nav {
    entries: RwLock<Vec<NavEntry>>,
}

impl Nav {
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
        Ok(())
    }
}
