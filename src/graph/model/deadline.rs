//! A point in time past which a piece of work stops.
//!
//! Work that runs long for a large input (reading a pasted text, walking a
//! neighbourhood) takes a [`Deadline`] and checks it between its steps, so
//! a request past its time stops in milliseconds rather than running to
//! its end on a thread nobody waits for any more.

use std::time::{Duration, Instant};
use thiserror::Error;

/// When work must stop; [`Deadline::NONE`] never passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Deadline(Option<Instant>);

/// The deadline passed before the work was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("the time allowed ran out")]
pub struct Expired;

impl Deadline {
    /// A deadline that never passes.
    pub const NONE: Deadline = Deadline(None);

    /// The deadline at `instant`.
    pub fn at(instant: Instant) -> Self {
        Self(Some(instant))
    }

    /// The deadline `duration` from now.
    pub fn after(duration: Duration) -> Self {
        Self(Instant::now().checked_add(duration))
    }

    /// When it passes, if ever.
    pub fn instant(self) -> Option<Instant> {
        self.0
    }

    /// `Err` once the deadline has passed.
    pub fn check(self) -> Result<(), Expired> {
        match self.0 {
            Some(instant) if Instant::now() >= instant => Err(Expired),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_passes_once_and_none_never_does() {
        assert_eq!(Deadline::NONE.check(), Ok(()));
        assert_eq!(Deadline::after(Duration::from_secs(60)).check(), Ok(()));
        assert_eq!(Deadline::at(Instant::now()).check(), Err(Expired));
    }
}
