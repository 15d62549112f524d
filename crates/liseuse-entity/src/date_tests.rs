use super::super::text::token::tokenize;
use super::*;

fn dates(text: &str) -> Vec<&str> {
    let toks = tokenize(text);
    find(text, &toks)
        .into_iter()
        .map(|d| &text[toks[d.a].start as usize..toks[d.e - 1].end as usize])
        .collect()
}

#[test]
fn french_dates() {
    assert_eq!(
        dates(
            "le 7 octobre, le 1er novembre 2012, les 9 et 10 juillet, jeudi, en mars 2013 et en 2012"
        ),
        [
            "7 octobre",
            "1er novembre 2012",
            "9 et 10 juillet",
            "jeudi",
            "mars 2013"
        ]
    );
    assert_eq!(dates(" date 2023-12 Le"), ["2023-12"]);
    assert_eq!(dates("à 16:50 le 17/01/2012"), ["17/01/2012"]);
}

#[test]
fn english_dates() {
    assert_eq!(
        dates(
            "Tuesday, January 17, 2012. On August 24, Jobs, born on February 24, 1955; on Monday; June 2011"
        ),
        [
            "Tuesday, January 17, 2012",
            "August 24",
            "February 24, 1955",
            "Monday",
            "June 2011"
        ]
    );
    assert_eq!(dates("may 5 and in 2004"), Vec::<&str>::new());
}

#[test]
fn values() {
    let text = "Le 5 juillet 2012 et July 5, 2012, puis mardi";
    let toks = tokenize(text);
    let v: Vec<DateValue> = find(text, &toks).iter().map(|d| d.value).collect();
    assert_eq!(v[0], v[1]);
    assert_eq!(
        (v[0].year, v[0].month, v[0].day),
        (Some(2012), Some(7), Some(5))
    );
    assert_eq!(v[2].weekday, Some(1));
}

#[test]
fn weekdays_are_read_against_the_article_date() {
    // Thursday 5 July 2012: « mardi » is the 3rd, « jeudi » that day, « vendredi » the week before
    assert_eq!(resolve_weekday((2012, 7, 5), 1), (2012, 7, 3));
    assert_eq!(resolve_weekday((2012, 7, 5), 3), (2012, 7, 5));
    assert_eq!(resolve_weekday((2012, 7, 5), 4), (2012, 6, 29));
    // across a year: Monday 2 January 2012, « samedi » is 31 December 2011
    assert_eq!(resolve_weekday((2012, 1, 2), 5), (2011, 12, 31));
}
