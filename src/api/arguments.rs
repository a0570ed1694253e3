//! The ranges count arguments are checked against, and what a list field
//! costs under `--max-complexity`: written once, so a field's check, its
//! cost and its default cannot disagree.

use super::error::ApiError;
use std::ops::RangeInclusive;

/// The most results a list answer or a page may hold.
pub const MAX_RESULTS: i32 = 100;
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

/// A `first` argument checked: `default` when absent, else 0 to
/// [`MAX_RESULTS`].
pub fn first(value: Option<i32>, default: i32) -> Result<usize, ApiError> {
    let value = in_range("first", value.unwrap_or(default), 0..=MAX_RESULTS)?;
    Ok(value as usize)
}

/// What a list field costs: as many of its items as `first` asks for
/// (`default` when absent; out of range counts as the most, since the
/// field will refuse it anyway) times what one item costs.
pub fn list_cost(first: Option<i32>, default: i32, item: usize) -> usize {
    first.unwrap_or(default).clamp(0, MAX_RESULTS) as usize * item
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
    fn a_list_costs_its_items_and_never_more_than_the_most_it_can_hold() {
        assert_eq!(list_cost(None, DEFAULT_RESULTS, 3), 30);
        assert_eq!(list_cost(Some(5), DEFAULT_RESULTS, 3), 15);
        assert_eq!(list_cost(Some(i32::MAX), DEFAULT_RESULTS, 1), 100);
        assert_eq!(list_cost(Some(-7), DEFAULT_RESULTS, 1), 0);
    }
}
