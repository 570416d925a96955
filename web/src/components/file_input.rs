//! A file picker that also accepts a dropped file, and hands over its bytes.

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Visible label.
    pub label: AttrValue,
    /// Hint below the label.
    pub hint: AttrValue,
    /// Accepted file types.
    pub accept: AttrValue,
    /// Called with the file name and its bytes.
    pub on_file: Callback<(String, Vec<u8>)>,
    /// Test id of the input.
    pub id: AttrValue,
}

#[function_component(FileInput)]
pub fn file_input(props: &Props) -> Html {
    // A reader must live until it has called back.
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let read = {
        let readers = readers.clone();
        let on_file = props.on_file.clone();
        move |file: web_sys::File| {
            let name = file.name();
            let on_file = on_file.clone();
            let file = gloo::file::File::from(file);
            let reader = gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                on_file.emit((name, bytes.unwrap_or_default()));
            });
            readers.borrow_mut().push(reader);
        }
    };
    let on_change = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read(file);
            }
            input.set_value("");
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read(file);
        }
    });
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    html! {
        <div class="drop" ondrop={on_drop} ondragover={on_drag_over}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input type="file" id={props.id.clone()} accept={props.accept.clone()} onchange={on_change} />
            <p class="hint">{ props.hint.clone() }</p>
        </div>
    }
}
