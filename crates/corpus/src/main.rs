//! Writes a synthetic corpus of career guides, for benchmarks and load tests.
//!
//! ```sh
//! cargo run --release -p skillgraph-corpus -- --count 1000 --seed 1 --out /tmp/corpus-1k
//! cargo run --release -- check /tmp/corpus-1k
//! ```
//!
//! The guides follow the shipped guides' format (JSON front matter,
//! Japanese headings with emoji numbering, skills and tools tables, career
//! ladders, learning steps, interview questions) and drift like a real
//! corpus; `--compact` writes about half the bytes (11 KB a guide instead
//! of 22 KB) with the same skills, tools and links. The same `--count` and
//! `--seed` give the same bytes on every machine. An `aliases.json` and a
//! bilingual `glossary.json` (every job's, skill's and tool category's name
//! in English and Japanese) are written beside the guides. `--postings N`
//! also writes N schema.org `JobPosting`s for the corpus's roles to
//! `postings/postings.jsonl`, as JSON Lines. The generator itself is this
//! crate's library, shared with the benchmarks and the tests.

use rayon::prelude::*;
use skillgraph_corpus::{Plan, Size};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: skillgraph-corpus --count N [--seed S] [--compact] [--postings N] --out DIR";

struct Args {
    count: usize,
    /// Job postings to write to `postings/postings.jsonl`, if any.
    postings: usize,
    seed: u64,
    size: Size,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut count = None;
    let mut postings = 0;
    let mut seed = 1;
    let mut size = Size::Full;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--count" => {
                let text = value("--count")?;
                count = Some(text.parse().map_err(|_| format!("bad --count {text}"))?);
            }
            "--seed" => {
                let text = value("--seed")?;
                seed = text.parse().map_err(|_| format!("bad --seed {text}"))?;
            }
            "--compact" => size = Size::Compact,
            "--postings" => {
                let text = value("--postings")?;
                postings = text.parse().map_err(|_| format!("bad --postings {text}"))?;
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(Args {
        count: count.ok_or(USAGE)?,
        postings,
        seed,
        size,
        out: out.ok_or(USAGE)?,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        eprintln!("{}: {error}", args.out.display());
        return ExitCode::FAILURE;
    }
    let plan = Plan::new(args.count, args.seed);
    // Guides are made and written in parallel, one at a time per thread, so
    // a large corpus never has to fit in memory.
    let written: Result<Vec<usize>, String> = (0..plan.len())
        .into_par_iter()
        .map(|index| {
            let file = plan.guide(index, args.size);
            let path = args.out.join(&file.name);
            std::fs::write(&path, &file.bytes)
                .map(|()| file.bytes.len())
                .map_err(|error| format!("{}: {error}", path.display()))
        })
        .collect();
    let bytes: usize = match written {
        Ok(sizes) => sizes.iter().sum(),
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let aliases = args.out.join("aliases.json");
    if let Err(error) = std::fs::write(&aliases, plan.aliases_json()) {
        eprintln!("{}: {error}", aliases.display());
        return ExitCode::FAILURE;
    }
    let glossary = args.out.join("glossary.json");
    if let Err(error) = std::fs::write(&glossary, plan.glossary_json()) {
        eprintln!("{}: {error}", glossary.display());
        return ExitCode::FAILURE;
    }
    if args.postings > 0 {
        let folder = args.out.join("postings");
        let path = folder.join("postings.jsonl");
        let saved = std::fs::create_dir_all(&folder)
            .and_then(|()| std::fs::write(&path, plan.postings_jsonl(args.postings)));
        if let Err(error) = saved {
            eprintln!("{}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "{}: {} guides, {} bytes of Markdown, aliases.json, glossary.json and {} postings",
        args.out.display(),
        plan.len(),
        bytes,
        args.postings
    );
    ExitCode::SUCCESS
}
