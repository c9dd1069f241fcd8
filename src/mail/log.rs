//! What went to whom: the outbox as the organizers' mail log, newest first.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::OutboxStatus;
use crate::db::DbConn;
use crate::db::schema::outbox;

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// Mails per page of the log.
pub const PAGE_SIZE: i64 = 50;

/// Filters of the log.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Part of the recipient's address, any case.
    pub address: String,
    pub status: Option<OutboxStatus>,
}

/// One mail of the log.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct Entry {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

fn filtered(filter: &Filter) -> outbox::BoxedQuery<'static, <DbConn as Connection>::Backend> {
    let mut query = outbox::table.into_boxed();
    let needle = filter.address.trim().to_lowercase();
    if !needle.is_empty() {
        // LIKE's wildcards are taken literally by dropping them: addresses do not use them.
        let pattern = format!("%{}%", needle.replace(['%', '_', '\\'], ""));
        query = query.filter(lower(outbox::recipient).like(pattern));
    }
    if let Some(status) = filter.status {
        query = query.filter(outbox::status.eq(status.as_str()));
    }
    query
}

pub fn count(conn: &mut DbConn, filter: &Filter) -> QueryResult<i64> {
    filtered(filter).count().get_result(conn)
}

/// One page of the log, newest first.
pub fn page(
    conn: &mut DbConn,
    filter: &Filter,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<Entry>> {
    filtered(filter)
        .order((outbox::created_at.desc(), outbox::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(Entry::as_select())
        .load(conn)
}
