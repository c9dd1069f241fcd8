//! Rendered Markdown made fit for mail: mail programs drop `<style>` often, so links and
//! images get their limits inline, and bare URLs (a filled-in `{rsvp_link}`) become links.

/// Long URLs wrap instead of widening the mail on a phone.
pub const LINK_STYLE: &str = "color:#b33a12;overflow-wrap:anywhere;word-break:break-all";
const IMG_STYLE: &str = "max-width:100%;height:auto";

/// `html` is sanitized output (ammonia): text has `<` escaped, attribute values are quoted
/// with `"`, so a tag starts at every `<` and ends at the first `>` outside quotes.
pub fn for_mail(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 4);
    let mut rest = html;
    let mut in_link = 0usize;
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = tag_end(rest);
            let tag = &rest[..end];
            let name = tag_name(tag);
            match name.as_str() {
                "a" => {
                    in_link += 1;
                    out.push_str(&format!("<a style=\"{LINK_STYLE}\""));
                    out.push_str(&tag[2..]);
                }
                "/a" => {
                    in_link = in_link.saturating_sub(1);
                    out.push_str(tag);
                }
                "img" => {
                    out.push_str(&format!("<img style=\"{IMG_STYLE}\""));
                    out.push_str(&tag[4..]);
                }
                _ => out.push_str(tag),
            }
            rest = &rest[end..];
            continue;
        }
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        if in_link == 0 {
            linkify(text, &mut out);
        } else {
            out.push_str(text);
        }
        rest = &rest[text_end..];
    }
    out
}

/// The length of the tag at the start of `html`, up to and including its `>`.
fn tag_end(html: &str) -> usize {
    let mut quoted = false;
    for (i, c) in html.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '>' if !quoted => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// "a", "/a", "img", … of a tag like `<a href="…">`.
fn tag_name(tag: &str) -> String {
    tag[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Copies escaped `text` to `out`, with every http(s) URL in it as a link to itself.
fn linkify(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(start) = find_url(rest) {
        out.push_str(&rest[..start]);
        let candidate = &rest[start..];
        let len = candidate
            .find(|c: char| c.is_whitespace() || c == '"')
            .unwrap_or(candidate.len());
        // Punctuation after a URL ends the sentence, not the URL.
        let url = candidate[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
        out.push_str(&format!(
            "<a href=\"{url}\" style=\"{LINK_STYLE}\" rel=\"noopener noreferrer\">{url}</a>"
        ));
        rest = &candidate[url.len()..];
    }
    out.push_str(rest);
}

fn find_url(text: &str) -> Option<usize> {
    let at = |scheme| text.find(scheme);
    match (at("https://"), at("http://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A footer line that is a URL alone, shown as a link in the HTML part.
pub fn is_url(line: &str) -> bool {
    (line.starts_with("https://") || line.starts_with("http://"))
        && !line.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_urls_become_links_and_end_before_punctuation() {
        let html = for_mail("<p>Anmelden: https://x.test/a?invite=1.b&amp;c=2#rsvp.</p>");
        assert_eq!(
            html,
            format!(
                "<p>Anmelden: <a href=\"https://x.test/a?invite=1.b&amp;c=2#rsvp\" \
                 style=\"{LINK_STYLE}\" rel=\"noopener noreferrer\">\
                 https://x.test/a?invite=1.b&amp;c=2#rsvp</a>.</p>"
            )
        );
    }

    #[test]
    fn links_keep_their_text_and_get_a_style() {
        let html = for_mail(
            "<p><a href=\"https://x.test/\" title=\"a > b\">https://x.test/</a> <img src=\"/static/a.png\" alt=\"\"></p>",
        );
        assert_eq!(html.matches("<a ").count(), 1, "{html}");
        assert!(html.contains(&format!(
            "<a style=\"{LINK_STYLE}\" href=\"https://x.test/\" title=\"a > b\">"
        )));
        assert!(html.contains("<img style=\"max-width:100%;height:auto\" src=\"/static/a.png\""));
    }

    #[test]
    fn text_without_urls_is_unchanged() {
        let html = "<p>Hallo &lt;b&gt; <strong>du</strong></p>";
        assert_eq!(for_mail(html), html);
    }

    #[test]
    fn only_a_lone_url_is_a_footer_link() {
        assert!(is_url("https://x.test/de/rsvp/abc/"));
        assert!(!is_url("Siehe https://x.test/"));
    }
}
