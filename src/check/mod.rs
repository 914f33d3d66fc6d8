//! Layer 2 — check: the rules across values and files of a loaded data set (phases, dates,
//! references, the informatiepakket's totals). It reports diagnostics and builds nothing.
//!
//! Imports: `load` and `core`.
//!
//! Stage 2 — validate: the rules that a parsed, well-formed data set must follow.
//!
//! Phases, dates and references are checked across files; every problem is reported with the file,
//! line and column of the value at fault and a hint how to fix it.

mod huisstijl;
mod informatiepakket;

use crate::core::dates::{Edition, Einde, HalfYear, Month, Parsed, Period, Start};
use crate::core::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::core::phase::{Fase, Ladder, MAX_FASEN, MIN_FASEN};
use crate::core::url::is_web_address;
use crate::load::data_files as df;
use crate::load::yaml_tree::Step;
use crate::load::{DataSet, Loaded, SourceFile};
use crate::path;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the rules need to know beyond the data.
#[derive(Debug, Clone, Copy)]
pub struct ValidateOptions {
    /// The report date: no result may be reported or dated after this month. `None`: no such
    /// check (`koers changes` compares two states of the data, whatever their dates).
    pub report_month: Option<Month>,
}

pub fn validate(set: &DataSet, opts: &ValidateOptions) -> Diagnostics {
    let mut v = Validator { set, opts, diags: Diagnostics::default(), ladder: set.ladder() };
    v.ids();
    v.programme();
    v.urls();
    v.themalijnen();
    v.projects();
    v.editions();
    v.diags.extend(informatiepakket::validate(set));
    v.glossary_usage();
    v.diags
}

struct Validator<'a> {
    set: &'a DataSet,
    opts: &'a ValidateOptions,
    diags: Diagnostics,
    /// The phase ladder of koers.yaml: the names a project's phase steps may use.
    ladder: Ladder,
}

/// An id as file names, links and commands use it: lowercase letters, digits and hyphens.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Where a result or a phase step was reported, by its `periode` (a rapportage's half year) and
/// `editie` (a newsletter edition).
enum Reported {
    /// In one of them (`None` when its text did not parse: reported when the file loaded).
    In(Option<(Period, &'static str)>),
    Both,
    Neither,
}

fn reported(periode: Option<Parsed<HalfYear>>, editie: Option<Parsed<Edition>>) -> Reported {
    match (periode, editie) {
        (Some(h), None) => Reported::In(h.valid().map(|h| (h.0, "periode"))),
        (None, Some(e)) => Reported::In(e.valid().map(|e| (e.0, "editie"))),
        (Some(_), Some(_)) => Reported::Both,
        (None, None) => Reported::Neither,
    }
}

/// A block of an edition being checked, and what the blocks before it showed.
struct Blok<'b, 's> {
    f: &'b SourceFile,
    id: &'b str,
    editie: Edition,
    i: usize,
    b: &'s df::NieuwsbriefBlok,
    /// (project, result number in the edition) → the block that shows it first.
    shown: &'b mut HashMap<(&'s str, usize), usize>,
    /// The same, for the blocks that show results under their own heading (no `kop`).
    own: &'b mut HashMap<(&'s str, usize), usize>,
}

impl<'a> Validator<'a> {
    fn ids(&mut self) {
        for d in &self.set.duplicate_ids {
            let shown = |p: &std::path::Path| p.strip_prefix(&self.set.root).unwrap_or(p).display().to_string();
            self.diags.push(
                Diagnostic::error(
                    &d.second,
                    format!(
                        "\"{}\" is in two files: {} and {} (only the first is read)",
                        d.id,
                        shown(&d.first),
                        shown(&d.second)
                    ),
                )
                .hint("ids are file names without extension and must be unique: rename or remove one of the two files"),
            );
        }
        let files = self
            .set
            .themalijnen
            .iter()
            .map(|(id, l)| (id, &l.file))
            .chain(self.set.projecten.iter().map(|(id, l)| (id, &l.file)));
        for (id, file) in files {
            if !is_valid_id(id) {
                self.diags.push(file.warning_at(&[], format!("the file name \"{id}\" is not a plain id")).hint(
                    "use lowercase letters, digits and hyphens (e.g. welzijn-op-recept.yaml): ids appear in links and commands",
                ));
            }
        }
    }

    /// The rules of koers.yaml: the newsletter's addresses, the municipalities and abbreviations
    /// once each, the phase ladder, the rapportages.
    fn programme(&mut self) {
        let Some(p) = &self.set.programme else { return };
        let (f, d) = (&p.file, &p.data);
        self.newsletter_addresses(f, d);
        self.listed_once(f, d);
        self.phase_ladder(f, d);
        for d in huisstijl::validate(f, d) {
            self.diags.push(d);
        }
        self.rapportages(f, d);
    }

    /// The newsletter's sender and reply addresses, its unsubscribe address, its images' address.
    fn newsletter_addresses(&mut self, f: &SourceFile, d: &df::ProgrammeFile) {
        let addresses = d.nieuwsbrief.as_ref().map(|n| [("afzender", &n.afzender), ("antwoord_aan", &n.antwoord_aan)]);
        for (key, value) in addresses.into_iter().flatten() {
            if let Some(a) = value
                && a.parse::<lettre::Address>().is_err()
            {
                self.diags.push(
                    f.error_at(&path!["nieuwsbrief", key], format!("\"{a}\" is not an e-mail address"))
                        .hint("write an address like communicatie@voorbeeld.nl"),
                );
            }
        }
        if let Some(u) = d.nieuwsbrief.as_ref().and_then(|n| n.afmelden.as_deref()) {
            let lower = u.trim().to_ascii_lowercase();
            if !(is_web_address(u) && (lower.starts_with("https://") || lower.starts_with("mailto:"))) {
                self.diags.push(
                    f.error_at(
                        &path!["nieuwsbrief", "afmelden"],
                        format!("\"{u}\" is not an https:// or mailto: address"),
                    )
                    .hint("the List-Unsubscribe header needs https://… (one-click) or mailto:…"),
                );
            }
        }
        if let Some(u) = d.nieuwsbrief.as_ref().and_then(|n| n.afbeeldingen_url.as_deref())
            && !is_image_base_url(u)
        {
            self.diags.push(
                f.error_at(
                    &path!["nieuwsbrief", "afbeeldingen_url"],
                    format!("\"{u}\" is not an https:// address of a folder"),
                )
                .hint("write the address of the folder the chart images are put in, e.g. https://www.example.org/nieuwsbrief/ (https, no ? or #): mail clients load images only over https"),
            );
        }
    }

    /// Each municipality and each abbreviation once.
    fn listed_once(&mut self, f: &SourceFile, d: &df::ProgrammeFile) {
        let mut seen = HashMap::new();
        for (i, g) in d.gemeenten.iter().enumerate() {
            if let Some(first) = seen.insert(g.as_str(), i) {
                self.diags.push(
                    f.error_at(&path!["gemeenten", i], format!("\"{g}\" is listed twice"))
                        .hint(format!("remove this entry; it is already entry {}", first + 1)),
                );
            }
        }
        let mut afk: HashMap<String, usize> = HashMap::new();
        for (i, a) in d.afkortingen.iter().enumerate() {
            if let Some(first) = afk.insert(a.afkorting.clone(), i) {
                self.diags.push(
                    f.error_at(
                        &path!["afkortingen", i, "afkorting"],
                        format!("the abbreviation \"{}\" is defined twice", a.afkorting),
                    )
                    .hint(format!(
                        "keep one definition; the other is entry {} (\"{}\")",
                        first + 1,
                        d.afkortingen[first].betekenis
                    )),
                );
            }
        }
    }

    /// The phase ladder: two to six phases, each named once.
    fn phase_ladder(&mut self, f: &SourceFile, d: &df::ProgrammeFile) {
        let n = d.fasen.len();
        if !(MIN_FASEN..=MAX_FASEN).contains(&n) {
            self.diags.push(
                f.error_at(&path!["fasen"], format!("the phase ladder has {n} phases; it needs {MIN_FASEN} to {MAX_FASEN}"))
                    .hint("list the phases of the programme in ladder order, each as \"- naam: ...\" (the charts tell at most six apart)"),
            );
        }
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (i, fase) in d.fasen.iter().enumerate() {
            let naam = fase.naam.trim();
            if naam.is_empty() || naam != fase.naam || naam.contains('\n') {
                self.diags.push(
                    f.error_at(
                        &path!["fasen", i, "naam"],
                        "a phase's name is one line of text, without spaces around it",
                    )
                    .hint("write the name as documents show it, e.g. \"naam: Initiatiefase\""),
                );
                continue;
            }
            if let Some(first) = seen.insert(naam.to_lowercase(), i) {
                self.diags.push(
                    f.error_at(&path!["fasen", i, "naam"], format!("the phase \"{naam}\" is on the ladder twice"))
                        .hint(format!("keep one; the other is phase {} (\"{}\")", first + 1, d.fasen[first].naam)),
                );
            }
        }
    }

    /// Each rapportage period once; its boxes say where they stand, and not a period.
    fn rapportages(&mut self, f: &SourceFile, d: &df::ProgrammeFile) {
        let mut periods = BTreeSet::new();
        for (i, r) in d.rapportages.iter().enumerate() {
            if let Some(periode) = r.periode.valid()
                && !periods.insert(periode)
            {
                self.diags.push(
                    f.error_at(&path!["rapportages", i, "periode"], format!("the period {periode} is described twice"))
                        .hint("merge the two entries"),
                );
            }
            for (j, k) in r.interessant.iter().enumerate() {
                if k.plaats.is_none() {
                    self.diags.push(
                        f.error_at(&path!["rapportages", i, "interessant", j], "this box does not say where it stands")
                            .hint("add \"plaats: algemene_informatie\", \"plaats: programmaorganisatie_begin\", \"plaats: programmaorganisatie\" or \"plaats: definities\""),
                    );
                }
                if k.periode.is_some() {
                    self.diags.push(
                        f.error_at(
                            &path!["rapportages", i, "interessant", j, "periode"],
                            "a box of a rapportage has the period of its rapportage",
                        )
                        .hint("remove \"periode\" here"),
                    );
                }
            }
        }
    }

    /// Every data file that loaded.
    fn files(&self) -> impl Iterator<Item = &'a SourceFile> + use<'a> {
        let set: &'a DataSet = self.set;
        set.programme
            .iter()
            .map(|p| &p.file)
            .chain(set.regioplan.iter().map(|r| &r.file))
            .chain(set.themalijnen.values().map(|t| &t.file))
            .chain(set.projecten.values().map(|p| &p.file))
            .chain(set.edities.values().map(|e| &e.file))
            .chain(set.informatiepakket.iter().map(|i| &i.file))
    }

    /// Links must be web or mail addresses: a `javascript:` or relative link has no place in a document.
    fn urls(&mut self) {
        let mut found = Vec::new();
        for file in self.files() {
            file.tree.visit(&mut |path, node| {
                let is_url_key = matches!(path.last(), Some(Step::Key(k)) if matches!(k.as_str(), "url" | "website" | "linkedin" | "lees_meer_url"))
                    || (matches!(path.last(), Some(Step::Index(_)))
                        && matches!(path.iter().rev().nth(1), Some(Step::Key(k)) if k == "bronnen"));
                if is_url_key
                    && let Some(u) = node.value.as_str()
                    && !is_web_address(u)
                {
                    found.push(
                        file.error_at(path, format!("\"{u}\" is not a web or e-mail address"))
                            .hint("write a full address starting with https://, http:// or mailto:"),
                    );
                }
            });
        }
        // Links and images inside the Markdown texts.
        for file in self.files() {
            file.tree.visit(&mut |_path, node| {
                let Some(s) = node.value.as_str() else { return };
                if !s.contains("](") && !s.contains("]:") && !s.contains("www.") && !s.contains("://") {
                    return;
                }
                for t in crate::core::markdown::targets(s) {
                    let pos = text_position(&file.text, node.pos, &t.url).unwrap_or(node.pos);
                    let lower = t.url.trim().to_ascii_lowercase();
                    let d = if t.image && (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("//")) {
                        Diagnostic::error(&file.path, format!("the image \"{}\" is on another website", t.url))
                            .hint("the documents are self-contained: a remote image would make every reader's device contact that website (a tracking risk under the AVG); leave the image out")
                    } else if t.image {
                        Diagnostic::error(&file.path, format!("the image \"{}\" cannot be shown", t.url))
                            .hint("koers does not embed images from texts; leave the image out")
                    } else if !is_web_address(&t.url) {
                        Diagnostic::error(&file.path, format!("the link \"{}\" is not a web or e-mail address", t.url))
                            .hint("a link in a text must start with https://, http:// or mailto:")
                    } else {
                        continue;
                    };
                    found.push(d.at(pos, &file.text));
                }
            });
        }
        self.diags.items.extend(found);
        self.links_without_address();
    }

    /// A link line (`link:` of a box, `links:` of a newsletter block) without `url` would promise
    /// a link that is not there: the documents leave it out, and the author is told where it is.
    fn links_without_address(&mut self) {
        let mut found = Vec::new();
        for file in self.files() {
            file.tree.visit(&mut |path, node| {
                let is_link = matches!(path.last(), Some(Step::Key(k)) if k == "link")
                    || (matches!(path.last(), Some(Step::Index(_)))
                        && matches!(path.iter().rev().nth(1), Some(Step::Key(k)) if k == "links"));
                let crate::load::yaml_tree::Value::Map(entries) = &node.value else { return };
                let is_box = matches!(path.last(), Some(Step::Index(_)))
                    && matches!(path.iter().rev().nth(1), Some(Step::Key(k)) if k == "interessant");
                if is_box && !entries.iter().any(|(k, _)| k.name == "tekst" || k.name == "link") {
                    found.push(
                        file.error_at(path, "this box has neither a text nor a link line").hint(
                            "add \"tekst: ...\" or \"link: { tekst: ..., url: https://... }\", or remove the box",
                        ),
                    );
                }
                if !is_link || entries.iter().any(|(k, _)| k.name == "url") {
                    return;
                }
                let Some((_, tekst)) = entries.iter().find(|(k, _)| k.name == "tekst") else { return };
                let mut at = path.to_vec();
                at.push(Step::Key("tekst".into()));
                found.push(
                    file.warning_at(
                        &at,
                        format!(
                            "the link line \"{}\" has no address, so the documents leave it out",
                            tekst.value.as_str().unwrap_or_default().trim()
                        ),
                    )
                    .hint("add \"url: https://…\" with the address it points to, or remove the line"),
                );
            });
        }
        self.diags.items.extend(found);
    }

    fn themalijnen(&mut self) {
        let mut order: BTreeMap<u32, &str> = BTreeMap::new();
        let project_ids: Vec<&str> = self.set.projecten.keys().map(String::as_str).collect();
        for (id, t) in &self.set.themalijnen {
            let f = &t.file;
            if let Some(other) = order.insert(t.data.volgorde, id) {
                self.diags.push(
                    f.error_at(
                        &path!["volgorde"],
                        format!("volgorde {} is also used by themalijn \"{other}\"", t.data.volgorde),
                    )
                    .hint("give every themalijn its own position"),
                );
            }
            let mut listed = HashMap::new();
            for (i, pid) in t.data.projecten.iter().enumerate() {
                if let Some(first) = listed.insert(pid.as_str(), i) {
                    self.diags.push(
                        f.error_at(&path!["projecten", i], format!("project \"{pid}\" is listed twice"))
                            .hint(format!("remove this entry; it is already entry {}", first + 1)),
                    );
                    continue;
                }
                match self.set.projecten.get(pid) {
                    None if self.set.failed_ids.contains(pid) => {}
                    None => {
                        let mut d = f.error_at(&path!["projecten", i], format!("there is no project \"{pid}\""));
                        d = match did_you_mean(pid, project_ids.iter().copied()) {
                            Some(s) => d.hint(format!("did you mean \"{s}\"?")),
                            None => d.hint(format!("projects are the files in {}/projecten/", self.set.root.display())),
                        };
                        self.diags.push(d);
                    }
                    Some(p) if &p.data.themalijn != id => {
                        self.diags.push(
                            f.error_at(
                                &path!["projecten", i],
                                format!(
                                    "project \"{pid}\" belongs to themalijn \"{}\", not to \"{id}\"",
                                    p.data.themalijn
                                ),
                            )
                            .hint("move it to the list of its own themalijn, or change the project's themalijn"),
                        );
                    }
                    Some(_) => {}
                }
            }
            if let Some(order) = &t.data.paginavolgorde {
                let mut sorted_order: Vec<&String> = order.iter().collect();
                let mut sorted_list: Vec<&String> = t.data.projecten.iter().collect();
                sorted_order.sort();
                sorted_list.sort();
                if sorted_order != sorted_list {
                    let missing: Vec<&str> =
                        t.data.projecten.iter().filter(|p| !order.contains(p)).map(String::as_str).collect();
                    let extra: Vec<&str> =
                        order.iter().filter(|p| !t.data.projecten.contains(p)).map(String::as_str).collect();
                    let mut what = Vec::new();
                    if !missing.is_empty() {
                        what.push(format!("lacks {}", missing.join(", ")));
                    }
                    if !extra.is_empty() {
                        what.push(format!("names {}, not in \"projecten\"", extra.join(", ")));
                    }
                    if what.is_empty() {
                        what.push("lists a project twice".to_string());
                    }
                    self.diags.push(
                        f.error_at(&path!["paginavolgorde"], format!("the page order {}", what.join("; ")))
                            .hint("list every id of \"projecten\" once, in the order of the project pages"),
                    );
                }
            }
        }
    }

    /// The rules of each project file: its references, dates, phase history, results and boxes.
    fn projects(&mut self) {
        let latest_period = self.latest_report_period();
        for (id, p) in &self.set.projecten {
            let (f, d) = (&p.file, &p.data);
            self.project_references(id, f, d);
            let start_m = d.start.valid().and_then(Start::month);
            let end_m = d.einde.valid().and_then(Einde::month);
            if let (Some(s), Some(e)) = (start_m, end_m)
                && e < s
            {
                self.diags.push(
                    f.error_at(&path!["einde"], format!("the end ({}) is before the start ({})", e, s))
                        .hint("swap them or correct one of the two months"),
                );
            }
            // Phase history.
            if d.fasen.is_empty() {
                // A project recorded before its phase is known: the documents say so.
                self.diags.push(
                    f.warning_at(&path!["fasen"], "no phase is recorded for this project")
                        .hint(format!("record it: koers fase {id} FASE --sinds YYYY-MM")),
                );
            }
            self.phase_history(f, &d.fasen, end_m);
            let has_latest = self.project_results(f, d, end_m, latest_period);
            self.project_boxes(f, d);
            if let Some(period) = latest_period {
                let active = start_m.is_none_or(|s| s <= period.last) && end_m.is_none_or(|e| e >= period.first);
                if active && !has_latest {
                    self.diags.push(
                        f.warning_at(
                            &path!["resultaten"],
                            format!("no results in the latest report period ({})", period.dutch()),
                        )
                        .hint(format!("add what was achieved, with \"periode: {}\"", period.id())),
                    );
                }
            }
        }
    }

    /// A project's themalijn (which must list it) and parent project (no cycle).
    fn project_references(&mut self, id: &String, f: &SourceFile, d: &df::ProjectFile) {
        let themalijn_ids: Vec<&str> = self.set.themalijnen.keys().map(String::as_str).collect();
        let project_ids: Vec<&str> = self.set.projecten.keys().map(String::as_str).collect();
        match self.set.themalijnen.get(&d.themalijn) {
            None if self.set.failed_ids.contains(&d.themalijn) => {}
            None => {
                let mut diag = f.error_at(&path!["themalijn"], format!("there is no themalijn \"{}\"", d.themalijn));
                diag = match did_you_mean(&d.themalijn, themalijn_ids.iter().copied()) {
                    Some(s) => diag.hint(format!("did you mean \"{s}\"?")),
                    None => diag.hint(format!("known themalijnen: {}", themalijn_ids.join(", "))),
                };
                self.diags.push(diag);
            }
            Some(t) => {
                if !t.data.projecten.contains(id) {
                    self.diags.push(
                        f.error_at(
                            &path!["themalijn"],
                            format!(
                                "project \"{id}\" is missing from the project list of themalijn \"{}\"",
                                d.themalijn
                            ),
                        )
                        .hint(format!(
                            "add \"{id}\" to \"projecten\" in {}, where it should stand in the table",
                            t.file.path.display()
                        )),
                    );
                }
            }
        }
        if let Some(parent) = &d.hoofdproject {
            if parent == id {
                self.diags.push(
                    f.error_at(&path!["hoofdproject"], "a project cannot be its own parent")
                        .hint("remove \"hoofdproject\" or name another project"),
                );
            } else if !self.set.projecten.contains_key(parent) && !self.set.failed_ids.contains(parent) {
                let mut diag = f.error_at(&path!["hoofdproject"], format!("there is no project \"{parent}\""));
                if let Some(s) = did_you_mean(parent, project_ids.iter().copied()) {
                    diag = diag.hint(format!("did you mean \"{s}\"?"));
                }
                self.diags.push(diag);
            } else if let Some(cycle) = self.parent_cycle(id) {
                self.diags.push(
                    f.error_at(
                        &path!["hoofdproject"],
                        format!("the parent projects form a cycle: {}", cycle.join(" → ")),
                    )
                    .hint("a project cannot be (indirectly) its own parent: remove one \"hoofdproject\""),
                );
            }
        }
    }

    /// A project's results: each reported in one rapportage or one newsletter edition, not after
    /// the report date nor after the project's end. Whether one is reported in the latest period.
    fn project_results(
        &mut self,
        f: &SourceFile,
        d: &df::ProjectFile,
        end_m: Option<Month>,
        latest_period: Option<Period>,
    ) -> bool {
        let mut has_latest = false;
        for (i, r) in d.resultaten.iter().enumerate() {
            let reported = self.result_reported(f, i, r);
            if let Some((period, key)) = reported
                && let Some(report_month) = self.opts.report_month
                && period.first > report_month
            {
                self.diags.push(
                    f.error_at(
                        &path!["resultaten", i, key],
                        format!("this result is reported in {}, after the report date {report_month}", period.id(),),
                    )
                    .hint("a result is something that happened: correct the period, or build with a later --date"),
                );
            }
            if let Some((period, key)) = reported
                && let Some(e) = end_m
                && period.first > e
            {
                self.diags.push(
                    f.error_at(
                        &path!["resultaten", i, key],
                        format!("this result is reported in {}, after the project ended ({e})", period.id()),
                    )
                    .hint("a project reports results until its end: correct the period or the project's \"einde\""),
                );
            }
            if let Some((period, "periode")) = reported
                && latest_period == Some(period)
            {
                has_latest = true;
            }
            if let Some(m) = r.maand.and_then(Parsed::valid) {
                if let Some(e) = end_m
                    && m > e
                {
                    self.diags.push(
                        f.error_at(
                            &path!["resultaten", i, "maand"],
                            format!("this result ({m}) is dated after the project ended ({e})"),
                        )
                        .hint("correct the month or the project's \"einde\""),
                    );
                }
                if let Some(report_month) = self.opts.report_month
                    && m > report_month
                {
                    self.diags.push(
                        f.error_at(
                            &path!["resultaten", i, "maand"],
                            format!("this result is dated {m}, after the report date {report_month}"),
                        )
                        .hint("a result is something that happened: correct the month, or build with a later --date"),
                    );
                }
            }
        }
        has_latest
    }

    /// Where a result was reported (the period and its key), if it says so once.
    fn result_reported(&mut self, f: &SourceFile, i: usize, r: &df::Resultaat) -> Option<(Period, &'static str)> {
        match reported(r.periode, r.editie) {
            Reported::In(at) => at,
            Reported::Both => {
                self.diags.push(
                    f.error_at(
                        &path!["resultaten", i, "editie"],
                        "a result has either \"periode\" or \"editie\", not both",
                    )
                    .hint("record it where it was reported; a result reported twice is two entries"),
                );
                None
            }
            Reported::Neither => {
                self.diags.push(
                f.error_at(&path!["resultaten", i], "this result says neither where it was reported: add \"periode\" or \"editie\"")
                    .hint("\"periode: 2024-H1\" for the rapportage of a half year, \"editie: 2025-04\" (or 2025-Q3) for a newsletter edition"),
            );
                None
            }
        }
    }

    /// A project's boxes belong to the page of one report period.
    fn project_boxes(&mut self, f: &SourceFile, d: &df::ProjectFile) {
        for (i, it) in d.interessant.iter().enumerate() {
            match &it.periode {
                Some(_) => {}
                None => self.diags.push(
                    f.error_at(
                        &path!["interessant", i],
                        "a box on a project page needs the report period it belongs to",
                    )
                    .hint("add \"periode: YYYY-H1\" (or H2)"),
                ),
            }
            if it.plaats.is_some() {
                self.diags.push(
                    f.error_at(
                        &path!["interessant", i, "plaats"],
                        "\"plaats\" is for the boxes of a rapportage in koers.yaml",
                    )
                    .hint("remove it: a project's boxes stand at the end of its page"),
                );
            }
        }
    }

    /// The phase steps of a project: each says since when or where it was reported, within the
    /// project's dates and the report date, in date order, a step back with a reason.
    fn phase_history(&mut self, f: &SourceFile, fasen: &[df::FaseStap], end_m: Option<Month>) {
        let mut prev: Option<(Fase, Option<Month>)> = None;
        for (i, step) in fasen.iter().enumerate() {
            let Some(fase) = self.step_phase(f, i, step) else {
                prev = None;
                continue;
            };
            let sinds = step.sinds.and_then(Parsed::valid);
            let reported = self.step_reported(f, i, step);
            self.step_dates(f, i, sinds, reported, end_m);
            // The month from which the step is known: when it began, else the end of its report.
            let bekend = sinds.or(reported.map(|(p, _)| p.last));
            if let Some(prev) = prev {
                self.step_after(f, i, step, (&fase, bekend), prev, reported);
            }
            prev = Some((fase, bekend));
        }
    }

    /// The phase a step names, if it is on the ladder of koers.yaml (else a diagnostic, with the
    /// nearest name on the ladder).
    fn step_phase(&mut self, f: &SourceFile, i: usize, step: &df::FaseStap) -> Option<Fase> {
        if let Some(fase) = self.ladder.find(&step.fase) {
            return Some(fase.clone());
        }
        if self.ladder.is_empty() {
            return None; // no koers.yaml, or no ladder in it: reported there
        }
        let names: Vec<&str> = self.ladder.names().collect();
        let hint = match did_you_mean(&step.fase, names.iter().copied()) {
            Some(n) => format!("did you mean \"{n}\"?"),
            None => format!("the phases of the ladder in koers.yaml (\"fasen\") are: {}", names.join(", ")),
        };
        self.diags.push(
            f.error_at(
                &path!["fasen", i, "fase"],
                format!("\"{}\" is not a phase of the ladder in koers.yaml", step.fase),
            )
            .hint(hint),
        );
        None
    }

    /// Where a phase step was reported (the period and its key), if it says so once.
    fn step_reported(&mut self, f: &SourceFile, i: usize, step: &df::FaseStap) -> Option<(Period, &'static str)> {
        match reported(step.periode, step.editie) {
            Reported::In(at) => at,
            Reported::Both => {
                self.diags.push(
                    f.error_at(
                        &path!["fasen", i, "editie"],
                        "a phase step has either \"periode\" or \"editie\", not both",
                    )
                    .hint("record it where it was reported"),
                );
                None
            }
            Reported::Neither => {
                if step.sinds.is_none() {
                    self.diags.push(
                    f.error_at(
                        &path!["fasen", i],
                        format!("the step to {} says neither since when nor where it was reported", step.fase),
                    )
                    .hint("add \"sinds: YYYY-MM\" (the month it began), or \"periode: 2024-H1\" / \"editie: 2025-04\" (the report that states it); koers never dates a phase back to the project's start"),
                );
                }
                None
            }
        }
    }

    /// A step's month not after its report, the report not after the report date, the step not
    /// after the project's end.
    fn step_dates(
        &mut self,
        f: &SourceFile,
        i: usize,
        sinds: Option<Month>,
        reported: Option<(Period, &'static str)>,
        end_m: Option<Month>,
    ) {
        if let (Some(s), Some((period, key))) = (sinds, reported)
            && s > period.last
        {
            self.diags.push(
                f.error_at(
                    &path!["fasen", i, "sinds"],
                    format!("this phase begins ({s}) after the report that states it ({key} {})", period.id()),
                )
                .hint("correct the month or the report"),
            );
        }
        if let Some((period, key)) = reported
            && let Some(report_month) = self.opts.report_month
            && period.first > report_month
        {
            self.diags.push(
                f.error_at(
                    &path!["fasen", i, key],
                    format!("this phase is reported in {}, after the report date {report_month}", period.id()),
                )
                .hint("correct the period, or build with a later --date"),
            );
        }
        if let (Some(s), Some(e)) = (sinds, end_m)
            && s > e
        {
            self.diags.push(
                f.error_at(
                    &path!["fasen", i, "sinds"],
                    format!("this phase begins ({s}) after the project ends ({e})"),
                )
                .hint("correct the month or the project's \"einde\""),
            );
        }
    }

    /// A step after the one before it: known from a later month, not the same phase again with a
    /// `sinds`, a step back only with a reason.
    fn step_after(
        &mut self,
        f: &SourceFile,
        i: usize,
        step: &df::FaseStap,
        (fase, bekend): (&Fase, Option<Month>),
        (prev_fase, prev_bekend): (Fase, Option<Month>),
        reported: Option<(Period, &'static str)>,
    ) {
        if let (Some(a), Some(b)) = (prev_bekend, bekend)
            && b <= a
        {
            let key = if step.sinds.is_some() { "sinds" } else { reported.map_or("fase", |(_, k)| k) };
            self.diags.push(
                f.error_at(
                    &path!["fasen", i, key],
                    format!("the phase history is not in date order: {b} is not after {a}"),
                )
                .hint("list the phases oldest first, each known from a later month"),
            );
        }
        // The same phase again is a later report confirming it (no `sinds`); with a
        // `sinds` it would be a step to where the project already is.
        if *fase == prev_fase && step.sinds.is_some() {
            self.diags.push(
                f.error_at(&path!["fasen", i, "fase"], format!("{} follows itself", step.fase))
                    .hint("remove the repeated entry, or record a later report that confirms the phase with \"periode\" or \"editie\" instead of \"sinds\""),
            );
        } else if *fase < prev_fase && step.reden.as_deref().is_none_or(|r| r.trim().is_empty()) {
            self.diags.push(
                f.error_at(
                    &path!["fasen", i, "fase"],
                    format!("a step back from {prev_fase} to {} needs a reason", step.fase),
                )
                .hint("add \"reden: ...\" explaining why the project went back"),
            );
        }
    }

    /// The latest half year with a rapportage in koers.yaml.
    fn latest_report_period(&self) -> Option<Period> {
        self.set
            .programme
            .as_ref()
            .and_then(|p| p.data.rapportages.iter().filter_map(|r| r.periode.valid()).map(|h| h.0).max())
    }

    fn parent_cycle(&self, start: &str) -> Option<Vec<String>> {
        let mut chain = vec![start.to_string()];
        let mut cur = start;
        while let Some(parent) = self.set.projecten.get(cur).and_then(|p| p.data.hoofdproject.as_deref()) {
            if parent == start {
                chain.push(parent.to_string());
                return Some(chain);
            }
            if chain.iter().any(|c| c == parent) || !self.set.projecten.contains_key(parent) {
                return None; // a cycle that does not include `start` is reported for its own members
            }
            chain.push(parent.to_string());
            cur = parent;
        }
        None
    }

    /// Edition files: named after their month or quarter; each block one thing, referring to
    /// what exists; every result reported in the edition shown in it.
    fn editions(&mut self) {
        let set: &'a DataSet = self.set;
        for (editie, e) in &set.edities {
            let f = &e.file;
            let id = &f.id();
            // (project, result number in the edition) → the block that shows it first.
            let mut shown: HashMap<(&str, usize), usize> = HashMap::new();
            // The same, for the blocks that show results under their own heading (no `kop`).
            let mut own: HashMap<(&str, usize), usize> = HashMap::new();
            for (i, b) in e.data.blokken.iter().enumerate() {
                if !self.block_shape(f, i, b) {
                    continue;
                }
                if let Some(pid) = b.project.as_deref() {
                    let mut blok = Blok { f, id, editie: *editie, i, b, shown: &mut shown, own: &mut own };
                    self.project_block(pid, &mut blok);
                }
            }
            self.edition_shows_its_results(e, *editie, id, &shown);
        }
    }

    /// The indices (in `resultaten`) of a project's results reported in an edition.
    fn reported_in(&self, pid: &str, editie: Edition) -> Vec<usize> {
        let Some(p) = self.set.projecten.get(pid) else { return vec![] };
        p.data
            .resultaten
            .iter()
            .enumerate()
            .filter(|(_, r)| r.editie == Some(Parsed::Valid(editie)))
            .map(|(i, _)| i)
            .collect()
    }

    /// A block of an edition is one thing (a thema heading, a project update, an item or the
    /// uitgelicht block), with only its own keys, naming a themalijn that exists. False when it
    /// is not one thing: then nothing more of it is checked.
    fn block_shape(&mut self, f: &SourceFile, i: usize, b: &df::NieuwsbriefBlok) -> bool {
        let themalijn_ids: Vec<&str> = self.set.themalijnen.keys().map(String::as_str).collect();
        let kinds: Vec<&str> = [
            ("thema", b.thema.is_some()),
            ("project", b.project.is_some()),
            ("item", b.item.is_some()),
            ("uitgelicht", b.uitgelicht.is_some()),
        ]
        .into_iter()
        .filter(|k| k.1)
        .map(|k| k.0)
        .collect();
        match kinds.as_slice() {
            [] => {
                self.diags.push(f.error_at(&path!["blokken", i], "this block shows nothing").hint(
                    "a block is a \"thema\" heading, a \"project\" update, an \"item\" or the \"uitgelicht\" block",
                ));
                return false;
            }
            [_] => {}
            [first, second, ..] => {
                self.diags.push(
                    f.error_at(
                        &path!["blokken", i, *second],
                        format!("a block is one thing: this one is \"{first}\" already"),
                    )
                    .hint(format!("make \"{second}\" a block of its own")),
                );
                return false;
            }
        }
        if b.project.is_none() {
            for (key, set) in [("resultaten", b.resultaten.is_some()), ("kop", b.kop.is_some())] {
                if set {
                    self.diags.push(
                        f.error_at(&path!["blokken", i, key], format!("\"{key}\" belongs to a project block"))
                            .hint("remove it, or add it to the block of the project it is about"),
                    );
                }
            }
        }
        if b.thema.is_some() && !b.links.is_empty() {
            self.diags.push(
                f.error_at(&path!["blokken", i, "links"], "a thema heading has no links")
                    .hint("give the links to the block they belong under"),
            );
        }
        if let Some(t) = &b.thema
            && !self.set.themalijnen.contains_key(t)
            && !self.set.failed_ids.contains(t)
        {
            let d = f.error_at(&path!["blokken", i, "thema"], format!("there is no themalijn \"{t}\""));
            self.diags.push(match did_you_mean(t, themalijn_ids.iter().copied()) {
                Some(s) => d.hint(format!("did you mean \"{s}\"?")),
                None => d.hint(format!("known themalijnen: {}", themalijn_ids.join(", "))),
            });
        }
        true
    }

    /// A project block: the project exists, has results in the edition, and the numbers it
    /// shows are results of it, each under its own heading once.
    fn project_block<'s>(&mut self, pid: &'s str, blok: &mut Blok<'_, 's>) {
        let Blok { f, id, editie, i, b, .. } = *blok;
        let project_ids: Vec<&str> = self.set.projecten.keys().map(String::as_str).collect();
        if !self.set.projecten.contains_key(pid) {
            if !self.set.failed_ids.contains(pid) {
                let d = f.error_at(&path!["blokken", i, "project"], format!("there is no project \"{pid}\""));
                self.diags.push(match did_you_mean(pid, project_ids.iter().copied()) {
                    Some(s) => d.hint(format!("did you mean \"{s}\"?")),
                    None => d.hint("projects are the files in projecten/; the id is the file name without .yaml"),
                });
            }
            return;
        }
        let n = self.reported_in(pid, editie).len();
        if n == 0 {
            // It shows nothing; not fatal.
            self.diags.push(
                f.warning_at(
                    &path!["blokken", i, "project"],
                    format!("project \"{pid}\" has no result reported in edition {id}"),
                )
                .hint(format!("add a result with \"editie: {id}\" to projecten/{pid}.yaml, or remove this block")),
            );
            return;
        }
        let numbers: Vec<(Vec<crate::load::yaml_tree::Step>, u32)> = match &b.resultaten {
            Some(list) => {
                if list.is_empty() {
                    self.diags.push(
                        f.error_at(&path!["blokken", i, "resultaten"], "an empty list shows no result")
                            .hint("leave \"resultaten\" out to show all of the project's results in this edition"),
                    );
                }
                list.iter().enumerate().map(|(j, nr)| (path!["blokken", i, "resultaten", j].to_vec(), *nr)).collect()
            }
            None => (1..=n as u32).map(|nr| (path!["blokken", i, "project"].to_vec(), nr)).collect(),
        };
        for (at, nr) in numbers {
            let nr = nr as usize;
            if nr == 0 || nr > n {
                let results = if n == 1 { "1 result".to_string() } else { format!("{n} results") };
                self.diags.push(
                    f.error_at(
                        &at,
                        format!("project \"{pid}\" has {results} in edition {id}: there is no result {nr}"),
                    )
                    .hint(format!(
                        "number the results with \"editie: {id}\" in projecten/{pid}.yaml from 1, in file order"
                    )),
                );
                continue;
            }
            blok.shown.entry((pid, nr)).or_insert(i);
            // Shown under its own heading once; a repeat names the heading it stands under.
            if b.kop.is_none() {
                match blok.own.get(&(pid, nr)) {
                    Some(first) => self.diags.push(
                        f.error_at(
                            &at,
                            format!("result {nr} of project \"{pid}\" is already shown in block {}", first + 1),
                        )
                        .hint(
                            "remove it here, or give this block a \"kop\" to repeat the result under another heading",
                        ),
                    ),
                    None => {
                        blok.own.insert((pid, nr), i);
                    }
                }
            }
        }
    }

    /// Every result reported in an edition is shown in it.
    fn edition_shows_its_results(
        &mut self,
        e: &Loaded<df::NieuwsbriefFile>,
        editie: Edition,
        id: &str,
        shown: &HashMap<(&str, usize), usize>,
    ) {
        for (pid, p) in &self.set.projecten {
            for (nr, ri) in self.reported_in(pid, editie).into_iter().enumerate() {
                if shown.contains_key(&(pid.as_str(), nr + 1)) {
                    continue;
                }
                let listed = e.data.blokken.iter().any(|b| b.project.as_deref() == Some(pid.as_str()));
                let hint = if listed {
                    format!(
                        "add {} to the \"resultaten\" of a \"project: {pid}\" block in nieuwsbrief/{id}.yaml",
                        nr + 1
                    )
                } else {
                    format!("add \"- project: {pid}\" to \"blokken\" in nieuwsbrief/{id}.yaml")
                };
                self.diags.push(
                    p.file
                        .error_at(
                            &path!["resultaten", ri, "editie"],
                            format!("this result is reported in edition {id}, but that edition does not show it"),
                        )
                        .hint(hint),
                );
            }
        }
    }

    /// Warn about abbreviations used in texts but missing from the glossary (once per abbreviation).
    fn glossary_usage(&mut self) {
        let Some(p) = &self.set.programme else { return };
        // Case-insensitive, as the glossary is read: "Zvw" is the "ZVW" of the glossary.
        let known: BTreeSet<String> = p
            .data
            .afkortingen
            .iter()
            .map(|a| &a.afkorting)
            .chain(&p.data.geen_afkortingen)
            .map(|a| a.to_lowercase())
            .collect();
        // abbreviation → (file, position of the text, number of texts using it)
        let mut first_use: BTreeMap<String, (&SourceFile, crate::core::diagnostics::Pos, usize)> = BTreeMap::new();
        for file in self.files() {
            file.tree.visit(&mut |path, node| {
                let in_glossary =
                    path.iter().any(|s| matches!(s, Step::Key(k) if k == "afkortingen" || k == "geen_afkortingen"));
                let Some(s) = node.value.as_str() else { return };
                if in_glossary {
                    return;
                }
                for abbr in abbreviations_in(s) {
                    // "Technologie en Zorg Academie (TZA)" or "JIM (Jouw Ingebrachte Mentor)":
                    // explained where it is used.
                    let explained = [")", "-", ","].iter().any(|after| s.contains(&format!("({abbr}{after}")))
                        || s.contains(&format!("{abbr} ("));
                    if !known.contains(&abbr.to_lowercase()) && !explained {
                        first_use.entry(abbr).or_insert((file, node.pos, 0)).2 += 1;
                    }
                }
            });
        }
        for (abbr, (file, start, count)) in first_use {
            let times = if count == 1 { "once".to_string() } else { format!("in {count} texts") };
            let pos = word_position(&file.text, start, &abbr).unwrap_or(start);
            self.diags.push(
                crate::core::diagnostics::Diagnostic::warning(
                    &file.path,
                    format!("the abbreviation \"{abbr}\" is used ({times}) but not in the glossary"),
                )
                .at(pos, &file.text)
                .hint(format!(
                    "add it under \"afkortingen\" in koers.yaml (- {{ afkorting: {abbr}, betekenis: ... }}); if it is a name, or no source gives its meaning, list it under \"geen_afkortingen\" in koers.yaml"
                )),
            );
        }
    }
}

/// The address of a folder of images on the web: `https://`, a host, no query or fragment.
pub fn is_image_base_url(u: &str) -> bool {
    let rest = u.strip_prefix("https://").unwrap_or("");
    let host = rest.split('/').next().unwrap_or("");
    !host.is_empty() && is_web_address(u) && !u.contains(['?', '#'])
}

/// The position of the first occurrence of `needle` at or after `from`.
fn text_position(
    text: &str,
    from: crate::core::diagnostics::Pos,
    needle: &str,
) -> Option<crate::core::diagnostics::Pos> {
    if needle.is_empty() {
        return None;
    }
    for (i, line) in crate::core::diagnostics::source_lines(text).enumerate().skip(from.line.saturating_sub(1)) {
        let start = if i + 1 == from.line {
            line.char_indices().nth(from.column.saturating_sub(1)).map_or(line.len(), |(b, _)| b)
        } else {
            0
        };
        if let Some(off) = line[start..].find(needle) {
            return Some(crate::core::diagnostics::Pos {
                line: i + 1,
                column: line[..start + off].chars().count() + 1,
            });
        }
    }
    None
}

/// The position of the first whole-word occurrence of `word` at or after `from`.
fn word_position(text: &str, from: crate::core::diagnostics::Pos, word: &str) -> Option<crate::core::diagnostics::Pos> {
    for (i, line) in crate::core::diagnostics::source_lines(text).enumerate().skip(from.line.saturating_sub(1)) {
        let mut search = 0;
        while let Some(off) = line[search..].find(word) {
            let at = search + off;
            let before = line[..at].chars().next_back();
            let after = line[at + word.len()..].chars().next();
            if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
                return Some(crate::core::diagnostics::Pos { line: i + 1, column: line[..at].chars().count() + 1 });
            }
            search = at + word.len();
        }
    }
    None
}

/// Words that look like abbreviations: 2–6 letters, at least two capitals, mostly capitals
/// ("GGD", "KnGG", "WoR", "Wlz" is not detected: one capital).
pub fn abbreviations_in(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let n = word.chars().count();
        if !(2..=6).contains(&n) || word.chars().any(|c| !c.is_alphabetic()) {
            continue;
        }
        let upper = word.chars().filter(|c| c.is_uppercase()).count();
        if upper >= 2 && upper * 2 >= n && word.chars().next().is_some_and(char::is_uppercase) {
            out.insert(word.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_abbreviations() {
        let found = abbreviations_in(
            "De POH'ers en JGZ-professionals van GGD Twente werken met KnGG en WoR. SamenTwente, LiveBoard, Q3, AI.",
        );
        let found: Vec<&str> = found.iter().map(String::as_str).collect();
        assert_eq!(found, vec!["AI", "GGD", "JGZ", "KnGG", "POH", "WoR"]);
    }
}
