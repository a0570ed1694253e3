//! Feeds arbitrary bytes to the guide reader: it may reject them, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillgraph::guide::{DataFiles, SourceFile, load_sources};

fuzz_target!(|bytes: &[u8]| {
    let file = SourceFile {
        path: "fuzz.md".into(),
        bytes: bytes.to_vec(),
    };
    let _ = load_sources(vec![file], &DataFiles::default());
});
