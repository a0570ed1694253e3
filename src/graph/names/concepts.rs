//! Concepts: the terms guides use to say what a role does (`SLO`,
//! `エラーバジェット`, `ゴールデンパス`, `開発者体験`), gathered into one
//! vocabulary in two languages, found in the guides' text, and weighted by
//! how specific each is to a role.
//!
//! The vocabulary ([`Lexicon`]) is drawn from four places, first come
//! first kept (a spelling belongs to one term):
//! 1. the glossary (`glossary.json`), data that names each term in
//!    Japanese and English with the ways people write it;
//! 2. the guides' own glosses, a term followed by its other name in
//!    parentheses (`SLO（Service Level Objective）`, `運用負荷（Toil）`,
//!    `Internal Developer Platform (IDP)`), so a label the guides write
//!    needs no entry;
//! 3. the front matter's keywords and tags that name no tool;
//! 4. skill names that another skill's name contains (`SLO` in `SLO
//!    design`), so such skills always meet at a concept.
//!
//! Japanese is segmented by the vocabulary itself rather than by a
//! morphological analyser: the terms worth finding are the ones the
//! vocabulary knows, an Aho–Corasick automaton finds every one of them
//! (overlapping, so `CI/CD` is found inside `CI/CDパイプライン`) in one pass,
//! and script boundaries keep a short katakana word from matching inside a
//! longer one (`ログ` is not in `カタログ`). The analysers that build
//! offline need a dictionary download at build time, and a dictionary's
//! words would still have to be mapped to this vocabulary.
//!
//! A job uses a concept where its guide writes it; how strongly depends on
//! where (a skill row or a keyword says more than an interview answer) and
//! how specific the concept is: `エラーバジェット` belongs to few roles,
//! `設計` to all, so its weight falls with the number of roles using it.

use crate::graph::node::{ConceptOrigin as Origin, Labels, is_japanese};
use crate::graph::normalize::{self, CaselessAutomaton, stands_alone};
use crate::graph::source::Source;
use crate::guide::{Glossary, Guide, Language, name_and_parenthesised};
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;

/// How many places in one guide are kept as the provenance of a job's use
/// of a concept; the weight counts them all.
const SOURCES_KEPT: usize = 4;

/// The longest gloss read from a guide's parentheses, in characters.
const MAX_GLOSS_CHARS: usize = 40;

/// The most words a Latin gloss or the Latin term before it may have.
const MAX_GLOSS_WORDS: usize = 5;

/// A katakana spelling this short must stand apart from other katakana.
const SHORT_KATAKANA: usize = 3;

/// One term: its spellings in each language (label first) and the terms
/// it is a narrower case of.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub ja: Vec<String>,
    pub en: Vec<String>,
    pub broader: Vec<usize>,
    pub origin: Origin,
    /// The glossary calls it a broad word of the field.
    pub generic: bool,
    /// The glossary calls it a word that says nothing by itself.
    pub vague: bool,
    /// The glossary calls it a tool, product, language or platform.
    pub tool: bool,
}

impl Term {
    /// Its labels: the first spelling of each language.
    pub fn labels(&self) -> Labels {
        Labels {
            ja: self.ja.first().cloned(),
            en: self.en.first().cloned(),
        }
    }

    /// The key its node id is made from: the English label's, else the
    /// Japanese one's, so the id does not move when a guide is added.
    pub fn id_key(&self) -> String {
        normalize::key(
            self.en
                .first()
                .or(self.ja.first())
                .map_or("", String::as_str),
        )
    }

    /// Every spelling, Japanese first.
    pub fn spellings(&self) -> impl Iterator<Item = &String> {
        self.ja.iter().chain(&self.en)
    }

    fn spellings_of(&mut self, language: Language) -> &mut Vec<String> {
        match language {
            Language::Japanese => &mut self.ja,
            Language::English => &mut self.en,
        }
    }
}

/// The vocabulary of concepts.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub terms: Vec<Term>,
    /// Key of each spelling → the term that has it.
    owner: HashMap<String, usize>,
}

/// The language a spelling is written in: Japanese when it writes any.
fn language_of(spelling: &str) -> Language {
    if spelling.chars().any(is_japanese) {
        Language::Japanese
    } else {
        Language::English
    }
}

impl Lexicon {
    /// The vocabulary of a corpus: the glossary's terms, then the guides'
    /// glosses, keywords and tags, then skill names inside other skill
    /// names. `excluded` says which spellings name something else (a tool)
    /// and never become a concept's.
    pub fn gather(
        glossary: &Glossary,
        guides: &[Arc<Guide>],
        skill_names: &[&str],
        excluded: &(dyn Fn(&str) -> bool + Sync),
    ) -> Self {
        let mut lexicon = Self::default();
        lexicon.add_glossary(glossary, excluded);
        // Each word once, in the order first written: a large corpus
        // repeats the same keywords thousands of times.
        let mut seen: HashSet<&str> = HashSet::new();
        for guide in guides {
            for word in guide.front.keywords.iter().chain(&guide.front.tags) {
                let word = word.trim();
                if seen.insert(word) && !looks_like_a_product(word) {
                    lexicon.add_new(&[word], Origin::Keyword, excluded);
                }
            }
        }
        for name in contained_names(skill_names) {
            lexicon.add_new(&[name.as_str()], Origin::SkillName, excluded);
        }
        // Glosses last: a parenthesis often holds an example rather than
        // another name (`コスト効率（FinOps）`), and what the vocabulary
        // already knows tells the two apart. They are read on every core
        // and added in guide order, so the vocabulary does not depend on
        // which core read what.
        let read: Vec<Vec<(String, String)>> = guides
            .par_iter()
            .map(|guide| {
                guide
                    .prose()
                    .filter(|prose| prose.text.contains(['(', '（']))
                    .flat_map(|prose| glosses(prose.text))
                    .collect()
            })
            .collect();
        // A pair read again changes nothing: each is weighed once.
        let mut seen: HashSet<(String, String)> = HashSet::new();
        for pair in read.into_iter().flatten() {
            if seen.insert(pair.clone()) {
                lexicon.add_gloss(&pair.0, &pair.1, excluded);
            }
        }
        lexicon
    }

    fn add_glossary(&mut self, glossary: &Glossary, excluded: &dyn Fn(&str) -> bool) {
        let mut broader_of: Vec<(usize, &String)> = Vec::new();
        for entry in &glossary.terms {
            let index = self.terms.len();
            self.terms.push(Term {
                ja: Vec::new(),
                en: Vec::new(),
                broader: Vec::new(),
                origin: Origin::Glossary,
                generic: entry.generic || entry.vague,
                vague: entry.vague,
                tool: entry.tool,
            });
            // A term one of whose spellings names a tool, a team or a job
            // is that thing, and no concept: it keeps none of them.
            if entry
                .ja
                .iter()
                .chain(&entry.en)
                .any(|spelling| excluded(spelling))
            {
                continue;
            }
            for (spellings, language) in [
                (&entry.ja, Language::Japanese),
                (&entry.en, Language::English),
            ] {
                for spelling in spellings {
                    self.add_spelling(index, spelling, language);
                }
            }
            broader_of.extend(entry.broader.iter().map(|broader| (index, broader)));
        }
        for (narrower, broader) in broader_of {
            if let Some(&broader) = self.owner.get(&normalize::key(broader))
                && broader != narrower
            {
                self.terms[narrower].broader.push(broader);
            }
        }
    }

    /// Adds `spelling` to `term` in `language` unless another term has it.
    fn add_spelling(&mut self, term: usize, spelling: &str, language: Language) -> bool {
        let spelling: String = spelling.trim().nfkc().collect();
        let key = normalize::key(&spelling);
        if key.chars().count() < 2 {
            return false;
        }
        match self.owner.get(&key) {
            // One spelling may serve both languages (`SLO`, `GitOps`).
            Some(&owner) if owner == term => {
                let spellings = self.terms[term].spellings_of(language);
                if !spellings.contains(&spelling) {
                    spellings.push(spelling);
                }
                true
            }
            Some(_) => false,
            None => {
                self.owner.insert(key, term);
                self.terms[term].spellings_of(language).push(spelling);
                true
            }
        }
    }

    /// A new term of `spellings` unless one of them is already a term's
    /// (then the others join that term) or names something else.
    fn add_new(&mut self, spellings: &[&str], origin: Origin, excluded: &dyn Fn(&str) -> bool) {
        if spellings
            .iter()
            .any(|spelling| spelling.trim().is_empty() || excluded(spelling))
        {
            return;
        }
        let known = spellings
            .iter()
            .find_map(|spelling| self.owner.get(&normalize::key(spelling)).copied());
        let term = known.unwrap_or_else(|| {
            self.terms.push(Term {
                ja: Vec::new(),
                en: Vec::new(),
                broader: Vec::new(),
                origin,
                generic: false,
                vague: false,
                tool: false,
            });
            self.terms.len() - 1
        });
        for spelling in spellings {
            self.add_spelling(term, spelling, language_of(spelling));
        }
        // A term none of whose spellings could be kept is dropped again.
        if known.is_none() && self.terms[term].spellings().next().is_none() {
            self.terms.pop();
        }
    }

    /// `term (gloss)` read from a guide: one concept in two languages, or
    /// an acronym and what it stands for. A pair one side of which the
    /// vocabulary already knows is left alone: the parenthesis then most
    /// often gives an example of the term (`パイプライン（MLOps）`) rather
    /// than its other name, and a known term keeps its spellings. Two
    /// Japanese spellings make no term, which would have no English name.
    fn add_gloss(&mut self, term: &str, gloss: &str, excluded: &dyn Fn(&str) -> bool) {
        let bilingual = language_of(term) != language_of(gloss);
        let acronym = language_of(term) == Language::English
            && language_of(gloss) == Language::English
            && (spells_acronym(term, gloss) || spells_acronym(gloss, term));
        let owner = |spelling: &str| self.owner.get(&normalize::key(spelling)).copied();
        match (owner(term), owner(gloss)) {
            (None, None) if bilingual || acronym => {
                // The words an acronym spells are the label, whichever
                // the guide wrote first, so the id does not depend on it.
                let pair = if acronym && spells_acronym(term, gloss) {
                    [gloss, term]
                } else {
                    [term, gloss]
                };
                self.add_new(&pair, Origin::Gloss, excluded);
            }
            // An acronym and the words it spells are one name for certain.
            (Some(known), None) | (None, Some(known))
                if acronym && !excluded(term) && !excluded(gloss) =>
            {
                self.add_spelling(known, term, Language::English);
                self.add_spelling(known, gloss, Language::English);
            }
            _ => {}
        }
    }

    /// The term a spelling belongs to.
    pub fn term_of(&self, spelling: &str) -> Option<usize> {
        self.owner.get(&normalize::key(spelling)).copied()
    }

    /// The automaton that finds the terms in text.
    pub fn finder(&self) -> TermFinder {
        TermFinder::new(
            self.terms
                .iter()
                .enumerate()
                .flat_map(|(index, term)| term.spellings().map(move |s| (s.clone(), index)))
                .collect(),
        )
    }
}

/// Finds the vocabulary's terms in text.
#[derive(Debug, Default)]
pub(crate) struct TermFinder {
    automaton: Option<CaselessAutomaton>,
    /// Pattern index → (the spelling as written, its term).
    patterns: Vec<(String, usize)>,
}

/// The term of a spelling [`TermFinder::renamed`] gave no name to.
const UNNAMED: usize = usize::MAX;

/// A term found in a text: which, and where (bytes of the NFKC text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FoundTerm {
    pub term: usize,
    pub start: usize,
    pub end: usize,
}

impl TermFinder {
    /// The same automaton, each term renamed by `rename` (a term it gives
    /// no name to is never found): the vocabulary's finder becomes the
    /// graph's, over concept nodes, without building it again.
    pub fn renamed(mut self, rename: impl Fn(usize) -> Option<usize>) -> Self {
        for (_, term) in &mut self.patterns {
            *term = rename(*term).unwrap_or(UNNAMED);
        }
        self
    }

    /// Finds each spelling (NFKC) as the term it is paired with.
    pub fn new(mut patterns: Vec<(String, usize)>) -> Self {
        patterns.retain(|(spelling, _)| !spelling.trim().is_empty());
        patterns.sort();
        patterns.dedup();
        let automaton =
            CaselessAutomaton::overlapping(patterns.iter().map(|(spelling, _)| spelling.as_str()));
        Self {
            automaton,
            patterns,
        }
    }

    /// Every term written in `text` (which must be NFKC), overlapping
    /// ones included, in order of their ends. A spelling of one or two
    /// letters (`CI`, `QA`) counts only in its own case.
    pub fn find(&self, text: &str) -> Vec<FoundTerm> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        automaton
            .find(text)
            .into_iter()
            .filter_map(|hit| {
                let (spelling, term) = &self.patterns[hit.pattern().as_usize()];
                if *term == UNNAMED
                    || spelling.chars().count() <= 2 && &text[hit.start()..hit.end()] != spelling
                {
                    return None;
                }
                let end = plural_end(text, hit.start(), hit.end(), spelling)?;
                stands_as_a_word(text, hit.start(), end, spelling).then_some(FoundTerm {
                    term: *term,
                    start: hit.start(),
                    end,
                })
            })
            .collect()
    }

    /// Whether the automaton has any term.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }
}

/// Where a match ends once an English plural is taken in (`SLOs`,
/// `postmortems`); `None` when Latin letters glue on in any other way.
fn plural_end(text: &str, start: usize, end: usize, spelling: &str) -> Option<usize> {
    if stands_alone(text, start, end) {
        return Some(end);
    }
    let latin_end = spelling.ends_with(|c: char| c.is_ascii_alphabetic());
    let rest = &text[end..];
    let plural = ["s", "es"]
        .into_iter()
        .find(|suffix| rest.starts_with(suffix) && stands_alone(text, start, end + suffix.len()));
    match plural {
        Some(suffix) if latin_end => Some(end + suffix.len()),
        _ => None,
    }
}

/// Whether a match stands as a word: a short katakana spelling must not
/// sit inside a longer katakana word (`ログ` in `カタログ`).
fn stands_as_a_word(text: &str, start: usize, end: usize, spelling: &str) -> bool {
    if spelling.chars().count() > SHORT_KATAKANA {
        return true;
    }
    let katakana = |ch: char| matches!(ch as u32, 0x30A0..=0x30FF | 0xFF66..=0xFF9F);
    let first = spelling.chars().next().is_some_and(katakana);
    let last = spelling.chars().next_back().is_some_and(katakana);
    let before = text[..start].chars().next_back().is_some_and(katakana);
    let after = text[end..].chars().next().is_some_and(katakana);
    !(first && before || last && after)
}

/// A keyword or tag that names a product rather than a practice: one
/// Latin word with a capital (`Kotlin`, `iOS`, `BigQuery`). A practice
/// named so (`GitOps`) is the glossary's to say.
fn looks_like_a_product(word: &str) -> bool {
    let word = word.trim();
    !word.contains(char::is_whitespace)
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.+#".contains(c))
        && word.chars().any(|c| c.is_ascii_uppercase())
}

/// Whether a concept used by `df` of `n` roles is too common to tell roles
/// apart: more than half of them use it, in a corpus of four roles or
/// more. Such a concept (or one the glossary calls generic) still weighs
/// its specificity in a role's profile, but a text is not said to state
/// it and it implies no skill.
pub(crate) fn is_generic(df: usize, n: usize) -> bool {
    n >= 4 && df * 2 > n
}

/// Whether the words of `long` start with the letters of `acronym`, in
/// order (`Infrastructure as Code` for `IaC`).
fn spells_acronym(acronym: &str, long: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let initials: Vec<char> = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|word| word.chars().next())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (2..=8).contains(&letters.len()) && letters.len() == acronym.trim().chars().count() && {
        letters == initials
    }
}

/// The names of `names` that another name contains as a whole term
/// (`SLO` in `SLO design`, `コンテナ技術` in `コンテナ技術の活用`).
fn contained_names(names: &[&str]) -> Vec<String> {
    let mut forms: Vec<String> = names
        .iter()
        .flat_map(|name| {
            let (outer, _) = name_and_parenthesised(name);
            [name.nfkc().collect::<String>(), outer]
        })
        .filter(|form| form.chars().count() >= 2)
        .collect();
    forms.sort();
    forms.dedup();
    let Some(automaton) = CaselessAutomaton::overlapping(&forms) else {
        return Vec::new();
    };
    let mut contained = vec![false; forms.len()];
    for form in &forms {
        for hit in automaton.find(form) {
            let whole = hit.start() == 0 && hit.end() == form.len();
            let pattern = &forms[hit.pattern().as_usize()];
            if !whole
                && stands_alone(form, hit.start(), hit.end())
                && stands_as_a_word(form, hit.start(), hit.end(), pattern)
            {
                contained[hit.pattern().as_usize()] = true;
            }
        }
    }
    forms
        .into_iter()
        .zip(contained)
        .filter_map(|(form, contained)| contained.then_some(form))
        .collect()
}

/// The `term（gloss）` pairs of a text: a term of Japanese or Latin
/// letters right before a parenthesis that holds one other name for it
/// (no list, no example, no sentence).
pub(crate) fn glosses(text: &str) -> Vec<(String, String)> {
    let text = normalize::nfkc(text);
    let mut pairs = Vec::new();
    let text: &str = &text;
    let mut rest = text;
    let mut offset = 0;
    while let Some(open) = rest.find('(') {
        let at = offset + open;
        let after = &text[at + 1..];
        let Some(close) = after.find([')', '(']) else {
            break;
        };
        if after[close..].starts_with(')') {
            let gloss = after[..close].trim();
            if let Some(term) = term_before(&text[..at], gloss)
                && is_a_gloss(gloss)
            {
                pairs.push((term, gloss.to_owned()));
            }
        }
        offset = at + 1;
        rest = &text[offset..];
    }
    pairs
}

/// Whether the text in parentheses can be one name: short, no list, no
/// example, no sentence, no version or exam code, Latin or Japanese
/// without particles, and no clipped word (`Dev`, `Ops`).
fn is_a_gloss(gloss: &str) -> bool {
    is_a_name(gloss)
        && !gloss.contains([':', ';', '=', '.', '。', '/', '例', '等'])
        && gloss.split_whitespace().count() <= MAX_GLOSS_WORDS
}

/// Whether a term or gloss can be a name: 2 to 40 characters with a
/// letter, no digit, no list, no hiragana (a particle makes a phrase),
/// and, written in Latin letters, either four or more or all capitals.
fn is_a_name(text: &str) -> bool {
    let chars = text.chars().count();
    let hiragana = text.chars().any(|c| matches!(c as u32, 0x3040..=0x309F));
    let clipped = language_of(text) == Language::English
        && chars <= 3
        && text.chars().filter(char::is_ascii_uppercase).count() < 2;
    (2..=MAX_GLOSS_CHARS).contains(&chars)
        && !hiragana
        && !clipped
        && !text.contains([',', '、'])
        && !text.chars().any(|c| c.is_ascii_digit())
        && text.chars().any(char::is_alphabetic)
}

/// Words that end a Latin term read backwards from a parenthesis: they
/// start the sentence around it (`we use Internal Developer Platform`).
const NOT_IN_A_TERM: &[&str] = &[
    "a", "an", "the", "we", "our", "i", "is", "are", "use", "uses", "using", "with", "for", "to",
    "in", "on", "and", "or", "by", "from", "build", "builds", "run", "runs", "e", "g", "such",
];

/// The term right before a parenthesis: a run of katakana, kanji and
/// Latin glued to them (`CI/CDパイプライン`), or up to five Latin words
/// (as many as an acronym in the gloss has letters, when it is one). A
/// Japanese run right after hiragana ends a phrase (`最小権限の原則`,
/// `エッジネイティブな技術`), which the gloss names whole: no term.
fn term_before(before: &str, gloss: &str) -> Option<String> {
    let before = before.trim_end();
    let last = before.chars().next_back()?;
    let term = if is_japanese(last) {
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| {
                let hiragana = matches!(*c as u32, 0x3040..=0x309F);
                (is_japanese(*c) && !hiragana) || c.is_ascii_alphanumeric() || "・ー/".contains(*c)
            })
            .last()
            .map_or(before.len(), |(at, _)| at);
        let after_hiragana = before[..start]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c as u32, 0x3040..=0x309F));
        if after_hiragana {
            return None;
        }
        before[start..].to_owned()
    } else if last.is_ascii_alphanumeric() {
        let latin = |c: char| c.is_ascii_alphanumeric() || " -/&+".contains(c);
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| latin(*c))
            .last()
            .map_or(before.len(), |(at, _)| at);
        let words = before[start..]
            .split_whitespace()
            .rev()
            .take_while(|word| !NOT_IN_A_TERM.contains(&word.to_ascii_lowercase().as_str()))
            .take(MAX_GLOSS_WORDS);
        let mut words: Vec<&str> = if spells_any_acronym(gloss) {
            words.take(gloss.chars().count()).collect()
        } else {
            words.collect()
        };
        words.reverse();
        words.join(" ")
    } else {
        return None;
    };
    is_a_name(&term).then_some(term)
}

/// `IaC`, `SRE`: 2–8 Latin letters, two or more capitals, no space.
fn spells_any_acronym(text: &str) -> bool {
    let len = text.chars().count();
    (2..=8).contains(&len)
        && text.chars().all(|c| c.is_ascii_alphanumeric())
        && text.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// Every text of a guide where a concept may be written, with its place:
/// the front matter's title, keywords, tags and description, the skill
/// rows, the tools-table categories, and all the prose.
pub(crate) fn guide_texts(index: usize, guide: &Guide) -> impl Iterator<Item = (Source, &str)> {
    guide
        .prose()
        .map(move |prose| (Source::of(index, prose), prose.text))
}

/// How one guide uses one concept.
#[derive(Debug, Clone)]
pub(crate) struct Use {
    pub term: usize,
    /// The place weights of every use, summed.
    pub strength: f64,
    /// The first places it is written, at most [`SOURCES_KEPT`].
    pub sources: Vec<Source>,
    /// The spelling the guide writes first.
    pub spelling: String,
}

/// Every concept each guide uses to say what its role does, guide by
/// guide, on every core: all but the vague words (`ignored`, by term),
/// which say nothing of any role and would join every guide to them.
pub(crate) fn uses(finder: &TermFinder, ignored: &[bool], guides: &[Arc<Guide>]) -> Vec<Vec<Use>> {
    if finder.is_empty() {
        return vec![Vec::new(); guides.len()];
    }
    guides
        .par_iter()
        .enumerate()
        .map(|(index, guide)| uses_in(finder, ignored, index, guide))
        .collect()
}

fn uses_in(finder: &TermFinder, ignored: &[bool], index: usize, guide: &Guide) -> Vec<Use> {
    let mut by_term: HashMap<usize, Use> = HashMap::new();
    for (source, text) in guide_texts(index, guide) {
        let text = normalize::nfkc(text);
        let found = finder.find(&text);
        for found in found.into_iter().filter(|found| !ignored[found.term]) {
            let entry = by_term.entry(found.term).or_insert_with(|| Use {
                term: found.term,
                strength: 0.0,
                sources: Vec::new(),
                spelling: text[found.start..found.end].to_owned(),
            });
            entry.strength += source.section.says_what_the_role_does();
            let repeated = entry.sources.last() == Some(&source);
            if entry.sources.len() < SOURCES_KEPT && !repeated {
                entry.sources.push(source);
            }
        }
    }
    let mut uses: Vec<Use> = by_term.into_values().collect();
    uses.sort_by_key(|found| found.term);
    uses
}

/// How specific a concept used by `df` of `n` roles is, 0 to 1: 1 for a
/// concept of one role, falling with the square of the inverse document
/// frequency, to about 0.18 for one that all seven roles of a small corpus
/// use and 0.01 for one that all of ten thousand use.
pub(crate) fn specificity(df: usize, n: usize) -> f64 {
    let idf = |df: usize| ((1.0 + n as f64) / (1.0 + df as f64)).ln() + 1.0;
    (idf(df) / idf(1)).clamp(0.0, 1.0).powi(2)
}

/// The weight of a job's use of a concept: its specificity, times how
/// strongly the guide uses it (each use adds less than the last).
pub(crate) fn involvement(specificity: f64, strength: f64) -> f64 {
    specificity * (1.0 - (-strength).exp())
}

/// Each tool's non-generic concepts, as its tools-table categories write
/// them (`監視・アラート` gives `監視` and `アラート`).
pub(crate) fn concepts_of_tools(
    graph: &crate::graph::Graph<crate::graph::Node, crate::graph::Edge>,
    finder: &TermFinder,
) -> HashMap<NodeIndex, Vec<NodeIndex>> {
    let mut concepts_of: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    for index in graph.node_indices() {
        let crate::graph::NodeData::Tool(tool) = &graph[index].data else {
            continue;
        };
        for category in &tool.categories {
            for found in finder.find(&normalize::nfkc(category)) {
                let concept = NodeIndex::new(found.term);
                let held = concepts_of.entry(index).or_default();
                if !graph[concept].is_broad() && !held.contains(&concept) {
                    held.push(concept);
                }
            }
        }
    }
    concepts_of
}

/// A skill that is one ability with another, and the concept joining
/// them (none for a compound and its parts).
#[derive(Debug, Clone, Copy)]
pub(crate) struct AbilityPartner {
    pub skill: NodeIndex,
    pub concept: Option<NodeIndex>,
}

/// Each skill's partners in ability: the compounds it is a part of and its
/// own parts, and the skills of other words that share a concept with it
/// and say no more than it does, being wholly the concept or more of it
/// than it is (`Observability design` → `オブザーバビリティ`; `API設計の
/// テスト` → `API設計`, never its sibling `API設計の自動化`). A generic
/// concept joins two skills only when it is the whole name of one.
/// `expressing` is concept → skills expressing it, with their shares, the
/// largest first; only the first `read` of each are looked at.
pub(crate) fn ability_partners(
    graph: &crate::graph::Graph<crate::graph::Node, crate::graph::Edge>,
    expressing: &HashMap<NodeIndex, Vec<(NodeIndex, f64)>>,
    read: usize,
) -> HashMap<NodeIndex, Vec<AbilityPartner>> {
    use petgraph::visit::EdgeRef;
    let mut partners: HashMap<NodeIndex, Vec<AbilityPartner>> = HashMap::new();
    let mut join = |from: NodeIndex, skill: NodeIndex, concept: Option<NodeIndex>| {
        let held = partners.entry(from).or_default();
        if skill != from && !held.iter().any(|partner| partner.skill == skill) {
            held.push(AbilityPartner { skill, concept });
        }
    };
    for edge in graph.edge_references() {
        let kind = edge.weight().kind;
        if kind == crate::graph::EdgeKind::ComposedOf {
            join(edge.source(), edge.target(), None);
            join(edge.target(), edge.source(), None);
        }
        if kind != crate::graph::EdgeKind::Expresses {
            continue;
        }
        let (skill, concept, own_share) = (edge.source(), edge.target(), edge.weight().weight);
        let generic = graph[concept].is_broad();
        for (other, share) in expressing.get(&concept).into_iter().flatten().take(read) {
            let says_less = *share >= 1.0 || *share > own_share;
            if says_less && (!generic || own_share >= 1.0 || *share >= 1.0) {
                join(skill, *other, Some(concept));
            }
        }
    }
    partners
}

impl crate::graph::SkillGraph {
    /// The skills that are one ability with `skill`: see [`ability_partners`].
    pub(crate) fn ability_partners(&self, skill: NodeIndex) -> &[AbilityPartner] {
        self.ability_partners.get(&skill).map_or(&[], Vec::as_slice)
    }

    /// The concepts the categories `tool` is listed under write.
    pub(crate) fn concepts_of_tool(&self, tool: NodeIndex) -> &[NodeIndex] {
        self.concepts_of_tool.get(&tool).map_or(&[], Vec::as_slice)
    }

    /// The skills whose names mean or contain `concept`, each with the
    /// share of its name the concept is, the largest share first.
    pub(crate) fn skills_expressing(
        &self,
        concept: petgraph::graph::NodeIndex,
    ) -> &[(petgraph::graph::NodeIndex, f64)] {
        self.skills_expressing
            .get(&concept)
            .map_or(&[], Vec::as_slice)
    }

    /// The concepts `skill` expresses that can join it to a skill of
    /// other words: every one that is not generic.
    pub(crate) fn abilities_of(
        &self,
        skill: petgraph::graph::NodeIndex,
    ) -> &[petgraph::graph::NodeIndex] {
        self.abilities_of.get(&skill).map_or(&[], Vec::as_slice)
    }

    /// `concept` as `job`'s guide writes it: the spelling found at the
    /// first place its `INVOLVES` edge was read from; `None` when the job's
    /// guide does not use it.
    pub fn written_by(
        &self,
        job: crate::graph::NodeRef<'_>,
        concept: crate::graph::NodeRef<'_>,
    ) -> Option<String> {
        let (index, _) = job.guide_with_index()?;
        // One edge joins a job to a concept: no need to gather and sort
        // the job's thirty-odd `INVOLVES` edges to find it.
        let link = job
            .outgoing_unordered(crate::graph::EdgeKind::Involves)
            .find(|link| link.node.index == concept.index)?;
        let mut spellings: Vec<String> = std::iter::once(concept.label())
            .chain(concept.node().aliases().iter().map(String::as_str))
            .map(|spelling| spelling.nfkc().collect::<String>().to_ascii_lowercase())
            .collect();
        spellings.sort_by_key(|spelling| std::cmp::Reverse(spelling.len()));
        let guides = job.graph().guides();
        link.edge
            .sources
            .iter()
            .filter(|source| source.guide as usize == index)
            .find_map(|source| {
                source.row_in(guides)?.texts().into_iter().find_map(|text| {
                    let text = normalize::nfkc(text);
                    let lower = text.to_ascii_lowercase();
                    spellings.iter().find_map(|spelling| {
                        let at = lower.find(spelling.as_str())?;
                        Some(text[at..at + spelling.len()].to_owned())
                    })
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary(text: &str) -> Glossary {
        Glossary::parse(text).expect("a glossary")
    }

    #[test]
    fn a_renamed_finder_finds_the_new_names_and_never_an_unnamed_term() {
        let finder = TermFinder::new(vec![
            ("SLO".to_owned(), 0),
            ("エラーバジェット".to_owned(), 1),
            ("チーム".to_owned(), 2),
        ]);
        let renamed = finder.renamed(|term| (term != 2).then_some(term + 10));
        let found: Vec<usize> = renamed
            .find("チームでSLOとエラーバジェットを決めた")
            .iter()
            .map(|found| found.term)
            .collect();
        assert_eq!(found, [10, 11]);
    }

    #[test]
    fn glosses_pair_a_term_with_its_other_name() {
        let found = glosses(
            "SLO（Service Level Objective）を決め、運用負荷（Toil）を減らす。\
             Internal Developer Platform (IDP) を作る。AWS (VPC, EC2, S3) と \
             ビジネス目標（例：市場投入速度）、信頼性（Reliability）、最小権限の原則\
             （Least Privilege）、開発（Dev）、Associate (SAA-C03)、ネイティブな技術（Edge Native）、\
             Platform Engineer（プラットフォームエンジニア）",
        );
        assert_eq!(
            found,
            vec![
                ("SLO".to_owned(), "Service Level Objective".to_owned()),
                ("運用負荷".to_owned(), "Toil".to_owned()),
                ("Internal Developer Platform".to_owned(), "IDP".to_owned()),
                ("信頼性".to_owned(), "Reliability".to_owned()),
                (
                    "Platform Engineer".to_owned(),
                    "プラットフォームエンジニア".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_latin_gloss_joins_as_many_words_as_its_acronym_has_letters() {
        assert_eq!(
            glosses("we build an Infrastructure as Code (IaC) practice"),
            vec![("Infrastructure as Code".to_owned(), "IaC".to_owned())]
        );
        // A name with digits is a version, an exam or a product code.
        assert!(glosses("Kubernetes (K8s) と Associate (SAA-C03)").is_empty());
    }

    #[test]
    fn the_vocabulary_takes_the_glossary_then_glosses_keywords_and_contained_names() {
        let glossary = glossary(
            r#"{"terms": [
                {"en": ["error budget", "error budgets"], "ja": ["エラーバジェット"], "broader": ["SLO"]},
                {"en": ["SLO"], "ja": ["SLO", "サービスレベル目標"]}
            ]}"#,
        );
        let guide = crate::guide::Guide {
            overview: Some(crate::guide::Text {
                text: "運用負荷（Toil）を減らし、SLO（Service Level Objective）を守る。Kubernetes (K8s)".into(),
                line: 3,
            }),
            front: crate::guide::FrontMatter {
                keywords: vec!["on-call".into(), "Kubernetes".into(), "Kotlin".into()],
                ..Default::default()
            },
            ..Default::default()
        };
        let tools =
            |spelling: &str| ["kubernetes", "k8s"].contains(&normalize::key(spelling).as_str());
        let lexicon = Lexicon::gather(
            &glossary,
            &[Arc::new(guide)],
            &["SLO design", "SLO"],
            &tools,
        );
        let slo = lexicon.term_of("slo").expect("SLO");
        assert_eq!(lexicon.term_of("Service Level Objective"), Some(slo));
        assert_eq!(
            lexicon.terms[lexicon.term_of("エラーバジェット").expect("eb")].broader,
            vec![slo]
        );
        let toil = lexicon.term_of("toil").expect("a gloss makes a term");
        assert_eq!(lexicon.terms[toil].labels().ja.as_deref(), Some("運用負荷"));
        assert_eq!(lexicon.terms[toil].origin, Origin::Gloss);
        assert!(lexicon.term_of("on-call").is_some(), "a keyword");
        assert_eq!(
            lexicon.term_of("Kotlin"),
            None,
            "a product's name is no concept"
        );
        assert_eq!(lexicon.term_of("Kubernetes"), None, "a tool is no concept");
        assert_eq!(lexicon.term_of("K8s"), None);
    }

    #[test]
    fn terms_are_found_overlapping_as_words_and_in_the_plural() {
        let glossary = glossary(
            r#"{"terms": [
                {"en": ["CI/CD"], "ja": ["CI/CD"]},
                {"en": ["CI/CD pipeline"], "ja": ["CI/CDパイプライン"]},
                {"en": ["log"], "ja": ["ログ"]},
                {"en": ["SLO"], "ja": ["SLO"]}
            ]}"#,
        );
        let lexicon = Lexicon::gather(&glossary, &[], &[], &|_| false);
        let finder = lexicon.finder();
        let words = |text: &str| -> Vec<String> {
            finder
                .find(text)
                .into_iter()
                .map(|found| text[found.start..found.end].to_owned())
                .collect()
        };
        assert_eq!(
            words("CI/CDパイプラインの整備"),
            vec!["CI/CD", "CI/CDパイプライン"]
        );
        assert_eq!(words("ログ収集とカタログとブログ"), vec!["ログ"]);
        assert_eq!(words("defined SLOs and SLOgans"), vec!["SLOs"]);
    }

    #[test]
    fn a_skill_name_inside_another_is_a_concept() {
        let names = contained_names(&[
            "SLO design",
            "SLO",
            "Linux",
            "コンテナ技術",
            "コンテナ技術とオーケストレーション",
            "ログ",
            "カタログ管理",
        ]);
        assert_eq!(names, vec!["SLO", "コンテナ技術"]);
    }

    #[test]
    fn specificity_falls_with_the_roles_using_a_concept() {
        assert!((specificity(1, 7) - 1.0).abs() < 1e-9);
        assert!(specificity(2, 7) < 1.0);
        assert!(specificity(7, 7) < 0.2);
        assert!(specificity(10_000, 10_000) < 0.02);
        assert!((specificity(1, 1) - 1.0).abs() < 1e-9);
        assert!(involvement(1.0, 3.0) > involvement(1.0, 1.0));
        assert!(involvement(0.5, 100.0) <= 0.5);
    }
}
