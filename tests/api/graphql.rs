//! The GraphQL API over real HTTP, answered from the shipped seeds: every
//! field of `Job` with its values, the other node types, pagination,
//! `node(id:)`, errors with codes, and the analytics.

use crate::support::{TestApp, data, seeds_app, strings};
use serde_json::Value;

async fn app() -> TestApp {
    seeds_app().await
}

#[tokio::test]
async fn a_job_answers_its_front_matter_and_texts() {
    let app = app().await;
    let job = &data(
        &app,
        r#"{ job(slug: "platform_engineer") { id slug name title hasGuide aliases category
            metaDescription tags keywords thumbnail heroImage headline description summary
            sourceFile toolCategories } }"#,
    )
    .await["job"];
    assert_eq!(job["id"], "job:platform_engineer");
    assert_eq!(job["slug"], "platform_engineer");
    assert_eq!(job["name"], "Platform Engineer");
    assert_eq!(job["title"], "開発効率を最大化する基盤構築の専門家");
    assert_eq!(job["hasGuide"], true);
    assert!(strings(&job["aliases"], "").contains(&"プラットフォームエンジニア".to_owned()));
    assert_eq!(job["category"], "cloud-infra");
    assert!(
        job["metaDescription"]
            .as_str()
            .expect("meta")
            .starts_with("開発チームが効率的に")
    );
    assert_eq!(strings(&job["tags"], "")[0], "Kubernetes");
    assert_eq!(strings(&job["keywords"], "").len(), 8);
    assert_eq!(job["thumbnail"], "/static/img/platform_engineer.png");
    assert_eq!(job["heroImage"], "/static/img/platform_engineer_hero.png");
    assert!(
        job["headline"]
            .as_str()
            .expect("headline")
            .contains("Platform Engineer")
    );
    assert!(
        job["description"]
            .as_str()
            .expect("description")
            .contains("高速道路")
    );
    assert!(
        job["summary"]
            .as_str()
            .expect("summary")
            .contains("戦略的な役割")
    );
    assert!(
        job["sourceFile"]
            .as_str()
            .expect("file")
            .ends_with("platform_engineer.md")
    );
    assert_eq!(strings(&job["toolCategories"], "").len(), 6);
}

#[tokio::test]
async fn a_job_answers_its_duties_skills_and_tools() {
    let app = app().await;
    let job = &data(
        &app,
        r#"{ job(slug: "platform_engineer") {
            duties { order title detail goal }
            hard: skills(kind: HARD) { order description writtenAs skill { name kind } }
            soft: skills(kind: SOFT) { skill { name } }
            tools { weight tool { name } sources { toolsTable skillTexts tag bodyMentions } }
            cicd: tools(category: "CI/CDツール") { tool { name } } } }"#,
    )
    .await["job"];
    let duties = job["duties"].as_array().expect("duties");
    assert_eq!(duties.len(), 6);
    assert_eq!(duties[1]["order"], 2);
    assert_eq!(duties[1]["title"], "CI/CDパイプラインの自動化と最適化");
    assert!(
        duties[1]["detail"]
            .as_str()
            .expect("detail")
            .contains("Jenkins")
    );
    assert!(
        duties[1]["goal"]
            .as_str()
            .expect("goal")
            .contains("手動作業")
    );
    let hard = job["hard"].as_array().expect("hard skills");
    assert_eq!(hard.len(), 7);
    assert_eq!(
        hard[2]["writtenAs"],
        "インフラストラクチャ・アズ・コード (IaC)"
    );
    assert_eq!(hard[2]["skill"]["name"], "IaC (Infrastructure as Code)");
    assert_eq!(hard[2]["skill"]["kind"], "HARD");
    assert!(
        hard[2]["description"]
            .as_str()
            .expect("description")
            .contains("Terraform")
    );
    assert_eq!(job["soft"].as_array().expect("soft skills").len(), 4);
    let tools = job["tools"].as_array().expect("tools");
    let terraform = tools
        .iter()
        .find(|t| t["tool"]["name"] == "Terraform")
        .expect("Terraform");
    assert_eq!(terraform["sources"]["tag"], true);
    assert_eq!(
        strings(&terraform["sources"]["toolsTable"], ""),
        vec!["IaCと構成管理"]
    );
    assert!(terraform["weight"].as_f64().expect("weight") > 2.0);
    let weights: Vec<f64> = tools
        .iter()
        .map(|t| t["weight"].as_f64().expect("weight"))
        .collect();
    assert!(
        weights.windows(2).all(|pair| pair[0] >= pair[1]),
        "strongest first"
    );
    let cicd: Vec<String> = job["cicd"]
        .as_array()
        .expect("cicd")
        .iter()
        .map(|t| t["tool"]["name"].as_str().expect("name").to_owned())
        .collect();
    for tool in ["Jenkins", "GitHub Actions", "GitLab CI", "ArgoCD"] {
        assert!(cicd.contains(&tool.to_owned()), "{tool} not in {cicd:?}");
    }
    assert_eq!(cicd.len(), 4);
}

#[tokio::test]
async fn a_job_answers_its_ladder_teams_employers_learning_trends_and_questions() {
    let app = app().await;
    let job = &data(
        &app,
        r#"{ job(slug: "platform_engineer") {
            stages { order name responsibilities outlook }
            teams { team { name aliases } description activities purpose }
            employers { name }
            employerTypes { name companies { name } }
            learningSteps { order title goal resources { title kind } }
            resources { title }
            trends { title text }
            interviewQuestions { order question answerPoints }
            otherSections { title text }
            listedRelatedJobs { slug hasGuide }
            relatedBy { totalCount nodes { slug } } } }"#,
    )
    .await["job"];
    let stages = job["stages"].as_array().expect("stages");
    assert_eq!(
        strings(&job["stages"], "name")[0],
        "ジュニア Platform Engineer"
    );
    assert_eq!(stages[4]["name"], "Principal Platform Architect");
    assert!(
        stages[4]["outlook"]
            .as_str()
            .expect("outlook")
            .contains("CTO")
    );
    assert_eq!(
        strings(
            &job["teams"]
                .as_array()
                .expect("teams")
                .iter()
                .map(|t| t["team"].clone())
                .collect::<Value>(),
            "name"
        ),
        vec![
            "開発チーム",
            "SRE/運用チーム",
            "セキュリティチーム",
            "プロダクトマネージャー"
        ]
    );
    assert!(
        job["teams"][0]["activities"]
            .as_str()
            .expect("activities")
            .contains("ベータテスト")
    );
    assert_eq!(job["employers"].as_array().expect("employers").len(), 13);
    assert_eq!(
        strings(&job["employerTypes"][1]["companies"], "name"),
        vec!["PayPay", "マネーフォワード"]
    );
    let steps = job["learningSteps"].as_array().expect("steps");
    assert_eq!(steps.len(), 7);
    assert_eq!(
        steps[2]["title"],
        "コンテナ技術とオーケストレーションの実践"
    );
    let step_resources = strings(&steps[2]["resources"], "title");
    assert!(
        step_resources.contains(&"Kubernetes実践ガイド".to_owned()),
        "{step_resources:?}"
    );
    assert!(
        steps[2]["resources"]
            .as_array()
            .expect("resources")
            .iter()
            .any(|r| r["kind"] == "CERTIFICATION")
    );
    assert!(!job["resources"].as_array().expect("resources").is_empty());
    assert_eq!(job["trends"].as_array().expect("trends").len(), 7);
    assert!(
        job["trends"][1]["text"]
            .as_str()
            .expect("text")
            .contains("MLOps")
    );
    let questions = job["interviewQuestions"].as_array().expect("questions");
    assert_eq!(questions.len(), 14);
    assert!(
        questions[0]["question"]
            .as_str()
            .expect("question")
            .starts_with("KubernetesのPodスケジューリング")
    );
    assert!(
        questions[0]["answerPoints"]
            .as_str()
            .expect("answer")
            .contains("kube-scheduler")
    );
    assert_eq!(strings(&job["otherSections"], "title"), vec!["推奨タグ"]);
    assert_eq!(
        strings(&job["listedRelatedJobs"], "slug"),
        vec!["sre_engineer", "devops_engineer", "cloud_architect"]
    );
    assert!(
        job["relatedBy"]["nodes"]
            .as_array()
            .expect("relatedBy")
            .is_empty()
    );
    assert_eq!(job["relatedBy"]["totalCount"], 0);
}

#[tokio::test]
async fn an_unknown_slug_is_null_without_error_and_an_alias_slug_resolves() {
    let app = app().await;
    let answer = data(&app, r#"{ nobody: job(slug: "astronaut") { slug } sre: job(slug: "site_reliability_engineer") { slug hasGuide relatedBy { nodes { slug } } } }"#).await;
    assert_eq!(answer["nobody"], Value::Null);
    assert_eq!(answer["sre"]["slug"], "sre_engineer");
    assert_eq!(answer["sre"]["hasGuide"], false);
    assert_eq!(
        strings(&answer["sre"]["relatedBy"]["nodes"], "slug").len(),
        2
    );
}

#[tokio::test]
async fn skills_tools_and_the_small_types_link_back_to_their_jobs() {
    let app = app().await;
    let answer = data(
        &app,
        r#"{
          iac: skill(name: "インフラストラクチャ・アズ・コード") { id name kind aliases jobs { nodes { slug } } tools { name } }
          compound: skill(name: "コンテナ技術とオーケストレーション") { parts { name } }
          part: skill(name: "コンテナ技術") { partOf { name } }
          k8s: tool(name: "k8s") { id name aliases categories jobs { nodes { weight job { slug } } } skills { totalCount nodes { name } } }
          stage: node(id: "stage:cloud_native_engineer:4") { ... on CareerStage { order name job { slug } previous { order } next { name leadsTo { slug } } } }
          team: node(id: "team:開発チーム") { ... on Team { name aliases jobs { nodes { slug } } } }
          employer: node(id: "employer:メルカリ") { ... on Employer { name sectors jobs { nodes { slug } } } }
          resource: node(id: "resource:terraform実践入門") { ... on Resource { title kind jobs { nodes { slug } } } }
          trend: node(id: "trend:platform_engineer:3") { ... on Trend { title text job { slug } } }
        }"#,
    )
    .await;
    assert_eq!(answer["iac"]["id"], "skill:iac");
    assert_eq!(answer["iac"]["kind"], "HARD");
    assert_eq!(strings(&answer["iac"]["jobs"]["nodes"], "slug").len(), 2);
    assert!(strings(&answer["iac"]["tools"], "name").contains(&"Terraform".to_owned()));
    assert_eq!(
        strings(&answer["compound"]["parts"], "name"),
        vec!["オーケストレーション", "コンテナ技術"]
    );
    assert_eq!(
        strings(&answer["part"]["partOf"], "name"),
        vec!["コンテナ技術とオーケストレーション"]
    );
    assert_eq!(answer["k8s"]["name"], "Kubernetes");
    assert!(strings(&answer["k8s"]["aliases"], "").contains(&"K8s".to_owned()));
    assert_eq!(
        answer["k8s"]["jobs"]["nodes"]
            .as_array()
            .expect("jobs")
            .len(),
        2
    );
    // A tool's jobs page with cursors, strongest use first.
    let first = data(
        &app,
        r#"{ tool(name: "k8s") { jobs(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { weight job { slug } } } } } }"#,
    )
    .await;
    let page = &first["tool"]["jobs"];
    assert_eq!(page["totalCount"], 2);
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    assert_eq!(page["edges"][0]["cursor"], page["pageInfo"]["endCursor"]);
    let query = format!(
        r#"{{ tool(name: "k8s") {{ jobs(first: 1, after: {}) {{ pageInfo {{ hasNextPage }} nodes {{ weight job {{ slug }} }} }} }} }}"#,
        page["pageInfo"]["endCursor"]
    );
    let second = data(&app, &query).await;
    let (one, two) = (
        &page["edges"][0]["node"],
        &second["tool"]["jobs"]["nodes"][0],
    );
    assert_ne!(one["job"]["slug"], two["job"]["slug"]);
    assert!(
        one["weight"].as_f64() >= two["weight"].as_f64(),
        "{one} then {two}"
    );
    assert_eq!(second["tool"]["jobs"]["pageInfo"]["hasNextPage"], false);
    // A tool's skills, two at a time, are the whole list once each.
    let all = strings(&answer["k8s"]["skills"]["nodes"], "name");
    assert!(all.len() > 2, "{all:?}");
    assert_eq!(answer["k8s"]["skills"]["totalCount"], all.len());
    let (mut paged, mut after) = (Vec::new(), Value::Null);
    loop {
        let query = format!(
            r#"{{ tool(name: "k8s") {{ skills(first: 2, after: {after}) {{ pageInfo {{ hasNextPage endCursor }} nodes {{ name }} }} }} }}"#
        );
        let page = data(&app, &query).await["tool"]["skills"].clone();
        paged.extend(strings(&page["nodes"], "name"));
        if page["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(paged, all);
    assert_eq!(answer["stage"]["order"], 4);
    assert_eq!(answer["stage"]["name"], "リードエンジニア");
    assert_eq!(answer["stage"]["previous"]["order"], 3);
    assert_eq!(
        answer["stage"]["next"]["leadsTo"][0]["slug"],
        "cloud_architect"
    );
    assert!(strings(&answer["team"]["aliases"], "").contains(&"ソフトウェア開発者".to_owned()));
    assert_eq!(strings(&answer["team"]["jobs"]["nodes"], "slug").len(), 2);
    assert_eq!(
        answer["employer"]["sectors"]
            .as_array()
            .expect("sectors")
            .len(),
        2
    );
    assert_eq!(answer["resource"]["kind"], "BOOK");
    assert_eq!(
        strings(&answer["resource"]["jobs"]["nodes"], "slug").len(),
        2
    );
    assert_eq!(
        answer["trend"]["title"],
        "FinOps（クラウド財務管理）との統合"
    );
    assert_eq!(answer["trend"]["job"]["slug"], "platform_engineer");
}

#[tokio::test]
async fn no_two_types_share_an_id_and_entries_point_at_their_nodes() {
    let app = app().await;
    let answer = data(
        &app,
        r#"{ neighborhood(id: "job:platform_engineer", depth: 1) {
               nodes { __typename id nodeId node { __typename id } } }
             corpus { mergedNames { __typename nodeId node { __typename id } }
                      unlabelled { __typename nodeId } } }"#,
    )
    .await;
    // Every (id, type) pair a cache would key: one type per id.
    let mut types_by_id: std::collections::HashMap<String, String> = Default::default();
    let mut record = |object: &Value| {
        let (Some(id), Some(ty)) = (object["id"].as_str(), object["__typename"].as_str()) else {
            return;
        };
        let held = types_by_id
            .entry(id.to_owned())
            .or_insert_with(|| ty.to_owned());
        assert_eq!(held, ty, "id {id} is shared by {held} and {ty}");
    };
    let entries = answer["neighborhood"]["nodes"].as_array().expect("nodes");
    assert!(entries.len() > 5);
    for entry in entries {
        record(entry);
        record(&entry["node"]);
        assert_eq!(entry["node"]["id"], entry["nodeId"], "{entry}");
        assert_ne!(entry["id"], entry["nodeId"], "{entry}");
    }
    for merged in answer["corpus"]["mergedNames"].as_array().expect("merged") {
        record(&merged["node"]);
        assert_eq!(merged["node"]["id"], merged["nodeId"], "{merged}");
    }
}

#[tokio::test]
async fn answers_have_ids_stable_for_the_same_question_and_new_for_another() {
    let app = app().await;
    let ask = |query: &'static str| {
        let app = &app;
        async move { data(app, query).await }
    };
    let first = ask(r#"{ skillOverlap(a: "platform_engineer", b: "cloud_native_engineer") { id similarity }
        careerPath(slug: "platform_engineer") { id } transition(from: "platform_engineer", to: "cloud_native_engineer") { id }
        neighborhood(id: "job:platform_engineer") { id } extractSkills(text: "Kubernetes と Terraform") { id } corpus { id } }"#).await;
    let again = ask(r#"{ skillOverlap(a: "platform_engineer", b: "cloud_native_engineer") { jaccard id }
        careerPath(slug: "platform_engineer") { stages { name } id } transition(from: "platform_engineer", to: "cloud_native_engineer") { id }
        neighborhood(id: "job:platform_engineer") { id } extractSkills(text: "Kubernetes と Terraform") { id } corpus { id } }"#).await;
    let other = ask(r#"{ skillOverlap(a: "cloud_native_engineer", b: "platform_engineer") { id }
        weighted: skillOverlap(a: "platform_engineer", b: "cloud_native_engineer", weights: { tools: 1, hardSkills: 0, softSkills: 0, tags: 0, explicit: 0 }) { id }
        careerPath(slug: "cloud_native_engineer") { id } transition(from: "cloud_native_engineer", to: "platform_engineer") { id }
        neighborhood(id: "job:platform_engineer", depth: 2) { id } extractSkills(text: "Kubernetes") { id } }"#).await;
    let mut ids = std::collections::HashSet::new();
    for field in [
        "skillOverlap",
        "careerPath",
        "transition",
        "neighborhood",
        "extractSkills",
        "corpus",
    ] {
        let id = first[field]["id"].as_str().expect("an id");
        assert_eq!(
            first[field]["id"], again[field]["id"],
            "{field}: the same question, the same id"
        );
        if field != "corpus" {
            assert_ne!(
                first[field]["id"], other[field]["id"],
                "{field}: another question, another id"
            );
        }
        assert!(ids.insert(id.to_owned()), "{id} is given twice");
    }
    assert_ne!(
        first["skillOverlap"]["id"], other["weighted"]["id"],
        "other weights, another score, another id"
    );
}

#[tokio::test]
async fn node_ids_round_trip_for_every_kind() {
    let app = app().await;
    let view = data(
        &app,
        r#"{ neighborhood(id: "job:platform_engineer", depth: 2) { nodes { id: nodeId kind } } }"#,
    )
    .await;
    let nodes = view["neighborhood"]["nodes"].as_array().expect("nodes");
    let mut kinds_seen = std::collections::BTreeSet::new();
    for node in nodes.iter().take(60) {
        let id = node["id"].as_str().expect("id");
        let query = format!(r#"{{ node(id: "{id}") {{ id __typename }} }}"#);
        let answer = data(&app, &query).await;
        assert_eq!(answer["node"]["id"], id);
        kinds_seen.insert(
            answer["node"]["__typename"]
                .as_str()
                .expect("type")
                .to_owned(),
        );
    }
    assert!(kinds_seen.len() >= 6, "{kinds_seen:?}");
    assert_eq!(
        data(&app, r#"{ node(id: "tool:nope") { id } }"#).await["node"],
        Value::Null
    );
}

#[tokio::test]
async fn pages_follow_their_cursors_and_count_the_whole_list() {
    let app = app().await;
    let first = data(&app, r#"{ tools(first: 10) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } nodes { id } } }"#).await;
    let page = &first["tools"];
    let total = page["totalCount"].as_u64().expect("total") as usize;
    assert!(total > 40);
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    assert_eq!(page["pageInfo"]["hasPreviousPage"], false);
    let mut seen: Vec<String> = page["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"]["id"].as_str().expect("id").to_owned())
        .collect();
    assert_eq!(seen, strings(&page["nodes"], "id"));
    let mut cursor = page["pageInfo"]["endCursor"]
        .as_str()
        .expect("cursor")
        .to_owned();
    loop {
        let query = format!(
            r#"{{ tools(first: 10, after: "{cursor}") {{ pageInfo {{ hasNextPage hasPreviousPage endCursor }} nodes {{ id }} }} }}"#
        );
        let next = data(&app, &query).await;
        let page = &next["tools"];
        assert_eq!(page["pageInfo"]["hasPreviousPage"], true);
        seen.extend(strings(&page["nodes"], "id"));
        if page["pageInfo"]["hasNextPage"] == false {
            break;
        }
        cursor = page["pageInfo"]["endCursor"]
            .as_str()
            .expect("cursor")
            .to_owned();
    }
    assert_eq!(seen.len(), total);
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, seen, "ids come once each, in order");
    let filtered = data(
        &app,
        r#"{ jobs(filter: { hasGuide: true, tool: "K8s" }) { totalCount nodes { slug } }
        soft: skills(kind: SOFT) { totalCount }
        cicd: tools(category: "CI/CDツール") { totalCount } }"#,
    )
    .await;
    assert_eq!(filtered["jobs"]["totalCount"], 2);
    // 8 soft skills are written, and 3 more are parts of compound ones.
    assert_eq!(filtered["soft"]["totalCount"], 11);
    assert_eq!(filtered["cicd"]["totalCount"], 4);
}

/// Every job filter agrees with what each job says of itself, and a name
/// that is no node matches no job rather than every job.
#[tokio::test]
async fn job_filters_agree_with_each_jobs_own_lists() {
    let app = app().await;
    let everything = data(
        &app,
        r#"{ jobs(first: 100) { nodes { slug skills { skill { name } } tools { tool { name } } } } }"#,
    )
    .await;
    let jobs = everything["jobs"]["nodes"].as_array().expect("jobs");
    let lists = |job: &Value, field: &str, inner: &str| -> Vec<String> {
        job[field]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|row| row[inner]["name"].as_str().map(str::to_owned))
            .collect()
    };
    let first = jobs
        .iter()
        .find(|job| {
            job["skills"]
                .as_array()
                .is_some_and(|rows| !rows.is_empty())
        })
        .expect("a job with a guide");
    let skill = lists(first, "skills", "skill").remove(0);
    let tool = lists(first, "tools", "tool").remove(0);
    let expected: Vec<&str> = jobs
        .iter()
        .filter(|job| lists(job, "skills", "skill").contains(&skill))
        .filter(|job| lists(job, "tools", "tool").contains(&tool))
        .filter_map(|job| job["slug"].as_str())
        .collect();
    let answer = data(
        &app,
        &format!(
            r#"{{ both: jobs(filter: {{ skill: "{skill}", tool: "{tool}" }}) {{ totalCount nodes {{ slug }} }}
            nobody: jobs(filter: {{ skill: "no such skill at all" }}) {{ totalCount }}
            noTool: jobs(filter: {{ tool: "no such tool at all", hasGuide: true }}) {{ totalCount }} }}"#
        ),
    )
    .await;
    let slugs: Vec<&str> = answer["both"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|job| job["slug"].as_str())
        .collect();
    assert!(!expected.is_empty(), "the seeds have a job with both");
    assert_eq!(slugs, expected);
    assert_eq!(answer["nobody"]["totalCount"], 0);
    assert_eq!(answer["noTool"]["totalCount"], 0);
}

#[tokio::test]
async fn bad_arguments_are_errors_with_a_code() {
    let app = app().await;
    for (query, code) in [
        (
            r#"{ jobs(first: 1000000) { totalCount } }"#,
            "BAD_USER_INPUT",
        ),
        (r#"{ jobs(first: -1) { totalCount } }"#, "BAD_USER_INPUT"),
        (
            r#"{ tools(after: "not a cursor!") { totalCount } }"#,
            "BAD_USER_INPUT",
        ),
        (
            r#"{ skillOverlap(a: "platform_engineer", b: "astronaut") { jaccard } }"#,
            "NOT_FOUND",
        ),
        (
            r#"{ relatedJobs(slug: "platform_engineer", weights: { tools: -1 }) { score } }"#,
            "BAD_USER_INPUT",
        ),
        (
            r#"{ neighborhood(id: "job:platform_engineer", depth: 9) { nodes { id: nodeId } } }"#,
            "BAD_USER_INPUT",
        ),
    ] {
        let body = app.graphql(query).await;
        let errors = body["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("{query}: no errors in {body}"));
        assert_eq!(errors[0]["extensions"]["code"], code, "{query}: {body}");
    }
}

#[tokio::test]
async fn the_overlap_of_the_two_seeds_explains_its_numbers() {
    let app = app().await;
    let overlap = &data(
        &app,
        r#"{ skillOverlap(a: "platform_engineer", b: "cloud_native_engineer") {
            jaccard similarity facets { hardSkills softSkills tools tags explicit }
            sharedSkills { name } sharedTools { name } onlyA { skills { name } tools { name } } onlyB { tools { name } } } }"#,
    )
    .await["skillOverlap"];
    let similarity = overlap["similarity"].as_f64().expect("similarity");
    let facets = &overlap["facets"];
    let weighted = 0.35 * facets["hardSkills"].as_f64().expect("hard")
        + 0.1 * facets["softSkills"].as_f64().expect("soft")
        + 0.35 * facets["tools"].as_f64().expect("tools")
        + 0.1 * facets["tags"].as_f64().expect("tags")
        + 0.1 * facets["explicit"].as_f64().expect("explicit");
    assert!(
        (similarity - weighted).abs() < 1e-9,
        "{similarity} vs {weighted}"
    );
    let shared = strings(&overlap["sharedTools"], "name");
    assert!(shared.contains(&"ArgoCD".to_owned()) && shared.contains(&"PostgreSQL".to_owned()));
    assert!(strings(&overlap["onlyA"]["tools"], "name").contains(&"Splunk".to_owned()));
    assert!(strings(&overlap["onlyB"]["tools"], "name").contains(&"HashiCorp Vault".to_owned()));
}

#[tokio::test]
async fn related_jobs_career_paths_and_transitions_answer_over_http() {
    let app = app().await;
    let answer = data(
        &app,
        r#"{
          relatedJobs(slug: "platform_engineer", first: 3) { score explicit job { slug } shared { tools { name } } facets { tools } }
          toolsOnly: relatedJobs(slug: "platform_engineer", first: 1, weights: { hardSkills: 0, softSkills: 0, tools: 1, tags: 0, explicit: 0 }) { score facets { tools } }
          careerPath(slug: "cloud_native_engineer") { stages { order } nextJobs { slug } }
          transition(from: "platform_engineer", to: "sre_engineer") { path { slug } steps { reason cost } totalCost }
        }"#,
    )
    .await;
    let related = answer["relatedJobs"].as_array().expect("related");
    assert_eq!(related.len(), 3);
    assert_eq!(related[0]["job"]["slug"], "cloud_native_engineer");
    assert_eq!(related[0]["explicit"], false);
    assert!(
        !related[0]["shared"]["tools"]
            .as_array()
            .expect("shared")
            .is_empty()
    );
    assert_eq!(
        answer["toolsOnly"][0]["score"],
        answer["toolsOnly"][0]["facets"]["tools"]
    );
    assert_eq!(
        answer["careerPath"]["nextJobs"][0]["slug"],
        "cloud_architect"
    );
    assert_eq!(
        strings(&answer["transition"]["path"], "slug"),
        vec!["platform_engineer", "sre_engineer"]
    );
    assert_eq!(answer["transition"]["steps"][1]["reason"], "EXPLICIT");
    assert_eq!(answer["transition"]["totalCost"], 1.0);
}

#[tokio::test]
async fn the_default_weights_are_reported_and_are_the_ones_a_query_without_weights_uses() {
    let app = app().await;
    let answer = data(
        &app,
        r#"{
          similarityWeights { hardSkills softSkills tools tags explicit }
          none: skillOverlap(a: "platform_engineer", b: "cloud_native_engineer") { similarity facets { hardSkills softSkills tools tags explicit } }
          empty: skillOverlap(a: "platform_engineer", b: "cloud_native_engineer", weights: {}) { similarity }
        }"#,
    )
    .await;
    let weights = &answer["similarityWeights"];
    let facets = &answer["none"]["facets"];
    let names = ["hardSkills", "softSkills", "tools", "tags", "explicit"];
    let total: f64 = names
        .iter()
        .map(|name| weights[name].as_f64().expect("a weight"))
        .sum();
    let weighted: f64 = names
        .iter()
        .map(|name| {
            weights[name].as_f64().expect("a weight") * facets[name].as_f64().expect("a facet")
        })
        .sum();
    let similarity = answer["none"]["similarity"].as_f64().expect("a score");
    assert!(
        (total - 1.0).abs() < 1e-9,
        "the defaults sum to 1: {weights}"
    );
    assert!((weighted / total - similarity).abs() < 1e-9, "{answer}");
    assert_eq!(answer["empty"]["similarity"], answer["none"]["similarity"]);
}

#[tokio::test]
async fn recommendations_report_unknown_names_beside_the_answer() {
    let app = app().await;
    let body = app
        .graphql(r#"{ recommendJobs(skills: ["Kubernetes"], tools: ["terraform", "Fortran 77"]) { score job { slug } matched { tools { name } } } }"#)
        .await;
    let jobs = body["data"]["recommendJobs"]
        .as_array()
        .expect("data beside the error");
    assert_eq!(jobs.len(), 2);
    let error = &body["errors"][0];
    assert_eq!(error["extensions"]["code"], "UNKNOWN_NAME");
    assert_eq!(error["extensions"]["names"][0], "Fortran 77");
}

#[tokio::test]
async fn the_corpus_reports_its_counts_and_what_to_review() {
    let app = app().await;
    let corpus = &data(
        &app,
        r#"{ corpus { guides nodes edges loadedAt nodesByKind { kind count } edgesByKind { kind count }
            errors { file line message } warnings { file line message }
            danglingRelatedJobs { from to } asymmetricRelatedJobs { from to } mergedNames { id: nodeId spellings } missingSections { slug } } }"#,
    )
    .await["corpus"];
    assert_eq!(corpus["guides"], 2);
    let by_kind: Vec<(String, u64)> = corpus["nodesByKind"]
        .as_array()
        .expect("kinds")
        .iter()
        .map(|k| {
            (
                k["kind"].as_str().expect("kind").to_owned(),
                k["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert!(by_kind.contains(&("JOB".to_owned(), 6)));
    let total: u64 = by_kind.iter().map(|(_, count)| count).sum();
    assert_eq!(corpus["nodes"].as_u64(), Some(total));
    assert!(corpus["loadedAt"].as_str().expect("time").ends_with('Z'));
    assert!(corpus["errors"].as_array().expect("errors").is_empty());
    assert_eq!(corpus["warnings"].as_array().expect("warnings").len(), 6);
    assert_eq!(
        corpus["danglingRelatedJobs"]
            .as_array()
            .expect("dangling")
            .len(),
        6
    );
    assert!(strings(&corpus["mergedNames"], "id").contains(&"skill:iac".to_owned()));
}

#[tokio::test]
async fn a_neighborhood_draws_as_svg() {
    let app = app().await;
    let answer = data(&app, r#"{ neighborhood(id: "job:cloud_native_engineer", depth: 2, kinds: [JOB, CAREER_STAGE]) { nodes { kind } svg(direction: TOP_DOWN) } }"#).await;
    let svg = answer["neighborhood"]["svg"].as_str().expect("svg");
    assert!(svg.contains("<svg") && svg.contains("クラウドアーキテクト"));
    for node in answer["neighborhood"]["nodes"].as_array().expect("nodes") {
        assert!(
            node["kind"] == "JOB" || node["kind"] == "CAREER_STAGE",
            "{node}"
        );
    }
}

/// A learning step's skills are read as every other text is: a name
/// inside another word (`Go` in `Google`) is not named, and a step naming
/// a compound skill teaches its parts.
#[tokio::test]
async fn a_learning_step_names_its_skills_as_any_text_does() {
    let folder = crate::live::copy_of_seeds();
    std::fs::write(
        folder.path().join("automation_engineer.md"),
        "---json\n{ \"slug\": \"automation_engineer\", \"title\": \"Automation Engineer\", \"related_jobs\": [\"platform_engineer\"] }\n---\n\
         # Automation Engineer\n\n## Skills and Tools\n\n#### Hard skills\n\n\
         | Skill | Description |\n| --- | --- |\n\
         | Go | Writes services. |\n\
         | テストと自動化 | Tests everything. |\n\n\
         ## Learning Path\n\n\
         ### Step 1: Google Cloud basics\n- Goal: deploy once.\n\n\
         ### Step 2: CLIs in Go\n- Goal: write a CLI.\n\n\
         ### Step 3: テストと自動化の実践\n- Goal: a pipeline.\n",
    )
    .expect("a guide");
    let app = crate::support::spawn_app(folder.path(), crate::support::settings()).await;
    let answer = crate::support::data(
        &app,
        r#"{ transition(from: "platform_engineer", to: "automation_engineer") { learningPlan { title skills { name } } } }"#,
    )
    .await;
    let plan = answer["transition"]["learningPlan"]
        .as_array()
        .expect("a plan");
    let skills = |at: usize| crate::support::strings(&plan[at]["skills"], "name");
    assert_eq!(plan.len(), 3, "{plan:?}");
    assert!(skills(0).is_empty(), "Go is not in Google: {plan:?}");
    assert_eq!(skills(1), ["Go"]);
    let mut third = skills(2);
    third.sort();
    assert_eq!(third, ["テスト", "テストと自動化", "自動化"], "{plan:?}");
}
