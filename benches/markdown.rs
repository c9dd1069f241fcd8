//! Markdown-rendering benchmark: 20,000 characters of every shape that used to nest without
//! bound, each timed as a ratio to a realistic 20,000-character document rendered in the same
//! run, for both author profiles and for the renderer as it was before nesting was bounded.
//!
//! Linear cost shows as ratios near 1 (or below: repeated characters are less work than
//! prose), and as a time that doubles, not quadruples, with twice the length (`2× len`).
//! Run with `cargo bench --bench markdown`.

use std::time::{Duration, Instant};

use grillplatz::markdown::{Author, to_html};
use pulldown_cmark::{Options, Parser};

const LEN: usize = 20_000;
const ROUNDS: usize = 15;
/// The unbounded renderer takes up to a second per call on some shapes.
const ROUNDS_BEFORE: usize = 3;

/// `- ` and `* ` alone make a thematic break; `- * ` nests lists as `1. ` does.
const KINDS: [&str; 15] = [
    ">", "> ", "- ", "1. ", "* ", "- * ", "[", "[^a]: ", "*a ", "**a ", "~~a ", "[a", "<div>",
    "<b>", "> - [*a ",
];

/// A session write-up as people write them: headings, prose, lists, quotes, a table, links.
const SECTION: &str = "\
## Session: Testen mit echten Datenbanken

Wir haben *ausführlich* über **Integrationstests** gesprochen, über [Testcontainers](https://example.org/tc) \
und darüber, warum `cargo test` ohne Dienste laufen sollte. Ein paar ~~alte~~ Gewohnheiten kamen auf den Tisch.

- SQLite für jeden Test eine eigene Datei
  - schnell, keine Aufräumarbeit
  - WAL und `busy_timeout` gesetzt
- PostgreSQL mit einem Schema pro Test
  1. `CREATE SCHEMA` am Anfang
  2. `DROP SCHEMA … CASCADE` am Ende

> Wer Mocks für die Datenbank schreibt, testet seine Mocks.
> > Oder seine Annahmen über die Datenbank.

| Ansatz     | Laufzeit | Aufwand |
|:-----------|---------:|:-------:|
| Mocks      |    0,2 s | hoch    |
| SQLite     |    1,5 s | gering  |
| PostgreSQL |    4,0 s | mittel  |

Nächstes Mal: Property-Tests mit `proptest`, siehe <https://example.org/proptest>.

";

fn sized(unit: &str, len: usize) -> String {
    unit.repeat(len / unit.len() + 1)
        .chars()
        .take(len)
        .collect()
}

/// The renderer before this benchmark existed: pulldown-cmark straight into ammonia.
fn unbounded(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&html)
        .to_string()
}

fn median(rounds: usize, mut f: impl FnMut() -> String) -> Duration {
    let mut samples: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let reference_doc = sized(SECTION, LEN);
    let reference = median(ROUNDS, || to_html(&reference_doc, Author::Organizer));
    let reference_before = median(ROUNDS, || unbounded(&reference_doc));
    println!(
        "reference: a realistic {LEN}-character document: {:.2} ms (before: {:.2} ms)\n",
        ms(reference),
        ms(reference_before)
    );
    println!(
        "{:<14} {:>10} {:>7} {:>10} {:>7} {:>8} {:>11} {:>8}",
        "20,000 × …", "organizer", "ratio", "attendee", "ratio", "2× len", "before", "ratio"
    );
    let ratio = |d: Duration| d.as_secs_f64() / reference.as_secs_f64();
    for kind in KINDS {
        let doc = sized(kind, LEN);
        let organizer = median(ROUNDS, || to_html(&doc, Author::Organizer));
        let attendee = median(ROUNDS, || to_html(&doc, Author::Attendee));
        let double = sized(kind, 2 * LEN);
        let doubled = median(ROUNDS, || to_html(&double, Author::Organizer));
        let before = median(ROUNDS_BEFORE, || unbounded(&doc));
        println!(
            "{:<14} {:>7.2} ms {:>6.2}× {:>7.2} ms {:>6.2}× {:>7.1}× {:>8.1} ms {:>7.1}×",
            format!("{kind:?}"),
            ms(organizer),
            ratio(organizer),
            ms(attendee),
            ratio(attendee),
            doubled.as_secs_f64() / organizer.as_secs_f64(),
            ms(before),
            ratio(before)
        );
    }
}
