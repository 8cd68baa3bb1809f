;; R7RS 4.3: define-syntax, let-syntax, letrec-syntax, syntax-rules and
;; hygiene.
(include "harness.scm")

;; 4.3.1 binding constructs for syntactic keywords
(test 'now (let-syntax ((given-that (syntax-rules ()
                                      ((_ test stmt1 stmt2 ...)
                                       (if test (begin stmt1 stmt2 ...))))))
             (let ((if #t))
               (given-that if (set! if 'now))
               if)))
(test 'outer (let ((x 'outer))
               (let-syntax ((m (syntax-rules () ((m) x))))
                 (let ((x 'inner))
                   (m)))))
(test 7 (letrec-syntax
            ((my-or (syntax-rules ()
                      ((my-or) #f)
                      ((my-or e) e)
                      ((my-or e1 e2 ...)
                       (let ((temp e1))
                         (if temp temp (my-or e2 ...)))))))
          (let ((x #f) (y 7) (temp 8) (let odd?) (if even?))
            (my-or x (let temp) (if y) y))))
(test "let-syntax keywords are not visible in their own definitions" 'outer-m
      (let-syntax ((m (syntax-rules () ((_) 'outer-m))))
        (let-syntax ((m (syntax-rules () ((_) 'inner-m)))
                     (n (syntax-rules () ((_) (m)))))
          (n))))
(test "letrec-syntax keywords see each other" 'inner-m
      (letrec-syntax ((m (syntax-rules () ((_) 'inner-m)))
                      (n (syntax-rules () ((_) (m)))))
        (n)))
(test "let-syntax body may contain definitions" 3
      (let ()
        (let-syntax ((m (syntax-rules () ((_ v) v))))
          (define z (m 3))
          z)))

;; 4.3.2 pattern language
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(test '(2 1) (let ((x 1) (y 2)) (swap! x y) (list x y)))
(test "macro temporary does not capture a user variable named tmp" '(2 1)
      (let ((tmp 1) (other 2)) (swap! tmp other) (list tmp other)))

(define-syntax my-or2
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((t e)) (if t t (my-or2 r ...))))))
(test "introduced binding t does not capture user t" 5
      (let ((t 5)) (my-or2 #f t)))
(test 3 (my-or2 #f #f 3))
(test #f (my-or2))

(define-syntax my-if
  (syntax-rules ()
    ((_ c a b) (cond (c a) (else b)))))
(test "user binding named else does not confuse a macro" 'no
      (let ((x #f)) (my-if x 'yes 'no)))

(define-syntax uses-list
  (syntax-rules ()
    ((_ a b) (list a b))))
(test "local binding named list does not break a macro using list" '(1 2)
      (let ((list vector)) (uses-list 1 2)))
(define-syntax uses-if
  (syntax-rules ()
    ((_ c) (if c 'true 'false))))
(test "local binding named if does not break a macro using if" 'true
      (let ((if (lambda args 'broken))) (uses-if #t)))
(test "local binding named cons" '(a . b)
      (let-syntax ((kons (syntax-rules () ((_ x y) (cons x y)))))
        (let ((cons list)) (kons 'a 'b))))

;; literals
(define-syntax arrow
  (syntax-rules (=>)
    ((_ a => b) (list 'arrow a b))
    ((_ a b c) (list 'plain a b c))))
(test '(arrow 1 2) (arrow 1 => 2))
(test '(plain 1 2 3) (arrow 1 2 3))
(test "a literal matches only the same binding" '(plain 1 x 2)
      (let ((=> 'x)) (arrow 1 => 2)))

(define-syntax for
  (syntax-rules (in from to)
    ((_ x in lst body ...) (map (lambda (x) body ...) lst))
    ((_ x from a to b body ...)
     (let loop ((x a) (acc '()))
       (if (> x b) (reverse acc) (loop (+ x 1) (cons (begin body ...) acc)))))))
(test '(2 4 6) (for x in '(1 2 3) (* x 2)))
(test '(1 4 9) (for i from 1 to 3 (* i i)))

;; ellipsis
(define-syntax my-list
  (syntax-rules ()
    ((_ x ...) (list x ...))))
(test '() (my-list))
(test '(1 2 3) (my-list 1 2 3))
(define-syntax ellipsis-after-literal
  (syntax-rules (sep)
    ((_ a ... sep b) (list (list a ...) b))
    ((_ sep b ...) (list 'leading (list b ...)))))
(test "ellipsis followed by a literal and a pattern" '((1 2) 3)
      (ellipsis-after-literal 1 2 sep 3))
(test "empty before the literal" '(() 3)
      (ellipsis-after-literal sep 3))
(test "literal followed by an ellipsis" '(leading (3 4))
      (ellipsis-after-literal sep 3 4))
(define-syntax tail-pattern
  (syntax-rules ()
    ((_ a ... z) '(z a ...))))
(test "ellipsis followed by a pattern" '(4 1 2 3) (tail-pattern 1 2 3 4))
(test "ellipsis with only the tail" '(4) (tail-pattern 4))
(define-syntax dotted-tail
  (syntax-rules ()
    ((_ a ... . r) '(r a ...))))
(test "ellipsis then a dotted tail" '(() 1 2) (dotted-tail 1 2))
(define-syntax nested
  (syntax-rules ()
    ((_ (a b ...) ...) '((b ... a) ...))))
(test "nested ellipses" '((2 3 1) (5 4) (6)) (nested (1 2 3) (4 5) (6)))
(define-syntax flatten
  (syntax-rules ()
    ((_ (a ...) ...) '(a ... ...))))
(test "consecutive ellipses flatten in a template" '(1 2 3 4) (flatten (1 2) (3 4)))
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(test 3 (my-let* ((a 1) (b (+ a 1))) (+ a b)))
(define-syntax pairs
  (syntax-rules ()
    ((_ (k v) ...) (list (cons 'k v) ...))))
(test '((a . 1) (b . 2)) (pairs (a 1) (b 2)))
(define-syntax vec-pattern
  (syntax-rules ()
    ((_ #(a ...)) (+ a ...))))
(test "vector patterns" 6 (vec-pattern #(1 2 3)))
(define-syntax vec-template
  (syntax-rules ()
    ((_ a ...) #(a ... end))))
(test "vector templates" #(1 2 end) (vec-template 1 2))
(define-syntax vec-tail
  (syntax-rules ()
    ((_ #(a ... z)) '(z a ...))))
(test "vector pattern with elements after the ellipsis" '(3 1 2) (vec-tail #(1 2 3)))

;; underscore
(define-syntax second
  (syntax-rules ()
    ((_ _ b . _) b)))
(test "underscore matches anything, several times" 2 (second 1 2 3 4))
(define-syntax count-args
  (syntax-rules ()
    ((_) 0)
    ((_ _) 1)
    ((_ _ _) 2)
    ((_ _ _ . _) 'many)))
(test '(0 1 2 many) (list (count-args) (count-args a) (count-args a b) (count-args a b c)))

;; custom ellipsis
(define-syntax be-like-begin
  (syntax-rules ()
    ((be-like-begin name)
     (define-syntax name
       (syntax-rules ()
         ((name expr (... ...))
          (begin expr (... ...))))))))
(be-like-begin sequence)
(test 4 (sequence 1 2 3 4))
(define-syntax my-elli
  (syntax-rules ::: ()
    ((_ x :::) (list 'x ::: ))))
(test "custom ellipsis identifier" '(a b c) (my-elli a b c))
(define-syntax elli-literal
  (syntax-rules ::: ()
    ((_ ... x :::) '(... x :::))))
(test "with a custom ellipsis, ... is an ordinary identifier" '(... 1 2)
      (elli-literal ... 1 2))
(define-syntax escaped
  (syntax-rules ()
    ((_ a) '(a (... ...)))))
(test "(... ...) yields a literal ellipsis" '(1 ...) (escaped 1))
(define-syntax escaped-template
  (syntax-rules ()
    ((_ a b) '(... (a b ...)))))
(test "(... template) escapes ellipses inside it" '(1 2 ...) (escaped-template 1 2))

;; recursion, literals matching, and patterns with data
(define-syntax my-cond
  (syntax-rules (else)
    ((_ (else e ...)) (begin e ...))
    ((_ (c e ...) clause ...) (if c (begin e ...) (my-cond clause ...)))))
(test 'b (my-cond (#f 'a) (#t 'b) (else 'c)))
(test 'c (my-cond (#f 'a) (else 'c)))
(define-syntax match-datum
  (syntax-rules ()
    ((_ 1) 'one)
    ((_ "two") 'two)
    ((_ #\3) 'three)
    ((_ x) 'other)))
(test '(one two three other) (list (match-datum 1) (match-datum "two") (match-datum #\3) (match-datum 4)))
(define-syntax while
  (syntax-rules ()
    ((_ cond body ...)
     (let lp () (when cond body ... (lp))))))
(test 10 (let ((i 0)) (while (< i 10) (set! i (+ i 1))) i))
(define-syntax my-inc!
  (syntax-rules ()
    ((_ v) (set! v (+ v 1)))
    ((_ v n) (set! v (+ v n)))))
(test 6 (let ((k 1)) (my-inc! k) (my-inc! k 4) k))

;; hygiene: free identifiers refer to the definition environment
(define hyg-x 'global)
(define-syntax get-hyg-x
  (syntax-rules () ((_) hyg-x)))
(test "free identifier refers to the global even when shadowed at use" 'global
      (let ((hyg-x 'local)) (get-hyg-x)))
(test "a macro that defines a name given by the user" 42
      (let ()
        (define-syntax def-it (syntax-rules () ((_ n v) (define n v))))
        (def-it answer 42)
        answer))
(test "macro generating a macro" 9
      (let ()
        (define-syntax def-sq
          (syntax-rules ()
            ((_ name) (define-syntax name (syntax-rules () ((_ v) (* v v)))))))
        (def-sq sq)
        (sq 3)))
(test "macro in an internal definition context" 3
      (let ()
        (define-syntax two (syntax-rules () ((_) 2)))
        (define one 1)
        (+ one (two))))
(test "macro expanding into several definitions via begin" '(1 2)
      (let ()
        (define-syntax def2 (syntax-rules () ((_ a b) (begin (define a 1) (define b 2)))))
        (def2 p q)
        (list p q)))
(test "macro use before the local macro is shadowed by a variable" 'var
      (let ((m 'var))
        (let-syntax ((n (syntax-rules () ((_) m))))
          (n))))
(test "quoting in a template gives plain symbols" 'tmp
      (let-syntax ((q (syntax-rules () ((_) 'tmp)))) (q)))
(test "macro-introduced define is hidden from the user body (hygiene)" 'user
      (let ((helper 'user))
        (let-syntax ((m (syntax-rules ()
                          ((_ e) (let ((helper 'macro)) e)))))
          (m helper))))
(test "do loop in a template" 10
      (let-syntax ((sum-to (syntax-rules ()
                             ((_ n) (do ((i 0 (+ i 1)) (s 0 (+ s i))) ((> i n) s))))))
        (sum-to 4)))
(test "redefining a macro keyword as a variable" 5
      (let ()
        (define-syntax kw (syntax-rules () ((_) 1)))
        (let ((kw 5)) kw)))

;; R7RS 4.3.2: "If _ appears in the <literal>s list, then that takes
;; precedence and the corresponding element in the <pattern> matches only
;; _"; likewise an ellipsis among the literals is a literal.
(define-syntax lit-underscore
  (syntax-rules (_) ((_ _) 'underscore) ((_ x) 'other)))
(test 'underscore (lit-underscore _))
(test 'other (lit-underscore 5))
(define-syntax lit-ellipsis
  (syntax-rules (...) ((_ a ...) '(dots a)) ((_ a b) '(two a b))))
(test '(dots 1) (lit-ellipsis 1 ...))
(test '(two 1 2) (lit-ellipsis 1 2))
(define-syntax own-ellipsis
  (syntax-rules ::: (...) ((_ ... x :::) '(escaped x :::)) ((_ y :::) '(plain y :::))))
(test '(escaped 1 2) (own-ellipsis ... 1 2))
(test '(plain 1 2) (own-ellipsis 1 2))

;; auxiliary syntax: else and => are (scheme base)'s bindings, so cond
;; and case find them however (scheme base) was imported
(define prefixed (environment '(prefix (scheme base) b:)))
(test "cond else with (scheme base) imported with a prefix" 2
      (eval '(b:cond (#f 1) (b:else 2)) prefixed))
(test "cond => with (scheme base) imported with a prefix" 'b
      (eval '(b:cond ((b:assv 2 (b:quote ((1 . a) (2 . b)))) b:=> b:cdr) (b:else 3)) prefixed))
(test "case else with (scheme base) imported with a prefix" 'z
      (eval '(b:case 3 ((1) 1) (b:else (b:quote z))) prefixed))
(test "case => with (scheme base) imported with a prefix" 6
      (eval '(b:case 3 ((3) b:=> (b:lambda (x) (b:* x 2))) (b:else 0)) prefixed))
(define renamed (environment '(rename (scheme base) (else otherwise) (=> gives))))
(test "cond else renamed" 2 (eval '(cond (#f 1) (otherwise 2)) renamed))
(test "cond => renamed" 'b (eval '(cond ((assv 2 '((1 . a) (2 . b))) gives cdr) (otherwise 3)) renamed))
(test "a local else is a variable, not the keyword" 'no-clause
      (let ((else #f)) (cond (#f 1) (else 2) (#t 'no-clause))))
(test-error "else used as an expression" error-object? "else"
            (eval 'else (environment '(scheme base))))

;; syntax-rules corner cases (R7RS 4.3.2)
(define-syntax underscore-literal
  (syntax-rules (_) ((m _) 'underscore) ((m x) 'other)))
(test "_ among the literals matches _" 'underscore (underscore-literal _))
(test "_ among the literals matches only _" 'other (underscore-literal 1))
(define-syntax custom-ellipsis
  (syntax-rules ::: (...) ((m ... x :::) '(dots x :::)) ((m y :::) '(plain y :::))))
(test "a custom ellipsis with ... as a literal: the literal" '(dots 1 2) (custom-ellipsis ... 1 2))
(test "a custom ellipsis with ... as a literal: the ellipsis" '(plain 1 2) (custom-ellipsis 1 2))
(test "... bound by let is a variable" 2 (let ((... 2)) ...))
(test "... bound by let is a variable inside an expression" 3 (let ((... 2)) (+ ... 1)))
(test "syntax-rules beneath a let that binds ..." '(1 2)
      (let ((... 'x)) (let-syntax ((m (syntax-rules () ((_ a ...) (list a ...))))) (m 1 2))))
(test-error "a template that binds ... in a let is a catchable syntax error" error-object? "let"
            (eval '(let-syntax ((m (syntax-rules () ((_ a ...) (let ((... 1)) (list a ...))))))
                     (m 1 2))
                  (environment '(scheme base))))
(test "p goes on after the macro errors" 3 (+ 1 2))

(test-end)
