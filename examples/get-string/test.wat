;; Prints the get_string plug-in's string and a newline to stdout.
;; Expected output (default options): "hello\n"
(module
  (import "get_string_module" "get_string"
    (func $get_string (param i32 i32 i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))

  ;; Layout: [0, 8) iovec {ptr, len}; [8, 12) bytes written by get_string;
  ;; [12, 16) bytes written by fd_write; [64, 320) string buffer.
  (memory (export "memory") 1)

  (func (export "_start")
    (local $len i32)
    ;; Leave one byte of the 256-byte buffer for the newline.
    (call $get_string (i32.const 64) (i32.const 255) (i32.const 8))
    (local.set $len (i32.load (i32.const 8)))
    (i32.store8 (i32.add (i32.const 64) (local.get $len)) (i32.const 10))
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.add (local.get $len) (i32.const 1)))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 12)))))
