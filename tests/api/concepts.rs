//! Concepts and labels over real HTTP, answered from the shipped seeds:
//! every job and skill has an English label, a concept knows the jobs
//! that use it in their own words, and `labels(lang:)` reads BCP 47 tags.

use crate::support::{data, seeds_app, strings};
use serde_json::Value;

/// `[{lang, text}]` as `lang → text`.
fn labels(list: &Value) -> Vec<(String, String)> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|label| {
            (
                label["lang"].as_str().expect("a lang").to_owned(),
                label["text"].as_str().expect("a text").to_owned(),
            )
        })
        .collect()
}

fn english(list: &Value) -> Option<String> {
    labels(list)
        .into_iter()
        .find_map(|(lang, text)| (lang == "en").then_some(text))
}

#[tokio::test]
async fn every_job_skill_and_concept_of_the_seeds_has_an_english_label() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ corpus { unlabelled { id: nodeId } }
             skills(first: 100) { edges { node { name labels { lang text } } } }
             jobs(first: 100, filter: { hasGuide: true }) { edges { node { slug labels { lang text } } } } }"#,
    )
    .await;
    assert_eq!(answer["corpus"]["unlabelled"], serde_json::json!([]));
    let skills = answer["skills"]["edges"].as_array().expect("skills");
    assert!(skills.len() > 20);
    for skill in skills {
        let node = &skill["node"];
        assert!(english(&node["labels"]).is_some(), "{node}");
    }
    for job in answer["jobs"]["edges"].as_array().expect("jobs") {
        let node = &job["node"];
        assert!(english(&node["labels"]).is_some(), "{node}");
    }
}

#[tokio::test]
async fn a_japanese_skill_keeps_its_own_name_and_gains_the_glossary_english() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ skill(name: "オブザーバビリティ") { labels { lang text } en: labels(lang: "en-GB") { lang text } }
             job(slug: "platform_engineer") { labels { lang text } } }"#,
    )
    .await;
    let skill = &answer["skill"];
    assert_eq!(
        labels(&skill["labels"]),
        vec![
            ("ja".to_owned(), "オブザーバビリティ".to_owned()),
            ("en".to_owned(), "observability".to_owned())
        ]
    );
    assert_eq!(
        labels(&skill["en"]),
        vec![("en".to_owned(), "observability".to_owned())]
    );
    assert_eq!(
        labels(&answer["job"]["labels"]),
        vec![
            ("ja".to_owned(), "プラットフォームエンジニア".to_owned()),
            ("en".to_owned(), "Platform Engineer".to_owned())
        ]
    );
}

#[tokio::test]
async fn a_language_with_no_labels_answers_an_empty_list() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ skill(name: "オブザーバビリティ") { labels(lang: "fr") { text } none: labels(lang: "") { text } } }"#,
    )
    .await;
    assert_eq!(answer["skill"]["labels"], serde_json::json!([]));
    assert_eq!(answer["skill"]["none"], serde_json::json!([]));
}

#[tokio::test]
async fn a_concept_lists_the_jobs_that_use_it_in_their_own_words() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ node(id: "concept:developer_experience") { id ... on Concept {
               name origin labels { lang text }
               jobs { nodes { weight written job { slug } } } } } }"#,
    )
    .await;
    let concept = &answer["node"];
    assert_eq!(concept["id"], "concept:developer_experience");
    assert_eq!(concept["origin"], "GLOSSARY");
    assert_eq!(
        english(&concept["labels"]).as_deref(),
        Some("developer experience")
    );
    let jobs = concept["jobs"]["nodes"].as_array().expect("jobs");
    let platform = jobs
        .iter()
        .find(|used| used["job"]["slug"] == "platform_engineer")
        .unwrap_or_else(|| panic!("the platform guide speaks of developer experience: {jobs:?}"));
    let written = platform["written"].as_str().expect("written");
    assert!(
        ["開発者体験", "Developer Experience"].contains(&written),
        "{written}"
    );
    let weights: Vec<f64> = jobs
        .iter()
        .map(|used| used["weight"].as_f64().expect("a weight"))
        .collect();
    assert!(
        weights.windows(2).all(|pair| pair[0] >= pair[1]),
        "{weights:?}"
    );
    assert!(weights.iter().all(|weight| (0.0..=1.0).contains(weight)));
}

#[tokio::test]
async fn a_skill_name_inside_another_meets_it_at_a_concept() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ skill(name: "コンテナ技術") { concepts { id skills { nodes { name } } } } }"#,
    )
    .await;
    let concepts = answer["skill"]["concepts"].as_array().expect("concepts");
    let joined = concepts.iter().any(|concept| {
        concept["skills"]["nodes"]
            .as_array()
            .expect("skills")
            .iter()
            .any(|skill| skill["name"] == "コンテナ技術とオーケストレーション")
    });
    assert!(joined, "{concepts:?}");
}

#[tokio::test]
async fn a_specific_concept_weighs_more_than_one_every_role_uses() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ job(slug: "platform_engineer") { concepts { weight concept { id } } } }"#,
    )
    .await;
    let uses = answer["job"]["concepts"].as_array().expect("concepts");
    let weight_of = |id: &str| {
        uses.iter()
            .find(|used| used["concept"]["id"] == id)
            .and_then(|used| used["weight"].as_f64())
            .unwrap_or_else(|| panic!("{id} is not among {uses:?}"))
    };
    // Only the platform guide speaks of developer engagement, once, in a
    // skill row; both seeds speak of automation, again and again.
    assert!(weight_of("concept:developer_engagement") > weight_of("concept:automation"));
}

#[tokio::test]
async fn a_text_gives_its_concepts_with_offsets_and_the_skills_they_imply() {
    let app = seeds_app().await;
    let text = "SREを5年。SLOとエラーバジェットを決め、ポストモーテムを書く文化を作った。Terraformによるインフラのコード化も担当。";
    let query = format!(
        r#"{{ extractSkills(text: {text:?}) {{ text
               concepts {{ surface start end node {{ id }} }}
               impliedSkills {{ confidence skill {{ name }} because {{ id }} }} }} }}"#
    );
    let answer = data(&app, &query).await;
    let extraction = &answer["extractSkills"];
    let plain: Vec<char> = extraction["text"].as_str().expect("text").chars().collect();
    let concepts = extraction["concepts"].as_array().expect("concepts");
    let surfaces: Vec<&str> = concepts
        .iter()
        .map(|concept| concept["surface"].as_str().expect("a surface"))
        .collect();
    for wanted in [
        "SLO",
        "エラーバジェット",
        "ポストモーテム",
        "インフラのコード化",
    ] {
        assert!(surfaces.contains(&wanted), "{wanted} in {surfaces:?}");
    }
    for concept in concepts {
        let (start, end) = (
            concept["start"].as_u64().expect("start") as usize,
            concept["end"].as_u64().expect("end") as usize,
        );
        let written: String = plain[start..end].iter().collect();
        assert_eq!(written, concept["surface"].as_str().expect("a surface"));
    }
    let implied = extraction["impliedSkills"]
        .as_array()
        .expect("implied skills");
    let iac = implied
        .iter()
        .find(|skill| skill["skill"]["name"] == "IaC (Infrastructure as Code)")
        .unwrap_or_else(|| panic!("インフラのコード化 implies IaC: {implied:?}"));
    assert!(iac["confidence"].as_f64().expect("a confidence") >= 0.9);
    assert_eq!(iac["because"][0]["id"], "concept:infrastructure_as_code");
}

/// The skills `text` implies, as (name, confidence, concepts because).
async fn implied(app: &crate::support::TestApp, text: &str) -> Vec<(String, f64, usize)> {
    let query = format!(
        r#"{{ extractSkills(text: {text:?}) {{ impliedSkills {{ confidence skill {{ name }} because {{ id }} }} }} }}"#
    );
    let answer = data(app, &query).await;
    answer["extractSkills"]["impliedSkills"]
        .as_array()
        .expect("implied skills")
        .iter()
        .map(|implied| {
            (
                implied["skill"]["name"]
                    .as_str()
                    .expect("a name")
                    .to_owned(),
                implied["confidence"].as_f64().expect("a confidence"),
                implied["because"].as_array().map_or(0, Vec::len),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_line_saying_what_a_skill_is_described_as_implies_it() {
    let app = seeds_app().await;
    // The platform guide describes 開発者エンゲージメント as collecting
    // developers' feedback into the platform's roadmap; neither line
    // names the skill.
    let said = implied(
        &app,
        "開発者のフィードバックを集めて、ロードマップに反映してきました。",
    )
    .await;
    let engagement = said
        .iter()
        .find(|(name, _, _)| name == "開発者エンゲージメント")
        .unwrap_or_else(|| panic!("the line describes 開発者エンゲージメント: {said:?}"));
    assert!((0.6..=0.9).contains(&engagement.1), "{engagement:?}");
    assert_eq!(engagement.2, 0, "described, not implied by a concept");
    // One word of the description is not enough.
    let glanced = implied(&app, "ロードマップを作りました。").await;
    assert!(
        glanced
            .iter()
            .all(|(name, _, _)| name != "開発者エンゲージメント"),
        "{glanced:?}"
    );
}

/// The concepts `text` is read to state, by the surface written.
async fn stated(app: &crate::support::TestApp, text: &str) -> Vec<String> {
    let query = format!(r#"{{ extractSkills(text: {text:?}) {{ concepts {{ surface }} }} }}"#);
    let answer = data(app, &query).await;
    strings(&answer["extractSkills"]["concepts"], "surface")
}

#[tokio::test]
async fn a_tool_names_what_its_tools_table_category_says() {
    let app = seeds_app().await;
    // Both guides list Terraform under an IaC category, and Prometheus
    // under 監視; neither line writes the skill or the concept.
    let said = implied(&app, "Terraformを使っています。").await;
    let iac = said
        .iter()
        .find(|(name, _, _)| name == "IaC (Infrastructure as Code)")
        .unwrap_or_else(|| panic!("Terraform implies IaC: {said:?}"));
    assert!((0.6..1.0).contains(&iac.1), "{iac:?}");
    let said = implied(&app, "Prometheusでの監視").await;
    assert!(
        said.iter()
            .any(|(name, sure, _)| name == "オブザーバビリティ" && *sure >= 0.6),
        "monitoring with Prometheus is observability: {said:?}"
    );
    // A tool no category names implies nothing by category.
    let said = implied(&app, "Backstageを触りました。").await;
    assert!(
        said.iter()
            .all(|(name, _, _)| name != "IaC (Infrastructure as Code)"),
        "{said:?}"
    );
}

#[tokio::test]
async fn a_skill_known_brings_the_skill_of_other_words_it_is_one_ability_with() {
    let folder = two_phrasings();
    let app = crate::support::spawn_app(folder.path(), crate::support::settings()).await;
    // `Observability design` is more than the ability `オブザーバビリティ`
    // names: knowing it brings the ability, joined by one concept.
    let said = implied(&app, "Observability design for our payments platform.").await;
    let ability = said
        .iter()
        .find(|(name, _, _)| name == "オブザーバビリティ")
        .unwrap_or_else(|| panic!("one ability in other words: {said:?}"));
    assert!(
        (0.6..1.0).contains(&ability.1),
        "less sure than named: {ability:?}"
    );
    assert_eq!(ability.2, 1, "joined by one concept: {ability:?}");
    // The bare ability does not bring the skill that says more.
    let said = implied(&app, "オブザーバビリティの基盤を担当。").await;
    assert!(
        said.iter()
            .all(|(name, _, _)| name != "Observability design"),
        "{said:?}"
    );
}

#[tokio::test]
async fn a_part_known_brings_its_compound_and_a_compound_its_parts() {
    let app = seeds_app().await;
    // The cloud-native guide's オーケストレーション is a part of the
    // platform guide's コンテナ技術とオーケストレーション.
    let said = implied(&app, "オーケストレーションの経験があります。").await;
    let compound = said
        .iter()
        .find(|(name, _, _)| name == "コンテナ技術とオーケストレーション")
        .unwrap_or_else(|| panic!("a part brings its compound: {said:?}"));
    assert!(
        (0.6..1.0).contains(&compound.1),
        "less sure than named: {compound:?}"
    );
    let said = implied(&app, "コンテナ技術とオーケストレーションを担当。").await;
    for part in ["コンテナ技術", "オーケストレーション"] {
        assert!(
            said.iter()
                .any(|(name, sure, _)| name == part && *sure >= 0.6),
            "{part} in {said:?}"
        );
    }
}

#[tokio::test]
async fn a_broad_word_is_stated_and_a_word_that_says_nothing_is_not() {
    let app = seeds_app().await;
    let text = "チームで監査対応とダッシュボードの整備を担当しました。";
    let surfaces = stated(&app, text).await;
    for broad in ["監査", "ダッシュボード"] {
        assert!(
            surfaces.iter().any(|s| s.starts_with(broad)),
            "{broad} in {surfaces:?}"
        );
    }
    assert!(!surfaces.contains(&"チーム".to_owned()), "{surfaces:?}");
    // A broad word implies no skill by itself.
    let said = implied(&app, text).await;
    assert!(said.is_empty(), "{said:?}");
    // A word that says nothing joins no role, though every guide writes
    // it; a broad one does.
    let used_by = |name: &'static str| {
        let app = &app;
        async move {
            let query = format!(r#"{{ concept(name: {name:?}) {{ jobs {{ totalCount }} }} }}"#);
            data(app, &query).await["concept"]["jobs"]["totalCount"]
                .as_i64()
                .expect("a count")
        }
    };
    assert_eq!(used_by("チーム").await, 0);
    assert!(used_by("監査").await > 0);
}

#[tokio::test]
async fn a_word_showing_an_ability_at_work_implies_it_and_is_not_stated() {
    let folder = crate::support::seeds_copy(&["aliases.json", "glossary.json"]);
    std::fs::write(
        folder.path().join("developer_advocate.md"),
        "---json\n{ \"slug\": \"developer_advocate\", \"title\": \"Developer Advocate\" }\n---\n\
         # Developer Advocate\n\n## Skills and Tools\n\n#### Soft skills\n\n\
         | Skill | Description |\n| --- | --- |\n\
         | コミュニケーション | 相手に合わせて話す。 |\n\
         | 教育 | 開発者に教える。 |\n\
         | コミュニケーションと教育 | 話して教える。 |\n",
    )
    .expect("a guide");
    let app = crate::support::spawn_app(folder.path(), crate::support::settings()).await;
    let text = "移行の方針を経営層に説明しました。";
    let said = implied(&app, text).await;
    let communication = said
        .iter()
        .find(|(name, _, _)| name == "コミュニケーション")
        .unwrap_or_else(|| panic!("explaining shows communication: {said:?}"));
    assert!((0.6..1.0).contains(&communication.1), "{communication:?}");
    assert_eq!(communication.2, 1, "because of the cue: {communication:?}");
    // The compound the ability is part of comes along; the other part of
    // the compound, which nothing showed, does not.
    assert!(
        said.iter()
            .any(|(name, sure, _)| name == "コミュニケーションと教育" && *sure >= 0.6),
        "{said:?}"
    );
    assert!(said.iter().all(|(name, _, _)| name != "教育"), "{said:?}");
    // The cue names nothing, so it is never a concept stated.
    let surfaces = stated(&app, text).await;
    assert!(!surfaces.iter().any(|s| s.contains("説明")), "{surfaces:?}");
    // Teaching shows education, in English as well.
    let said = implied(&app, "Taught new hires how we deploy.").await;
    assert!(
        said.iter()
            .any(|(name, sure, _)| name == "教育" && *sure >= 0.6),
        "{said:?}"
    );
}

#[tokio::test]
async fn a_language_the_glossary_calls_a_tool_shows_the_abilities_it_serves() {
    let folder = crate::support::seeds_copy(&["aliases.json", "glossary.json"]);
    std::fs::write(
        folder.path().join("mobile_engineer.md"),
        "---json\n{ \"slug\": \"mobile_engineer\", \"title\": \"Mobile Engineer\" }\n---\n\
         # Mobile Engineer\n\n## Skills and Tools\n\n#### Hard skills\n\n\
         | Skill | Description |\n| --- | --- |\n\
         | iOS開発 | アプリを作る。 |\n\
         | プログラミング言語 | 言語を選ぶ。 |\n",
    )
    .expect("a guide");
    let app = crate::support::spawn_app(folder.path(), crate::support::settings()).await;
    // No guide lists SwiftUI or Swift as a tool; the glossary says what
    // they are for.
    let text = "SwiftUIで画面を作り、Swiftで通信層を書きました。";
    let said = implied(&app, text).await;
    let ios = said
        .iter()
        .find(|(name, _, _)| name == "iOS開発")
        .unwrap_or_else(|| panic!("SwiftUI shows iOS development: {said:?}"));
    assert!((0.6..1.0).contains(&ios.1), "{ios:?}");
    assert!(
        said.iter()
            .any(|(name, sure, _)| name == "プログラミング言語" && *sure >= 0.6),
        "Swift is a programming language: {said:?}"
    );
    // Each is named, and says it is a tool rather than a concept of the
    // work; a concept of the work says it is none.
    let query = format!(
        r#"{{ extractSkills(text: {:?}) {{ concepts {{ surface node {{ ... on Concept {{ tool }} }} }} }} }}"#,
        format!("{text} SLOも決めました。")
    );
    let answer = data(&app, &query).await;
    let concepts = answer["extractSkills"]["concepts"]
        .as_array()
        .expect("concepts");
    let tool = |surface: &str| {
        concepts
            .iter()
            .find(|concept| concept["surface"] == surface)
            .map(|concept| concept["node"]["tool"].clone())
    };
    assert_eq!(tool("SwiftUI"), Some(Value::Bool(true)), "{concepts:?}");
    assert_eq!(tool("Swift"), Some(Value::Bool(true)), "{concepts:?}");
    assert_eq!(tool("SLO"), Some(Value::Bool(false)), "{concepts:?}");
}

#[tokio::test]
async fn a_concept_inside_a_job_title_is_the_title() {
    let app = seeds_app().await;
    let surfaces = stated(&app, "Cloud Native Engineerとして3年。").await;
    assert!(surfaces.is_empty(), "{surfaces:?}");
    let surfaces = stated(&app, "クラウドネイティブな設計に移行しました。").await;
    assert!(
        surfaces.contains(&"クラウドネイティブ".to_owned()),
        "{surfaces:?}"
    );
}

#[tokio::test]
async fn a_skill_named_inside_a_term_of_another_meaning_is_not_named() {
    let folder = crate::support::seeds_copy(&["aliases.json", "glossary.json"]);
    std::fs::write(
        folder.path().join("data_analyst.md"),
        "---json\n{ \"slug\": \"data_analyst\", \"title\": \"Data Analyst\" }\n---\n# Data Analyst\n\n\
         ## Skills and Tools\n\n#### Technical skills\n\n| Skill | Description |\n| --- | --- |\n\
         | SQL | Writing queries against the warehouse. |\n",
    )
    .expect("a guide");
    let app = crate::support::spawn_app(folder.path(), crate::support::settings()).await;
    let named = |text: &'static str| {
        let app = &app;
        async move {
            let query = format!(r#"{{ extractSkills(text: {text:?}) {{ skills {{ name }} }} }}"#);
            strings(&data(app, &query).await["extractSkills"]["skills"], "name")
        }
    };
    assert_eq!(named("SQLでレポートを書く").await, vec!["SQL"]);
    assert!(named("SQLインジェクションを防ぐ").await.is_empty());
    // Nor is the skill implied through the concept `SQL` the attack's name
    // holds, nor stated as one.
    let said = implied(&app, "SQLインジェクションを防ぐ").await;
    assert!(said.iter().all(|(name, _, _)| name != "SQL"), "{said:?}");
    let surfaces = stated(&app, "SQLインジェクションを防ぐ").await;
    assert!(!surfaces.contains(&"SQL".to_owned()), "{surfaces:?}");
}

#[tokio::test]
async fn a_ranked_role_says_why_in_its_own_words_and_its_score_adds_up() {
    let app = seeds_app().await;
    let text = "Platform engineer. I built our internal developer platform and its golden paths, \
                improved developer experience, and ran the CI/CD pipelines on Kubernetes.";
    let query = format!(
        r#"{{ textWeights {{ items concepts title }}
             recommendJobs(text: {text:?}, first: 2) {{ score job {{ slug }}
               evidence {{ items concepts title named sharedConcepts {{ written concept {{ id }} }} }} }} }}"#
    );
    let answer = data(&app, &query).await;
    let weights = &answer["textWeights"];
    let weight = |name: &str| weights[name].as_f64().expect("a weight");
    assert!((weight("items") + weight("concepts") + weight("title") - 1.0).abs() < 1e-9);
    let ranked = answer["recommendJobs"].as_array().expect("ranked roles");
    let best = &ranked[0];
    assert_eq!(best["job"]["slug"], "platform_engineer");
    let evidence = &best["evidence"];
    assert_eq!(evidence["named"], true);
    let facet = |name: &str| evidence[name].as_f64().expect("a facet");
    let sum = weight("items") * facet("items")
        + weight("concepts") * facet("concepts")
        + weight("title") * facet("title");
    assert!((sum - best["score"].as_f64().expect("a score")).abs() < 1e-9);
    let guide =
        std::fs::read_to_string(crate::support::shipped_seeds().join("platform_engineer.md"))
            .expect("the guide");
    let shared = evidence["sharedConcepts"]
        .as_array()
        .expect("shared concepts");
    assert!(!shared.is_empty());
    for concept in shared {
        let written = concept["written"].as_str().expect("written");
        assert!(
            guide.to_lowercase().contains(&written.to_lowercase()),
            "{written} is the guide's own word"
        );
    }
}

#[tokio::test]
async fn names_alone_are_ranked_by_coverage_and_carry_no_text_evidence() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ recommendJobs(skills: ["Kubernetes"], first: 1) { evidence { named } } }"#,
    )
    .await;
    assert_eq!(answer["recommendJobs"][0]["evidence"], Value::Null);
}

#[tokio::test]
async fn concepts_resolve_and_two_letters_are_never_guessed_at() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ resolve(names: ["SLO", "CI/CD", "監視", "error budget", "JS"]) {
               input how node { __typename id } } }"#,
    )
    .await;
    let resolved = answer["resolve"].as_array().expect("resolutions");
    for (name, typename) in [
        ("SLO", "Concept"),
        ("CI/CD", "Concept"),
        ("監視", "Concept"),
        ("error budget", "Concept"),
    ] {
        let found = resolved
            .iter()
            .find(|resolution| resolution["input"] == name)
            .expect("each name answers");
        assert_eq!(found["node"]["__typename"], typename, "{found}");
        assert_ne!(found["how"], "FUZZY", "{found}");
    }
    let js = resolved
        .iter()
        .find(|resolution| resolution["input"] == "JS")
        .expect("JS answers");
    assert_eq!(js["node"], Value::Null, "JS is not Node.js: {js}");
}

/// Two related roles whose guides phrase the same abilities differently:
/// one in English, one in Japanese, with the shipped alias file and glossary.
fn two_phrasings() -> tempfile::TempDir {
    let folder = crate::support::seeds_copy(&["aliases.json", "glossary.json"]);
    let english = r#"---json
{ "slug": "reliability_engineer", "title": "Keeps production calm", "related_jobs": ["infra_operations_engineer"] }
---
# Reliability Engineer

## Skills and Tools

#### Technical skills

| Skill | Description |
| --- | --- |
| Observability design | Metrics, logs and traces that answer new questions. |
| Reliability | Keeping services up within their targets. |
| SLO design | Defining SLIs and SLOs with error budgets. |
| Incident response | Leading the response when production breaks. |
| Capacity planning | Forecasting load and buying headroom. |
"#;
    let japanese = r#"---json
{ "slug": "infra_operations_engineer", "title": "運用を仕組みにする専門家" }
---
# インフラ運用エンジニア

## 必要なスキルとツール

#### 技術スキル

| スキル | 説明 |
| --- | --- |
| オブザーバビリティ | メトリクス、ログ、トレースの統合設計。 |
| リスク管理と信頼性 | 障害時の対応と信頼性向上の計画。 |
| SLO/SLA設計 | サービスレベルの目標と合意を決める。 |
| インシデント対応 | 障害の初動から復旧までを指揮する。 |
| キャパシティプランニング | 負荷を予測して余裕を確保する。 |
"#;
    std::fs::write(folder.path().join("reliability_engineer.md"), english).expect("write");
    std::fs::write(folder.path().join("infra_operations_engineer.md"), japanese).expect("write");
    folder
}

#[tokio::test]
async fn two_guides_in_different_words_share_their_abilities_through_concepts() {
    let folder = two_phrasings();
    let app = crate::support::spawn_app(folder.path(), crate::support::settings()).await;
    let answer = data(
        &app,
        r#"{ skillOverlap(a: "reliability_engineer", b: "infra_operations_engineer") {
               jaccard facets { hardSkills } sharedSkills { name }
               sharedAbilities { a { name } b { name } concept { id } }
               onlyA { skills { name } } onlyB { skills { name } } } }"#,
    )
    .await;
    let overlap = &answer["skillOverlap"];
    let pairs: Vec<(String, String)> = overlap["sharedAbilities"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(|pair| {
            (
                pair["a"]["name"].as_str().expect("a").to_owned(),
                pair["b"]["name"].as_str().expect("b").to_owned(),
            )
        })
        .collect();
    for (a, b) in [
        ("Observability design", "オブザーバビリティ"),
        ("Reliability", "リスク管理と信頼性"),
        ("SLO design", "SLO/SLA設計"),
        ("Incident response", "インシデント対応"),
        ("Capacity planning", "キャパシティプランニング"),
    ] {
        assert!(
            pairs.contains(&(a.to_owned(), b.to_owned())),
            "{a} and {b} are one ability: {pairs:?}"
        );
    }
    let jaccard = overlap["jaccard"].as_f64().expect("jaccard");
    // No skill is shared by name, yet the skill facet sees the abilities.
    assert_eq!(overlap["sharedSkills"], serde_json::json!([]));
    let facet = overlap["facets"]["hardSkills"].as_f64().expect("a facet");
    assert!(
        facet > 0.2,
        "the hard-skill facet counts shared abilities: {facet}"
    );
    assert!(
        jaccard >= 0.5,
        "five shared abilities of ten skills: {jaccard}"
    );
}

#[tokio::test]
async fn a_recommendation_does_not_ask_to_learn_an_ability_already_held() {
    let folder = two_phrasings();
    let app = crate::support::spawn_app(folder.path(), crate::support::settings()).await;
    let answer = data(
        &app,
        r#"{ recommendJobs(text: "I do observability design and SLO design.", first: 5) {
               job { slug } missing { skills { name } } } }"#,
    )
    .await;
    let ranked = answer["recommendJobs"].as_array().expect("ranked");
    let japanese = ranked
        .iter()
        .find(|fit| fit["job"]["slug"] == "infra_operations_engineer")
        .unwrap_or_else(|| panic!("the Japanese role is ranked: {ranked:?}"));
    let missing: Vec<&str> = japanese["missing"]["skills"]
        .as_array()
        .expect("missing skills")
        .iter()
        .map(|skill| skill["name"].as_str().expect("a name"))
        .collect();
    assert!(!missing.contains(&"オブザーバビリティ"), "{missing:?}");
    assert!(!missing.contains(&"SLO/SLA設計"), "{missing:?}");
    assert!(missing.contains(&"キャパシティプランニング"), "{missing:?}");
}

#[tokio::test]
async fn a_transition_between_two_phrasings_of_one_job_has_nothing_to_learn() {
    let folder = two_phrasings();
    let app = crate::support::spawn_app(folder.path(), crate::support::settings()).await;
    let answer = data(
        &app,
        r#"{ transition(from: "reliability_engineer", to: "infra_operations_engineer") {
               skillsToLearn { name } } }"#,
    )
    .await;
    assert_eq!(
        answer["transition"]["skillsToLearn"],
        serde_json::json!([]),
        "every skill of the target is an ability the start has in other words"
    );
}

#[tokio::test]
async fn a_job_and_a_concept_are_found_by_any_of_their_names_in_either_language() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ ja: job(slug: "プラットフォームエンジニア") { slug }
             en: job(slug: "platform engineer") { slug }
             concept(name: "エラー予算") { id labels(lang: "en") { text } }
             guess: concept(name: "Kubernates") { id } }"#,
    )
    .await;
    assert_eq!(answer["ja"]["slug"], "platform_engineer");
    assert_eq!(answer["en"]["slug"], "platform_engineer");
    assert_eq!(answer["concept"]["labels"][0]["text"], "error budget");
    assert_eq!(answer["guess"], Value::Null, "a fuzzy guess is no answer");
}

#[tokio::test]
async fn a_related_job_lists_the_abilities_shared_in_other_words() {
    let folder = two_phrasings();
    let app = crate::support::spawn_app(folder.path(), crate::support::settings()).await;
    let answer = data(
        &app,
        r#"{ relatedJobs(slug: "reliability_engineer", first: 5) {
               job { slug } sharedAbilities { a { name } b { name } concept { id } } } }"#,
    )
    .await;
    let related = answer["relatedJobs"].as_array().expect("related jobs");
    let japanese = related
        .iter()
        .find(|related| related["job"]["slug"] == "infra_operations_engineer")
        .unwrap_or_else(|| panic!("the Japanese role is related: {related:?}"));
    let pairs = japanese["sharedAbilities"].as_array().expect("pairs");
    assert_eq!(pairs.len(), 5, "{pairs:?}");
    assert!(
        pairs
            .iter()
            .all(|pair| pair["a"]["name"] != pair["b"]["name"])
    );
}

#[tokio::test]
async fn a_neighbourhood_leaves_concepts_out_unless_asked_for() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ plain: neighborhood(id: "job:platform_engineer") { nodes { kind } }
             asked: neighborhood(id: "job:platform_engineer", kinds: [CONCEPT]) { nodes { kind } } }"#,
    )
    .await;
    let kinds = |view: &Value| -> Vec<String> {
        view["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .map(|node| node["kind"].as_str().expect("a kind").to_owned())
            .collect()
    };
    assert!(!kinds(&answer["plain"]).contains(&"CONCEPT".to_owned()));
    let asked = kinds(&answer["asked"]);
    assert!(
        asked.iter().filter(|kind| *kind == "CONCEPT").count() > 10,
        "{asked:?}"
    );
}

#[tokio::test]
async fn a_picture_and_its_nodes_are_labelled_in_the_language_asked() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ neighborhood(id: "job:platform_engineer", depth: 1, kinds: [JOB, SKILL]) {
               nodes { id: nodeId label labels(lang: "en") { text } }
               ja: svg  en: svg(lang: "en")  unknown: svg(lang: "fr") } }"#,
    )
    .await;
    let view = &answer["neighborhood"];
    let nodes = view["nodes"].as_array().expect("nodes");
    let skill = nodes
        .iter()
        .find(|node| {
            node["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("skill:"))
                && node["labels"][0]["text"].as_str() != node["label"].as_str()
        })
        .unwrap_or_else(|| panic!("a skill with an English label of its own: {nodes:?}"));
    let english = skill["labels"][0]["text"]
        .as_str()
        .expect("an English label");
    let japanese = skill["label"].as_str().expect("a label");
    // The picture breaks labels into lines: compare its text without them.
    let drawn = |svg: &Value| -> String {
        let svg = svg.as_str().expect("an SVG");
        svg.split('>')
            .filter_map(|piece| piece.split('<').next())
            .collect::<String>()
            .split_whitespace()
            .collect()
    };
    let squeeze = |text: &str| -> String { text.split_whitespace().collect() };
    assert!(drawn(&view["en"]).contains(&squeeze(english)), "{english}");
    assert!(
        !drawn(&view["en"]).contains(&squeeze(japanese)),
        "{japanese}"
    );
    assert!(drawn(&view["ja"]).contains(&squeeze(japanese)));
    assert_eq!(
        view["unknown"], view["ja"],
        "a language with no labels draws the names"
    );
}

#[tokio::test]
async fn nodes_are_fetched_by_id_in_order_with_nulls_for_the_unknown() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ nodes(ids: ["tool:kubernetes", "job:nobody", "job:platform_engineer"]) {
               id ... on Job { slug } } }"#,
    )
    .await;
    let nodes = answer["nodes"].as_array().expect("nodes");
    assert_eq!(nodes.len(), 3);
    assert_eq!(nodes[0]["id"], "tool:kubernetes");
    assert_eq!(nodes[1], Value::Null);
    assert_eq!(nodes[2]["slug"], "platform_engineer");
    let ids: Vec<String> = (0..101).map(|n| format!("\"job:{n}\"")).collect();
    let refused = app
        .graphql(&format!("{{ nodes(ids: [{}]) {{ id }} }}", ids.join(",")))
        .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{refused}"
    );
    assert!(
        refused["errors"][0]["message"]
            .as_str()
            .is_some_and(|message| message.contains("at most 100")),
        "{refused}"
    );
}
