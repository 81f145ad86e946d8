;; The dot-product kernel of routing: a matrix's rows (row-major, float32, each row padded with
;; zeros to a multiple of 16 floats) against one vector, with 128-bit SIMD. Compiled to
;; src/embed/kernel-wasm.ts by `node scripts/build-kernel.mjs` (the wabt package).
;; Every address and length is in bytes; the caller keeps all regions 16-byte aligned.
(module
  (memory (export "memory") 1)

  ;; Dot product of `len` bytes at $a and $b (len a multiple of 64), four float32x4 sums.
  (func $dot (param $a i32) (param $b i32) (param $len i32) (result f32)
    (local $end i32) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local.set $end (i32.add (local.get $a) (local.get $len)))
    (block $done
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (loop $next
        (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (v128.load (local.get $a)) (v128.load (local.get $b)))))
        (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (v128.load offset=16 (local.get $a)) (v128.load offset=16 (local.get $b)))))
        (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (v128.load offset=32 (local.get $a)) (v128.load offset=32 (local.get $b)))))
        (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (v128.load offset=48 (local.get $a)) (v128.load offset=48 (local.get $b)))))
        (local.set $a (i32.add (local.get $a) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $a) (local.get $end)))))
    (local.set $s0 (f32x4.add (f32x4.add (local.get $s0) (local.get $s1)) (f32x4.add (local.get $s2) (local.get $s3))))
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $s0)) (f32x4.extract_lane 1 (local.get $s0)))
      (f32.add (f32x4.extract_lane 2 (local.get $s0)) (f32x4.extract_lane 3 (local.get $s0)))))

  ;; out[r] = row r · vec, for r in [0, rows): rows of `stride` bytes starting at $mat.
  (func (export "dotRows") (param $mat i32) (param $rows i32) (param $stride i32) (param $vec i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (loop $next
        (f32.store (local.get $out) (call $dot (local.get $mat) (local.get $vec) (local.get $stride)))
        (local.set $mat (i32.add (local.get $mat) (local.get $stride)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br_if $next (i32.lt_u (local.get $out) (local.get $end))))))

  ;; out[k] = row ids[k] · vec, for k in [0, count): ids are int32 row numbers at $ids.
  (func (export "dotPicked") (param $mat i32) (param $stride i32) (param $vec i32) (param $ids i32) (param $count i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
      (loop $next
        (f32.store (local.get $out)
          (call $dot (i32.add (local.get $mat) (i32.mul (i32.load (local.get $ids)) (local.get $stride))) (local.get $vec) (local.get $stride)))
        (local.set $ids (i32.add (local.get $ids) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br_if $next (i32.lt_u (local.get $out) (local.get $end))))))
)
