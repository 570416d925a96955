//! A chart drawn to SVG by the core's generic `draw` (in the views module, which the
//! reports' charts come from too), with its text alternative: an aria-label summary and a
//! data table. The drawing code is not in the app's first load: the chart appears once the
//! views module is there, and the data table opens when it cannot be had.

use crate::browser;
use tradeready::chart::BarChart;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The chart model.
    pub chart: BarChart,
    /// Caption of the data table.
    pub table_label: AttrValue,
    /// Score and band column headings.
    pub headings: (AttrValue, AttrValue),
}

/// The width a chart is laid out for, in CSS pixels, on a wide screen.
const WIDTH: u32 = 720;
/// The narrowest a chart is laid out for: its labels take two fifths of the width, up to
/// eleven twentieths for long ones, and a label longer still two lines.
const MIN_WIDTH: u32 = 560;
/// Below this viewport width (the stylesheet's too) the chart would be too narrow to read:
/// its data table is shown instead.
const TABLE_BELOW: f64 = 600.0;
/// The viewport's width beyond a chart's content box (page and figure padding and border,
/// as the stylesheet sets them on a narrow screen).
const AROUND: f64 = 58.0;

/// The viewport's width in CSS pixels.
fn viewport_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(f64::from(WIDTH) * 2.0)
}

/// The width to lay the chart out for: the figure's width, from MIN_WIDTH to WIDTH, so that
/// the chart fits the page instead of scrolling sideways.
fn layout_width(viewport: f64) -> u32 {
    ((viewport - AROUND).floor() as u32).clamp(MIN_WIDTH, WIDTH)
}

#[function_component(Chart)]
pub fn chart(props: &Props) -> Html {
    let host = use_node_ref();
    let viewport = viewport_width();
    let width = layout_width(viewport);
    // Whether the drawing could not be had: the data table then opens.
    let failed = use_state(|| false);
    // Each drawing asked for has a number; an answer to an older one is dropped.
    let asked = use_mut_ref(|| 0u32);
    {
        let host = host.clone();
        let failed = failed.clone();
        use_effect_with((props.chart.clone(), width), move |(chart, width)| {
            let json = serde_json::to_string(chart).unwrap_or_default();
            let width = *width;
            let ticket = {
                let mut n = asked.borrow_mut();
                *n += 1;
                *n
            };
            yew::platform::spawn_local(async move {
                let svg = browser::call_views("bar_chart", &[json.into(), width.into()])
                    .await
                    .and_then(|v| v.as_string())
                    .filter(|s| s.starts_with("<svg"));
                if *asked.borrow() != ticket {
                    return;
                }
                if let Some(element) = host.cast::<web_sys::Element>() {
                    element.set_inner_html(svg.as_deref().unwrap_or_default());
                }
                failed.set(svg.is_none());
            });
        });
    }
    // On a phone the stylesheet hides the drawing and the data table is open instead.
    let table_open = viewport < TABLE_BELOW || *failed;
    html! {
        <figure class="chart">
            <div ref={host} class="drawing" role="img" aria-label={props.chart.summary()}></div>
            <details open={table_open}>
                <summary>{ props.table_label.clone() }</summary>
                <table>
                    <caption>{ props.chart.title.clone() }</caption>
                    <thead><tr><th scope="col"></th><th scope="col">{ props.headings.0.clone() }</th><th scope="col">{ props.headings.1.clone() }</th></tr></thead>
                    <tbody>
                        { for props.chart.rows().into_iter().map(|[label, score, band]| html! {
                            <tr><th scope="row">{ label }</th><td>{ score }</td><td>{ band }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
