//! What a page holds that is plainly not its article, taken out around Readability.

use crate::document::collapse_spaces;
use dom_query::Document as Page;

/// Before Readability: elements hidden from readers anyway, which it would otherwise score.
pub fn before_readability(page: &mut Page) {
    page.select("[hidden], [aria-hidden=true], template, noscript")
        .remove();
}

/// The article's first heading when it repeats the title (shown once, as the headline).
pub fn drop_title_heading(content: &Page, title: Option<&str>) {
    let Some(title) = title else { return };
    let norm = |s: &str| collapse_spaces(s).to_lowercase();
    let title = norm(title);
    if let Some(h) = content.select("h1, h2").nodes().first()
        && norm(&h.text()) == title
    {
        h.remove_from_parent();
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
