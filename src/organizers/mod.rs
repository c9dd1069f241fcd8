//! Organizer accounts: the only people with passwords, and their sessions.

pub mod sessions;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, SaltString};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::organizers;
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = organizers)]
pub struct OrganizerRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub lang: Lang,
    pub created_at: NaiveDateTime,
    pub deactivated_at: Option<NaiveDateTime>,
}

impl OrganizerRow {}

pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing the password failed: {e}"))
}

/// Checks a password; an unusable stored hash never matches.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A hash of a random password, checked when the email is unknown so that
/// a failed login takes as long whether or not the address exists.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password(&crate::tokens::random_token()).unwrap_or_default())
}

pub fn by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<OrganizerRow>> {
    organizers::table
        .filter(organizers::email.eq(email))
        .select(OrganizerRow::as_select())
        .first(conn)
        .optional()
}

/// The organizer who may log in with `email`: deactivated accounts are as good as unknown.
pub fn active_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<OrganizerRow>> {
    organizers::table
        .filter(organizers::email.eq(email))
        .filter(organizers::deactivated_at.is_null())
        .select(OrganizerRow::as_select())
        .first(conn)
        .optional()
}

/// Sets a new password and ends every session, so a stolen cookie stops working too.
pub fn set_password(conn: &mut DbConn, id: i64, password_hash: &str) -> QueryResult<()> {
    crate::db::write_transaction(conn, |conn| {
        diesel::update(organizers::table.find(id))
            .set(organizers::password_hash.eq(password_hash))
            .execute(conn)?;
        sessions::end_all(conn, id)?;
        Ok(())
    })
}

/// Closes an account: no more logins, and its open sessions end at once.
pub fn deactivate(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<()> {
    crate::db::write_transaction(conn, |conn| {
        diesel::update(organizers::table.find(id))
            .set(organizers::deactivated_at.eq(Some(now)))
            .execute(conn)?;
        sessions::end_all(conn, id)?;
        Ok(())
    })
}

pub fn by_id(conn: &mut DbConn, id: i64) -> QueryResult<Option<OrganizerRow>> {
    organizers::table
        .find(id)
        .select(OrganizerRow::as_select())
        .first(conn)
        .optional()
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    organizers::table.count().get_result(conn)
}

pub fn create(
    conn: &mut DbConn,
    email: &str,
    name: &str,
    password_hash: &str,
    lang: Lang,
) -> QueryResult<i64> {
    diesel::insert_into(organizers::table)
        .values((
            organizers::email.eq(email),
            organizers::name.eq(name),
            organizers::password_hash.eq(password_hash),
            organizers::lang.eq(lang),
            organizers::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(organizers::id)
        .get_result(conn)
}

pub fn set_lang(conn: &mut DbConn, id: i64, lang: Lang) -> QueryResult<usize> {
    diesel::update(organizers::table.find(id))
        .set(organizers::lang.eq(lang))
        .execute(conn)
}
