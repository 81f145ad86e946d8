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
;; out[0 .. stride) = Σ_k xs[k] × row ids[k], for k in [0, count): a weighted sum of rows
  ;; (the sparse half of the learned head: one row of class weights per feature the prompt has).
  (func (export "combinePicked") (param $mat i32) (param $stride i32) (param $ids i32) (param $xs i32) (param $count i32) (param $out i32)
    (local $end i32) (local $row i32) (local $at i32) (local $stop i32) (local $x v128)
    (local.set $at (local.get $out))
    (local.set $stop (i32.add (local.get $out) (local.get $stride)))
    (block $zeroed
      (br_if $zeroed (i32.ge_u (local.get $at) (local.get $stop)))
      (loop $zero
        (v128.store (local.get $at) (v128.const i32x4 0 0 0 0))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br_if $zero (i32.lt_u (local.get $at) (local.get $stop)))))
    (local.set $end (i32.add (local.get $ids) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $ids) (local.get $end)))
      (loop $next
        (local.set $row (i32.add (local.get $mat) (i32.mul (i32.load (local.get $ids)) (local.get $stride))))
        (local.set $x (f32x4.splat (f32.load (local.get $xs))))
        (local.set $at (local.get $out))
        (block $rowDone
          (br_if $rowDone (i32.ge_u (local.get $at) (local.get $stop)))
          (loop $lanes
            (v128.store (local.get $at) (f32x4.add (v128.load (local.get $at)) (f32x4.mul (local.get $x) (v128.load (local.get $row)))))
            (v128.store offset=16 (local.get $at) (f32x4.add (v128.load offset=16 (local.get $at)) (f32x4.mul (local.get $x) (v128.load offset=16 (local.get $row)))))
            (v128.store offset=32 (local.get $at) (f32x4.add (v128.load offset=32 (local.get $at)) (f32x4.mul (local.get $x) (v128.load offset=32 (local.get $row)))))
            (v128.store offset=48 (local.get $at) (f32x4.add (v128.load offset=48 (local.get $at)) (f32x4.mul (local.get $x) (v128.load offset=48 (local.get $row)))))
            (local.set $at (i32.add (local.get $at) (i32.const 64)))
            (local.set $row (i32.add (local.get $row) (i32.const 64)))
            (br_if $lanes (i32.lt_u (local.get $at) (local.get $stop)))))
        (local.set $ids (i32.add (local.get $ids) (i32.const 4)))
        (local.set $xs (i32.add (local.get $xs) (i32.const 4)))
        (br_if $next (i32.lt_u (local.get $ids) (local.get $end))))))
)
