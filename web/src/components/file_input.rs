//! A file picker that also accepts a dropped file, and hands over its bytes; and one that
//! takes several at once (the Workshop and Compare pages).

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

#[derive(Properties, PartialEq)]
pub struct ManyProps {
    /// Visible label.
    pub label: AttrValue,
    /// Hint below the label.
    pub hint: AttrValue,
    /// Accepted file types.
    pub accept: AttrValue,
    /// Called once with every file chosen or dropped together, names and bytes, in the
    /// order given (the readers finish in any order).
    pub on_files: Callback<Vec<(String, Vec<u8>)>>,
    /// Test id of the input.
    pub id: AttrValue,
}

/// Files being read together, each in its place.
type Batch = std::rc::Rc<std::cell::RefCell<Vec<Option<(String, Vec<u8>)>>>>;

#[function_component(FilesInput)]
pub fn files_input(props: &ManyProps) -> Html {
    // A reader must live until it has called back.
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let read_all = {
        let on_files = props.on_files.clone();
        move |files: Option<web_sys::FileList>| {
            let Some(files) = files else { return };
            let count = files.length();
            let batch: Batch =
                std::rc::Rc::new(std::cell::RefCell::new(vec![None; count as usize]));
            let mut readers = readers.borrow_mut();
            for i in 0..count {
                let Some(file) = files.get(i) else { continue };
                let name = file.name();
                let (on_files, batch) = (on_files.clone(), batch.clone());
                let file = gloo::file::File::from(file);
                readers.push(gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                    let bytes = bytes.unwrap_or_default();
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
            <input type="file" id={props.id.clone()} accept={props.accept.clone()} multiple=true onchange={on_change} />
            <p class="hint">{ props.hint.clone() }</p>
        </div>
    }
}
