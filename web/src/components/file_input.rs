//! A file picker that also accepts dropped files, and hands over their bytes.

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
    /// Called with the file's name and its bytes (without `multiple`).
    #[prop_or_default]
    pub on_file: Callback<(String, Vec<u8>)>,
    /// With `multiple`: called once with every file chosen or dropped together, names and
    /// bytes, in the order given (the readers finish in any order).
    #[prop_or_default]
    pub on_files: Callback<Vec<(String, Vec<u8>)>>,
    /// Test id of the input.
    pub id: AttrValue,
    /// Whether several files may be chosen or dropped at once.
    #[prop_or_default]
    pub multiple: bool,
}

/// Files being read together, each in its place.
type Batch = std::rc::Rc<std::cell::RefCell<Vec<Option<(String, Vec<u8>)>>>>;

#[function_component(FileInput)]
pub fn file_input(props: &Props) -> Html {
    // A reader must live until it has called back.
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let multiple = props.multiple;
    let read_all = {
        let (on_file, on_files) = (props.on_file.clone(), props.on_files.clone());
        move |files: Option<web_sys::FileList>| {
            let Some(files) = files else { return };
            let count = if multiple {
                files.length()
            } else {
                files.length().min(1)
            };
            let batch: Batch =
                std::rc::Rc::new(std::cell::RefCell::new(vec![None; count as usize]));
            let mut readers = readers.borrow_mut();
            for i in 0..count {
                let Some(file) = files.get(i) else { continue };
                let name = file.name();
                let (on_file, on_files, batch) = (on_file.clone(), on_files.clone(), batch.clone());
                let file = gloo::file::File::from(file);
                readers.push(gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                    let bytes = bytes.unwrap_or_default();
                    if !multiple {
                        on_file.emit((name, bytes));
                        return;
                    }
                    let done = {
                        let mut slots = batch.borrow_mut();
                        slots[i as usize] = Some((name, bytes));
                        slots.iter().all(Option::is_some)
                    };
                    if done {
                        on_files.emit(batch.borrow_mut().drain(..).flatten().collect());
                    }
                }));
            }
        }
    };
    let on_change = {
        let read_all = read_all.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            read_all(input.files());
            input.set_value("");
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        read_all(e.data_transfer().and_then(|d| d.files()));
    });
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    html! {
        <div class="drop" ondrop={on_drop} ondragover={on_drag_over}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input type="file" id={props.id.clone()} accept={props.accept.clone()} multiple={props.multiple} onchange={on_change} />
            <p class="hint">{ props.hint.clone() }</p>
        </div>
    }
}
