//! Canonical names: when two spellings are one node.
//!
//! A name's key is its NFKC form, Latin letters lowercased, whitespace
//! folded and dashes unified. Two names are one node when their keys are
//! equal, when the alias file maps one to the other, or when one is written
//! `Name (ACRONYM)` or `ACRONYM (Name)` and the acronyms agree, so that
//! `IaC (Infrastructure as Code)` and `インフラストラクチャ・アズ・コード (IaC)`
//! meet at `iac`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Match, MatchKind};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// The comparison key of a name.
pub fn key(name: &str) -> String {
    let name = nfkc(name);
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for ch in name.chars() {
        let ch = match ch {
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
            _ => ch,
        };
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        // Spaces around a slash or inside brackets carry no meaning.
        let glue = matches!(ch, '/' | ')' | ']') || out.ends_with(['/', '(', '[']);
        if pending_space && !glue {
            out.push(' ');
        }
        pending_space = false;
        out.extend(ch.to_lowercase());
    }
    out.trim_end_matches(['.', '。', ',', '、']).to_owned()
}

/// The acronym of `Name (ACR)` or `ACR (Name)`, if one side is an acronym.
pub fn acronym(name: &str) -> Option<String> {
    let normalized: String = name.nfkc().collect();
    let open = normalized.find('(')?;
    let close = normalized.rfind(')')?;
    if close < open || !normalized[close + 1..].trim().is_empty() {
        return None;
    }
    let outer = normalized[..open].trim();
    let inner = normalized[open + 1..close].trim();
    [inner, outer]
        .into_iter()
        .find(|side| is_acronym(side))
        .map(|side| side.to_lowercase())
}

/// `IaC`, `CKA`, `PM`: 2–8 Latin letters or digits with at least two capitals.
fn is_acronym(text: &str) -> bool {
    let len = text.chars().count();
    (2..=8).contains(&len)
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '&')
        && text.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// Maps any spelling of a kind of thing to its canonical key and name.
#[derive(Debug, Default, Clone)]
pub struct Canonicalizer {
    /// key of a spelling → canonical name from the alias file.
    by_key: HashMap<String, String>,
}

/// A name resolved to its node identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonical {
    /// The comparison key; node ids derive from it.
    pub key: String,
    /// The preferred display name (the alias file's, else the one written).
    pub name: String,
}

impl Canonicalizer {
    /// Builds from one table of the alias file (canonical → variants).
    pub fn new(table: &BTreeMap<String, Vec<String>>) -> Self {
        let mut by_key = HashMap::new();
        for (canonical, variants) in table {
            by_key.insert(key(canonical), canonical.clone());
            if let Some(acronym) = acronym(canonical) {
                by_key.entry(acronym).or_insert_with(|| canonical.clone());
            }
            for variant in variants {
                by_key.insert(key(variant), canonical.clone());
            }
        }
        Self { by_key }
    }

    /// The canonical identity of `name`.
    pub fn resolve(&self, name: &str) -> Canonical {
        let written = name.trim();
        let direct = key(written);
        if let Some(canonical) = self.by_key.get(&direct) {
            return self.canonical(canonical);
        }
        if let Some(acronym) = acronym(written) {
            if let Some(canonical) = self.by_key.get(&acronym) {
                return self.canonical(canonical);
            }
            return Canonical {
                key: acronym,
                name: written.to_owned(),
            };
        }
        Canonical {
            key: direct,
            name: written.to_owned(),
        }
    }

    fn canonical(&self, canonical: &str) -> Canonical {
        Canonical {
            key: acronym(canonical).unwrap_or_else(|| key(canonical)),
            name: canonical.to_owned(),
        }
    }
}

/// Vendor words a name may be written with or without (`Apache Spark` is
/// `Spark`, `Go言語` is `Go`), from the alias file's `vendors`.
#[derive(Debug, Default, Clone)]
pub struct Vendors {
    /// Keys of the prefixes, longest first, so `google cloud` wins over `google`.
    prefixes: Vec<String>,
    /// Keys of the suffixes, longest first.
    suffixes: Vec<String>,
    /// Keys of the prefixes whose products are named alone in free text.
    named_alone: Vec<String>,
}

impl Vendors {
    /// Builds from the alias file's prefixes and suffixes, as written.
    pub fn new(prefixes: &[String], suffixes: &[String]) -> Self {
        Self::with_named_alone(prefixes, suffixes, &[])
    }

    /// Builds from the alias file's `vendors` table.
    pub fn from_affixes(affixes: &crate::guide::aliases::Affixes) -> Self {
        Self::with_named_alone(&affixes.prefixes, &affixes.suffixes, &affixes.named_alone)
    }

    fn with_named_alone(prefixes: &[String], suffixes: &[String], named_alone: &[String]) -> Self {
        let keyed = |words: &[String]| {
            let mut keys: Vec<String> = words
                .iter()
                .map(|word| key(word))
                .filter(|word| !word.is_empty())
                .collect();
            keys.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            keys.dedup();
            keys
        };
        Self {
            prefixes: keyed(prefixes),
            suffixes: keyed(suffixes),
            named_alone: keyed(named_alone),
        }
    }

    /// Whether `key` is a vendor word itself (`grafana`).
    pub fn is_vendor(&self, key: &str) -> bool {
        self.prefixes.iter().any(|prefix| prefix == key)
    }

    /// Whether free text names the products of `vendor` (a prefix as
    /// [`Vendors::core`] returns it) without the vendor word.
    pub fn names_products_alone(&self, vendor: &str) -> bool {
        self.named_alone.iter().any(|named| named == vendor)
    }

    /// `key` without its vendor prefix and suffix, and the prefix it had;
    /// `None` when it has neither or nothing of at least two characters
    /// would be left (`Google` alone stays `Google`).
    pub fn core<'k>(&self, key: &'k str) -> Option<VendorCore<'k>> {
        let (vendor, rest) = self
            .prefixes
            .iter()
            .find_map(|prefix| {
                let rest = key.strip_prefix(prefix.as_str())?.strip_prefix(' ')?;
                Some((Some(prefix.as_str()), rest))
            })
            .unwrap_or((None, key));
        let rest = self
            .suffixes
            .iter()
            .find_map(|suffix| {
                let rest = rest.strip_suffix(suffix.as_str())?;
                // A Latin suffix is a word of its own; `言語` may be glued.
                let glued_latin =
                    suffix.starts_with(|c: char| c.is_ascii_alphanumeric()) && !rest.ends_with(' ');
                (!glued_latin).then(|| rest.trim_end())
            })
            .unwrap_or(rest);
        (rest.len() < key.len() && rest.chars().count() >= 2).then(|| VendorCore {
            core: rest,
            vendor: vendor.map(|vendor| &key[..vendor.len()]),
        })
    }
}

/// A key with its vendor words taken off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VendorCore<'k> {
    /// What is left: `spark` of `apache spark`.
    pub core: &'k str,
    /// The prefix taken off, as it stood in the key; `None` for a suffix alone.
    pub vendor: Option<&'k str>,
}

/// An Aho–Corasick automaton whose patterns match ASCII letters in either
/// case: the crate's `ascii_case_insensitive` gives the same matches, but
/// its folded transitions made the vocabulary's automaton 2.6 times as
/// slow to build, and every reload builds it. This one is built over the
/// patterns with their ASCII letters lowercased and searches the text the
/// same way; ASCII lowercasing moves no byte, so offsets are the text's.
#[derive(Debug, Clone)]
pub(crate) struct CaselessAutomaton {
    automaton: AhoCorasick,
    /// Whether every match is reported, overlapping ones included, or
    /// only the leftmost-longest.
    overlapping: bool,
}

impl CaselessAutomaton {
    /// Reports every match, overlapping ones included, in order of ends.
    pub(crate) fn overlapping<P: AsRef<str>>(
        patterns: impl IntoIterator<Item = P>,
    ) -> Option<Self> {
        Self::build(patterns, MatchKind::Standard)
    }

    /// Reports the leftmost-longest matches, none overlapping another.
    pub(crate) fn leftmost_longest<P: AsRef<str>>(
        patterns: impl IntoIterator<Item = P>,
    ) -> Option<Self> {
        Self::build(patterns, MatchKind::LeftmostLongest)
    }

    fn build<P: AsRef<str>>(
        patterns: impl IntoIterator<Item = P>,
        kind: MatchKind,
    ) -> Option<Self> {
        let folded = patterns
            .into_iter()
            .map(|pattern| pattern.as_ref().to_ascii_lowercase());
        let automaton = AhoCorasickBuilder::new()
            .match_kind(kind)
            .build(folded)
            .ok()?;
        Some(Self {
            automaton,
            overlapping: kind == MatchKind::Standard,
        })
    }

    /// The matches in `text`; each pattern index is the order it was given in.
    pub(crate) fn find(&self, text: &str) -> Vec<Match> {
        let folded = if text.bytes().any(|byte| byte.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        };
        if self.overlapping {
            self.automaton
                .find_overlapping_iter(folded.as_ref())
                .collect()
        } else {
            self.automaton.find_iter(folded.as_ref()).collect()
        }
    }
}

/// Finds known tool names in free text.
///
/// Matching is ASCII-case-insensitive over NFKC text, leftmost-longest (so
/// `GitLab CI` wins over `GitLab`), and a Latin name must not be glued to
/// other Latin letters (`Go` is not found in `Google`). Names of two
/// letters or fewer must match their case exactly.
#[derive(Debug, Clone)]
pub struct ToolMatcher {
    automaton: Option<CaselessAutomaton>,
    /// Pattern index → (canonical key, the pattern as written).
    patterns: Vec<(String, String)>,
}

impl ToolMatcher {
    /// `names` pairs each spelling with the canonical key it stands for.
    pub fn new(names: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut patterns: Vec<(String, String)> = names
            .into_iter()
            .map(|(spelling, key)| (key, spelling.nfkc().collect::<String>()))
            .filter(|(_, spelling)| !spelling.trim().is_empty())
            .collect();
        patterns.sort();
        patterns.dedup();
        let automaton = CaselessAutomaton::leftmost_longest(
            patterns.iter().map(|(_, spelling)| spelling.as_str()),
        );
        Self {
            automaton,
            patterns,
        }
    }

    /// Canonical keys of the tools named in `text`, one entry per mention.
    pub fn find(&self, text: &str) -> Vec<String> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let text = nfkc(text);
        let text = text.as_ref();
        automaton
            .find(text)
            .into_iter()
            .filter(|hit| {
                let (_, spelling) = &self.patterns[hit.pattern().as_usize()];
                let found = &text[hit.start()..hit.end()];
                stands_alone(text, hit.start(), hit.end())
                    && (spelling.chars().count() > 2 || found == spelling)
            })
            .map(|hit| self.patterns[hit.pattern().as_usize()].0.clone())
            .collect()
    }
}

/// `text` in NFKC, borrowed when it already is: almost all guide prose is,
/// and normalising it anyway was a third of a build's time.
///
/// The quick check looks every character up in two tables, which was a
/// tenth of a start at 10,000 guides, so the leading run of characters
/// that are plainly stable is skipped first; the check then reads only
/// what follows, from the same state (a stable character has combining
/// class 0).
pub(crate) fn nfkc(text: &str) -> Cow<'_, str> {
    let unsure = text
        .char_indices()
        .find(|(_, ch)| !plainly_stable_under_nfkc(*ch))
        .map(|(at, _)| at);
    let Some(unsure) = unsure else {
        return Cow::Borrowed(text);
    };
    match is_nfkc_quick(text[unsure..].chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(nfkc_by_runs(text)),
    }
}

/// `text` in NFKC, normalising only the runs of characters that are not
/// plainly stable, each with the stable character before it (a combining
/// mark may join it: `か` and U+3099 are `が`), and copying the rest. A
/// Japanese paragraph with one full-width parenthesis is mostly copied.
/// A stable character never joins the character before it, so a run ends
/// at the first one.
fn nfkc_by_runs(text: &str) -> String {
    let mut normalized = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(unstable) = rest.find(|ch: char| !plainly_stable_under_nfkc(ch)) {
        let starter = rest[..unstable]
            .char_indices()
            .next_back()
            .map_or(0, |(at, _)| at);
        normalized.push_str(&rest[..starter]);
        let end = rest[unstable..]
            .find(plainly_stable_under_nfkc)
            .map_or(rest.len(), |length| unstable + length);
        normalized.extend(rest[starter..end].nfkc());
        rest = &rest[end..];
    }
    normalized.push_str(rest);
    normalized
}

/// Characters that NFKC leaves as they are wherever they stand, with
/// combining class 0, in the scripts guides are mostly written in: ASCII,
/// the commonest Japanese punctuation, kana and the unified ideographs.
/// (Full-width letters and half-width kana are not: NFKC maps them.)
fn plainly_stable_under_nfkc(ch: char) -> bool {
    matches!(ch,
        '\u{0}'..='\u{7F}'
        | '\u{3001}'..='\u{3002}'
        | '\u{300C}'..='\u{3011}'
        | '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FE}'
        | '\u{4E00}'..='\u{9FFF}')
}

/// A match stands alone when no ASCII letter or digit touches its Latin ends.
pub(crate) fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let glued = |outside: Option<char>, edge: Option<char>| matches!((outside, edge), (Some(o), Some(e)) if o.is_ascii_alphanumeric() && e.is_ascii_alphanumeric());
    !glued(before, first) && !glued(after, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What NFKC gives, whole.
    fn whole(text: &str) -> String {
        text.nfkc().collect()
    }

    #[test]
    fn normalising_by_runs_gives_what_normalising_whole_does() {
        for text in [
            "運用負荷（Toil）を削減する：ＳＲＥ",
            "か\u{3099}き\u{309A}",
            "ｶﾞｲﾄﾞ と ｶﾞ",
            "e\u{301}\u{323}x",
            "\u{301}先頭の結合文字",
            "①②③ ㈱ ｱｲｳ",
            "（）",
            "ascii only",
            "",
        ] {
            assert_eq!(nfkc(text), whole(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn normalising_by_runs_agrees_with_the_crate(
            text in "[a-zA-Zかきガ\u{3099}\u{309A}\u{301}\u{323}（）：ＡＢｶﾞﾟ①é 漢字]{0,24}"
        ) {
            proptest::prop_assert_eq!(nfkc(&text).into_owned(), whole(&text));
        }
    }

    #[test]
    fn the_characters_passed_over_unchecked_are_stable_under_nfkc() {
        use unicode_normalization::char::canonical_combining_class;
        let plainly_stable: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|ch| plainly_stable_under_nfkc(*ch))
            .collect();
        assert!(plainly_stable.len() > 20_000);
        for ch in plainly_stable {
            assert_eq!(
                is_nfkc_quick(std::iter::once(ch)),
                IsNormalized::Yes,
                "{ch:?} U+{:04X}",
                ch as u32
            );
            assert_eq!(canonical_combining_class(ch), 0, "U+{:04X}", ch as u32);
        }
    }

    #[test]
    fn text_is_normalized_when_an_unstable_character_follows_stable_ones() {
        assert!(matches!(
            nfkc("プラットフォーム エンジニア"),
            Cow::Borrowed(_)
        ));
        assert_eq!(nfkc("基盤（ＩａＣ）"), "基盤(IaC)");
        assert_eq!(nfkc("ｶﾞｲﾄﾞ"), "ガイド");
        // A combining mark after a stable letter composes with it.
        assert_eq!(nfkc("Cafe\u{301}"), "Café");
        assert_eq!(nfkc("か\u{3099}"), "が");
    }

    #[test]
    fn keys_fold_width_case_and_spaces() {
        assert_eq!(key("ＧｉｔＨｕｂ　Actions"), "github actions");
        assert_eq!(key("SRE / 運用チーム"), key("SRE/運用チーム"));
        assert_eq!(
            key("AWS Certified – Associate"),
            key("AWS Certified - Associate")
        );
    }

    #[test]
    fn a_name_and_its_parenthesised_acronym_are_one() {
        let skills = Canonicalizer::default();
        let a = skills.resolve("IaC (Infrastructure as Code)");
        let b = skills.resolve("インフラストラクチャ・アズ・コード (IaC)");
        assert_eq!(a.key, "iac");
        assert_eq!(a.key, b.key);
        assert_eq!(
            skills
                .resolve("CKA (Certified Kubernetes Administrator)")
                .key,
            skills
                .resolve("Certified Kubernetes Administrator (CKA)")
                .key
        );
    }

    #[test]
    fn the_alias_table_maps_variants_to_the_canonical_name() {
        let mut table = BTreeMap::new();
        table.insert("Kubernetes".to_owned(), vec!["K8s".to_owned()]);
        table.insert("ELK Stack".to_owned(), vec!["ELK".to_owned()]);
        let tools = Canonicalizer::new(&table);
        assert_eq!(tools.resolve("k8s").name, "Kubernetes");
        assert_eq!(tools.resolve("K8s").key, tools.resolve("kubernetes").key);
        assert_eq!(tools.resolve("ELK").name, "ELK Stack");
        assert_eq!(tools.resolve("Terraform").name, "Terraform");
    }

    #[test]
    fn vendor_words_come_off_whole_and_longest_first() {
        let vendors = Vendors::new(
            &["Apache", "Google", "Google Cloud", "Amazon"].map(str::to_owned),
            &["言語", "language"].map(str::to_owned),
        );
        let core = |name: &str| vendors.core(&key(name)).map(|found| found.core.to_owned());
        assert_eq!(core("Apache Spark").as_deref(), Some("spark"));
        assert_eq!(core("Amazon DynamoDB").as_deref(), Some("dynamodb"));
        assert_eq!(core("Google Cloud Run").as_deref(), Some("run"));
        assert_eq!(core("Go言語").as_deref(), Some("go"));
        assert_eq!(core("Go language").as_deref(), Some("go"));
        // Not a vendor word unless followed by a space; nothing left, no core.
        assert_eq!(core("Amazonia"), None);
        assert_eq!(core("Google"), None);
        assert_eq!(core("Spark"), None);
        // A Latin suffix must stand apart.
        assert_eq!(core("Erlang"), None);
        assert_eq!(
            vendors
                .core("google cloud run")
                .and_then(|found| found.vendor),
            Some("google cloud")
        );
    }

    #[test]
    fn a_caseless_automaton_finds_either_case_at_the_text_offsets() {
        let spans = |automaton: &CaselessAutomaton, text: &str| -> Vec<(usize, usize, usize)> {
            automaton
                .find(text)
                .iter()
                .map(|hit| (hit.pattern().as_usize(), hit.start(), hit.end()))
                .collect()
        };
        let text = "運用でGitLab CIとKUBERNETESを";
        let at = text.find("GitLab").expect("written");
        let longest = CaselessAutomaton::leftmost_longest(["gitlab", "GitLab CI", "Kubernetes"])
            .expect("builds");
        let k8s = text.find("KUBERNETES").expect("written");
        assert_eq!(
            spans(&longest, text),
            [
                (1, at, at + "GitLab CI".len()),
                (2, k8s, k8s + "KUBERNETES".len())
            ]
        );
        let every = CaselessAutomaton::overlapping(["gitlab", "GitLab CI"]).expect("builds");
        assert_eq!(
            spans(&every, text),
            [(0, at, at + 6), (1, at, at + "GitLab CI".len())]
        );
        // Only ASCII letters fold: a full-width name is another name.
        assert!(longest.find("ＧＩＴＬＡＢ").is_empty());
    }

    #[test]
    fn tools_are_found_in_text_as_whole_names() {
        let matcher = ToolMatcher::new(
            [
                ("Go", "go"),
                ("Go言語", "go"),
                ("GitLab", "gitlab"),
                ("GitLab CI", "gitlab ci"),
                ("Git", "git"),
            ]
            .map(|(s, k)| (s.to_owned(), k.to_owned())),
        );
        assert_eq!(matcher.find("Python, Go, Bash"), vec!["go"]);
        assert_eq!(matcher.find("Go言語を用いた"), vec!["go"]);
        assert!(matcher.find("Googleの本").is_empty());
        assert!(matcher.find("let's go").is_empty());
        assert_eq!(
            matcher.find("GitLab CIとGitHub、Git"),
            vec!["gitlab ci", "git"]
        );
    }
}
