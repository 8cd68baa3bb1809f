;; category: alloc
;; peval: a small partial evaluator for a first-order language of
;; constants, variables, if, primitive operations and calls to named
;; functions; it specializes programs to some known arguments and the
;; result is measured by the size of the residual programs.
;;
;; A program is a list of (define (f x ...) body); expressions are numbers,
;; booleans, symbols, (quote d), (if c a b), (op e ...) for op in + - * = <
;; car cdr cons null? pair?, and (f e ...).

(define prims '(+ - * = < car cdr cons null? pair?))

(define (constant? e) (or (number? e) (boolean? e) (and (pair? e) (eq? (car e) 'quote))))
(define (constant-value e) (if (pair? e) (cadr e) e))
(define (make-constant v) (if (or (number? v) (boolean? v)) v (list 'quote v)))

(define (apply-prim op args)
  (cond ((eq? op '+) (+ (car args) (cadr args)))
        ((eq? op '-) (- (car args) (cadr args)))
        ((eq? op '*) (* (car args) (cadr args)))
        ((eq? op '=) (= (car args) (cadr args)))
        ((eq? op '<) (< (car args) (cadr args)))
        ((eq? op 'car) (car (car args)))
        ((eq? op 'cdr) (cdr (car args)))
        ((eq? op 'cons) (cons (car args) (cadr args)))
        ((eq? op 'null?) (null? (car args)))
        ((eq? op 'pair?) (pair? (car args)))
        (else (car 'unknown-primitive))))

(define (lookup-def prog name)
  (cond ((null? prog) #f)
        ((eq? (car (cadr (car prog))) name) (car prog))
        (else (lookup-def (cdr prog) name))))

(define (lookup env x)
  (let ((b (assq x env))) (if b (cdr b) x)))

;; Residual function definitions, keyed by (name . constant-args pattern).
(define residuals '())
(define counter 0)
(define (fresh-name base)
  (set! counter (+ counter 1))
  (string->symbol (string-append (symbol->string base) "-" (number->string counter))))

(define (all? p l) (or (null? l) (and (p (car l)) (all? p (cdr l)))))

(define (pe e env prog depth)
  (cond ((constant? e) e)
        ((symbol? e) (lookup env e))
        ((eq? (car e) 'if)
         (let ((c (pe (cadr e) env prog depth)))
           (if (constant? c)
               (if (constant-value c)
                   (pe (caddr e) env prog depth)
                   (pe (cadddr e) env prog depth))
               (list 'if c (pe (caddr e) env prog depth) (pe (cadddr e) env prog depth)))))
        ((memq (car e) prims)
         (let ((args (map (lambda (a) (pe a env prog depth)) (cdr e))))
           (if (all? constant? args)
               (make-constant (apply-prim (car e) (map constant-value args)))
               (simplify (cons (car e) args)))))
        (else
         (let ((def (lookup-def prog (car e)))
               (args (map (lambda (a) (pe a env prog depth)) (cdr e))))
           (if (and (> depth 0) (or (all? constant? args) (some-constant? args)))
               (pe (caddr def) (bind (cdr (cadr def)) args) prog (- depth 1))
               (residual-call def args prog))))))

(define (some-constant? l) (and (pair? l) (or (constant? (car l)) (some-constant? (cdr l)))))

(define (bind names values)
  (if (null? names) '() (cons (cons (car names) (car values)) (bind (cdr names) (cdr values)))))

(define (simplify e)
  (let ((op (car e)))
    (cond ((and (eq? op '+) (eqv? (cadr e) 0)) (caddr e))
          ((and (eq? op '+) (eqv? (caddr e) 0)) (cadr e))
          ((and (eq? op '*) (eqv? (cadr e) 1)) (caddr e))
          ((and (eq? op '*) (eqv? (caddr e) 1)) (cadr e))
          ((and (eq? op '*) (or (eqv? (cadr e) 0) (eqv? (caddr e) 0))) 0)
          (else e))))

;; A call that is not unfolded becomes a call to a specialized copy of the
;; function in which the constant arguments are substituted.
(define (residual-call def args prog)
  (let* ((params (cdr (cadr def)))
         (key (cons (car (cadr def)) (map (lambda (a) (if (constant? a) a '?)) args)))
         (known (assoc key residuals)))
    (let ((name (if known
                    (cdr known)
                    (let ((name (fresh-name (car (cadr def)))))
                      (set! residuals (cons (cons key name) residuals))
                      (let* ((dyn-params (dynamic-params params args))
                             (env (static-bindings params args))
                             (body (pe (caddr def) env prog 2)))
                        (set! residual-defs (cons (list 'define (cons name dyn-params) body) residual-defs)))
                      name))))
      (cons name (dynamic-args args)))))

(define residual-defs '())
(define (dynamic-params params args)
  (cond ((null? params) '())
        ((constant? (car args)) (dynamic-params (cdr params) (cdr args)))
        (else (cons (car params) (dynamic-params (cdr params) (cdr args))))))
(define (static-bindings params args)
  (cond ((null? params) '())
        ((constant? (car args)) (cons (cons (car params) (car args)) (static-bindings (cdr params) (cdr args))))
        (else (static-bindings (cdr params) (cdr args)))))
(define (dynamic-args args)
  (cond ((null? args) '())
        ((constant? (car args)) (dynamic-args (cdr args)))
        (else (cons (car args) (dynamic-args (cdr args))))))

(define (specialize prog entry args)
  (set! residuals '())
  (set! residual-defs '())
  (set! counter 0)
  (let ((main (pe (cons entry args) '() prog 4)))
    (cons main residual-defs)))

(define (size t) (if (pair? t) (+ (size (car t)) (size (cdr t))) 1))

(define power-prog
  '((define (power x n)
      (if (= n 0) 1 (* x (power x (- n 1)))))))

(define poly-prog
  '((define (poly x coeffs)
      (if (null? coeffs) 0 (+ (car coeffs) (* x (poly x (cdr coeffs))))))))

(define lookup-prog
  '((define (find key alist)
      (if (null? alist) #f
          (if (= key (car (car alist))) (cdr (car alist)) (find key (cdr alist)))))
    (define (sum-keys keys alist)
      (if (null? keys) 0 (+ (find (car keys) alist) (sum-keys (cdr keys) alist))))))

(define interp-prog
  '((define (run code acc)
      (if (null? code) acc
          (if (= (car (car code)) 0) (run (cdr code) (+ acc (cdr (car code))))
              (if (= (car (car code)) 1) (run (cdr code) (* acc (cdr (car code))))
                  (run (cdr code) (- acc (cdr (car code))))))))))

(define (one-round)
  (+ (size (specialize power-prog 'power '(y 12)))
     (size (specialize power-prog 'power '(3 n)))
     (size (specialize poly-prog 'poly '(z '(1 2 3 4 5 6 7 8))))
     (size (specialize lookup-prog 'sum-keys '('(1 2 3) '((1 . 10) (2 . 20) (3 . 30)))))
     (size (specialize lookup-prog 'sum-keys '(ks '((1 . 10) (2 . 20) (3 . 30) (4 . 40)))))
     (size (specialize interp-prog 'run '('((0 . 5) (1 . 3) (2 . 4) (1 . 2) (0 . 9)) a)))))

(define (repeat k)
  (let loop ((i 0) (r 0))
    (if (= i k) r (loop (+ i 1) (one-round)))))

(display "peval = ")
(display (repeat 1000))
(newline)
