//! Build step: the rule files of `rules/` are TOML, for the editors who read and extend
//! them; the binary embeds each as JSON (in OUT_DIR), which parses several times faster
//! when a run first needs a category's rules. A rule file that is not valid TOML fails
//! the build, naming the file and the place.

use std::path::Path;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=rules");
    let mut paths: Vec<_> = std::fs::read_dir("rules")
        .expect("the rules/ folder is readable")
        .map(|e| e.expect("the rules/ folder is readable").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    // The characters rules/traditional.tsv has an entry for, one string: a run builds
    // its bit set of them without reading the whole table line by line.
    let table = std::fs::read_to_string("rules/traditional.tsv").expect("rules/traditional.tsv is readable");
    let keys: String = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.chars().next())
        .collect();
    std::fs::write(Path::new(&out).join("traditional_keys.txt"), keys).expect("OUT_DIR is writable");
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
        let json = serde_json::to_string(&value).expect("a TOML table is JSON");
        let name = path.with_extension("json");
        let name = name.file_name().expect("a rule file has a name");
        std::fs::write(Path::new(&out).join(name), json).expect("OUT_DIR is writable");
    }
}
