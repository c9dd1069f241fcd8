//! Contact import from CSV files as spreadsheets and CRMs export them: the bytes are
//! decoded (UTF-8, UTF-16 with BOM, else Windows-1252), the delimiter is guessed from the
//! header line, German and English column names are recognized, and every row gets an
//! outcome before anything is written. An address that unsubscribed or bounced before is
//! never imported: an import is not consent.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::model::ContactStatus;
use super::queries::normalize_tags;
use crate::db::schema::{contact_tags, contacts, suppressions};
use crate::db::{DbConn, write_transaction};
use crate::i18n::Lang;
use crate::mail::suppression::{Reason, email_hash};
use crate::web::forms::Email;

/// Largest file accepted, in bytes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most data rows in one file (the header not counted).
pub const MAX_ROWS: usize = 20_000;
pub const NAME_MAX: usize = 200;
pub const ORGANIZATION_MAX: usize = 200;
/// Longest tags cell, and most tags one contact gets from a file.
pub const TAGS_CELL_MAX: usize = 500;
pub const TAGS_PER_CONTACT: usize = 20;
/// How much of a malformed address the preview repeats.
const SHOWN_MAX: usize = 120;
/// Addresses per `IN (…)` query: far below every backend's bind-parameter limit.
const CHUNK: usize = 500;

/// The character encoding a file was read in, shown in the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl Encoding {
    /// The Fluent key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Encoding::Utf8 => "import-encoding-utf8",
            Encoding::Utf8Bom => "import-encoding-utf8-bom",
            Encoding::Utf16Le => "import-encoding-utf16le",
            Encoding::Utf16Be => "import-encoding-utf16be",
            Encoding::Windows1252 => "import-encoding-windows1252",
        }
    }
}

/// Why a whole file cannot be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has {bytes} bytes, more than {MAX_BYTES}")]
    TooBig { bytes: usize },
    #[error("an Excel workbook, not CSV")]
    Spreadsheet,
    #[error("not a text file")]
    NotText,
    #[error("the first line holds an address, not column names")]
    MissingHeader,
    #[error("no email column among {columns:?}")]
    NoEmailColumn { columns: Vec<String> },
    #[error("a header but no rows")]
    NoRows,
    #[error("more than {MAX_ROWS} rows")]
    TooManyRows,
    #[error("line {line} cannot be read")]
    Unreadable { line: u64 },
    #[error("database: {0}")]
    Db(#[from] diesel::result::Error),
}

/// A file's text and the encoding it was read in.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Reads an uploaded file as text. A BOM decides; without one, valid UTF-8 is UTF-8 and
/// anything else is taken as Windows-1252, which is what Excel writes on German Windows.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooBig { bytes: bytes.len() });
    }
    // .xlsx is a zip archive, .xls an OLE compound file: people upload those by mistake.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::Spreadsheet);
    }
    let (text, encoding) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((found, bom)) => {
            let (text, malformed) = found.decode_without_bom_handling(&bytes[bom..]);
            if malformed {
                return Err(ImportError::NotText);
            }
            let encoding = if found == encoding_rs::UTF_8 {
                Encoding::Utf8Bom
            } else if found == encoding_rs::UTF_16LE {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            };
            (text.into_owned(), encoding)
        }
        None => match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_string(), Encoding::Utf8),
            Err(_) => {
                // Unassigned bytes keep their C1 code points, as browsers do.
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                (text.into_owned(), Encoding::Windows1252)
            }
        },
    };
    // Old DOS tools end files with Ctrl-Z.
    let text = text.trim_end_matches('\u{1A}');
    if text.starts_with("%PDF")
        || text
            .chars()
            .any(|c| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}'))
    {
        return Err(ImportError::NotText);
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(Decoded {
        text: text.to_string(),
        encoding,
    })
}

/// What a column of the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Email,
    Name,
    FirstName,
    LastName,
    Language,
    Organization,
    Tags,
}

impl Column {
    pub fn key(self) -> &'static str {
        match self {
            Column::Email => "import-column-email",
            Column::Name => "import-column-name",
            Column::FirstName => "import-column-first-name",
            Column::LastName => "import-column-last-name",
            Column::Language => "import-column-language",
            Column::Organization => "import-column-organization",
            Column::Tags => "import-column-tags",
        }
    }
}

/// A header cell and what it was recognized as (`None`: ignored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderColumn {
    pub header: String,
    pub column: Option<Column>,
}

/// Recognizes a header cell, case-insensitively, in German or English.
pub fn column_for(header: &str) -> Option<Column> {
    let normalized = header
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    Some(match normalized.as_str() {
        "email" | "e-mail" | "mail" | "e-mail-adresse" | "email-adresse" | "e-mail adresse"
        | "emailadresse" | "email address" | "e-mail address" | "email-address"
        | "e-mail-address" => Column::Email,
        "name" | "vollständiger name" | "full name" | "fullname" => Column::Name,
        "vorname" | "first name" | "firstname" | "given name" => Column::FirstName,
        "nachname" | "last name" | "lastname" | "surname" | "family name" | "familienname" => {
            Column::LastName
        }
        "language" | "lang" | "sprache" => Column::Language,
        "organization" | "organisation" | "firma" | "company" | "unternehmen" => {
            Column::Organization
        }
        "tags" | "schlagworte" | "schlagwörter" | "labels" => Column::Tags,
        _ => return None,
    })
}

/// de/en/deutsch/english/englisch (also "de-DE", "en_GB"); `Err` for anything else.
fn parse_language(raw: &str) -> Result<Option<Lang>, ()> {
    let value = raw.trim().to_lowercase();
    if value.is_empty() {
        return Ok(None);
    }
    let base = value.split(['-', '_']).next().unwrap_or_default();
    match base {
        "de" | "deu" | "ger" | "deutsch" | "german" => Ok(Some(Lang::De)),
        "en" | "eng" | "english" | "englisch" => Ok(Some(Lang::En)),
        _ => Err(()),
    }
}

/// A field that was too long to import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LongField {
    Name,
    Organization,
    Tags,
}

impl LongField {
    pub fn column(self) -> Column {
        match self {
            LongField::Name => Column::Name,
            LongField::Organization => Column::Organization,
            LongField::Tags => Column::Tags,
        }
    }
}

/// Why a row is not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    MissingAddress,
    MalformedAddress,
    /// The same address came earlier in the file, on `first_line`; the first one wins.
    Duplicate {
        first_line: u64,
    },
    /// The address is on the suppression list, or its contact unsubscribed or bounced.
    Unsubscribed {
        bounced: bool,
    },
    TooLong(LongField),
}

impl SkipReason {
    /// The Fluent key of its explanation (arguments: `$position` for the first line of a
    /// duplicate, `$name` for the field that is too long).
    pub fn key(self) -> &'static str {
        match self {
            SkipReason::MissingAddress => "import-skip-missing",
            SkipReason::MalformedAddress => "import-skip-malformed",
            SkipReason::Duplicate { .. } => "import-skip-duplicate",
            SkipReason::Unsubscribed { bounced: false } => "import-skip-unsubscribed",
            SkipReason::Unsubscribed { bounced: true } => "import-skip-bounced",
            SkipReason::TooLong(_) => "import-skip-too-long",
        }
    }
}

/// What happens to a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Create,
    /// The contact with this id gets the row's name, organization, language and tags.
    Update(i64),
    Skip(SkipReason),
}

impl Outcome {
    /// Whether the database decides (the address itself is fine).
    fn needs_lookup(self) -> bool {
        matches!(
            self,
            Outcome::Create
                | Outcome::Update(_)
                | Outcome::Skip(SkipReason::Duplicate { .. } | SkipReason::Unsubscribed { .. })
        )
    }
}

/// One data row of the file.
#[derive(Debug, Clone)]
pub struct Row {
    /// The line it starts on, the header being line 1.
    pub line: u64,
    /// Normalized when valid; as typed (shortened) otherwise.
    pub email: String,
    pub name: String,
    pub lang: Option<Lang>,
    /// A language cell that was not understood (and is ignored).
    pub unknown_lang: Option<String>,
    pub organization: String,
    pub tags: Vec<String>,
    pub outcome: Outcome,
}

/// Rows per outcome and skip reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub create: usize,
    pub update: usize,
    pub skip: usize,
    pub missing: usize,
    pub malformed: usize,
    pub duplicate: usize,
    pub unsubscribed: usize,
    pub too_long: usize,
}

impl Counts {
    pub fn of(rows: &[Row]) -> Counts {
        let mut counts = Counts::default();
        for row in rows {
            match row.outcome {
                Outcome::Create => counts.create += 1,
                Outcome::Update(_) => counts.update += 1,
                Outcome::Skip(reason) => {
                    counts.skip += 1;
                    match reason {
                        SkipReason::MissingAddress => counts.missing += 1,
                        SkipReason::MalformedAddress => counts.malformed += 1,
                        SkipReason::Duplicate { .. } => counts.duplicate += 1,
                        SkipReason::Unsubscribed { .. } => counts.unsubscribed += 1,
                        SkipReason::TooLong(_) => counts.too_long += 1,
                    }
                }
            }
        }
        counts
    }
}

/// What an import would do, decided against the database but not written.
#[derive(Debug, Clone)]
pub struct Plan {
    pub delimiter: char,
    pub columns: Vec<HeaderColumn>,
    pub rows: Vec<Row>,
}

impl Plan {
    pub fn counts(&self) -> Counts {
        Counts::of(&self.rows)
    }
}

/// What an import did.
#[derive(Debug, Clone)]
pub struct Report {
    pub rows: Vec<Row>,
}

impl Report {
    pub fn counts(&self) -> Counts {
        Counts::of(&self.rows)
    }
}

/// Control characters (line breaks inside quoted cells too) become spaces; then trimmed.
fn clean(cell: &str) -> String {
    let cleaned: String = cell
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    cleaned.trim().to_string()
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(max).collect();
        short.push('…');
        short
    }
}

/// The delimiter that occurs most often outside quotes in the header line; a comma
/// when there is none (a file with just one column).
fn sniff_delimiter(line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// Excel's `sep=;` first line names the delimiter; the header follows on line 2.
fn sep_line(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim_end_matches('\r');
    let delimiter = first
        .strip_prefix("sep=")
        .or_else(|| first.strip_prefix("SEP="))?;
    match delimiter.as_bytes() {
        [d @ (b',' | b';' | b'\t' | b'|')] => Some((*d, rest)),
        _ => None,
    }
}

/// Line numbers of records. The csv crate's own line count is off by one after a CRLF
/// (what Excel writes), so lines are counted here from the records' byte offsets.
struct Lines<'a> {
    text: &'a [u8],
    counted_to: usize,
    newlines: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text: text.as_bytes(),
            counted_to: 0,
            newlines: 0,
        }
    }

    /// The 1-based line a record starts on; records come in file order.
    fn at(&mut self, position: Option<&csv::Position>) -> u64 {
        let mut start = position.map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        start = start.min(self.text.len());
        // A record's offset may point at the line break before it (or at empty lines).
        while self
            .text
            .get(start)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            start += 1;
        }
        if start > self.counted_to {
            let newlines = self.text[self.counted_to..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.newlines += newlines as u64;
            self.counted_to = start;
        }
        self.newlines + 1
    }
}

/// The file's header and rows, each row checked on its own (address, lengths); whether
/// it creates, updates or is a duplicate or unsubscribed is left to [`decide`].
fn parse(text: &str) -> Result<Plan, ImportError> {
    let (delimiter, body, offset) = match sep_line(text) {
        Some((d, rest)) => (d, rest, 1),
        None => {
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            (sniff_delimiter(first), text, 0)
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut lines = Lines::new(body);
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            None => return Err(ImportError::Empty),
            Some(Err(e)) => {
                return Err(ImportError::Unreadable {
                    line: lines.at(e.position()) + offset,
                });
            }
            Some(Ok(record)) if record.iter().all(|c| c.trim().is_empty()) => {}
            Some(Ok(record)) => break record,
        }
    };
    let mut columns: Vec<HeaderColumn> = Vec::new();
    let mut index: HashMap<Column, usize> = HashMap::new();
    for (i, cell) in header.iter().enumerate() {
        let header = clean(cell);
        // The first column of a kind wins; a second "E-Mail" is ignored.
        let column = column_for(&header).filter(|c| !index.contains_key(c));
        if let Some(column) = column {
            index.insert(column, i);
        }
        columns.push(HeaderColumn { header, column });
    }
    let Some(&email_at) = index.get(&Column::Email) else {
        if header.iter().any(|cell| Email::parse(cell).is_some()) {
            return Err(ImportError::MissingHeader);
        }
        return Err(ImportError::NoEmailColumn {
            columns: columns
                .iter()
                .filter(|c| !c.header.is_empty())
                .take(10)
                .map(|c| shorten(&c.header, 40))
                .collect(),
        });
    };
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| ImportError::Unreadable {
            line: lines.at(e.position()) + offset,
        })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            // Spreadsheets export trailing empty rows as ";;;;".
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(ImportError::TooManyRows);
        }
        let cell = |column: Column| {
            index
                .get(&column)
                .and_then(|&i| record.get(i))
                .map(clean)
                .unwrap_or_default()
        };
        let raw_email = record.get(email_at).map(clean).unwrap_or_default();
        let name = match cell(Column::Name) {
            name if !name.is_empty() => name,
            _ => [cell(Column::FirstName), cell(Column::LastName)]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        };
        let organization = cell(Column::Organization);
        let tags_cell = cell(Column::Tags);
        let tags = normalize_tags(&tags_cell.replace('|', ","));
        let language = cell(Column::Language);
        let (lang, unknown_lang) = match parse_language(&language) {
            Ok(lang) => (lang, None),
            Err(()) => (None, Some(shorten(&language, 40))),
        };
        let (email, outcome) = if raw_email.is_empty() {
            (String::new(), Outcome::Skip(SkipReason::MissingAddress))
        } else {
            match Email::parse(&raw_email) {
                None => (
                    shorten(&raw_email, SHOWN_MAX),
                    Outcome::Skip(SkipReason::MalformedAddress),
                ),
                Some(email) => {
                    let too_long = if name.chars().count() > NAME_MAX {
                        Some(LongField::Name)
                    } else if organization.chars().count() > ORGANIZATION_MAX {
                        Some(LongField::Organization)
                    } else if tags_cell.chars().count() > TAGS_CELL_MAX
                        || tags.len() > TAGS_PER_CONTACT
                    {
                        Some(LongField::Tags)
                    } else {
                        None
                    };
                    let outcome = match too_long {
                        Some(field) => Outcome::Skip(SkipReason::TooLong(field)),
                        None => Outcome::Create,
                    };
                    (email.as_str().to_string(), outcome)
                }
            }
        };
        rows.push(Row {
            line: lines.at(record.position()) + offset,
            email,
            name: shorten(&name, NAME_MAX),
            lang,
            unknown_lang,
            organization: shorten(&organization, ORGANIZATION_MAX),
            tags,
            outcome,
        });
    }
    if rows.is_empty() {
        return Err(ImportError::NoRows);
    }
    Ok(Plan {
        delimiter: char::from(delimiter),
        columns,
        rows,
    })
}

/// An existing contact as the import sees it.
#[derive(Debug, Clone)]
struct Existing {
    id: i64,
    name: String,
    organization: String,
    lang: Lang,
    status: ContactStatus,
}

/// Sets the outcome of every row whose address is fine: a later duplicate, unsubscribed
/// before, an update of an existing contact, or a new one. Reads existing contacts and
/// suppressions for all addresses up front, in chunks.
fn decide(conn: &mut DbConn, rows: &mut [Row]) -> QueryResult<HashMap<String, Existing>> {
    let mut addresses: Vec<String> = rows
        .iter()
        .filter(|r| r.outcome.needs_lookup())
        .map(|r| r.email.clone())
        .collect();
    addresses.sort();
    addresses.dedup();
    let mut existing: HashMap<String, Existing> = HashMap::new();
    for chunk in addresses.chunks(CHUNK) {
        let found: Vec<(i64, String, String, String, Lang, ContactStatus)> = contacts::table
            .filter(contacts::email.eq_any(chunk))
            .select((
                contacts::id,
                contacts::email,
                contacts::name,
                contacts::organization,
                contacts::lang,
                contacts::status,
            ))
            .load(conn)?;
        for (id, email, name, organization, lang, status) in found {
            existing.insert(
                email,
                Existing {
                    id,
                    name,
                    organization,
                    lang,
                    status,
                },
            );
        }
    }
    let hashes: HashMap<String, String> = addresses
        .iter()
        .map(|a| (email_hash(a), a.clone()))
        .collect();
    let hash_list: Vec<String> = hashes.keys().cloned().collect();
    let mut suppressed: HashMap<String, bool> = HashMap::new();
    for chunk in hash_list.chunks(CHUNK) {
        let found: Vec<(String, Reason)> = suppressions::table
            .filter(suppressions::email_hash.eq_any(chunk))
            .select((suppressions::email_hash, suppressions::reason))
            .load(conn)?;
        for (hash, reason) in found {
            if let Some(address) = hashes.get(&hash) {
                suppressed.insert(address.clone(), reason == Reason::Bounced);
            }
        }
    }
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for row in rows.iter_mut().filter(|r| r.outcome.needs_lookup()) {
        if let Some(&first) = first_line.get(&row.email) {
            row.outcome = Outcome::Skip(SkipReason::Duplicate { first_line: first });
            continue;
        }
        first_line.insert(row.email.clone(), row.line);
        let contact = existing.get(&row.email);
        let bounced = suppressed.get(&row.email).copied().unwrap_or(false)
            || contact.is_some_and(|c| c.status == ContactStatus::Bouncing);
        let unsubscribed = suppressed.contains_key(&row.email)
            || contact.is_some_and(|c| c.status == ContactStatus::Unsubscribed);
        row.outcome = if bounced || unsubscribed {
            Outcome::Skip(SkipReason::Unsubscribed { bounced })
        } else {
            match contact {
                Some(c) => Outcome::Update(c.id),
                None => Outcome::Create,
            }
        };
    }
    Ok(existing)
}

/// Reads `text` (as [`decode`] returned it) and decides every row against the database.
/// Writes nothing.
pub fn plan(conn: &mut DbConn, text: &str) -> Result<Plan, ImportError> {
    let mut plan = parse(text)?;
    decide(conn, &mut plan.rows)?;
    Ok(plan)
}

/// Carries out a plan in one transaction. The rows are decided again first, under the
/// write lock, because the list may have changed since the preview (someone unsubscribed).
/// New contacts are active and get invitations, not announcements; existing ones get the
/// row's non-empty name, organization and language plus its tags, never a new status or
/// new preferences.
pub fn apply(conn: &mut DbConn, plan: Plan, now: NaiveDateTime) -> QueryResult<Report> {
    let mut rows = plan.rows;
    write_transaction(conn, |conn| {
        let existing = decide(conn, &mut rows)?;
        let updated: Vec<i64> = rows
            .iter()
            .filter_map(|r| match r.outcome {
                Outcome::Update(id) => Some(id),
                _ => None,
            })
            .collect();
        let mut old_tags: HashMap<i64, HashSet<String>> = HashMap::new();
        for chunk in updated.chunks(CHUNK) {
            let found: Vec<(i64, String)> = contact_tags::table
                .filter(contact_tags::contact_id.eq_any(chunk))
                .select((contact_tags::contact_id, contact_tags::tag))
                .load(conn)?;
            for (id, tag) in found {
                old_tags.entry(id).or_default().insert(tag);
            }
        }
        for row in &rows {
            match row.outcome {
                Outcome::Create => {
                    let id: i64 = diesel::insert_into(contacts::table)
                        .values((
                            contacts::email.eq(&row.email),
                            contacts::name.eq(&row.name),
                            contacts::lang.eq(row.lang.unwrap_or_default()),
                            contacts::organization.eq(&row.organization),
                            contacts::invitations.eq(true),
                            contacts::announcements.eq(false),
                            contacts::status.eq(ContactStatus::Active),
                            contacts::source.eq("import"),
                            contacts::created_at.eq(now),
                            contacts::updated_at.eq(now),
                        ))
                        .returning(contacts::id)
                        .get_result(conn)?;
                    insert_tags(conn, id, row.tags.iter())?;
                }
                Outcome::Update(id) => {
                    let Some(old) = existing.get(&row.email) else {
                        continue;
                    };
                    let pick = |new: &str, old: &str| {
                        if new.is_empty() {
                            old.to_string()
                        } else {
                            new.to_string()
                        }
                    };
                    let name = pick(&row.name, &old.name);
                    let organization = pick(&row.organization, &old.organization);
                    let lang = row.lang.unwrap_or(old.lang);
                    let known = old_tags.get(&id);
                    let new_tags: Vec<&String> = row
                        .tags
                        .iter()
                        .filter(|t| !known.is_some_and(|k| k.contains(*t)))
                        .collect();
                    let changed =
                        name != old.name || organization != old.organization || lang != old.lang;
                    if changed || !new_tags.is_empty() {
                        diesel::update(contacts::table.find(id))
                            .set((
                                contacts::name.eq(&name),
                                contacts::organization.eq(&organization),
                                contacts::lang.eq(lang),
                                contacts::updated_at.eq(now),
                            ))
                            .execute(conn)?;
                    }
                    insert_tags(conn, id, new_tags.into_iter())?;
                }
                Outcome::Skip(_) => {}
            }
        }
        QueryResult::Ok(())
    })?;
    Ok(Report { rows })
}

fn insert_tags<'a>(
    conn: &mut DbConn,
    id: i64,
    tags: impl Iterator<Item = &'a String>,
) -> QueryResult<()> {
    for tag in tags {
        diesel::insert_into(contact_tags::table)
            .values((contact_tags::contact_id.eq(id), contact_tags::tag.eq(tag)))
            .execute(conn)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Plan {
        match parse(text) {
            Ok(plan) => plan,
            Err(e) => panic!("{text:?} did not parse: {e}"),
        }
    }

    #[test]
    fn decodes_boms_utf8_and_windows_1252() {
        let d = decode("E-Mail\nä@x.de".as_bytes()).expect("utf-8");
        assert_eq!(d.encoding, Encoding::Utf8);
        let d = decode(b"\xEF\xBB\xBFE-Mail;Name\na@x.de;J\xC3\xBCrgen").expect("bom");
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text, "E-Mail;Name\na@x.de;Jürgen");
        let d = decode(b"Name;E-Mail\nJ\xFCrgen \x80 \x84Gr\xFC\xDFe\x93;a@x.de").expect("1252");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.text, "Name;E-Mail\nJürgen € „Grüße“;a@x.de");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Mail\nö@x.de".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&le).expect("utf-16le");
        assert_eq!(
            (d.encoding, d.text.as_str()),
            (Encoding::Utf16Le, "Mail\nö@x.de")
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Mail\nö@x.de".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let d = decode(&be).expect("utf-16be");
        assert_eq!(
            (d.encoding, d.text.as_str()),
            (Encoding::Utf16Be, "Mail\nö@x.de")
        );
    }

    #[test]
    fn refuses_what_is_not_csv() {
        assert!(matches!(decode(b""), Err(ImportError::Empty)));
        assert!(matches!(decode(b" \r\n\n"), Err(ImportError::Empty)));
        assert!(matches!(
            decode(b"PK\x03\x04\x14\x00"),
            Err(ImportError::Spreadsheet)
        ));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\x00\x00"),
            Err(ImportError::NotText)
        ));
        assert!(matches!(decode(b"\xFF\xFEa"), Err(ImportError::NotText)));
        let big = vec![b'a'; MAX_BYTES + 1];
        assert!(matches!(decode(&big), Err(ImportError::TooBig { .. })));
    }

    #[test]
    fn sniffs_the_delimiter_from_the_header() {
        assert_eq!(parsed("email,name\na@x.de,A").delimiter, ',');
        assert_eq!(parsed("E-Mail;Name\na@x.de;A, B").delimiter, ';');
        assert_eq!(parsed("email\tname\na@x.de\tA").delimiter, '\t');
        assert_eq!(parsed("\"Name; Titel\",E-Mail\nA,a@x.de").delimiter, ',');
        let plan = parsed("sep=;\r\nE-Mail;Name\r\na@x.de;A");
        assert_eq!(plan.delimiter, ';');
        assert_eq!(plan.rows[0].line, 3);
        let plan = parsed("email;name\r\n\r\na@x.de;\"A\r\nB\"\r\n;;\r\nb@x.de;B\r\n");
        let lines: Vec<u64> = plan.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 6], "CRLF, blank lines and quoted line breaks");
    }

    #[test]
    fn maps_german_and_english_headers() {
        for (header, column) in [
            (" E-Mail ", Column::Email),
            ("EMAIL", Column::Email),
            ("Mail", Column::Email),
            ("E-Mail-Adresse", Column::Email),
            ("Vollständiger Name", Column::Name),
            ("VORNAME", Column::FirstName),
            ("Nachname", Column::LastName),
            ("Sprache", Column::Language),
            ("lang", Column::Language),
            ("Firma", Column::Organization),
            ("Company", Column::Organization),
            ("Unternehmen", Column::Organization),
            ("Organisation", Column::Organization),
            ("Schlagworte", Column::Tags),
            ("Labels", Column::Tags),
        ] {
            assert_eq!(column_for(header), Some(column), "{header}");
        }
        assert_eq!(column_for("Telefon"), None);
    }

    #[test]
    fn builds_rows_with_names_languages_and_tags() {
        let plan = parsed(
            "E-Mail;Vorname;Nachname;Sprache;Firma;Tags\n\
             Anna@Example.org ;Anna;Schmidt;Englisch;ACME;\"Kunde, Halle|vip;kunde\"\n\
             ;;;;;\n\
             ben@example.org;Ben;;deutsch;;\n\
             cem@example.org;;Yilmaz;fr;;\n",
        );
        assert_eq!(plan.rows.len(), 3, "blank rows are ignored");
        let anna = &plan.rows[0];
        assert_eq!(anna.line, 2);
        assert_eq!(anna.email, "anna@example.org");
        assert_eq!(anna.name, "Anna Schmidt");
        assert_eq!(anna.lang, Some(Lang::En));
        assert_eq!(anna.organization, "ACME");
        assert_eq!(anna.tags, ["halle", "kunde", "vip"]);
        assert_eq!(plan.rows[1].line, 4);
        assert_eq!(plan.rows[1].lang, Some(Lang::De));
        assert_eq!(plan.rows[2].name, "Yilmaz");
        assert_eq!(plan.rows[2].lang, None);
        assert_eq!(plan.rows[2].unknown_lang.as_deref(), Some("fr"));
        assert_eq!(parse_language("en-GB"), Ok(Some(Lang::En)));
        assert_eq!(parse_language("English"), Ok(Some(Lang::En)));
        assert_eq!(parse_language(""), Ok(None));
    }

    #[test]
    fn judges_each_row_on_its_own() {
        let long = "x".repeat(NAME_MAX + 1);
        let plan = parsed(&format!(
            "email,name\n,Nobody\nnot-an-address,A\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",B\na@x.de,{long}\nb@x.de,\"Multi\nLine\"\nc@x.de,C"
        ));
        let outcomes: Vec<(u64, Outcome)> = plan.rows.iter().map(|r| (r.line, r.outcome)).collect();
        assert_eq!(
            outcomes,
            [
                (2, Outcome::Skip(SkipReason::MissingAddress)),
                (3, Outcome::Skip(SkipReason::MalformedAddress)),
                (4, Outcome::Skip(SkipReason::MalformedAddress)),
                (5, Outcome::Skip(SkipReason::TooLong(LongField::Name))),
                (6, Outcome::Create),
                (8, Outcome::Create),
            ]
        );
        assert_eq!(plan.rows[4].name, "Multi Line");
    }

    #[test]
    fn refuses_files_without_header_or_email_column() {
        assert!(matches!(
            parse("anna@example.org;Anna\nben@example.org;Ben"),
            Err(ImportError::MissingHeader)
        ));
        match parse("Vorname;Telefon\nAnna;123") {
            Err(ImportError::NoEmailColumn { columns }) => {
                assert_eq!(columns, ["Vorname", "Telefon"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse("E-Mail;Name\n;;\n"),
            Err(ImportError::NoRows)
        ));
        let many = format!("email\n{}", "a@x.de\n".repeat(MAX_ROWS + 1));
        assert!(matches!(parse(&many), Err(ImportError::TooManyRows)));
        let most = format!("email\n{}", "a@x.de\n".repeat(MAX_ROWS));
        assert_eq!(parsed(&most).rows.len(), MAX_ROWS);
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let mut keys = vec![
            Encoding::Utf8.key(),
            Encoding::Utf8Bom.key(),
            Encoding::Utf16Le.key(),
            Encoding::Utf16Be.key(),
            Encoding::Windows1252.key(),
        ];
        for column in [
            Column::Email,
            Column::Name,
            Column::FirstName,
            Column::LastName,
            Column::Language,
            Column::Organization,
            Column::Tags,
        ] {
            keys.push(column.key());
        }
        for reason in [
            SkipReason::MissingAddress,
            SkipReason::MalformedAddress,
            SkipReason::Duplicate { first_line: 2 },
            SkipReason::Unsubscribed { bounced: false },
            SkipReason::Unsubscribed { bounced: true },
            SkipReason::TooLong(LongField::Tags),
        ] {
            keys.push(reason.key());
        }
        for key in keys {
            for lang in Lang::ALL {
                assert!(lang.sample(key).is_some(), "{lang}: {key}");
            }
        }
    }
}
