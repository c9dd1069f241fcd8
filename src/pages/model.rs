//! The `pages` row and the states stored in it.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::pages;
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = pages)]
pub struct Page {
    pub id: i64,
    pub lang: Lang,
    pub slug: String,
    pub title: String,
    pub body_md: String,
    pub body_html: String,
    pub status: PageStatus,
    pub nav: NavPlace,
    pub position: i32,
    pub translation_key: Option<String>,
    pub role: Option<PageRole>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Page {
    pub fn path(&self) -> String {
        format!("/{}/{}/", self.lang, self.slug)
    }

    pub fn is_published(&self) -> bool {
        self.status == PageStatus::Published
    }
}

crate::db::text_enum! {
    pub enum PageStatus: "page-state-" {
        Draft = "draft",
        Published = "published",
    }
}

crate::db::text_enum! {
    /// Where the page is linked from every page of its language.
    pub enum NavPlace: "page-nav-" {
        None = "none",
        Header = "header",
        Footer = "footer",
    }
}

crate::db::text_enum! {
    /// The pages the site ships because the law wants them: they cannot be deleted and
    /// stay published in the footer.
    pub enum PageRole {
        Imprint = "imprint",
        Privacy = "privacy",
    }
}
