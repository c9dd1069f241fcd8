//! Both migration trees describe the same database.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use diesel::prelude::*;
use diesel::sql_types::Text;

type Tables = BTreeMap<String, BTreeSet<String>>;

fn migration_dirs(backend: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("migrations")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn both_trees_have_the_same_migrations() {
    assert_eq!(migration_dirs("sqlite"), migration_dirs("postgres"));
}

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

fn sqlite_tables() -> Tables {
    let dir = tempfile::tempdir().expect("dir");
    let url = dir.path().join("s.sqlite").to_string_lossy().into_owned();
    let pool = grillplatz::db::connect(&url, 1).expect("pool");
    let mut conn = pool.get().expect("conn");
    grillplatz::db::migrate(&mut conn).expect("migrate");
    let columns: Vec<Column> = diesel::sql_query(
        "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m \
         JOIN pragma_table_info(m.name) p WHERE m.type = 'table' \
         AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__diesel%'",
    )
    .load(&mut *conn)
    .expect("introspect");
    group(columns)
}

fn group(columns: Vec<Column>) -> Tables {
    let mut tables = Tables::new();
    for c in columns {
        tables
            .entry(c.table_name)
            .or_default()
            .insert(c.column_name);
    }
    tables
}

/// Table and column names from the CREATE TABLE, DROP TABLE and ALTER TABLE … ADD/DROP/
/// RENAME COLUMN statements of a tree.
fn declared_tables(backend: &str) -> Tables {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut tables = Tables::new();
    for dir in migration_dirs(backend) {
        let sql = std::fs::read_to_string(root.join(dir).join("up.sql")).expect("up.sql");
        for statement in sql.split(';') {
            if let Some(rest) = statement.split("ALTER TABLE ").nth(1) {
                let words: Vec<&str> = rest.split_whitespace().collect();
                match words.as_slice() {
                    [table, "ADD", "COLUMN", column, ..] => {
                        tables
                            .entry(table.to_string())
                            .or_default()
                            .insert(column.to_string());
                    }
                    [table, "DROP", "COLUMN", column, ..] => {
                        if let Some(columns) = tables.get_mut(*table) {
                            columns.remove(*column);
                        }
                    }
                    [table, "RENAME", "COLUMN", from, "TO", to, ..] => {
                        if let Some(columns) = tables.get_mut(*table)
                            && columns.remove(*from)
                        {
                            columns.insert(to.to_string());
                        }
                    }
                    _ => {}
                }
                continue;
            }
            if let Some(rest) = statement.split("DROP TABLE ").nth(1) {
                tables.remove(rest.split_whitespace().next().unwrap_or_default());
                continue;
            }
            let Some(rest) = statement.trim_start().split("CREATE TABLE ").nth(1) else {
                continue;
            };
            let name = rest
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            let body = &rest[rest.find('(').map_or(0, |i| i + 1)..];
            let columns = tables.entry(name).or_default();
            for line in body.lines() {
                let first = line.split_whitespace().next().unwrap_or_default();
                let is_column = !first.is_empty()
                    && first.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    && !["primary", "unique", "foreign", "check", "constraint"]
                        .contains(&first.to_ascii_lowercase().as_str());
                if is_column {
                    columns.insert(first.to_string());
                }
            }
        }
    }
    tables
}

#[test]
fn both_trees_declare_the_same_tables_and_columns() {
    let sqlite = sqlite_tables();
    assert_eq!(
        declared_tables("sqlite"),
        sqlite,
        "the parser reads the SQLite tree as SQLite does"
    );
    assert_eq!(declared_tables("postgres"), sqlite);
    assert!(sqlite.contains_key("posts") && sqlite["posts"].contains("translation_key"));
}

#[test]
fn postgres_yields_the_same_tables_as_sqlite() {
    let Some(base) = crate::support::postgres_url() else {
        return; // Covered by the declared-tables test; CI runs this with PostgreSQL.
    };
    let app = crate::support::TestApp::new();
    let _ = base;
    let columns: Vec<Column> = diesel::sql_query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name \
         FROM information_schema.columns WHERE table_schema = current_schema() \
         AND table_name NOT LIKE '__diesel%'",
    )
    .load(&mut *app.conn())
    .expect("introspect");
    assert_eq!(group(columns), sqlite_tables());
}
