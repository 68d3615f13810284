//! Links whatever uses this crate against a link-only stub of libwasmedge, so the plug-in carries
//! `NEEDED libwasmedge.so.0` and versioned references (`WasmEdge_X@WASMEDGE_0.16`, and
//! `@WASMEDGE_0.17` for the five functions whose signature changed), exactly as if linked against
//! real libwasmedge 0.17. Unversioned references would bind to the 0.16 compatibility symbols of
//! the real library, which have the old signatures.
//!
//! The stub is built from `../link` (the SDK's `link/` directory next to `rust/`, so the crate
//! works wherever `sdk/` is vendored). It is named only `libwasmedge.so`, never
//! `libwasmedge.so.0`, so no loader ever picks it at run time: the real WasmEdge or our host shim
//! provides the functions then.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let link_dir = manifest_dir.join("..").join("link");
    let stub = link_dir.join("wasmedge_stub.c");
    let map = link_dir.join("libwasmedge.map");
    println!("cargo:rerun-if-changed={}", stub.display());
    println!("cargo:rerun-if-changed={}", map.display());
    println!("cargo:rerun-if-env-changed=CC");

    for file in [&stub, &map] {
        if !file.is_file() {
            panic!(
                "wasmedge-plugin-sdk: {} is missing.\n  hint: the crate expects the SDK layout `sdk/rust` next to `sdk/link`; \
                 copy (vendor) the whole `sdk/` directory, not only `sdk/rust`.",
                file.display()
            );
        }
    }

    let target_os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os != "linux" {
        // Symbol versions are an ELF feature; elsewhere the plug-in resolves WasmEdge_* from the host.
        println!("cargo:warning=wasmedge-plugin-sdk: not Linux, plug-in links without libwasmedge symbol versions");
        return;
    }

    let cc = env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let output = out_dir.join("libwasmedge.so");
    let status = Command::new(&cc)
        .args(["-shared", "-fPIC", "-O0", "-Wl,-soname,libwasmedge.so.0"])
        .arg(format!("-Wl,--version-script={}", map.display()))
        .arg("-o")
        .arg(&output)
        .arg(&stub)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => panic!("wasmedge-plugin-sdk: `{cc}` failed ({s}) building the link stub {}", output.display()),
        Err(e) => panic!(
            "wasmedge-plugin-sdk: cannot run the C compiler `{cc}` ({e}); it is needed to build the link-only \
             libwasmedge stub.\n  hint: install one (Debian/Ubuntu: `apt-get install gcc`) or set CC to a C compiler."
        ),
    }

    println!("cargo:rustc-link-search=native={}", out_dir.display());
    println!("cargo:rustc-link-lib=dylib=wasmedge");
}
