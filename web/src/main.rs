//! The web app's entry point: mounts the app (see the library) in the browser.

fn main() {
    #[cfg(target_arch = "wasm32")]
    tradeready_web::start();
}
