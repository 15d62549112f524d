//! A data table (rows of short cells) gathered while the walk is inside it, then laid out as
//! aligned rows; a table that lays a page out (long cells, blocks inside) is not one and is
//! read as blocks.

use crate::{collapse_spaces, table};
use dom_query::NodeRef;

/// A table cell longer than this makes its table one of layout, read as blocks.
const MAX_DATA_CELL: usize = 300;

/// A data table being gathered: its rows of cells as plain text.
#[derive(Debug, Default)]
pub(super) struct Table {
    rows: Vec<Vec<String>>,
    header_rows: usize,
}

impl Table {
    /// A `<tr>` starts a row.
    pub(super) fn row(&mut self) {
        self.rows.push(Vec::new());
    }

    /// A `<td>` or `<th>` starts a cell (and a row, when the table has none yet).
    pub(super) fn cell(&mut self) {
        if self.rows.is_empty() {
            self.rows.push(Vec::new());
        }
        if let Some(r) = self.rows.last_mut() {
            r.push(String::new());
        }
    }

    /// Text in the open cell, its spaces collapsed.
    pub(super) fn text(&mut self, s: &str) {
        if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()) {
            if !cell.is_empty() && s.starts_with(char::is_whitespace) {
                cell.push(' ');
            }
            cell.push_str(&collapse_spaces(s));
            if s.ends_with(char::is_whitespace) && !cell.is_empty() {
                cell.push(' ');
            }
        }
    }

    /// A row ends: made of `<th>` only and right after the header rows, it is one of them.
    pub(super) fn row_ends(&mut self, tr: &NodeRef<'_>) {
        if self.rows.len() == self.header_rows + 1
            && tr.element_children().iter().all(|c| c.has_name("th"))
        {
            self.header_rows += 1;
        }
    }

    /// The rows laid out, aligned; none when every cell is empty.
    pub(super) fn laid_out(mut self) -> Option<String> {
        for row in &mut self.rows {
            for cell in row.iter_mut() {
                *cell = cell.trim().to_string();
            }
        }
        self.rows.retain(|r| r.iter().any(|c| !c.is_empty()));
        (!self.rows.is_empty()).then(|| table::layout(&self.rows, self.header_rows))
    }
}

/// A table of data (rows of short cells), not one laying a page out.
pub(super) fn is_data_table(n: &NodeRef<'_>) -> bool {
    if n.attr("role").is_some_and(|r| r.as_ref() == "presentation") {
        return false;
    }
    let mut columns = 0usize;
    let mut rows = 0usize;
    for d in n.descendants_it() {
        let Some(name) = d.node_name() else {
            continue;
        };
        match name.as_ref() {
            "table" | "p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "blockquote"
            | "pre" => return false,
            "tr" => {
                rows += 1;
                columns = columns.max(d.element_children().len());
            }
            "td" | "th" if d.text().len() > MAX_DATA_CELL => return false,
            _ => {}
        }
    }
    rows >= 1 && columns >= 2
}
