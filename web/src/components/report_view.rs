//! The report of several files (or one), as `tradeready report` writes it: made by the views
//! module, shown in the page, and downloaded byte for byte as the command line writes it.
//!
//! The page's own styles do not reach the report and the report's do not reach the page:
//! it is shown in a shadow root, its stylesheet adopted there (a stylesheet built by script
//! is not an inline style, which the app's content security policy forbids).

use crate::browser;
use crate::components::export;
use crate::ctx::Ctx;
use crate::i18n::Interface;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The request for the views module's `report` (see `logic::report_request`).
    pub request: AttrValue,
    /// The downloaded file's name.
    pub file_name: AttrValue,
}

/// What the views module gave.
#[derive(Clone, PartialEq)]
enum Made {
    Waiting,
    /// The whole page, its stylesheet and its body.
    Page(AttrValue, AttrValue, AttrValue),
    /// Why there is no page.
    Refused(Vec<String>),
    /// The views module could not be had.
    Unavailable,
}

#[function_component(ReportView)]
pub fn report_view(props: &Props) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let many = ctx.state.lang.many();
    let made = use_state(|| Made::Waiting);
    let host = use_node_ref();
    {
        let made = made.clone();
        use_effect_with(props.request.clone(), move |request| {
            made.set(Made::Waiting);
            let request = request.to_string();
            yew::platform::spawn_local(async move {
                let answer = browser::call_views("report", &[request.into()]).await;
                made.set(match answer {
                    None => Made::Unavailable,
                    Some(answer) => match (
                        browser::string_field(&answer, "html"),
                        browser::string_field(&answer, "style"),
                        browser::string_field(&answer, "body"),
                    ) {
                        (Some(html), Some(style), Some(body)) => {
                            Made::Page(html.into(), style.into(), body.into())
                        }
                        _ => Made::Refused(
                            browser::field(&answer, "errors")
                                .map(|e| {
                                    js_sys::Array::from(&e)
                                        .iter()
                                        .filter_map(|m| m.as_string())
                                        .collect()
                                })
                                .unwrap_or_default(),
                        ),
                    },
                });
            });
        });
    }
    {
        let host = host.clone();
        use_effect_with((*made).clone(), move |made| {
            if let (Some(element), Made::Page(_, style, body)) =
                (host.cast::<web_sys::Element>(), made)
            {
                show(&element, style, body);
            }
        });
    }
    let download = match &*made {
        Made::Page(html, ..) => {
            let (html, name) = (html.clone(), props.file_name.clone());
            Some(Callback::from(move |_: MouseEvent| {
                export::download(&name, "text/html", &html)
            }))
        }
        _ => None,
    };
    html! {
        <section class="report-view" aria-label={many.report_label}>
            <div class="report-actions">
                <button class="primary" id="download-report" disabled={download.is_none()} onclick={download}>{ ctx.state.lang.ux().download_report }</button>
            </div>
            {
                match &*made {
                    Made::Waiting => html! { <p class="hint" role="status">{ many.preparing }</p> },
                    Made::Unavailable => html! { <p class="notice warn" role="alert">{ ctx.state.lang.ux().unavailable }</p> },
                    Made::Refused(errors) => html! {
                        <ul class="notice error diagnostics" role="alert">
                            { for errors.iter().map(|e| html! { <li lang="en">{ e.clone() }</li> }) }
                        </ul>
                    },
                    Made::Page(..) => html! {},
                }
            }
            <div ref={host} class="report-host" hidden={!matches!(*made, Made::Page(..))}></div>
        </section>
    }
}

/// Puts the report's body and stylesheet in `host`'s shadow root.
fn show(host: &web_sys::Element, style: &str, body: &str) {
    let root = host.shadow_root().or_else(|| {
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .ok()
    });
    let Some(root) = root else { return };
    root.set_inner_html(body);
    if let Ok(sheet) = web_sys::CssStyleSheet::new() {
        let _ = sheet.replace_sync(style);
        let sheets = js_sys::Array::of1(&sheet);
        let _ = js_sys::Reflect::set(&root, &"adoptedStyleSheets".into(), &sheets);
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadProps {
    /// Makes the request for the views module (see `logic::request_of`): one file.
    pub request: Callback<(), String>,
    /// The downloaded files' name, without extension.
    pub stem: AttrValue,
}

/// "Download report", "Download action plan (CSV)" and "Download workbook (XLSX)" for one
/// assessment: made by the views module when asked for, as the command line makes them
/// (`score --format html|csv|xlsx`).
#[function_component(Downloads)]
pub fn downloads(props: &DownloadProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let failed = use_state(|| false);
    let get = |function: &'static str, ext: &'static str, mime: &'static str| {
        let (request, stem, failed) = (props.request.clone(), props.stem.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            let (request, stem, failed) = (request.emit(()), stem.clone(), failed.clone());
            yew::platform::spawn_local(async move {
                let answer = browser::call_views(function, &[request.into()]).await;
                let name = format!("{stem}.{ext}");
                // The workbook comes as bytes (a Uint8Array), the others as text.
                let made = match answer {
                    Some(a) if wasm_bindgen::JsCast::is_instance_of::<js_sys::Uint8Array>(&a) => {
                        let bytes = js_sys::Uint8Array::new(&a).to_vec();
                        (!bytes.is_empty()).then(|| export::download_bytes(&name, mime, &bytes))
                    }
                    Some(a) => a
                        .as_string()
                        .or_else(|| browser::string_field(&a, "html"))
                        .filter(|text| !text.is_empty())
                        .map(|text| export::download(&name, mime, &text)),
                    None => None,
                };
                if made.is_none() {
                    failed.set(true);
                }
            });
        })
    };
    let ux = ctx.state.lang.ux();
    html! {
        <div class="report-actions">
            <button id="download-report" onclick={get("report", "html", "text/html")}>{ ux.download_report }</button>
            <button id="download-plan" onclick={get("plan_csv", "csv", "text/csv")}>{ ux.download_plan }</button>
            <button id="download-workbook" onclick={get("workbook", "xlsx", XLSX)}>{ ux.download_workbook }</button>
            if *failed { <p class="notice warn" role="alert">{ ux.unavailable }</p> }
        </div>
    }
}

/// The media type of an .xlsx workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
