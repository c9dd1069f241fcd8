//! Markdown to safe HTML in linear time: pulldown-cmark renders, nesting is bounded, ammonia
//! removes anything executable, and nothing loads from other sites.
//!
//! html5ever (inside ammonia) costs time quadratic in the nesting depth of its input, so the
//! depth is bounded before it sees the HTML: containers nested deeper than a few levels lose
//! their tags (their content stays, flat), and raw HTML is escaped where it could nest deeper.

use std::cell::RefCell;
use std::sync::LazyLock;

use html5ever::LocalName;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// Block quotes, lists and footnotes nested deeper than this render without their tags.
pub const BLOCK_DEPTH_MAX: usize = 8;
/// Emphasis, strong, strike-through and links nested deeper than this render as plain text.
pub const INLINE_DEPTH_MAX: usize = 8;
/// Raw HTML in organizer text is escaped when the page would nest deeper than this.
pub const RAW_HTML_DEPTH_MAX: usize = 64;

/// Who wrote a text, which decides what of it may become markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Author {
    /// Posts, pages, events, campaigns, messages, recaps: raw HTML and site images allowed.
    Organizer,
    /// Anything attendees write (topic notes): raw HTML is shown as text, images as links.
    Attendee,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut cleaner = ammonia::Builder::default();
    cleaner
        .link_rel(Some("noopener noreferrer"))
        // Raw `<img>` in organizer text: a remote source would track readers.
        .attribute_filter(|element, attribute, value| {
            if element == "img" && attribute == "src" && !is_site_local(value) {
                None
            } else {
                Some(value.into())
            }
        });
    cleaner
});

/// Renders Markdown into sanitized HTML, in time linear in its length whatever its shape.
pub fn to_html(markdown: &str, author: Author) -> String {
    let escape_raw = author == Author::Attendee;
    let (mut html, had_raw) = render(markdown, author, escape_raw);
    if had_raw && nesting_depth(&html, RAW_HTML_DEPTH_MAX) > RAW_HTML_DEPTH_MAX {
        (html, _) = render(markdown, author, true);
    }
    CLEANER.clean(&html).to_string()
}

/// Renders to unsanitized HTML; also says whether raw HTML went through.
fn render(markdown: &str, author: Author, escape_raw: bool) -> (String, bool) {
    let mut guard = Guard {
        author,
        escape_raw,
        had_raw: false,
        blocks: 0,
        inlines: 0,
        images: Vec::new(),
        texts: 0,
    };
    let events = Parser::new_ext(markdown, options())
        .flat_map(|event| guard.pass(event).into_iter().flatten());
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    (html, guard.had_raw)
}

/// How an image of the source is rendered.
enum ImageAs<'a> {
    Image,
    /// A link to it, labelled with its alt text or, without one, its address.
    Link {
        text_before: usize,
        url: CowStr<'a>,
    },
    /// Nested too deep: only its alt text.
    Text,
}

/// The event filter: bounds nesting, escapes raw HTML, turns remote images into links.
struct Guard<'a> {
    author: Author,
    escape_raw: bool,
    had_raw: bool,
    blocks: usize,
    inlines: usize,
    images: Vec<ImageAs<'a>>,
    /// Text events so far, to see whether an image had alt text.
    texts: usize,
}

impl<'a> Guard<'a> {
    /// What to emit for `event`: nothing, itself or a replacement, or two events.
    fn pass(&mut self, event: Event<'a>) -> [Option<Event<'a>>; 2] {
        let keep = |event| [Some(event), None];
        match event {
            Event::Start(
                Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList,
            ) => {
                self.blocks += 1;
                self.kept(self.blocks <= BLOCK_DEPTH_MAX, event)
            }
            Event::End(
                TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList,
            ) => {
                let kept = self.blocks <= BLOCK_DEPTH_MAX;
                self.blocks = self.blocks.saturating_sub(1);
                self.kept(kept, event)
            }
            // An item belongs to its list: kept exactly when the list is.
            Event::Start(Tag::Item | Tag::DefinitionListTitle | Tag::DefinitionListDefinition) => {
                self.kept(self.blocks <= BLOCK_DEPTH_MAX, event)
            }
            Event::End(
                TagEnd::Item | TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition,
            ) if self.blocks > BLOCK_DEPTH_MAX => [Some(Event::SoftBreak), None],
            Event::End(
                TagEnd::Item | TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition,
            ) => keep(event),
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. },
            ) => {
                self.inlines += 1;
                self.kept(self.inlines <= INLINE_DEPTH_MAX, event)
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link,
            ) => {
                let kept = self.inlines <= INLINE_DEPTH_MAX;
                self.inlines = self.inlines.saturating_sub(1);
                self.kept(kept, event)
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if self.author == Author::Organizer && is_site_local(&dest_url) {
                    self.images.push(ImageAs::Image);
                    return keep(Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
                self.inlines += 1;
                if self.inlines > INLINE_DEPTH_MAX {
                    self.images.push(ImageAs::Text);
                    return [None, None];
                }
                self.images.push(ImageAs::Link {
                    text_before: self.texts,
                    url: dest_url.clone(),
                });
                keep(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Image) => match self.images.pop() {
                Some(ImageAs::Image) | None => keep(event),
                Some(ImageAs::Text) => {
                    self.inlines = self.inlines.saturating_sub(1);
                    [None, None]
                }
                Some(ImageAs::Link { text_before, url }) => {
                    self.inlines = self.inlines.saturating_sub(1);
                    if text_before == self.texts {
                        [Some(Event::Text(url)), Some(Event::End(TagEnd::Link))]
                    } else {
                        keep(Event::End(TagEnd::Link))
                    }
                }
            },
            Event::Html(raw) | Event::InlineHtml(raw) if self.escape_raw => {
                self.texts += 1;
                keep(Event::Text(raw))
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.had_raw = true;
                keep(event)
            }
            // Escaped, an HTML block reads as the paragraph its writer typed.
            Event::Start(Tag::HtmlBlock) if self.escape_raw => keep(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) if self.escape_raw => keep(Event::End(TagEnd::Paragraph)),
            Event::Text(_) | Event::Code(_) | Event::FootnoteReference(_) => {
                self.texts += 1;
                keep(event)
            }
            other => keep(other),
        }
    }

    fn kept(&self, kept: bool, event: Event<'a>) -> [Option<Event<'a>>; 2] {
        [kept.then_some(event), None]
    }
}

/// Whether an image address stays on this site (`/…`, not `//host/…`). Browsers drop tabs
/// and line breaks inside URLs and read `\` as `/`, so those cannot sneak a host in.
fn is_site_local(url: &str) -> bool {
    let mut chars = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\'))
}

/// How deep an HTML parser may nest the elements of `html`, counted up to just past `limit`.
///
/// One linear pass of html5ever's tokenizer (the tree builder is what costs quadratic time).
/// It errs upwards: an end tag closes only the element right above it, an element whose end
/// tag may be left out closes only its own kind, and table cells count the rows and bodies
/// the parser adds. Elements that switch the parser into modes it does not follow (foreign
/// content, `select`, `template`, framesets) count as too deep.
pub fn nesting_depth(html: &str, limit: usize) -> usize {
    let sink = DepthSink(RefCell::new(Depth {
        open: Vec::new(),
        depth: 0,
        deepest: 0,
        limit,
    }));
    let input = BufferQueue::default();
    input.push_back(html.into());
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.borrow().deepest
}

struct Depth {
    /// Open elements with what each adds to the depth.
    open: Vec<(LocalName, usize)>,
    depth: usize,
    deepest: usize,
    limit: usize,
}

struct DepthSink(RefCell<Depth>);

impl TokenSink for DepthSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        let mut d = self.0.borrow_mut();
        if d.deepest > d.limit {
            return TokenSinkResult::Continue;
        }
        let name: &str = &tag.name;
        if tag.kind == TagKind::EndTag {
            if d.open.last().is_some_and(|(open, _)| *open == tag.name) {
                if let Some((_, weight)) = d.open.pop() {
                    d.depth -= weight;
                }
            }
            return TokenSinkResult::Continue;
        }
        if matches!(
            name,
            "area"
                | "base"
                | "basefont"
                | "bgsound"
                | "br"
                | "col"
                | "embed"
                | "hr"
                | "image"
                | "img"
                | "input"
                | "keygen"
                | "link"
                | "meta"
                | "param"
                | "source"
                | "track"
                | "wbr"
        ) {
            return TokenSinkResult::Continue;
        }
        if matches!(
            name,
            "svg" | "math" | "select" | "template" | "frameset" | "frame"
        ) {
            d.deepest = usize::MAX;
            return TokenSinkResult::Continue;
        }
        let closes_own_kind = matches!(
            name,
            "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option" | "optgroup" | "rb" | "rt"
        );
        if closes_own_kind && d.open.last().is_some_and(|(open, _)| *open == tag.name) {
            if let Some((_, weight)) = d.open.pop() {
                d.depth -= weight;
            }
        }
        let weight = match name {
            "td" | "th" => 3,
            "tr" => 2,
            _ => 1,
        };
        d.open.push((tag.name.clone(), weight));
        d.depth += weight;
        d.deepest = d.deepest.max(d.depth);
        // The parser reads these elements' content as text; so must the count.
        match name {
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

/// The text of the first paragraph, cut at a word boundary: the default excerpt.
pub fn excerpt(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if !text.trim().is_empty() => break,
            Event::End(TagEnd::Paragraph) => in_paragraph = false,
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    shorten(text.trim(), max_chars)
}

/// Cuts `text` to at most `max_chars` characters at a space, adding an ellipsis.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shape whose nesting used to cost quadratic time, at a note's full length.
    /// (`- ` and `* ` alone make a thematic break; `- * ` nests lists.)
    const PATHOLOGICAL: [&str; 15] = [
        ">", "> ", "- ", "1. ", "* ", "- * ", "[", "[^a]: ", "*a ", "**a ", "~~a ", "[a", "<div>",
        "<b>", "> - [*a ",
    ];

    fn long(unit: &str) -> String {
        unit.repeat(20_000 / unit.len() + 1)
            .chars()
            .take(20_000)
            .collect()
    }

    /// Element nesting as a browser's parser builds it, measured independently.
    fn parsed_depth(html: &str) -> usize {
        let fragment = scraper::Html::parse_fragment(html);
        fragment
            .tree
            .nodes()
            .filter(|n| n.value().is_element())
            .map(|n| n.ancestors().filter(|a| a.value().is_element()).count())
            .max()
            .unwrap_or(0)
    }

    /// What the renderer's own markup may add up to: every kept container, a paragraph, a table.
    const OUTPUT_DEPTH_MAX: usize = 2 * BLOCK_DEPTH_MAX + INLINE_DEPTH_MAX + 8;

    #[test]
    fn pathological_shapes_render_shallow() {
        for unit in PATHOLOGICAL {
            for author in [Author::Attendee, Author::Organizer] {
                let html = to_html(&long(unit), author);
                let depth = parsed_depth(&html);
                assert!(
                    depth <= OUTPUT_DEPTH_MAX,
                    "{unit:?} as {author:?}: depth {depth}"
                );
                assert!(
                    nesting_depth(&html, RAW_HTML_DEPTH_MAX) <= OUTPUT_DEPTH_MAX,
                    "{unit:?}"
                );
            }
        }
    }

    #[test]
    fn deep_containers_keep_their_text() {
        let html = to_html(&format!("{}innen", "> ".repeat(20)), Author::Attendee);
        assert_eq!(html.matches("<blockquote>").count(), BLOCK_DEPTH_MAX);
        assert!(html.contains("innen"), "{html}");
        let html = to_html(
            &format!("{}tief{}", "*a _".repeat(12), "_ a*".repeat(12)),
            Author::Attendee,
        );
        assert!(html.contains("tief"), "{html}");
        assert!(parsed_depth(&html) <= OUTPUT_DEPTH_MAX, "{html}");
        let html = to_html(&format!("{}Punkt", "- ".repeat(12)), Author::Attendee);
        assert_eq!(html.matches("<ul>").count(), BLOCK_DEPTH_MAX);
        assert_eq!(html.matches("<li>").count(), BLOCK_DEPTH_MAX);
        assert!(html.contains("Punkt"), "{html}");
    }

    /// The renderer before nesting was bounded.
    fn unbounded(markdown: &str) -> String {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options()));
        ammonia::Builder::default()
            .link_rel(Some("noopener noreferrer"))
            .clean(&html)
            .to_string()
    }

    const ORDINARY: &str = "\
# Rückblick

Wir haben *viel* gelernt, **manches** ~~vergessen~~ und [mehr](https://example.org/ \"Titel\") \
gelesen, dazu `cargo test` und eine Fußnote[^1].

> Zitat mit *Betonung*
> > und einer Antwort

- eins
  - zwei
    - drei
      1. vier
- wieder eins

| Session | Raum |
|:--------|-----:|
| Katas   | Hof  |

```rust
fn main() {}
```

[^1]: Die Fußnote.
";

    #[test]
    fn ordinary_markdown_renders_as_before() {
        for author in [Author::Organizer, Author::Attendee] {
            assert_eq!(to_html(ORDINARY, author), unbounded(ORDINARY), "{author:?}");
        }
        let raw = format!(
            "{ORDINARY}\nDrück <kbd>Strg</kbd>.\n\n<details><summary>Mehr</summary>\n\nText\n\n</details>\n"
        );
        assert_eq!(to_html(&raw, Author::Organizer), unbounded(&raw));
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        for author in [Author::Organizer, Author::Attendee] {
            let html = to_html(
                "Hallo <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))",
                author,
            );
            let fragment = scraper::Html::parse_fragment(&html);
            let active = scraper::Selector::parse("script, [onerror], [href^='javascript']")
                .expect("selector");
            assert_eq!(fragment.select(&active).count(), 0, "{html}");
            assert!(!html.contains("<script"), "{html}");
        }
    }

    #[test]
    fn attendees_raw_html_is_text() {
        let html = to_html(
            "Ein <b>fetter</b> Satz\n\n<div>Block</div>\n",
            Author::Attendee,
        );
        assert_eq!(
            html,
            "<p>Ein &lt;b&gt;fetter&lt;/b&gt; Satz</p>\n<p>&lt;div&gt;Block&lt;/div&gt;\n</p>\n"
        );
    }

    #[test]
    fn organizers_deep_raw_html_is_escaped_and_shallow_html_kept() {
        let html = to_html(&"<div>".repeat(4000), Author::Organizer);
        assert!(html.contains("&lt;div&gt;"), "{}", &html[..200]);
        assert!(parsed_depth(&html) <= OUTPUT_DEPTH_MAX);
        let html = to_html(&format!("{}x", "<div>".repeat(40)), Author::Organizer);
        assert_eq!(html.matches("<div>").count(), 40);
    }

    fn img_srcs(html: &str) -> Vec<String> {
        let fragment = scraper::Html::parse_fragment(html);
        let img = scraper::Selector::parse("img").expect("selector");
        fragment
            .select(&img)
            .map(|i| i.value().attr("src").unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn remote_images_become_links() {
        for (markdown, author) in [
            ("![Pixel](https://t.example/p.gif)", Author::Organizer),
            ("![Pixel](//t.example/p.gif)", Author::Organizer),
            ("![Pixel](/\\t.example/p.gif)", Author::Organizer),
            ("![Pixel](</\t/t.example/p.gif>)", Author::Organizer),
            ("![Pixel](HTTP://t.example/p.gif)", Author::Organizer),
            ("![Pixel](https://t.example/p.gif)", Author::Attendee),
            ("![Pixel](/static/logo.svg)", Author::Attendee),
        ] {
            let html = to_html(markdown, author);
            assert!(img_srcs(&html).is_empty(), "{markdown}: {html}");
            let fragment = scraper::Html::parse_fragment(&html);
            let a = scraper::Selector::parse("a[href]").expect("selector");
            let link = fragment.select(&a).next().expect("a link instead");
            assert_eq!(link.text().collect::<String>(), "Pixel", "{markdown}");
        }
        let html = to_html("![](https://t.example/p.gif)", Author::Attendee);
        assert!(html.contains(">https://t.example/p.gif</a>"), "{html}");
    }

    #[test]
    fn organizers_site_images_stay_and_raw_remote_ones_lose_their_source() {
        let html = to_html("![Logo](/static/logo.svg)", Author::Organizer);
        assert_eq!(img_srcs(&html), ["/static/logo.svg"]);
        let html = to_html(
            "<img src=\"https://t.example/p.gif\" alt=\"p\"> <img src=\"/static/a.png\">",
            Author::Organizer,
        );
        assert_eq!(img_srcs(&html), ["", "/static/a.png"]);
    }

    #[test]
    fn the_depth_count_never_falls_short_of_the_parser() {
        let cases = [
            "<div><p><b>x</p><p>y</p></div>".to_string(),
            "<b><div></b>".repeat(30),
            "<p><b>x</p>".repeat(30),
            "<table><td>".repeat(10),
            "<ul><li>a<li>b<li>c</ul>".to_string(),
            "<textarea><!--</textarea>".to_string() + &"<b>".repeat(30) + "-->",
            "<style><!--</style>".to_string() + &"<i>".repeat(30),
            "<!-- <div> -->".to_string() + &"<span>".repeat(30),
            "<a title=\"<b>\">".repeat(30),
            "<b x\"><b>".repeat(20),
            "<div/>".repeat(30),
        ];
        for html in cases {
            let ours = nesting_depth(&html, 10_000);
            // The fragment parser's own root element is one level above the content.
            let parser = parsed_depth(&html).saturating_sub(1);
            assert!(ours >= parser, "{html}: ours {ours}, parser {parser}");
        }
        assert_eq!(nesting_depth("<svg><g/></svg>", 64), usize::MAX);
    }

    #[test]
    fn excerpt_takes_first_paragraph() {
        assert_eq!(
            excerpt("## Title\n\nFirst *para*graph\nwraps.\n\nSecond.", 100),
            "First paragraph wraps."
        );
        assert_eq!(shorten("one two three four", 10), "one two…");
    }
}
