//! What pages link with: a link with its text, and the pager of a listing.

use crate::db::pagination::Page;

/// A link with its text.
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub label: String,
}

/// Links to the previous and next page of a listing.
#[derive(Debug, Clone)]
pub struct Pager {
    pub number: i64,
    pub total: i64,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    pub fn new(page: &Page, base_path: &str) -> Pager {
        let link = |n: i64| {
            if n == 1 {
                base_path.to_string()
            } else {
                format!("{base_path}?page={n}")
            }
        };
        Pager {
            number: page.number,
            total: page.total_pages(),
            prev: page.prev().map(link),
            next: page.next().map(link),
        }
    }
}
