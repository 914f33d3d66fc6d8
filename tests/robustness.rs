//! Never a panic on any input: thousands of deterministic mutations of real data files (characters
//! deleted, YAML syntax characters inserted, lines duplicated or cut) all end in diagnostics.

use crate::common;
use common::*;
use koers::dates::Month;
use koers::load::DirSource;
use koers::validate::ValidateOptions;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(text: &str, rng: &mut Rng) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    const INSERTS: &[&[u8]] = &[
        b":",
        b"- ",
        b"[",
        b"]",
        b"{",
        b"}",
        b"&a ",
        b"*a",
        b"!!str ",
        b"\t",
        b"\"",
        b"'",
        b"\n",
        b"  ",
        b"#",
        b"|",
        b">",
        b"---\n",
        b"\xff",
        b"\xc3",
        b"~",
        b"? ",
        b"<<: *a\n",
        b"2024-13",
        b"09-2023",
    ];
    for _ in 0..1 + rng.below(3) {
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes.remove(i);
            }
            1 | 2 => {
                let i = rng.below(bytes.len() + 1);
                let ins = INSERTS[rng.below(INSERTS.len())];
                bytes.splice(i..i, ins.iter().copied());
            }
            3 => {
                let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
                let n = rng.below(lines.len());
                let mut out = Vec::new();
                for (i, l) in lines.iter().enumerate() {
                    out.extend_from_slice(l);
                    out.push(b'\n');
                    if i == n {
                        out.extend_from_slice(l);
                        out.push(b'\n');
                    }
                }
                bytes = out;
            }
            _ => {
                let cut = rng.below(bytes.len() + 1);
                bytes.truncate(cut);
            }
        }
    }
    bytes
}

#[test]
fn check_never_panics_on_mutated_data() {
    let base = tempfile::tempdir().unwrap();
    let data = base.path().join("data");
    copy_dir(&root().join("tests/fixtures/valid"), &data);
    // A few real files too, for their long Markdown texts and footnotes.
    for f in ["projecten/valpreventie.yaml", "themalijnen/ouderen.yaml", "nieuwsbrief/2025-Q3.yaml"] {
        std::fs::copy(root().join("data").join(f), data.join(f)).unwrap();
    }
    let files: Vec<String> = snapshot(&data).into_keys().collect();
    let originals: Vec<(String, String)> =
        files.iter().map(|f| (f.clone(), std::fs::read_to_string(data.join(f)).unwrap())).collect();
    let opts = ValidateOptions { report_month: Some(Month { year: 2025, month: 12 }) };
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut errors_seen = 0;
    for round in 0..1000 {
        let (name, text) = &originals[rng.below(originals.len())];
        let mutated = mutate(text, &mut rng);
        std::fs::write(data.join(name), &mutated).unwrap();
        let result = std::panic::catch_unwind(|| koers::check(&DirSource { root: data.clone() }, &opts));
        match result {
            Ok(Ok(checked)) => {
                if checked.diagnostics.has_errors() {
                    errors_seen += 1;
                    // Every error names a file of the data directory.
                    for d in checked.diagnostics.items.iter().filter(|d| d.is_error()) {
                        assert!(d.file.starts_with(&data), "round {round}: diagnostic outside the data: {d:?}");
                    }
                }
            }
            Ok(Err(e)) => panic!("round {round}: I/O error {e}"),
            Err(_) => panic!("round {round}: panic on mutated {name}:\n{}", String::from_utf8_lossy(&mutated)),
        }
        std::fs::write(data.join(name), text).unwrap();
    }
    assert!(errors_seen > 300, "the mutations should mostly break the data ({errors_seen})");
}
