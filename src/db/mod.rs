//! Database access: one connection type over SQLite and PostgreSQL, the pool, migrations.

pub mod pagination;
pub mod schema;
mod text_enum;
pub(crate) use text_enum::{text_enum, text_sql};

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use diesel::connection::{InstrumentationEvent, SimpleConnection};
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::error::AppError;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to whichever backend `DATABASE_URL` names.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

/// The backend of [`DbConn`], for conversions of our own types (see `text_enum!`).
pub type SqlBackend = <DbConn as diesel::Connection>::Backend;

pub type DbPool = Pool<ConnectionManager<DbConn>>;
pub type PooledConn = PooledConnection<ConnectionManager<DbConn>>;

/// Which backend a URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn from_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// How many SQL statements the connections of one pool have started (the pool's own
/// check on checkout included). Tests read it around a request to prove that a page's
/// work does not grow with its content; being per pool, parallel tests never share one.
#[derive(Debug, Clone, Default)]
pub struct StatementCount(Arc<AtomicU64>);

impl StatementCount {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Sets the pragmas SQLite needs on every connection: WAL for concurrent readers,
/// a busy timeout instead of immediate "database is locked", and enforced foreign keys.
/// With a counter, it then counts each statement the connection starts.
#[derive(Debug)]
struct Customize {
    statements: Option<StatementCount>,
}

impl CustomizeConnection<DbConn, diesel::r2d2::Error> for Customize {
    fn on_acquire(&self, conn: &mut DbConn) -> Result<(), diesel::r2d2::Error> {
        if let DbConn::Sqlite(conn) = conn {
            conn.batch_execute(
                "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                 PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        if let Some(StatementCount(count)) = &self.statements {
            let count = Arc::clone(count);
            conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
                if matches!(event, InstrumentationEvent::StartQuery { .. }) {
                    count.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
        Ok(())
    }
}

/// Opens a pool for `url` (a SQLite path or `sqlite://path`, or a PostgreSQL URL).
pub fn connect(url: &str, max_size: u32) -> Result<DbPool, diesel::r2d2::PoolError> {
    build_pool(url, max_size, None)
}

/// A pool whose statements are counted.
pub fn connect_counting(
    url: &str,
    max_size: u32,
) -> Result<(DbPool, StatementCount), diesel::r2d2::PoolError> {
    let count = StatementCount::default();
    Ok((build_pool(url, max_size, Some(count.clone()))?, count))
}

fn build_pool(
    url: &str,
    max_size: u32,
    statements: Option<StatementCount>,
) -> Result<DbPool, diesel::r2d2::PoolError> {
    let manager = ConnectionManager::<DbConn>::new(sqlite_path(url).unwrap_or(url));
    Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(10))
        .connection_customizer(Box::new(Customize { statements }))
        .build(manager)
}

/// The file path of a SQLite URL, `None` for PostgreSQL.
pub fn sqlite_path(url: &str) -> Option<&str> {
    match Backend::from_url(url) {
        Backend::Postgres => None,
        Backend::Sqlite => Some(url.strip_prefix("sqlite://").unwrap_or(url)),
    }
}

/// Applies pending migrations. On PostgreSQL an advisory lock keeps several
/// instances starting at once from racing each other.
pub fn migrate(conn: &mut DbConn) -> anyhow::Result<Vec<String>> {
    let applied = match conn {
        DbConn::Sqlite(conn) => conn
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .iter()
            .map(ToString::to_string)
            .collect(),
        DbConn::Postgres(conn) => {
            conn.batch_execute("SELECT pg_advisory_lock(727001)")?;
            let result = conn
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|done| done.iter().map(ToString::to_string).collect())
                .map_err(|e| anyhow::anyhow!("{e}"));
            conn.batch_execute("SELECT pg_advisory_unlock(727001)")?;
            result?
        }
    };
    Ok(applied)
}

/// The pool as the handlers see it: runs blocking diesel work off the async executor.
#[derive(Clone)]
pub struct Db {
    pool: DbPool,
}

impl Db {
    pub fn new(pool: DbPool) -> Db {
        Db { pool }
    }

    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    /// Runs `work` with a pooled connection on the blocking thread pool.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await?
    }
}

/// A transaction that writes: on SQLite it starts with `BEGIN IMMEDIATE`, taking the
/// write lock up front (waiting through busy_timeout), because a deferred transaction
/// that reads first cannot upgrade once another writer committed ("database is locked").
/// On PostgreSQL it is an ordinary transaction; callers lock the rows they need.
pub fn write_transaction<T, E, F>(conn: &mut DbConn, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let DbConn::Sqlite(sqlite) = conn else {
        return conn.transaction(work);
    };
    let nested = AnsiTransactionManager::transaction_manager_status_mut(sqlite)
        .transaction_depth()?
        .is_some();
    if nested {
        // The outer transaction holds the lock already; this one is a savepoint.
        return conn.transaction(work);
    }
    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    match work(conn) {
        Ok(value) => {
            <DbConn as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(error) => {
            <DbConn as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(error)
        }
    }
}

/// Whether an error is a unique-constraint violation (a duplicate slug, say).
pub fn is_unique_violation(err: &diesel::result::Error) -> bool {
    matches!(
        err,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}
