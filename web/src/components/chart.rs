//! A chart on a canvas, drawn by the core's generic `draw`, with its text alternative: an
//! aria-label summary and a data table.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use tradeready::chart::{BarChart, draw_scaled};
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

/// The width a chart is laid out for, in CSS pixels.
const WIDTH: u32 = 720;

/// Canvas pixels per CSS pixel: the screen's density, and at least 2, so that the chart stays
/// sharp on a high-density screen, when zoomed in and when printed; at most 4.
fn pixels_per_css_pixel() -> u32 {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    if ratio > 2.0 {
        ratio.ceil().min(4.0) as u32
    } else {
        2
    }
}

#[function_component(Chart)]
pub fn chart(props: &Props) -> Html {
    let canvas = use_node_ref();
    let scale = pixels_per_css_pixel();
    {
        let canvas = canvas.clone();
        // A new scale resizes the canvas, which clears it: that redraws too.
        use_effect_with((props.chart.clone(), scale), move |(chart, scale)| {
            if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>()
                && let Some(backend) = CanvasBackend::with_canvas_object(element)
            {
                let _ = draw_scaled(chart, &backend.into_drawing_area(), f64::from(*scale));
            }
        });
    }
    let height = props.chart.height();
    // The canvas has `scale` pixels for each CSS pixel: the stylesheet shows it WIDTH pixels
    // wide (or narrower, on a narrow screen), its height following the same proportions.
    html! {
        <figure class="chart">
            <canvas ref={canvas} width={(WIDTH * scale).to_string()} height={(height * scale).to_string()} role="img" aria-label={props.chart.summary()} />
            <details>
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
