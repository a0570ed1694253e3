//! The two real guides, read completely: every duty, skill, tool, team,
//! stage, trend, learning step, employer and interview question, by name.

use crate::{guide, load, names};
use skillgraph::guide::{Corpus, Guide, ResourceKind, SkillKind, WarningKind};
use std::sync::LazyLock;

static SEEDS: LazyLock<Corpus> = LazyLock::new(|| load("seeds"));

fn platform() -> &'static Guide {
    guide(&SEEDS, "platform_engineer")
}

fn cloud_native() -> &'static Guide {
    guide(&SEEDS, "cloud_native_engineer")
}

fn skills_of(guide: &Guide, kind: SkillKind) -> Vec<&str> {
    guide
        .skills
        .iter()
        .filter(|skill| skill.kind == kind)
        .map(|skill| skill.name.as_str())
        .collect()
}

fn resources_of(guide: &Guide, step: usize, kind: ResourceKind) -> Vec<&str> {
    guide.learning_steps[step - 1]
        .resources
        .iter()
        .filter(|resource| resource.kind == kind)
        .map(|resource| resource.title.as_str())
        .collect()
}

fn tools_of<'a>(guide: &'a Guide, category: &str) -> Vec<&'a str> {
    let found = guide
        .tool_categories
        .iter()
        .find(|c| c.category == category)
        .unwrap_or_else(|| panic!("no tool category `{category}`"));
    found.tools.iter().map(String::as_str).collect()
}

fn companies_of<'a>(guide: &'a Guide, employer: &str) -> Vec<&'a str> {
    let found = guide
        .employer_types
        .iter()
        .find(|e| e.name == employer)
        .unwrap_or_else(|| panic!("no employer type `{employer}`"));
    found.companies.iter().map(String::as_str).collect()
}

// ------------------------------------------------------------------ corpus

#[test]
fn the_seed_folder_loads_two_guides_in_path_order_and_no_errors() {
    assert!(SEEDS.errors.is_empty(), "errors: {:?}", SEEDS.errors);
    assert_eq!(
        names(&SEEDS.guides, |g| &g.front.slug),
        vec!["cloud_native_engineer", "platform_engineer"]
    );
}

#[test]
fn the_seeds_have_every_section_and_only_warn_about_related_jobs_without_a_guide() {
    let mut unresolved: Vec<(String, &str)> = SEEDS
        .warnings
        .iter()
        .map(|warning| match &warning.kind {
            WarningKind::RelatedJobWithoutGuide(slug) => (
                slug.clone(),
                warning.path.file_name().unwrap().to_str().unwrap(),
            ),
            other => panic!("unexpected warning: {other} ({warning})"),
        })
        .collect();
    unresolved.sort();
    assert_eq!(
        unresolved,
        vec![
            ("backend_developer".to_owned(), "cloud_native_engineer.md"),
            ("cloud_architect".to_owned(), "platform_engineer.md"),
            ("devops_engineer".to_owned(), "cloud_native_engineer.md"),
            ("devops_engineer".to_owned(), "platform_engineer.md"),
            (
                "site_reliability_engineer".to_owned(),
                "cloud_native_engineer.md"
            ),
            ("sre_engineer".to_owned(), "platform_engineer.md"),
        ]
    );
}

#[test]
fn the_alias_file_when_present_keeps_ci_cd_whole() {
    if crate::crate_path("seeds/aliases.json").exists() {
        assert!(
            SEEDS
                .aliases
                .unsplittable
                .iter()
                .any(|term| term == "CI/CD"),
            "unsplittable: {:?}",
            SEEDS.aliases.unsplittable
        );
    }
    // Whatever the alias file says, the CI/CD category is one name.
    assert_eq!(platform().tool_categories[0].category, "CI/CDツール");
}

// ------------------------------------------------------- platform engineer

#[test]
fn platform_engineer_front_matter_is_read_field_by_field() {
    let front = &platform().front;
    assert_eq!(front.slug, "platform_engineer");
    assert_eq!(front.title, "開発効率を最大化する基盤構築の専門家");
    assert_eq!(front.category.as_deref(), Some("cloud-infra"));
    assert_eq!(
        front.tags,
        vec![
            "Kubernetes",
            "Terraform",
            "Ansible",
            "AWS",
            "GCP",
            "CI/CD",
            "GitOps",
            "Prometheus",
            "自動化"
        ]
    );
    assert_eq!(
        front.related_jobs,
        vec!["sre_engineer", "devops_engineer", "cloud_architect"]
    );
    assert_eq!(
        front.keywords,
        vec![
            "DevOps",
            "SRE",
            "クラウドコンピューティング",
            "自動化",
            "CI/CD",
            "Infrastructure as Code",
            "Kubernetes",
            "マイクロサービス"
        ]
    );
    assert_eq!(
        front.thumbnail.as_deref(),
        Some("/static/img/platform_engineer.png")
    );
    assert_eq!(
        front.hero_image.as_deref(),
        Some("/static/img/platform_engineer_hero.png")
    );
    assert!(
        front
            .meta_description
            .as_deref()
            .is_some_and(|text| text.starts_with("開発チームが効率的に"))
    );
    assert!(front.extra.is_empty());
    assert_eq!(front.line, 1);
}

#[test]
fn platform_engineer_headline_overview_and_summary_are_plain_text() {
    let guide = platform();
    assert_eq!(
        guide.headline.as_deref(),
        Some("[完全ガイド] Platform Engineer: 開発効率を最大化する基盤構築の専門家")
    );
    let overview = guide.overview.as_ref().expect("overview");
    assert_eq!(overview.line, 43);
    assert!(overview.text.starts_with("現代のソフトウェア開発は"));
    assert!(overview.text.contains("現代社会における意義"));
    assert!(
        overview
            .text
            .contains("ここで登場するのが、Platform Engineer（プラットフォームエンジニア）です。")
    );
    let summary = guide.summary.as_ref().expect("summary");
    assert_eq!(summary.line, 349);
    assert!(
        summary
            .text
            .starts_with("Platform Engineerは、現代のデジタルビジネスにおいて")
    );
    assert!(summary.text.contains("「開発のあり方そのもの」を設計し"));
    for text in [&overview.text, &summary.text] {
        assert!(!text.contains("**"), "markdown left in {text}");
    }
    assert_eq!(names(&guide.other_sections, |s| &s.title), vec!["推奨タグ"]);
    assert!(guide.other_sections[0].text.contains("#PlatformEngineer"));
}

#[test]
fn platform_engineer_has_six_duties_in_order_each_with_detail_and_goal() {
    let duties = &platform().duties;
    assert_eq!(
        names(duties, |d| &d.title),
        vec![
            "Internal Developer Platform (IDP) の設計と構築",
            "CI/CDパイプラインの自動化と最適化",
            "インフラストラクチャのコード化 (IaC) の推進",
            "オブザーバビリティ（可観測性）基盤の確立",
            "セキュリティとコンプライアンスの「シフトレフト」",
            "開発者サポートとドキュメント整備",
        ]
    );
    for duty in duties {
        assert!(
            !duty.description.is_empty(),
            "{} has no description",
            duty.title
        );
        assert!(!duty.detail.is_empty(), "{} has no detail", duty.title);
        assert!(!duty.goal.is_empty(), "{} has no goal", duty.title);
        assert!(
            !duty.detail.contains("詳細"),
            "{} keeps its label",
            duty.title
        );
    }
    assert_eq!(
        duties.iter().map(|d| d.line).collect::<Vec<_>>(),
        vec![69, 76, 83, 90, 97, 104]
    );
    assert!(
        duties[1]
            .detail
            .starts_with("Jenkins, GitHub Actions, GitLab CI")
    );
    assert_eq!(
        duties[5].goal,
        "開発者がプラットフォームを最大限に活用し、生産性を高められるようにすること。"
    );
}

#[test]
fn platform_engineer_has_seven_hard_and_four_soft_skills_by_name() {
    let guide = platform();
    assert_eq!(
        skills_of(guide, SkillKind::Hard),
        vec![
            "クラウドコンピューティング",
            "コンテナ技術とオーケストレーション",
            "インフラストラクチャ・アズ・コード (IaC)",
            "プログラミング言語",
            "ネットワークとセキュリティ",
            "オブザーバビリティ",
            "データベース",
        ]
    );
    assert_eq!(
        skills_of(guide, SkillKind::Soft),
        vec![
            "戦略的思考",
            "開発者エンゲージメント",
            "コミュニケーションと教育",
            "リスク管理と信頼性",
        ]
    );
    assert_eq!(guide.skills.len(), 11);
    assert!(guide.skills.iter().all(|s| !s.description.is_empty()));
    assert_eq!(guide.skills[0].line, 123);
}

#[test]
fn platform_engineer_tools_table_names_twenty_four_tools_in_six_categories() {
    let guide = platform();
    assert_eq!(
        names(&guide.tool_categories, |c| &c.category),
        vec![
            "CI/CDツール",
            "監視・アラート",
            "IaCと構成管理",
            "サービスメッシュ",
            "バージョン管理",
            "ログ管理",
        ]
    );
    assert_eq!(
        tools_of(guide, "CI/CDツール"),
        vec!["Jenkins", "GitHub Actions", "GitLab CI", "ArgoCD"]
    );
    assert_eq!(
        tools_of(guide, "監視・アラート"),
        vec!["Datadog", "Prometheus", "Grafana", "Alertmanager"]
    );
    assert_eq!(
        tools_of(guide, "IaCと構成管理"),
        vec!["Terraform", "Ansible", "Chef", "Puppet"]
    );
    assert_eq!(
        tools_of(guide, "サービスメッシュ"),
        vec!["Istio", "Linkerd"]
    );
    assert_eq!(
        tools_of(guide, "バージョン管理"),
        vec!["Git", "GitHub", "GitLab", "Bitbucket"]
    );
    assert_eq!(
        tools_of(guide, "ログ管理"),
        vec![
            "ELK Stack",
            "Elasticsearch",
            "Logstash",
            "Kibana",
            "Splunk",
            "Loki"
        ]
    );
    let total: usize = guide.tool_categories.iter().map(|c| c.tools.len()).sum();
    assert_eq!(total, 24);
    assert!(
        guide.tool_categories[4]
            .description
            .starts_with("Git, GitHub/GitLab/Bitbucketを用いた")
    );
}

#[test]
fn platform_engineer_works_with_four_teams_each_with_activities_and_purpose() {
    let teams = &platform().teams;
    assert_eq!(
        names(teams, |t| &t.name),
        vec![
            "開発チーム",
            "SRE/運用チーム",
            "セキュリティチーム",
            "プロダクトマネージャー"
        ]
    );
    assert_eq!(teams[0].aliases, vec!["Dev Team"]);
    assert_eq!(teams[3].aliases, vec!["PM"]);
    for team in teams {
        assert!(
            !team.description.is_empty(),
            "{} has no description",
            team.name
        );
        assert!(
            !team.activities.is_empty(),
            "{} has no activities",
            team.name
        );
        assert!(!team.purpose.is_empty(), "{} has no purpose", team.name);
        assert!(!team.description.contains("連携内容と目的"));
    }
    assert!(
        teams[0]
            .description
            .starts_with("開発チームはプラットフォームの直接的な「顧客」です。")
    );
    assert!(
        teams[1]
            .activities
            .starts_with("SLO/SLAの定義と測定方法の合意")
    );
    assert!(
        teams[2]
            .purpose
            .starts_with("セキュリティチェックを開発プロセスに")
    );
}

#[test]
fn platform_engineer_career_ladder_has_five_stages_in_order() {
    let stages = &platform().stages;
    assert_eq!(
        names(stages, |s| &s.name),
        vec![
            "ジュニア Platform Engineer",
            "ミドル Platform Engineer",
            "シニア Platform Engineer",
            "Platform Lead / Manager",
            "Principal Platform Architect",
        ]
    );
    assert_eq!(
        stages.iter().map(|s| s.order).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5]
    );
    assert_eq!(
        stages.iter().map(|s| s.line).collect::<Vec<_>>(),
        vec![197, 198, 199, 200, 201]
    );
    for stage in stages {
        assert!(!stage.responsibilities.is_empty(), "{}", stage.name);
        assert!(!stage.outlook.is_empty(), "{}", stage.name);
    }
    assert!(
        stages[0]
            .responsibilities
            .starts_with("標準化されたIaCモジュールの実装")
    );
    assert_eq!(
        stages[4].outlook,
        "CTO/VP of Engineeringなど、技術部門の最高責任者としての役割。"
    );
}

#[test]
fn platform_engineer_outlook_lists_seven_trends() {
    let trends = &platform().trends;
    assert_eq!(
        names(trends, |t| &t.title),
        vec![
            "Internal Developer Platform (IDP) の標準化",
            "MLOps (Machine Learning Operations) への拡張",
            "FinOps（クラウド財務管理）との統合",
            "セキュリティの完全な自動化とゼロトラスト化",
            "サーバーレスとエッジコンピューティングへの対応",
            "プラットフォームの「抽象化」と「標準化」の深化",
            "組織文化としてのDevOps推進役",
        ]
    );
    assert!(trends.iter().all(|t| t.text.len() > 100));
}

#[test]
fn platform_engineer_learning_path_has_seven_steps_with_their_resources() {
    let guide = platform();
    let steps = &guide.learning_steps;
    assert_eq!(
        names(steps, |s| &s.title),
        vec![
            "クラウドコンピューティングの基礎習得",
            "Linuxとネットワークの深い理解",
            "コンテナ技術とオーケストレーションの実践",
            "IaC（Infrastructure as Code）と構成管理の習得",
            "CI/CDパイプラインの設計と実装",
            "オブザーバビリティスタックの構築",
            "プログラミングとカスタムツールの開発",
        ]
    );
    assert_eq!(
        steps.iter().map(|s| s.order).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5, 6, 7]
    );
    assert!(
        steps
            .iter()
            .all(|s| !s.goal.is_empty() && !s.text.is_empty())
    );
    assert!(
        steps[2]
            .goal
            .starts_with("Dockerによるアプリケーションのコンテナ化")
    );

    assert_eq!(
        resources_of(guide, 1, ResourceKind::Book),
        vec!["AWSの基本と仕組み"]
    );
    assert_eq!(
        resources_of(guide, 1, ResourceKind::Certification),
        vec!["AWS Certified Solutions Architect – Associate (SAA-C03)"]
    );
    assert_eq!(
        resources_of(guide, 2, ResourceKind::Book),
        vec!["マスタリングTCP/IP 入門編"]
    );
    assert_eq!(
        resources_of(guide, 2, ResourceKind::Certification),
        vec!["LPI認定試験（LPIC）"]
    );
    assert_eq!(
        resources_of(guide, 3, ResourceKind::Book),
        vec!["Kubernetes実践ガイド", "Docker/Kubernetes 実践入門"]
    );
    assert_eq!(
        resources_of(guide, 3, ResourceKind::Course),
        vec!["CKA (Certified Kubernetes Administrator) 認定資格の学習コース"]
    );
    assert_eq!(
        resources_of(guide, 3, ResourceKind::Certification),
        vec!["CKA (Certified Kubernetes Administrator)"]
    );
    assert_eq!(
        resources_of(guide, 4, ResourceKind::Book),
        vec!["Terraform実践入門"]
    );
    assert_eq!(
        resources_of(guide, 4, ResourceKind::Certification),
        vec!["HashiCorp Certified Terraform Associate"]
    );
    assert_eq!(
        resources_of(guide, 5, ResourceKind::Book),
        vec!["継続的デリバリー"]
    );
    assert_eq!(
        resources_of(guide, 6, ResourceKind::Course),
        vec!["PrometheusとGrafanaの公式ドキュメント"]
    );
    assert_eq!(
        resources_of(guide, 7, ResourceKind::Course),
        vec!["Go言語を用いたCLIツールの開発チュートリアル"]
    );
    for step in 5..=7 {
        assert!(resources_of(guide, step, ResourceKind::Certification).is_empty());
    }
}

#[test]
fn platform_engineer_names_thirteen_companies_in_four_employer_types_and_no_generic_phrases() {
    let guide = platform();
    assert_eq!(
        names(&guide.employer_types, |e| &e.name),
        vec![
            "大規模Webサービス・SaaS企業",
            "FinTech・金融系企業",
            "クラウドインテグレーターおよびSIerのDX推進部門",
            "製造業・IoT関連企業",
        ]
    );
    assert_eq!(
        companies_of(guide, "大規模Webサービス・SaaS企業"),
        vec!["メルカリ", "LINEヤフー", "DeNA", "リクルート", "SmartHR"]
    );
    assert_eq!(
        companies_of(guide, "FinTech・金融系企業"),
        vec!["PayPay", "マネーフォワード"]
    );
    assert_eq!(
        companies_of(guide, "クラウドインテグレーターおよびSIerのDX推進部門"),
        vec!["NTTデータ", "富士通", "TIS"]
    );
    assert_eq!(
        companies_of(guide, "製造業・IoT関連企業"),
        vec!["トヨタ", "ソニー", "日立"]
    );
    let all: Vec<&str> = guide
        .employer_types
        .iter()
        .flat_map(|e| e.companies.iter().map(String::as_str))
        .collect();
    assert_eq!(all.len(), 13);
    for generic in [
        "証券会社",
        "メガバンクのデジタル部門",
        "主要なクラウドベンダーのパートナー企業",
    ] {
        assert!(!all.contains(&generic), "{generic} is not a company");
    }
    assert!(
        guide.employer_types[1]
            .description
            .starts_with("金融業界はセキュリティとコンプライアンスの要求")
    );
}

#[test]
fn platform_engineer_has_fourteen_interview_questions_from_the_table() {
    let questions = &platform().interview_questions;
    assert_eq!(questions.len(), 14);
    assert_eq!(
        questions[0].question,
        "KubernetesのPodスケジューリングの仕組みを説明してください。"
    );
    assert_eq!(
        questions[7].question,
        "GitOpsとは何ですか？従来のCI/CDとの違いは？"
    );
    assert_eq!(
        questions[13].question,
        "コンテナイメージのサイズを削減するための具体的なテクニックを教えてください。"
    );
    assert!(
        questions[0]
            .answer_points
            .starts_with("スケジューラー（kube-scheduler）が")
    );
    assert_eq!(
        questions.iter().map(|q| q.line).collect::<Vec<_>>(),
        (330..=343).collect::<Vec<_>>()
    );
    for question in questions {
        assert!(!question.question.contains("**"), "{}", question.question);
        assert!(!question.answer_points.is_empty(), "{}", question.question);
    }
}

// --------------------------------------------------- cloud native engineer

#[test]
fn cloud_native_engineer_front_matter_is_read_field_by_field() {
    let front = &cloud_native().front;
    assert_eq!(front.slug, "cloud_native_engineer");
    assert_eq!(
        front.title,
        "クラウド時代のアプリケーション基盤構築の専門家"
    );
    assert_eq!(front.category.as_deref(), Some("cloud-infra"));
    assert_eq!(front.tags.len(), 9);
    assert_eq!(front.tags.first().map(String::as_str), Some("Kubernetes"));
    assert_eq!(front.tags.last().map(String::as_str), Some("Go言語"));
    assert_eq!(
        front.related_jobs,
        vec![
            "devops_engineer",
            "site_reliability_engineer",
            "backend_developer"
        ]
    );
    assert_eq!(front.keywords.len(), 9);
    assert!(front.keywords.iter().any(|k| k == "クラウドネイティブ"));
}

#[test]
fn cloud_native_engineer_headline_overview_and_summary_are_plain_text() {
    let guide = cloud_native();
    assert_eq!(
        guide.headline.as_deref(),
        Some("[完全ガイド] Cloud Native Engineer: クラウド時代のアプリケーション基盤構築の専門家")
    );
    let overview = guide.overview.as_ref().expect("overview");
    assert_eq!(overview.line, 42);
    assert!(overview.text.starts_with("現代のデジタル経済において"));
    assert!(
        overview
            .text
            .contains("Cloud Native Engineerを「現代のデジタル都市を建設し")
    );
    let summary = guide.summary.as_ref().expect("summary");
    assert_eq!(summary.line, 335);
    assert!(summary.text.contains("「クラウドネイティブな思考様式」は"));
    assert!(!overview.text.contains("**") && !summary.text.contains("**"));
}

#[test]
fn cloud_native_engineer_has_seven_duties_with_detail() {
    let duties = &cloud_native().duties;
    assert_eq!(
        names(duties, |d| &d.title),
        vec![
            "マイクロサービスアーキテクチャの設計と実装",
            "コンテナ化とオーケストレーションの管理",
            "CI/CDパイプラインの構築と自動化",
            "インフラストラクチャ・アズ・コード（IaC）の推進",
            "オブザーバビリティ（可観測性）の実装",
            "クラウドセキュリティ（DevSecOps）の組み込み",
            "コスト管理とリソース最適化（FinOps）",
        ]
    );
    for duty in duties {
        assert!(!duty.description.is_empty(), "{}", duty.title);
        assert!(!duty.detail.is_empty(), "{}", duty.title);
    }
    assert!(
        duties[2]
            .detail
            .starts_with("Jenkins、GitHub Actions、GitLab CI")
    );
}

#[test]
fn cloud_native_engineer_has_seven_hard_and_five_soft_skills_by_name() {
    let guide = cloud_native();
    assert_eq!(
        skills_of(guide, SkillKind::Hard),
        vec![
            "クラウドコンピューティング",
            "プログラミング言語",
            "コンテナ技術",
            "オーケストレーション",
            "IaC (Infrastructure as Code)",
            "ネットワークとセキュリティ",
            "データベース",
        ]
    );
    assert_eq!(
        skills_of(guide, SkillKind::Soft),
        vec![
            "戦略的思考",
            "コミュニケーション",
            "問題解決能力",
            "DevOps文化の推進",
            "ドキュメンテーション",
        ]
    );
}

#[test]
fn cloud_native_engineer_tools_are_split_out_of_their_descriptions() {
    let guide = cloud_native();
    assert_eq!(
        names(&guide.tool_categories, |c| &c.category),
        vec![
            "CI/CDツール",
            "監視・オブザーバビリティ",
            "IaCツール",
            "サービスメッシュ",
            "シークレット管理",
            "バージョン管理",
        ]
    );
    assert_eq!(
        tools_of(guide, "CI/CDツール"),
        vec!["Jenkins", "GitHub Actions", "GitLab CI", "ArgoCD"]
    );
    assert_eq!(
        tools_of(guide, "監視・オブザーバビリティ"),
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
    assert_eq!(
        tools_of(guide, "IaCツール"),
        vec!["Terraform", "Ansible", "CloudFormation"]
    );
    assert_eq!(
        tools_of(guide, "サービスメッシュ"),
        vec!["Istio", "Linkerd"]
    );
    assert_eq!(
        tools_of(guide, "シークレット管理"),
        vec![
            "HashiCorp Vault",
            "AWS Secrets Manager",
            "Kubernetes Secrets"
        ]
    );
    assert_eq!(
        tools_of(guide, "バージョン管理"),
        vec!["Git", "GitHub", "GitLab", "Bitbucket"]
    );
    let every_tool: Vec<&String> = guide
        .tool_categories
        .iter()
        .flat_map(|c| &c.tools)
        .collect();
    assert!(
        every_tool
            .iter()
            .all(|tool| !tool.contains(['(', '（', '）', ')'])),
        "{every_tool:?}"
    );
}

#[test]
fn cloud_native_engineer_works_with_four_teams_named_without_their_english_names() {
    let teams = &cloud_native().teams;
    assert_eq!(
        names(teams, |t| &t.name),
        vec![
            "ソフトウェア開発者",
            "SRE / 運用チーム",
            "プロダクトマネージャー",
            "セキュリティチーム"
        ]
    );
    assert_eq!(teams[0].aliases, vec!["Software Developers"]);
    assert_eq!(teams[1].aliases, vec!["Site Reliability Engineering"]);
    assert_eq!(teams[3].aliases, vec!["Security Team"]);
    for team in teams {
        assert!(!team.description.is_empty(), "{}", team.name);
        assert!(!team.activities.is_empty(), "{}", team.name);
        assert!(!team.purpose.is_empty(), "{}", team.name);
    }
    assert_eq!(
        teams[3].purpose,
        "セキュリティリスクを最小限に抑えつつ、開発速度を維持すること。"
    );
}

#[test]
fn cloud_native_engineer_career_ladder_ends_with_the_cloud_architect() {
    let stages = &cloud_native().stages;
    assert_eq!(
        names(stages, |s| &s.name),
        vec![
            "ジュニア開発者",
            "ミドル開発者",
            "シニア開発者",
            "リードエンジニア",
            "クラウドアーキテクト"
        ]
    );
    assert!(stages.iter().all(|s| !s.name.contains("**")));
    assert!(
        stages
            .iter()
            .all(|s| !s.responsibilities.is_empty() && !s.outlook.is_empty())
    );
    assert_eq!(stages[4].order, 5);
    assert_eq!(
        stages[4].outlook,
        "CTOやVPoEなど、経営層に近いポジションでの技術的リーダーシップの発揮。"
    );
}

#[test]
fn cloud_native_engineer_outlook_lists_seven_trends() {
    let trends = &cloud_native().trends;
    assert_eq!(
        names(trends, |t| &t.title),
        vec![
            "プラットフォームエンジニアリングへの進化",
            "サーバーレスとFaaSの統合",
            "FinOps（財務運用）の専門化",
            "エッジコンピューティングとIoTへの対応",
            "マルチクラウド/ハイブリッドクラウド戦略の深化",
            "AI/MLワークロードのネイティブ化",
            "サプライチェーンセキュリティの強化",
        ]
    );
    assert!(trends[3].text.starts_with("5Gの普及に伴い"));
}

#[test]
fn cloud_native_engineer_learning_path_has_seven_steps_with_books_courses_and_certifications() {
    let guide = cloud_native();
    assert_eq!(
        names(&guide.learning_steps, |s| &s.title),
        vec![
            "基礎知識の徹底習得",
            "クラウドプロバイダーの認定資格取得",
            "コンテナ技術のマスター",
            "IaCと自動化の実践",
            "オブザーバビリティとSRE原則の深化",
            "DevSecOpsとセキュリティの組み込み",
            "コミュニティへの参加と実践プロジェクト",
        ]
    );
    assert!(guide.learning_steps.iter().all(|s| !s.goal.is_empty()));
    assert_eq!(
        resources_of(guide, 1, ResourceKind::Book),
        vec!["Linuxカーネルのしくみ", "マスタリングTCP/IP"]
    );
    assert_eq!(
        resources_of(guide, 2, ResourceKind::Certification),
        vec![
            "AWS Certified Solutions Architect - Associate",
            "Google Cloud Professional Cloud Architect"
        ]
    );
    assert_eq!(
        resources_of(guide, 3, ResourceKind::Book),
        vec!["Docker/Kubernetes実践ガイド", "Kubernetes The Hard Way"]
    );
    assert_eq!(
        resources_of(guide, 3, ResourceKind::Certification),
        vec!["Certified Kubernetes Administrator (CKA)"]
    );
    assert_eq!(
        resources_of(guide, 4, ResourceKind::Book),
        vec!["Terraform実践入門"]
    );
    assert_eq!(
        resources_of(guide, 5, ResourceKind::Book),
        vec!["Site Reliability Engineering"]
    );
    assert_eq!(
        resources_of(guide, 6, ResourceKind::Book),
        vec!["Kubernetesセキュリティガイド"]
    );
    for step in 1..=7 {
        assert_eq!(
            resources_of(guide, step, ResourceKind::Course).len(),
            1,
            "step {step}"
        );
    }
}

#[test]
fn cloud_native_engineer_names_companies_only_where_the_guide_names_them() {
    let guide = cloud_native();
    assert_eq!(
        names(&guide.employer_types, |e| &e.name),
        vec![
            "大規模Webサービス企業・テックカンパニー",
            "メガクラウドインテグレーター・SIer",
            "FinTech企業・デジタルバンク",
            "SaaSスタートアップ・ベンチャー企業",
        ]
    );
    assert_eq!(
        companies_of(guide, "大規模Webサービス企業・テックカンパニー"),
        vec!["メルカリ", "LINEヤフー", "DeNA", "リクルート"]
    );
    assert_eq!(
        companies_of(guide, "メガクラウドインテグレーター・SIer"),
        vec!["NTTデータ", "富士通", "日立製作所", "TIS"]
    );
    assert!(companies_of(guide, "FinTech企業・デジタルバンク").is_empty());
    assert!(companies_of(guide, "SaaSスタートアップ・ベンチャー企業").is_empty());
    assert!(
        guide
            .employer_types
            .iter()
            .all(|e| !e.description.is_empty() && !e.description.contains("企業例"))
    );
}

#[test]
fn cloud_native_engineer_has_fourteen_interview_questions_from_the_bullet_list() {
    let questions = &cloud_native().interview_questions;
    assert_eq!(questions.len(), 14);
    assert_eq!(
        questions[0].question,
        "KubernetesのPodがPending状態から進まない場合、どのような手順でデバッグしますか？"
    );
    assert_eq!(
        questions[13].question,
        "クラウドネイティブ環境でシークレット（機密情報）を安全に管理する方法を説明してください。"
    );
    assert!(
        questions[0]
            .answer_points
            .starts_with("kubectl describe podでイベントを確認し")
    );
    assert_eq!(questions[0].line, 291);
    for question in questions {
        assert!(!question.question.contains("**"));
        assert!(
            !question.question.starts_with("質問"),
            "{}",
            question.question
        );
        assert!(!question.answer_points.is_empty(), "{}", question.question);
        assert!(!question.answer_points.starts_with("ポイント"));
    }
}
