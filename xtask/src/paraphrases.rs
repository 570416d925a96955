//! `cargo xtask paraphrases DIR [--profile FILE] [--over N]`: how much of its source each
//! clause paraphrase of a profile copies. The profile carries the sources' facts, never
//! their wording; this measures it against the source texts (which this repository does not
//! hold: DIR has one plain-text file per source, named as in [`SOURCES`]).
//!
//! Both texts are lower-cased and split into words (letters and digits); British and
//! American spellings count as the same word. For each clause, the longest run of words it
//! shares with its source is printed when it is over N (5 unless told). The English `basis`
//! of every domain, indicator, cap and scenario is held to the same count against all five
//! texts, since a basis may cite any of them. The command fails when any text is over N.

use anyhow::{Context, Result, bail};
use std::collections::HashSet;
use std::path::Path;

/// The file holding each source id's text.
const SOURCES: [(&str, &str); 5] = [
    ("TRG", "wco-trade-recovery-guidelines.txt"),
    ("PSCG", "pscg-customs-business-resilience.txt"),
    ("RES", "ccc-resolution-customs-industry-resilience-2024.txt"),
    ("GTFP", "gtfp-sustainable-tf-recommendations-2023.txt"),
    ("C19", "wco-covid19-disaster-response-initiative.txt"),
];

/// British spellings the profile uses, and the sources' American ones.
const SPELLINGS: [(&str, &str); 14] = [
    ("organisational", "organizational"),
    ("organisation", "organization"),
    ("harmonise", "harmonize"),
    ("standardised", "standardized"),
    ("recognise", "recognize"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("centre", "center"),
    ("centres", "centers"),
    ("neighbouring", "neighboring"),
    ("utilisation", "utilization"),
    ("prioritisation", "prioritization"),
    ("customised", "customized"),
    ("emphasising", "emphasizing"),
];

/// The words of a text, lower-cased, British spellings made American.
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            SPELLINGS
                .iter()
                .find(|(gb, _)| *gb == w)
                .map_or(w, |(_, us)| us)
                .to_string()
        })
        .collect()
}

/// The longest run of consecutive words `text` shares with `source`, and the first such run.
pub fn longest_run(text: &[String], source: &[String]) -> (usize, String) {
    let mut best = (0, String::new());
    for n in 1..=text.len() {
        let runs: HashSet<&[String]> = source.windows(n).collect();
        match text.windows(n).find(|w| runs.contains(w)) {
            Some(w) => best = (n, w.join(" ")),
            None => break,
        }
    }
    best
}

pub fn run(args: &[String]) -> Result<()> {
    let usage = "usage: cargo xtask paraphrases DIR [--profile FILE] [--over N]";
    let mut dir = None;
    let mut profile = None;
    let mut over = 5;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--profile" => profile = Some(it.next().context(usage)?.clone()),
            "--over" => over = it.next().context(usage)?.parse().context(usage)?,
            _ if dir.is_none() => dir = Some(a.clone()),
            _ => bail!(usage),
        }
    }
    let dir = Path::new(dir.as_deref().context(usage)?);
    let (name, text) = match profile {
        Some(file) => {
            let text = std::fs::read_to_string(&file).with_context(|| file.clone())?;
            (file, text)
        }
        None => {
            let p = tradeready::embedded::latest("wco-resilience").context("no WCO profile")?;
            (format!("wco-resilience {}", p.version), p.text.to_string())
        }
    };
    let raw: tradeready::model::raw::Profile = tradeready::load::decode(
        &text,
        tradeready::parse::FileKind::Profile,
        tradeready::Layers::default(),
    )
    .map_err(|d| anyhow::anyhow!("{name}: {d:?}"))?;
    // The words of each text of SOURCES, in its order, each file read once.
    let texts = SOURCES
        .iter()
        .map(|(_, file)| {
            let path = dir.join(file);
            std::fs::read_to_string(&path)
                .map(|t| words(&t))
                .with_context(|| path.display().to_string())
        })
        .collect::<Result<Vec<_>>>()?;
    let mut checked = 0;
    let mut longest = 0;
    let mut offending = 0;
    for source in &raw.sources {
        let Some(at) = SOURCES.iter().position(|(id, _)| *id == source.id) else {
            println!(
                "{}: no source text known for this id, not checked",
                source.id
            );
            continue;
        };
        let source_words = &texts[at];
        for clause in source.clauses.iter().flatten() {
            let Some(paraphrase) = &clause.text else {
                continue;
            };
            checked += 1;
            let (n, run) = longest_run(&words(paraphrase.get("en", "en")), source_words);
            longest = longest.max(n);
            if n > over {
                offending += 1;
                println!("{}: {n} words shared: \"{run}\"", clause.id);
            }
        }
    }
    println!(
        "{name}: {checked} clause paraphrases against {}; the longest run shared with a source is {longest} words; {offending} over {over}",
        dir.display()
    );
    let (bases, basis_longest, basis_offending) = check_bases(&raw, &texts, over);
    println!(
        "{name}: {bases} bases against all five texts; the longest run shared with a source is {basis_longest} words; {basis_offending} over {over}"
    );
    if offending + basis_offending > 0 {
        bail!(
            "{offending} paraphrases and {basis_offending} bases share a run of more than {over} words with a source"
        );
    }
    Ok(())
}

/// Every English basis in the profile, named by what it is the basis of.
fn bases(raw: &tradeready::model::raw::Profile) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |what: String, basis: &Option<tradeready::model::LocalizedText>| {
        if let Some(b) = basis {
            out.push((what, b.get("en", "en").to_string()));
        }
    };
    for domain in &raw.domains {
        push(format!("domain {}", domain.id), &domain.basis);
        for indicator in &domain.indicators {
            push(indicator.id.clone(), &indicator.basis);
        }
    }
    for cap in &raw.caps {
        push(format!("cap on {}", cap.indicator), &cap.basis);
    }
    for scenario in &raw.scenarios {
        push(format!("scenario {}", scenario.id), &scenario.basis);
    }
    out
}

/// How many bases there are, the longest run any shares with a source, and how many are
/// over `over`; each of those is printed.
fn check_bases(
    raw: &tradeready::model::raw::Profile,
    sources: &[Vec<String>],
    over: usize,
) -> (usize, usize, usize) {
    let all = bases(raw);
    let mut longest = 0;
    let mut offending = 0;
    for (what, text) in &all {
        let text = words(text);
        let (n, run) = sources
            .iter()
            .map(|s| longest_run(&text, s))
            .max_by_key(|(n, _)| *n)
            .unwrap_or_default();
        longest = longest.max(n);
        if n > over {
            offending += 1;
            println!("basis of {what}: {n} words shared: \"{run}\"");
        }
    }
    (all.len(), longest, offending)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_punctuation_and_british_spelling() {
        assert_eq!(
            words("The Organisational tool, (GEOAT) -- 4.2!"),
            ["the", "organizational", "tool", "geoat", "4", "2"]
        );
    }

    #[test]
    fn a_basis_copied_from_a_source_is_found() {
        let p = tradeready::embedded::latest("wco-resilience").unwrap();
        let raw: tradeready::model::raw::Profile = tradeready::load::decode(
            p.text,
            tradeready::parse::FileKind::Profile,
            tradeready::Layers::default(),
        )
        .unwrap();
        let (all, _, over) = check_bases(&raw, &[words("nothing the profile says")], 5);
        assert!(
            all > 80,
            "{all} bases: domains, indicators, caps and scenarios"
        );
        assert_eq!(over, 0);
        let copied = words(&bases(&raw)[0].1);
        let (_, longest, over) = check_bases(&raw, &[words("x"), copied.clone()], 5);
        assert_eq!(longest, copied.len());
        assert!(over >= 1);
    }

    #[test]
    fn the_longest_shared_run_is_found_wherever_it_stands() {
        let source = words("Customs administrations should establish and maintain channels");
        let (n, run) = longest_run(
            &words("Every customs administration should establish and keep channels"),
            &source,
        );
        assert_eq!((n, run.as_str()), (3, "should establish and"));
        assert_eq!(longest_run(&words("nothing in common"), &source).0, 0);
        let (n, _) = longest_run(&source, &source);
        assert_eq!(n, source.len());
    }
}
