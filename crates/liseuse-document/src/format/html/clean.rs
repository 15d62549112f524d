//! What a page holds that is plainly not its article, taken out around Readability.
//!
//! Before it: elements hidden from readers, and the page furniture that sites name the same
//! way everywhere (newsletter sign-ups, share bars, related links, paywall prompts, copyright
//! notices), by the words of their `class` and `id`, as trafilatura does. After it: the
//! "read also" lines publishers put between paragraphs, in French, English and Spanish.

use crate::collapse_spaces;
use dom_query::Document as Page;

/// Words of a `class` or `id` that name furniture, not article text.
const FURNITURE: &[&str] = &[
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "paywall",
    "copyright",
    "cta",
    "disclosure",
    "disclaimer",
    "promo",
    "promotion",
    "promoted",
    "sponsored",
    "related",
    "share",
    "sharing",
    "sharebar",
    "social",
    "comments",
    "comment",
    "advert",
    "advertisement",
    "ads",
    "outbrain",
    "taboola",
    "recommended",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "gdpr",
    "consent",
    "popup",
];

/// Class names and ids that say "read also" in one word once their separators are gone
/// (`lire_aussi`, `read-also`, `seeAlso`): a box pointing to another article.
const SEE_ALSO_NAMES: &[&str] = &[
    "lireaussi",
    "alireaussi",
    "voiraussi",
    "lireegalement",
    "readalso",
    "alsoread",
    "seealso",
    "readmore",
    "leatambien",
    "veatambien",
];

/// Elements named like furniture are kept when they hold this share of the page's paragraph
/// text or more: a site may put its article in a container named oddly.
const MAX_FURNITURE_SHARE: f64 = 0.25;

/// Before Readability: elements hidden from readers anyway, page furniture, and the text a
/// page shows without scripts (a `<noscript>` holding the article) made readable.
pub fn before_readability(page: &mut Page) {
    unwrap_noscript_articles(page);
    page.select("[hidden], [aria-hidden=true], template, noscript")
        .remove();
    remove_furniture(page);
}

fn remove_furniture(page: &Page) {
    let Some(body) = page.body() else { return };
    let total = super::candidate::prose(&body).max(1) as f64;
    let mut doomed = Vec::new();
    for n in body.descendants_it() {
        if !n.is_element()
            || matches!(
                n.node_name().as_deref(),
                Some("html" | "body" | "main" | "article")
            )
            || n.attr("itemprop")
                .is_some_and(|p| p.contains("articleBody"))
        {
            continue;
        }
        let class = n.attr("class").unwrap_or_default().to_ascii_lowercase();
        let id = n.attr("id").unwrap_or_default().to_ascii_lowercase();
        if class
            .split_whitespace()
            .chain([id.as_str()])
            .any(names_furniture)
        {
            doomed.push(n);
        }
    }
    for n in doomed {
        // Taken out already with an ancestor, or holding the article: kept.
        if n.parent().is_some()
            && (super::candidate::prose(&n) as f64) < MAX_FURNITURE_SHARE * total
        {
            n.remove_from_parent();
        }
    }
}

/// Whether one class name (or an id) names furniture: `newsletter-box`, `share_bar`, but not
/// `no-share` or `comments-enabled`, which describe the page.
fn names_furniture(name: &str) -> bool {
    let negated = ["no-", "no_", "has-", "is-", "with-", "hide-"]
        .iter()
        .any(|p| name.starts_with(p))
        || ["-enabled", "-active", "-count", "-open"]
            .iter()
            .any(|e| name.ends_with(e));
    let joined: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    !negated
        && (name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| FURNITURE.contains(&w))
            || SEE_ALSO_NAMES.contains(&joined.as_str()))
}

/// A `<noscript>` that holds a page's article (a blog rendered by scripts) is what a reader
/// with scripts off sees: its markup, kept as text by the parser, is parsed in its place.
fn unwrap_noscript_articles(page: &Page) {
    for n in page.select("body noscript").nodes() {
        if super::candidate::prose(n) > 500 {
            // Parsed as markup (scripting off): its elements take its place (dom_query
            // unwraps a node's parent).
            if let Some(child) = n.first_child() {
                child.unwrap_node();
            }
            continue;
        }
        let inner = n.text();
        if inner.len() > 500 && inner.contains("<p") {
            n.replace_with_html(inner);
        }
    }
}

/// Beginnings of the lines that point to another article.
const SEE_ALSO: &[&str] = &[
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire également",
    "à lire également",
    "à voir aussi",
    "voir aussi",
    "read more",
    "read also",
    "see also",
    "related:",
    "lea también",
    "lea más",
    "lea:",
    "lee también",
    "vea también",
    "ver también",
    "leer más",
    "mira también",
    "te puede interesar",
];

/// After Readability: "read also" lines and copyright notices, and the article's first
/// heading when it repeats the title (shown once, as the headline).
pub fn after_readability(content: &Page, title: Option<&str>) {
    let norm = |s: &str| collapse_spaces(s).to_lowercase();
    if let Some(title) = title.map(norm)
        && let Some(h) = content.select("h1, h2").nodes().first()
        && norm(&h.text()) == title
    {
        h.remove_from_parent();
    }
    // Any element that may hold such a line alone: a paragraph, and the boxes sites put them
    // in (a `<q>` or a `<blockquote>` styled as a box, an `<aside>`, a `<section>`).
    for n in content
        .select("p, li, div, h2, h3, h4, h5, h6, q, blockquote, aside, section")
        .nodes()
    {
        if n.parent().is_none() {
            continue;
        }
        let t = norm(&n.text());
        if t.len() > 400 {
            continue;
        }
        let see_also = SEE_ALSO.iter().any(|p| t.starts_with(p));
        let copyright = t.len() < 200
            && (t.starts_with('©')
                || t.contains("all rights reserved")
                || t.contains("tous droits réservés"));
        if see_also || copyright {
            n.remove_from_parent();
        }
    }
}

/// A page read whole: its menus, headers, footers and scripts taken out first.
pub fn strip_chrome(page: &Page) {
    page.select(
        "script, style, noscript, template, nav, header, footer, aside, form, \
         [role=navigation], [role=banner], [role=contentinfo], [hidden], [aria-hidden=true]",
    )
    .remove();
}
