//! TradeReady's web app: the core compiled to WebAssembly behind a Yew interface. It
//! embeds the bundled profiles and sends nothing over the network.

#![forbid(unsafe_code)]

mod i18n;
mod logic;
mod state;

fn main() {}
