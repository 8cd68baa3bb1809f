;;; (srfi 26): cut and cute, specialising parameters without currying.
;;; <> marks a slot, <...> a rest slot; cute evaluates the other
;;; expressions once, when the procedure is made.
(define-library (srfi 26)
  (import (scheme base))
  (export cut cute <> <...>)
  (begin
    (define-syntax <>
      (syntax-rules () ((_ . x) (syntax-error "<> outside cut or cute"))))
    (define-syntax <...>
      (syntax-rules () ((_ . x) (syntax-error "<...> outside cut or cute"))))

    ;; (cut-build (params ...) (call ...) slots...) walks the slots,
    ;; adding a fresh parameter for each <>.
    (define-syntax cut-build
      (syntax-rules (<> <...>)
        ((_ (param ...) (call ...))
         (lambda (param ...) (call ...)))
        ((_ (param ...) (call ...) <...>)
         (lambda (param ... . rest) (apply call ... rest)))
        ((_ (param ...) (call ...) <> slot ...)
         (cut-build (param ... x) (call ... x) slot ...))
        ((_ (param ...) (call ...) e slot ...)
         (cut-build (param ...) (call ... e) slot ...))))

    (define-syntax cut
      (syntax-rules ()
        ((_ slot ...) (cut-build () () slot ...))))

    ;; Binds every non-slot expression first, then builds a cut over the
    ;; bound names.
    (define-syntax cute-build
      (syntax-rules (<> <...>)
        ((_ (binding ...) (slot* ...))
         (let (binding ...) (cut slot* ...)))
        ((_ (binding ...) (slot* ...) <> slot ...)
         (cute-build (binding ...) (slot* ... <>) slot ...))
        ((_ (binding ...) (slot* ...) <...> slot ...)
         (cute-build (binding ...) (slot* ... <...>) slot ...))
        ((_ (binding ...) (slot* ...) e slot ...)
         (cute-build (binding ... (t e)) (slot* ... t) slot ...))))

    (define-syntax cute
      (syntax-rules ()
        ((_ slot ...) (cute-build () () slot ...))))))
