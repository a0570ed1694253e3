//! Feeds arbitrary bytes to the postings reader as a JSON Lines file: it
//! may reject every line, never panic, and every posting it keeps names
//! the line it came from.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgraph::guide::SourceFile;
use skillgraph::guide::postings::read_postings;

fuzz_target!(|bytes: &[u8]| {
    let lines = bytes.split(|&byte| byte == b'\n').count();
    let file = SourceFile {
        path: "board.jsonl".into(),
        bytes: bytes.to_vec(),
    };
    let read = read_postings(&[file]);
    for posting in &read.postings {
        assert!(posting.line >= 1 && posting.line <= lines, "line {}", posting.line);
    }
    for error in &read.errors {
        assert!(!error.to_string().is_empty());
    }
});
