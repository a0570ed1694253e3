//! Small text rules shared by the section readers: heading numbering,
//! `label: value` lines, and splitting a cell into the names it lists.
//!
//! These rules are about how guides are *written* (emoji numbering, `など`,
//! parenthesised examples), not about which names are the same thing; that
//! belongs to the graph's canonical names.

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Leading decoration of a heading: emoji, keycap digits, `1.`, `Q3.`, `Step 2:`.
static HEADING_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\p{So}\p{Sk}\x{FE0F}\x{20E3}\x{200D}#*>|-]*(?:[0-9]+\x{FE0F}?\x{20E3}|\x{1F51F})?[\s\p{So}\x{FE0F}]*(?:(?i:q|step|ステップ|第)?\s*[0-9０-９]+\s*(?:[.)．）:：、]|章|\s)\s*)?",
    )
    .expect("static regex")
});

/// A `Q1.`-style question marker at the start of a heading or item. A bare
/// `Q` needs a number or punctuation after it, so `QoS` stays a word.
static QUESTION_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[QqＱ](?:[0-9０-９]+\s*[.．:：)）]?|\s*[.．:：)）])|質問\s*[0-9０-９]*\s*[.．:：]|Question\s*[0-9]*\s*[.:])")
        .expect("static regex")
});

/// A keycap digit (`4️⃣`) or `🔟`: how top-level sections are numbered.
static KEYCAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]\x{FE0F}?\x{20E3}|\x{1F51F}").expect("static regex"));

/// Removes emoji, keycaps and numbering from the start of a heading.
pub fn strip_numbering(heading: &str) -> String {
    let rest = HEADING_PREFIX.replace(heading, "");
    rest.trim().to_owned()
}

/// True when a heading is numbered like a list item (`3.`, `Q2.`, `Step 1:`,
/// `第2章`), the way guides number the items inside a section.
pub fn is_numbered(heading: &str) -> bool {
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[\s\p{So}\p{Sk}\x{FE0F}#*>|-]*(?i:q|step|ステップ|第)?\s*[0-9０-９]+\s*(?:[.)．）:：、]|章|\s)",
        )
        .expect("static regex")
    });
    NUMBERED.is_match(heading)
}

/// True when a heading carries a keycap number (`4️⃣`, `🔟`).
pub fn has_keycap(heading: &str) -> bool {
    KEYCAP.is_match(heading)
}

/// True when a heading opens with an emoji (`🏷️ #推奨タグ`, `✨ 結論`), the
/// way guides decorate section headings but not the items inside them.
pub fn starts_with_emoji(heading: &str) -> bool {
    static EMOJI: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*[\p{So}\p{Sk}]").expect("static regex"));
    EMOJI.is_match(heading)
}

/// True when the text starts like a question heading (`Q1.`, `質問:`).
pub fn is_question_marker(text: &str) -> bool {
    QUESTION_MARKER.is_match(text)
}

/// Removes a leading `Q1.` / `質問:` marker.
pub fn strip_question_marker(text: &str) -> String {
    QUESTION_MARKER.replace(text, "").trim().to_owned()
}

/// Splits `label: value` (ASCII or full-width colon) when the label is short.
pub fn split_label(text: &str) -> Option<(&str, &str)> {
    let at = text.find([':', '：'])?;
    let label = text[..at].trim();
    let value = text[at..].trim_start_matches([':', '：']).trim();
    let short = !label.is_empty() && label.chars().count() <= 24 && !label.contains('。');
    short.then_some((label, value))
}

/// True when `label` (a label, a column header or a heading) names one of
/// the `wanted` words: it contains the word, ignoring Latin case (`Detail:`
/// is the label `detail`).
///
/// A word of one Latin letter (`q`, `a`) must be the whole label: a single
/// letter sits inside most English labels (`Detail` holds an `a`). A word
/// of one kanji (`例`, `本`) means something on its own and is matched
/// inside a label like any longer word, so `企業例` names `例`.
pub fn label_matches(label: &str, wanted: &[&str]) -> bool {
    let label = lowercase(label);
    wanted.iter().any(|word| {
        if is_one_latin_letter(word) {
            label == *word
        } else {
            label.contains(word)
        }
    })
}

/// Where `text` holds `word`, as byte spans. Japanese is matched anywhere
/// (it has no spaces); a Latin word only whole, followed by nothing or by
/// one of `endings` (`["", "s"]` allows a plural), so that `lead` is not
/// found in `misleading`.
pub(crate) fn word_spans<'t>(
    text: &'t str,
    word: &'t str,
    endings: &'t [&'t str],
) -> impl Iterator<Item = (usize, usize)> + 't {
    text.match_indices(word)
        .filter_map(move |(at, _)| word_at(text, at, word, endings))
}

/// The span of `word` found at byte `at` of `text`, by the rule of
/// [`word_spans`]: a Latin word must stand whole, followed by nothing or by
/// one of `endings`; `None` when it does not.
pub(crate) fn word_at(
    text: &str,
    at: usize,
    word: &str,
    endings: &[&str],
) -> Option<(usize, usize)> {
    let end = at + word.len();
    let latin = word.starts_with(|c: char| c.is_ascii_alphanumeric());
    if !latin {
        return Some((at, end));
    }
    let starts = !text[..at].ends_with(char::is_alphanumeric);
    let after = &text[end..];
    let ending = endings.iter().find(|ending| {
        after
            .strip_prefix(**ending)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })?;
    starts.then_some((at, end + ending.len()))
}

/// `text` lowercased, borrowed when it has nothing to lower: labels are
/// mostly Japanese, which has no case, and every label of every guide is
/// lowered (Unicode's lowercasing looks each character up in a table).
fn lowercase(text: &str) -> Cow<'_, str> {
    if text.chars().all(plainly_uncased) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// ASCII other than capitals, and the CJK punctuation, kana and
/// ideographs, which have no case: most of what guides are written in, and
/// what callers that lowercase every character pass over first.
pub(crate) fn plainly_uncased(ch: char) -> bool {
    if ch.is_ascii() {
        !ch.is_ascii_uppercase()
    } else {
        matches!(ch, '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}')
    }
}

fn is_one_latin_letter(word: &str) -> bool {
    word.len() == 1 && word.is_ascii()
}

/// Splits `Name (Other Name)` into the name and what the parentheses hold;
/// a team named `開発チーム（Dev Team）` is `開発チーム` with alias `Dev Team`.
pub fn name_and_parenthesised(text: &str) -> (String, Vec<String>) {
    static PARENS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[(（]([^()（）]*)[)）]").expect("static regex"));
    let aliases = PARENS
        .captures_iter(text)
        .filter_map(|caps| caps.get(1))
        .map(|inner| clean_name(inner.as_str()))
        .filter(|inner| !inner.is_empty())
        .collect();
    let outer = PARENS.replace_all(text, " ");
    let name = outer.split_whitespace().collect::<Vec<_>>().join(" ");
    (clean_name(&name), aliases)
}

/// Trims a name: spaces, `など`, closing punctuation and quote brackets.
pub fn clean_name(name: &str) -> String {
    let mut name = name.trim();
    loop {
        let before = name;
        name = name
            .trim_end_matches(['。', '.', '、', ',', '，', ':', '：'])
            .trim();
        name = name.strip_suffix("など").unwrap_or(name).trim();
        name = name.strip_suffix("等").unwrap_or(name).trim();
        if name == before {
            break;
        }
    }
    let name = name
        .trim_matches(['『', '』', '「', '」', '"', '“', '”'])
        .trim();
    name.to_owned()
}

/// Phrases after the names in a tools cell that start its description.
const NAME_LIST_ENDINGS: &[&str] = &[
    "など",
    "を用いた",
    "を用いて",
    "を中心とした",
    "を中心に",
    "を使った",
    "を使用した",
    "を活用した",
    "による",
    "で構築",
];

/// Splits a tools cell such as `Git (GitHub, GitLab), Lokiなどを用いた…`
/// into the names it lists.
///
/// The names stop where the description starts (`など`, `を用いた`, …).
/// Parentheses that hold names add them (`ELK Stack (Elasticsearch, …)`);
/// parentheses that describe (`Terraform (マルチクラウド対応)`) are dropped.
/// Parenthesised names in the description (`ログ管理（ELK/Loki）`) count too.
/// Terms in `unsplittable` (`CI/CD`) are never cut at their slash.
pub fn split_tool_cell(cell: &str, unsplittable: &[String]) -> Vec<String> {
    let (head, tail) = split_at_description(cell);
    let mut names = Vec::new();
    for part in split_outside_parens(head, &[',', '，', '、']) {
        let (outer, inner) = take_parenthesis(&part);
        names.extend(split_slashes(&outer, unsplittable));
        if let Some(inner) = inner.filter(|inner| holds_names(inner, unsplittable)) {
            names.extend(split_list(inner, unsplittable));
        }
    }
    for inner in parenthesised(tail) {
        if holds_names(inner, unsplittable) {
            names.extend(split_list(inner, unsplittable));
        }
    }
    dedup_names(names)
}

/// Splits a list of company names written with `、` or `,`.
///
/// `日立などのIoTプラットフォーム部門` keeps `日立`; generic phrases that
/// name a kind of company rather than a company (`証券会社`,
/// `メガバンクのデジタル部門`) are left out.
pub fn split_companies(cell: &str) -> Vec<String> {
    let names = split_outside_parens(cell, &['、', ',', '，', '/', '／'])
        .into_iter()
        .map(|part| match part.find("など") {
            Some(at) => part[..at].to_owned(),
            None => part,
        })
        .map(|part| clean_name(&part))
        .filter(|name| !name.is_empty() && !is_generic_company_phrase(name))
        .collect();
    dedup_names(names)
}

/// Endings that make a phrase a kind of company, not a company's name:
/// a real name rarely ends in them (`決済サービス`, `ベンチャー企業`).
const GENERIC_COMPANY_ENDINGS: &[&str] = &[
    "企業",
    "部門",
    "全般",
    "サービス",
    "機関",
    "各社",
    "業界",
    "スタートアップ",
    "ベンダー",
];

/// Endings that real names end in too (`みずほ銀行`, `楽天証券`): the
/// phrase is generic only when what comes before them is (`大手銀行`,
/// `ネット証券会社`).
const KIND_ENDINGS: &[&str] = &["会社", "銀行", "証券", "保険", "生命"];

/// Endings of a registered company's name (`SCSK株式会社`).
const REGISTERED_ENDINGS: &[&str] = &["株式会社", "有限会社", "合同会社"];

/// Particles that only appear in descriptive phrases, never in company names.
const DESCRIPTIVE_PARTICLES: &[&str] = &["の", "を", "する", "提供", "主要な"];

/// Words that say what kind of company, not which: a name made of these
/// and a kind ending (`大手証券会社`, `ネット銀行`) names no company,
/// while `みずほ銀行` does.
const GENERIC_COMPANY_WORDS: &[&str] = &[
    "大手",
    "中堅",
    "中小",
    "新興",
    "外資系",
    "外資",
    "日系",
    "国内",
    "海外",
    "地方",
    "グローバル",
    "メガ",
    "ネット",
    "デジタル",
    "証券",
    "保険",
    "金融",
    "信託",
    "地銀",
    "通信",
    "製造",
    "小売",
    "物流",
    "自動車",
    "ゲーム",
    "Web",
    "IT",
    "SIer",
    "SaaS",
    "B2B",
    "B2C",
    "FinTech",
    "Fintech",
    "クラウド",
    "コンサルティング",
    "コンサル",
    "事業",
    "系",
    "各種",
    "一般",
    "関連",
];

/// Whether `name` names a kind of company rather than a company. Whole
/// names are judged: `みずほ銀行` is a bank, `ネット銀行` a kind of bank.
fn is_generic_company_phrase(name: &str) -> bool {
    if REGISTERED_ENDINGS
        .iter()
        .any(|ending| name.ends_with(ending))
    {
        return false;
    }
    DESCRIPTIVE_PARTICLES
        .iter()
        .any(|particle| name.contains(particle))
        || GENERIC_COMPANY_ENDINGS
            .iter()
            .any(|ending| name.ends_with(ending))
        || KIND_ENDINGS.iter().any(|ending| {
            name.strip_suffix(ending)
                .is_some_and(|kind| only_generic_words(kind.trim()))
        })
}

/// Whether `text` is nothing but generic words (or nothing at all).
fn only_generic_words(text: &str) -> bool {
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some(word) = GENERIC_COMPANY_WORDS
            .iter()
            .filter(|word| rest.starts_with(**word))
            .max_by_key(|word| word.len())
        else {
            return false;
        };
        rest = rest[word.len()..].trim_start_matches([' ', '・']);
    }
    true
}

/// Splits a cell into names at `,` `、` and ` / ` (outside parentheses),
/// keeping unsplittable terms whole; used for plain name lists.
pub fn split_list(text: &str, unsplittable: &[String]) -> Vec<String> {
    let names = split_outside_parens(text, &[',', '，', '、'])
        .iter()
        .flat_map(|part| split_slashes(part, unsplittable))
        .collect();
    dedup_names(names)
}

fn split_at_description(cell: &str) -> (&str, &str) {
    let cut = NAME_LIST_ENDINGS
        .iter()
        .filter_map(|ending| cell.find(ending))
        .min()
        .unwrap_or(cell.len());
    (&cell[..cut], &cell[cut..])
}

fn split_slashes(part: &str, unsplittable: &[String]) -> Vec<String> {
    let part = clean_name(part);
    if part.is_empty() {
        return Vec::new();
    }
    let keep_whole = unsplittable
        .iter()
        .any(|term| part.eq_ignore_ascii_case(term))
        || !part.contains(['/', '／']);
    if keep_whole {
        return vec![part];
    }
    // A writer who separates names with a spaced slash (`Kafka / Pub/Sub`)
    // leaves the unspaced slashes inside names.
    static SPACED_SLASH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+[/／]\s+").expect("static regex"));
    if SPACED_SLASH.is_match(&part) {
        return SPACED_SLASH
            .split(&part)
            .map(clean_name)
            .filter(|name| !name.is_empty())
            .collect();
    }
    part.split(['/', '／'])
        .map(clean_name)
        .filter(|name| !name.is_empty())
        .collect()
}

/// A name list in parentheses is made of Latin names; a description is not.
fn holds_names(inner: &str, unsplittable: &[String]) -> bool {
    let parts = split_list(inner, unsplittable);
    !parts.is_empty() && parts.iter().all(|part| looks_like_a_name(part))
}

fn looks_like_a_name(part: &str) -> bool {
    part.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && part
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " .-+#_&".contains(c))
}

/// Returns the text outside the first parenthesis and the text inside it.
fn take_parenthesis(part: &str) -> (String, Option<&str>) {
    let Some(open) = part.find(['(', '（']) else {
        return (part.to_owned(), None);
    };
    let after = &part[open..];
    let open_len = after.chars().next().map_or(1, char::len_utf8);
    let Some(close) = after.find([')', '）']) else {
        return (part[..open].to_owned(), Some(&after[open_len..]));
    };
    let inner = &after[open_len..close];
    let close_len = after[close..].chars().next().map_or(1, char::len_utf8);
    let outer = format!("{}{}", &part[..open], &after[close + close_len..]);
    (outer, Some(inner))
}

/// Every parenthesised run in `text`.
fn parenthesised(text: &str) -> impl Iterator<Item = &str> {
    text.split(['(', '（'])
        .skip(1)
        .filter_map(|rest| rest.find([')', '）']).map(|close| &rest[..close]))
}

/// Splits at `separators` that are not inside parentheses.
fn split_outside_parens(text: &str, separators: &[char]) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for ch in text.chars() {
        match ch {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && separators.contains(&ch) {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(ch);
        }
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|part| part.trim().to_owned())
        .filter(|part| !part.is_empty())
        .collect()
}

fn dedup_names(names: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .filter(|name| !name.is_empty() && seen.insert(name.to_lowercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms() -> Vec<String> {
        vec!["CI/CD".to_owned(), "TCP/IP".to_owned()]
    }

    #[test]
    fn heading_decoration_is_removed() {
        assert_eq!(
            strip_numbering("1️⃣ Platform Engineerとは？"),
            "Platform Engineerとは？"
        );
        assert_eq!(strip_numbering("🔟 まとめ"), "まとめ");
        assert_eq!(
            strip_numbering("🚀 技術スキル（ハードスキル）"),
            "技術スキル（ハードスキル）"
        );
        assert_eq!(
            strip_numbering("3. インフラストラクチャのコード化 (IaC) の推進"),
            "インフラストラクチャのコード化 (IaC) の推進"
        );
        assert_eq!(strip_numbering("5Gの普及"), "5Gの普及");
        assert_eq!(strip_numbering("Step 2: Linux"), "Linux");
    }

    #[test]
    fn numbered_headings_are_told_from_keycaps_and_numbers_in_words() {
        assert!(is_numbered("7. プログラミングとカスタムツールの開発"));
        assert!(is_numbered("Step 2: Linux"));
        assert!(is_numbered("Q3. QoS"));
        assert!(is_numbered("第２章 スキル"));
        assert!(!is_numbered("4️⃣ 協業スタイル"));
        assert!(!is_numbered("5Gの普及"));
        assert!(!is_numbered("Collaboration"));
    }

    #[test]
    fn keycaps_are_recognised() {
        assert!(has_keycap("### 4️⃣ 協業"));
        assert!(has_keycap("🔟 まとめ"));
        assert!(!has_keycap("1. 開発チーム"));
    }

    #[test]
    fn labels_accept_both_colons() {
        assert_eq!(split_label("詳細: text"), Some(("詳細", "text")));
        assert_eq!(split_label("目的：goal"), Some(("目的", "goal")));
        assert_eq!(split_label("連携内容と目的:"), Some(("連携内容と目的", "")));
        assert_eq!(split_label("no label here"), None);
    }

    #[test]
    fn a_one_letter_label_word_names_only_the_whole_label() {
        assert!(label_matches("Q", &["q"]));
        assert!(label_matches("主なＴＯＯＬ", &["ｔｏｏｌ"]));
        assert!(label_matches("必要なスキル", &["スキル"]));
        assert!(!label_matches("Quality", &["q"]));
        assert!(!label_matches("Detail", &["a"]));
        assert!(label_matches("企業例", &["例"]));
        assert!(label_matches("Detail", &["detail"]));
    }

    #[test]
    fn parenthesised_team_names_become_aliases() {
        assert_eq!(
            name_and_parenthesised("開発チーム（Dev Team）"),
            ("開発チーム".to_owned(), vec!["Dev Team".to_owned()])
        );
        assert_eq!(
            name_and_parenthesised("SRE (Site Reliability Engineering) / 運用チーム").0,
            "SRE / 運用チーム"
        );
    }

    #[test]
    fn a_slash_list_after_a_comma_gives_every_tool() {
        let names = split_tool_cell(
            "Git, GitHub/GitLab/Bitbucketを用いたコードベースの管理",
            &terms(),
        );
        assert_eq!(names, vec!["Git", "GitHub", "GitLab", "Bitbucket"]);
    }

    #[test]
    fn parentheses_holding_names_add_them() {
        let names = split_tool_cell(
            "ELK Stack (Elasticsearch, Logstash, Kibana), Splunk, Lokiなどを用いたログの収集",
            &terms(),
        );
        assert_eq!(
            names,
            vec![
                "ELK Stack",
                "Elasticsearch",
                "Logstash",
                "Kibana",
                "Splunk",
                "Loki"
            ]
        );
    }

    #[test]
    fn parentheses_that_describe_are_dropped() {
        let names = split_tool_cell(
            "Terraform (マルチクラウド対応), Ansible (設定管理), CloudFormation (AWS特化) を用いたインフラの自動プロビジョニング。",
            &terms(),
        );
        assert_eq!(names, vec!["Terraform", "Ansible", "CloudFormation"]);
    }

    #[test]
    fn names_in_the_description_count_when_parenthesised() {
        let names = split_tool_cell(
            "Prometheus, Grafana, Datadog, New Relicなどによるメトリクス収集、ログ管理（ELK/Loki）、分散トレース（Jaeger）。",
            &terms(),
        );
        assert_eq!(
            names,
            vec![
                "Prometheus",
                "Grafana",
                "Datadog",
                "New Relic",
                "ELK",
                "Loki",
                "Jaeger"
            ]
        );
    }

    #[test]
    fn spaced_slashes_separate_names_that_contain_a_slash() {
        assert_eq!(
            split_tool_cell("Kafka / Pub/Sub", &terms()),
            vec!["Kafka", "Pub/Sub"]
        );
        assert_eq!(
            split_list("Prometheus, Grafana / Loki", &terms()),
            vec!["Prometheus", "Grafana", "Loki"]
        );
    }

    #[test]
    fn unsplittable_terms_keep_their_slash() {
        assert_eq!(
            split_list("CI/CD, TCP/IP, A/B", &terms()),
            vec!["CI/CD", "TCP/IP", "A", "B"]
        );
    }

    #[test]
    fn companies_drop_generic_phrases_and_nado() {
        assert_eq!(
            split_companies("メルカリ、LINEヤフー、DeNA、リクルート、SmartHRなど"),
            vec!["メルカリ", "LINEヤフー", "DeNA", "リクルート", "SmartHR"]
        );
        assert_eq!(
            split_companies("PayPay、マネーフォワード、メガバンクのデジタル部門、証券会社"),
            vec!["PayPay", "マネーフォワード"]
        );
        assert_eq!(
            split_companies("トヨタ、ソニー、日立などのIoTプラットフォーム部門"),
            vec!["トヨタ", "ソニー", "日立"]
        );
        assert!(split_companies("B2B SaaSを提供する成長中のスタートアップ全般").is_empty());
    }

    #[test]
    fn a_company_whose_name_ends_in_a_generic_word_is_still_a_company() {
        assert_eq!(
            split_companies("みずほ銀行、三菱UFJ銀行、大手銀行、ネット銀行、証券会社、楽天証券"),
            vec!["みずほ銀行", "三菱UFJ銀行", "楽天証券"]
        );
        assert_eq!(
            split_companies("SCSK株式会社、外資系IT企業、NTTデータ、通信キャリア各社"),
            vec!["SCSK株式会社", "NTTデータ"]
        );
    }

    #[test]
    fn names_are_cleaned_of_nado_and_brackets() {
        assert_eq!(clean_name("『Terraform実践入門』。"), "Terraform実践入門");
        assert_eq!(clean_name("SmartHRなど"), "SmartHR");
    }

    #[test]
    fn the_characters_taken_as_uncased_have_no_lowercase_form() {
        let uncased: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|ch| plainly_uncased(*ch))
            .collect();
        assert!(uncased.len() > 20_000);
        for ch in uncased {
            assert_eq!(
                ch.to_lowercase().collect::<String>(),
                ch.to_string(),
                "U+{:04X}",
                ch as u32
            );
        }
        assert!(!plainly_uncased('Q') && !plainly_uncased('Ｑ'));
    }
}
