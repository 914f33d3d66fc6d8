//! The generators of the fuzz tests (`tests/robustness.rs`): a small deterministic random
//! number generator, damaged files, hostile texts and YAML documents as people write them.
//!
//! Hand-written rather than `proptest`: proptest (even with `default-features = false,
//! features = ["std"]`) widens the features of a normal dependency (`getrandom` 0.4 gains `std`,
//! `sys_rng`), and a failure here reproduces from its seed and case number alone.
#![allow(dead_code)]

/// A small deterministic generator (xorshift), so failures reproduce.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Xorshift stays at 0 from 0.
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A number in 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// How many cases a fuzz test runs: `KOERS_FUZZ_CASES` (the longer run, see README), else `default`.
pub fn cases(default: usize) -> usize {
    std::env::var("KOERS_FUZZ_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

/// The generator's seed: `KOERS_FUZZ_SEED` (another sequence of cases), else the test's own.
pub fn seed(default: u64) -> u64 {
    std::env::var("KOERS_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

/// A few random damages to a file: a byte deleted, YAML's syntax characters, odd line breaks or
/// invalid UTF-8 inserted, a line duplicated, the rest cut off.
pub fn mutate(text: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = text.to_vec();
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
        b"\r",
        b"\r\n",
        b"\xef\xbb\xbf",
        b"\0",
        b"\xc2\x85",
        b"\xe2\x80\xa8",
        b"[[[[[[[[[[[[[[[[",
        b"- - - - - - - - ",
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

/// Texts a value may be: the ones YAML reads as something else, the ones with its syntax
/// characters, several lines, odd whitespace, other scripts — and random ones from an alphabet
/// of such characters.
pub fn nasty_text(rng: &mut Rng) -> String {
    const TEXTS: &[&str] = &[
        "Gewoon een zin.",
        "met: dubbele punt",
        "# hekje vooraan",
        "tekst #geen commentaar",
        "tekst # wel commentaar?",
        "\"aanhalingstekens\"",
        "'enkel'",
        "- streep",
        "? vraag",
        ": dubbelepunt",
        "yes",
        "No",
        "null",
        "~",
        "123",
        "-1.5e3",
        "0x1F",
        ".inf",
        "2024-H1",
        "2025-06",
        "2024-10-31",
        "",
        " spatie vooraan",
        "spatie achteraan ",
        "twee\nregels",
        "twee\nregels\n",
        "lege regel\n\nertussen",
        "eindigt leeg\n\n",
        "\ttab vooraan",
        "tab\tertussen",
        "ééntje ✓ 🎉",
        "[haken]",
        "{accolades}",
        "&anker",
        "*ster",
        "!tag",
        "|pijp",
        ">groter",
        "%procent",
        "@at",
        "`tick`",
        "a\\b",
        "windows\r\nregel",
        "---",
        "...",
        "eindigt met:",
        "\u{85}nel",
        "\u{2028}scheiding",
        "\u{feff}bom",
        "\u{7f}del",
    ];
    if rng.chance(60) {
        return rng.pick(TEXTS).to_string();
    }
    const ALPHABET: &[char] = &[
        'a', 'b', 'z', 'é', '🎉', ' ', ' ', ':', '#', '-', '\'', '"', '\n', '\t', '[', ']', '{', '}', ',', '&', '*',
        '!', '|', '>', '%', '@', '`', '?', '\\', '0', '9', '.',
    ];
    (0..rng.below(24)).map(|_| *rng.pick(ALPHABET)).collect()
}

/// Lines of YAML's tokens in random order: indicators, keys, values, odd whitespace and breaks.
pub fn yaml_noise(rng: &mut Rng) -> String {
    const TOKENS: &[&str] = &[
        "naam",
        "fasen",
        "resultaten",
        "periode",
        ":",
        ": ",
        "- ",
        "-",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "#",
        " # x",
        "&a ",
        "*a",
        "!!str ",
        "!!map ",
        "!x ",
        "? ",
        "|",
        "|-",
        "|+",
        ">",
        ">2",
        "\"",
        "'",
        "\\",
        "\t",
        "  ",
        "    ",
        "\n",
        "\r\n",
        "\r",
        "---",
        "...",
        "%YAML 1.2",
        "~",
        "null",
        "2024-H1",
        "2024-13",
        "1e9999",
        "0o17",
        "é",
        "🎉",
        "\u{feff}",
        "\u{85}",
        "\u{2028}",
        "<<: *a",
        "\0",
    ];
    let mut s = String::new();
    for _ in 0..rng.below(60) {
        s.push_str(rng.pick(TOKENS).as_ref());
    }
    s
}

/// A generated YAML document.
pub struct Document {
    pub text: String,
    /// Its top-level keys, in order.
    pub keys: Vec<String>,
    /// Every comment in it, from `#` to the end of its line; each is unique (`noot<n>`), so that
    /// it can be found again after an edit.
    pub comments: Vec<String>,
}

/// A data file as people write them, and as they should not but YAML allows: top-level keys
/// holding scalars (plain, quoted, with `#` and `: ` inside quotes, over several lines, block
/// scalars of every chomping), block lists of mappings (the dash at column 1, 3 or 5, an item
/// that starts with a comment or on the line below its dash, literal and folded blocks, nested
/// lists, comments between and above items), block and flow lists of ids (one line or several,
/// quoted ids, a comment inside, a trailing comma), empty lists, nested and flow mappings, a key
/// spelled `key :` or quoted, blank lines with spaces, a document marker; LF, CRLF or a mix, with
/// or without a final newline, rarely a lone CR as a line break, rarely a byte order mark.
pub fn yaml_document(rng: &mut Rng) -> Document {
    const KEYS: &[&str] =
        &["naam", "themalijn", "start", "einde", "fasen", "resultaten", "projecten", "paginavolgorde", "rapportages"];
    let mut g = Gen { rng, lines: Vec::new(), comments: Vec::new() };
    let mut keys: Vec<String> = Vec::new();
    if g.rng.chance(10) {
        if g.rng.chance(30) {
            g.lines.push("%YAML 1.2".to_string());
        } else if g.rng.chance(50) {
            let c = g.comment();
            g.lines.push(c);
        }
        let t = g.trailing();
        g.lines.push(format!("---{t}"));
    }
    for _ in 0..1 + g.rng.below(6) {
        if g.rng.chance(25) {
            let line = match g.rng.below(3) {
                0 => g.comment(),
                1 => String::new(),
                _ => " ".repeat(1 + g.rng.below(3)),
            };
            g.lines.push(line);
        }
        let key = if g.rng.chance(70) { g.rng.pick(KEYS).to_string() } else { format!("sleutel{}", g.rng.below(5)) };
        if keys.contains(&key) {
            continue;
        }
        keys.push(key.clone());
        let spelled = match g.rng.below(20) {
            0 => format!("{key} :"),
            1 => format!("\"{key}\":"),
            _ => format!("{key}:"),
        };
        match g.rng.below(14) {
            0..=2 => {
                let (s, t) = (g.scalar(), g.trailing());
                let (tag, sep) = (*g.rng.pick(&["", "", "", "!!str "]), *g.rng.pick(&[" ", " ", " ", "   ", "\t"]));
                let end = *g.rng.pick(&["", "", "", "  "]);
                g.lines.push(format!("{spelled}{sep}{tag}{s}{t}{end}"));
            }
            3..=5 => g.list_of_mappings(&spelled),
            6 => g.flow_list(&spelled),
            7 => g.block_list_of_ids(&spelled),
            8 => {
                let t = g.trailing();
                g.lines.push(format!("{spelled}{t}"));
            }
            9 => {
                g.lines.push(spelled);
                let (a, b) = (g.scalar(), g.scalar());
                g.lines.push(format!("  doel: {a}"));
                g.lines.push(format!("  aanpak: {b}"));
            }
            10 => {
                let (a, t) = (g.scalar(), g.trailing());
                g.lines.push(format!("{spelled} {{doel: {a}, aanpak: [x, y]}}{t}"));
            }
            11 => g.block_scalar(&spelled, 2),
            12 => {
                // A plain text over several lines.
                g.lines.push(format!("{spelled} een tekst"));
                g.lines.push("  die doorloopt".to_string());
                if g.rng.chance(50) {
                    g.lines.push(String::new());
                    g.lines.push("  met een alinea".to_string());
                }
            }
            _ => {
                // A quoted text over several lines.
                let q = if g.rng.chance(50) { '"' } else { '\'' };
                g.lines.push(format!("{spelled} {q}een # geen commentaar"));
                g.lines.push(format!("  die: doorloopt{q}"));
            }
        }
    }
    if g.rng.chance(20) {
        let c = g.comment();
        g.lines.push(c);
    }
    if g.rng.chance(3) {
        g.lines.push("...".to_string());
    }
    let Gen { rng, lines, comments } = g;
    let style = rng.below(10);
    // Rarely, one line ends in a lone CR (old Mac OS; YAML reads it as a line break too).
    let lone_cr = if rng.chance(3) { Some(rng.below(lines.len())) } else { None };
    // A byte order mark, as some Windows editors write.
    let mut text = if rng.chance(3) { "\u{feff}".to_string() } else { String::new() };
    for (i, line) in lines.iter().enumerate() {
        text.push_str(line);
        if lone_cr == Some(i) {
            text.push('\r');
        } else if i + 1 < lines.len() || rng.chance(90) {
            let crlf = match style {
                0..=6 => false,
                7 | 8 => true,
                _ => rng.chance(50),
            };
            text.push_str(if crlf { "\r\n" } else { "\n" });
        }
    }
    Document { text, keys, comments }
}

/// The state of [`yaml_document`].
struct Gen<'r> {
    rng: &'r mut Rng,
    lines: Vec<String>,
    comments: Vec<String>,
}

impl Gen<'_> {
    /// A new comment (unique: `# noot<n>`, followed by text that looks like YAML).
    fn comment(&mut self) -> String {
        let tail =
            *self.rng.pick(&["", " toelichting", ": 1", " #dubbel", " - item", " 'quote", " \"dq", " [x", " k: v"]);
        let c = format!("# noot{:03}{tail}", self.comments.len());
        self.comments.push(c.clone());
        c
    }

    /// A comment at the end of a line, sometimes.
    fn trailing(&mut self) -> String {
        if self.rng.chance(20) {
            format!("{}{}", " ".repeat(1 + self.rng.below(2)), self.comment())
        } else {
            String::new()
        }
    }

    /// A comment line at `indent`.
    fn comment_line(&mut self, indent: usize) {
        let c = self.comment();
        self.lines.push(format!("{}{c}", " ".repeat(indent)));
    }

    fn scalar(&mut self) -> String {
        let s =
            *self.rng.pick(&["Valpreventie", "2023-09", "voor huidige werkagenda", "doorlopend", "x", "a # b", "k: v"]);
        match self.rng.below(3) {
            0 if !s.contains([':', '#']) => s.to_string(),
            1 => format!("'{s}'"),
            _ => format!("\"{s}\""),
        }
    }

    /// `key: |` and its lines (content at `indent`), in any chomping and style, with a line that
    /// looks like YAML and blank lines inside and after.
    fn block_scalar(&mut self, key: &str, indent: usize) {
        let header = *self.rng.pick(&["|", "|-", "|+", ">", ">-", ">+", "|2", "|2-"]);
        let t = self.trailing();
        self.lines.push(format!("{key} {header}{t}"));
        let pad = " ".repeat(indent);
        for i in 0..1 + self.rng.below(4) {
            // The first line sets the indentation (unless the header does): not a blank or a deeper one.
            let kind = if i == 0 { *self.rng.pick(&[0, 1, 2, 5]) } else { self.rng.below(6) };
            let line = match kind {
                0 => format!("{pad}# geen commentaar {i}"),
                1 => format!("{pad}- geen item {i}"),
                2 => format!("{pad}sleutel: geen {i}"),
                3 => String::new(),
                4 => format!("{pad}  dieper {i}"),
                _ => format!("{pad}regel {i}"),
            };
            self.lines.push(line);
        }
        self.lines.push(format!("{pad}slot"));
        for _ in 0..self.rng.below(3) {
            self.lines.push(String::new());
        }
    }

    /// A block list of mappings (`- periode: ...`), or `key: []` when it gets no items.
    fn list_of_mappings(&mut self, key: &str) {
        let t = self.trailing();
        let key_line = self.lines.len();
        self.lines.push(format!("{key}{t}"));
        let dash = *self.rng.pick(&[0, 2, 2, 2, 4]);
        let pad = " ".repeat(dash);
        let items = self.rng.below(4);
        for _ in 0..items {
            if self.rng.chance(25) {
                let indent = *self.rng.pick(&[0, dash, dash + 2]);
                self.comment_line(indent);
            }
            let (s, t) = (self.scalar(), self.trailing());
            let content = match self.rng.below(12) {
                0 => {
                    // The item starts with a comment on the dash's line.
                    let c = self.comment();
                    self.lines.push(format!("{pad}- {c}"));
                    self.lines.push(format!("{pad}  periode: {s}{t}"));
                    dash + 2
                }
                1 => {
                    self.lines.push(format!("{pad}-"));
                    self.lines.push(format!("{pad}  periode: {s}{t}"));
                    dash + 2
                }
                2 => {
                    self.lines.push(format!("{pad}-   periode: {s}{t}"));
                    dash + 4
                }
                _ => {
                    self.lines.push(format!("{pad}- periode: {s}{t}"));
                    dash + 2
                }
            };
            let cpad = " ".repeat(content);
            match self.rng.below(5) {
                0 | 1 => self.block_scalar(&format!("{cpad}tekst:"), content + 2),
                2 => {
                    self.lines.push(format!("{cpad}fasen:"));
                    self.lines.push(format!("{cpad}  - a"));
                    self.lines.push(format!("{cpad}  - b"));
                }
                _ => {
                    let s = self.scalar();
                    self.lines.push(format!("{cpad}tekst: {s}"));
                }
            }
        }
        if items == 0 {
            self.lines[key_line] = format!("{key} []{t}");
        }
    }

    /// A flow list of ids, on one line or several.
    fn flow_list(&mut self, key: &str) {
        let mut ids: Vec<String> = (0..self.rng.below(4)).map(|i| format!("id-{i}")).collect();
        if self.rng.chance(20) && !ids.is_empty() {
            ids[0] = format!("\"{}, met komma\"", ids[0]);
        }
        if self.rng.chance(10) && !ids.is_empty() {
            ids.push(String::new()); // a trailing comma
        }
        let t = self.trailing();
        if self.rng.chance(30) && ids.len() > 1 {
            let inner = if self.rng.chance(30) { format!(" {}", self.comment()) } else { String::new() };
            self.lines.push(format!("{key} [{},{inner}", ids[0]));
            let indent = " ".repeat(1 + self.rng.below(4));
            self.lines.push(format!("{indent}{}]{t}", ids[1..].join(", ")));
        } else {
            self.lines.push(format!("{key} [{}]{t}", ids.join(", ")));
        }
    }

    /// A block list of ids, with a comment between them.
    fn block_list_of_ids(&mut self, key: &str) {
        self.lines.push(key.to_string());
        let pad = " ".repeat(*self.rng.pick(&[0, 2]));
        let a = self.rng.below(9);
        self.lines.push(format!("{pad}- id-{a}"));
        if self.rng.chance(30) {
            self.comment_line(pad.len());
        }
        let (b, t) = (10 + self.rng.below(9), self.trailing());
        self.lines.push(format!("{pad}- id-{b}{t}"));
    }
}
