//! Job postings beside the guides: schema.org `JobPosting` objects as JSON
//! Lines, the form a job board exports. Each posting is for one of the
//! plan's roles (popular roles get more postings), at a company of the
//! employer vocabulary, and asks for tools and skills of the role's family,
//! in Japanese or English, with HTML in the description. Like the guides,
//! a posting is made from its index and the seed alone.

use super::vocabulary::{COMMON_SKILLS, DOMAINS, EMPLOYERS, SOFT_SKILLS, TOOL_CATEGORIES};
use super::{Plan, Rng, Zipf, role_of};
use serde_json::{Value, json};
use std::fmt::Write as _;

/// A stream of the random generator of postings, apart from the guides'.
const POSTING_STREAM: u64 = 0x706f_7374;

/// Levels a title may carry, in English and Japanese.
const LEVELS: &[(&str, &str)] = &[
    ("Senior", "シニア"),
    ("", ""),
    ("Junior", "ジュニア"),
    ("Lead", "リード"),
    ("Staff", "スタッフ"),
];

impl Plan {
    /// `count` postings as JSON Lines, one object a line, in index order.
    pub fn postings_jsonl(&self, count: usize) -> String {
        let mut out = String::new();
        for index in 0..count {
            out.push_str(&self.posting(index).to_string());
            out.push('\n');
        }
        out
    }

    /// Posting `index`: a schema.org `JobPosting`.
    pub fn posting(&self, index: usize) -> Value {
        let mut rng = Rng::for_item(self.seed, index as u64, POSTING_STREAM);
        let job = Zipf::new(self.len().max(1), 0.7).sample(&mut rng);
        let role = role_of(&self.jobs[job]);
        let domain = &DOMAINS[self.jobs[job].domain as usize];
        let japanese = rng.chance(0.7);
        let (level_en, level_ja) = *rng.pick(LEVELS);
        let title = if japanese {
            format!("{level_ja}{}", role.ja)
        } else {
            format!("{level_en} {}", self.name(job)).trim().to_owned()
        };
        let tools = self.posting_tools(&mut rng, domain.tool_categories);
        let mut skills: Vec<&str> = Vec::new();
        for _ in 0..rng.between(1, 3) {
            skills.push(rng.pick(domain.skills).0);
        }
        skills.push(rng.pick(COMMON_SKILLS).0);
        skills.push(rng.pick(SOFT_SKILLS).0);
        let (_, companies) = rng.pick(EMPLOYERS);
        let organization = *rng.pick(companies);
        let description = if japanese {
            japanese_description(&title, &tools, &skills, &mut rng)
        } else {
            english_description(&title, &tools, &skills, &mut rng)
        };
        let identifier = format!("posting-{index:06}");
        let day = index % 336;
        json!({
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "identifier": identifier,
            "title": title,
            "description": description,
            "hiringOrganization": { "@type": "Organization", "name": organization },
            "datePosted": format!("2026-{:02}-{:02}", 1 + day / 28, 1 + day % 28),
            "url": format!("https://jobs.example/postings/{identifier}"),
            "inLanguage": if japanese { "ja" } else { "en" },
        })
    }

    /// Three to six distinct tools of the family's favoured categories.
    fn posting_tools(&self, rng: &mut Rng, categories: &[usize]) -> Vec<&'static str> {
        let mut tools: Vec<&'static str> = Vec::new();
        for _ in 0..rng.between(3, 6) {
            let category = &TOOL_CATEGORIES[*rng.pick(categories)];
            let tool = category.tools[Zipf::new(category.tools.len(), 1.0).sample(rng)];
            if !tools.contains(&tool) {
                tools.push(tool);
            }
        }
        tools
    }
}

fn japanese_description(title: &str, tools: &[&str], skills: &[&str], rng: &mut Rng) -> String {
    let mut html =
        format!("<p>{title}として、自社サービスの開発と運用をリードしていただきます。</p>");
    html.push_str("<h3>必須スキル</h3><ul>");
    for tool in tools {
        let years = rng.between(1, 5);
        let _ = write!(html, "<li>{tool}を用いた実務経験（{years}年以上）</li>");
    }
    html.push_str("</ul><h3>歓迎スキル</h3><ul>");
    for skill in skills {
        let _ = write!(html, "<li>{skill}</li>");
    }
    html.push_str("</ul>");
    html
}

fn english_description(title: &str, tools: &[&str], skills: &[&str], rng: &mut Rng) -> String {
    let mut html = format!(
        "<p>We are hiring a <strong>{title}</strong> to help our teams ship faster \
         and go live with confidence.</p><h3>Requirements</h3><ul>"
    );
    for tool in tools {
        let years = rng.between(1, 5);
        let _ = write!(html, "<li>{years}+ years with {tool} in production</li>");
    }
    html.push_str("</ul><h3>Nice to have</h3><ul>");
    for skill in skills {
        let _ = write!(html, "<li>{skill}</li>");
    }
    html.push_str("</ul><p>We go the extra mile for our users.</p>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_are_json_lines_of_job_postings_for_the_plans_roles() {
        let plan = Plan::new(50, 3);
        let text = plan.postings_jsonl(40);
        assert_eq!(text.lines().count(), 40);
        let slugs: Vec<String> = (0..plan.len()).map(|i| plan.name(i)).collect();
        for (index, line) in text.lines().enumerate() {
            let posting: Value = serde_json::from_str(line).expect("each line is JSON");
            assert_eq!(posting["@type"], "JobPosting");
            assert_eq!(posting["identifier"], format!("posting-{index:06}"));
            for field in ["title", "description", "datePosted", "url", "inLanguage"] {
                assert!(
                    posting[field].as_str().is_some_and(|v| !v.is_empty()),
                    "{field}: {line}"
                );
            }
            assert!(posting["hiringOrganization"]["name"].is_string(), "{line}");
            assert!(posting["description"].as_str().unwrap().contains("<li>"));
        }
        assert!(!slugs.is_empty());
        assert_eq!(
            plan.postings_jsonl(40),
            text,
            "the same seed gives the same postings"
        );
    }
}
