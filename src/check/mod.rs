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
                    crate::t!(
                        "data-id-in-two-files",
                        id = d.id.as_str(),
                        first = shown(&d.first),
                        second = shown(&d.second)
                    ),
                )
                .hint(crate::t!("data-id-in-two-files-hint")),
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
                self.diags.push(
                    file.warning_at(&[], crate::t!("data-id-not-plain", id = id.as_str()))
                        .hint(crate::t!("data-id-not-plain-hint")),
                );
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
                    f.error_at(&path!["nieuwsbrief", key], crate::t!("data-not-an-email-address", value = a.as_str()))
                        .hint(crate::t!("data-not-an-email-address-hint")),
                );
            }
        }
        if let Some(u) = d.nieuwsbrief.as_ref().and_then(|n| n.afmelden.as_deref()) {
            let lower = u.trim().to_ascii_lowercase();
            if !(is_web_address(u) && (lower.starts_with("https://") || lower.starts_with("mailto:"))) {
                self.diags.push(
                    f.error_at(
                        &path!["nieuwsbrief", "afmelden"],
                        crate::t!("data-unsubscribe-not-https-or-mailto", value = u),
                    )
                    .hint(crate::t!("data-unsubscribe-not-https-or-mailto-hint")),
                );
            }
        }
        if let Some(u) = d.nieuwsbrief.as_ref().and_then(|n| n.afbeeldingen_url.as_deref())
            && !is_image_base_url(u)
        {
            self.diags.push(
                f.error_at(
                    &path!["nieuwsbrief", "afbeeldingen_url"],
                    crate::t!("data-images-url-not-a-folder", value = u),
                )
                .hint(crate::t!("data-images-url-not-a-folder-hint")),
            );
        }
    }

    /// Each municipality and each abbreviation once.
    fn listed_once(&mut self, f: &SourceFile, d: &df::ProgrammeFile) {
        let mut seen = HashMap::new();
        for (i, g) in d.gemeenten.iter().enumerate() {
            if let Some(first) = seen.insert(g.as_str(), i) {
                self.diags.push(
                    f.error_at(&path!["gemeenten", i], crate::t!("data-listed-twice", value = g.as_str()))
                        .hint(crate::t!("data-listed-twice-hint", first = first + 1)),
                );
            }
        }
        let mut afk: HashMap<String, usize> = HashMap::new();
        for (i, a) in d.afkortingen.iter().enumerate() {
            if let Some(first) = afk.insert(a.afkorting.clone(), i) {
                self.diags.push(
                    f.error_at(
                        &path!["afkortingen", i, "afkorting"],
                        crate::t!("data-abbreviation-defined-twice", abbreviation = a.afkorting.as_str()),
                    )
                    .hint(crate::t!(
                        "data-abbreviation-defined-twice-hint",
                        first = first + 1,
                        meaning = d.afkortingen[first].betekenis.as_str()
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
                f.error_at(&path!["fasen"], crate::t!("data-ladder-size", count = n, min = MIN_FASEN, max = MAX_FASEN))
                    .hint(crate::t!("data-ladder-size-hint")),
            );
        }
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (i, fase) in d.fasen.iter().enumerate() {
            let naam = fase.naam.trim();
            if naam.is_empty() || naam != fase.naam || naam.contains('\n') {
                self.diags.push(
                    f.error_at(&path!["fasen", i, "naam"], crate::t!("data-phase-name-one-line"))
                        .hint(crate::t!("data-phase-name-one-line-hint")),
                );
                continue;
            }
            if let Some(first) = seen.insert(naam.to_lowercase(), i) {
                self.diags.push(
                    f.error_at(&path!["fasen", i, "naam"], crate::t!("data-phase-on-ladder-twice", phase = naam)).hint(
                        crate::t!(
                            "data-phase-on-ladder-twice-hint",
                            first = first + 1,
                            other = d.fasen[first].naam.as_str()
                        ),
                    ),
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
                    f.error_at(
                        &path!["rapportages", i, "periode"],
                        crate::t!("data-period-described-twice", period = periode.to_string()),
                    )
                    .hint(crate::t!("data-period-described-twice-hint")),
                );
            }
            for (j, k) in r.interessant.iter().enumerate() {
                if k.plaats.is_none() {
                    self.diags.push(
                        f.error_at(&path!["rapportages", i, "interessant", j], crate::t!("data-box-unplaced"))
                            .hint(crate::t!("data-box-unplaced-hint")),
                    );
                }
                if k.periode.is_some() {
                    self.diags.push(
                        f.error_at(
                            &path!["rapportages", i, "interessant", j, "periode"],
                            crate::t!("data-box-has-period"),
                        )
                        .hint(crate::t!("data-box-has-period-hint")),
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
                        file.error_at(path, crate::t!("data-not-a-web-address", value = u))
                            .hint(crate::t!("data-not-a-web-address-hint")),
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
                    let d = if t.image
                        && (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("//"))
                    {
                        Diagnostic::error(&file.path, crate::t!("data-image-remote", url = t.url.as_str()))
                            .hint(crate::t!("data-image-remote-hint"))
                    } else if t.image {
                        Diagnostic::error(&file.path, crate::t!("data-image-in-text", url = t.url.as_str()))
                            .hint(crate::t!("data-image-in-text-hint"))
                    } else if !is_web_address(&t.url) {
                        Diagnostic::error(&file.path, crate::t!("data-text-link-not-web", url = t.url.as_str()))
                            .hint(crate::t!("data-text-link-not-web-hint"))
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
                    found.push(file.error_at(path, crate::t!("data-box-empty")).hint(crate::t!("data-box-empty-hint")));
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
                        crate::t!("data-link-without-address", text = tekst.value.as_str().unwrap_or_default().trim()),
                    )
                    .hint(crate::t!("data-link-without-address-hint")),
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
                        crate::t!("data-volgorde-taken", volgorde = t.data.volgorde, other = other),
                    )
                    .hint(crate::t!("data-volgorde-taken-hint")),
                );
            }
            let mut listed = HashMap::new();
            for (i, pid) in t.data.projecten.iter().enumerate() {
                if let Some(first) = listed.insert(pid.as_str(), i) {
                    self.diags.push(
                        f.error_at(
                            &path!["projecten", i],
                            crate::t!("data-project-listed-twice", project = pid.as_str()),
                        )
                        .hint(crate::t!("data-listed-twice-hint", first = first + 1)),
                    );
                    continue;
                }
                match self.set.projecten.get(pid) {
                    None if self.set.failed_ids.contains(pid) => {}
                    None => {
                        let mut d = f.error_at(
                            &path!["projecten", i],
                            crate::t!("data-no-such-project", project = pid.as_str()),
                        );
                        d = match did_you_mean(pid, project_ids.iter().copied()) {
                            Some(s) => d.hint(crate::t!("data-did-you-mean", best = s)),
                            None => d.hint(crate::t!(
                                "data-no-such-project-hint-dir",
                                dir = self.set.root.display().to_string()
                            )),
                        };
                        self.diags.push(d);
                    }
                    Some(p) if &p.data.themalijn != id => {
                        self.diags.push(
                            f.error_at(
                                &path!["projecten", i],
                                crate::t!(
                                    "data-project-of-other-themalijn",
                                    project = pid.as_str(),
                                    own = p.data.themalijn.as_str(),
                                    listed = id.as_str()
                                ),
                            )
                            .hint(crate::t!("data-project-of-other-themalijn-hint")),
                        );
                    }
                    Some(_) => {}
                }
            }
            self.page_order(f, &t.data);
        }
    }

    /// A themalijn's page order names each project of its list once.
    fn page_order(&mut self, f: &SourceFile, t: &df::ThemalijnFile) {
        if let Some(order) = &t.paginavolgorde {
            let mut sorted_order: Vec<&String> = order.iter().collect();
            let mut sorted_list: Vec<&String> = t.projecten.iter().collect();
            sorted_order.sort();
            sorted_list.sort();
            if sorted_order != sorted_list {
                let missing: Vec<&str> =
                    t.projecten.iter().filter(|p| !order.contains(p)).map(String::as_str).collect();
                let extra: Vec<&str> = order.iter().filter(|p| !t.projecten.contains(p)).map(String::as_str).collect();
                let mut what = Vec::new();
                if !missing.is_empty() {
                    what.push(crate::t!("data-page-order-lacks", projects = missing.join(", ")));
                }
                if !extra.is_empty() {
                    what.push(crate::t!("data-page-order-extra", projects = extra.join(", ")));
                }
                if what.is_empty() {
                    what.push(crate::t!("data-page-order-twice"));
                }
                self.diags.push(
                    f.error_at(&path!["paginavolgorde"], crate::t!("data-page-order", what = what.join("; ")))
                        .hint(crate::t!("data-page-order-hint")),
                );
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
                    f.error_at(
                        &path!["einde"],
                        crate::t!("data-end-before-start", end = e.to_string(), start = s.to_string()),
                    )
                    .hint(crate::t!("data-end-before-start-hint")),
                );
            }
            // Phase history.
            if d.fasen.is_empty() {
                // A project recorded before its phase is known: the documents say so.
                self.diags.push(
                    f.warning_at(&path!["fasen"], crate::t!("data-no-phase"))
                        .hint(crate::t!("data-no-phase-hint", id = id.as_str())),
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
                            crate::t!("data-no-results-latest-period", period = period.dutch()),
                        )
                        .hint(crate::t!("data-no-results-latest-period-hint", period = period.id())),
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
                let mut diag = f.error_at(
                    &path!["themalijn"],
                    crate::t!("data-no-such-themalijn", themalijn = d.themalijn.as_str()),
                );
                diag = match did_you_mean(&d.themalijn, themalijn_ids.iter().copied()) {
                    Some(s) => diag.hint(crate::t!("data-did-you-mean", best = s)),
                    None => diag.hint(crate::t!("data-known-themalijnen", themalijnen = themalijn_ids.join(", "))),
                };
                self.diags.push(diag);
            }
            Some(t) => {
                if !t.data.projecten.contains(id) {
                    self.diags.push(
                        f.error_at(
                            &path!["themalijn"],
                            crate::t!(
                                "data-project-not-in-themalijn-list",
                                project = id.as_str(),
                                themalijn = d.themalijn.as_str()
                            ),
                        )
                        .hint(crate::t!(
                            "data-project-not-in-themalijn-list-hint",
                            project = id.as_str(),
                            file = t.file.path.display().to_string()
                        )),
                    );
                }
            }
        }
        if let Some(parent) = &d.hoofdproject {
            if parent == id {
                self.diags.push(
                    f.error_at(&path!["hoofdproject"], crate::t!("data-own-parent"))
                        .hint(crate::t!("data-own-parent-hint")),
                );
            } else if !self.set.projecten.contains_key(parent) && !self.set.failed_ids.contains(parent) {
                let mut diag =
                    f.error_at(&path!["hoofdproject"], crate::t!("data-no-such-project", project = parent.as_str()));
                if let Some(s) = did_you_mean(parent, project_ids.iter().copied()) {
                    diag = diag.hint(crate::t!("data-did-you-mean", best = s));
                }
                self.diags.push(diag);
            } else if let Some(cycle) = self.parent_cycle(id) {
                self.diags.push(
                    f.error_at(&path!["hoofdproject"], crate::t!("data-parent-cycle", cycle = cycle.join(" → ")))
                        .hint(crate::t!("data-parent-cycle-hint")),
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
                        crate::t!(
                            "data-result-after-report-date",
                            period = period.id(),
                            report_month = report_month.to_string()
                        ),
                    )
                    .hint(crate::t!("data-result-after-report-date-hint")),
                );
            }
            if let Some((period, key)) = reported
                && let Some(e) = end_m
                && period.first > e
            {
                self.diags.push(
                    f.error_at(
                        &path!["resultaten", i, key],
                        crate::t!("data-result-period-after-end", period = period.id(), end = e.to_string()),
                    )
                    .hint(crate::t!("data-result-period-after-end-hint")),
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
                            crate::t!("data-result-month-after-end", month = m.to_string(), end = e.to_string()),
                        )
                        .hint(crate::t!("data-correct-month-or-end")),
                    );
                }
                if let Some(report_month) = self.opts.report_month
                    && m > report_month
                {
                    self.diags.push(
                        f.error_at(
                            &path!["resultaten", i, "maand"],
                            crate::t!(
                                "data-result-month-after-report-date",
                                month = m.to_string(),
                                report_month = report_month.to_string()
                            ),
                        )
                        .hint(crate::t!("data-result-month-after-report-date-hint")),
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
                    f.error_at(&path!["resultaten", i, "editie"], crate::t!("data-result-both-places"))
                        .hint(crate::t!("data-result-both-places-hint")),
                );
                None
            }
            Reported::Neither => {
                self.diags.push(
                    f.error_at(&path!["resultaten", i], crate::t!("data-result-no-place"))
                        .hint(crate::t!("data-result-no-place-hint")),
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
                    f.error_at(&path!["interessant", i], crate::t!("data-project-box-no-period"))
                        .hint(crate::t!("data-project-box-no-period-hint")),
                ),
            }
            if it.plaats.is_some() {
                self.diags.push(
                    f.error_at(&path!["interessant", i, "plaats"], crate::t!("data-project-box-plaats"))
                        .hint(crate::t!("data-project-box-plaats-hint")),
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
            Some(n) => crate::t!("data-did-you-mean", best = n),
            None => crate::t!("data-phase-ladder-names", phases = names.join(", ")),
        };
        self.diags.push(
            f.error_at(&path!["fasen", i, "fase"], crate::t!("data-phase-not-on-ladder", phase = step.fase.as_str()))
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
                    f.error_at(&path!["fasen", i, "editie"], crate::t!("data-step-both-places"))
                        .hint(crate::t!("data-step-both-places-hint")),
                );
                None
            }
            Reported::Neither => {
                if step.sinds.is_none() {
                    self.diags.push(
                        f.error_at(&path!["fasen", i], crate::t!("data-step-undated", phase = step.fase.as_str()))
                            .hint(crate::t!("data-step-undated-hint")),
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
                    crate::t!("data-step-after-its-report", since = s.to_string(), key = key, period = period.id()),
                )
                .hint(crate::t!("data-step-after-its-report-hint")),
            );
        }
        if let Some((period, key)) = reported
            && let Some(report_month) = self.opts.report_month
            && period.first > report_month
        {
            self.diags.push(
                f.error_at(
                    &path!["fasen", i, key],
                    crate::t!(
                        "data-step-after-report-date",
                        period = period.id(),
                        report_month = report_month.to_string()
                    ),
                )
                .hint(crate::t!("data-step-after-report-date-hint")),
            );
        }
        if let (Some(s), Some(e)) = (sinds, end_m)
            && s > e
        {
            self.diags.push(
                f.error_at(
                    &path!["fasen", i, "sinds"],
                    crate::t!("data-step-after-end", since = s.to_string(), end = e.to_string()),
                )
                .hint(crate::t!("data-correct-month-or-end")),
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
                    crate::t!("data-phase-history-order", later = b.to_string(), earlier = a.to_string()),
                )
                .hint(crate::t!("data-phase-history-order-hint")),
            );
        }
        // The same phase again is a later report confirming it (no `sinds`); with a
        // `sinds` it would be a step to where the project already is.
        if *fase == prev_fase && step.sinds.is_some() {
            self.diags.push(
                f.error_at(
                    &path!["fasen", i, "fase"],
                    crate::t!("data-phase-follows-itself", phase = step.fase.as_str()),
                )
                .hint(crate::t!("data-phase-follows-itself-hint")),
            );
        } else if *fase < prev_fase && step.reden.as_deref().is_none_or(|r| r.trim().is_empty()) {
            self.diags.push(
                f.error_at(
                    &path!["fasen", i, "fase"],
                    crate::t!("data-step-back-needs-reason", from = prev_fase.to_string(), to = step.fase.as_str()),
                )
                .hint(crate::t!("data-step-back-needs-reason-hint")),
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
                self.diags.push(
                    f.error_at(&path!["blokken", i], crate::t!("data-block-empty"))
                        .hint(crate::t!("data-block-empty-hint")),
                );
                return false;
            }
            [_] => {}
            [first, second, ..] => {
                self.diags.push(
                    f.error_at(&path!["blokken", i, *second], crate::t!("data-block-two-things", first = *first))
                        .hint(crate::t!("data-block-two-things-hint", second = *second)),
                );
                return false;
            }
        }
        if b.project.is_none() {
            for (key, set) in [("resultaten", b.resultaten.is_some()), ("kop", b.kop.is_some())] {
                if set {
                    self.diags.push(
                        f.error_at(&path!["blokken", i, key], crate::t!("data-block-key-of-project", key = key))
                            .hint(crate::t!("data-block-key-of-project-hint")),
                    );
                }
            }
        }
        if b.thema.is_some() && !b.links.is_empty() {
            self.diags.push(
                f.error_at(&path!["blokken", i, "links"], crate::t!("data-thema-no-links"))
                    .hint(crate::t!("data-thema-no-links-hint")),
            );
        }
        if let Some(t) = &b.thema
            && !self.set.themalijnen.contains_key(t)
            && !self.set.failed_ids.contains(t)
        {
            let d =
                f.error_at(&path!["blokken", i, "thema"], crate::t!("data-no-such-themalijn", themalijn = t.as_str()));
            self.diags.push(match did_you_mean(t, themalijn_ids.iter().copied()) {
                Some(s) => d.hint(crate::t!("data-did-you-mean", best = s)),
                None => d.hint(crate::t!("data-known-themalijnen", themalijnen = themalijn_ids.join(", "))),
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
                let d = f.error_at(&path!["blokken", i, "project"], crate::t!("data-no-such-project", project = pid));
                self.diags.push(match did_you_mean(pid, project_ids.iter().copied()) {
                    Some(s) => d.hint(crate::t!("data-did-you-mean", best = s)),
                    None => d.hint(crate::t!("data-no-such-project-hint")),
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
                    crate::t!("data-block-project-no-results", project = pid, edition = id),
                )
                .hint(crate::t!("data-block-project-no-results-hint", project = pid, edition = id)),
            );
            return;
        }
        let numbers: Vec<(Vec<crate::load::yaml_tree::Step>, u32)> = match &b.resultaten {
            Some(list) => {
                if list.is_empty() {
                    self.diags.push(
                        f.error_at(&path!["blokken", i, "resultaten"], crate::t!("data-block-results-empty"))
                            .hint(crate::t!("data-block-results-empty-hint")),
                    );
                }
                list.iter().enumerate().map(|(j, nr)| (path!["blokken", i, "resultaten", j].to_vec(), *nr)).collect()
            }
            None => (1..=n as u32).map(|nr| (path!["blokken", i, "project"].to_vec(), nr)).collect(),
        };
        for (at, nr) in numbers {
            let nr = nr as usize;
            if nr == 0 || nr > n {
                self.diags.push(
                    f.error_at(
                        &at,
                        crate::t!("data-block-no-such-result", project = pid, count = n, edition = id, number = nr),
                    )
                    .hint(crate::t!("data-block-no-such-result-hint", project = pid, edition = id)),
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
                            crate::t!("data-block-result-shown-twice", number = nr, project = pid, block = first + 1),
                        )
                        .hint(crate::t!("data-block-result-shown-twice-hint")),
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
                    crate::t!(
                        "data-edition-result-not-shown-hint-number",
                        number = nr + 1,
                        project = pid.as_str(),
                        edition = id
                    )
                } else {
                    crate::t!("data-edition-result-not-shown-hint-block", project = pid.as_str(), edition = id)
                };
                self.diags.push(
                    p.file
                        .error_at(
                            &path!["resultaten", ri, "editie"],
                            crate::t!("data-edition-result-not-shown", edition = id),
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
            let pos = word_position(&file.text, start, &abbr).unwrap_or(start);
            self.diags.push(
                crate::core::diagnostics::Diagnostic::warning(
                    &file.path,
                    crate::t!("data-abbreviation-not-in-glossary", abbreviation = abbr.as_str(), count = count),
                )
                .at(pos, &file.text)
                .hint(crate::t!("data-abbreviation-not-in-glossary-hint", abbreviation = abbr.as_str())),
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
