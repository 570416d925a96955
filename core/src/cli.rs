//! Command-line parsing (clap) and the commands.
// The shell is where I/O, the clock and printing belong.
#![allow(clippy::disallowed_methods, clippy::print_stdout, clippy::print_stderr)]

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tradeready::parse::FileKind;
use tradeready::{Diagnostic, Layers, Profile, embedded, template};

/// Measure a Customs administration's readiness to keep trade moving through a disruption,
/// against the WCO trade recovery and resilience instruments.
#[derive(Debug, Parser)]
#[command(name = "tradeready", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the embedded profiles.
    Profiles,
    /// Print a blank assessment, each indicator a commented entry to fill in.
    New {
        /// An embedded profile id (its newest version), ID@VERSION, or a profile file.
        #[arg(long)]
        profile: Option<String>,
        /// Name of the administration.
        #[arg(long, default_value = "Name of the Customs administration")]
        administration: String,
        /// Short code of the administration (such as an ISO country code).
        #[arg(long)]
        code: Option<String>,
        /// Label of the review cycle.
        #[arg(long, default_value = "cycle-1")]
        cycle: String,
        /// Reference date of the assessment, YYYY-MM-DD [default: today]
        #[arg(long)]
        as_of: Option<String>,
        /// Where editors find the assessment JSON Schema (see `tradeready schema assessment`).
        #[arg(long, default_value = "assessment.schema.json")]
        schema: String,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Check profiles and assessments; exit 1 on any error.
    Validate {
        /// Files to check (profiles or assessments).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Check assessments against this profile file instead of an embedded profile.
        #[arg(long)]
        profile: Option<PathBuf>,
    },
    /// Score an assessment.
    Score {
        /// The assessment.
        file: PathBuf,
        /// Score against this profile file instead of an embedded profile.
        #[arg(long)]
        profile: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of a file kind.
    Schema {
        /// Which schema.
        #[arg(value_enum)]
        kind: SchemaKind,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SchemaKind {
    Profile,
    Assessment,
}

/// A failure already reported to the user; the exit status is 1.
struct Reported;

type Outcome = Result<(), Reported>;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Profiles => profiles(),
        Command::New {
            profile,
            administration,
            code,
            cycle,
            as_of,
            schema,
            output,
        } => new(
            profile.as_deref(),
            &administration,
            code.as_deref(),
            &cycle,
            as_of,
            &schema,
            output.as_deref(),
        ),
        Command::Validate { files, profile } => validate(&files, profile.as_deref()),
        Command::Score {
            file,
            profile,
            format,
            output,
        } => score(&file, profile.as_deref(), format, output.as_deref()),
        Command::Schema { kind } => {
            let kind = match kind {
                SchemaKind::Profile => FileKind::Profile,
                SchemaKind::Assessment => FileKind::Assessment,
            };
            emit(&tradeready::schema::schema_text(kind), None)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Reported) => ExitCode::from(1),
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Prints diagnostics to stderr; returns whether any is an error.
fn report(file: &str, diagnostics: &[Diagnostic]) -> bool {
    let mut stderr = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(stderr, "{}", d.render(file));
    }
    tradeready::is_invalid(diagnostics)
}

fn fail(file: &str, message: impl std::fmt::Display) -> Reported {
    eprintln!("{file}: {message}");
    Reported
}

/// Reads a file as UTF-8 text.
fn read_text(path: &Path) -> Result<String, Reported> {
    let name = display(path);
    let bytes =
        std::fs::read(path).map_err(|e| fail(&name, format_args!("cannot read the file: {e}")))?;
    match tradeready::parse::text_from_bytes(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(d) => {
            report(&name, &[d]);
            Err(Reported)
        }
    }
}

fn emit(text: &str, output: Option<&Path>) -> Outcome {
    match output {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| fail(&display(path), format_args!("cannot write: {e}"))),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|e| fail("<stdout>", e))
        }
    }
}

fn load_profile_file(path: &Path) -> Result<Profile, Reported> {
    let name = display(path);
    let text = read_text(path)?;
    let loaded = tradeready::load_profile(&text, Layers::default());
    report(&name, &loaded.diagnostics);
    loaded.value.ok_or(Reported)
}

fn profiles() -> Outcome {
    let mut out = String::new();
    for p in embedded::PROFILES {
        let title = p
            .load()
            .value
            .map(|profile| profile.text(&profile.title).to_owned())
            .unwrap_or_else(|| "(invalid)".into());
        out.push_str(&format!("{} {}\t{}\n", p.id, p.version, title));
    }
    if out.is_empty() {
        out.push_str("no embedded profiles\n");
    }
    emit(&out, None)
}

fn new(
    profile: Option<&str>,
    administration: &str,
    code: Option<&str>,
    cycle: &str,
    as_of: Option<String>,
    schema: &str,
    output: Option<&Path>,
) -> Outcome {
    let profile = match profile {
        Some(arg) if Path::new(arg).is_file() => load_profile_file(Path::new(arg))?,
        Some(arg) => {
            let (id, version) = arg.split_once('@').unwrap_or((arg, ""));
            let found = if version.is_empty() {
                embedded::latest(id)
            } else {
                embedded::find(id, version)
            };
            let found = found.ok_or_else(|| {
                fail(
                    arg,
                    "no such embedded profile or profile file (see `tradeready profiles`)",
                )
            })?;
            embedded::resolve(found.id, found.version).map_err(|e| fail(arg, e))?
        }
        None => {
            let [only] = embedded::PROFILES else {
                return Err(fail(
                    "tradeready new",
                    "name the profile with --profile (see `tradeready profiles`)",
                ));
            };
            embedded::resolve(only.id, only.version).map_err(|e| fail(only.id, e))?
        }
    };
    let as_of = match as_of {
        Some(date) => {
            if tradeready::validate::parse_date(&date).is_none() {
                return Err(fail(
                    "--as-of",
                    format_args!("{date:?} is not a date written YYYY-MM-DD"),
                ));
            }
            date
        }
        None => tradeready::format_date(time::OffsetDateTime::now_utc().date()),
    };
    let text = template::blank_assessment(
        &profile,
        &template::Blank {
            administration,
            code,
            cycle,
            as_of: &as_of,
            schema,
        },
    );
    emit(&text, output)
}

fn find_profile(
    override_profile: Option<&Profile>,
) -> impl Fn(&str, &str) -> Result<Profile, String> + '_ {
    move |id, version| match override_profile {
        Some(p) => Ok(p.clone()),
        None => embedded::resolve(id, version),
    }
}

fn validate(files: &[PathBuf], profile: Option<&Path>) -> Outcome {
    let override_profile = match profile {
        Some(path) => Some(load_profile_file(path)?),
        None => None,
    };
    let find = find_profile(override_profile.as_ref());
    let mut failed = false;
    for path in files {
        let name = display(path);
        let Ok(text) = read_text(path) else {
            failed = true;
            continue;
        };
        let diagnostics = tradeready::validate_text(&text, Layers::default(), &find);
        if report(&name, &diagnostics) {
            failed = true;
        } else {
            println!("{name}: valid");
        }
    }
    if failed { Err(Reported) } else { Ok(()) }
}

fn score(file: &Path, profile: Option<&Path>, format: Format, output: Option<&Path>) -> Outcome {
    let name = display(file);
    let text = read_text(file)?;
    let raw = tradeready::decode_assessment(&text, Layers::default()).map_err(|d| {
        report(&name, &d);
        Reported
    })?;
    let profile = match profile {
        Some(path) => load_profile_file(path)?,
        None => embedded::resolve(&raw.profile.id, raw.profile.version.as_str())
            .map_err(|e| fail(&name, e))?,
    };
    let loaded = tradeready::check_assessment(raw, &text, &profile);
    report(&name, &loaded.diagnostics);
    let assessment = loaded.value.ok_or(Reported)?;
    let result = tradeready::score(&profile, &assessment);
    let text = match format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&result).unwrap_or_default();
            json.push('\n');
            json
        }
        Format::Text => tradeready::report::text::render(&profile, &result),
    };
    emit(&text, output)
}
