//! The series row and how its editions are numbered in titles.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::series;
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = series)]
pub struct Series {
    pub id: i64,
    pub slug: String,
    pub name_de: String,
    pub name_en: String,
    pub numbering: Numbering,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::db::text_enum! {
    /// How an edition is named: "4. Grillen" / "4th BBQ", or "Grillen IV" / "BBQ IV".
    pub enum Numbering: "series-numbering-" {
        Ordinal = "ordinal",
        Roman = "roman",
    }
}

impl Series {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.name_de,
            Lang::En => &self.name_en,
        }
    }

    pub fn path(&self, lang: Lang) -> String {
        format!("/{lang}/series/{}/", self.slug)
    }

    /// The title of edition `n` in `lang`.
    pub fn edition_label(&self, n: i32, lang: Lang) -> String {
        edition_label(self.name(lang), self.numbering, n, lang)
    }
}

/// "4. Dev- und Admin-Grillen", "4th Developer & Admin BBQ", "Developer & Admin BBQ IV".
pub fn edition_label(name: &str, numbering: Numbering, n: i32, lang: Lang) -> String {
    match (numbering, lang) {
        (Numbering::Ordinal, Lang::De) => format!("{n}. {name}"),
        (Numbering::Ordinal, Lang::En) => format!("{n}{} {name}", english_suffix(n)),
        (Numbering::Roman, _) => format!("{name} {}", roman(n)),
    }
}

fn english_suffix(n: i32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Roman numerals for 1–3999; other numbers stay digits.
pub fn roman(n: i32) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    const DIGITS: [(i32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_are_numbered_in_each_style() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(1999), "MCMXCIX");
        let de = edition_label("Dev- und Admin-Grillen", Numbering::Ordinal, 4, Lang::De);
        assert_eq!(de, "4. Dev- und Admin-Grillen");
        let en = |n| edition_label("BBQ", Numbering::Ordinal, n, Lang::En);
        assert_eq!(
            [en(1), en(2), en(3), en(11), en(22)],
            ["1st BBQ", "2nd BBQ", "3rd BBQ", "11th BBQ", "22nd BBQ"]
        );
        let roman = edition_label("Developer & Admin BBQ", Numbering::Roman, 4, Lang::En);
        assert_eq!(roman, "Developer & Admin BBQ IV");
    }
}
