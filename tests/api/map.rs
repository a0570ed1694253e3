//! `careerMap`: roles and their rungs with the positions the compile gave
//! them, placed by family and level, and the arguments it refuses.

use crate::support::{data, seeds_app};
use serde_json::Value;

const MAP: &str = r#"{ careerMap(category: "cloud-infra") {
    totalCount
    roles { job { slug } position { x y }
            stages { stage { id level } position { x y } } }
    edges { source target kind } } }"#;

fn number(value: &Value) -> f64 {
    value.as_f64().expect("a number")
}

#[tokio::test]
async fn the_seed_roles_stand_side_by_side_with_their_rungs_by_level() {
    let app = seeds_app().await;
    let map = &data(&app, MAP).await["careerMap"];
    assert_eq!(map["totalCount"], 2);
    let roles = map["roles"].as_array().expect("roles");
    let slugs: Vec<&str> = roles
        .iter()
        .map(|role| role["job"]["slug"].as_str().expect("slug"))
        .collect();
    assert_eq!(slugs, ["cloud_native_engineer", "platform_engineer"]);
    assert!(number(&roles[0]["position"]["x"]) < number(&roles[1]["position"]["x"]));
    // One row per level: the seniors of both ladders share a height.
    let height_of = |role: &Value, level: &str| -> Vec<f64> {
        role["stages"]
            .as_array()
            .expect("stages")
            .iter()
            .filter(|stage| stage["stage"]["level"] == level)
            .map(|stage| number(&stage["position"]["y"]))
            .collect()
    };
    assert_eq!(
        height_of(&roles[0], "SENIOR"),
        height_of(&roles[1], "SENIOR")
    );
    assert!(
        height_of(&roles[0], "STAFF")[0] < height_of(&roles[0], "SENIOR")[0],
        "higher is up"
    );
    // Two staff rungs of one ladder stand side by side.
    let staff: Vec<&Value> = roles[0]["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .filter(|stage| stage["stage"]["level"] == "STAFF")
        .collect();
    assert_eq!(staff.len(), 2);
    assert_ne!(staff[0]["position"]["x"], staff[1]["position"]["x"]);
    let kinds: Vec<&str> = map["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|edge| edge["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds.iter().filter(|kind| **kind == "NEXT").count(), 8);
    assert!(
        kinds
            .iter()
            .all(|kind| ["NEXT", "LEADS_TO", "RELATED_TO"].contains(kind))
    );
}

#[tokio::test]
async fn the_map_comes_with_its_picture_at_the_places_answered() {
    let app = seeds_app().await;
    let map = &data(
        &app,
        r#"{ careerMap { picture roles { stages { stage { id } position { x y } } } } }"#,
    )
    .await["careerMap"];
    let svg = map["picture"].as_str().expect("an SVG");
    assert!(svg.starts_with("<svg"), "{svg}");
    for role in map["roles"].as_array().expect("roles") {
        for stage in role["stages"].as_array().expect("stages") {
            let id = stage["stage"]["id"].as_str().expect("id");
            assert!(svg.contains(&format!(r#"data-node-id="{id}""#)), "{id}");
        }
    }
}

#[tokio::test]
async fn the_same_question_gets_the_same_places() {
    let app = seeds_app().await;
    assert_eq!(data(&app, MAP).await, data(&app, MAP).await);
}

#[tokio::test]
async fn a_map_takes_only_the_roles_asked_for() {
    let app = seeds_app().await;
    let answer = data(
        &app,
        r#"{ one: careerMap(jobs: ["Platform Engineer"]) { totalCount roles { job { slug } } }
             none: careerMap(category: "no-such-family") { totalCount roles { job { slug } } }
             cut: careerMap(first: 1) { totalCount roles { job { slug } } } }"#,
    )
    .await;
    assert_eq!(
        answer["one"]["roles"][0]["job"]["slug"],
        "platform_engineer"
    );
    assert_eq!(answer["none"]["totalCount"], 0);
    assert_eq!(answer["cut"]["totalCount"], 2);
    assert_eq!(answer["cut"]["roles"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn arguments_past_their_limits_are_refused_with_a_code() {
    let app = seeds_app().await;
    let many: Vec<String> = (0..101).map(|n| format!("\"role_{n}\"")).collect();
    let long = "c".repeat(2048);
    for (query, code) in [
        (
            "{ careerMap(first: 101) { totalCount } }".to_owned(),
            "BAD_USER_INPUT",
        ),
        (
            "{ careerMap(first: -1) { totalCount } }".to_owned(),
            "BAD_USER_INPUT",
        ),
        (
            format!(
                "{{ careerMap(jobs: [{}]) {{ totalCount }} }}",
                many.join(",")
            ),
            "BAD_USER_INPUT",
        ),
        (
            r#"{ careerMap(jobs: ["astronaut"]) { totalCount } }"#.to_owned(),
            "NOT_FOUND",
        ),
        (
            format!(r#"{{ careerMap(category: "{long}") {{ totalCount }} }}"#),
            "BAD_USER_INPUT",
        ),
    ] {
        let body = app.graphql(&query).await;
        let found = &body["errors"][0]["extensions"]["code"];
        assert_eq!(found, code, "{}: {body}", &query[..query.len().min(80)]);
    }
}

/// A picture is laid out and written whole, so it costs what listing all
/// it draws would: under a low cost limit the map and the ladder answer
/// without their pictures and refuse them. And their `lang` is a string
/// argument like any other, refused past its length.
#[tokio::test]
async fn pictures_are_priced_as_all_they_draw_and_their_lang_is_capped() {
    use crate::support::{settings, shipped_seeds, spawn_app};
    let mut low = settings();
    low.schema.max_complexity = 10;
    let app = spawn_app(&shipped_seeds(), low).await;
    let code = |body: &Value| body["errors"][0]["extensions"]["code"].clone();
    for (plain, drawn) in [
        (
            "{ careerMap { totalCount } }",
            "{ careerMap { totalCount picture } }",
        ),
        (
            r#"{ careerPath(slug: "platform_engineer") { job { slug } } }"#,
            r#"{ careerPath(slug: "platform_engineer") { job { slug } picture } }"#,
        ),
    ] {
        let answer = app.graphql(plain).await;
        assert!(answer.get("errors").is_none(), "{plain}: {answer}");
        let refused = app.graphql(drawn).await;
        assert_eq!(code(&refused), "QUERY_TOO_COMPLEX", "{drawn}: {refused}");
    }
    let app = seeds_app().await;
    let long = "e".repeat(2048);
    for query in [
        format!(r#"{{ careerMap {{ picture(lang: "{long}") }} }}"#),
        format!(r#"{{ careerPath(slug: "platform_engineer") {{ picture(lang: "{long}") }} }}"#),
    ] {
        let refused = app.graphql(&query).await;
        assert_eq!(code(&refused), "BAD_USER_INPUT", "{refused}");
    }
}
