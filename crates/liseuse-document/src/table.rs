//! A table as text: cells padded to their column's width, ` │ ` between columns, a rule under
//! the header. Drawn like code (never re-flowed), so its columns stay aligned.

use crate::sanitize;

/// Rows of cells (each one line of plain text) laid out as aligned lines.
pub fn layout(rows: &[Vec<String>], header_rows: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(sanitize::width(cell));
        }
    }
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line = String::new();
        for (j, w) in widths.iter().enumerate() {
            let cell = row.get(j).map(String::as_str).unwrap_or("");
            if j > 0 {
                line.push_str(" │ ");
            }
            line.push_str(cell);
            if j + 1 < columns {
                line.extend(std::iter::repeat_n(
                    ' ',
                    w.saturating_sub(sanitize::width(cell)),
                ));
            }
        }
        out.push_str(line.trim_end());
        if i + 1 == header_rows && rows.len() > header_rows {
            out.push('\n');
            let total: usize = widths.iter().sum::<usize>() + 3 * columns.saturating_sub(1);
            out.extend(std::iter::repeat_n('─', total.min(400)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up() {
        let rows = vec![
            vec!["Ville".to_string(), "Habitants".to_string()],
            vec!["Lyon".to_string(), "522 000".to_string()],
            vec!["Saint-Étienne".to_string(), "172 000".to_string()],
        ];
        let t = layout(&rows, 1);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "Ville         │ Habitants");
        assert!(lines[1].starts_with("───"));
        assert_eq!(lines[3], "Saint-Étienne │ 172 000");
    }
}
