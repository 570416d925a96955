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

/// The width a chart is laid out for, in CSS pixels, on a wide screen.
const WIDTH: u32 = 720;
/// The narrowest a chart is laid out for: its labels take two fifths of the width.
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
/// the canvas fits the page instead of scrolling sideways.
fn layout_width(viewport: f64) -> u32 {
    ((viewport - AROUND).floor() as u32).clamp(MIN_WIDTH, WIDTH)
}

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
    let viewport = viewport_width();
    let width = layout_width(viewport);
    {
        let canvas = canvas.clone();
        // A new scale or width resizes the canvas, which clears it: that redraws too.
        use_effect_with(
            (props.chart.clone(), scale, width),
            move |(chart, scale, _)| {
                if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>()
                    && let Some(backend) = CanvasBackend::with_canvas_object(element)
                {
                    let _ = draw_scaled(chart, &backend.into_drawing_area(), f64::from(*scale));
                }
            },
        );
    }
    let height = props.chart.height();
    // On a phone the stylesheet hides the canvas and the data table is open instead.
    let table_open = viewport < TABLE_BELOW;
    // The canvas has `scale` pixels for each CSS pixel: the stylesheet shows it as wide as
    // the figure (at most WIDTH), which is the width it is laid out for, its height following
    // the same proportions.
    html! {
        <figure class="chart">
            <canvas ref={canvas} width={(width * scale).to_string()} height={(height * scale).to_string()} role="img" aria-label={props.chart.summary()} />
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
