//! The words the synthetic guides are made of: job families and roles, tool
//! categories and their tools, skills, teams, employers, certifications and
//! the phrases that join them into prose.
//!
//! Lists are ordered most common first: the generator draws from them with a
//! Zipf-like distribution, so the first entries of a list appear in many
//! guides and the last in few, as in a real corpus.
//!
//! Every name a guide writes in its skills and tools tables (skills, soft
//! skills, tool categories) is a [`Gloss`]: the Japanese the guide writes
//! and the English a practitioner would write for it, from which the
//! generator makes the corpus's glossary.

/// A name as the guides write it (Japanese, or Latin letters for names
/// such as `GraphQL`) and its English: `(ja, en)`.
pub type Gloss = (&'static str, &'static str);

/// A job family: the roles in it and what its guides talk about.
pub struct Domain {
    /// The front matter's `category`.
    pub category: &'static str,
    pub roles: &'static [Role],
    /// Indexes into [`TOOL_CATEGORIES`] this family's guides favour, most
    /// favoured first.
    pub tool_categories: &'static [usize],
    /// Hard skills of this family, most common first.
    pub skills: &'static [Gloss],
    /// What a guide's title says the role is an expert in.
    pub focus: &'static [&'static str],
    /// Front-matter keywords.
    pub keywords: &'static [&'static str],
    /// Goals a role of this family works towards.
    pub goals: &'static [&'static str],
}

/// A role: its slug stem, English and Japanese names, and another slug
/// spelling written in some guides' `related_jobs`.
pub struct Role {
    pub slug: &'static str,
    pub en: &'static str,
    pub ja: &'static str,
    pub alt_slug: Option<&'static str>,
}

const fn role(slug: &'static str, en: &'static str, ja: &'static str) -> Role {
    Role {
        slug,
        en,
        ja,
        alt_slug: None,
    }
}

const fn aliased(
    slug: &'static str,
    en: &'static str,
    ja: &'static str,
    alt: &'static str,
) -> Role {
    Role {
        slug,
        en,
        ja,
        alt_slug: Some(alt),
    }
}

/// A row of a tools table: the category's names, its tools (most used
/// first) and what they are used for.
pub struct ToolCategory {
    /// The names a tools table gives the category.
    pub labels: &'static [Gloss],
    pub tools: &'static [&'static str],
    pub purposes: &'static [&'static str],
}

pub const TOOL_CATEGORIES: &[ToolCategory] = &[
    // 0
    ToolCategory {
        labels: &[
            ("CI/CDツール", "CI/CD tools"),
            ("CI/CD", "CI/CD"),
            ("継続的デリバリー", "continuous delivery"),
        ],
        tools: &[
            "GitHub Actions",
            "Jenkins",
            "GitLab CI",
            "ArgoCD",
            "CircleCI",
            "Tekton",
            "Flux",
            "Spinnaker",
            "AWS CodePipeline",
            "Azure Pipelines",
            "Buildkite",
            "Drone",
            "TeamCity",
            "Bamboo",
            "Travis CI",
        ],
        purposes: &[
            "デプロイメントパイプラインの構築と管理",
            "パイプラインの構築とGitOpsの実現",
            "テストからリリースまでの自動化",
        ],
    },
    // 1
    ToolCategory {
        labels: &[
            ("監視・アラート", "monitoring and alerting"),
            ("監視・オブザーバビリティ", "monitoring and observability"),
            ("モニタリング", "monitoring"),
        ],
        tools: &[
            "Prometheus",
            "Grafana",
            "Datadog",
            "New Relic",
            "Alertmanager",
            "PagerDuty",
            "Sentry",
            "Zabbix",
            "Mackerel",
            "Dynatrace",
            "Opsgenie",
            "Thanos",
            "Nagios",
            "VictoriaMetrics",
            "AppDynamics",
        ],
        purposes: &[
            "システムパフォーマンスの監視と異常検知",
            "メトリクス収集とダッシュボードの構築",
            "SLOに基づくアラート設計",
        ],
    },
    // 2
    ToolCategory {
        labels: &[
            ("ログ管理", "log management"),
            ("ログ基盤", "logging platform"),
        ],
        tools: &[
            "ELK Stack",
            "Fluentd",
            "Loki",
            "Splunk",
            "Fluent Bit",
            "CloudWatch Logs",
            "Logstash",
            "Vector",
            "Graylog",
            "Sumo Logic",
        ],
        purposes: &[
            "ログの収集、集約、分析",
            "障害調査のためのログ検索基盤の運用",
        ],
    },
    // 3
    ToolCategory {
        labels: &[
            ("分散トレーシング", "distributed tracing"),
            ("トレーシング", "tracing"),
        ],
        tools: &[
            "OpenTelemetry",
            "Jaeger",
            "Zipkin",
            "AWS X-Ray",
            "Tempo",
            "Honeycomb",
            "Lightstep",
        ],
        purposes: &[
            "マイクロサービス間のリクエスト追跡",
            "レイテンシのボトルネック特定",
        ],
    },
    // 4
    ToolCategory {
        labels: &[
            ("IaCと構成管理", "IaC and configuration management"),
            ("IaCツール", "IaC tools"),
            ("構成管理", "configuration management"),
        ],
        tools: &[
            "Terraform",
            "Ansible",
            "CloudFormation",
            "Pulumi",
            "AWS CDK",
            "Chef",
            "Puppet",
            "Packer",
            "Crossplane",
            "Terragrunt",
            "Bicep",
            "SaltStack",
        ],
        purposes: &[
            "インフラとOSレベルの設定の自動化",
            "宣言的なインフラ構築と状態管理",
            "環境の再現性の確保",
        ],
    },
    // 5
    ToolCategory {
        labels: &[
            ("コンテナ・オーケストレーション", "container orchestration"),
            ("コンテナ技術", "container technology"),
        ],
        tools: &[
            "Docker",
            "Kubernetes",
            "Helm",
            "Kustomize",
            "Amazon ECS",
            "OpenShift",
            "Rancher",
            "Podman",
            "containerd",
            "Minikube",
            "K3s",
            "kind",
            "Nomad",
        ],
        purposes: &[
            "アプリケーションのコンテナ化と運用",
            "クラスターの構築とワークロード管理",
        ],
    },
    // 6
    ToolCategory {
        labels: &[
            ("サービスメッシュ", "service mesh"),
            ("ネットワーク制御", "network traffic control"),
        ],
        tools: &["Istio", "Linkerd", "Envoy", "Cilium", "Consul", "Kuma"],
        purposes: &[
            "マイクロサービス間の通信管理、セキュリティ、トラフィックルーティング",
            "mTLSによるサービス間通信の保護",
        ],
    },
    // 7
    ToolCategory {
        labels: &[
            ("クラウドプラットフォーム", "cloud platforms"),
            ("クラウド", "cloud"),
            ("パブリッククラウド", "public cloud"),
        ],
        tools: &[
            "AWS",
            "GCP",
            "Azure",
            "Cloudflare",
            "Oracle Cloud",
            "さくらのクラウド",
            "IBM Cloud",
            "Vercel",
            "Heroku",
            "Alibaba Cloud",
            "Netlify",
        ],
        purposes: &[
            "主要サービスを用いたシステム構築",
            "マルチクラウド戦略の設計",
        ],
    },
    // 8
    ToolCategory {
        labels: &[
            ("データベース", "databases"),
            ("データストア", "data stores"),
        ],
        tools: &[
            "PostgreSQL",
            "MySQL",
            "Redis",
            "DynamoDB",
            "MongoDB",
            "Amazon Aurora",
            "Elasticsearch",
            "Oracle Database",
            "SQL Server",
            "Cloud Spanner",
            "Cassandra",
            "MariaDB",
            "CockroachDB",
            "SQLite",
            "Neo4j",
        ],
        purposes: &[
            "データの永続化とスケーリング",
            "スキーマ設計とクエリの最適化",
        ],
    },
    // 9
    ToolCategory {
        labels: &[
            ("データ基盤", "data platform"),
            ("データパイプライン", "data pipelines"),
            ("分析基盤", "analytics platform"),
        ],
        tools: &[
            "BigQuery",
            "Snowflake",
            "Apache Spark",
            "Apache Kafka",
            "Apache Airflow",
            "dbt",
            "Databricks",
            "Amazon Redshift",
            "Apache Flink",
            "Trino",
            "Dataflow",
            "Fivetran",
            "Hadoop",
            "Apache Beam",
            "Hive",
        ],
        purposes: &[
            "大規模データの収集、変換、蓄積",
            "バッチとストリーミングのデータ処理",
        ],
    },
    // 10
    ToolCategory {
        labels: &[
            ("BI・可視化", "BI and visualization"),
            ("可視化ツール", "visualization tools"),
        ],
        tools: &[
            "Tableau",
            "Looker",
            "Power BI",
            "Metabase",
            "Redash",
            "Looker Studio",
            "Superset",
        ],
        purposes: &["経営指標のダッシュボード化", "分析結果の共有と意思決定支援"],
    },
    // 11
    ToolCategory {
        labels: &[
            ("機械学習フレームワーク", "machine learning frameworks"),
            ("ML基盤", "ML platform"),
            ("AI・機械学習", "AI and machine learning"),
        ],
        tools: &[
            "PyTorch",
            "TensorFlow",
            "scikit-learn",
            "MLflow",
            "Kubeflow",
            "SageMaker",
            "Vertex AI",
            "Hugging Face Transformers",
            "LangChain",
            "XGBoost",
            "LightGBM",
            "ONNX",
            "Weights & Biases",
            "JAX",
        ],
        purposes: &["モデルの学習、評価、デプロイ", "実験管理と再現性の確保"],
    },
    // 12
    ToolCategory {
        labels: &[
            ("プログラミング言語", "programming languages"),
            ("開発言語", "development languages"),
        ],
        tools: &[
            "Python",
            "Go",
            "TypeScript",
            "Java",
            "JavaScript",
            "SQL",
            "Bash",
            "Kotlin",
            "Rust",
            "C#",
            "Ruby",
            "PHP",
            "Swift",
            "Scala",
            "C++",
            "Dart",
            "Elixir",
        ],
        purposes: &[
            "自動化スクリプトやカスタムツールの開発",
            "業務アプリケーションの実装",
        ],
    },
    // 13
    ToolCategory {
        labels: &[
            ("Webフレームワーク", "web frameworks"),
            ("フレームワーク", "frameworks"),
        ],
        tools: &[
            "React",
            "Next.js",
            "Vue.js",
            "Spring Boot",
            "Ruby on Rails",
            "Django",
            "FastAPI",
            "Express",
            "NestJS",
            "Laravel",
            "Angular",
            "Nuxt.js",
            "Flask",
            "Svelte",
            "Gin",
            "ASP.NET Core",
        ],
        purposes: &["Webアプリケーションの構築", "API開発と画面実装"],
    },
    // 14
    ToolCategory {
        labels: &[
            ("モバイル開発", "mobile development"),
            ("モバイルアプリ開発環境", "mobile app development tools"),
        ],
        tools: &[
            "Xcode",
            "Android Studio",
            "Flutter",
            "SwiftUI",
            "Jetpack Compose",
            "Firebase",
            "React Native",
            "Fastlane",
            "TestFlight",
            "Bitrise",
        ],
        purposes: &["ネイティブアプリの開発と配布", "ストア審査とリリース管理"],
    },
    // 15
    ToolCategory {
        labels: &[
            ("テスト・品質管理", "testing and quality management"),
            ("テスト自動化", "test automation"),
        ],
        tools: &[
            "Selenium",
            "Playwright",
            "Cypress",
            "Jest",
            "pytest",
            "JUnit",
            "JMeter",
            "k6",
            "SonarQube",
            "Postman",
            "Appium",
            "Gatling",
            "TestRail",
        ],
        purposes: &["回帰テストの自動化と品質の可視化", "負荷試験と性能評価"],
    },
    // 16
    ToolCategory {
        labels: &[
            ("セキュリティ", "security"),
            ("セキュリティツール", "security tools"),
            ("シークレット管理", "secrets management"),
        ],
        tools: &[
            "HashiCorp Vault",
            "Snyk",
            "Trivy",
            "AWS Secrets Manager",
            "Okta",
            "Burp Suite",
            "OWASP ZAP",
            "Falco",
            "CrowdStrike",
            "Nessus",
            "Wireshark",
            "Keycloak",
            "Prisma Cloud",
            "Sigstore",
            "Metasploit",
        ],
        purposes: &[
            "機密情報の安全な管理と配布",
            "脆弱性の検出と修正の自動化",
            "脅威の検知とインシデント対応",
        ],
    },
    // 17
    ToolCategory {
        labels: &[
            ("バージョン管理", "version control"),
            ("ソースコード管理", "source code management"),
        ],
        tools: &[
            "Git",
            "GitHub",
            "GitLab",
            "Bitbucket",
            "Gerrit",
            "Subversion",
        ],
        purposes: &[
            "コードベースの管理とGitOpsワークフローの確立",
            "ブランチ戦略とレビュープロセスの徹底",
        ],
    },
    // 18
    ToolCategory {
        labels: &[
            (
                "プロジェクト管理・コミュニケーション",
                "project management and communication",
            ),
            ("コラボレーションツール", "collaboration tools"),
        ],
        tools: &[
            "Jira",
            "Slack",
            "Confluence",
            "Notion",
            "Backlog",
            "Microsoft Teams",
            "Asana",
            "Miro",
            "Trello",
            "Linear",
        ],
        purposes: &["タスク管理と情報共有", "チーム横断の進捗管理"],
    },
    // 19
    ToolCategory {
        labels: &[
            ("デザインツール", "design tools"),
            ("デザイン・プロトタイピング", "design and prototyping"),
        ],
        tools: &[
            "Figma",
            "Adobe XD",
            "Sketch",
            "Storybook",
            "Adobe Photoshop",
            "Adobe Illustrator",
            "ProtoPie",
            "Zeplin",
            "Framer",
        ],
        purposes: &["画面設計とプロトタイピング", "デザインシステムの運用"],
    },
    // 20
    ToolCategory {
        labels: &[
            (
                "ネットワーク機器・サービス",
                "network equipment and services",
            ),
            ("ネットワーク", "networking"),
        ],
        tools: &[
            "Nginx",
            "Cisco IOS",
            "HAProxy",
            "Amazon Route 53",
            "F5 BIG-IP",
            "Juniper Junos",
            "Palo Alto Networks",
            "FortiGate",
            "Amazon CloudFront",
            "Akamai",
        ],
        purposes: &["ネットワークの設計と運用", "負荷分散と通信の最適化"],
    },
    // 21
    ToolCategory {
        labels: &[
            ("組込み開発環境", "embedded development tools"),
            ("組込み・IoT", "embedded and IoT"),
        ],
        tools: &[
            "FreeRTOS",
            "Zephyr",
            "Yocto",
            "Arduino",
            "Raspberry Pi",
            "MATLAB",
            "Simulink",
            "ROS",
            "AWS IoT Core",
            "Keil",
            "Vivado",
        ],
        purposes: &["ファームウェアの開発と検証", "デバイスとクラウドの連携"],
    },
];

/// Other spellings of tools, written now and then instead of the name;
/// the alias file maps each back.
pub const TOOL_VARIANTS: &[(&str, &[&str])] = &[
    ("Kubernetes", &["K8s", "k8s", "クバネティス"]),
    ("ELK Stack", &["ELK", "Elastic Stack"]),
    ("Go", &["Go言語", "Golang"]),
    ("Terraform", &["テラフォーム"]),
    ("AWS", &["Amazon Web Services"]),
    ("GCP", &["Google Cloud", "Google Cloud Platform"]),
    ("Azure", &["Microsoft Azure"]),
    ("PostgreSQL", &["Postgres"]),
    ("ArgoCD", &["Argo CD"]),
    ("GitLab CI", &["GitLab CI/CD"]),
    ("CloudFormation", &["AWS CloudFormation"]),
    ("HashiCorp Vault", &["Vault"]),
    ("Apache Kafka", &["Kafka"]),
    ("Apache Spark", &["Spark"]),
    ("Apache Airflow", &["Airflow"]),
    ("scikit-learn", &["sklearn"]),
    ("Vue.js", &["Vue"]),
    ("Next.js", &["NextJS"]),
];

/// Hard skills every family may list, most common first.
pub const COMMON_SKILLS: &[Gloss] = &[
    ("プログラミング言語", "programming languages"),
    ("クラウドコンピューティング", "cloud computing"),
    ("Linux", "Linux"),
    ("ネットワークとセキュリティ", "networking and security"),
    ("データベース", "databases"),
    ("SQL", "SQL"),
    ("Git", "Git"),
    ("API設計", "API design"),
    ("テスト自動化", "test automation"),
    ("アーキテクチャ設計", "software architecture"),
    (
        "IaC (Infrastructure as Code)",
        "IaC (Infrastructure as Code)",
    ),
    ("CI/CD", "CI/CD"),
    ("オブザーバビリティ", "observability"),
    ("パフォーマンスチューニング", "performance tuning"),
    ("セキュアコーディング", "secure coding"),
    ("分散システム", "distributed systems"),
    ("シェルスクリプト", "shell scripting"),
    (
        "コンテナ技術とオーケストレーション",
        "containers and orchestration",
    ),
    ("データ構造とアルゴリズム", "data structures and algorithms"),
    ("アジャイル開発", "agile development"),
    ("ドメイン駆動設計", "domain-driven design"),
    (
        "マイクロサービスアーキテクチャ",
        "microservices architecture",
    ),
    ("インシデント対応", "incident handling"),
    ("技術文書の作成", "technical writing"),
    ("コードレビュー", "code review"),
    ("統計学", "statistics"),
    ("TCP/IP", "TCP/IP"),
    ("認証・認可", "authentication and authorization"),
    ("キャッシュ戦略", "caching strategy"),
    ("非同期処理", "asynchronous programming"),
    ("Webアクセシビリティ", "web accessibility"),
    ("英語での技術調査", "technical research in English"),
    ("コスト最適化", "cost optimization"),
    ("可用性設計", "high-availability design"),
    ("障害分析", "failure analysis"),
    ("要件定義", "requirements definition"),
    ("モデリング", "modeling"),
    ("正規表現", "regular expressions"),
    ("メッセージキュー", "message queues"),
    ("イベント駆動アーキテクチャ", "event-driven architecture"),
];

/// A suffix that turns a topic into a more specific skill (`API設計` →
/// `API設計の自動化`), and what it makes of the topic's English.
pub struct SkillSuffix {
    pub ja: &'static str,
    /// The skill's English, `{}` standing for the topic's (`{} automation`).
    pub en: &'static str,
    /// The English when the topic's already ends with the word `en` adds,
    /// which would say it twice (`API design` + `design`).
    pub en_doubled: &'static str,
}

impl SkillSuffix {
    /// The English of the skill this suffix makes of a topic whose English
    /// is `topic`. A topic's parenthesised gloss is left out of a longer
    /// name (`IaC (Infrastructure as Code)` → `IaC automation`).
    pub fn english(&self, topic: &str) -> String {
        let added = self.en.replace("{}", "");
        let added = added.trim();
        if added.is_empty() {
            return topic.to_owned();
        }
        let topic = match topic.split_once(" (") {
            Some((outer, _)) if topic.ends_with(')') => outer,
            _ => topic,
        };
        let doubled = topic
            .strip_suffix(added)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', '-']));
        let form = if doubled { self.en_doubled } else { self.en };
        form.replace("{}", topic)
    }
}

const fn suffix(ja: &'static str, en: &'static str, en_doubled: &'static str) -> SkillSuffix {
    SkillSuffix { ja, en, en_doubled }
}

/// Suffixes that turn a topic into a more specific skill: the long tail of
/// the skill vocabulary. The first is none.
pub const SKILL_SUFFIXES: &[SkillSuffix] = &[
    suffix("", "{}", "{}"),
    suffix("の実践", "{} in practice", "{} in practice"),
    suffix("の運用", "{} operations", "running {}"),
    suffix("の最適化", "{} optimization", "{} strategy"),
    suffix("の設計", "{} design", "{} principles"),
    suffix("の自動化", "{} automation", "{} strategy"),
];

/// Soft skills, most common first.
pub const SOFT_SKILLS: &[Gloss] = &[
    ("コミュニケーション", "communication"),
    ("問題解決能力", "problem solving"),
    ("戦略的思考", "strategic thinking"),
    ("リーダーシップ", "leadership"),
    ("ドキュメンテーション", "documentation"),
    ("論理的思考", "logical thinking"),
    ("コミュニケーション能力", "communication skills"),
    ("ステークホルダー調整", "stakeholder management"),
    ("プロジェクトマネジメント", "project management"),
    ("メンタリング", "mentoring"),
    ("プレゼンテーション", "presentation skills"),
    ("交渉力", "negotiation"),
    ("顧客志向", "customer focus"),
    ("ファシリテーション", "facilitation"),
    ("チームビルディング", "team building"),
    ("優先順位付け", "prioritization"),
    ("批判的思考", "critical thinking"),
    ("変化への適応力", "adaptability"),
    ("学習意欲", "eagerness to learn"),
    ("英語力", "English proficiency"),
    ("時間管理", "time management"),
    ("傾聴力", "active listening"),
    ("データドリブンな意思決定", "data-driven decision-making"),
    ("リスク管理と信頼性", "risk management and reliability"),
    ("コーチング", "coaching"),
    ("品質へのこだわり", "commitment to quality"),
    ("予算管理", "budget management"),
    ("異文化理解", "cross-cultural understanding"),
    ("説明責任", "accountability"),
    ("DevOps文化の推進", "promoting DevOps culture"),
    ("開発者エンゲージメント", "developer engagement"),
    ("教育とトレーニング", "education and training"),
    ("粘り強さ", "persistence"),
    ("共感力", "empathy"),
    ("採用と育成", "hiring and talent development"),
];

/// Teams a role works with, most common first.
pub const TEAMS: &[&str] = &[
    "開発チーム（Dev Team）",
    "プロダクトマネージャー（PM）",
    "SRE/運用チーム",
    "セキュリティチーム",
    "デザインチーム",
    "QAチーム",
    "データサイエンスチーム",
    "データエンジニアリングチーム",
    "インフラチーム",
    "経営層",
    "ソフトウェア開発者 (Software Developers)",
    "カスタマーサクセス",
    "営業チーム",
    "マーケティングチーム",
    "情報システム部門",
    "法務・コンプライアンス部門",
    "研究開発部門",
    "ハードウェアチーム",
    "サポートチーム",
    "人事部門",
    "経理・財務部門",
    "外部ベンダー",
    "プロダクトマネージャー (Product Managers / PdM)",
    "セキュリティチーム (Security Team)",
];

/// Kinds of employer with companies of that kind, most common first.
pub const EMPLOYERS: &[(&str, &[&str])] = &[
    (
        "大規模Webサービス・SaaS企業",
        &[
            "メルカリ",
            "LINEヤフー",
            "DeNA",
            "リクルート",
            "SmartHR",
            "サイバーエージェント",
            "楽天グループ",
            "freee",
            "Sansan",
        ],
    ),
    (
        "FinTech・金融系企業",
        &[
            "PayPay",
            "マネーフォワード",
            "SBI証券",
            "三菱UFJフィナンシャル・グループ",
            "みずほフィナンシャルグループ",
            "楽天証券",
            "Kyash",
        ],
    ),
    (
        "SIer・クラウドインテグレーター",
        &[
            "NTTデータ",
            "富士通",
            "NEC",
            "日立製作所",
            "TIS",
            "野村総合研究所",
            "SCSK",
            "クラスメソッド",
            "アイレット",
        ],
    ),
    (
        "製造業・IoT関連企業",
        &[
            "トヨタ自動車",
            "ソニー",
            "パナソニック",
            "デンソー",
            "キーエンス",
            "ファナック",
            "オムロン",
        ],
    ),
    (
        "ゲーム・エンターテインメント企業",
        &[
            "任天堂",
            "スクウェア・エニックス",
            "バンダイナムコ",
            "カプコン",
            "セガ",
            "コナミ",
            "ミクシィ",
        ],
    ),
    (
        "通信キャリア",
        &["NTTドコモ", "KDDI", "ソフトバンク", "楽天モバイル"],
    ),
    (
        "コンサルティングファーム",
        &[
            "アクセンチュア",
            "デロイト トーマツ",
            "PwCコンサルティング",
            "アビームコンサルティング",
            "ベイカレント",
        ],
    ),
    (
        "EC・小売企業",
        &[
            "ZOZO",
            "ファーストリテイリング",
            "Amazon Japan",
            "ニトリ",
            "MonotaRO",
        ],
    ),
    (
        "医療・ヘルスケア企業",
        &["エムスリー", "メドレー", "JMDC", "Ubie"],
    ),
    (
        "SaaSスタートアップ・ベンチャー企業",
        &["LayerX", "ANDPAD", "カウシェ", "ビットキー", "Ubie"],
    ),
    (
        "広告・メディア企業",
        &[
            "電通デジタル",
            "博報堂テクノロジーズ",
            "ニューズピックス",
            "note",
        ],
    ),
];

/// Certifications, written as the guides write them.
pub const CERTIFICATIONS: &[&str] = &[
    "AWS Certified Solutions Architect – Associate (SAA-C03)",
    "CKA (Certified Kubernetes Administrator)",
    "Google Cloud Professional Cloud Architect",
    "HashiCorp Certified Terraform Associate",
    "LPI認定試験（LPIC）",
    "Certified Kubernetes Application Developer (CKAD)",
    "AWS Certified DevOps Engineer – Professional",
    "Google Cloud Professional Data Engineer",
    "Microsoft Certified Azure Administrator Associate",
    "AWS Certified Machine Learning – Specialty",
    "ISTQB認定資格",
    "CCNA (Cisco Certified Network Associate)",
    "CISSP (Certified Information Systems Security Professional)",
    "Certified ScrumMaster (CSM)",
    "PMP (Project Management Professional)",
    "Oracle認定資格",
];

/// Course providers and the shape of a course name.
pub const COURSE_FORMS: &[&str] = &[
    "Udemyの「{x}完全入門」コース",
    "Courseraの「{x} Specialization」",
    "{x}の公式チュートリアル",
    "ドットインストールの{x}レッスン",
    "{x}に特化した実践的なラボ形式のコース",
    "社内勉強会と{x}のハンズオン",
];

/// The shape of a book title.
pub const BOOK_FORMS: &[&str] = &[
    "{x}実践入門",
    "はじめての{x}",
    "{x}の教科書",
    "入門 {x}",
    "{x}実践ガイド",
    "詳解 {x}",
    "{x}徹底攻略",
    "現場で使える{x}",
];

/// Titles of sections the guide format does not know.
pub const EXTRA_SECTIONS: &[&str] = &[
    "💰 年収の目安",
    "📅 一日のスケジュール例",
    "❓ よくある誤解",
    "🧭 向いている人の特徴",
    "📝 編集部より",
];

pub const METAPHORS: &[&str] = &[
    "開発者体験を最大化する高速道路の設計者",
    "デジタル都市を建設し発展させるマスターアーキテクト",
    "データという原石を磨き上げる宝石職人",
    "システムの健康を守る主治医",
    "組織の意思決定を照らす灯台",
    "ユーザーと技術をつなぐ通訳者",
    "見えないリスクから組織を守る門番",
    "チームの力を引き出すオーケストラの指揮者",
];

pub const INDUSTRIES: &[&str] = &[
    "大規模な組織",
    "頻繁なリリースが求められるSaaS企業",
    "規制の厳しい金融業界",
    "製造業",
    "スタートアップ",
    "公共分野",
    "EC業界",
    "ゲーム業界",
];

pub const TRENDS: &[&str] = &[
    "生成AIの活用拡大",
    "プラットフォームエンジニアリングの普及",
    "FinOps（クラウド財務管理）との統合",
    "ゼロトラストセキュリティの標準化",
    "サーバーレスとエッジコンピューティングへの対応",
    "マルチクラウド戦略の深化",
    "データメッシュと分散型データ管理",
    "サプライチェーンセキュリティの強化",
    "ローコード・ノーコードの浸透",
    "サステナビリティとグリーンIT",
    "リアルタイム処理の一般化",
    "規制対応とAIガバナンス",
];

pub const DOMAINS: &[Domain] = &[
    Domain {
        category: "cloud-infra",
        roles: &[
            role(
                "platform_engineer",
                "Platform Engineer",
                "プラットフォームエンジニア",
            ),
            aliased(
                "sre_engineer",
                "Site Reliability Engineer",
                "SREエンジニア",
                "site_reliability_engineer",
            ),
            role("devops_engineer", "DevOps Engineer", "DevOpsエンジニア"),
            role("cloud_architect", "Cloud Architect", "クラウドアーキテクト"),
            role(
                "cloud_native_engineer",
                "Cloud Native Engineer",
                "クラウドネイティブエンジニア",
            ),
            aliased(
                "infrastructure_engineer",
                "Infrastructure Engineer",
                "インフラエンジニア",
                "infra_engineer",
            ),
        ],
        tool_categories: &[5, 4, 0, 7, 1, 2, 6, 3, 12, 17],
        skills: &[
            (
                "コンテナ技術とオーケストレーション",
                "containers and orchestration",
            ),
            (
                "IaC (Infrastructure as Code)",
                "IaC (Infrastructure as Code)",
            ),
            ("クラウドコンピューティング", "cloud computing"),
            ("オブザーバビリティ", "observability"),
            ("キャパシティプランニング", "capacity planning"),
            ("SLO/SLA設計", "SLO/SLA design"),
            ("インフラ自動化", "infrastructure automation"),
            (
                "障害対応とポストモーテム",
                "incident response and postmortems",
            ),
            ("ロードバランシング", "load balancing"),
            ("マルチクラウド設計", "multi-cloud architecture"),
            ("GitOps", "GitOps"),
            ("ゼロトラストアーキテクチャ", "zero trust architecture"),
            ("カオスエンジニアリング", "chaos engineering"),
            ("サーバーレスアーキテクチャ", "serverless architecture"),
        ],
        focus: &[
            "開発効率を最大化する基盤構築",
            "止まらないサービスを支える信頼性設計",
            "クラウド時代のアプリケーション基盤構築",
            "インフラ自動化",
            "大規模システムの安定運用",
        ],
        keywords: &[
            "DevOps",
            "SRE",
            "クラウドコンピューティング",
            "自動化",
            "CI/CD",
            "Kubernetes",
            "マイクロサービス",
            "クラウドインフラ",
        ],
        goals: &[
            "開発者体験の向上",
            "システムの信頼性確保",
            "デプロイ頻度の向上",
            "運用負荷（Toil）の削減",
            "インフラコストの最適化",
        ],
    },
    Domain {
        category: "data",
        roles: &[
            role("data_engineer", "Data Engineer", "データエンジニア"),
            role("data_scientist", "Data Scientist", "データサイエンティスト"),
            role("data_analyst", "Data Analyst", "データアナリスト"),
            role(
                "analytics_engineer",
                "Analytics Engineer",
                "アナリティクスエンジニア",
            ),
            role("data_architect", "Data Architect", "データアーキテクト"),
            aliased(
                "database_administrator",
                "Database Administrator",
                "データベース管理者",
                "dba",
            ),
        ],
        tool_categories: &[9, 8, 10, 12, 7, 11, 1],
        skills: &[
            ("データモデリング", "data modeling"),
            ("ETL/ELT設計", "ETL/ELT design"),
            ("統計学", "statistics"),
            ("データパイプライン構築", "data pipeline development"),
            ("データ品質管理", "data quality management"),
            ("データガバナンス", "data governance"),
            ("ビッグデータ処理", "big data processing"),
            (
                "可視化とストーリーテリング",
                "data visualization and storytelling",
            ),
            ("A/Bテスト設計", "A/B test design"),
            ("因果推論", "causal inference"),
            ("データウェアハウス設計", "data warehouse design"),
            ("ストリーム処理", "stream processing"),
        ],
        focus: &[
            "データから価値を引き出す分析",
            "信頼できるデータ基盤の構築",
            "意思決定を支えるデータ活用",
            "データパイプラインの設計",
        ],
        keywords: &[
            "データ分析",
            "ビッグデータ",
            "データ基盤",
            "SQL",
            "機械学習",
            "BI",
            "データドリブン",
        ],
        goals: &[
            "データの信頼性向上",
            "分析リードタイムの短縮",
            "データに基づく意思決定",
            "データ基盤のコスト最適化",
        ],
    },
    Domain {
        category: "ai-ml",
        roles: &[
            aliased(
                "ml_engineer",
                "Machine Learning Engineer",
                "機械学習エンジニア",
                "machine_learning_engineer",
            ),
            role("mlops_engineer", "MLOps Engineer", "MLOpsエンジニア"),
            role("ai_researcher", "AI Researcher", "AIリサーチャー"),
            role(
                "computer_vision_engineer",
                "Computer Vision Engineer",
                "画像認識エンジニア",
            ),
            role("nlp_engineer", "NLP Engineer", "自然言語処理エンジニア"),
            role("llm_engineer", "LLM Engineer", "LLMエンジニア"),
        ],
        tool_categories: &[11, 12, 9, 7, 5, 8],
        skills: &[
            ("機械学習", "machine learning"),
            ("深層学習", "deep learning"),
            ("統計学", "statistics"),
            ("自然言語処理", "natural language processing"),
            ("画像認識", "image recognition"),
            ("MLOps", "MLOps"),
            ("特徴量エンジニアリング", "feature engineering"),
            ("モデル評価", "model evaluation"),
            ("線形代数", "linear algebra"),
            ("強化学習", "reinforcement learning"),
            ("プロンプトエンジニアリング", "prompt engineering"),
            ("分散学習", "distributed training"),
        ],
        focus: &[
            "AIを実サービスに届ける実装",
            "機械学習モデルの本番運用",
            "最先端のAI研究開発",
            "生成AIの活用",
        ],
        keywords: &[
            "機械学習",
            "AI",
            "深層学習",
            "MLOps",
            "Python",
            "生成AI",
            "データサイエンス",
        ],
        goals: &[
            "モデル精度の向上",
            "推論コストの削減",
            "モデルの継続的な改善",
            "AIの安全な活用",
        ],
    },
    Domain {
        category: "web",
        roles: &[
            aliased(
                "backend_developer",
                "Backend Developer",
                "バックエンドエンジニア",
                "backend_engineer",
            ),
            aliased(
                "frontend_developer",
                "Frontend Developer",
                "フロントエンドエンジニア",
                "frontend_engineer",
            ),
            aliased(
                "fullstack_developer",
                "Full Stack Developer",
                "フルスタックエンジニア",
                "full_stack_engineer",
            ),
            role(
                "web_application_engineer",
                "Web Application Engineer",
                "Webアプリケーションエンジニア",
            ),
            role("api_engineer", "API Engineer", "APIエンジニア"),
        ],
        tool_categories: &[13, 12, 8, 17, 0, 7, 15, 5],
        skills: &[
            ("Webアプリケーション開発", "web application development"),
            ("RESTful API設計", "RESTful API design"),
            ("GraphQL", "GraphQL"),
            ("HTML/CSS", "HTML/CSS"),
            ("フロントエンド開発", "frontend development"),
            ("バックエンド開発", "backend development"),
            ("状態管理", "state management"),
            ("SEO", "SEO"),
            ("Webパフォーマンス最適化", "web performance optimization"),
            ("認証・認可", "authentication and authorization"),
            ("ORMとデータアクセス", "ORM and data access"),
            ("レスポンシブデザイン", "responsive design"),
        ],
        focus: &[
            "快適なWeb体験の実装",
            "スケーラブルなサービス開発",
            "ユーザー価値を届けるプロダクト開発",
            "堅牢なAPI設計",
        ],
        keywords: &[
            "Web開発",
            "API",
            "フロントエンド",
            "バックエンド",
            "TypeScript",
            "クラウド",
        ],
        goals: &[
            "ユーザー体験の向上",
            "開発速度の向上",
            "システムの保守性向上",
            "表示速度の改善",
        ],
    },
    Domain {
        category: "mobile",
        roles: &[
            role("ios_engineer", "iOS Engineer", "iOSエンジニア"),
            role("android_engineer", "Android Engineer", "Androidエンジニア"),
            role(
                "mobile_app_developer",
                "Mobile App Developer",
                "モバイルアプリエンジニア",
            ),
            role("flutter_engineer", "Flutter Engineer", "Flutterエンジニア"),
        ],
        tool_categories: &[14, 12, 15, 17, 0, 19],
        skills: &[
            ("モバイルアプリ開発", "mobile app development"),
            ("UI実装", "UI implementation"),
            ("非同期処理", "asynchronous programming"),
            ("オフライン対応", "offline support"),
            ("アプリのパフォーマンス改善", "app performance tuning"),
            ("ストア申請", "app store submission"),
            ("プッシュ通知設計", "push notification design"),
            ("クロスプラットフォーム開発", "cross-platform development"),
        ],
        focus: &[
            "手のひらの体験をつくるアプリ開発",
            "高品質なモバイルアプリの実装",
            "スマートフォンサービスの開発",
        ],
        keywords: &[
            "モバイル",
            "iOS",
            "Android",
            "アプリ開発",
            "Swift",
            "Kotlin",
        ],
        goals: &[
            "アプリの品質向上",
            "クラッシュ率の低減",
            "リリースサイクルの短縮",
        ],
    },
    Domain {
        category: "security",
        roles: &[
            role(
                "security_engineer",
                "Security Engineer",
                "セキュリティエンジニア",
            ),
            role(
                "cloud_security_engineer",
                "Cloud Security Engineer",
                "クラウドセキュリティエンジニア",
            ),
            aliased(
                "penetration_tester",
                "Penetration Tester",
                "ペネトレーションテスター",
                "pentester",
            ),
            role("soc_analyst", "SOC Analyst", "SOCアナリスト"),
            role(
                "security_architect",
                "Security Architect",
                "セキュリティアーキテクト",
            ),
        ],
        tool_categories: &[16, 7, 2, 20, 12, 1],
        skills: &[
            ("脆弱性診断", "vulnerability assessment"),
            ("暗号技術", "cryptography"),
            ("インシデントレスポンス", "incident response"),
            ("脅威モデリング", "threat modeling"),
            ("フォレンジック", "digital forensics"),
            ("ゼロトラストアーキテクチャ", "zero trust architecture"),
            ("セキュリティ監査", "security auditing"),
            ("ペネトレーションテスト", "penetration testing"),
            ("IAM設計", "IAM design"),
            ("DevSecOps", "DevSecOps"),
        ],
        focus: &[
            "組織を脅威から守る防御",
            "安全なクラウド環境の設計",
            "攻撃者視点での脆弱性発見",
        ],
        keywords: &[
            "セキュリティ",
            "サイバーセキュリティ",
            "DevSecOps",
            "ゼロトラスト",
            "脆弱性",
        ],
        goals: &[
            "セキュリティリスクの低減",
            "インシデント対応時間の短縮",
            "コンプライアンスの確保",
        ],
    },
    Domain {
        category: "quality",
        roles: &[
            aliased(
                "qa_engineer",
                "QA Engineer",
                "QAエンジニア",
                "test_engineer",
            ),
            role(
                "test_automation_engineer",
                "Test Automation Engineer",
                "テスト自動化エンジニア",
            ),
            role("sdet", "SDET", "SDET"),
        ],
        tool_categories: &[15, 12, 0, 18, 17],
        skills: &[
            ("テスト設計", "test design"),
            ("テスト自動化", "test automation"),
            ("品質保証", "quality assurance"),
            ("性能テスト", "performance testing"),
            ("探索的テスト", "exploratory testing"),
            ("不具合分析", "defect analysis"),
            ("テスト戦略", "test strategy"),
        ],
        focus: &[
            "品質を仕組みで守るテスト",
            "リリースの信頼性を高める品質保証",
        ],
        keywords: &["QA", "テスト", "品質保証", "自動化", "CI/CD"],
        goals: &["品質の向上", "回帰不具合の削減", "テスト工数の削減"],
    },
    Domain {
        category: "embedded",
        roles: &[
            role("embedded_engineer", "Embedded Engineer", "組込みエンジニア"),
            role("iot_engineer", "IoT Engineer", "IoTエンジニア"),
            role(
                "robotics_engineer",
                "Robotics Engineer",
                "ロボティクスエンジニア",
            ),
            role("fpga_engineer", "FPGA Engineer", "FPGAエンジニア"),
        ],
        tool_categories: &[21, 12, 7, 17, 15],
        skills: &[
            ("組込みC言語", "embedded C"),
            ("リアルタイムOS", "real-time operating systems"),
            ("回路設計", "circuit design"),
            ("制御工学", "control engineering"),
            ("通信プロトコル", "communication protocols"),
            ("低消費電力設計", "low-power design"),
            ("デバイスドライバ開発", "device driver development"),
            ("センサーデータ処理", "sensor data processing"),
        ],
        focus: &[
            "ものづくりを支える組込み開発",
            "デバイスとクラウドをつなぐIoT",
        ],
        keywords: &["組込み", "IoT", "C言語", "ファームウェア", "ロボット"],
        goals: &["製品の信頼性向上", "消費電力の削減", "開発期間の短縮"],
    },
    Domain {
        category: "management",
        roles: &[
            role(
                "engineering_manager",
                "Engineering Manager",
                "エンジニアリングマネージャー",
            ),
            aliased(
                "product_manager",
                "Product Manager",
                "プロダクトマネージャー",
                "pdm",
            ),
            role(
                "project_manager",
                "Project Manager",
                "プロジェクトマネージャー",
            ),
            role("scrum_master", "Scrum Master", "スクラムマスター"),
            role(
                "technical_program_manager",
                "Technical Program Manager",
                "テクニカルプログラムマネージャー",
            ),
            role("cto", "CTO", "最高技術責任者"),
        ],
        tool_categories: &[18, 10, 17, 19, 0],
        skills: &[
            ("プロダクトマネジメント", "product management"),
            ("ロードマップ策定", "roadmap planning"),
            ("組織設計", "organization design"),
            ("スクラム", "Scrum"),
            ("見積もりと計画", "estimation and planning"),
            ("KPI設計", "KPI design"),
            ("市場調査", "market research"),
            ("技術戦略", "technology strategy"),
            ("ピープルマネジメント", "people management"),
        ],
        focus: &[
            "チームと事業を伸ばすマネジメント",
            "プロダクトの価値を最大化する意思決定",
        ],
        keywords: &[
            "マネジメント",
            "プロダクト",
            "アジャイル",
            "組織開発",
            "スクラム",
        ],
        goals: &["チームの生産性向上", "事業価値の最大化", "メンバーの成長"],
    },
    Domain {
        category: "design",
        roles: &[
            role("ux_designer", "UX Designer", "UXデザイナー"),
            role("ui_designer", "UI Designer", "UIデザイナー"),
            role(
                "product_designer",
                "Product Designer",
                "プロダクトデザイナー",
            ),
            role("ux_researcher", "UX Researcher", "UXリサーチャー"),
        ],
        tool_categories: &[19, 18, 10, 13],
        skills: &[
            ("UIデザイン", "UI design"),
            ("UXリサーチ", "UX research"),
            ("情報設計", "information architecture"),
            ("プロトタイピング", "prototyping"),
            ("ユーザビリティテスト", "usability testing"),
            ("デザインシステム", "design systems"),
            ("アクセシビリティ", "accessibility"),
            ("ビジュアルデザイン", "visual design"),
        ],
        focus: &[
            "使いやすさをかたちにするデザイン",
            "ユーザー理解に基づく体験設計",
        ],
        keywords: &["UX", "UI", "デザイン", "ユーザー体験", "Figma"],
        goals: &[
            "ユーザー満足度の向上",
            "デザインの一貫性確保",
            "開発との連携強化",
        ],
    },
    Domain {
        category: "network",
        roles: &[
            role(
                "network_engineer",
                "Network Engineer",
                "ネットワークエンジニア",
            ),
            role(
                "network_architect",
                "Network Architect",
                "ネットワークアーキテクト",
            ),
            role("cdn_engineer", "CDN Engineer", "CDNエンジニア"),
        ],
        tool_categories: &[20, 7, 1, 16, 4, 12],
        skills: &[
            ("ルーティングとスイッチング", "routing and switching"),
            ("BGP", "BGP"),
            ("ネットワーク設計", "network design"),
            ("VPN", "VPN"),
            ("DNS", "DNS"),
            ("ネットワーク仮想化", "network virtualization"),
            ("無線LAN設計", "wireless LAN design"),
            ("トラフィック分析", "traffic analysis"),
        ],
        focus: &[
            "通信の土台を支えるネットワーク設計",
            "止まらないネットワークの運用",
        ],
        keywords: &["ネットワーク", "インフラ", "セキュリティ", "クラウド", "5G"],
        goals: &["通信品質の向上", "障害の早期復旧", "ネットワークの冗長化"],
    },
];

/// Specialisations prefixed to some role names (`FinTech Data Engineer`,
/// `FinTechデータエンジニア`): the guides write the English.
pub const SPECIALTIES: &[Gloss] = &[
    ("FinTech", "FinTech"),
    ("ヘルステック", "HealthTech"),
    ("EdTech", "EdTech"),
    ("ゲーム", "Gaming"),
    ("EC", "E-commerce"),
    ("車載", "Automotive"),
    ("メディア", "Media"),
    ("通信", "Telecom"),
    ("公共", "Public Sector"),
    ("小売", "Retail"),
    ("物流", "Logistics"),
    ("エネルギー", "Energy"),
    ("保険", "Insurance"),
    ("旅行", "Travel"),
    ("アドテク", "AdTech"),
    ("SaaS", "SaaS"),
    ("エンタープライズ", "Enterprise"),
    ("グローバル", "Global"),
];

/// Slugs some guides list in `related_jobs` although no guide has them.
pub const DANGLING_SLUGS: &[&str] = &[
    "devops_engineer",
    "sre_engineer",
    "cloud_architect",
    "backend_developer",
    "site_reliability_engineer",
    "technical_writer",
    "solutions_architect",
    "blockchain_engineer",
    "quantum_computing_engineer",
    "game_programmer",
    "customer_success_manager",
    "it_consultant",
    "presales_engineer",
    "developer_advocate",
    "release_engineer",
    "finops_practitioner",
    "data_steward",
    "hardware_engineer",
    "support_engineer",
    "data_scientist",
];
