;; textutil: the sample WebAssembly code module for reports (see ../README.md for the ABI).
;; Build: ./build.sh (writes ../textutil.wasm). Strings are UTF-8 in this module's memory: the host asks
;; alloc(len) for room, writes the argument there and passes (ptr, len); a string result comes back as
;; one i64, (ptr << 32) | len. The "rdl-functions" custom section declares the functions that use strings;
;; gcd is purely numeric and needs no declaration.
(module
  (@custom "rdl-functions" "reverse(text: string) -> string\nupper(text: string) -> string\nwordcount(text: string) -> i32\n")

  (memory (export "memory") 1)

  ;; Bump allocator. Results stay valid until the host's next alloc, which starts over at $base.
  (global $base i32 (i32.const 1024))
  (global $heap (mut i32) (i32.const 1024))
  (global $reset (mut i32) (i32.const 0))

  (func $alloc (export "alloc") (param $len i32) (result i32)
    (local $ptr i32) (local $end i32) (local $have i32)
    (if (global.get $reset)
      (then (global.set $heap (global.get $base)) (global.set $reset (i32.const 0))))
    (local.set $ptr (global.get $heap))
    (local.set $end (i32.and (i32.add (i32.add (local.get $ptr) (local.get $len)) (i32.const 7)) (i32.const -8)))
    (local.set $have (i32.mul (memory.size) (i32.const 65536)))
    (if (i32.gt_u (local.get $end) (local.get $have))
      (then
        (if (i32.eq (memory.grow (i32.add (i32.shr_u (i32.sub (local.get $end) (local.get $have)) (i32.const 16)) (i32.const 1)))
                    (i32.const -1))
          (then unreachable))))
    (global.set $heap (local.get $end))
    (local.get $ptr))

  ;; Packs a string result and lets the next alloc reuse the heap.
  (func $pack (param $ptr i32) (param $len i32) (result i64)
    (global.set $reset (i32.const 1))
    (i64.or (i64.shl (i64.extend_i32_u (local.get $ptr)) (i64.const 32)) (i64.extend_i32_u (local.get $len))))

  ;; reverse(text) -> text with its characters (UTF-8 code points) in reverse order.
  (func (export "reverse") (param $p i32) (param $n i32) (result i64)
    (local $out i32) (local $i i32) (local $b i32) (local $len i32)
    (local.set $out (call $alloc (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $b (i32.load8_u (i32.add (local.get $p) (local.get $i))))
        (local.set $len (i32.const 1))
        (if (i32.ge_u (local.get $b) (i32.const 0xF0))
          (then (local.set $len (i32.const 4)))
          (else (if (i32.ge_u (local.get $b) (i32.const 0xE0))
            (then (local.set $len (i32.const 3)))
            (else (if (i32.ge_u (local.get $b) (i32.const 0xC0))
              (then (local.set $len (i32.const 2))))))))
        (if (i32.gt_u (i32.add (local.get $i) (local.get $len)) (local.get $n))
          (then (local.set $len (i32.sub (local.get $n) (local.get $i)))))
        (memory.copy
          (i32.add (local.get $out) (i32.sub (i32.sub (local.get $n) (local.get $i)) (local.get $len)))
          (i32.add (local.get $p) (local.get $i))
          (local.get $len))
        (local.set $i (i32.add (local.get $i) (local.get $len)))
        (br $next)))
    (call $pack (local.get $out) (local.get $n)))

  ;; upper(text) -> text with ASCII letters in upper case.
  (func (export "upper") (param $p i32) (param $n i32) (result i64)
    (local $out i32) (local $i i32) (local $b i32)
    (local.set $out (call $alloc (local.get $n)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $b (i32.load8_u (i32.add (local.get $p) (local.get $i))))
        (if (i32.and (i32.ge_u (local.get $b) (i32.const 97)) (i32.le_u (local.get $b) (i32.const 122)))
          (then (local.set $b (i32.sub (local.get $b) (i32.const 32)))))
        (i32.store8 (i32.add (local.get $out) (local.get $i)) (local.get $b))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $pack (local.get $out) (local.get $n)))

  ;; wordcount(text) -> how many runs of non-blank characters it has.
  (func (export "wordcount") (param $p i32) (param $n i32) (result i32)
    (local $i i32) (local $count i32) (local $inword i32) (local $b i32)
    (global.set $reset (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $b (i32.load8_u (i32.add (local.get $p) (local.get $i))))
        (if (i32.le_u (local.get $b) (i32.const 32))
          (then (local.set $inword (i32.const 0)))
          (else
            (if (i32.eqz (local.get $inword))
              (then
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                (local.set $inword (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $count))

  ;; gcd(a, b) -> greatest common divisor (unsigned). Numeric: no declaration needed.
  (func (export "gcd") (param $a i32) (param $b i32) (result i32)
    (local $t i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $b)))
        (local.set $t (i32.rem_u (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (br $next)))
    (local.get $a))
)
