//! A second opinion on where a page's article is: the container its markup names
//! (`itemprop="articleBody"`, an `<article>`, the class names content systems give the body
//! of a post, `<main>`). Readability scores text by its commas and paragraphs and can pick a
//! long table or list beside the article (a letter's signatories, a list of addresses); when
//! its pick reads like that and the named container holds more prose, the container wins.

use dom_query::{Document as Page, NodeRef};

/// Where content systems put an article, most specific first.
const CONTAINERS: &[&str] = &[
    "[itemprop~=articleBody]",
    "[class~=article-body], [class~=article__body], [class~=articleBody], [class~=article-content], \
     [class~=article-text], [class~=story-body], [class~=post-content], [class~=post-body], \
     [class~=entry-content], [class~=post-text], [class~=article-body-content], \
     [class~=content-body], [class~=body-text]",
    "article",
    "main, [role=main]",
];

/// Less prose than this in the container: no second opinion.
const MIN_PROSE: usize = 500;

/// The named container with the most paragraph text, as HTML.
pub fn find(page: &Page) -> Option<String> {
    for sel in CONTAINERS {
        let best = page
            .select(sel)
            .nodes()
            .iter()
            .map(|n| (prose(n), *n))
            .max_by_key(|(p, _)| *p);
        if let Some((p, n)) = best
            && p >= MIN_PROSE
        {
            return Some(n.html().to_string());
        }
    }
    None
}

/// The length of the text in `n`'s paragraphs.
pub fn prose(n: &NodeRef<'_>) -> usize {
    n.find(&["p"]).iter().map(|p| p.text().trim().len()).sum()
}

/// Whether the container (`candidate`, its prose counted) should replace Readability's pick
/// (`picked`, as a page): the pick is short beside it, or mostly not paragraphs.
pub fn better(picked: &Page, candidate: &Page) -> bool {
    let (Some(p), Some(c)) = (picked.body(), candidate.body()) else {
        return false;
    };
    let picked_all = p.text().trim().len().max(1);
    let picked_prose = prose(&p);
    let cand_prose = prose(&c);
    let short = picked_all * 3 < cand_prose;
    let not_prose = picked_prose * 10 < picked_all * 3 && cand_prose > picked_prose + 1000;
    short || not_prose
}
