//! The browser's clock and ids, in one place: the core reads no clock, and the rest of the
//! app asks here.

/// Milliseconds since 1970, from the browser.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Today's date in the browser's time zone, YYYY-MM-DD.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A new draft id: the time and a random part, so that two tabs never make the same one.
pub fn new_id() -> String {
    format!(
        "{:x}{:06x}",
        now() as u64,
        (js_sys::Math::random() * 16_777_215.0) as u64
    )
}

/// A time (milliseconds since 1970) as the browser's locale writes it.
pub fn local_time(ms: f64) -> String {
    js_sys::Date::new(&ms.into())
        .to_locale_string("default", &js_sys::Object::new())
        .into()
}

/// A monotonic clock in milliseconds, for measuring, where the browser has one.
pub fn monotonic() -> Option<f64> {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
}
