//! The `tradeready` command: a thin shell over the core. It reads files, calls the core,
//! renders what comes back and picks the exit status: 0 success, 1 invalid input, 2 wrong
//! usage (clap's own).

#![forbid(unsafe_code)]

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

// The library is what the web app uses; there is no command line in the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
