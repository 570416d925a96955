//! TradeReady's web app: the core compiled to WebAssembly behind a Yew interface. It
//! embeds the bundled profiles and sends nothing over the network.

#![forbid(unsafe_code)]
// Natively this crate is only compiled for its unit tests and lints; the app itself runs
// in the browser, so outside wasm32 nothing calls the components.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod app;
mod components;
mod i18n;
mod logic;
mod pages;
mod state;
mod storage;

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<app::App>::new().render();
}
