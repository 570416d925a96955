//! Build tooling, run as `cargo xtask <command>`:
//!
//! - `dist`: builds the web app into `target/dist/`: `index.html` with its JS glue, wasm
//!   and CSS, and `tradeready.html`, one self-contained file that works from file://.
//! - `serve [PORT]`: builds, then serves `target/dist/` on localhost and prints the address.
//! - `size`: prints the gzip size of the first load and fails when it is over budget.
//! - `e2e`: builds, serves, and runs the browser journeys in headless Chromium.
//! - `wasm-test`: runs the web crate's wasm-bindgen tests in headless Chromium.
//! - `paraphrases DIR`: the longest run of words each clause paraphrase of the WCO profile
//!   shares with its source text in DIR; fails over five.
//!
//! Tools are pinned and installed from the registries this project uses, never downloaded
//! from elsewhere: wasm-bindgen is a library here (the same version as the crate), and
//! wasm-opt comes from the npm package binaryen.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

mod contributors;
mod paraphrases;

use anyhow::{Context, Result, bail};
use base64::Engine;
use sha2::Digest;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The first-load transfer budget, gzip, in bytes (issue: at most 300 KB).
const BUDGET: usize = 300 * 1024;
const BINARYEN: &str = "binaryen@132.0.0";
const ESBUILD: &str = "esbuild@0.25.12";
/// The same version as the wasm-bindgen crate in Cargo.lock.
const WASM_BINDGEN: &str = "0.2.130";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

/// Cargo's target directory: `CARGO_TARGET_DIR` where set (a clone sharing another's
/// builds), else `target/` in the workspace, so that xtask reads what cargo wrote.
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("dist") => dist(Optimise::Required).map(|_| ()),
        Some("serve") => {
            let dir = dist(Optimise::IfAvailable)?;
            let port = args.get(1).map(|p| p.parse()).transpose()?.unwrap_or(8088);
            serve(&dir, port)
        }
        Some("size") => {
            let total = size(&target_dir().join("dist"))?;
            if total > BUDGET {
                explain_size(&target_dir().join("bindgen/tradeready_bg.wasm"));
                bail!("the first load is {total} bytes gzip, over the {BUDGET} byte budget");
            }
            Ok(())
        }
        Some("e2e") => e2e(),
        Some("wasm-test") => wasm_test(),
        Some("paraphrases") => paraphrases::run(&args[1..]),
        _ => bail!(
            "usage: cargo xtask dist | serve [PORT] | size | e2e | wasm-test | paraphrases DIR"
        ),
    }
}

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .status()
        .with_context(|| format!("cannot run {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

/// The npm packages the build runs, pinned, installed once under target/tools.
const NPM_TOOLS: [&str; 2] = [BINARYEN, ESBUILD];

/// A tool from the npm packages, installed with them when it is missing.
fn npm_tool(bin: &str) -> Result<PathBuf> {
    let tools = target_dir().join("tools");
    let path = tools.join("node_modules/.bin").join(bin);
    if !path.exists() {
        std::fs::create_dir_all(&tools)?;
        eprintln!(
            "installing {} from npm into {}",
            NPM_TOOLS.join(" and "),
            tools.display()
        );
        run(Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
            ])
            .arg(&tools)
            .args(NPM_TOOLS))?;
    }
    Ok(path)
}

/// Minifies JavaScript (an ES module) or CSS with esbuild: names shortened, spaces and
/// comments dropped, nothing else changed. 1.6 KB less sent.
/// Minifies JavaScript (`js`: an ES module; `script`: a classic script, whose top-level
/// names other scripts use and so must keep) or CSS (`css`) with esbuild.
fn minify(text: &str, loader: &str) -> Result<String> {
    let (loader, format) = match loader {
        "js" => ("js", Some("--format=esm")),
        "script" => ("js", None),
        other => (other, None),
    };
    let mut child = Command::new(npm_tool("esbuild")?)
        .args([
            &format!("--loader={loader}"),
            "--minify",
            "--log-level=warning",
        ])
        .args(format)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .context("cannot run esbuild")?;
    let mut stdin = child.stdin.take().context("esbuild's stdin")?;
    let input = text.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output()?;
    writer.join().expect("the writer does not panic")?;
    if !out.status.success() {
        bail!("esbuild failed to minify the {loader}");
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// Rust flags that strip the checkout's and the crate registry's folders from the paths the
/// wasm carries (in panic locations): the app then does not reveal where it was built, is
/// the same from any checkout, and is a little smaller.
fn remapped_paths(root: &Path) -> String {
    let mut flags = vec![format!("--remap-path-prefix={}/=", root.display())];
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    if let Some(home) = cargo_home
        && let Ok(indexes) = std::fs::read_dir(home.join("registry/src"))
    {
        for index in indexes.flatten() {
            flags.push(format!("--remap-path-prefix={}/=", index.path().display()));
        }
    }
    flags.join("\u{1f}")
}

fn csp_hash(text: &str) -> String {
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The page's script for when the app stops on an internal error: a trap in the wasm (a
/// panic, which carries no message) reaches the page as an uncaught WebAssembly.RuntimeError.
/// It then puts an alert atop the page, in the language the app last set on the root element
/// (`data-crash`; English in web/index.html until the app has started). The app mounts on
/// the body, clearing it, so the alert is made when it is needed.
const ON_CRASH: &str = "const crashed = (e) => { if (e instanceof WebAssembly.RuntimeError && !document.getElementById(\"crash\")) { const n = document.createElement(\"p\"); n.id = \"crash\"; n.setAttribute(\"role\", \"alert\"); n.textContent = document.documentElement.dataset.crash; document.body.prepend(n); } }; addEventListener(\"error\", (e) => crashed(e.error)); addEventListener(\"unhandledrejection\", (e) => crashed(e.reason));";

/// `tradereadyViewsLoad()`, which the app calls (web/src/browser.rs) when a page first needs
/// the views module: a promise of the module's exports, made once (again after a failure,
/// so that a page opened offline can try again later). Served: the module's script is
/// added to the page, then its wasm fetched.
const VIEWS_SERVED: &str = "window.tradereadyViewsLoad = () => (window.tradereadyViewsReady ??= new Promise((ok, no) => { const s = document.createElement(\"script\"); s.src = \"views.js\"; s.onload = ok; s.onerror = () => no(new Error(\"views.js did not load\")); document.head.append(s); }).then(() => tradereadyViews({ module_or_path: \"views_bg.wasm\" })).then(() => tradereadyViews, (e) => { window.tradereadyViewsReady = undefined; throw e; }));";

/// The same in the single file, where the module's glue is part of the app's script and its
/// wasm is inline (`#views-wasm`, base64).
const VIEWS_INLINE: &str = "window.tradereadyViewsLoad = () => (window.tradereadyViewsReady ??= tradereadyViews({ module_or_path: Uint8Array.from(atob(document.getElementById(\"views-wasm\").textContent), (c) => c.charCodeAt(0)) }).then(() => tradereadyViews));";

/// The views module's files, served beside the app and fetched on first use.
const VIEWS: [&str; 2] = ["views.js", "views_bg.wasm"];

fn page(template: &str, csp: &str, style: &str, script: &str) -> String {
    template
        .replace("{{CSP}}", csp)
        .replace("{{STYLE}}", style)
        .replace("{{SCRIPT}}", script)
}

/// Installs a rustup target or component (`what`) when the toolchain lacks it.
fn rustup_add(what: &str, name: &str) -> Result<()> {
    let installed = Command::new("rustup")
        .args([what, "list", "--installed"])
        .output();
    if let Ok(out) = installed
        && !String::from_utf8_lossy(&out.stdout)
            .lines()
            .any(|l| l == name)
    {
        run(Command::new("rustup").args([what, "add", name]))?;
    }
    Ok(())
}

/// Whether the build may go on unoptimised (the wasm, the JS and CSS) when wasm-opt or esbuild
/// cannot be had.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Optimise {
    /// For what is measured and shipped: dist, size, the browser tests.
    Required,
    /// For trying the app: serve works without Node.js, only bigger.
    IfAvailable,
}

/// Builds the web app's wasm in the one web profile. With `own_std`, the standard library
/// is built with the app, for size, and a panic is a bare trap. Both are unstable options of
/// the installed (stable) compiler, which RUSTC_BOOTSTRAP lets a build use: 28 KB less sent,
/// a tenth of the wasm. A panic already ended the app with no message (panic = "abort", no
/// hook); with them it does so without carrying the code that formats the message nobody
/// sees. Should a later toolchain rename these options, `dist` fails loudly.
/// Builds the two wasm modules: the app (`tradeready-web`) and the module of the report,
/// compare and workshop pages (`tradeready-views`, fetched when one of them first opens).
fn build_wasm(cargo: &str, root: &Path, own_std: bool) -> Result<()> {
    build_one(
        cargo,
        root,
        own_std,
        &["-p", "tradeready-web", "--bin", "tradeready-web"],
    )?;
    build_one(cargo, root, own_std, &["-p", "tradeready-views", "--lib"])
}

fn build_one(cargo: &str, root: &Path, own_std: bool, what: &[&str]) -> Result<()> {
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root).args(["build"]);
    if own_std {
        cmd.env("RUSTC_BOOTSTRAP", "1")
            .env(
                "CARGO_ENCODED_RUSTFLAGS",
                format!(
                    "{}\u{1f}-Zunstable-options\u{1f}-Cpanic=immediate-abort",
                    remapped_paths(root)
                ),
            )
            .args([
                "-Zbuild-std=std,panic_abort",
                "-Zbuild-std-features=optimize_for_size",
            ]);
    } else {
        cmd.env("CARGO_ENCODED_RUSTFLAGS", remapped_paths(root));
    }
    run(cmd.args(what).args([
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ]))
}

fn dist(optimise: Optimise) -> Result<PathBuf> {
    let root = root();
    let target = target_dir();
    rustup_add("target", "wasm32-unknown-unknown")?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let small = rustup_add("component", "rust-src").and_then(|()| {
        build_wasm(&cargo, &root, true)
            .context("building the wasm with its own standard library (needs rustup's rust-src)")
    });
    match small {
        Ok(()) => {}
        Err(e) if optimise == Optimise::IfAvailable => {
            eprintln!(
                "warning: {e:#}\nwarning: building with the prebuilt standard library instead: \
                 the app works, but is about 30 KB larger than what `cargo xtask dist` ships"
            );
            build_wasm(&cargo, &root, false)?;
        }
        Err(e) => return Err(e),
    }
    let built = target.join("wasm32-unknown-unknown/wasm-release");
    let bindgen_out = target.join("bindgen");
    std::fs::create_dir_all(&bindgen_out)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(built.join("tradeready-web.wasm"))
        .web(true)?
        .out_name("tradeready")
        .typescript(false)
        .generate(&bindgen_out)?;
    // The views module is a classic script defining one global, `tradereadyViews`: served,
    // the app adds it to the page when first needed; in the single file it sits inside the
    // app's own module, where its names cannot clash with the app's glue.
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(built.join("tradeready_views.wasm"))
        .no_modules(true)?
        .no_modules_global("tradereadyViews")?
        .out_name("views")
        .typescript(false)
        .generate(&bindgen_out)?;
    let dist = target.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist)?;
    }
    std::fs::create_dir_all(&dist)?;
    // -Oz, then, for the app, again after restructuring the control flow (flatten,
    // rereloop) and after whole-program type flow analysis (gufa): 1.5 KB less sent than
    // -Oz alone (0.4%; 2.9 KB with gzip -9), for some 10 s more. The views module, fetched
    // later and once, gets -Oz alone.
    let passes: &[&str] = &["-Oz", "--flatten", "--rereloop", "-Oz", "--gufa", "-Oz"];
    for (name, passes) in [
        ("tradeready_bg.wasm", passes),
        ("views_bg.wasm", &passes[..1]),
    ] {
        let optimised = npm_tool("wasm-opt").and_then(|bin| {
            run(Command::new(bin)
                .arg(bindgen_out.join(name))
                .args(passes)
                // The producers and target-features sections name the compiler and the
                // features for tools; a browser reads neither (about 110 bytes sent).
                .args(["--strip-producers", "--strip-target-features"])
                .args([
                    "--enable-bulk-memory",
                    "--enable-nontrapping-float-to-int",
                    "--enable-sign-ext",
                    "--enable-mutable-globals",
                    "--enable-reference-types",
                    "--enable-multivalue",
                    "-o",
                ])
                .arg(dist.join(name)))
        });
        match (optimised, optimise) {
            (Ok(()), _) => {}
            (Err(e), Optimise::Required) => return Err(e),
            (Err(e), Optimise::IfAvailable) => {
                eprintln!(
                    "warning: no wasm-opt ({e:#}); serving {name} unoptimised, about a fifth bigger. \
                     Install Node.js and npm for the optimised build."
                );
                std::fs::copy(bindgen_out.join(name), dist.join(name))?;
            }
        }
    }
    // Minified when esbuild can be had; serve goes on without it, like without wasm-opt.
    let minified = |text: String, loader: &str| match (minify(&text, loader), optimise) {
        (Ok(small), _) => Ok(small),
        (Err(e), Optimise::Required) => Err(e),
        (Err(e), Optimise::IfAvailable) => {
            eprintln!("warning: no esbuild ({e:#}); serving the {loader} as it is");
            Ok(text)
        }
    };
    let glue = std::fs::read_to_string(bindgen_out.join("tradeready.js"))?;
    let js = minified(glue.clone(), "js")?;
    let css = minified(std::fs::read_to_string(root.join("web/style.css"))?, "css")?;
    let template = std::fs::read_to_string(root.join("web/index.html"))?;
    std::fs::write(dist.join("tradeready.js"), &js)?;
    std::fs::write(dist.join("style.css"), &css)?;
    let views_glue = std::fs::read_to_string(bindgen_out.join("views.js"))?;
    std::fs::write(
        dist.join("views.js"),
        minified(views_glue.clone(), "script")?,
    )?;

    // Served: the page loads only its own files; nothing may connect anywhere else. It
    // registers the service worker that keeps them for a visit with no network.
    let offline = minified(
        std::fs::read_to_string(root.join("web/offline.js"))?,
        "script",
    )?;
    let boot = format!(
        "import init from \"./tradeready.js\"; {ON_CRASH} {VIEWS_SERVED} {} init({{ module_or_path: \"./tradeready_bg.wasm\" }}).then(() => (window.requestIdleCallback || setTimeout)(() => tradereadyKeepOffline()));",
        offline.trim_end()
    );
    let csp = format!(
        "default-src 'none'; script-src 'self' {} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'",
        csp_hash(&boot)
    );
    std::fs::write(
        dist.join("index.html"),
        page(
            &template,
            &csp,
            // The wasm and its glue are asked for at once, not after the glue has run.
            "<link rel=\"stylesheet\" href=\"style.css\">\n\
             <link rel=\"modulepreload\" href=\"tradeready.js\">\n\
             <link rel=\"preload\" href=\"tradeready_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>",
            &format!("<script type=\"module\">{boot}</script>"),
        ),
    )?;

    // Language packs (core/src/pack.rs): the wasm embeds each profile in its default
    // language; another language's text is a file of its own, fetched when chosen. The
    // single file holds them inline, as text that is never run.
    let mut packs = language_packs()?;
    // The earlier versions the wasm leaves out (tradeready::embedded::LEFT_OUT), as
    // released, for the pages that read files answered under them; inline in the single file.
    packs.extend(earlier_versions(&root)?);
    for (name, text) in &packs {
        std::fs::write(dist.join(name), text)?;
    }
    service_worker(&root, &dist, &packs)?;
    let mut inline_packs = String::new();
    for (name, text) in &packs {
        // Inline in the single file, the text must not end its <script> element.
        if text.to_ascii_lowercase().contains("</script") {
            bail!("{name}: its text holds </script");
        }
        inline_packs.push_str(&format!(
            "<script type=\"text/plain\" id=\"{name}\">{text}</script>\n"
        ));
    }

    // Single file: everything inline, for a USB stick and file://; no connection at all.
    let wasm_bytes = std::fs::read(dist.join("tradeready_bg.wasm"))?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&wasm_bytes);
    // The views module's wasm, as text that is never run until a page asks for it.
    let views_b64 = base64::engine::general_purpose::STANDARD
        .encode(std::fs::read(dist.join("views_bg.wasm"))?);
    let inline_packs = format!(
        "{inline_packs}<script type=\"text/plain\" id=\"views-wasm\">{views_b64}</script>\n"
    );
    // Minified as one module with the glues, which names the app glue's init function.
    let script = minified(
        format!(
            "{glue}\n{views_glue}\n{ON_CRASH}\n{VIEWS_INLINE}\nconst tradereadyWasmBytes = Uint8Array.from(atob(\"{b64}\"), (c) => c.charCodeAt(0));\n__wbg_init({{ module_or_path: tradereadyWasmBytes }});\n"
        ),
        "js",
    )?;
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; connect-src 'none'; img-src data: blob:; base-uri 'none'; form-action 'none'",
        csp_hash(&script),
        csp_hash(&css)
    );
    std::fs::write(
        dist.join("tradeready.html"),
        page(
            &template,
            &csp,
            // In the head: Yew takes the body over, and what was in it goes.
            &format!("<style>{css}</style>\n{inline_packs}"),
            &format!("<script type=\"module\">{script}</script>"),
        ),
    )?;
    // What the server sends to browsers that accept gzip (all of them): each served file
    // compressed once, with zopfli, the densest gzip there is (about 5% below gzip -9).
    let pack_names: Vec<&str> = packs.iter().map(|(name, _)| name.as_str()).collect();
    for file in SERVED.iter().chain(&VIEWS).copied().chain(pack_names) {
        let bytes = std::fs::read(dist.join(file))?;
        let mut gz = Vec::new();
        zopfli::compress(
            zopfli::Options::default(),
            zopfli::Format::Gzip,
            bytes.as_slice(),
            &mut gz,
        )?;
        std::fs::write(dist.join(format!("{file}.gz")), gz)?;
    }
    println!("wrote {}", dist.display());
    size(&dist)?;
    Ok(dist)
}

/// Writes `sw.js` (web/sw.js) into `dist`: the served app's files, which it keeps, and the
/// name of their cache, `tradeready-` and the start of the SHA-256 of every file's name and
/// bytes, so that any change to any of them is a new release to the browsers that hold one.
fn service_worker(root: &Path, dist: &Path, packs: &[(String, String)]) -> Result<()> {
    let mut files: Vec<&str> = SERVED.iter().chain(&VIEWS).copied().collect();
    files.extend(packs.iter().map(|(name, _)| name.as_str()));
    let mut digest = sha2::Sha256::new();
    for file in &files {
        digest.update(file.as_bytes());
        digest.update(std::fs::read(dist.join(file))?);
    }
    let hash: String = digest.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    // The page itself under the name it is usually asked by, the folder.
    let listed = std::iter::once("./")
        .chain(files.iter().copied())
        .map(|f| format!("{f:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let template = std::fs::read_to_string(root.join("web/sw.js"))?;
    let sw = template
        .replace("{{CACHE}}", &format!("tradeready-{hash}"))
        .replace("{{FILES}}", &format!("[{listed}]"));
    std::fs::write(dist.join("sw.js"), sw)?;
    Ok(())
}

/// Each profile version the web build leaves out, as released (its file's bytes, so that
/// its hash is the one the command line gives it), named as the views module asks for it:
/// `profile-<id>-<version>.yaml`.
fn earlier_versions(root: &Path) -> Result<Vec<(String, String)>> {
    let on_the_web: Vec<_> = web_profiles().map(|p| (p.id, p.version)).collect();
    let mut out = Vec::new();
    for p in tradeready::embedded::PROFILES {
        if on_the_web.contains(&(p.id, p.version)) {
            continue;
        }
        let file = root.join(format!("assessments/profiles/{}/{}.yaml", p.id, p.version));
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("reading {}", file.display()))?;
        out.push((format!("profile-{}-{}.yaml", p.id, p.version), text));
    }
    Ok(out)
}

/// The embedded profiles the web build embeds too (tradeready::pack::WEB_HELD_BACK).
fn web_profiles() -> impl Iterator<Item = &'static tradeready::embedded::EmbeddedProfile> {
    let all = tradeready::embedded::PROFILES;
    all.iter().filter(|p| {
        let versions: Vec<&str> = all
            .iter()
            .filter(|o| o.id == p.id)
            .map(|o| o.version)
            .collect();
        tradeready::pack::on_the_web(p.id, p.version, &versions)
    })
}

/// The full language pack of every embedded profile in each of its languages (the wasm
/// embeds the default language's lite pack), named as the web app asks for it:
/// `pack-<id>-<version>-<lang>.yaml`.
fn language_packs() -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for p in web_profiles() {
        let languages = tradeready::pack::languages(p.text)
            .with_context(|| format!("{} {}: no languages", p.id, p.version))?;
        for lang in &languages {
            let text = tradeready::pack::one_language(p.text, lang)
                .with_context(|| format!("{} {}: no {lang} pack", p.id, p.version))?;
            out.push((format!("pack-{}-{}-{lang}.yaml", p.id, p.version), text));
        }
    }
    Ok(out)
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}

/// The files of the first load, in the order the page asks for them.
const SERVED: [&str; 4] = [
    "index.html",
    "style.css",
    "tradeready.js",
    "tradeready_bg.wasm",
];

/// Prints the first-load transfer (the gzip-encoded html, js, wasm and css the server
/// sends) and fails over budget.
fn size(dist: &Path) -> Result<usize> {
    let mut total = 0;
    for file in SERVED {
        let read = |name: &str| {
            std::fs::read(dist.join(name))
                .with_context(|| format!("{} (run cargo xtask dist)", dist.join(name).display()))
        };
        let bytes = read(file)?;
        let sent = read(&format!("{file}.gz"))?.len();
        println!(
            "  {file:22} {:>9} bytes, {:>8} sent gzip-encoded ({} with gzip -9)",
            bytes.len(),
            sent,
            gzip_len(&bytes)?
        );
        total += sent;
    }
    for entry in std::fs::read_dir(dist)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with("pack-") && name.ends_with(".yaml.gz") {
            let sent = std::fs::metadata(dist.join(&name))?.len();
            println!(
                "  language pack {:32} {sent:>8} sent gzip-encoded, when that language is chosen",
                name.trim_end_matches(".gz")
            );
        }
    }
    let mut views = 0;
    for file in VIEWS {
        let sent = std::fs::metadata(dist.join(format!("{file}.gz")))
            .with_context(|| format!("{file}.gz (run cargo xtask dist)"))?
            .len() as usize;
        println!(
            "  {file:22} {:>9} bytes, {sent:>8} sent gzip-encoded, when a report, compare or workshop page first opens",
            std::fs::metadata(dist.join(file))?.len()
        );
        views += sent;
    }
    println!(
        "views module (report, compare and workshop pages), gzip: {views} bytes ({:.1} KB), fetched once on first use",
        views as f64 / 1024.0
    );
    let single = std::fs::read(dist.join("tradeready.html"))?;
    println!(
        "first load, gzip: {total} bytes ({:.1} KB of a {} KB budget)",
        total as f64 / 1024.0,
        BUDGET / 1024
    );
    let profiles = embedded_profiles_gzip()?;
    println!(
        "  of which the embedded profiles, gzip alone: about {profiles} bytes; the rest: {} bytes ({:.1} KB)",
        total.saturating_sub(profiles),
        total.saturating_sub(profiles) as f64 / 1024.0
    );
    println!(
        "tradeready.html: {} bytes, {} gzip",
        single.len(),
        gzip_len(&single)?
    );
    if total > BUDGET {
        println!("OVER BUDGET: the first load is {total} bytes gzip, over {BUDGET}");
    }
    Ok(total)
}

/// Over budget: the largest contributors to the app's wasm, from the bindgen output before
/// wasm-opt (it keeps the name section). twiggy when installed (`cargo install twiggy`),
/// else the module's own name section read with wasmparser.
fn explain_size(wasm: &Path) {
    println!(
        "\nthe largest contributors to {} (before wasm-opt, which shrinks each):",
        wasm.display()
    );
    let twiggy = Command::new("twiggy")
        .args(["top", "-n", "20"])
        .arg(wasm)
        .output();
    if let Ok(out) = twiggy
        && out.status.success()
    {
        print!("{}", String::from_utf8_lossy(&out.stdout));
        return;
    }
    match std::fs::read(wasm)
        .context("(run cargo xtask dist)")
        .and_then(|bytes| contributors::sizes(&bytes))
    {
        Ok(sizes) => print!("{}", contributors::listing(&sizes, 20)),
        Err(e) => println!("  cannot read {}: {e:#}", wasm.display()),
    }
}

/// The gzip size of the profile texts the wasm embeds (every
/// `assessments/profiles/<id>/<version>.yaml`, as core/build.rs finds them), each compressed
/// alone: their share of the first load, give or take what compressing them within the
/// wasm shares with the code, and the comment lines core/build.rs leaves out (about 1 KB).
fn embedded_profiles_gzip() -> Result<usize> {
    let mut total = 0;
    for p in web_profiles() {
        let languages = tradeready::pack::languages(p.text).unwrap_or_default();
        let default = languages.first().map_or("en", String::as_str);
        let text = tradeready::pack::lite(p.text, default).unwrap_or_default();
        total += gzip_len(text.as_bytes())?;
    }
    Ok(total)
}

/// Serves a folder on localhost (GET only, no directory listing) until the process ends.
fn serve(dir: &Path, port: u16) -> Result<()> {
    let listener =
        TcpListener::bind(("127.0.0.1", port)).with_context(|| format!("port {port} is taken"))?;
    println!("TradeReady is at http://127.0.0.1:{port}/ (Ctrl-C to stop)");
    answer(&listener, dir);
    Ok(())
}

fn answer(listener: &TcpListener, dir: &Path) {
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        let mut buf = [0u8; 4096];
        let n = stream.read(&mut buf).unwrap_or(0);
        let request = String::from_utf8_lossy(&buf[..n]);
        let path = request.split_whitespace().nth(1).unwrap_or("/");
        let gzip_ok = request.lines().any(|l| {
            let l = l.to_ascii_lowercase();
            l.starts_with("accept-encoding:") && l.contains("gzip")
        });
        let path = path.split('?').next().unwrap_or("/");
        let name = if path == "/" {
            "index.html"
        } else {
            path.trim_start_matches('/')
        };
        let file = dir.join(name);
        let inside = !name.contains("..") && file.is_file();
        let gz = dir.join(format!("{name}.gz"));
        let encoded = inside && gzip_ok && gz.is_file();
        let body = if encoded {
            std::fs::read(&gz).ok()
        } else if inside {
            std::fs::read(&file).ok()
        } else {
            None
        };
        let status = if body.is_some() {
            "200 OK"
        } else {
            "404 Not Found"
        };
        let body = body.unwrap_or_else(|| b"not found".to_vec());
        let mime = match file.extension().and_then(|e| e.to_str()) {
            Some("html") => "text/html; charset=utf-8",
            Some("js") => "text/javascript",
            Some("wasm") => "application/wasm",
            Some("css") => "text/css",
            _ => "text/plain",
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\n{}Vary: Accept-Encoding\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
            if encoded {
                "Content-Encoding: gzip\r\n"
            } else {
                ""
            },
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body);
    }
}

/// Debian's Chromium, installed when missing (as root, the way CI runs).
fn chromium() -> Result<PathBuf> {
    apt("/usr/bin/chromium", "chromium")
}

/// Builds the app, serves it on a free port and runs the browser journeys against the
/// served app and the single file.
fn e2e() -> Result<()> {
    let dist = dist(Optimise::Required)?;
    // The journeys check that what the browser downloads is what the command line writes.
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(Command::new(&cargo).current_dir(root()).args([
        "build",
        "--release",
        "--locked",
        "-q",
        "-p",
        "tradeready",
        "--bin",
        "tradeready",
    ]))?;
    let cli = target_dir().join("release/tradeready");
    let chromium = chromium()?;
    let tests = root().join("tests/e2e");
    if !tests.join("node_modules/playwright-core").exists() {
        run(Command::new("npm")
            .current_dir(&tests)
            .args(["ci", "--no-audit", "--no-fund"]))?;
    }
    let listener = TcpListener::bind(("127.0.0.1", 0))?;
    let port = listener.local_addr()?.port();
    let served = dist.clone();
    std::thread::spawn(move || answer(&listener, &served));
    run(Command::new("node")
        .current_dir(&tests)
        .args(["--test", "--test-concurrency=1", "journeys.test.mjs"])
        .env("TRADEREADY_URL", format!("http://127.0.0.1:{port}/"))
        .env("TRADEREADY_FILE", dist.join("tradeready.html"))
        .env("TRADEREADY_CLI", cli)
        .env("CHROMIUM", chromium))
}

/// Installs a package from Debian when its binary is missing.
fn apt(binary: &str, package: &str) -> Result<PathBuf> {
    let bin = PathBuf::from(binary);
    if !bin.exists() {
        eprintln!("installing Debian's {package}");
        run(Command::new("apt-get").args(["update", "-q"]))?;
        run(Command::new("apt-get").args(["install", "-y", "-q", package]))?;
    }
    Ok(bin)
}

/// Runs the web crate's wasm-bindgen tests in headless Chromium, through chromedriver.
fn wasm_test() -> Result<()> {
    let runner_ok = Command::new("wasm-bindgen-test-runner")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(WASM_BINDGEN));
    if !runner_ok {
        eprintln!("installing wasm-bindgen-cli {WASM_BINDGEN} (about two minutes)");
        let locked = Command::new("cargo")
            .args([
                "install",
                "wasm-bindgen-cli",
                "--locked",
                "--version",
                WASM_BINDGEN,
            ])
            .status()?;
        if !locked.success() {
            run(Command::new("cargo").args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                WASM_BINDGEN,
            ]))?;
        }
    }
    apt("/usr/bin/chromium", "chromium")?;
    let driver = apt("/usr/bin/chromedriver", "chromium-driver")?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(Command::new(cargo)
        .current_dir(root().join("web"))
        .args([
            "test",
            "-p",
            "tradeready-web",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser",
        ])
        .env("CHROMEDRIVER", driver))
}
