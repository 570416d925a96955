//! What makes the wasm large: its functions by body size, named from the module's name
//! section. `cargo xtask size` prints this when the first load is over budget, over the
//! bindgen output before wasm-opt (target/bindgen/tradeready_bg.wasm), which keeps the
//! names that the optimised file drops.

use anyhow::{Context, Result};
use std::collections::HashMap;
use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

/// One function of a module and the bytes of its body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Function {
    /// Its name from the name section, or `func[INDEX]` without one.
    pub name: String,
    /// The size of its body in the code section, in bytes.
    pub size: usize,
}

/// What a module holds, by size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sizes {
    /// The whole module, in bytes.
    pub total: usize,
    /// The code section's function bodies together.
    pub code: usize,
    /// The data segments together (strings, tables, the embedded profile text).
    pub data: usize,
    /// Every function defined in the module, largest first (ties by name).
    pub functions: Vec<Function>,
}

/// Reads a module's function bodies and names.
pub fn sizes(wasm: &[u8]) -> Result<Sizes> {
    let mut imported = 0u32;
    let mut bodies: Vec<usize> = Vec::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut data = 0;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.context("not a wasm module")? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import?.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len()),
            Payload::DataSection(reader) => {
                for segment in reader {
                    data += segment?.data.len();
                }
            }
            Payload::CustomSection(section) => {
                if let KnownCustom::Name(reader) = section.as_known() {
                    for subsection in reader {
                        // A malformed name section costs the names, not the listing.
                        let Ok(Name::Function(map)) = subsection else {
                            continue;
                        };
                        for naming in map.into_iter().flatten() {
                            names.insert(naming.index, naming.name.to_owned());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let code = bodies.iter().sum();
    let mut functions: Vec<Function> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, size)| {
            let index = imported + i as u32;
            Function {
                name: names
                    .remove(&index)
                    .unwrap_or_else(|| format!("func[{index}]")),
                size,
            }
        })
        .collect();
    functions.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.name.cmp(&b.name)));
    Ok(Sizes {
        total: wasm.len(),
        code,
        data,
        functions,
    })
}

/// The listing `cargo xtask size` prints: the module's code and data, then its `top`
/// largest functions with their share of the code.
pub fn listing(sizes: &Sizes, top: usize) -> String {
    let mut out = format!(
        "{} bytes: code {} bytes in {} functions, data {} bytes\n",
        sizes.total,
        sizes.code,
        sizes.functions.len(),
        sizes.data
    );
    out.push_str(&format!(
        "the {} largest functions (bytes, share of the code):\n",
        top.min(sizes.functions.len())
    ));
    for f in sizes.functions.iter().take(top) {
        let share = if sizes.code == 0 {
            0.0
        } else {
            100.0 * f.size as f64 / sizes.code as f64
        };
        let mut name = f.name.clone();
        if name.chars().count() > 100 {
            name = name.chars().take(99).collect::<String>() + "…";
        }
        out.push_str(&format!("  {:>8} {share:>5.1}%  {name}\n", f.size));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, DataSection, EntityType, ExportKind, ExportSection, Function as Body,
        FunctionSection, ImportSection, Instruction, MemorySection, MemoryType, Module, NameMap,
        NameSection, TypeSection, ValType,
    };

    /// A module with one imported function and three of its own of different sizes, a data
    /// segment, and a name section naming two of the three.
    fn tiny() -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], [ValType::I32]);
        module.section(&types);
        let mut imports = ImportSection::new();
        imports.import("env", "host", EntityType::Function(0));
        module.section(&imports);
        let mut functions = FunctionSection::new();
        for _ in 0..3 {
            functions.function(0);
        }
        module.section(&functions);
        let mut memories = MemorySection::new();
        memories.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        module.section(&memories);
        let mut exports = ExportSection::new();
        exports.export("big", ExportKind::Func, 2);
        module.section(&exports);
        let mut code = CodeSection::new();
        for constants in [1, 40, 5] {
            let mut body = Body::new([]);
            for i in 0..constants {
                body.instruction(&Instruction::I32Const(i));
                if i > 0 {
                    body.instruction(&Instruction::I32Add);
                }
            }
            body.instruction(&Instruction::End);
            code.function(&body);
        }
        module.section(&code);
        let mut data = DataSection::new();
        data.active(0, &wasm_encoder::ConstExpr::i32_const(0), vec![7u8; 300]);
        module.section(&data);
        let mut names = NameSection::new();
        let mut map = NameMap::new();
        map.append(0, "env::host");
        map.append(2, "tradeready::big_function");
        map.append(3, "tradeready::middle");
        names.functions(&map);
        module.section(&names);
        module.finish()
    }

    #[test]
    fn lists_the_largest_functions_by_name() {
        let wasm = tiny();
        wasmparser::validate(&wasm).expect("a valid module");
        let sizes = sizes(&wasm).unwrap();
        let names: Vec<&str> = sizes.functions.iter().map(|f| f.name.as_str()).collect();
        // The imported function has no body; the unnamed one keeps its index.
        assert_eq!(
            names,
            ["tradeready::big_function", "tradeready::middle", "func[1]"]
        );
        assert!(sizes.functions[0].size > sizes.functions[1].size);
        assert_eq!(
            sizes.code,
            sizes.functions.iter().map(|f| f.size).sum::<usize>()
        );
        assert_eq!(sizes.data, 300);
        assert_eq!(sizes.total, wasm.len());
        let listing = listing(&sizes, 2);
        assert!(listing.contains("the 2 largest functions"), "{listing}");
        assert!(listing.contains("tradeready::big_function"), "{listing}");
        assert!(!listing.contains("func[1]"), "{listing}");
    }

    #[test]
    fn refuses_what_is_not_wasm() {
        assert!(sizes(b"not wasm").is_err());
    }
}
