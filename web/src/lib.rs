//! TradeReady's web app: the core compiled to WebAssembly behind a Yew interface. It
//! embeds the bundled profiles and sends nothing over the network.

#![forbid(unsafe_code)]
// Component properties and contexts hold Yew handles and callbacks, which have no Debug.
#![allow(missing_debug_implementations)]

pub mod app;
pub mod browser;
pub mod components;
pub mod ctx;
pub mod i18n;
pub mod logic;
pub mod numbers;
pub mod pages;
pub mod said;
pub mod state;
pub mod storage;
pub mod words;

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
