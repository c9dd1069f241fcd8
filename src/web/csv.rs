//! CSV for spreadsheets: cells that Excel or LibreOffice would run as formulas are
//! written as text.

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or
/// carriage return) gets a leading apostrophe, so it shows as text.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralizes_formula_cells() {
        assert_eq!(
            neutralize("=HYPERLINK(\"http://evil\",\"x\")"),
            "'=HYPERLINK(\"http://evil\",\"x\")"
        );
        for cell in ["+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "=1+1"] {
            assert!(neutralize(cell).starts_with('\''), "{cell:?}");
        }
        for cell in ["Anna", "anna@example.org", "", "1", "'quoted"] {
            assert_eq!(neutralize(cell), cell);
        }
    }
}
