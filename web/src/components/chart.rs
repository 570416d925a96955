//! A chart on a canvas, drawn by the core's generic `draw`, with its text alternative: an
//! aria-label summary and a data table.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use tradeready::chart::{BarChart, draw};
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

#[function_component(Chart)]
pub fn chart(props: &Props) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.chart.clone(), move |chart| {
            if let Some(element) = canvas.cast::<web_sys::HtmlCanvasElement>()
                && let Some(backend) = CanvasBackend::with_canvas_object(element)
            {
                let _ = draw(chart, &backend.into_drawing_area());
            }
        });
    }
    let height = 48 + 28 * props.chart.bars.len();
    html! {
        <figure class="chart">
            <canvas ref={canvas} width="720" height={height.to_string()} role="img" aria-label={props.chart.summary()} />
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
