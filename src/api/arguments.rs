//! The ranges and sizes arguments are checked against, written once so
//! that a field's check, its cost (see [`cost`](super::cost)) and its
//! default cannot disagree.

use super::error::ApiError;
use std::ops::RangeInclusive;

/// The most results a list answer or a page may hold.
pub const MAX_RESULTS: i32 = 100;
/// The most names one call reads (`resolve`, `recommendJobs`,
/// `recommendPostings`): a person lists tens of skills, not thousands.
pub const MAX_NAMES: usize = 100;
/// The longest text an argument named `text` may hold (a pasted résumé
/// or posting): a long résumé is a tenth of it.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
/// The longest string any other argument may hold: names, search words,
/// ids and cursors are all far shorter.
pub const MAX_ARGUMENT_BYTES: usize = 1024;
/// The longest prefix `suggest` reads, in characters: a name being typed
/// is far shorter, and the longest names the corpus holds are sentences
/// (a trend, a course) that nobody types out to be suggested.
pub const MAX_PREFIX_CHARS: usize = 100;
/// How many results an answer list (`relatedJobs`, `recommendJobs` …)
/// holds when `first` is not given.
pub const DEFAULT_RESULTS: i32 = 10;
/// How many nodes a page (`jobs`, `postings` …) holds when `first` is
/// not given.
pub const DEFAULT_PAGE: i32 = 20;

/// `value` when it lies in `range`, else `BAD_USER_INPUT` naming the
/// argument and the range.
pub fn in_range(
    argument: &'static str,
    value: i32,
    range: RangeInclusive<i32>,
) -> Result<i32, ApiError> {
    if range.contains(&value) {
        return Ok(value);
    }
    Err(ApiError::BadArgument {
        argument,
        reason: format!(
            "must be between {} and {}, got {value}",
            range.start(),
            range.end()
        ),
    })
}

/// A list of names or ids checked: at most [`MAX_NAMES`].
pub fn names_within(argument: &'static str, count: usize) -> Result<(), ApiError> {
    if count <= MAX_NAMES {
        return Ok(());
    }
    Err(ApiError::BadArgument {
        argument,
        reason: format!("at most {MAX_NAMES} names, got {count}"),
    })
}

/// A `first` argument checked: `default` when absent, else 0 to
/// [`MAX_RESULTS`].
pub fn first(value: Option<i32>, default: i32) -> Result<usize, ApiError> {
    let value = in_range("first", value.unwrap_or(default), 0..=MAX_RESULTS)?;
    Ok(value as usize)
}

/// A prefix being typed, checked: it holds something besides spaces, and
/// at most [`MAX_PREFIX_CHARS`] characters.
pub fn prefix(value: &str) -> Result<&str, ApiError> {
    let refuse = |reason: String| ApiError::BadArgument {
        argument: "prefix",
        reason,
    };
    if value.trim().is_empty() {
        return Err(refuse("must hold more than spaces".to_owned()));
    }
    let chars = value.chars().count();
    if chars > MAX_PREFIX_CHARS {
        return Err(refuse(format!(
            "at most {MAX_PREFIX_CHARS} characters, got {chars}"
        )));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_takes_its_default_and_refuses_what_lies_outside_the_range() {
        assert_eq!(first(None, DEFAULT_PAGE).ok(), Some(20));
        assert_eq!(first(Some(0), DEFAULT_PAGE).ok(), Some(0));
        assert_eq!(first(Some(MAX_RESULTS), DEFAULT_RESULTS).ok(), Some(100));
        let refused = first(Some(-1), DEFAULT_RESULTS).map_err(|error| error.to_string());
        assert_eq!(
            refused,
            Err("first: must be between 0 and 100, got -1".to_owned())
        );
        assert!(first(Some(MAX_RESULTS + 1), DEFAULT_RESULTS).is_err());
    }

    #[test]
    fn a_prefix_must_hold_more_than_spaces_and_at_most_a_hundred_characters() {
        assert_eq!(prefix("kube").ok(), Some("kube"));
        assert!(prefix(&"監".repeat(MAX_PREFIX_CHARS)).is_ok());
        let refused = |value: &str| prefix(value).map_err(|error| error.to_string()).err();
        assert_eq!(
            refused(&"a".repeat(MAX_PREFIX_CHARS + 1)),
            Some("prefix: at most 100 characters, got 101".to_owned())
        );
        assert_eq!(
            refused(" \u{3000}"),
            Some("prefix: must hold more than spaces".to_owned())
        );
        assert!(refused("").is_some());
    }
}
