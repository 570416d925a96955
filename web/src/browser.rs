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

/// A time (milliseconds since 1970) as the browser writes it in the language `lang`.
pub fn local_time(ms: f64, lang: &str) -> String {
    js_sys::Date::new(&ms.into())
        .to_locale_string(lang, &js_sys::Object::new())
        .into()
}

/// A monotonic clock in milliseconds, for measuring, where the browser has one.
pub fn monotonic() -> Option<f64> {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
}

/// Runs `then` once the page has been drawn: in a task after the next animation frame
/// (never, in a tab the browser does not draw, which is harmless for what waits here).
pub fn after_paint(then: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, then).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
}

/// A property of a JS object (an event's `detail`, an answer of the views module, a
/// field of `window`): the one reader of untyped JS values. None where reading throws.
pub fn field(object: &wasm_bindgen::JsValue, name: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(object, &name.into()).ok()
}

/// A string property of a JS object; None where it is absent or not a string.
pub fn string_field(object: &wasm_bindgen::JsValue, name: &str) -> Option<String> {
    field(object, name).and_then(|v| v.as_string())
}

/// The first of the browser's preferred languages (navigator.languages, "fr-CA" counting as
/// French) that the interface has.
pub fn preferred_lang() -> Option<crate::i18n::Lang> {
    let languages = field(&field(&gloo::utils::window(), "navigator")?, "languages")?;
    js_sys::Array::from(&languages)
        .iter()
        .filter_map(|l| l.as_string())
        .find_map(|l| crate::i18n::Lang::from_tag(&l))
}

/// Puts the focus where a move sends it: the first question of the questionnaire, or the
/// page's heading (the chosen domain's in the questionnaire) scrolled to the top.
pub fn focus_after_move(focus: crate::state::Focus) {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    let first = || {
        document
            .query_selector("fieldset.indicator :is(input, select, textarea):not([disabled])")
            .ok()
            .flatten()
    };
    let target = match &focus {
        crate::state::Focus::FirstQuestion => first(),
        crate::state::Focus::Heading => None,
        crate::state::Focus::Question(id) => document
            .query_selector(&format!(
                "#{} :is(input, select, textarea):not([disabled])",
                crate::components::indicator::dom_id(id, "card")
            ))
            .ok()
            .flatten(),
    }
    .or_else(|| document.query_selector("main h1[tabindex]").ok().flatten())
    .or_else(|| document.get_element_by_id("main"));
    if let Some(element) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if focus != crate::state::Focus::FirstQuestion {
            element.scroll_into_view();
        }
        let _ = element.focus();
    }
}

/// The SHA-256 of `text` in lowercase hex, by the browser's Web Crypto, as the command line
/// hashes a profile file. None where the page has no Web Crypto: a page served over plain
/// HTTP from another machine is not a secure context (file:// and localhost are).
pub async fn sha256(text: &str) -> Option<String> {
    let subtle = gloo::utils::window().crypto().ok()?.subtle();
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-256", text.as_bytes())
        .ok()?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&digest).to_vec();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    Some(
        bytes
            .iter()
            .flat_map(|b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]])
            .map(char::from)
            .collect(),
    )
}

/// A language pack by name (see `tradeready::pack`): inline in the single-file app, where
/// nothing can be fetched, else fetched beside the page. None when neither gives it.
pub async fn pack(name: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    if let Some(inline) = document.get_element_by_id(name) {
        return inline.text_content();
    }
    let window = gloo::utils::window();
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(name))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The views module (the report, compare and workshop pages' code, and the charts' drawing:
/// `tradeready-views`), loaded the first time a page needs it: fetched beside the page when
/// served, from the page itself in the single file (xtask's `tradereadyViewsLoad`). None
/// when it cannot be had (offline before it was ever fetched, or in the unit tests).
async fn views() -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let load = field(&gloo::utils::window(), "tradereadyViewsLoad")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = load
        .call0(&wasm_bindgen::JsValue::NULL)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// Calls the views module's function `name` with `args`; None when the module cannot be
/// had or the call fails.
pub async fn call_views(
    name: &str,
    args: &[wasm_bindgen::JsValue],
) -> Option<wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let module = views().await?;
    let function = field(&module, name)?.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(&wasm_bindgen::JsValue::NULL, &args).ok()
}
