//! Labels broken into lines where a reader would break them: at spaces,
//! and where Japanese text allows, never inside a Latin word.

/// Breaks a label into lines about `width` ems wide.
///
/// Lines break at spaces and where Japanese text allows a break (see
/// [`may_break`]), never inside a Latin word: a word wider than a line
/// gets a line of its own. Only a run with no such place that is wider
/// than a line on its own (a long katakana word) is cut between two
/// characters.
pub(super) fn wrap(label: &str, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in label.split_whitespace() {
        for (index, piece) in pieces(word).into_iter().enumerate() {
            // A space joins words; the pieces of one word join directly.
            let gap = if index == 0 { " " } else { "" };
            if !line.is_empty() && ems(&line) + ems(gap) + ems(piece) > width {
                lines.push(std::mem::take(&mut line));
            }
            if line.is_empty() && ems(piece) > width {
                let mut parts = cut(piece, width);
                line = parts.pop().unwrap_or_default();
                lines.extend(parts);
            } else {
                if !line.is_empty() {
                    line.push_str(gap);
                }
                line.push_str(piece);
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `word` (no spaces) split where [`may_break`] allows.
fn pieces(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous = None;
    for (at, c) in word.char_indices() {
        if previous.is_some_and(|before| may_break(before, c)) {
            pieces.push(&word[start..at]);
            start = at;
        }
        previous = Some(c);
    }
    pieces.push(&word[start..]);
    pieces
}

/// `piece` in lines of at most `width` ems, cut between characters where
/// nothing forbids it: never inside a Latin word, never before a closing
/// mark or a small kana, never after an opening bracket.
fn cut(piece: &str, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut previous: Option<char> = None;
    for c in piece.chars() {
        let allowed = previous.is_some_and(|before| {
            let forbidden = (is_latin(before) && is_latin(c))
                || NO_BREAK_BEFORE.contains(c)
                || OPENING.contains(before);
            !forbidden
        });
        if allowed && ems(&line) + advance(c) > width {
            lines.push(std::mem::take(&mut line));
        }
        line.push(c);
        previous = Some(c);
    }
    lines.push(line);
    lines
}

/// Brackets a break may come before but never after.
const OPENING: &str = "（「『【〔〈《［｛([";
/// Marks a break may come after but never before.
const CLOSING: &str = "、。，．・）」』】〕〉》］｝！？：；／";
/// Characters that never start a line: closing marks, the long-vowel mark,
/// the repetition mark and small kana.
const NO_BREAK_BEFORE: &str =
    "、。，．・）」』】〕〉》］｝！？：；／ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";

/// Part of a Latin word: any visible ASCII character (`CI/CD`, `Node.js`).
fn is_latin(c: char) -> bool {
    c.is_ascii_graphic()
}

/// The writing system of a character, for breaking where it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Hiragana,
    Katakana,
    Han,
    Other,
}

fn script(c: char) -> Script {
    match c {
        c if is_latin(c) => Script::Latin,
        '\u{3041}'..='\u{309f}' => Script::Hiragana,
        '\u{30a0}'..='\u{30ff}' | '\u{ff66}'..='\u{ff9f}' => Script::Katakana,
        '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '々'
        | '〆' => Script::Han,
        _ => Script::Other,
    }
}

/// Whether a line may break between `before` and `after` (neither a space).
///
/// After 、 。 ・ ／ and closing brackets; before opening brackets; and
/// where the script changes: between Latin and Japanese, and into kanji
/// or katakana (hiragana stays with what it follows: `技術と`, `しくみ`).
/// Never inside a Latin word, so `CI/CD` and `Node.js` stay whole; a
/// Latin word keeps the marks that end it (`TCP/IP）`).
fn may_break(before: char, after: char) -> bool {
    if is_latin(before) && is_latin(after) {
        return false;
    }
    if NO_BREAK_BEFORE.contains(after) || OPENING.contains(before) {
        return false;
    }
    if OPENING.contains(after) || CLOSING.contains(before) {
        return true;
    }
    // Into Latin text only where a word starts, not before its `/` or `)`.
    if is_latin(after) {
        return after.is_ascii_alphanumeric();
    }
    if is_latin(before) {
        return true;
    }
    let (from, to) = (script(before), script(after));
    from != to && to != Script::Hiragana
}

/// The width of `text` in ems, as a sans-serif font draws it: Japanese
/// characters are square, Latin letters about half as wide.
pub(super) fn ems(text: &str) -> f64 {
    text.chars().map(advance).sum()
}

fn advance(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '-' => 0.4,
        'm' | 'w' | 'M' | 'W' => 0.85,
        c if c.is_ascii_uppercase() => 0.68,
        c if c.is_ascii() => 0.57,
        '\u{ff61}'..='\u{ff9f}' => 0.5,
        '–' | '—' | '‐' => 0.6,
        _ => 1.0,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::LABEL_WIDTH;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn labels_break_at_spaces_and_where_japanese_allows() {
        for (label, lines) in [
            ("Platform Engineer", vec!["Platform Engineer"]),
            (
                "Certified Kubernetes Administrator (CKA)",
                vec!["Certified Kubernetes", "Administrator (CKA)"],
            ),
            (
                "コンテナ技術とオーケストレーション",
                vec!["コンテナ技術と", "オーケストレーション"],
            ),
            (
                "組織文化としてのDevOps推進役",
                vec!["組織文化としてのDevOps", "推進役"],
            ),
            (
                "マルチクラウド/ハイブリッドクラウド戦略の深化",
                vec!["マルチクラウド/", "ハイブリッドクラウド戦略の", "深化"],
            ),
            (
                "LPI認定試験（LPIC）の学習リソース",
                vec!["LPI認定試験（LPIC）の学習", "リソース"],
            ),
            (
                "SREの概念を教える専門コースや、Datadog/Prometheusのハンズオンチュートリアル",
                vec![
                    "SREの概念を教える専門",
                    "コースや、",
                    "Datadog/Prometheusの",
                    "ハンズオンチュートリアル",
                ],
            ),
        ] {
            assert_eq!(wrap(label, LABEL_WIDTH), lines, "{label}");
        }
    }

    #[test]
    fn a_word_wider_than_a_line_keeps_a_line_of_its_own() {
        assert_eq!(
            wrap("see Supercalifragilistic now", 6.0),
            ["see", "Supercalifragilistic", "now"]
        );
        // A katakana run with no break in it is cut, but never before ー or a small kana.
        let lines = wrap("プラットフォームエンジニアリング", 7.0);
        assert_eq!(lines.concat(), "プラットフォームエンジニアリング");
        assert!(lines.iter().all(|line| ems(line) <= 7.0), "{lines:?}");
        assert!(
            lines
                .iter()
                .skip(1)
                .all(|line| !line.starts_with(['ー', 'ッ', 'ォ'])),
            "{lines:?}"
        );
    }

    /// `wrap(label, width)` keeps every character but spaces, and every
    /// Latin word whole on one line.
    pub(in crate::graph::output::picture) fn assert_keeps_words(label: &str, width: f64) {
        let lines = wrap(label, width);
        let runs = |text: &str| -> Vec<String> {
            text.split(|c: char| !is_latin(c))
                .filter(|run| !run.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let squeeze = |text: &str| {
            text.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        };
        assert_eq!(
            squeeze(&lines.concat()),
            squeeze(label),
            "{label:?} → {lines:?}"
        );
        let words: Vec<String> = lines.iter().flat_map(|line| runs(line)).collect();
        assert_eq!(words, runs(label), "{label:?} → {lines:?}");
    }

    proptest! {
        #[test]
        fn wrapping_never_splits_a_latin_word(
            parts in proptest::collection::vec(
                prop_oneof![
                    "[A-Za-z0-9./()+#-]{1,18}",
                    "[ぁ-んァ-ヶー一-龥]{1,12}",
                    Just(" ".to_owned()),
                    Just("、".to_owned()),
                    Just("・".to_owned()),
                    Just("（".to_owned()),
                    Just("）".to_owned()),
                ],
                0..12,
            ),
            width in 1.0f64..20.0,
        ) {
            assert_keeps_words(&parts.concat(), width);
        }
    }
}
