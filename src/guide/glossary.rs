//! The glossary, `glossary.json` in the corpus folder: the same term in
//! Japanese and in English, and the ways people write it.
//!
//! Like the alias file it is data that people who curate the corpus edit.
//! Each term lists its spellings by language, the first of each language
//! being the label shown; a term may name a narrower case of another
//! (`monitoring` of `observability`). Jobs get their titles in both
//! languages by slug. The graph layer decides what a term becomes (a
//! skill's labels, a concept, a tool category's); this module reads the
//! file and says what in it cannot be used, with the line.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use unicode_normalization::UnicodeNormalization;

/// The file name looked for at the root of a corpus folder.
pub const GLOSSARY_FILE: &str = "glossary.json";

/// The languages the glossary gives labels in, as BCP 47 tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    Japanese,
    English,
}

impl Language {
    /// Every language, in the order labels are listed.
    pub const ALL: [Language; 2] = [Language::Japanese, Language::English];

    /// The BCP 47 tag: `ja`, `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Japanese => "ja",
            Language::English => "en",
        }
    }

    /// The language of a BCP 47 tag, by its primary subtag (`en-GB` is English).
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Language::ALL
            .into_iter()
            .find(|language| language.tag().eq_ignore_ascii_case(primary))
    }
}

/// A term's spellings in each language; the first of each is its label.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Spellings {
    #[serde(default)]
    pub ja: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

impl Spellings {
    /// The spellings of `language`, label first.
    pub fn of(&self, language: Language) -> &[String] {
        match language {
            Language::Japanese => &self.ja,
            Language::English => &self.en,
        }
    }

    /// The label of `language`: its first spelling.
    pub fn label(&self, language: Language) -> Option<&str> {
        self.of(language).first().map(String::as_str)
    }

    /// Every spelling, Japanese first.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.ja.iter().chain(&self.en).map(String::as_str)
    }
}

/// One entry of `terms`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    #[serde(default)]
    pub ja: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    /// Spellings of the terms this one is a narrower case of.
    #[serde(default)]
    pub broader: Vec<String>,
    /// A broad word of the field (`security`, `ログ`) rather than a
    /// practice, method or artefact of it: it still links roles and a text
    /// may state it, but it implies no skill and joins no two skills.
    #[serde(default)]
    pub generic: bool,
    /// A word that says nothing about the work by itself (`チーム`,
    /// `開発`, `サービス`): generic, and never said to be stated by a text.
    /// With a `broader`, it is a cue that shows that ability at work
    /// (`説明` for communication): a text writing it implies the ability's
    /// skills.
    #[serde(default)]
    pub vague: bool,
    /// A tool, product, language or platform (`Swift`, `Kotlin`) that a
    /// guide's tools table may never list: naming it implies the
    /// abilities it is narrower than, and a text states it as a tool, not
    /// as a concept of the work.
    #[serde(default)]
    pub tool: bool,
}

impl Term {
    /// The term's spellings by language.
    pub fn spellings(&self) -> Spellings {
        Spellings {
            ja: self.ja.clone(),
            en: self.en.clone(),
        }
    }
}

/// The glossary as the file gives it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// Free text for the people editing the file.
    #[serde(default, rename = "$comment")]
    pub comment: Option<serde_json::Value>,
    /// Job slug → its titles in each language.
    #[serde(default)]
    pub jobs: BTreeMap<String, Spellings>,
    /// Skills, concepts and tool categories, each in both languages.
    #[serde(default)]
    pub terms: Vec<Term>,
}

/// Something in a glossary that parses but cannot be used as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GlossaryProblem {
    #[error("term `{0}` has no {1} spelling")]
    MissingLanguage(String, &'static str),
    #[error(
        "`{spelling}` is a spelling of two terms, `{first}` and `{second}`; the first keeps it"
    )]
    SharedSpelling {
        spelling: String,
        first: String,
        second: String,
    },
    #[error("term `{term}` is narrower than `{broader}`, which no term spells")]
    UnknownBroader { term: String, broader: String },
    #[error("a term with no spelling")]
    Empty,
}

/// A problem and the 1-based line of the file it is on.
pub type LocatedProblem = (usize, GlossaryProblem);

impl Glossary {
    /// Parses the file's text; the error carries the 1-based line.
    pub fn parse(text: &str) -> Result<Self, (usize, String)> {
        serde_json::from_str(text).map_err(|error| (error.line().max(1), error.to_string()))
    }

    /// What in the glossary cannot be used as written, each with the line
    /// of `text` (the file it was parsed from) where it is written. Terms
    /// that fail are kept as far as they can be: a shared spelling stays
    /// with the first term that lists it.
    pub fn problems(&self, text: &str) -> Vec<LocatedProblem> {
        let lines = LineFinder::new(text);
        let mut problems = Vec::new();
        let mut owner: HashMap<String, &str> = HashMap::new();
        for term in &self.terms {
            let Some(name) = term.en.first().or(term.ja.first()) else {
                problems.push((lines.after_terms(), GlossaryProblem::Empty));
                continue;
            };
            for (spellings, language) in [(&term.ja, "Japanese"), (&term.en, "English")] {
                if spellings.is_empty() {
                    let problem = GlossaryProblem::MissingLanguage(name.clone(), language);
                    problems.push((lines.of(name), problem));
                }
            }
            for spelling in term.ja.iter().chain(&term.en) {
                match owner.get(&fold(spelling)) {
                    Some(first) if *first != name.as_str() => {
                        let problem = GlossaryProblem::SharedSpelling {
                            spelling: spelling.clone(),
                            first: (*first).to_owned(),
                            second: name.clone(),
                        };
                        problems.push((lines.of_after(spelling, name), problem));
                    }
                    _ => {
                        owner.insert(fold(spelling), name);
                    }
                }
            }
        }
        for term in &self.terms {
            let name = term.en.first().or(term.ja.first());
            for broader in &term.broader {
                if let Some(name) = name.filter(|_| !owner.contains_key(&fold(broader))) {
                    let problem = GlossaryProblem::UnknownBroader {
                        term: name.clone(),
                        broader: broader.clone(),
                    };
                    problems.push((lines.of_after(broader, name), problem));
                }
            }
        }
        problems.sort_by_key(|(line, _)| *line);
        problems
    }
}

/// A spelling as the glossary compares spellings: NFKC, lower case.
fn fold(spelling: &str) -> String {
    spelling.nfkc().collect::<String>().trim().to_lowercase()
}

/// Finds the line a string of the file is written on. serde_json keeps no
/// positions for values, so a problem is placed by where its words are.
struct LineFinder<'t> {
    text: &'t str,
}

impl<'t> LineFinder<'t> {
    fn new(text: &'t str) -> Self {
        Self { text }
    }

    fn line_at(&self, byte: usize) -> usize {
        self.text[..byte].matches('\n').count() + 1
    }

    /// The line of the first `"value"` in the file.
    fn of(&self, value: &str) -> usize {
        self.find(value, 0).map_or(1, |at| self.line_at(at))
    }

    /// The line of the first `"value"` after the first `"anchor"`.
    fn of_after(&self, value: &str, anchor: &str) -> usize {
        let from = self.find(anchor, 0).unwrap_or(0);
        self.find(value, from)
            .or_else(|| self.find(value, 0))
            .map_or(1, |at| self.line_at(at))
    }

    /// The line where `terms` starts.
    fn after_terms(&self) -> usize {
        self.text.find("\"terms\"").map_or(1, |at| self.line_at(at))
    }

    fn find(&self, value: &str, from: usize) -> Option<usize> {
        let quoted = serde_json::to_string(value).ok()?;
        self.text
            .get(from..)?
            .find(&quoted)
            .map(|at| at + from)
            .or_else(|| {
                let raw = format!("\"{value}\"");
                self.text.get(from..)?.find(&raw).map(|at| at + from)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "jobs": { "sre": { "en": ["Site Reliability Engineer"], "ja": ["SREエンジニア"] } },
  "terms": [
    { "en": ["error budget"], "ja": ["エラーバジェット"], "broader": ["SLO"] },
    { "en": ["SLO"], "ja": ["SLO"] },
    { "en": ["toil"] },
    { "en": ["budget for errors", "Error Budget"], "ja": ["エラー予算"] },
    { "en": ["postmortem"], "ja": ["ポストモーテム"], "broader": ["incident review"] }
  ]
}"#;

    #[test]
    fn reads_terms_jobs_and_labels() {
        let glossary = Glossary::parse(TEXT).expect("parses");
        assert_eq!(glossary.terms.len(), 5);
        let sre = &glossary.jobs["sre"];
        assert_eq!(
            sre.label(Language::English),
            Some("Site Reliability Engineer")
        );
        assert_eq!(sre.label(Language::Japanese), Some("SREエンジニア"));
        assert_eq!(glossary.terms[0].broader, vec!["SLO".to_owned()]);
    }

    #[test]
    fn problems_name_the_term_and_its_line() {
        let glossary = Glossary::parse(TEXT).expect("parses");
        let problems = glossary.problems(TEXT);
        let found: Vec<(usize, String)> = problems
            .iter()
            .map(|(line, problem)| (*line, problem.to_string()))
            .collect();
        assert_eq!(
            found,
            vec![
                (6, "term `toil` has no Japanese spelling".to_owned()),
                (
                    7,
                    "`Error Budget` is a spelling of two terms, `error budget` and \
                     `budget for errors`; the first keeps it"
                        .to_owned()
                ),
                (
                    8,
                    "term `postmortem` is narrower than `incident review`, which no term \
                     spells"
                        .to_owned()
                ),
            ]
        );
    }

    #[test]
    fn an_unknown_key_or_bad_json_is_an_error_with_its_line() {
        let (line, message) =
            Glossary::parse("{\n  \"terms\": [],\n  \"concepts\": []\n}").expect_err("unknown key");
        assert_eq!(line, 3);
        assert!(message.contains("concepts"), "{message}");
        let (line, _) =
            Glossary::parse("{\n \"terms\": [\n {\"en\": [1]}\n]}").expect_err("a number");
        assert_eq!(line, 3);
    }

    #[test]
    fn language_tags_read_by_their_primary_subtag() {
        assert_eq!(Language::from_tag("en-GB"), Some(Language::English));
        assert_eq!(Language::from_tag("JA"), Some(Language::Japanese));
        assert_eq!(Language::from_tag("fr"), None);
        assert_eq!(Language::from_tag(""), None);
    }
}
