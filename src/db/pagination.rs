//! Page numbers from the query string and the window of rows they select.

use serde::Deserialize;

/// `?page=N` as typed by the visitor; anything but a positive number is "not found".
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    pub page: Option<String>,
}

impl PageQuery {
    /// The requested page (1 when absent), `None` when it is not a page number at all.
    pub fn number(&self) -> Option<i64> {
        match self.page.as_deref() {
            None | Some("") => Some(1),
            Some(raw) => raw.parse::<i64>().ok().filter(|n| *n >= 1),
        }
    }
}

/// One page of a listing.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub number: i64,
    pub per_page: i64,
    pub total_items: i64,
}

impl Page {
    /// `None` when `number` lies past the last page (page 1 always exists, even if empty).
    pub fn new(number: i64, per_page: i64, total_items: i64) -> Option<Page> {
        let page = Page {
            number,
            per_page,
            total_items,
        };
        (number <= page.total_pages()).then_some(page)
    }

    pub fn total_pages(&self) -> i64 {
        ((self.total_items + self.per_page - 1) / self.per_page).max(1)
    }

    pub fn offset(&self) -> i64 {
        (self.number - 1) * self.per_page
    }

    pub fn prev(&self) -> Option<i64> {
        (self.number > 1).then(|| self.number - 1)
    }

    pub fn next(&self) -> Option<i64> {
        (self.number < self.total_pages()).then(|| self.number + 1)
    }
}
