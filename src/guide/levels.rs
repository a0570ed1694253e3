//! Career levels: the step a rung of a ladder stands on, named so that it
//! lines up across roles. ジュニアSRE and Junior Platform Engineer are both
//! [`CareerLevel::Entry`]; シニアSRE and シニア DevOps エンジニア are both
//! [`CareerLevel::Senior`].
//!
//! The words that say a level are data: the `levels` table of the alias
//! file, or the shipped one when a corpus's file has none. A rung is read
//! by the level word its name writes last, because both languages put the
//! head of a title last: a シニアマネージャー is a manager, a Senior Staff
//! Engineer is staff. A rung whose name says no level takes one from its
//! place on the ladder, and says so.

use super::text::word_spans;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// A step of a career ladder that means the same in every role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CareerLevel {
    /// Junior, associate, trainee: works under guidance.
    Entry,
    /// Mid-level: works on their own.
    Mid,
    /// Senior: leads pieces of work and others on them.
    Senior,
    /// Staff, principal, lead or architect: sets direction beyond a team.
    Staff,
    /// Manages people.
    Manager,
    /// Heads a function: head of, director, VP, CTO, CISO.
    Head,
}

impl CareerLevel {
    /// Every level, lowest first.
    pub const ALL: [CareerLevel; 6] = [
        CareerLevel::Entry,
        CareerLevel::Mid,
        CareerLevel::Senior,
        CareerLevel::Staff,
        CareerLevel::Manager,
        CareerLevel::Head,
    ];

    /// The name used in reports and in the alias file.
    pub fn name(self) -> &'static str {
        match self {
            CareerLevel::Entry => "entry",
            CareerLevel::Mid => "mid",
            CareerLevel::Senior => "senior",
            CareerLevel::Staff => "staff",
            CareerLevel::Manager => "manager",
            CareerLevel::Head => "head",
        }
    }

    /// Its place in [`CareerLevel::ALL`].
    pub fn rank(self) -> usize {
        self as usize
    }

    /// The level `steps` above this one (below, when negative), kept
    /// within entry and head.
    pub fn moved(self, steps: isize) -> Self {
        let last = Self::ALL.len() - 1;
        let rank = self.rank().saturating_add_signed(steps).min(last);
        Self::ALL[rank]
    }
}

/// How a rung's level was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelSource {
    /// Its name says it (`シニア`, `Staff`, `Head of`).
    Name,
    /// Its name says none, so its place on the ladder, between the rungs
    /// around it, does.
    Ladder,
}

/// The words that say each level, ready to read rung names with.
#[derive(Debug, Clone, Default)]
pub struct LevelWords {
    /// NFKC, lowercased words, longest first.
    words: Vec<(String, CareerLevel)>,
}

impl LevelWords {
    /// The words of an alias file's `levels` table.
    pub fn new(table: &BTreeMap<CareerLevel, Vec<String>>) -> Self {
        let mut words: Vec<(String, CareerLevel)> = table
            .iter()
            .flat_map(|(level, words)| words.iter().map(move |word| (fold(word), *level)))
            .filter(|(word, _)| !word.is_empty())
            .collect();
        words.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        Self { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The level a rung's name says: that of the level word it writes last
    /// (the longest, where two end together), or `None`.
    pub fn level_of(&self, name: &str) -> Option<CareerLevel> {
        let name = fold(name);
        self.words
            .iter()
            .flat_map(|(word, level)| {
                word_spans(&name, word, &[""]).map(move |(start, end)| (end, end - start, *level))
            })
            .max_by_key(|(end, len, _)| (*end, *len))
            .map(|(_, _, level)| level)
    }

    /// The level of every rung of one ladder, first rung first: read from
    /// its name, or else from the rungs around it.
    pub fn ladder(&self, names: &[&str]) -> Vec<(CareerLevel, LevelSource)> {
        let named: Vec<Option<CareerLevel>> =
            names.iter().map(|name| self.level_of(name)).collect();
        (0..names.len())
            .map(|rung| match named[rung] {
                Some(level) => (level, LevelSource::Name),
                None => (from_ladder(&named, rung), LevelSource::Ladder),
            })
            .collect()
    }
}

/// A level for an unnamed rung: a step above the nearest named rung below
/// it, short of the nearest named rung above; a step under the nearest
/// named rung above when none below is named; its place on the ladder when
/// no rung is named.
fn from_ladder(named: &[Option<CareerLevel>], rung: usize) -> CareerLevel {
    let below = (0..rung)
        .rev()
        .find_map(|at| named[at].map(|level| (at, level)));
    let above = (rung + 1..named.len()).find_map(|at| named[at].map(|level| (at, level)));
    let steps = |from: usize, to: usize| isize::try_from(to.abs_diff(from)).unwrap_or(isize::MAX);
    match (below, above) {
        (Some((at, level)), above) => {
            let climbed = level.moved(steps(at, rung));
            above.map_or(climbed, |(_, ceiling)| climbed.min(ceiling.max(level)))
        }
        (None, Some((at, level))) => level.moved(-steps(rung, at)),
        (None, None) => CareerLevel::Entry.moved(steps(0, rung)),
    }
}

/// A word or a name as level words are compared: NFKC, lowercased.
fn fold(text: &str) -> String {
    text.nfkc().collect::<String>().trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use CareerLevel::*;

    fn words() -> LevelWords {
        let table: BTreeMap<CareerLevel, Vec<String>> = [
            (Entry, vec!["ジュニア", "Junior", "I"]),
            (Mid, vec!["ミドル", "II"]),
            (Senior, vec!["シニア", "Senior"]),
            (
                Staff,
                vec!["Staff", "Principal", "リード", "Lead", "アーキテクト"],
            ),
            (Manager, vec!["マネージャー", "Manager"]),
            (Head, vec!["Head of", "CISO"]),
        ]
        .into_iter()
        .map(|(level, words)| (level, words.into_iter().map(String::from).collect()))
        .collect();
        LevelWords::new(&table)
    }

    #[test]
    fn the_level_word_written_last_names_the_level() {
        let words = words();
        assert_eq!(words.level_of("ジュニアSRE"), Some(Entry));
        assert_eq!(words.level_of("シニアマネージャー"), Some(Manager));
        assert_eq!(words.level_of("Senior Staff Engineer"), Some(Staff));
        assert_eq!(words.level_of("Platform Lead / Manager"), Some(Manager));
        assert_eq!(words.level_of("Head of Platform"), Some(Head));
        assert_eq!(words.level_of("ＳＥＮＩＯＲ engineer"), Some(Senior));
    }

    #[test]
    fn a_latin_word_counts_only_whole() {
        let words = words();
        assert_eq!(words.level_of("SRE II"), Some(Mid));
        assert_eq!(words.level_of("SRE I"), Some(Entry));
        assert_eq!(words.level_of("Misleading Integrator"), None);
        assert_eq!(words.level_of("Seniority"), None);
    }

    #[test]
    fn an_unnamed_rung_takes_its_level_from_the_rungs_around_it() {
        let words = words();
        let ladder = |names: &[&str]| -> Vec<(CareerLevel, LevelSource)> { words.ladder(names) };
        assert_eq!(
            ladder(&["ジュニア", "Engineer", "シニア"]),
            [
                (Entry, LevelSource::Name),
                (Mid, LevelSource::Ladder),
                (Senior, LevelSource::Name)
            ]
        );
        // Short of the next named rung, never past it.
        assert_eq!(ladder(&["ジュニア", "A", "B", "Senior"])[2].0, Senior);
        // Under the first named rung when none below is named.
        assert_eq!(
            ladder(&["Engineer", "Senior"])[0],
            (Mid, LevelSource::Ladder)
        );
        // Nothing named: the place on the ladder.
        let places: Vec<CareerLevel> = ladder(&["a", "b", "c", "d", "e", "f", "g"])
            .into_iter()
            .map(|(level, _)| level)
            .collect();
        assert_eq!(places, [Entry, Mid, Senior, Staff, Manager, Head, Head]);
    }

    #[test]
    fn no_words_reads_every_rung_from_the_ladder() {
        let none = LevelWords::default();
        assert!(none.is_empty());
        assert!(
            none.ladder(&["シニア"])
                .iter()
                .all(|(_, source)| *source == LevelSource::Ladder)
        );
    }
}
